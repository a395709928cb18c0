package sheet

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/recognition"
	"github.com/jxgreen/jxgreen/recognition/internal/jsonscan"
)

// Converter checks the rows of a table with a [recognition.Checker] and
// writes the results as a table. The zero Converter reads and writes
// NDJSON with a zero Checker; it is safe to run several at once, each on
// its own input and output.
type Converter struct {
	// Checker judges the rows; its Lang is also the language of the output
	// headers and outcomes, and its File is not used.
	Checker recognition.Checker
	// In and Out are the formats of the input and the output.
	In, Out Format
	// Scheme names the scheme (id or Chinese name) of the rows of CSV or
	// XLSX input that do not name one in a scheme column, or of every row
	// when there is no such column. (Each NDJSON line names its own.)
	Scheme string
	// Sheet names the worksheet of XLSX input; "" means the first.
	Sheet string
	// Encoding names the encoding of CSV input ("utf-8", "gb18030",
	// "utf-16"); "" tells it from the input.
	Encoding string
	// NoBOM leaves out the UTF-8 byte order mark that CSV output starts
	// with by default (see the package documentation).
	NoBOM bool
}

// Run reads a table from in, checks each row, and writes one output row
// per input row to out, in order. XLSX input must be a file or another
// io.ReaderAt that has a Size or Stat method (a zip archive is read from
// its end). It returns the Checker's summary, with the rows this package
// turned into error rows counted under their own kinds, and an error when
// the input cannot be read as a table (an [*InputError]), when reading it
// fails part way (the rows before are written first), or when the output
// cannot be written (a [*recognition.WriteError]; XLSX output holds at
// most 1,048,576 rows, as Excel does).
func (c *Converter) Run(ctx context.Context, in io.Reader, out io.Writer) (recognition.Summary, error) {
	lang := c.Checker.Lang
	if lang == language.Und {
		lang = i18n.Chinese()
	}
	chk := c.Checker
	chk.File = ""
	chk.Lang = lang
	if c.In == NDJSON {
		if c.Out == NDJSON {
			return chk.Run(ctx, in, out)
		}
		w, err := newTableWriter(c.Out, out, lang, ndjsonColumns(lang), 1, c.NoBOM)
		if err != nil {
			return recognition.Summary{}, err
		}
		s := &sink{w: w, ndjsonIn: true}
		sum, err := chk.Run(ctx, in, s)
		return c.finish(sum, err, s, nil)
	}

	var src source
	switch c.In {
	case CSV:
		cs, err := newCSVSource(in, c.Encoding)
		if err != nil {
			return recognition.Summary{}, err
		}
		src = cs
	case XLSX:
		ra, size, ok := readerAt(in)
		if !ok {
			return recognition.Summary{}, inputError(ErrWorkbook, "workbook.seek")
		}
		xs, err := openXLSX(ra, size, c.Sheet)
		if err != nil {
			return recognition.Summary{}, err
		}
		defer xs.close()
		src = xs
	default:
		return recognition.Summary{}, &FormatError{Name: c.In.String()}
	}
	headRow, head, err := findHeader(src)
	if err != nil {
		return recognition.Summary{}, err
	}
	m, err := newMapper(head, c.Scheme)
	if err != nil {
		return recognition.Summary{}, err
	}
	q := &queue{}
	b := &bridge{src: src, m: m, q: q, keepCells: c.Out != NDJSON, width: len(m.header)}
	var w tableWriter
	if c.Out != NDJSON {
		if w, err = newTableWriter(c.Out, out, lang, m.header, headRow, c.NoBOM); err != nil {
			return recognition.Summary{}, err
		}
	}
	s := &sink{q: q, w: w, lang: lang}
	if w == nil {
		s.nd = bufio.NewWriterSize(out, 64<<10)
	}
	b.start()
	sum, err := chk.Run(ctx, b, s)
	b.close()
	return c.finish(sum, err, s, b)
}

// findHeader finds the header row: the first row with two different
// values. The rows above it (blank rows, and a title or a note in one
// cell, often merged across the columns, as official lists begin) are not
// rows of the table.
func findHeader(src source) (int, []cell, error) {
	for {
		n, cells, err := src.next()
		if err == io.EOF {
			return 0, nil, inputError(ErrHeader, "header.empty")
		}
		if err != nil {
			return 0, nil, err
		}
		if k := len(cells); k > 0 && cells[k-1].kind == kindSyntax {
			line, why, _ := strings.Cut(cells[k-1].v, "\x00")
			return 0, nil, inputError(ErrHeader, "header.syntax", line, why)
		}
		first := ""
		for _, c := range cells {
			switch {
			case c.v == "":
			case first == "":
				first = c.v
			case c.v != first:
				return n, cells, nil
			}
		}
	}
}

// finish completes a run: the rows of the Checker's last write, the
// summary's error kinds, the writer's end (the XLSX summary sheet).
func (c *Converter) finish(sum recognition.Summary, err error, s *sink, b *bridge) (recognition.Summary, error) {
	if s.err != nil && err == nil {
		err = &recognition.WriteError{Err: s.err}
	}
	for kind, n := range s.kinds {
		retag(&sum, "blank", kind, n)
	}
	if b != nil && b.err != nil && (err == nil || !errors.Is(err, context.Canceled)) {
		err = b.err
	}
	if s.nd != nil {
		if ferr := s.nd.Flush(); ferr != nil && err == nil {
			err = &recognition.WriteError{Err: ferr}
		}
	}
	if s.w != nil {
		if cerr := s.w.close(sum); cerr != nil && err == nil {
			err = &recognition.WriteError{Err: cerr}
		}
	}
	return sum, err
}

// readerAt gives random access to in, for a zip archive.
func readerAt(in io.Reader) (io.ReaderAt, int64, bool) {
	ra, ok := in.(io.ReaderAt)
	if !ok {
		return nil, 0, false
	}
	switch v := in.(type) {
	case interface{ Size() int64 }:
		return ra, v.Size(), true
	case interface{ Stat() (os.FileInfo, error) }:
		fi, err := v.Stat()
		if err != nil || !fi.Mode().IsRegular() {
			return nil, 0, false
		}
		return ra, fi.Size(), true
	}
	return nil, 0, false
}

// entry is a row on its way through the Checker.
type entry struct {
	row   int
	cells []string // for table output
	err   *rowError
}

// queue hands the rows from the bridge (the Checker's reader goroutine) to
// the sink (its writer). It holds only the rows in flight in the Checker,
// whose memory is bounded.
type queue struct {
	mu   sync.Mutex
	q    []entry
	head int
}

func (q *queue) push(e entry) {
	q.mu.Lock()
	if q.head > 1024 && q.head*2 > len(q.q) {
		n := copy(q.q, q.q[q.head:])
		clear(q.q[n:])
		q.q, q.head = q.q[:n], 0
	}
	q.q = append(q.q, e)
	q.mu.Unlock()
}

func (q *queue) pop() (entry, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.head == len(q.q) {
		return entry{}, false
	}
	e := q.q[q.head]
	q.q[q.head] = entry{}
	q.head++
	return e, true
}

// bridge is the Checker's input: it reads rows from the table and gives
// them as NDJSON lines, one per row. A goroutine of its own reads and
// turns the rows into lines, chunk by chunk, while the Checker's reader
// cuts the chunks before into batches.
type bridge struct {
	src       source
	m         *mapper
	q         *queue
	keepCells bool
	width     int
	buf       []byte // the chunk being filled
	eof       bool
	err       error
	blanks    int // blank rows held back: dropped at the end of the table
	blankFrom int

	chunks chan []byte // filled chunks, to Read
	free   chan []byte // read chunks, back to be filled
	stop   chan struct{}
	done   chan struct{}
	cur    []byte // the chunk Read is giving out
	rest   []byte // what is left of it
}

// chunkSize is the size of the chunks of lines the bridge hands over.
const chunkSize = 64 << 10

func (b *bridge) start() {
	b.chunks = make(chan []byte, 4)
	b.free = make(chan []byte, 6)
	b.stop = make(chan struct{})
	b.done = make(chan struct{})
	go func() {
		defer close(b.done)
		defer close(b.chunks)
		for !b.eof {
			select {
			case b.buf = <-b.free:
				b.buf = b.buf[:0]
			default:
				b.buf = make([]byte, 0, chunkSize+4<<10)
			}
			for len(b.buf) < chunkSize && !b.eof {
				b.produce()
			}
			if len(b.buf) == 0 {
				return
			}
			select {
			case b.chunks <- b.buf:
			case <-b.stop:
				return
			}
		}
	}()
}

// close stops the goroutine, when the Checker stopped reading before the
// end, and waits for it.
func (b *bridge) close() {
	close(b.stop)
	<-b.done
}

func (b *bridge) Read(p []byte) (int, error) {
	if len(b.rest) == 0 {
		if b.cur != nil {
			select {
			case b.free <- b.cur:
			default:
			}
			b.cur = nil
		}
		c, ok := <-b.chunks
		if !ok {
			if b.err != nil {
				return 0, b.err
			}
			return 0, io.EOF
		}
		b.cur, b.rest = c, c
	}
	n := copy(p, b.rest)
	b.rest = b.rest[n:]
	return n, nil
}

// produce reads one row and appends its line.
func (b *bridge) produce() {
	n, cells, err := b.src.next()
	if err != nil {
		b.eof = true
		if err != io.EOF {
			b.err = err
		}
		return
	}
	if blank(cells) {
		if b.blanks == 0 {
			b.blankFrom = n
		}
		b.blanks++
		return
	}
	for i := range b.blanks {
		b.buf = append(b.buf, '\n')
		e := entry{row: b.blankFrom + i}
		if b.keepCells {
			e.cells = make([]string, b.width)
		}
		b.q.push(e)
	}
	b.blanks = 0
	var rerr *rowError
	b.buf, rerr = b.m.line(b.buf, cells)
	e := entry{row: n, err: rerr}
	if b.keepCells {
		e.cells = make([]string, max(b.width, len(cells)))
		for i, c := range cells {
			e.cells[i] = c.v
		}
	}
	b.q.push(e)
}

// sink is the Checker's output: it matches each output line with its row
// and writes the output row.
type sink struct {
	q        *queue
	w        tableWriter   // table output
	nd       *bufio.Writer // NDJSON output
	lang     language.Tag
	ndjsonIn bool
	partial  []byte
	kinds    map[string]int // rows this package made error rows, by kind
	err      error
	res      result
}

func (s *sink) Write(p []byte) (int, error) {
	data := p
	if len(s.partial) > 0 {
		s.partial = append(s.partial, p...)
		data = s.partial
	}
	for {
		i := bytes.IndexByte(data, '\n')
		if i < 0 {
			break
		}
		if err := s.line(data[:i]); err != nil {
			s.err = err
			return 0, err
		}
		data = data[i+1:]
	}
	s.partial = append(s.partial[:0:0], data...)
	if s.nd != nil {
		if err := s.nd.Flush(); err != nil {
			return 0, err
		}
	}
	if s.w != nil {
		if err := s.w.flush(); err != nil {
			return 0, err
		}
	}
	return len(p), nil
}

// errMisaligned says the Checker's lines no longer match the rows: a bug.
var errMisaligned = errors.New("sheet: the Checker's output does not match the rows")

func (s *sink) line(line []byte) error {
	if s.ndjsonIn {
		if err := s.res.parse(line); err != nil {
			return err
		}
		return s.w.row(&entry{row: s.res.line + 1, cells: []string{strconv.Itoa(s.res.line), s.res.scheme, s.res.number}}, &s.res)
	}
	e, ok := s.q.pop()
	if !ok {
		return errMisaligned
	}
	if e.err != nil {
		if s.kinds == nil {
			s.kinds = map[string]int{}
		}
		s.kinds[e.err.kind]++
		s.res = result{line: -1, scheme: e.err.scheme, outcome: "error", err: e.err.message(s.lang)}
		if s.nd != nil {
			return s.ndjsonError(e.row, e.err.scheme, s.res.err)
		}
		return s.w.row(&e, &s.res)
	}
	if s.nd != nil {
		// The Checker's line, with the row in place of the line number.
		const prefix = `{"line":`
		if bytes.HasPrefix(line, []byte(prefix)) {
			rest := line[len(prefix):]
			i := 0
			for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
				i++
			}
			s.nd.WriteString(`{"row":`)
			s.nd.WriteString(strconv.Itoa(e.row))
			s.nd.Write(rest[i:])
			return s.nd.WriteByte('\n')
		}
		if err := s.res.parse(line); err != nil {
			return err
		}
		b, _ := json.Marshal(s.res.ndjson(e.row))
		s.nd.Write(b)
		return s.nd.WriteByte('\n')
	}
	if err := s.res.parse(line); err != nil {
		return err
	}
	return s.w.row(&e, &s.res)
}

func (s *sink) ndjsonError(row int, scheme, msg string) error {
	b := make([]byte, 0, 96+len(scheme)+len(msg))
	b = append(b, `{"row":`...)
	b = strconv.AppendInt(b, int64(row), 10)
	b = append(b, `,"scheme":`...)
	b = jsonscan.AppendString(b, scheme)
	b = append(b, `,"number":"","outcome":"error","reasons":[],"error":`...)
	b = jsonscan.AppendString(b, msg)
	b = append(b, "}\n"...)
	_, err := s.nd.Write(b)
	return err
}

// result is one output line of the Checker.
type result struct {
	line    int
	scheme  string
	number  string
	outcome string
	reasons []reason
	err     string
}

type reason struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

func (r *result) parse(line []byte) error {
	var v struct {
		Line    int      `json:"line"`
		Scheme  string   `json:"scheme"`
		Number  string   `json:"number"`
		Outcome string   `json:"outcome"`
		Reasons []reason `json:"reasons"`
		Error   string   `json:"error"`
	}
	if err := json.Unmarshal(line, &v); err != nil {
		return fmt.Errorf("sheet: reading the Checker's output: %w", err)
	}
	*r = result{line: v.Line, scheme: v.Scheme, number: v.Number, outcome: v.Outcome, reasons: v.Reasons, err: v.Error}
	return nil
}

func (r *result) ndjson(row int) any {
	type out struct {
		Row     int      `json:"row"`
		Scheme  string   `json:"scheme"`
		Number  string   `json:"number"`
		Outcome string   `json:"outcome"`
		Reasons []reason `json:"reasons"`
		Error   string   `json:"error,omitempty"`
	}
	rs := r.reasons
	if rs == nil {
		rs = []reason{}
	}
	return out{row, r.scheme, r.number, r.outcome, rs, r.err}
}

package recognition

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/certification"
)

// UnknownScheme is how the summary counts a scheme that no adapter is
// registered for (one key, so that hostile input cannot grow it); the
// output line gives the scheme as written.
const UnknownScheme = "?"

// DefaultMaxLine is the longest input line a [Checker] reads, in bytes,
// unless told otherwise: 1 MiB. A longer line becomes an error line.
const DefaultMaxLine = 1 << 20

// Batching: lines travel between the stages in batches of at most
// batchLines lines or about batchBytes bytes, and at most 4 batches per
// worker are in flight, which bounds the memory of a run whatever the size
// of its input.
const (
	batchLines    = 256
	batchBytes    = 256 << 10
	batchesPerCPU = 4
)

// Checker checks NDJSON streams of partner records. Each input line is
//
//	{"scheme": "<id or Chinese name>", "record": {<native record>}}
//
// and each yields exactly one output line, in input order:
//
//	{"line": N, "scheme": "...", "number": "...", "outcome": "recognized"|"conditional"|"rejected"|"error",
//	 "reasons": [{"code": "...", "message": "..."}], "error": "..."}
//
// "error" appears only on error lines: a blank line, a line over MaxLine,
// a line with bytes that are not UTF-8, a line that is not a JSON object,
// a key twice in any object of the envelope, an unknown scheme, a record
// that fails its schema. An error line keeps what the input said: the scheme as
// written when no adapter knows it, and the record's number when the
// record has one under the key its scheme uses. Lines count from 1, blank
// ones included; when File is set, each output line names it after
// "line" ("file": "..."). The zero Checker is ready to use; it is safe to
// run several at once.
type Checker struct {
	// Workers is the number of goroutines that check records; 0 means
	// runtime.GOMAXPROCS(0).
	Workers int
	// At is the time validity is judged at; the zero time means now.
	At time.Time
	// Lang is the language of messages; the zero tag means Chinese.
	Lang language.Tag
	// MaxLine is the longest line accepted, in bytes; 0 means
	// DefaultMaxLine.
	MaxLine int
	// File, when set, names the input in every output line and in an
	// [*EncodingError]: a program that checks several files runs one
	// Checker per file, so that each line says where it came from.
	File string
	// Agreement chooses the terms for a record that arrived through an
	// adapter; nil means AgreementFor.
	Agreement func(via Adapter, r Record) Agreement
	// Lookup, when set, holds the recognizer's own certificates: a record
	// that claims to be one of them is checked against it ([WithLookup]).
	Lookup certification.Lookup
	// Progress, when set, is called after every ProgressEvery lines
	// written (default 10,000), from the goroutine that writes.
	Progress      func(Progress)
	ProgressEvery int
}

// Progress reports how far a run has come.
type Progress struct {
	Lines   int
	Elapsed time.Duration
}

// Rate returns lines per second.
func (p Progress) Rate() float64 {
	if p.Elapsed <= 0 {
		return 0
	}
	return float64(p.Lines) / p.Elapsed.Seconds()
}

// Summary counts what a run did.
type Summary struct {
	Lines int
	// Outcomes counts lines by outcome: "recognized", "conditional",
	// "rejected" and "error".
	Outcomes map[string]int
	// Schemes counts lines by scheme id (UnknownScheme for a scheme no
	// adapter knows, "" for none or for a line that is not JSON), never by
	// what a line writes, so that hostile input cannot grow it.
	Schemes map[string]int
	// Reasons counts reason codes over all decisions.
	Reasons map[string]int
	// Errors counts error lines by kind: "blank", "too-long", "encoding",
	// "syntax", "duplicate-key", "too-many-keys", "no-scheme",
	// "unknown-scheme", "no-record", "decode".
	Errors  map[string]int
	Elapsed time.Duration
}

func newSummary() Summary {
	return Summary{Outcomes: map[string]int{}, Schemes: map[string]int{}, Reasons: map[string]int{}, Errors: map[string]int{}}
}

func (s *Summary) merge(o *Summary) {
	s.Lines += o.Lines
	for k, v := range o.Outcomes {
		s.Outcomes[k] += v
	}
	for k, v := range o.Schemes {
		s.Schemes[k] += v
	}
	for k, v := range o.Reasons {
		s.Reasons[k] += v
	}
	for k, v := range o.Errors {
		s.Errors[k] += v
	}
}

func init() {
	i18n.Table("recognition.batch.", [][3]string{
		{"blank", "空行", "blank line"},
		{"too-long", "行长度超过 %d 字节上限", "line longer than the limit of %d bytes"},
		{"syntax", "不是 JSON 对象：%s", "not a JSON object: %s"},
		{"no-scheme", "缺少字符串类型的 \"scheme\" 字段", "no \"scheme\" string"},
		{"unknown-scheme", "未知的方案 %q", "unknown scheme %q"},
		{"no-record", "缺少 \"record\" 字段", "no \"record\" field"},
		{"decode", "记录不符合该方案的格式：%s", "the record does not fit its scheme: %s"},
		{"duplicate-key", "键 %q 重复出现（RFC 7493 不允许重复的键）", "the key %q appears twice (RFC 7493 forbids duplicate keys)"},
		{"too-many-keys", "对象超过 %d 个字段上限", "an object of more than %d members"},
		{"encoding", "该行第 %d 字节起不是 UTF-8 编码", "the line is not UTF-8 from byte %d"},
	})
}

// batch is a run of consecutive input lines and, once checked, their
// output.
type batch struct {
	seq   int
	first int      // line number of the first line
	buf   []byte   // the lines' bytes, one after the other
	ends  []int    // end of each line in buf
	long  []bool   // the line was over the limit (its bytes were dropped)
	out   []byte   // the output lines
	sum   *Summary // what the worker counted in this batch
}

func (b *batch) reset() {
	b.buf, b.ends, b.long, b.out = b.buf[:0], b.ends[:0], b.long[:0], b.out[:0]
}

func (b *batch) line(i int) []byte {
	start := 0
	if i > 0 {
		start = b.ends[i-1]
	}
	return b.buf[start:b.ends[i]]
}

// Run reads NDJSON from in, checks every line with a pool of workers, and
// writes one NDJSON line per input line to out, in input order, with
// memory bounded whatever the size of its input. It returns a summary of
// what it wrote, and an error only when it could not go on:
//
//   - reading in failed (a directory given as a file, a broken pipe): every
//     line read before the failure is checked and written first, then Run
//     returns the error (a line cut short by the failure is not a line);
//   - the input is not UTF-8: the first line with non-ASCII text is not
//     UTF-8 (a GB18030/GBK export, say). The lines before it are written,
//     then Run returns an [*EncodingError]. A UTF-8 byte order mark is
//     skipped, and is no proof of UTF-8 (one before GB18030 text gives the
//     same EncodingError). Once the input has shown UTF-8 text, a later line that is
//     not UTF-8 is an error line like any malformed line;
//   - writing out failed: Run returns a [*WriteError], with a summary of
//     only the lines whose output was written;
//   - ctx was cancelled: Run returns at once, even while a read blocks,
//     with what was written so far and the context's cause. The goroutine
//     blocked reading in then ends when that read returns (or the program
//     exits); every other goroutine of the run has ended.
//
// Run streams: when a read would block (input trickling in from a pipe or
// a terminal), the lines read so far are checked and their output written
// and flushed at once, without waiting for a full batch.
func (c *Checker) Run(ctx context.Context, in io.Reader, out io.Writer) (Summary, error) {
	start := time.Now()
	workers := c.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	maxLine := c.MaxLine
	if maxLine <= 0 {
		maxLine = DefaultMaxLine
	}
	at := c.At
	if at.IsZero() {
		at = time.Now()
	}
	lang := c.Lang
	if lang == language.Und {
		lang = i18n.Chinese()
	}
	every := c.ProgressEvery
	if every <= 0 {
		every = 10000
	}

	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)

	inflight := workers * batchesPerCPU
	tokens := make(chan struct{}, inflight)
	jobs := make(chan *batch, inflight)
	done := make(chan *batch, inflight)
	pool := sync.Pool{New: func() any { return &batch{} }}

	// Reader: cut the input into batches. Its error does not cancel the
	// run: the batches it sent before it are still checked and written.
	readErr := make(chan error, 1)
	go func() {
		defer close(jobs)
		readErr <- c.read(ctx, in, maxLine, tokens, jobs, &pool)
	}()

	// Workers: check each batch.
	var wwg sync.WaitGroup
	for range workers {
		wwg.Add(1)
		go func() {
			defer wwg.Done()
			w := worker{c: c, at: at, lang: lang, maxLine: maxLine}
			for {
				var b *batch
				var ok bool
				select {
				case b, ok = <-jobs:
				case <-ctx.Done():
					return
				}
				if !ok {
					return
				}
				w.check(b)
				select {
				case done <- b:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() { wwg.Wait(); close(done) }()

	// Writer, here: put the batches back in order and write them. The
	// summary counts a batch once its output has reached out: the output
	// is gathered in wbuf, and the batches' counts in unwritten, until a
	// write of wbuf succeeds.
	sum := newSummary()
	var wbuf []byte
	var unwritten []*Summary
	flush := func() error {
		if len(wbuf) > 0 {
			if _, err := out.Write(wbuf); err != nil {
				return err
			}
		}
		wbuf = wbuf[:0]
		for _, u := range unwritten {
			sum.merge(u)
		}
		unwritten = unwritten[:0]
		return nil
	}
	pending := map[int]*batch{}
	next, lines, lastReport := 0, 0, 0
	var writeErr error
loop:
	for {
		var b *batch
		var ok bool
		select {
		case b, ok = <-done:
		case <-ctx.Done():
			break loop
		}
		if !ok {
			break
		}
		pending[b.seq] = b
		for {
			nb, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if writeErr == nil {
				wbuf = append(wbuf, nb.out...)
				unwritten = append(unwritten, nb.sum)
				if len(wbuf) >= 64<<10 {
					if err := flush(); err != nil {
						writeErr = err
						cancel(err)
					}
				}
			}
			lines += len(nb.ends)
			nb.reset()
			pool.Put(nb)
			<-tokens
			if c.Progress != nil && lines-lastReport >= every {
				lastReport = lines
				c.Progress(Progress{Lines: lines, Elapsed: time.Since(start)})
			}
		}
		// Nothing more is ready: what was decided goes out now, not when
		// a buffer fills, so that a trickling input sees its answers.
		if writeErr == nil && len(done) == 0 && len(wbuf) > 0 {
			if err := flush(); err != nil {
				writeErr = err
				cancel(err)
			}
		}
	}
	if writeErr == nil {
		writeErr = flush()
	}
	wwg.Wait()
	var rerr error
	select {
	case rerr = <-readErr:
	default:
		// Cancelled while the reader is blocked in a read: it ends when the
		// read returns. (Setting a read deadline on in would unblock it, but
		// in is the caller's, and would stay broken after Run.)
	}
	sum.Elapsed = time.Since(start)
	switch {
	case writeErr != nil:
		return sum, &WriteError{Err: writeErr}
	case ctx.Err() != nil && context.Cause(ctx) != nil:
		return sum, context.Cause(ctx)
	case rerr != nil:
		var ee *EncodingError
		if errors.As(rerr, &ee) {
			ee.File = c.File
			return sum, ee
		}
		return sum, fmt.Errorf("recognition: reading: %w", rerr)
	}
	return sum, nil
}

// ErrWrite is returned when the output could not be written. A [*WriteError] wraps it.
var ErrWrite = i18n.NewSentinel("recognition.ErrWrite", "无法写出结果", "the output could not be written")

// WriteError reports that [Checker.Run] could not write its output (a
// closed pipe, a full disk). The summary returned with it counts only the
// lines whose output was written. errors.Is(err, ErrWrite) holds, and
// the writer's own error is in the chain.
type WriteError struct {
	Err error // the writer's error
}

func init() {
	i18n.Set("recognition.WriteError", "写出结果失败：%v", "writing the output failed: %v")
}

// Error returns the English description.
func (e *WriteError) Error() string { return "recognition: " + e.Localize(i18n.English()) }

// Localize describes the error in the language that best matches tag.
func (e *WriteError) Localize(tag language.Tag) string {
	return i18n.Sprintf(tag, "recognition.WriteError", e.Err)
}

// Unwrap returns [ErrWrite] and the writer's error.
func (e *WriteError) Unwrap() []error { return []error{ErrWrite, e.Err} }

// bom is the UTF-8 byte order mark, which Windows programs put before text.
const bom = "\uFEFF"

// read cuts in into batches of lines and sends them to jobs, taking a
// token for each so that no more than cap(tokens) are in flight. A batch
// goes as soon as it is full or the next read would block.
func (c *Checker) read(ctx context.Context, in io.Reader, maxLine int, tokens chan struct{}, jobs chan<- *batch, pool *sync.Pool) error {
	br := bufio.NewReaderSize(in, 64<<10)
	seq, lineNo := 0, 1
	sniffed := false // the encoding has been judged on a line with non-ASCII text
	// A byte order mark is skipped, but is no proof of UTF-8: some
	// programs put one before whatever they save, GB18030 text included,
	// so the first line with non-ASCII text is judged all the same.
	if p, err := br.Peek(len(bom)); err == nil && string(p) == bom {
		_, _ = br.Discard(len(bom))
	}
	var b *batch
	send := func() bool {
		if b == nil || len(b.ends) == 0 {
			return true
		}
		select {
		case jobs <- b:
		case <-ctx.Done():
			return false
		}
		b = nil
		return true
	}
	// fail sends the lines read before a failure, then gives the error.
	fail := func(err error) error {
		if b != nil && len(b.ends) == 0 {
			<-tokens // the batch was taken for nothing
			pool.Put(b)
			b = nil
		}
		send()
		return err
	}
	for {
		if b == nil {
			select {
			case tokens <- struct{}{}:
			case <-ctx.Done():
				return nil
			}
			b = pool.Get().(*batch)
			b.seq, b.first = seq, lineNo
			seq++
		}
		// Read one line into b.buf, dropping it past the limit.
		lineStart, over, any := len(b.buf), false, false
		var err error
		for {
			var piece []byte
			piece, err = br.ReadSlice('\n')
			if len(piece) > 0 {
				any = true
			}
			if !over {
				if len(b.buf)-lineStart+len(piece) > maxLine+2 { // room for "\r\n"
					over = true
					b.buf = b.buf[:lineStart]
				} else {
					b.buf = append(b.buf, piece...)
				}
			}
			if err != bufio.ErrBufferFull {
				break
			}
		}
		if err != nil && err != io.EOF {
			b.buf = b.buf[:lineStart] // a line cut short is not a line
			return fail(err)
		}
		if err == io.EOF && !any {
			return fail(nil)
		}
		// Trim the line ending.
		end := len(b.buf)
		if end > lineStart && b.buf[end-1] == '\n' {
			end--
			if end > lineStart && b.buf[end-1] == '\r' {
				end--
			}
		}
		if !over && end-lineStart > maxLine {
			over = true
			end = lineStart
		}
		if !sniffed && !over {
			if line := b.buf[lineStart:end]; !ascii(line) {
				sniffed = true
				if !utf8.Valid(line) {
					e := &EncodingError{Line: lineNo, GB18030: looksGB18030(line)}
					b.buf = b.buf[:lineStart]
					return fail(e)
				}
			}
		}
		b.buf = b.buf[:end]
		b.ends = append(b.ends, end)
		b.long = append(b.long, over)
		lineNo++
		if err == io.EOF {
			send()
			return nil
		}
		if len(b.ends) >= batchLines || len(b.buf) >= batchBytes || br.Buffered() == 0 {
			// Full, or the next read may block: let the workers have it.
			if !send() {
				return nil
			}
		}
		if ctx.Err() != nil {
			return nil
		}
	}
}

// ascii reports whether b is plain ASCII.
func ascii(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// looksGB18030 reports whether b, which is not UTF-8, reads as Chinese text
// in GB18030 (or its subset GBK), the encoding of Chinese Windows and of
// Excel's text exports.
func looksGB18030(b []byte) bool {
	s, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b)
	if err != nil || bytes.ContainsRune(s, utf8.RuneError) {
		return false
	}
	for len(s) > 0 {
		r, n := utf8.DecodeRune(s)
		if unicode.Is(unicode.Han, r) {
			return true
		}
		s = s[n:]
	}
	return false
}

// ErrNotUTF8 is the cause of an [*EncodingError].
var ErrNotUTF8 = i18n.NewSentinel("recognition.ErrNotUTF8", "输入不是 UTF-8 编码", "the input is not UTF-8")

// EncodingError reports input that is not UTF-8: the first line with
// non-ASCII text is not valid UTF-8. errors.Is(err, ErrNotUTF8) holds.
type EncodingError struct {
	File string // the Checker's File, if set
	Line int    // the line, counting from 1
	// GB18030 says the line reads as Chinese text in GB18030/GBK, as
	// Excel and Chinese Windows programs write text files.
	GB18030 bool
}

func init() {
	i18n.Table("recognition.encoding.", [][3]string{
		{"plain", "%s第 %d 行不是 UTF-8 编码：请先转换为 UTF-8",
			"%sline %d is not UTF-8: convert the input to UTF-8 first"},
		{"gb18030", "%s第 %d 行不是 UTF-8 编码，而像是 GB18030/GBK（Excel 和中文 Windows 导出的文本常用此编码）：请先转换为 UTF-8，或按 GB18030 解码后再输入",
			"%sline %d is not UTF-8 but looks like GB18030/GBK (as Excel and Chinese Windows export text): convert it to UTF-8, or decode it as GB18030 first"},
	})
}

// Error returns the English description.
func (e *EncodingError) Error() string { return "recognition: " + e.Localize(i18n.English()) }

// Unwrap returns ErrNotUTF8.
func (e *EncodingError) Unwrap() error { return ErrNotUTF8 }

// Localize describes the error in the language that best matches tag.
func (e *EncodingError) Localize(tag language.Tag) string {
	key := "recognition.encoding.plain"
	if e.GB18030 {
		key = "recognition.encoding.gb18030"
	}
	file := ""
	if e.File != "" {
		file = e.File + ": "
	}
	return i18n.Sprintf(tag, key, file, e.Line)
}

// worker checks batches; its caches are its own, so it needs no locks.
type worker struct {
	c       *Checker
	at      time.Time
	lang    language.Tag
	maxLine int

	adapters   map[string]cachedAdapter
	agreements map[[2]brand.ID]Agreement
	messages   map[string]string // rendered reasons, by code and arguments
	key        []byte
	numberKeys map[string][][]byte // quoted keys of a record's number, by scheme id ("": any)
}

// message renders a reason, from the worker's cache when the same reason
// with the same arguments was rendered before: a batch repeats them often,
// and formatting through the catalogue is the dearer part of a line.
func (w *worker) message(r Reason) string {
	// The cache key is the code and the arguments as given (a Localizer
	// by its type and value), so that a message seen before costs no
	// localizing; the worker's language is fixed.
	w.key = append(w.key[:0], r.Code...)
	for _, a := range r.Args {
		w.key = append(w.key, 0)
		switch v := a.(type) {
		case string:
			w.key = append(w.key, v...)
		default:
			w.key = fmt.Appendf(w.key, "%T\x00%v", v, v)
		}
	}
	if m, ok := w.messages[string(w.key)]; ok {
		return m
	}
	args := make([]any, len(r.Args))
	for i, a := range r.Args {
		if l, ok := a.(i18n.Localizer); ok {
			a = l.Localize(w.lang)
		}
		args[i] = a
	}
	m := i18n.Sprintf(w.lang, "recognition.reason."+r.Code, args...)
	if w.messages == nil || len(w.messages) >= 4*cacheLimit {
		w.messages = map[string]string{}
	}
	w.messages[string(w.key)] = m
	return m
}

type cachedAdapter struct {
	a  Adapter
	id brand.ID
}

const cacheLimit = 256

func (w *worker) adapter(key string) (cachedAdapter, bool) {
	if c, ok := w.adapters[key]; ok {
		return c, c.a != nil
	}
	var c cachedAdapter
	a, ok := Lookup(key)
	if ok {
		c = cachedAdapter{a: a, id: a.Brand().ID}
	}
	if w.adapters == nil {
		w.adapters = map[string]cachedAdapter{}
	}
	if len(w.adapters) < cacheLimit {
		w.adapters[key] = c
	}
	return c, ok
}

func (w *worker) agreement(via cachedAdapter, r Record) Agreement {
	if w.c.Agreement != nil {
		return w.c.Agreement(via.a, r)
	}
	k := [2]brand.ID{via.id, r.Scheme}
	if a, ok := w.agreements[k]; ok {
		return a
	}
	a := AgreementFor(via.a, r)
	if w.agreements == nil {
		w.agreements = map[[2]brand.ID]Agreement{}
	}
	if len(w.agreements) < cacheLimit {
		w.agreements[k] = a
	}
	return a
}

func (w *worker) check(b *batch) {
	s := newSummary()
	b.sum = &s
	for i := range b.ends {
		n := b.first + i
		s.Lines++
		if b.long[i] {
			b.out = w.errorLine(b.out, n, "", "", "too-long", i18n.Sprintf(w.lang, "recognition.batch.too-long", w.maxLine), &s)
			continue
		}
		b.out = w.checkLine(b.out, n, b.line(i), &s)
	}
}

// checkLine appends the output line for one input line.
func (w *worker) checkLine(out []byte, n int, line []byte, s *Summary) []byte {
	line = bytes.TrimPrefix(line, []byte(bom)) // files joined with cat keep their marks
	if isBlank(line) {
		return w.errorLine(out, n, "", "", "blank", i18n.Sprintf(w.lang, "recognition.batch.blank"), s)
	}
	if !utf8.Valid(line) {
		// Once the input has shown UTF-8 text (the reader judged that), a
		// line with bytes that are not UTF-8 is an error line: encoding/json
		// would turn them into U+FFFD and decide the record.
		scheme, number := w.readAnyway(line)
		return w.errorLine(out, n, scheme, number, "encoding",
			i18n.Sprintf(w.lang, "recognition.batch.encoding", firstInvalid(line)+1), s)
	}
	scheme, record, hasScheme, ok, fault := envelope(line, true)
	if !ok {
		fault = topLevelFault(line)
	}
	switch fault.kind {
	case "duplicate-key":
		scheme, number := w.readAnyway(line)
		return w.errorLine(out, n, scheme, number, fault.kind, i18n.Sprintf(w.lang, "recognition.batch.duplicate-key", fault.key), s)
	case "too-many-keys":
		scheme, number := w.readAnyway(line)
		return w.errorLine(out, n, scheme, number, fault.kind, i18n.Sprintf(w.lang, "recognition.batch.too-many-keys", MaxMembers), s)
	}
	if !ok {
		// The slow way, with the same exact-key rules (encoding/json would
		// match struct fields regardless of case).
		var env map[string]json.RawMessage
		if err := json.Unmarshal(line, &env); err != nil {
			// What the broken line says, as far as it can be read.
			return w.errorLine(out, n, valueOf(line, quotedScheme), w.numberOf(nil, "", line), "syntax",
				i18n.Sprintf(w.lang, "recognition.batch.syntax", err.Error()), s)
		}
		if env == nil {
			return w.errorLine(out, n, "", "", "syntax", i18n.Sprintf(w.lang, "recognition.batch.syntax", "null"), s)
		}
		var raw json.RawMessage
		raw, hasScheme = env["scheme"]
		if hasScheme && json.Unmarshal(raw, &scheme) != nil {
			hasScheme = false
		}
		if raw, ok := env["record"]; ok && string(raw) != "null" {
			record = raw
		}
	}
	if !hasScheme {
		return w.errorLine(out, n, "", w.numberOf(nil, "", record), "no-scheme", i18n.Sprintf(w.lang, "recognition.batch.no-scheme"), s)
	}
	a, found := w.adapter(scheme)
	if !found {
		// The line says the scheme as written; the summary counts it under
		// one key, so that hostile input cannot grow the summary.
		return w.errorLine(out, n, scheme, w.numberOf(nil, "", record), "unknown-scheme", i18n.Sprintf(w.lang, "recognition.batch.unknown-scheme", scheme), s)
	}
	id := string(a.id)
	if record == nil {
		return w.errorLine(out, n, id, "", "no-record", i18n.Sprintf(w.lang, "recognition.batch.no-record"), s)
	}
	var rec Record
	var err error
	if flat, ok := a.a.(*FlatAdapter); ok {
		rec, err = flat.decode(record, true) // the line is valid UTF-8: checked above
	} else {
		rec, err = a.a.Decode(record)
	}
	if err != nil {
		return w.errorLine(out, n, id, w.numberOf(a.a, id, record), "decode", i18n.Error(err, w.lang), s)
	}
	var d Decision
	if w.c.Lookup != nil {
		d = w.agreement(a, rec).Check(rec, w.at, WithLookup(w.c.Lookup))
	} else {
		d = w.agreement(a, rec).Check(rec, w.at)
	}

	outcome := d.Outcome.String()
	s.Outcomes[outcome]++
	s.Schemes[id]++
	out = w.appendStart(out, n)
	out = append(out, `,"scheme":`...)
	out = appendJSONString(out, id)
	out = append(out, `,"number":`...)
	out = appendJSONString(out, rec.Number)
	out = append(out, `,"outcome":"`...)
	out = append(out, outcome...)
	out = append(out, `","reasons":[`...)
	for i, r := range d.Reasons {
		s.Reasons[r.Code]++
		if i > 0 {
			out = append(out, ',')
		}
		out = append(out, `{"code":`...)
		out = appendJSONString(out, r.Code)
		out = append(out, `,"message":`...)
		out = appendJSONString(out, w.message(r))
		out = append(out, '}')
	}
	return append(out, "]}\n"...)
}

// errorLine appends an error line. scheme and number are what the input
// said, as far as it could be read; the summary counts only known scheme
// ids, so that hostile input cannot grow it.
func (w *worker) errorLine(out []byte, n int, scheme, number, kind, msg string, s *Summary) []byte {
	s.Outcomes["error"]++
	switch kind {
	case "unknown-scheme":
		s.Schemes[UnknownScheme]++ // one key, whatever the input says
	case "syntax":
		s.Schemes[""]++ // what a broken line seems to say is not counted
	default:
		if _, known := w.adapter(scheme); known || scheme == "" {
			s.Schemes[scheme]++
		} else {
			s.Schemes[UnknownScheme]++ // as written on the line, not counted by name
		}
	}
	s.Errors[kind]++
	out = w.appendStart(out, n)
	out = append(out, `,"scheme":`...)
	out = appendJSONString(out, scheme)
	out = append(out, `,"number":`...)
	out = appendJSONString(out, number)
	out = append(out, `,"outcome":"error","reasons":[],"error":`...)
	out = appendJSONString(out, msg)
	return append(out, "}\n"...)
}

// readAnyway returns, for the error line of a line whose envelope cannot
// be read (a duplicate key, too many keys, bytes that are not UTF-8), the
// scheme and number it says as far as they can be read: the scheme's id
// when an adapter knows it, else as written, and the record's number
// under the key the scheme's format uses.
func (w *worker) readAnyway(line []byte) (scheme, number string) {
	scheme = valueOf(line, quotedScheme)
	if scheme == "" {
		return "", w.numberOf(nil, "", line)
	}
	if a, ok := w.adapter(scheme); ok {
		return string(a.id), w.numberOf(a.a, string(a.id), line)
	}
	return scheme, w.numberOf(nil, "", line)
}

// firstInvalid returns the offset of the first byte of b that is not
// part of valid UTF-8; len(b) when there is none.
func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// appendStart opens an output line: its line number and, when the Checker
// has one, its file.
func (w *worker) appendStart(out []byte, n int) []byte {
	out = append(out, `{"line":`...)
	out = strconv.AppendInt(out, int64(n), 10)
	if w.c.File != "" {
		out = append(out, `,"file":`...)
		out = appendJSONString(out, w.c.File)
	}
	return out
}

// numberOf returns the record's number as written, for an error line: the
// string under the key the adapter's format uses, or, for an unknown
// scheme (a nil adapter), under any key a registered format uses. "" when
// there is none. It is an error path, read cheaply: a quoted key followed
// by a colon is a key wherever it stands in valid JSON, and a record that
// is not valid JSON gives at most what it says there.
func (w *worker) numberOf(a Adapter, id string, record []byte) string {
	if len(record) == 0 || record[0] != '{' {
		return ""
	}
	if w.numberKeys == nil {
		w.numberKeys = map[string][][]byte{}
	}
	keys, ok := w.numberKeys[id]
	if !ok {
		for _, ad := range Adapters() {
			if a != nil && string(ad.Brand().ID) != id {
				continue
			}
			if f, ok := ad.(*FlatAdapter); ok && f.Format.Number != "" {
				keys = append(keys, appendJSONString(nil, f.Format.Number))
			}
		}
		if len(w.numberKeys) < cacheLimit {
			w.numberKeys[id] = keys
		}
	}
	for _, k := range keys {
		if v := valueOf(record, k); v != "" {
			return v
		}
	}
	return ""
}

// valueOf returns the short string that follows the quoted key and a
// colon in b; "" for none.
func valueOf(b, quotedKey []byte) string {
	for {
		i := bytes.Index(b, quotedKey)
		if i < 0 {
			return ""
		}
		b = bytes.TrimLeft(b[i+len(quotedKey):], " \t\r\n")
		if len(b) == 0 || b[0] != ':' {
			continue
		}
		v, _ := leadingString(bytes.TrimLeft(b[1:], " \t\r\n"))
		return v
	}
}

// quotedScheme is the envelope's scheme key, as valueOf looks for it.
var quotedScheme = []byte(`"scheme"`)

// leadingString decodes the JSON string that b starts with, if it is a
// short one: a number, not a text.
func leadingString(b []byte) (string, bool) {
	if len(b) == 0 || b[0] != '"' {
		return "", false
	}
	for i := 1; i < len(b) && i <= 4*maxText; i++ {
		switch b[i] {
		case '\\':
			i++
		case '"':
			if bytes.IndexByte(b[1:i], '\\') < 0 {
				if !utf8.Valid(b[1:i]) {
					return "", false
				}
				return string(b[1:i]), true
			}
			var v string
			if json.Unmarshal(b[:i+1], &v) != nil || !utf8.ValidString(v) {
				return "", false
			}
			return v, true
		}
	}
	return "", false
}

func isBlank(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\r' {
			return false
		}
	}
	return true
}

// envelopeFault is what makes a line's envelope unreadable although it is
// JSON: a key twice (kind "duplicate-key", RFC 7493 forbids it) or more
// than MaxMembers keys ("too-many-keys"). The zero value is none.
type envelopeFault struct{ kind, key string }

// envelope reads {"scheme": "...", "record": {...}} without building a
// tree; ok is false when it is not sure, and the caller asks encoding/json.
// Other keys are allowed and ignored, up to MaxMembers of them; a key that
// appears twice is a fault (the line is refused). The record's own keys
// are its adapter's to check.
//
// valid says that line is known to be valid UTF-8.
func envelope(line []byte, valid bool) (scheme string, record []byte, hasScheme, ok bool, fault envelopeFault) {
	s := scanner{b: line, valid: valid}
	var seen [8][]byte
	keys := seen[:0] // the keys, as slices of line: no copies
	ok = s.object(func(key []byte) bool {
		for _, k := range keys {
			if bytes.Equal(k, key) {
				fault = envelopeFault{kind: "duplicate-key", key: string(k)}
				return false
			}
		}
		if len(keys) == MaxMembers {
			fault = envelopeFault{kind: "too-many-keys"}
			return false
		}
		keys = append(keys, key)
		switch string(key) {
		case "scheme":
			v, ok := s.plainString()
			scheme, hasScheme = v, ok
			return ok
		case "record":
			start := s.i
			if !s.skipValue(0) {
				return false
			}
			record = line[start:s.i]
			return true
		}
		// Any other member: skipped, but a key twice in any object in it
		// is a fault too ("anywhere in a line").
		return s.skipUnique(0, &fault)
	}) && s.end()
	if fault.kind != "" {
		return "", nil, false, true, fault
	}
	if !ok {
		return "", nil, false, false, fault
	}
	if string(record) == "null" {
		record = nil // as encoding/json leaves a *RawMessage nil for null
	}
	return scheme, record, hasScheme, true, fault
}

// topLevelFault is envelope's fault for the lines envelope was not sure
// of: escaped keys can spell the same key two ways. It returns the zero
// fault when there is none, or when line is not an object (encoding/json
// then says why).
func topLevelFault(line []byte) envelopeFault {
	dec := json.NewDecoder(bytes.NewReader(line))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return envelopeFault{}
	}
	seen := map[string]bool{}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return envelopeFault{}
		}
		k, _ := t.(string)
		if seen[k] {
			return envelopeFault{kind: "duplicate-key", key: k}
		}
		if len(seen) == MaxMembers {
			return envelopeFault{kind: "too-many-keys"}
		}
		seen[k] = true
		if k == "record" { // the record's own keys are its adapter's to check
			var skip json.RawMessage
			if dec.Decode(&skip) != nil {
				return envelopeFault{}
			}
			continue
		}
		if f, ok := uniqueValue(dec); !ok {
			return f
		}
	}
	return envelopeFault{}
}

// uniqueValue reads one value from dec, and returns the first duplicate
// key, or object of more than MaxMembers keys, in it in document order; ok
// is false when it found one or the value is not JSON.
func uniqueValue(dec *json.Decoder) (fault envelopeFault, ok bool) {
	t, err := dec.Token()
	if err != nil {
		return envelopeFault{}, false
	}
	d, isDelim := t.(json.Delim)
	if !isDelim {
		return envelopeFault{}, true
	}
	switch d {
	case '{':
		seen := map[string]bool{}
		for dec.More() {
			kt, err := dec.Token()
			if err != nil {
				return envelopeFault{}, false
			}
			k, _ := kt.(string)
			if seen[k] {
				return envelopeFault{kind: "duplicate-key", key: k}, false
			}
			if len(seen) == MaxMembers {
				return envelopeFault{kind: "too-many-keys"}, false
			}
			seen[k] = true
			if f, ok := uniqueValue(dec); !ok {
				return f, false
			}
		}
	case '[':
		for dec.More() {
			if f, ok := uniqueValue(dec); !ok {
				return f, false
			}
		}
	default:
		return envelopeFault{}, false
	}
	_, err = dec.Token()
	return envelopeFault{}, err == nil
}

// appendJSONString appends s as a JSON string, escaping as encoding/json
// does (without the HTML escapes), invalid UTF-8 as U+FFFD.
func appendJSONString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '"', '\\':
				dst = append(dst, '\\', c)
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i++
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

package recognition

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"sync"
	"time"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/certification"
)

// UnknownScheme is how output lines and the summary name a scheme that no
// adapter is registered for.
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
// a line that is not a JSON object, an unknown scheme (named "?"), a
// record that fails its schema. Lines count from 1, blank ones included. The zero Checker is
// ready to use; it is safe to run several at once.
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
	// adapter knows, "" for none).
	Schemes map[string]int
	// Reasons counts reason codes over all decisions.
	Reasons map[string]int
	// Errors counts error lines by kind: "blank", "too-long", "syntax",
	// "no-scheme", "unknown-scheme", "no-record", "decode".
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
		{"duplicate-key", "键 %q 重复出现（RFC 7493 不允许重复的键）", "the key %q appears twice (RFC 7493 forbids duplicate keys)"},
		{"too-many-keys", "对象超过 %d 个字段上限", "an object of more than %d members"},
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
// memory bounded whatever the size of the input. It returns a summary of
// what it did, and an error only when it could not go on: reading in or
// writing out failed, or ctx was cancelled (checked between lines; a read
// that blocks is waited for). Run leaks no goroutine.
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
		lang = i18n.Chinese
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

	var wg sync.WaitGroup
	// Reader: cut the input into batches.
	var readErr error
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(jobs)
		readErr = c.read(ctx, in, maxLine, tokens, jobs, &pool)
		if readErr != nil {
			cancel(readErr)
		}
	}()

	// Workers: check each batch.
	var wwg sync.WaitGroup
	for range workers {
		wwg.Add(1)
		go func() {
			defer wwg.Done()
			w := worker{c: c, at: at, lang: lang, maxLine: maxLine}
			for b := range jobs {
				if ctx.Err() != nil {
					continue // drain, so that the reader is never stuck
				}
				w.check(b)
				select {
				case done <- b:
				case <-ctx.Done():
				}
			}
		}()
	}
	go func() { wwg.Wait(); close(done) }()

	// Writer, here: put the batches back in order and write them.
	sum := newSummary()
	bw := bufio.NewWriterSize(out, 64<<10)
	pending := map[int]*batch{}
	next, lines, lastReport := 0, 0, 0
	var writeErr error
	for b := range done {
		pending[b.seq] = b
		for {
			nb, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if writeErr == nil {
				if _, err := bw.Write(nb.out); err != nil {
					writeErr = err
					cancel(err)
				}
			}
			sum.merge(nb.sum)
			lines += len(nb.ends)
			nb.reset()
			pool.Put(nb)
			<-tokens
			if c.Progress != nil && lines-lastReport >= every {
				lastReport = lines
				c.Progress(Progress{Lines: lines, Elapsed: time.Since(start)})
			}
		}
	}
	wg.Wait()
	if writeErr == nil {
		writeErr = bw.Flush()
	}
	sum.Elapsed = time.Since(start)
	switch {
	case writeErr != nil:
		return sum, fmt.Errorf("recognition: writing: %w", writeErr)
	case readErr != nil:
		return sum, fmt.Errorf("recognition: reading: %w", readErr)
	case context.Cause(ctx) != nil && ctx.Err() != nil:
		return sum, context.Cause(ctx)
	}
	return sum, nil
}

// read cuts in into batches of lines and sends them to jobs, taking a
// token for each so that no more than cap(tokens) are in flight.
func (c *Checker) read(ctx context.Context, in io.Reader, maxLine int, tokens chan struct{}, jobs chan<- *batch, pool *sync.Pool) error {
	br := bufio.NewReaderSize(in, 64<<10)
	seq, lineNo := 0, 1
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
			return err
		}
		if err == io.EOF && !any {
			if len(b.ends) > 0 {
				send()
			} else {
				<-tokens // the batch was taken for nothing
				pool.Put(b)
			}
			return nil
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
		b.buf = b.buf[:end]
		b.ends = append(b.ends, end)
		b.long = append(b.long, over)
		lineNo++
		if err == io.EOF {
			send()
			return nil
		}
		if len(b.ends) >= batchLines || len(b.buf) >= batchBytes {
			if !send() {
				return nil
			}
		}
		if ctx.Err() != nil {
			return nil
		}
	}
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
}

// message renders a reason, from the worker's cache when the same reason
// with the same arguments was rendered before: a batch repeats them often,
// and formatting through the catalogue is the dearer part of a line.
func (w *worker) message(r Reason) string {
	args := make([]any, len(r.Args))
	w.key = append(w.key[:0], r.Code...)
	for i, a := range r.Args {
		if l, ok := a.(i18n.Localizer); ok {
			a = l.Localize(w.lang)
		}
		args[i] = a
		w.key = append(w.key, 0)
		switch v := a.(type) {
		case string:
			w.key = append(w.key, v...)
		default:
			w.key = fmt.Append(w.key, v)
		}
	}
	if m, ok := w.messages[string(w.key)]; ok {
		return m
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
			b.out = w.errorLine(b.out, n, "", "too-long", i18n.Sprintf(w.lang, "recognition.batch.too-long", w.maxLine), &s)
			continue
		}
		b.out = w.checkLine(b.out, n, b.line(i), &s)
	}
}

// checkLine appends the output line for one input line.
func (w *worker) checkLine(out []byte, n int, line []byte, s *Summary) []byte {
	if isBlank(line) {
		return w.errorLine(out, n, "", "blank", i18n.Sprintf(w.lang, "recognition.batch.blank"), s)
	}
	scheme, record, hasScheme, ok, fault := envelope(line)
	if !ok {
		fault = topLevelFault(line)
	}
	switch fault.kind {
	case "duplicate-key":
		return w.errorLine(out, n, "", fault.kind, i18n.Sprintf(w.lang, "recognition.batch.duplicate-key", fault.key), s)
	case "too-many-keys":
		return w.errorLine(out, n, "", fault.kind, i18n.Sprintf(w.lang, "recognition.batch.too-many-keys", MaxMembers), s)
	}
	if !ok {
		// The slow way, with the same exact-key rules (encoding/json would
		// match struct fields regardless of case).
		var env map[string]json.RawMessage
		if err := json.Unmarshal(line, &env); err != nil {
			return w.errorLine(out, n, "", "syntax", i18n.Sprintf(w.lang, "recognition.batch.syntax", err.Error()), s)
		}
		if env == nil {
			return w.errorLine(out, n, "", "syntax", i18n.Sprintf(w.lang, "recognition.batch.syntax", "null"), s)
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
		return w.errorLine(out, n, "", "no-scheme", i18n.Sprintf(w.lang, "recognition.batch.no-scheme"), s)
	}
	a, found := w.adapter(scheme)
	if !found {
		// Counted under one key, so that hostile input cannot grow the summary.
		return w.errorLine(out, n, UnknownScheme, "unknown-scheme", i18n.Sprintf(w.lang, "recognition.batch.unknown-scheme", scheme), s)
	}
	id := string(a.id)
	if record == nil {
		return w.errorLine(out, n, id, "no-record", i18n.Sprintf(w.lang, "recognition.batch.no-record"), s)
	}
	rec, err := a.a.Decode(record)
	if err != nil {
		return w.errorLine(out, n, id, "decode", i18n.Error(err, w.lang), s)
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
	out = append(out, `{"line":`...)
	out = strconv.AppendInt(out, int64(n), 10)
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

func (w *worker) errorLine(out []byte, n int, scheme, kind, msg string, s *Summary) []byte {
	s.Outcomes["error"]++
	s.Schemes[scheme]++
	s.Errors[kind]++
	out = append(out, `{"line":`...)
	out = strconv.AppendInt(out, int64(n), 10)
	out = append(out, `,"scheme":`...)
	out = appendJSONString(out, scheme)
	out = append(out, `,"number":"","outcome":"error","reasons":[],"error":`...)
	out = appendJSONString(out, msg)
	return append(out, "}\n"...)
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
func envelope(line []byte) (scheme string, record []byte, hasScheme, ok bool, fault envelopeFault) {
	s := scanner{b: line}
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
		return s.skipValue(0)
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
		var skip json.RawMessage
		if dec.Decode(&skip) != nil {
			return envelopeFault{}
		}
	}
	return envelopeFault{}
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

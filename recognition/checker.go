package recognition

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"
	"time"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/certification"
)

// UnknownScheme is how the summary counts a scheme that no adapter is
// registered for (one key, so that hostile input cannot grow it); the
// output line gives the scheme as written.
const UnknownScheme = "?"

// defaultMaxLine is the longest input line a [Checker] reads, in bytes,
// unless told otherwise: 1 MiB. A longer line becomes an error line.
const defaultMaxLine = 1 << 20

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
//	 "agreement": {"id": "...", "version": "..."}, "reasons": [{"code": "...", "message": "..."}], "error": "..."}
//
// "agreement" names the terms applied ([Decision.Agreement]: "default" for
// the documented defaults) and appears only on decided lines; "error"
// appears only on error lines: a blank line, a line over MaxLine,
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
	// MaxLine is the longest line accepted, in bytes; 0 means 1 MiB.
	MaxLine int
	// File, when set, names the input in every output line and in an
	// [*EncodingError]: a program that checks several files runs one
	// Checker per file, so that each line says where it came from.
	File string
	// Agreement chooses the terms for a record that arrived through an
	// adapter; nil means Agreements.For(Recognizer, via, r, At).
	Agreement func(via Adapter, r Record) Agreement
	// Recognizer is the scheme whose terms decide: "" means 江西绿色生态;
	// a partner's id judges 江西绿色生态 records by that partner's terms
	// ([Agreements.For]).
	Recognizer brand.ID
	// Agreements, when set, replace the documented default terms for the
	// pairs of schemes they cover, in the version in force at At.
	Agreements *Agreements
	// Adapters, when set, are used instead of the registered adapter of
	// the same scheme id: an adapter that holds state the registered one
	// must not, such as the trusted issuer keys of a UNTP verifier
	// (untp.Verifier), which decides a signed credential's integrity.
	Adapters []Adapter
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
	// Outcomes counts decided lines by outcome; error lines are counted in
	// Errors instead ([Summary.ErrorLines]).
	Outcomes map[Outcome]int
	// Schemes counts lines by scheme id (UnknownScheme for a scheme no
	// adapter knows, "" for none or for a line that is not JSON), never by
	// what a line writes, so that hostile input cannot grow it.
	Schemes map[string]int
	// Reasons counts reason codes over all decisions.
	Reasons map[ReasonCode]int
	// Agreements counts decisions by the terms applied
	// (AgreementRef.IsDefault tells the documented defaults).
	Agreements map[AgreementRef]int
	// Errors counts error lines by kind: "blank", "too-long", "encoding",
	// "syntax", "duplicate-key", "too-many-keys", "no-scheme",
	// "unknown-scheme", "no-record", "decode".
	Errors  map[string]int
	Elapsed time.Duration
}

func newSummary() Summary {
	return Summary{Outcomes: map[Outcome]int{}, Schemes: map[string]int{}, Reasons: map[ReasonCode]int{}, Errors: map[string]int{}, Agreements: map[AgreementRef]int{}}
}

// Count returns the number of lines decided with outcome o.
func (s Summary) Count(o Outcome) int { return s.Outcomes[o] }

// ErrorLines returns the number of error lines, of every kind.
func (s Summary) ErrorLines() int {
	n := 0
	for _, v := range s.Errors {
		n += v
	}
	return n
}

// Add adds the counts of o to s (as when one run's summary is added to
// the total of several inputs); Elapsed is left as it is.
func (s *Summary) Add(o Summary) { s.merge(&o) }

// reset empties s for reuse, keeping the room its maps have grown.
func (s *Summary) reset() {
	s.Lines, s.Elapsed = 0, 0
	clear(s.Outcomes)
	clear(s.Schemes)
	clear(s.Reasons)
	clear(s.Agreements)
	clear(s.Errors)
}

func (s *Summary) merge(o *Summary) {
	if s.Outcomes == nil {
		*s = Summary{Lines: s.Lines, Elapsed: s.Elapsed, Outcomes: map[Outcome]int{}, Schemes: map[string]int{}, Reasons: map[ReasonCode]int{}, Errors: map[string]int{}}
	}
	if s.Agreements == nil {
		s.Agreements = map[AgreementRef]int{}
	}
	for k, v := range o.Agreements {
		s.Agreements[k] += v
	}
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

// batchPool holds batches for reuse.
type batchPool chan *batch

// get returns a batch, reused if one is free.
func (p batchPool) get() *batch {
	select {
	case b := <-p:
		return b
	default:
		return &batch{}
	}
}

// put keeps b for reuse (or drops it, should the pool be full).
func (p batchPool) put(b *batch) {
	select {
	case p <- b:
	default:
	}
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
		maxLine = defaultMaxLine
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
	// The batches, kept for reuse: no more than inflight are ever in use
	// (a token each), so the free list never fills, and a batch keeps the
	// room it has grown, which a sync.Pool would give up at every
	// collection.
	pool := make(batchPool, inflight)

	// Reader: cut the input into batches. Its error does not cancel the
	// run: the batches it sent before it are still checked and written.
	readErr := make(chan error, 1)
	go func() {
		defer close(jobs)
		readErr <- c.read(ctx, in, maxLine, tokens, jobs, pool)
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
	unwritten := newSummary()
	flush := func() error {
		if len(wbuf) > 0 {
			if _, err := out.Write(wbuf); err != nil {
				return err
			}
		}
		wbuf = wbuf[:0]
		sum.merge(&unwritten)
		unwritten.reset()
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
				unwritten.merge(nb.sum) // the batch's own counts are reused with it
				if len(wbuf) >= 64<<10 {
					if err := flush(); err != nil {
						writeErr = err
						cancel(err)
					}
				}
			}
			lines += len(nb.ends)
			nb.reset()
			pool.put(nb)
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

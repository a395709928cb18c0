package recognition

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/recognition/internal/fastpath"
	"github.com/jxgreen/jxgreen/recognition/internal/jsonscan"
)

const bom = "\uFEFF"

// read cuts in into batches of lines and sends them to jobs, taking a
// token for each so that no more than cap(tokens) are in flight. A batch
// goes as soon as it is full or the next read would block.
func (c *Checker) read(ctx context.Context, in io.Reader, maxLine int, tokens chan struct{}, jobs chan<- *batch, pool batchPool) error {
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
			b.reset()
			pool.put(b)
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
			b = pool.get()
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
				if !jsonscan.ValidUTF8(line) {
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
	messages   map[string]rendered // rendered reasons, by code and arguments
	faults     map[string]string   // rendered schema faults, by their fields
	key        []byte
	numberKeys map[string][][]byte // quoted keys of a record's number, by scheme id ("": any)
	// strict reads every envelope the sure way, without the lazy reading
	// of the common line: the tests hold the two to the same output.
	strict bool

	tally tally // the counts of the lines checked since the last flush
	// fileMember is `,"file":"…"` when the Checker has a File.
	fileMember []byte
}

// tally counts lines by what repeats from line to line (the scheme, the
// outcome, the terms, the reasons) in slices, through slots the worker's
// caches keep, instead of a Summary map assignment each: flush adds them
// to a Summary once a batch. TestTallyCountsAsTheSummaryMaps holds a run's
// summary to the counts of each line.
type tally struct {
	outcomes   [4]int   // by Outcome
	schemes    []int    // by cachedAdapter.slot
	schemeIDs  []string // the ids of the slots
	reasons    []int    // by rendered.slot
	reasonKeys []ReasonCode
	agreements []agreementSlot
}

// agreementSlot counts the decisions made on one set of terms, and keeps
// the output's "agreement" member for them.
type agreementSlot struct {
	ref    AgreementRef
	member []byte // as appendAgreement writes it
	n      int
}

// maxSlots bounds each of a tally's slices; past it, counts go straight to
// the summary's maps (the sets counted are fixed by the adapters and the
// agreements, not by the input, but a bound costs nothing).
const maxSlots = 64

// maxTerms bounds a tally's agreements, which each decided line looks
// through: a run applies a few sets of terms, and a Checker.Agreement that
// gives many costs no more than maxTerms comparisons a line.
const maxTerms = 16

// flush adds the counts to s and clears them.
func (t *tally) flush(s *Summary) {
	for o, n := range t.outcomes {
		if n > 0 {
			s.Outcomes[Outcome(o)] += n
			t.outcomes[o] = 0
		}
	}
	for i, n := range t.schemes {
		if n > 0 {
			s.Schemes[t.schemeIDs[i]] += n
			t.schemes[i] = 0
		}
	}
	for i, n := range t.reasons {
		if n > 0 {
			s.Reasons[t.reasonKeys[i]] += n
			t.reasons[i] = 0
		}
	}
	for i := range t.agreements {
		if a := &t.agreements[i]; a.n > 0 {
			s.Agreements[a.ref] += a.n
			a.n = 0
		}
	}
}

// schemeSlot returns the slot that counts scheme id, -1 for none.
func (t *tally) schemeSlot(id string) int { return slot(&t.schemeIDs, &t.schemes, id) }

// reasonSlot returns the slot that counts reason code c, -1 for none.
func (t *tally) reasonSlot(c ReasonCode) int { return slot(&t.reasonKeys, &t.reasons, c) }

// slot returns the index of k in keys, adding it with a zero count when
// there is room (maxSlots), -1 when there is none.
func slot[K comparable](keys *[]K, counts *[]int, k K) int {
	for i, x := range *keys {
		if x == k {
			return i
		}
	}
	if len(*keys) == maxSlots {
		return -1
	}
	*keys = append(*keys, k)
	*counts = append(*counts, 0)
	return len(*keys) - 1
}

// agreement counts a decision on the terms ref, and appends the output's
// "agreement" member for them.
func (t *tally) agreement(out []byte, ref AgreementRef, s *Summary) []byte {
	for i := range t.agreements {
		if a := &t.agreements[i]; a.ref == ref {
			a.n++
			return append(out, a.member...)
		}
	}
	if len(t.agreements) == maxTerms {
		s.Agreements[ref]++
		return appendAgreement(out, ref)
	}
	t.agreements = append(t.agreements, agreementSlot{ref: ref, member: appendAgreement(nil, ref), n: 1})
	return append(out, t.agreements[len(t.agreements)-1].member...)
}

// rendered is a reason as the output writes it: its message, and its
// member of "reasons" ({"code":…,"message":…}) ready to append; slot is
// the tally's slot for its code.
type rendered struct {
	message, member string
	slot            int
}

// message renders a reason (see rendering).
func (w *worker) message(r Reason) string { return w.rendering(r).message }

// rendering renders a reason, from the worker's cache when the same reason
// with the same arguments was rendered before: a batch repeats them often,
// and formatting through the catalogue, then quoting the message for JSON,
// is the dearer part of a line.
func (w *worker) rendering(r Reason) rendered {
	// The cache key is the code and the arguments as given (a Localizer
	// by its type and value), so that a message seen before costs no
	// localizing; the worker's language is fixed.
	w.key = append(w.key[:0], r.Code...)
	for _, a := range r.Args {
		// Each argument is a tag of its type, then its value (text after
		// its length, so that no text can spell two arguments); the types
		// the agreements give most often are written without package fmt.
		switch v := a.(type) {
		case string:
			w.key = strconv.AppendInt(append(w.key, 0, 's'), int64(len(v)), 10)
			w.key = append(append(w.key, ':'), v...)
		case certification.Mode:
			w.key = append(w.key, 0, 'm')
			w.key = strconv.AppendInt(w.key, int64(v), 10)
		case certification.Component:
			w.key = append(w.key, 0, 'c')
			w.key = strconv.AppendUint(w.key, uint64(v), 10)
		case brand.List:
			w.key = append(w.key, 0, 'l')
			for _, x := range v {
				w.key = strconv.AppendInt(append(w.key, ','), int64(x), 10)
			}
		default:
			text := fmt.Sprintf("%T\x00%v", v, v)
			w.key = strconv.AppendInt(append(w.key, 0, 'v'), int64(len(text)), 10)
			w.key = append(append(w.key, ':'), text...)
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
	m := i18n.Sprintf(w.lang, "recognition.reason."+string(r.Code), args...)
	member := []byte(`{"code":`)
	member = jsonscan.AppendString(member, string(r.Code))
	member = append(member, `,"message":`...)
	member = append(jsonscan.AppendString(member, m), '}')
	if w.messages == nil || len(w.messages) >= 4*cacheLimit {
		w.messages = map[string]rendered{}
	}
	re := rendered{message: m, member: string(member), slot: w.tally.reasonSlot(r.Code)}
	w.messages[string(w.key)] = re
	return re
}

// decodeMessage renders the error of decoding a record, from the worker's
// cache when it is a schema's fault seen before (a [*DecodeError] without a
// cause is its fields, and a dirty batch repeats them); other errors are
// rendered each time.
func (w *worker) decodeMessage(err error) string {
	e, ok := err.(*DecodeError)
	if !ok || e.Cause != nil {
		return i18n.Error(err, w.lang)
	}
	w.key = w.key[:0]
	for _, f := range [...]string{e.Scheme, e.Pointer, e.Rule, e.Detail} { // what Localize reads
		w.key = strconv.AppendInt(w.key, int64(len(f)), 10)
		w.key = append(append(w.key, ':'), f...)
	}
	if m, ok := w.faults[string(w.key)]; ok {
		return m
	}
	m := i18n.Error(err, w.lang)
	if w.faults == nil || len(w.faults) >= 4*cacheLimit {
		w.faults = map[string]string{}
	}
	w.faults[string(w.key)] = m
	return m
}

type cachedAdapter struct {
	a  Adapter
	id brand.ID
	// scheme is the output's "scheme" member for id; slot is the tally's
	// slot for it (-1: none).
	scheme []byte
	slot   int
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
		c.scheme = jsonscan.AppendString([]byte(`,"scheme":`), string(c.id))
		c.slot = w.tally.schemeSlot(string(c.id))
		for _, own := range w.c.Adapters {
			if own != nil && own.Brand().ID == c.id {
				c.a = own
				break
			}
		}
	}
	if w.adapters == nil {
		w.adapters = map[string]cachedAdapter{}
	}
	if len(w.adapters) < cacheLimit {
		w.adapters[key] = c
	}
	return c, ok
}

// adapterOf is adapter for a key read from a line.
func (w *worker) adapterOf(key []byte) (cachedAdapter, bool) {
	if c, ok := w.adapters[string(key)]; ok {
		return c, c.a != nil
	}
	return w.adapter(string(key))
}

func (w *worker) agreement(via cachedAdapter, r Record) Agreement {
	if w.c.Agreement != nil {
		return w.c.Agreement(via.a, r)
	}
	k := [2]brand.ID{via.id, r.Scheme}
	if a, ok := w.agreements[k]; ok {
		return a
	}
	a := w.c.Agreements.For(w.c.Recognizer, via.a, r, w.at) // the run's date is fixed: one version a pair
	if w.agreements == nil {
		w.agreements = map[[2]brand.ID]Agreement{}
	}
	if len(w.agreements) < cacheLimit {
		w.agreements[k] = a
	}
	return a
}

func (w *worker) check(b *batch) {
	// The batch's counts are reused with it: its maps keep their room.
	if b.sum == nil {
		s := newSummary()
		b.sum = &s
	} else {
		b.sum.reset()
	}
	s := b.sum
	for i := range b.ends {
		n := b.first + i
		s.Lines++
		if b.long[i] {
			b.out = w.errorLine(b.out, n, "", "", "too-long", i18n.Sprintf(w.lang, "recognition.batch.too-long", w.maxLine), s)
			continue
		}
		b.out = w.checkLineTallied(b.out, n, b.line(i), s)
	}
	w.tally.flush(s)
}

// checkLine appends the output line for one input line, and counts it in
// s.
func (w *worker) checkLine(out []byte, n int, line []byte, s *Summary) []byte {
	out = w.checkLineTallied(out, n, line, s)
	w.tally.flush(s)
	return out
}

// checkLineTallied is checkLine that leaves some of the counts in the
// worker's tally, for its caller to flush into s.
func (w *worker) checkLineTallied(out []byte, n int, line []byte, s *Summary) []byte {
	line = bytes.TrimPrefix(line, []byte(bom)) // files joined with cat keep their marks
	if isBlank(line) {
		return w.errorLine(out, n, "", "", "blank", i18n.Sprintf(w.lang, "recognition.batch.blank"), s)
	}
	if !w.strict {
		if out, done := w.checkCommonLine(out, n, line, s); done {
			return out
		}
	}
	if !jsonscan.ValidUTF8(line) {
		// Once the input has shown UTF-8 text (the reader judged that), a
		// line with bytes that are not UTF-8 is an error line: encoding/json
		// would turn them into U+FFFD and decide the record.
		scheme, number := w.readAnyway(line)
		return w.errorLine(out, n, scheme, number, "encoding",
			i18n.Sprintf(w.lang, "recognition.batch.encoding", jsonscan.FirstInvalid(line)+1), s)
	}
	scheme, record, hasScheme, ok, fault := jsonscan.Envelope(line, true)
	if !ok {
		fault = jsonscan.TopLevelFault(line)
	}
	switch fault.Kind() {
	case "duplicate-key":
		scheme, number := w.readAnyway(line)
		return w.errorLine(out, n, scheme, number, fault.Kind(), i18n.Sprintf(w.lang, "recognition.batch.duplicate-key", fault.Key()), s)
	case "too-many-keys":
		scheme, number := w.readAnyway(line)
		return w.errorLine(out, n, scheme, number, fault.Kind(), i18n.Sprintf(w.lang, "recognition.batch.too-many-keys", jsonscan.MaxMembers), s)
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
		return w.errorLine(out, n, scheme, w.numberOf(nil, "", record), "unknown-scheme", unknownScheme(w.lang, scheme), s)
	}
	if record == nil {
		return w.errorLine(out, n, string(a.id), "", "no-record", i18n.Sprintf(w.lang, "recognition.batch.no-record"), s)
	}
	return w.decodeAndDecide(out, n, a, record, s)
}

// checkCommonLine appends the output line of the common line, whose
// envelope is read lazily: the record stepped over (or taken up to the
// line's last brace but one) and read once, by its decoder. That answer is
// the envelope's only once the record is known to be valid JSON: done is
// false, and out as it was, for anything else, which the caller reads
// again the sure way.
//
// A flat record that the fast path reads is read before the line's UTF-8
// is known: the envelope and the record are read checking the UTF-8 of
// each string, and nothing else is in a line the two accept (keys,
// punctuation and white space are ASCII), so the line is UTF-8 when they
// do. So is the record of any other scheme, checked for UTF-8 and JSON
// in one reading before its decoder reads it; a flat record that the fast
// path declines is read once the whole line is known to be UTF-8.
func (w *worker) checkCommonLine(out []byte, n int, line []byte, s *Summary) (_ []byte, done bool) {
	scheme, record, hasScheme, ok, fault := jsonscan.EnvelopeLazyUnchecked(line)
	if !ok || fault.Kind() != "" || !hasScheme || record == nil {
		return out, false
	}
	a, found := w.adapterOf(scheme)
	if !found {
		return out, false
	}
	flat, isFlat := a.a.(*FlatAdapter)
	if isFlat {
		if rec, decided, err := flat.format.decodeFastValid(record, false); decided {
			// The fast path read the record strictly: it is valid JSON.
			if err != nil {
				id := string(a.id)
				return w.errorLine(out, n, id, w.numberOf(a.a, id, record), "decode", w.decodeMessage(err), s), true
			}
			return w.decide(out, n, a, rec, s), true
		}
	}
	if !isFlat {
		// The record is checked for UTF-8 and JSON in one reading: with
		// the envelope's strings, checked as it read them, it is all of
		// the line that can hold bytes past ASCII.
		if jsonscan.ValidUTF8Value(record) {
			return w.decodeAndDecide(out, n, a, record, s), true
		}
		return out, false // the caller words it
	}
	if !jsonscan.ValidUTF8(line) {
		return out, false // the caller words it
	}
	rec, err := decodeFlatSlow(flat, record)
	if err == nil {
		// The strict readers of a flat record (package jsonscan, or
		// encoding/json and a schema that admits only one flat
		// object) accepted it: it is valid JSON.
		return w.decide(out, n, a, rec, s), true
	}
	if jsonscan.ValidValue(record) {
		id := string(a.id)
		return w.errorLine(out, n, id, w.numberOf(a.a, id, record), "decode", w.decodeMessage(err), s), true
	}
	return out, false
}

// decodeAndDecide appends the output line of a record of a known scheme:
// its decision, or the error of decoding it.
func (w *worker) decodeAndDecide(out []byte, n int, a cachedAdapter, record []byte, s *Summary) []byte {
	var rec Record
	var err error
	if flat, ok := a.a.(*FlatAdapter); ok {
		rec, err = decodeFlat(flat, record)
	} else {
		rec, err = a.a.Decode(record)
	}
	if err != nil {
		id := string(a.id)
		return w.errorLine(out, n, id, w.numberOf(a.a, id, record), "decode", w.decodeMessage(err), s)
	}
	return w.decide(out, n, a, rec, s)
}

// decodeFlat is a.Decode for a record of a line known to be valid UTF-8,
// with one more shortcut before the compiled schema: a flat record that
// the fast path declines (it lacks a field, a code is malformed: the
// faults of a dirty batch) gets the schema's error without validating the
// whole record (schema.FlatFault). TestDecodeFlatIsDecode and
// FuzzFlatFaultAgreesWithSchema hold it to a.Decode.
func decodeFlat(a *FlatAdapter, native []byte) (Record, error) {
	if r, decided, err := a.format.decodeFastValid(native, true); decided {
		return r, err
	}
	return decodeFlatSlow(a, native)
}

// decodeFlatSlow is decodeFlat for a record that the fast path declined.
// The schema's first fault is worded from the record as schema.FlatFaultOf
// reads it (no tree, no validator for the common keywords); anything it
// cannot word goes to the compiled schema (TestFlatFaultOfIsDecode,
// FuzzFlatFaultOfAgreesWithDecode).
func decodeFlatSlow(a *FlatAdapter, native []byte) (Record, error) {
	if err, known := a.schema.FlatFaultOf(native, true); known && err != nil {
		return Record{}, err
	}
	return a.DecodeBySchema(native)
}

// decide appends the output line of a decoded record.
func (w *worker) decide(out []byte, n int, a cachedAdapter, rec Record, s *Summary) []byte {
	id := string(a.id)
	var d Decision
	ag := w.agreement(a, rec)
	if _, flat := a.a.(*FlatAdapter); flat {
		// A flat adapter's records are made by Format.build, whose holder
		// code is already the canonical code: checkBuilt does not parse it
		// again (TestCheckAgreesWithReference holds the two to Check).
		d = ag.checkBuilt(&rec, w.at, w.c.Lookup)
	} else if w.c.Lookup != nil {
		d = ag.Check(rec, w.at, WithLookup(w.c.Lookup))
	} else {
		d = ag.Check(rec, w.at)
	}

	outcome := d.Outcome.String()
	if o := int(d.Outcome); o >= 0 && o < len(w.tally.outcomes) {
		w.tally.outcomes[o]++
	} else {
		s.Outcomes[d.Outcome]++
	}
	out = w.appendStart(out, n)
	if a.slot >= 0 && a.scheme != nil {
		w.tally.schemes[a.slot]++
		out = append(out, a.scheme...)
	} else {
		s.Schemes[id]++
		out = append(out, `,"scheme":`...)
		out = jsonscan.AppendString(out, id)
	}
	out = append(out, `,"number":`...)
	out = jsonscan.AppendString(out, rec.Number)
	out = append(out, `,"outcome":"`...)
	out = append(out, outcome...)
	out = w.tally.agreement(append(out, '"'), d.Agreement, s)
	out = append(out, `,"reasons":[`...)
	for i, r := range d.Reasons {
		if i > 0 {
			out = append(out, ',')
		}
		re := w.rendering(r)
		if re.slot >= 0 {
			w.tally.reasons[re.slot]++
		} else {
			s.Reasons[r.Code]++
		}
		out = append(out, re.member...)
	}
	return append(out, "]}\n"...)
}

// errorLine appends an error line. scheme and number are what the input
// said, as far as it could be read; the summary counts only known scheme
// ids, so that hostile input cannot grow it.
func (w *worker) errorLine(out []byte, n int, scheme, number, kind, msg string, s *Summary) []byte {
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
	out = jsonscan.AppendString(out, scheme)
	out = append(out, `,"number":`...)
	out = jsonscan.AppendString(out, number)
	out = append(out, `,"outcome":"error","reasons":[],"error":`...)
	out = jsonscan.AppendString(out, msg)
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

// appendStart opens an output line: its line number and, when the Checker
// has one, its file.
func (w *worker) appendStart(out []byte, n int) []byte {
	out = append(out, `{"line":`...)
	out = strconv.AppendInt(out, int64(n), 10)
	if w.c.File != "" {
		if w.fileMember == nil {
			w.fileMember = jsonscan.AppendString([]byte(`,"file":`), w.c.File)
		}
		out = append(out, w.fileMember...)
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
			if f, ok := ad.(*FlatAdapter); ok && f.format.Number != "" {
				keys = append(keys, jsonscan.AppendString(nil, f.format.Number))
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
	for i := 1; i < len(b) && i <= 4*fastpath.MaxText; i++ {
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

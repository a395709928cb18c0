package sheet

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// sniffSize is how much of a CSV input is looked at to tell its encoding
// and its separator.
const sniffSize = 64 << 10

// decodeCSV returns a reader of in as UTF-8 without a byte order mark:
// the encoding is named ("utf-8", "gb18030" (or gbk, gb2312, cp936),
// "utf-16"), or told from the first sniffSize bytes when name is "".
func decodeCSV(in io.Reader, name string) (*bufio.Reader, error) {
	br := bufio.NewReaderSize(in, sniffSize)
	head, err := br.Peek(sniffSize)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, err
	}
	utf16 := func(r io.Reader) *bufio.Reader {
		// The BOM says the byte order, and is dropped.
		dec := xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM).NewDecoder()
		return bufio.NewReaderSize(transform.NewReader(r, dec), sniffSize)
	}
	gb := func(r io.Reader) *bufio.Reader {
		return bufio.NewReaderSize(transform.NewReader(r, simplifiedchinese.GB18030.NewDecoder()), sniffSize)
	}
	dropBOM := func() {
		if bytes.HasPrefix(head, []byte(bom)) {
			_, _ = br.Discard(len(bom))
		}
	}
	switch strings.ToLower(strings.ReplaceAll(strings.TrimSpace(name), "_", "-")) {
	case "":
	case "utf-8", "utf8":
		dropBOM()
		return br, nil
	case "gb18030", "gbk", "gb2312", "cp936":
		dropBOM()
		return gb(br), nil
	case "utf-16", "utf16", "utf-16le", "utf-16be":
		return utf16(br), nil
	default:
		return nil, inputError(ErrEncoding, "encoding.name", name)
	}
	if bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
		return utf16(br), nil
	}
	// A UTF-8 byte order mark is no proof of UTF-8: some programs put one
	// before whatever they save. What follows it is judged.
	dropBOM()
	body := bytes.TrimPrefix(head, []byte(bom))
	bad := firstInvalid(body, len(head) == sniffSize)
	if bad < 0 {
		return br, nil
	}
	// Mostly UTF-8 text with a stray byte is UTF-8, as the Checker judges
	// NDJSON: the row with the bad byte becomes an error row. GB18030 text
	// is mostly sequences that are not UTF-8.
	if mb, invalid := utf8Runes(body); invalid*10 < mb {
		return br, nil
	}
	if looksGB18030(body) {
		return gb(br), nil
	}
	return nil, inputError(ErrEncoding, "encoding.unknown", bad+1)
}

// utf8Runes counts the multi-byte UTF-8 characters of b and the bytes
// that are not UTF-8.
func utf8Runes(b []byte) (mb, invalid int) {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			invalid++
		case n > 1:
			mb++
		}
		i += n
	}
	return mb, invalid
}

// bom is the UTF-8 byte order mark.
const bom = "\uFEFF"

// firstInvalid returns the offset of the first byte of b that is not
// UTF-8, or -1; when cut, the end of b may cut a character short.
func firstInvalid(b []byte, cut bool) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			if cut && len(b)-i < utf8.UTFMax && !utf8.FullRune(b[i:]) {
				return -1
			}
			return i
		}
		i += n
	}
	return -1
}

// looksGB18030 reports whether b, which is not UTF-8, reads as Chinese text
// in GB18030 (or its subset GBK): some Han characters and no replacement
// character (the end of b may cut a character short).
func looksGB18030(b []byte) bool {
	s, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b)
	if err != nil {
		return false
	}
	han := false
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRune(s[i:])
		if r == utf8.RuneError && len(s)-i > 4 {
			return false
		}
		if unicode.Is(unicode.Han, r) {
			han = true
		}
		i += n
	}
	return han
}

// csvSource reads rows from a CSV stream.
type csvSource struct {
	r     *csv.Reader
	cells []cell
	// next is the line the next row should start on: a row starting
	// further down follows blank lines, which encoding/csv skips but Excel
	// shows as rows.
	nextLine int
	blanks   int // blank lines still to give as rows
	row      int // the last row given, the first being 1
	pending  []string
}

func newCSVSource(in io.Reader, encoding string) (*csvSource, error) {
	br, err := decodeCSV(in, encoding)
	if err != nil {
		return nil, err
	}
	// Excel's "Unicode text" separates fields with tabs: a header line
	// with tabs and no commas says so.
	sep := ','
	if head, _ := br.Peek(sniffSize); len(head) > 0 {
		line := head
		if i := bytes.IndexByte(line, '\n'); i >= 0 {
			line = line[:i]
		}
		if bytes.IndexByte(line, '\t') >= 0 && bytes.IndexByte(line, ',') < 0 {
			sep = '\t'
		}
	}
	r := csv.NewReader(br)
	r.Comma = sep
	r.FieldsPerRecord = -1 // ragged rows are judged per row
	r.LazyQuotes = false
	r.ReuseRecord = true
	return &csvSource{r: r, nextLine: 1}, nil
}

// next returns the next row: its number (the first being 1) and cells.
func (s *csvSource) next() (int, []cell, error) {
	if s.blanks > 0 {
		s.blanks--
		s.row++
		return s.row, nil, nil
	}
	if s.pending != nil {
		rec := s.pending
		s.pending = nil
		return s.give(rec), s.cells, nil
	}
	rec, err := s.r.Read()
	if err != nil {
		var pe *csv.ParseError
		if !errors.As(err, &pe) {
			return 0, nil, err
		}
		// A row that is not valid CSV (a stray quote) is an error row;
		// encoding/csv goes on with the next line.
		s.give(rec)
		s.cells = append(s.cells, cell{v: strconv.Itoa(pe.StartLine) + "\x00" + pe.Err.Error(), kind: kindSyntax})
		s.nextLine = pe.Line + 1
		return s.row, s.cells, nil
	}
	line, _ := s.r.FieldPos(0)
	if line > s.nextLine && s.row > 0 {
		// Blank lines between rows: Excel shows each as a row.
		s.blanks = line - s.nextLine
		s.pending = rec
		s.blanks--
		s.row++
		s.end(rec, line)
		return s.row, nil, nil
	}
	s.end(rec, line)
	return s.give(rec), s.cells, nil
}

// end notes where the row rec, starting on line, ends.
func (s *csvSource) end(rec []string, line int) {
	last := len(rec) - 1
	l, _ := s.r.FieldPos(last)
	s.nextLine = l + strings.Count(rec[last], "\n") + 1
	_ = line
}

func (s *csvSource) give(rec []string) int {
	s.cells = s.cells[:0]
	for _, v := range rec {
		k := kindText
		if looksShortened(v) {
			k = kindLostDigits
		}
		s.cells = append(s.cells, cell{v: v, kind: k})
	}
	s.row++
	return s.row
}

// looksShortened reports whether v is a number in the exponent form that
// Excel shows (and exports to CSV) for a long number in the General format:
// 9.13201E+17. The digits past the sixth are lost.
func looksShortened(v string) bool {
	if len(v) < 4 || len(v) > 24 {
		return false
	}
	i := strings.IndexAny(v, "Ee")
	if i <= 0 || i+2 > len(v) || (v[i+1] != '+' && v[i+1] != '-') {
		return false
	}
	mant, exp := v[:i], v[i+2:]
	mant = strings.TrimPrefix(mant, "-")
	if mant == "" || exp == "" {
		return false
	}
	for j, c := range mant {
		if c == '.' && j == 1 {
			continue
		}
		if c < '0' || c > '9' {
			return false
		}
	}
	for _, c := range exp {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

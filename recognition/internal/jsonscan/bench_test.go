package jsonscan

import (
	"bytes"
	"errors"
	"os"
	"testing"
	"unicode/utf8"
)

// untpRecord returns the record of the first UNTP line of the bundled
// sample (synthetic), as the batch hands it to ValidValue.
func untpRecord() (string, error) {
	sample, err := os.ReadFile("../../../testdata/recognition/sample.ndjson")
	if err != nil {
		return "", err
	}
	for _, line := range bytes.Split(sample, []byte("\n")) {
		scheme, record, _, ok, _ := Envelope(line, true)
		if ok && scheme == "untp" && record != nil {
			return string(record), nil
		}
	}
	return "", errors.New("no UNTP line in the sample")
}

// BenchmarkValidValueUNTPRecord checks the syntax of a UNTP credential
// (about 1.8 kB, objects and arrays of strings, some CJK text), as the
// batch does before it hands the record to a lenient decoder.
func BenchmarkValidValueUNTPRecord(b *testing.B) {
	rec, err := untpRecord()
	if err != nil {
		b.Fatal(err)
	}
	in := []byte(rec)
	for _, f := range []struct {
		name string
		skip func(s *scanner) bool
	}{{"skipValue", func(s *scanner) bool { return s.skipValue(0) }}, {"reference", func(s *scanner) bool { return s.skipValueReference(0) }}} {
		b.Run(f.name, func(b *testing.B) {
			b.SetBytes(int64(len(in)))
			b.ReportAllocs()
			for b.Loop() {
				s := scanner{b: in, valid: true}
				if !f.skip(&s) || !s.end() {
					b.Fatal("refused")
				}
			}
		})
	}
}

// cjkText is the kind of string a flat record's text fields hold: a
// company and product name in Chinese with a little ASCII (synthetic).
const cjkText = "合成样例绿色生态农业发展有限公司（测试）赣南脐橙 GB/T 12947 合成样例有机大米"

// BenchmarkUTF8CJK checks the UTF-8 of CJK-heavy text, with ValidUTF8 and,
// for comparison, utf8.Valid.
func BenchmarkUTF8CJK(b *testing.B) {
	in := []byte(cjkText)
	for _, f := range []struct {
		name  string
		valid func([]byte) bool
	}{{"ValidUTF8", ValidUTF8}, {"utf8.Valid", utf8.Valid}} {
		b.Run(f.name, func(b *testing.B) {
			b.SetBytes(int64(len(in)))
			b.ReportAllocs()
			for b.Loop() {
				if !f.valid(in) {
					b.Fatal("refused")
				}
			}
		})
	}
}

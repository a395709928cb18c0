package jsonscan

import (
	"bytes"
	"errors"
	"os"
	"testing"
	"unicode/utf8"

	"github.com/jxgreen/jxgreen/recognition/internal/cputime"
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
	for _, reference := range []bool{false, true} {
		name := "skipValue"
		if reference {
			name = "reference"
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(in)))
			loop(b, func() bool {
				s := scanner{b: in, valid: true}
				ok := false
				if reference {
					ok = s.skipValueReference(0)
				} else {
					ok = s.skipValue(0)
				}
				return ok && s.end()
			})
		})
	}
}

// BenchmarkValidUTF8ValueUNTPRecord is BenchmarkValidValueUNTPRecord for
// a record not known to be UTF-8, as the batch reads it: ValidUTF8Value,
// and, for comparison, utf8.Valid then ValidValue.
func BenchmarkValidUTF8ValueUNTPRecord(b *testing.B) {
	rec, err := untpRecord()
	if err != nil {
		b.Fatal(err)
	}
	in := []byte(rec)
	b.Run("ValidUTF8Value", func(b *testing.B) {
		b.SetBytes(int64(len(in)))
		loop(b, func() bool { return ValidUTF8Value(in) })
	})
	b.Run("utf8.Valid+ValidValue", func(b *testing.B) {
		b.SetBytes(int64(len(in)))
		loop(b, func() bool { return utf8.Valid(in) && ValidValue(in) })
	})
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
			loop(b, func() bool { return f.valid(in) })
		})
	}
}

// loop runs f, which must say yes, b.N times, and reports its allocations
// and the CPU time an operation took (cpu-ns/op: on a machine shared with
// other work the wall clock counts their time too).
func loop(b *testing.B, f func() bool) {
	b.ReportAllocs()
	c := cputime.Used()
	for b.Loop() {
		if !f() {
			b.Fatal("refused")
		}
	}
	if c := cputime.Used() - c; c > 0 {
		b.ReportMetric(float64(c.Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}

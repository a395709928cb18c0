package recognition_test

import (
	"os"
	"testing"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/recognition"
)

// BenchmarkParseAgreements reads the two-version sample file: the cost of
// loading terms, paid once a run.
func BenchmarkParseAgreements(b *testing.B) {
	data, err := os.ReadFile("../testdata/agreements/jxgreen-zhejiang.json")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := recognition.ParseAgreements(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAgreementsFor picks the version in force for a record, as a
// batch worker does once per pair of schemes.
func BenchmarkAgreementsFor(b *testing.B) {
	data, _ := os.ReadFile("../testdata/agreements/jxgreen-zhejiang.json")
	list, err := recognition.ParseAgreements(data)
	if err != nil {
		b.Fatal(err)
	}
	set, _ := recognition.NewAgreements(list...)
	zj, _ := recognition.Lookup("zhejiang")
	r := recognition.Record{Scheme: brand.Zhejiang}
	b.ReportAllocs()
	for b.Loop() {
		_ = set.For("", zj, r, at)
	}
}

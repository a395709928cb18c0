package label_test

import (
	"io"
	"testing"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/mark/label"
)

func BenchmarkQR(b *testing.B) {
	p, code := printer(b), samples(b)[0].code
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.QR(code); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkQRWritePNG(b *testing.B) {
	q, err := printer(b).QR(samples(b)[0].code)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := q.WritePNG(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteLabel(b *testing.B) {
	p, s := printer(b), samples(b)[0]
	l := label.NewLabel(s.cert, s.code, signDay)
	b.ReportAllocs()
	for b.Loop() {
		if err := p.WriteLabel(io.Discard, l, language.Chinese); err != nil {
			b.Fatal(err)
		}
	}
}

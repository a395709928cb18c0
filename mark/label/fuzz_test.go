package label_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/mark/label"
)

// FuzzWriteLabel writes labels with arbitrary fields: either the label is
// refused with an *label.Error and nothing is written, or the output is
// well-formed XML (encoding/xml, strict), adds no element, and shows every
// field exactly as given. An empty code stands for the sample's real
// code, so that most inputs reach the writer.
func FuzzWriteLabel(f *testing.F) {
	s := samples(f)[0]
	for _, seed := range [][4]string{
		{s.cert.Number, s.cert.Product, s.cert.Holder.Name, s.code},
		{"<script>alert(1)</script>", "A&B", `"'`, ""},
		{"]]>", "<!-- -->", "&amp;", ""},
		{"JXGE\xff", "\x00", "\u202e", ""},
		{strings.Repeat("N", 33), strings.Repeat("梨", 37), strings.Repeat("司", 41), ""},
		{"证书", "金溪蜜梨", "合成样例果业有限公司合成样例果业有限公司合成样例果业有限公司", "JXG2<x>"},
		{"x", "y", "z", strings.Repeat("A", 199)},
	} {
		f.Add(seed[0], seed[1], seed[2], seed[3], false)
	}
	p := printer(f)
	f.Fuzz(func(t *testing.T, number, product, holder, code string, english bool) {
		if code == "" {
			code = s.code
		}
		l := label.NewLabel(s.cert, code, signDay)
		l.Certificate, l.Product, l.Holder = number, product, holder
		lang := language.Chinese
		if english {
			lang = language.English
		}
		var b bytes.Buffer
		err := p.WriteLabel(&b, l, lang)
		if err != nil {
			var le *label.Error
			if !errors.As(err, &le) || !(errors.Is(err, label.ErrField) || errors.Is(err, label.ErrCode)) {
				t.Fatalf("unexpected error %T: %v", err, err)
			}
			if b.Len() != 0 {
				t.Fatalf("refused label wrote %d bytes", b.Len())
			}
			return
		}
		doc, err := readSVG(b.Bytes())
		if err != nil {
			t.Fatalf("not well-formed XML: %v\n%s", err, b.Bytes())
		}
		for _, e := range doc.elements {
			switch e {
			case "svg", "rect", "g", "path", "text":
			default:
				t.Fatalf("element <%s> in the output", e)
			}
		}
		all := strings.Join(doc.texts(), "")
		for _, field := range []string{number, product, holder} {
			if !strings.Contains(all, field) {
				t.Fatalf("field %q not shown as given in %q", field, doc.texts())
			}
		}
	})
}

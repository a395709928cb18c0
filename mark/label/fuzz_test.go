package label_test

import (
	"bytes"
	"errors"
	"net"
	"net/url"
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

// FuzzNewPrinter tries base URLs: either NewPrinter refuses one with an
// *label.Error wrapping ErrBaseURL, or the address of a code is an https
// URL (http for a loopback host) of the same host, without user, query or
// fragment, whose path ends with "/" and the code.
func FuzzNewPrinter(f *testing.F) {
	for _, seed := range []string{
		testBase, "http://localhost:8080/v/", "http://127.0.0.1/", "https://[::1]/",
		"javascript:alert(1)//", "https://verify.example/v/?q=1", "https://a@b/",
		`https://evil.example\.verify.example/`, "https://verify.example/v#/", "HTTP://LOCALHOST/",
	} {
		f.Add(seed)
	}
	code := samples(f)[0].code
	f.Fuzz(func(t *testing.T, base string) {
		p, err := label.NewPrinter(base)
		if err != nil {
			var le *label.Error
			if !errors.As(err, &le) || !errors.Is(err, label.ErrBaseURL) || le.Field != "base-url" {
				t.Fatalf("unexpected error %T: %v", err, err)
			}
			return
		}
		addr, err := p.URL(code)
		if err != nil {
			t.Fatal(err)
		}
		u, err := url.Parse(addr)
		if err != nil {
			t.Fatalf("%q: %v", addr, err)
		}
		b, _ := url.Parse(base)
		switch {
		case u.Scheme != "https" && u.Scheme != "http":
			t.Fatalf("scheme %q", u.Scheme)
		case u.Scheme == "http" && u.Hostname() != "localhost" && !strings.EqualFold(u.Hostname(), "localhost") && !net.ParseIP(u.Hostname()).IsLoopback():
			t.Fatalf("http to %q", u.Hostname())
		case u.User != nil || u.RawQuery != "" || u.ForceQuery || u.Fragment != "" || u.Opaque != "":
			t.Fatalf("%q has a user, query, fragment or opaque part", addr)
		case u.Host != b.Host || u.Host == "":
			t.Fatalf("host %q, base host %q", u.Host, b.Host)
		case !strings.HasSuffix(u.EscapedPath(), "/"+code):
			t.Fatalf("path %q does not end with the code", u.EscapedPath())
		case strings.ContainsAny(addr, "\\ <>\"{}|^`"):
			t.Fatalf("%q has a character outside RFC 3986", addr)
		}
	})
}

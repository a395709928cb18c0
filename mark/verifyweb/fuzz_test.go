package verifyweb

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// FuzzPage: whatever the code, the handler answers without panicking,
// never says valid for anything but the fixture's valid code, and never
// writes back a code holding markup.
func FuzzPage(f *testing.F) {
	fx := newFixture(f)
	h := fx.handler(f, WithRateLimit(0, 0))
	for _, c := range fx.codes {
		f.Add(c)
		f.Add(c[:len(c)-1])
		f.Add(c + "A")
	}
	for _, s := range []string{"", "<script>alert(1)</script>", "JXG2\x00", "\xff\xfe", "../../etc/passwd", strings.Repeat("A", 300)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, code string) {
		res := h.Check(code)
		if res.Valid && code != fx.codes[VerdictValid] {
			t.Fatalf("valid for %q", code)
		}
		for _, api := range []string{"/v/", "/api/v/"} {
			r := httptest.NewRequest(http.MethodGet, "/", nil)
			r.URL = &url.URL{Path: api + code, RawPath: api + url.PathEscape(code)}
			r.RequestURI = r.URL.EscapedPath()
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			if w.Code >= 500 {
				t.Fatalf("%s%q: %d", api, code, w.Code)
			}
			if strings.ContainsAny(code, `<>"'&`) && len(code) > 3 && strings.Contains(w.Body.String(), code) {
				t.Fatalf("%s%q: the code is written back", api, code)
			}
		}
	})
}

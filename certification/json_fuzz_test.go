package certification

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand/i18n"
)

// FuzzCertificateJSON feeds the certificate JSON decoder: it never panics,
// refuses only with a *FieldError (or encoding/json's own syntax error),
// and what it accepts is a certificate that Validate accepts, whose history
// is in date order, that is never valid outside its dates, and that
// round-trips through its JSON form with the same status at every step.
func FuzzCertificateJSON(f *testing.F) {
	fixture := string(readFixture(f))
	f.Add([]byte(fixture))
	for _, r := range [][2]string{
		{`"at": "2027-01-20T00:00:00+08:00"`, `"at": "2026-12-20T00:00:00+08:00"`},        // out of order
		{`"at": "2027-01-20T00:00:00+08:00"`, `"at": "2037-01-20T00:00:00+08:00"`},        // future-dated
		{`"issued": "2026-01-10T00:00:00+08:00",`, ``},                                    // no issue date
		{`"expires": "2032-01-10T00:00:00+08:00",`, `"expires": "0001-01-01T00:00:00Z",`}, // zero expiry
		{`"mode": "5",`, `"mode": "5", "status": "valid",`},
		{`"mode": "5",`, `"mode": "5", "status": "revoked",`},
		{`"product": "金溪蜜梨",`, `"product": "金溪蜜梨", "product": "榴莲",`},
		{`"action": "reinstate"`, `"action": "revoke"`},
		{`"action": "surveil"`, `"action": "issue"`},
		{`"history": [`, `"retracted": [{"event": {"action": "suspend", "at": "2030-01-01T00:00:00Z"}, "at": "2027-01-01T00:00:00Z", "reason": "日期录入错误"}], "history": [`},
		{`"number": "JXGE-SYN-JSON-0001"`, `"number": "JXGE-SYN\u0000-JSON"`},
	} {
		f.Add([]byte(strings.Replace(fixture, r[0], r[1], 1)))
	}
	for _, s := range []string{`{}`, `null`, `[]`, `{"number":"X","issued":"2026-01-01T00:00:00Z","expires":"2027-01-01T00:00:00Z"}`, `{"history":[{}]}`, `{"a":1} {}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var c Certificate
		if err := c.UnmarshalJSON(b); err != nil {
			var fe *FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("refusal is not a *FieldError: %T %v", err, err)
			}
			if i18n.Error(err, language.Chinese) == "" || fe.Pointer == "" {
				t.Fatalf("refusal without a message or a pointer: %#v", fe)
			}
			return
		}
		if bytes.Equal(bytes.TrimSpace(b), []byte("null")) {
			return
		}
		if err := c.Validate(); err != nil {
			t.Fatalf("accepted an invalid certificate: %v", err)
		}
		times := []time.Time{c.Issued.Add(-time.Nanosecond), c.Issued, c.Expires, c.Expires.Add(-time.Nanosecond)}
		for i, e := range c.History {
			if i > 0 && e.At.Before(c.History[i-1].At) {
				t.Fatalf("accepted a history out of order: %+v", c.History)
			}
			times = append(times, e.At, e.At.Add(-time.Nanosecond))
		}
		out, err := json.Marshal(c)
		if err != nil {
			t.Fatalf("cannot encode an accepted certificate: %v", err)
		}
		var back Certificate
		if err := json.Unmarshal(out, &back); err != nil {
			t.Fatalf("its own JSON form is refused: %v\n%s", err, out)
		}
		for _, at := range times {
			st := c.StatusAt(at)
			if st == Valid && (at.Before(c.Issued) || !at.Before(c.ExpiresAt(at)) || !at.Before(c.Expires)) {
				t.Fatalf("valid outside its dates at %v: %s", at, out)
			}
			if back.StatusAt(at) != st {
				t.Fatalf("status at %v changes in the round trip: %v then %v", at, st, back.StatusAt(at))
			}
		}
		again, _ := json.Marshal(back)
		if !bytes.Equal(out, again) {
			t.Fatalf("two JSON forms:\n%s\n%s", out, again)
		}
	})
}

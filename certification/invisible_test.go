package certification

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jxgreen/jxgreen/standard"
)

// lookAlikes are characters that print as a blank or as nothing: inserted
// in a number or product, it prints like the original.
var lookAlikes = []struct{ name, r string }{
	{"no-break space U+00A0", "\u00a0"},
	{"narrow no-break space U+202F", "\u202f"},
	{"thin space U+2009", "\u2009"},
	{"em space U+2003", "\u2003"},
	{"ogham space mark U+1680", "\u1680"},
	{"line separator U+2028", "\u2028"},
	{"combining grapheme joiner U+034F", "\u034f"},
	{"variation selector-16 U+FE0F", "\ufe0f"},
	{"variation selector-17 U+E0100", "\U000e0100"},
	{"Mongolian free variation selector U+180B", "\u180b"},
	{"Hangul filler U+3164", "\u3164"},
	{"Hangul choseong filler U+115F", "\u115f"},
	{"halfwidth Hangul filler U+FFA0", "\uffa0"},
	{"braille pattern blank U+2800", "\u2800"},
	{"zero-width space U+200B", "\u200b"},
	{"word joiner U+2060", "\u2060"},
	{"soft hyphen U+00AD", "\u00ad"},
	{"tag space U+E0020", "\U000e0020"},
	{"tab", "\t"},
	{"NUL", "\x00"},
	{"next line U+0085", "\u0085"},
}

// TestRegistryRefusesInvisibleCharacters: with JXGE-SYN-0000001 stored, a
// number that prints the same (a look-alike blank or an invisible
// character inserted) is refused, and looking it up finds nothing; so is
// a product name with one, which ByProduct would otherwise miss.
func TestRegistryRefusesInvisibleCharacters(t *testing.T) {
	for _, tc := range lookAlikes {
		t.Run(tc.name, func(t *testing.T) {
			r := NewRegistry()
			require.NoError(t, r.Add(cert(1)))
			n := cert(1).Number
			for _, number := range []string{n + tc.r, n[:8] + tc.r + n[8:], tc.r + n} {
				c := cert(2)
				c.Number = number
				err := r.Add(c)
				var fe *FieldError
				require.ErrorAs(t, err, &fe, "%q", number)
				assert.Equal(t, "number", fe.Field)
				assert.Equal(t, Reason("control"), fe.Reason)
				_, ok := r.Certificate(number)
				assert.False(t, ok, "%q finds a certificate", number)
			}
			c := cert(3)
			c.Product = "金溪" + tc.r + "蜜梨"
			var fe *FieldError
			require.ErrorAs(t, r.Add(c), &fe)
			assert.Equal(t, "product", fe.Field)
			assert.Empty(t, r.ByProduct(c.Product))
			assert.Equal(t, 1, r.Len())
		})
	}
	// The two blanks that are allowed fold away: the number typed with
	// spaces finds the stored one, and cannot be stored beside it.
	r := NewRegistry()
	require.NoError(t, r.Add(cert(1)))
	for _, q := range []string{"JXGE-SYN- 0000001", "JXGE-SYN-\u30000000001", "jxge-syn-0000001"} {
		_, ok := r.Certificate(q)
		assert.True(t, ok, q)
		c := cert(2)
		c.Number = q
		assert.ErrorIs(t, r.Add(c), ErrDuplicate, q)
	}
}

// TestInvisibleCharacterRuleIsShared: Validate, the registry and
// Rules.Issue apply the same rule to numbers and products, so what Issue
// returns can be stored and nothing stored is refused by Issue.
func TestInvisibleCharacterRuleIsShared(t *testing.T) {
	for _, tc := range lookAlikes {
		c := cert(1)
		c.Number = "JXGE" + tc.r + "-SYN-1"
		assert.Error(t, c.Validate(), tc.name)
		c = cert(1)
		c.Product = "金溪" + tc.r + "蜜梨"
		assert.Error(t, c.Validate(), tc.name)

		app := application()
		app.Number = "JXGE" + tc.r + "-SYN-1"
		_, err := GreenEcologyRules().Issue(app)
		assert.True(t, hasField(err, "number", "control"), "%s: %v", tc.name, err)
		app = application()
		app.Product = "金溪" + tc.r + "蜜梨"
		_, err = GreenEcologyRules().Issue(app)
		assert.True(t, hasField(err, "product", "control"), "%s: %v", tc.name, err)
		_, ok := key("JX" + tc.r + "1")
		assert.False(t, ok, tc.name)
	}
	// Printing characters are not caught by the rule.
	for _, s := range []string{"金溪蜜梨", "JXGE-SYN-0000001", "（合成）样例·茶", "Ｍｉｌｋ", "JX 001", "JX\u3000001", "Ω-ſ-ı", "🍐"} {
		assert.False(t, badText(s), "%q", s)
		assert.False(t, blank(s), "%q", s)
	}
	// A blank is a blank whatever it is made of.
	for _, s := range []string{"", " ", "\u3000", "\u00a0\u200b", "\v\f", "\x00", "\u2800\u3164"} {
		assert.True(t, blank(s), "%q", s)
		app := application()
		app.Number = s
		_, err := GreenEcologyRules().Issue(app)
		assert.True(t, hasField(err, "number", "missing"), "%q: %v", s, err)
	}
}

// application is a synthetic application that Rules.Issue accepts.
func application() Application {
	return Application{
		Number:    "JXGE-TEST-0001",
		Holder:    synthetic(1),
		Product:   "金溪蜜梨",
		Standards: []standard.Number{standard.MustParse("T/JGE 0039-2023")},
		Body:      Body{Name: "江西省检验检测认证总院"},
		Mode:      Type5,
		Decided:   day(2026, 1, 10),
	}
}

// hasField reports whether err holds a *FieldError for field with reason.
func hasField(err error, field, reason string) bool {
	var errs []error
	if j, ok := err.(interface{ Unwrap() []error }); ok && !isFieldError(err) {
		errs = j.Unwrap()
	} else if err != nil {
		errs = []error{err}
	}
	for _, e := range errs {
		var fe *FieldError
		if errors.As(e, &fe) && fe.Field == field && string(fe.Reason) == reason {
			return true
		}
	}
	return false
}

func isFieldError(err error) bool {
	_, ok := err.(*FieldError)
	return ok
}

// TestIssueOutputPassesValidate: what Rules.Issue returns passes Validate
// and can be written as JSON; the applications that would give anything
// else are refused, each for its reason.
func TestIssueOutputPassesValidate(t *testing.T) {
	far := time.Date(9999, 6, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name          string
		mut           func(*Application, *Rules)
		field, reason string
	}{
		{"zero-width space in the number", func(a *Application, _ *Rules) { a.Number = "JXGE\u200b-0001" }, "number", "control"},
		{"NUL in the number", func(a *Application, _ *Rules) { a.Number = "JXGE\x00-0001" }, "number", "control"},
		{"invalid UTF-8 in the number", func(a *Application, _ *Rules) { a.Number = "JXGE-\xff" }, "number", "control"},
		{"right-to-left override in the product", func(a *Application, _ *Rules) { a.Product = "金溪\u202e蜜梨" }, "product", "control"},
		{"validity of 2^40 months", func(_ *Application, r *Rules) { r.ValidityMonths = 1 << 40 }, "rules.validity", "invalid"},
		{"validity of 1201 months", func(_ *Application, r *Rules) { r.ValidityMonths = 1201 }, "rules.validity", "invalid"},
		{"decided in year 9999: expires in 10002", func(a *Application, _ *Rules) { a.Decided = far }, "expires", "range"},
		{"decided in year 0", func(a *Application, _ *Rules) { a.Decided = time.Date(0, 6, 1, 0, 0, 0, 0, time.UTC) }, "decided", "range"},
		{"decided in a zone 25 hours ahead", func(a *Application, _ *Rules) {
			a.Decided = time.Date(2026, 1, 10, 0, 0, 0, 0, time.FixedZone("bad", 25*3600))
		}, "decided", "range"},
		{"decided in a zone with seconds", func(a *Application, _ *Rules) {
			a.Decided = time.Date(2026, 1, 10, 0, 0, 0, 0, time.FixedZone("LMT", 8*3600+343))
		}, "decided", "range"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			app, rules := application(), GreenEcologyRules()
			tc.mut(&app, &rules)
			c, err := rules.Issue(app)
			assert.ErrorIs(t, err, ErrApplication)
			assert.True(t, hasField(err, tc.field, tc.reason), "%v", err)
			assert.Zero(t, c.Number)
		})
	}
	// What is accepted passes Validate and writes as JSON, up to the edge.
	for _, tc := range []struct {
		name string
		mut  func(*Application, *Rules)
	}{
		{"synthetic", func(*Application, *Rules) {}},
		{"spaces around", func(a *Application, _ *Rules) { a.Number, a.Product = " JXGE-0001\u3000", "\u00a0金溪蜜梨 " }},
		{"a hundred years", func(_ *Application, r *Rules) { r.ValidityMonths = 1200 }},
		{"expires in 9999", func(a *Application, _ *Rules) { a.Decided = time.Date(9996, 1, 1, 0, 0, 0, 0, time.UTC) }},
	} {
		app, rules := application(), GreenEcologyRules()
		tc.mut(&app, &rules)
		c, err := rules.Issue(app)
		require.NoError(t, err, tc.name)
		assert.NoError(t, c.Validate(), tc.name)
		b, err := json.Marshal(c)
		require.NoError(t, err, tc.name)
		_, _, err = decodeJSON(string(b))
		assert.NoError(t, err, tc.name)
		assert.NoError(t, NewRegistry().Add(c), tc.name)
	}
}

// TestRegistryRefusesUnwritableCertificate: nothing the registry stores
// fails to write as JSON: an unknown mode, a date past year 9999 or before
// year 1, an offset JSON cannot write are refused by Add and by Update.
func TestRegistryRefusesUnwritableCertificate(t *testing.T) {
	y10000 := time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name          string
		mut           func(*Certificate)
		field, reason string
	}{
		{"mode 42", func(c *Certificate) { c.Mode = 42 }, "mode", "invalid"},
		{"mode -1", func(c *Certificate) { c.Mode = -1 }, "mode", "invalid"},
		{"expires in year 10000", func(c *Certificate) { c.Expires = y10000 }, "expires", "range"},
		{"expires in 9999 UTC, 10000 in its zone", func(c *Certificate) {
			c.Expires = time.Date(9999, 12, 31, 23, 0, 0, 0, time.UTC).In(time.FixedZone("CST", 8*3600))
		}, "expires", "range"},
		{"issued in year 0", func(c *Certificate) {
			c.Issued = time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC)
			c.History = nil
		}, "issued", "range"},
		{"a step 24 hours ahead", func(c *Certificate) {
			c.History = append(c.History, Event{Action: Surveil, At: day(2026, 6, 1).In(time.FixedZone("x", 24*3600))})
		}, "history[1].at", "range"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := cert(1)
			tc.mut(&c)
			err := NewRegistry().Add(c)
			var fe *FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tc.field, fe.Field)
			assert.Equal(t, Reason(tc.reason), fe.Reason)
		})
	}
	r := NewRegistry()
	require.NoError(t, r.Add(cert(1)))
	err := r.Update(cert(1).Number, func(c *Certificate) error {
		return c.Renew(day(2027, 1, 1), y10000, "year typed wrong")
	})
	var fe *FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, Reason("range"), fe.Reason)
	got, _ := r.Certificate(cert(1).Number)
	_, err = json.Marshal(got)
	assert.NoError(t, err)
	assert.True(t, got.Expires.Equal(cert(1).Expires))
}

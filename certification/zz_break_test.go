package certification

// Adversarial review of the certification package (issue 8). TestBreak*
// tests assert the correct behaviour and fail on a defect; TestResist*
// tests record attacks that were resisted.

import (
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/standard"
)

func zzJSON(t *testing.T) string {
	t.Helper()
	b, err := json.Marshal(issue(t, synthetic(1)))
	require.NoError(t, err)
	return string(b)
}

func zzDecode(s string) (Certificate, *FieldError, error) {
	var c Certificate
	err := json.Unmarshal([]byte(s), &c)
	var fe *FieldError
	errors.As(err, &fe)
	return c, fe, err
}

// ---------------------------------------------------------------- JSON

// Nested arrays/objects in any member make checkMembers build a JSON
// pointer string per level that copies the parent's: memory and time
// quadratic in the depth. 20 kB of input allocates ~100 MB through
// json.Unmarshal (which caps depth at 10000); calling UnmarshalJSON
// directly has no cap (15 kB -> 228 MB, 100 kB -> ~10 GB).
func TestBreakJSONNestingIsQuadratic(t *testing.T) {
	alloc := func(f func()) uint64 {
		var ms runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&ms)
		a0 := ms.TotalAlloc
		f()
		runtime.ReadMemStats(&ms)
		return ms.TotalAlloc - a0
	}
	const n = 9999
	in := []byte(`{"scope":` + strings.Repeat("[", n) + strings.Repeat("]", n) + "}")
	a := alloc(func() { _, _, err := zzDecode(string(in)); require.Error(t, err) })
	assert.Less(t, a, uint64(10<<20), "json.Unmarshal of %d bytes allocated %d MB", len(in), a>>20)

	in = []byte(`{"scope":` + strings.Repeat("[", 12000))
	a = alloc(func() { var c Certificate; require.Error(t, c.UnmarshalJSON(in)) })
	assert.Less(t, a, uint64(10<<20), "UnmarshalJSON of %d bytes allocated %d MB", len(in), a>>20)
}

// The doc: "Every refusal is a *FieldError whose Pointer is the JSON
// pointer of the culprit." A bad value (credit code, mode, date, status)
// is reported at "/" with reason "invalid".
func TestBreakJSONPointerOfBadValue(t *testing.T) {
	s := zzJSON(t)
	for _, tc := range []struct{ in, ptr string }{
		{strings.Replace(s, "91360100MA3000001E", "91360100MA3000001X", 1), "/holder/credit_code"},
		{strings.Replace(s, `"mode":"5"`, `"mode":"7"`, 1), "/mode"},
		{strings.Replace(s, `"issued":"2026-01-10T00:00:00+08:00"`, `"issued":"2026-13-10T00:00:00+08:00"`, 1), "/issued"},
		{strings.Replace(s, `"action":"issue"`, `"action":"explode"`, 1), "/history/0/action"},
		{strings.Replace(s, `"mode":"5"`, `"mode":"5","status":"bogus"`, 1), "/status"},
	} {
		_, fe, err := zzDecode(tc.in)
		require.Error(t, err)
		require.NotNil(t, fe, "%v", err)
		assert.Equal(t, tc.ptr, fe.Pointer, "%v", err)
		// and the Chinese message is Chinese: today it embeds the English
		// error text ("/：无效：certification: unknown mode "7": unknown
		// certification mode (未知的认证模式)").
		assert.NotContains(t, fe.Localize(language.Chinese), "certification:", "zh message holds English")
		assert.Equal(t, 1, strings.Count(err.Error(), "certification: unknown mode")+boolToInt(!strings.Contains(err.Error(), "unknown mode")), "English message repeats itself: %v", err)
	}
}

func boolToInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// A JSON type error names the unexported embedded wrapper: "/plain/mode".
func TestBreakJSONPointerLeaksPlain(t *testing.T) {
	s := zzJSON(t)
	for _, tc := range []struct{ in, ptr string }{
		{strings.Replace(s, `"mode":"5"`, `"mode":5`, 1), "/mode"},
		{strings.Replace(s, `"product":"金溪蜜梨"`, `"product":["金溪蜜梨"]`, 1), "/product"},
		{strings.Replace(s, `"holder":{"name":"合成样例企业1有限公司"`, `"holder":{"name":7`, 1), "/holder/name"},
	} {
		_, fe, err := zzDecode(tc.in)
		require.Error(t, err)
		require.NotNil(t, fe, "%v", err)
		assert.Equal(t, tc.ptr, fe.Pointer, "%v", err)
		assert.NotContains(t, err.Error(), "plain")
		assert.NotContains(t, fe.Localize(language.Chinese), "plain")
	}
}

// README: "Decoding is strict, one spelling per certificate". Values are
// still read in many spellings: a status of "有效"/"not yet valid"-style
// names, a mode "类型5"/"type 5"/"第5种", so the same record has several
// JSON spellings that all load.
func TestBreakJSONOneSpellingOfValues(t *testing.T) {
	s := zzJSON(t)
	for _, in := range []string{
		strings.Replace(s, `"mode":"5"`, `"mode":"类型5"`, 1),
		strings.Replace(s, `"mode":"5"`, `"mode":" TYPE 5 "`, 1),
		strings.Replace(s, `"mode":"5"`, `"mode":"5","status":"有效"`, 1),
	} {
		_, _, err := zzDecode(in)
		assert.Error(t, err, "a second spelling loads: %s", in[strings.Index(in, `"mode"`):strings.Index(in, `"issued"`)])
	}
}

// ------------------------------------------------------------ Registry

// Add accepts certificates that cannot be written back as JSON (the
// decoder refuses a missing mode "which it could not write back"; Validate,
// hence Add and Update, does not): Mode(0), Mode(42), a date in year 10000.
func TestBreakRegistryStoresUnwritableCertificate(t *testing.T) {
	for i, mut := range []func(*Certificate){
		func(c *Certificate) { c.Mode = 0 },
		func(c *Certificate) { c.Mode = 42 },
		func(c *Certificate) {
			c.History = nil
			c.Expires = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)
		},
	} {
		c := cert(i)
		mut(&c)
		r := NewRegistry()
		if err := r.Add(c); err != nil {
			continue // refused: fine
		}
		got, _ := r.Certificate(c.Number)
		_, err := json.Marshal(got)
		assert.NoError(t, err, "case %d: Registry.Add stored a certificate whose JSON cannot be written", i)
	}
	// Update can also move a stored certificate there: Renew to year 10000.
	r := NewRegistry()
	require.NoError(t, r.Add(cert(1)))
	err := r.Update(cert(1).Number, func(c *Certificate) error {
		return c.Renew(day(2027, 1, 1), time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), "typo")
	})
	if err == nil {
		got, _ := r.Certificate(cert(1).Number)
		_, err := json.Marshal(got)
		assert.NoError(t, err, "Update stored an end of validity in year 10000")
	}
}

// Characters that print as nothing (or as a space) but are neither
// control nor format characters (Cc/Cf) are neither refused nor folded, so
// two certificates whose numbers print identically coexist, and the
// number typed from a printed certificate finds the other one. The
// package's own rationale for refusing Cf ("make two strings that print
// alike differ") applies to them.
func TestBreakRegistryInvisibleCharacters(t *testing.T) {
	for _, tc := range []struct{ name, in string }{
		{"NBSP U+00A0", "JXGE-SYN-0000001\u00a0"},
		{"narrow NBSP U+202F", "JXGE-SYN\u202f-0000001"},
		{"thin space U+2009", "JXGE-SYN\u2009-0000001"},
		{"combining grapheme joiner U+034F", "JXGE-SYN-000\u034f0001"},
		{"variation selector U+FE0F", "JXGE-SYN-0000001\ufe0f"},
		{"Hangul filler U+3164", "JXGE-SYN-0000001\u3164"},
		{"halfwidth Hangul filler U+FFA0", "JXGE-SYN-0000001\uffa0"},
		{"braille blank U+2800", "JXGE-SYN-0000001\u2800"},
	} {
		r := NewRegistry()
		require.NoError(t, r.Add(cert(1)))
		c := cert(2)
		c.Number = tc.in
		err := r.Add(c)
		assert.Error(t, err, "%s: a second certificate whose number prints as %q was stored", tc.name, cert(1).Number)
		if err == nil {
			// and the stored one is found by the look-alike's owner's spelling?
			got, ok := r.Certificate(tc.in)
			assert.True(t, ok)
			assert.NotEqual(t, cert(1).Holder, got.Holder, "%s: look-alike number finds a different holder", tc.name)
		}
	}
	// Products likewise: a product name with NBSP is a different product.
	r := NewRegistry()
	c := cert(0) // 金溪蜜梨
	c.Product = "金溪蜜梨\u00a0"
	require.NoError(t, r.Add(c))
	assert.Len(t, r.ByProduct("金溪蜜梨"), 1, "ByProduct misses a product that prints identically")
}

// Update's callback runs under the registry's write lock; a callback that
// reads the same registry (a natural thing to do: look up a sibling
// certificate) deadlocks forever. The doc does not warn about it.
func TestBreakUpdateCallbackReadingRegistryDeadlocks(t *testing.T) {
	r := NewRegistry()
	require.NoError(t, r.Add(cert(1)))
	require.NoError(t, r.Add(cert(2)))
	done := make(chan error, 1)
	go func() {
		done <- r.Update(cert(1).Number, func(c *Certificate) error {
			other, _ := r.Certificate(cert(2).Number)
			return c.Surveil(other.Issued.AddDate(0, 6, 0), true, "")
		})
	}()
	select {
	case err := <-done:
		assert.NoError(t, err)
	case <-time.After(2 * time.Second):
		t.Error("Update deadlocked: its callback called r.Certificate (the goroutine stays blocked)")
	}
}

// Update: "fn must not change the number" is enforced only up to the
// folded key: fn can respell the stored number (full width, lower case,
// spaces), and Certificate then returns the respelled number.
func TestBreakUpdateRespellsNumber(t *testing.T) {
	r := NewRegistry()
	require.NoError(t, r.Add(cert(1)))
	err := r.Update(cert(1).Number, func(c *Certificate) error {
		c.Number = "ｊｘｇｅ　-ｓｙｎ-００００００１"
		return nil
	})
	got, _ := r.Certificate(cert(1).Number)
	if err == nil {
		assert.Equal(t, cert(1).Number, got.Number, "Update changed the stored number's spelling")
	}
}

// A nil *Registry (a typed nil that satisfies Lookup, e.g. passed to
// mark.WithLookup) panics on every method.
func TestBreakNilRegistryPanics(t *testing.T) {
	var r *Registry
	var l Lookup = r
	for name, f := range map[string]func(){
		"Certificate": func() { l.Certificate("JX-001") },
		"ByHolder":    func() { l.ByHolder(synthetic(1).Code) },
		"ByProduct":   func() { l.ByProduct("金溪蜜梨") },
		"Len":         func() { r.Len() },
	} {
		assert.NotPanics(t, f, name)
	}
}

// "ByHolder returns copies of the holder's certificates, in the order they
// were added" (ByProduct likewise). Update unindexes and re-appends the
// certificate, so any lifecycle step moves it to the end.
func TestBreakByHolderOrderAfterUpdate(t *testing.T) {
	r := NewRegistry()
	a, b := cert(1), cert(1001) // same holder (i % 1000), same product
	require.Equal(t, a.Holder, b.Holder)
	require.NoError(t, r.Add(a))
	require.NoError(t, r.Add(b))
	require.NoError(t, r.Update(a.Number, func(c *Certificate) error { return c.Surveil(day(2026, 6, 1), true, "") }))
	var got []string
	for _, c := range r.ByHolder(a.Holder.Code) {
		got = append(got, c.Number)
	}
	assert.Equal(t, []string{a.Number, b.Number}, got, "ByHolder order after an Update")
	got = nil
	for _, c := range r.ByProduct(a.Product) {
		got = append(got, c.Number)
	}
	assert.Equal(t, []string{a.Number, b.Number}, got, "ByProduct order after an Update")
}

// The English TransitionError message uses the action's display name as a
// verb: "cannot surveillance while suspended", "the suspend is dated ...".
func TestBreakTransitionErrorEnglish(t *testing.T) {
	c := issue(t, synthetic(1))
	require.NoError(t, c.Suspend(day(2026, 3, 1), "x"))
	err := c.Surveil(day(2026, 4, 1), true, "")
	var te *TransitionError
	require.ErrorAs(t, err, &te)
	assert.NotContains(t, te.Localize(language.English), "cannot surveillance")
	err = c.Suspend(day(2026, 2, 1), "x")
	require.ErrorAs(t, err, &te)
	assert.NotContains(t, te.Localize(language.English), "the suspend is")
}

// ------------------------------------------------------------ Issue

// Validate's doc: "A certificate that the lifecycle methods built from
// Rules.Issue always passes." Issue trims spaces only and does not check
// for control/format characters, so it issues certificates that Validate
// and Registry.Add refuse.
func TestBreakIssueOutputFailsValidate(t *testing.T) {
	base := Application{
		Number:    "JXGE-TEST-0001",
		Holder:    synthetic(1),
		Product:   "金溪蜜梨",
		Standards: []standard.Number{standard.MustParse("T/JGE 0039-2023")},
		Body:      Body{Name: "江西省检验检测认证总院"},
		Mode:      Type5,
		Decided:   day(2026, 1, 10),
	}
	for name, mut := range map[string]func(*Application){
		"ZWSP number":     func(a *Application) { a.Number = "JXGE\u200b-0001" },
		"NUL number":      func(a *Application) { a.Number = "JXGE\x00-0001" },
		"bad UTF-8":       func(a *Application) { a.Number = "JXGE-\xff" },
		"RLO product":     func(a *Application) { a.Product = "金溪\u202e蜜梨" },
		"huge validity":   func(a *Application) {}, // rules below: expires in year 91625971007
		"year 9999 issue": func(a *Application) { a.Decided = time.Date(9999, 6, 1, 0, 0, 0, 0, time.UTC) },
	} {
		app := base
		mut(&app)
		rules := GreenEcologyRules
		if name == "huge validity" {
			rules.ValidityMonths = 1 << 40
		}
		c, err := rules.Issue(app)
		if err != nil {
			continue
		}
		assert.NoError(t, c.Validate(), "%s: Issue returned a certificate Validate refuses", name)
		if name == "year 9999 issue" || name == "huge validity" {
			_, err := json.Marshal(c)
			assert.NoError(t, err, "%s: Issue returned a certificate that cannot be written as JSON", name)
		}
	}
}

// Issue does not check that the product is the subject of the standard
// certified against: mulberries (桑椹) are certified against the 金溪蜜梨
// (honey pear) standard T/JGE 0039-2023, while the catalogue knows the
// mulberry standard T/JGE 0073-2023. Nor does it check a standard's status.
func TestBreakIssueProductOutsideStandardSubject(t *testing.T) {
	app := Application{
		Number:    "JXGE-TEST-0002",
		Holder:    synthetic(2),
		Product:   "桑椹",
		Standards: []standard.Number{standard.MustParse("T/JGE 0039-2023")},
		Body:      Body{Name: "江西省检验检测认证总院"},
		Mode:      Type5,
		Decided:   day(2026, 1, 10),
	}
	_, err := GreenEcologyRules.Issue(app)
	assert.Error(t, err, "桑椹 certified against the 金溪蜜梨 standard")

	s, ok := standard.Catalogue().Lookup(standard.MustParse("T/JGE 0039-2023"))
	require.True(t, ok)
	s.Status = standard.Withdrawn
	rules := GreenEcologyRules
	rules.Standards = standard.NewCatalog([]standard.Standard{s})
	app.Product = "金溪蜜梨"
	_, err = rules.Issue(app)
	assert.Error(t, err, "certified against a withdrawn (废止) standard")
}

// ------------------------------------------------------------ Retract

// A reason is "required", but only ASCII space, tab, CR and LF count as
// blank: an ideographic space (the one a Chinese IME types), NBSP, a
// vertical tab, a form feed, a NUL are accepted as reasons.
func TestBreakRetractBlankReason(t *testing.T) {
	for _, reason := range []string{"\u3000", "\u00a0", "\v", "\f", "\x00", "\u200b", " \u3000 "} {
		c := issue(t, synthetic(1))
		require.NoError(t, c.Surveil(day(2026, 6, 1), true, ""))
		_, err := c.Retract(day(2026, 6, 2), reason)
		assert.Error(t, err, "reason %q accepted", reason)
	}
	// and the same reasons pass Validate from JSON.
	c := issue(t, synthetic(1))
	c.Retracted = []Retraction{{Event: Event{Action: Surveil, At: day(2026, 6, 1), Passed: true}, At: day(2026, 6, 2), Reason: "\u3000"}}
	assert.Error(t, c.Validate(), "retraction with an ideographic-space reason validates")
}

// "Revoke … It is final." and README "Revoked and cancelled are final,
// whatever steps follow them". Retract takes a revocation (or a
// cancellation) out of the history at any later time, and the certificate
// becomes valid again, retroactively: StatusAt for the months when it was
// revoked now says Valid. Nothing (no rule, no check of the retraction's
// date against the revocation's) limits this.
func TestBreakRetractUndoesFinalRevocation(t *testing.T) {
	c := issue(t, synthetic(1))
	require.NoError(t, c.Revoke(day(2026, 3, 1), "重大质量事故"))
	require.Equal(t, Revoked, c.StatusAt(day(2026, 9, 1)))
	_, err := c.Retract(day(2027, 6, 1), "changed our minds")
	if err == nil {
		assert.Equal(t, Revoked, c.StatusAt(day(2026, 9, 1)),
			"a revocation in force for 15 months was retracted: the certificate is now retroactively valid")
		require.NoError(t, c.Validate())
	}
	// nor is the retraction's own date checked: retracted "in 1970",
	// before the certificate existed.
	c = issue(t, synthetic(1))
	require.NoError(t, c.Surveil(day(2026, 3, 1), true, ""))
	_, err = c.Retract(time.Unix(0, 0), "typo")
	assert.Error(t, err, "retracted at 1970-01-01, before the issue date")
	c = issue(t, synthetic(1))
	require.NoError(t, c.Cancel(day(2026, 3, 1), "holder asks"))
	_, err = c.Retract(day(2028, 6, 1), "x")
	assert.Error(t, err, "a cancellation in force for 2 years was retracted")
}

// ------------------------------------------------------------ resisted

func TestResistRegistryFolding(t *testing.T) {
	r := NewRegistry()
	for _, n := range []string{"JX-S01", "JX-I01", "JX-K01", "JX-A01"} {
		c := cert(len(n))
		c.Number = n
		c.Holder = synthetic(int(n[3]))
		require.NoError(t, r.Add(c))
	}
	for _, n := range []string{"JX-ſ01", "jx-ı01", "JX-\u212a01", "JX-İ01", "JX-\u041001", "JX-S\u030101", "JX‐S01", "JX\u2212S01"} {
		_, ok := r.Certificate(n)
		assert.False(t, ok, n)
	}
	for _, n := range []string{"ｊｘ－ｓ０１", "jx - s01", "JX\u3000-S01", "Jx-s01"} {
		_, ok := r.Certificate(n)
		assert.True(t, ok, n)
		assert.NoError(t, r.Update(n, func(c *Certificate) error { return nil }), n)
	}
	c := cert(9)
	c.Number = "ｊｘ－ｓ０１"
	assert.ErrorIs(t, r.Add(c), ErrDuplicate)
	for _, n := range []string{"JX-S01\t", "JX-S01\u200b", "JX-\u202eS01", "JX-S01\ufeff", "JX-S01\x7f", "JX-S01\u0085", "JX-S01\u180e", "JX-S01\u2060"} {
		c.Number = n
		var fe *FieldError
		assert.ErrorAs(t, r.Add(c), &fe, "%q", n)
		_, ok := r.Certificate(n)
		assert.False(t, ok, "%q", n)
	}
	// products fold the same way
	p := cert(100)
	p.Product = "Ｍｉｌｋ"
	require.NoError(t, r.Add(p))
	assert.Len(t, r.ByProduct("m i l k"), 1)
	assert.Empty(t, r.ByProduct("Mіlk")) // Cyrillic і
}

func TestResistHolderCodes(t *testing.T) {
	r := NewRegistry()
	c := cert(1)
	code := string(c.Holder.Code)
	c.Holder.Code = CreditCode(strings.ToLower(code[:9]) + " " + code[9:])
	require.NoError(t, r.Add(c))
	got, _ := r.Certificate(c.Number)
	assert.Equal(t, CreditCode(code), got.Holder.Code)
	full := strings.Map(func(r rune) rune {
		if r >= '!' && r <= '~' {
			return r + 0xFEE0
		}
		return r
	}, code)
	for _, q := range []string{code, strings.ToLower(code), full, code[:6] + "\u3000" + code[6:]} {
		assert.Len(t, r.ByHolder(CreditCode(q)), 1, q)
	}
	// wrong check char, I O S V Z
	for _, bad := range []string{code[:17] + "0", code[:9] + "I" + code[10:], code[:9] + "O" + code[10:], code[:9] + "Z" + code[10:], code[:9] + "S" + code[10:], code[:9] + "V" + code[10:], "9136O1" + code[6:]} {
		if bad == code {
			continue
		}
		_, err := ParseCreditCode(bad)
		assert.Error(t, err, bad)
		assert.Empty(t, r.ByHolder(CreditCode(bad)))
		var ce *CreditCodeError
		if assert.ErrorAs(t, err, &ce) {
			assert.NotEmpty(t, ce.Localize(language.Chinese))
		}
	}
	// the slice ByHolder returns cannot reach the store
	got2 := r.ByHolder(CreditCode(code))
	got2[0].History[0].At = time.Time{}
	got2[0].Number = "X"
	got3 := r.ByHolder(CreditCode(code))
	assert.Equal(t, c.Number, got3[0].Number)
	assert.False(t, got3[0].History[0].At.IsZero())
}

func TestResistUpdateAbuse(t *testing.T) {
	r := NewRegistry()
	require.NoError(t, r.Add(cert(1)))
	require.NoError(t, r.Add(cert(2)))
	before, _ := r.Certificate(cert(1).Number)
	// mutate then fail
	err := r.Update(cert(1).Number, func(c *Certificate) error {
		c.History[0].At = day(2020, 1, 1)
		c.Holder = synthetic(77)
		c.Product = "榴莲"
		_ = c.Suspend(day(2026, 6, 1), "x")
		return errors.New("nope")
	})
	require.Error(t, err)
	after, _ := r.Certificate(cert(1).Number)
	assert.Equal(t, before, after)
	// panic in callback: store unchanged, lock released
	assert.Panics(t, func() {
		_ = r.Update(cert(1).Number, func(c *Certificate) error { c.Product = "榴莲"; panic("boom") })
	})
	after, _ = r.Certificate(cert(1).Number)
	assert.Equal(t, before, after)
	assert.Empty(t, r.ByProduct("榴莲"))
	// change number to another's key
	assert.Error(t, r.Update(cert(1).Number, func(c *Certificate) error { c.Number = cert(2).Number; return nil }))
	// change holder: index follows
	require.NoError(t, r.Update(cert(1).Number, func(c *Certificate) error { c.Holder = synthetic(555); return nil }))
	assert.Len(t, r.ByHolder(synthetic(555).Code), 1)
	assert.Empty(t, r.ByHolder(cert(1).Holder.Code))
	// keep the pointer and the slices
	var kept *Certificate
	require.NoError(t, r.Update(cert(1).Number, func(c *Certificate) error {
		kept = c
		return c.Surveil(day(2026, 6, 1), true, "")
	}))
	kept.History[0].At = day(2020, 1, 1)
	kept.History = append(kept.History, Event{Action: Revoke, At: day(2026, 7, 1)})
	kept.Expires = day(2020, 1, 1)
	got, _ := r.Certificate(cert(1).Number)
	assert.NoError(t, got.Validate())
	assert.Equal(t, Valid, got.StatusAt(day(2026, 8, 1)))
	// out-of-order result refused
	err = r.Update(cert(1).Number, func(c *Certificate) error {
		c.History = append(c.History, Event{Action: Surveil, At: day(2026, 2, 1)})
		return nil
	})
	var fe *FieldError
	assert.ErrorAs(t, err, &fe)
}

func TestResistConcurrent(t *testing.T) {
	r := NewRegistry()
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				c := cert(i)
				_ = r.Add(c)
				_ = r.Update(c.Number, func(c *Certificate) error {
					_ = c.Surveil(day(2026, 2, 1).Add(time.Duration(g*1000+i)*time.Minute), true, "")
					return nil
				})
				if got, ok := r.Certificate(strings.ToLower(c.Number)); ok {
					got.History = append(got.History, Event{})
				}
				for _, h := range r.ByHolder(c.Holder.Code) {
					h.History[0].Reason = "x"
				}
				_ = r.ByProduct("甲鱼")
			}
		}(g)
	}
	wg.Wait()
	for i := 0; i < 200; i++ {
		c, ok := r.Certificate(cert(i).Number)
		require.True(t, ok)
		assert.NoError(t, c.Validate())
		assert.Empty(t, c.History[0].Reason)
	}
}

func TestResistRegistryRefusesUndatedAndZero(t *testing.T) {
	r := &Registry{}
	var fe *FieldError
	assert.ErrorAs(t, r.Add(Certificate{}), &fe)
	assert.ErrorAs(t, r.Add(Certificate{Number: "JX-1", Issued: day(2026, 1, 1)}), &fe)
	assert.ErrorAs(t, r.Add(Certificate{Number: "JX-1", Expires: day(2026, 1, 1)}), &fe)
	assert.ErrorAs(t, r.Add(Certificate{Number: "JX-1", Issued: day(2026, 1, 1), Expires: day(2026, 1, 1)}), &fe)
	assert.ErrorAs(t, r.Add(Certificate{Number: "JX-1", Issued: day(2026, 2, 1), Expires: day(2026, 1, 1)}), &fe)
	assert.Equal(t, 0, r.Len())
	assert.ErrorIs(t, r.Update("JX-1", func(*Certificate) error { return nil }), ErrNotFound)
	_, ok := r.Certificate("")
	assert.False(t, ok)
	assert.Nil(t, r.ByHolder(""))
	assert.Nil(t, r.ByProduct(""))
	// zero certificate methods
	var c Certificate
	assert.NotPanics(t, func() {
		assert.Equal(t, Pending, c.StatusAt(time.Now()))
		assert.True(t, c.ExpiresAt(time.Now()).IsZero())
		_, err := c.Retract(time.Now(), "x")
		assert.ErrorIs(t, err, ErrRetract)
		assert.ErrorIs(t, c.Suspend(time.Now(), "x"), ErrTransition)
		assert.Error(t, c.Renew(time.Now(), time.Now().Add(time.Hour), "x"))
		assert.ErrorIs(t, c.Cancel(time.Now(), "x"), ErrTransition)
		_ = GreenEcologyRules.Due(c, time.Now())
		_ = c.Clone()
		_, _ = c.LastSurveillance(time.Now())
		_ = LastValidDay(time.Time{})
	})
}

func TestResistStatusBoundaries(t *testing.T) {
	c := Certificate{Number: "JX-1", Mode: Type5, Issued: day(2026, 1, 1), Expires: day(2027, 1, 1)}
	assert.Equal(t, Pending, c.StatusAt(day(2026, 1, 1).Add(-time.Nanosecond)))
	assert.Equal(t, Valid, c.StatusAt(day(2026, 1, 1)))
	assert.Equal(t, Valid, c.StatusAt(day(2027, 1, 1).Add(-time.Nanosecond)))
	assert.Equal(t, Expired, c.StatusAt(day(2027, 1, 1)))
	assert.Equal(t, Valid, c.StatusAt(day(2026, 6, 1).UTC()))
	// expires before issued: never valid
	bad := Certificate{Number: "JX-1", Issued: day(2027, 1, 1), Expires: day(2026, 1, 1)}
	for _, tt := range []time.Time{day(2025, 1, 1), day(2026, 6, 1), day(2027, 1, 1), day(2028, 1, 1)} {
		assert.NotEqual(t, Valid, bad.StatusAt(tt))
	}
	// renew with until before now / before expiry / at expiry
	c2 := issue(t, synthetic(1))
	assert.Error(t, c2.Renew(day(2027, 1, 1), day(2026, 12, 1), "x"))
	assert.Error(t, c2.Renew(day(2027, 1, 1), c2.Expires, "x"))
	assert.Error(t, c2.Renew(c2.Expires, c2.Expires.AddDate(3, 0, 0), "x"), "renew once expired")
	// revoke then reinstate
	require.NoError(t, c2.Revoke(day(2026, 5, 1), "x"))
	assert.ErrorIs(t, c2.Reinstate(day(2026, 6, 1), "x"), ErrTransition)
	assert.ErrorIs(t, c2.Cancel(day(2026, 6, 1), "x"), ErrTransition)
	// events at the same instant in different zones
	c3 := issue(t, synthetic(1))
	at := day(2026, 6, 1)
	require.NoError(t, c3.Suspend(at.UTC(), "x"))
	require.NoError(t, c3.Reinstate(at.In(time.FixedZone("x", -11*3600)), "x"))
	assert.Error(t, c3.Surveil(at.Add(-time.Nanosecond), true, ""), "backdated by 1ns")
	assert.Equal(t, Valid, c3.StatusAt(at))
	b, err := json.Marshal(c3)
	require.NoError(t, err)
	var back Certificate
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, Valid, back.StatusAt(at))
	// monotonic clock readings survive a round trip
	now := time.Now()
	app := Application{Number: "JX-MONO", Holder: synthetic(3), Product: "金溪蜜梨",
		Standards: []standard.Number{standard.MustParse("T/JGE 0039-2023")},
		Body:      Body{Name: "江西省检验检测认证总院"}, Mode: Type5, Decided: now}
	c4, err := GreenEcologyRules.Issue(app)
	require.NoError(t, err)
	require.NoError(t, c4.Surveil(time.Now(), true, ""))
	require.NoError(t, c4.Validate())
	b, err = json.Marshal(c4)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, c4.StatusAt(time.Now()), back.StatusAt(time.Now()))
}

func TestResistRetract(t *testing.T) {
	c := issue(t, synthetic(1))
	_, err := c.Retract(day(2026, 2, 1), "x")
	assert.ErrorIs(t, err, ErrRetract, "the issue step")
	exp := c.Expires
	require.NoError(t, c.Renew(day(2028, 6, 1), day(2032, 1, 1), "renew"))
	e, err := c.Retract(day(2028, 7, 1), "wrong year")
	require.NoError(t, err)
	assert.Equal(t, Renew, e.Action)
	assert.True(t, exp.Equal(c.Expires), "expiry restored")
	require.NoError(t, c.Validate())
	_, err = c.Retract(day(2028, 7, 2), "again")
	assert.ErrorIs(t, err, ErrRetract)
	_, err = c.Retract(day(2028, 7, 2), "")
	assert.Error(t, err)
	// future-dated step then correction
	require.NoError(t, c.Surveil(day(2028, 12, 24), true, ""))
	assert.ErrorIs(t, c.Surveil(day(2028, 2, 24), true, ""), ErrTransition)
	_, err = c.Retract(day(2028, 6, 30), "typo") // before the previous retraction
	assert.Error(t, err)
	_, err = c.Retract(time.Time{}, "typo")
	assert.Error(t, err)
	_, err = c.Retract(day(2028, 7, 3), "typo")
	require.NoError(t, err)
	require.NoError(t, c.Surveil(day(2028, 2, 24), true, ""))
	require.NoError(t, c.Validate())
	b, err := json.Marshal(c)
	require.NoError(t, err)
	var back Certificate
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Len(t, back.Retracted, 2)
}

func TestResistJSON(t *testing.T) {
	s := zzJSON(t)
	for name, in := range map[string]string{
		"unknown":        strings.Replace(s, `"mode":"5"`, `"mode":"5","extra":1`, 1),
		"case":           strings.Replace(s, `"product"`, `"Product"`, 1),
		"long s":         strings.Replace(s, `"mode":"5"`, `"mode":"5","ſcope":"x"`, 1),
		"dup":            strings.Replace(s, `"mode":"5"`, `"mode":"5","product":"榴莲"`, 1),
		"dup escaped":    strings.Replace(s, `"mode":"5"`, `"mode":"5","\u0070roduct":"榴莲"`, 1),
		"status revoked": strings.Replace(s, `"mode":"5"`, `"mode":"5","status":"revoked"`, 1),
		"status expired": strings.Replace(s, `"mode":"5"`, `"mode":"5","status":"expired"`, 1),
		"no mode":        strings.Replace(s, `"mode":"5",`, ``, 1),
		"no issued":      strings.Replace(s, `"issued":"2026-01-10T00:00:00+08:00",`, ``, 1),
		"array":          "[" + s + "]",
		"future issue":   strings.Replace(s, `"history":[{"action":"issue","at":"2026-01-10T00:00:00+08:00"`, `"history":[{"action":"issue","at":"2026-01-11T00:00:00+08:00"`, 1),
		"two issues":     strings.Replace(s, `]}`, `,{"action":"issue","at":"2026-02-10T00:00:00+08:00"}]}`, 1),
		"out of order":   strings.Replace(s, `]}`, `,{"action":"surveil","at":"2026-03-10T00:00:00+08:00"},{"action":"surveil","at":"2026-02-10T00:00:00+08:00"}]}`, 1),
		"reinstate":      strings.Replace(s, `]}`, `,{"action":"revoke","at":"2026-03-10T00:00:00+08:00"},{"action":"reinstate","at":"2026-04-10T00:00:00+08:00"}]}`, 1),
		"passed on susp": strings.Replace(s, `]}`, `,{"action":"suspend","at":"2026-03-10T00:00:00+08:00","passed":true}]}`, 1),
		"expiry lie":     strings.Replace(s, `"expires":"2029-01-10T00:00:00+08:00","history"`, `"expires":"2039-01-10T00:00:00+08:00","history"`, 1),
		"year 0 issue":   strings.Replace(s, `"issued":"2026-01-10T00:00:00+08:00"`, `"issued":"0000-01-01T00:00:00Z"`, 1),
		"NaN":            strings.Replace(s, `"issued":"2026-01-10T00:00:00+08:00"`, `"issued":"NaN"`, 1),
	} {
		_, fe, err := zzDecode(in)
		assert.Error(t, err, name)
		assert.NotNil(t, fe, name)
		assert.ErrorIs(t, err, ErrApplication, name)
	}
	var d Certificate
	var fe *FieldError
	assert.ErrorAs(t, d.UnmarshalJSON([]byte(s+"{}")), &fe, "trailing data")
	// null history, status that agrees, offsets
	for name, in := range map[string]string{
		"null history":  strings.Replace(s, `"history":[{"action":"issue","at":"2026-01-10T00:00:00+08:00","expires":"2029-01-10T00:00:00+08:00"}]`, `"history":null`, 1),
		"status valid":  strings.Replace(s, `"mode":"5"`, `"mode":"5","status":"valid"`, 1),
		"utc offsets":   strings.ReplaceAll(s, `2026-01-10T00:00:00+08:00`, `2026-01-09T16:00:00Z`),
		"year 9999 exp": strings.ReplaceAll(s, `2029-01-10T00:00:00+08:00`, `9999-12-31T23:59:59.999999999Z`),
	} {
		c, _, err := zzDecode(in)
		assert.NoError(t, err, name)
		assert.Equal(t, Valid, c.StatusAt(day(2026, 6, 1)), name)
	}
	// null leaves unchanged
	c := issue(t, synthetic(1))
	require.NoError(t, json.Unmarshal([]byte("null"), &c))
	assert.Equal(t, "JXGE-TEST-0001", c.Number)
	// huge history: linear
	var sb strings.Builder
	sb.WriteString(strings.TrimSuffix(s, "]}"))
	for i := 0; i < 20000; i++ {
		fmt.Fprintf(&sb, `,{"action":"surveil","at":"2026-02-10T00:00:00+08:00","passed":true}`)
	}
	sb.WriteString("]}")
	t0 := time.Now()
	c, _, err := zzDecode(sb.String())
	require.NoError(t, err)
	assert.Len(t, c.History, 20001)
	assert.Less(t, time.Since(t0), 15*time.Second) // ~0.2 s without -race
}

func TestResistIssueRules(t *testing.T) {
	base := Application{Number: "JX-1", Holder: synthetic(1), Product: "金溪蜜梨",
		Standards: []standard.Number{standard.MustParse("T/JGE 0039-2023")},
		Body:      Body{Name: "江西省检验检测认证总院"}, Mode: Type5, Decided: day(2026, 1, 1)}
	for name, mut := range map[string]func(*Application){
		"zero decided": func(a *Application) { a.Decided = time.Time{} },
		"mode 4":       func(a *Application) { a.Mode = Type4 },
		"mode 1b":      func(a *Application) { a.Mode = Type1b },
		"mode 6":       func(a *Application) { a.Mode = Type6 },
		"mode 0":       func(a *Application) { a.Mode = 0 },
		"mode 99":      func(a *Application) { a.Mode = 99 },
		"bad code":     func(a *Application) { a.Holder.Code = "91360100MA3000001X" },
		"not member":   func(a *Application) { a.Body = Body{Name: "某认证公司", Certifies: true} },
		"no standard":  func(a *Application) { a.Standards = nil },
		"not in cat":   func(a *Application) { a.Standards = []standard.Number{standard.MustParse("GB/T 1.1-2020")} },
		"blank number": func(a *Application) { a.Number = "\u3000 " },
	} {
		app := base
		mut(&app)
		_, err := GreenEcologyRules.Issue(app)
		assert.ErrorIs(t, err, ErrApplication, name)
		var fe *FieldError
		assert.ErrorAs(t, err, &fe, name)
		if fe != nil {
			assert.NotEmpty(t, fe.Localize(language.Chinese), name)
		}
	}
	_ = brand.ChinaTime
}

// Validate checks "one spelling per step" (no surveillance result on a
// suspension, no expiry on a surveillance, …) for the history but not for
// the steps kept in Retracted: a retracted suspension carrying "passed",
// "expires" and "replaced", or with no date at all, loads from JSON.
func TestBreakRetractedEventNotChecked(t *testing.T) {
	s := zzJSON(t)
	for name, ev := range map[string]string{
		"passed on suspend":  `{"action":"suspend","at":"2026-03-01T00:00:00+08:00","passed":true}`,
		"expires on surveil": `{"action":"surveil","at":"2026-03-01T00:00:00+08:00","expires":"2030-01-01T00:00:00+08:00"}`,
		"replaced on revoke": `{"action":"revoke","at":"2026-03-01T00:00:00+08:00","replaced":"2030-01-01T00:00:00+08:00"}`,
		"no date":            `{"action":"suspend"}`,
		"before issue":       `{"action":"suspend","at":"1990-03-01T00:00:00+08:00"}`,
	} {
		in := strings.TrimSuffix(s, "}") + `,"retracted":[{"event":` + ev + `,"at":"2026-04-01T00:00:00+08:00","reason":"typo"}]}`
		_, _, err := zzDecode(in)
		assert.Error(t, err, "%s: retracted event loads", name)
	}
}

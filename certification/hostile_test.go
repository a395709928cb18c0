package certification

// Attacks from the adversarial review of issue 8 that the package
// resists: look-alike numbers, hostile Update callbacks, concurrent use,
// boundary dates, hostile JSON. Every record here is synthetic.

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/certification/creditcode"
	"github.com/jxgreen/jxgreen/standard"
)

// TestRegistryFoldsOnlyASCIIAndFullWidth: numbers fold case, width and
// spaces of ASCII only; long s, dotless i, Kelvin sign, Cyrillic and
// combining forms are other numbers, and invisible characters are refused.
func TestRegistryFoldsOnlyASCIIAndFullWidth(t *testing.T) {
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

// TestRegistryHolderCodesAreCanonical: holder codes are stored canonical,
// found in any accepted form, and a bad check character finds nothing.
func TestRegistryHolderCodesAreCanonical(t *testing.T) {
	r := NewRegistry()
	c := cert(1)
	code := string(c.Holder.Code)
	c.Holder.Code = creditcode.Code(strings.ToLower(code[:9]) + " " + code[9:])
	require.NoError(t, r.Add(c))
	got, _ := r.Certificate(c.Number)
	assert.Equal(t, creditcode.Code(code), got.Holder.Code)
	full := strings.Map(func(r rune) rune {
		if r >= '!' && r <= '~' {
			return r + 0xFEE0
		}
		return r
	}, code)
	for _, q := range []string{code, strings.ToLower(code), full, code[:6] + "\u3000" + code[6:]} {
		assert.Len(t, r.ByHolder(creditcode.Code(q)), 1, q)
	}
	// wrong check char, I O S V Z
	for _, bad := range []string{code[:17] + "0", code[:9] + "I" + code[10:], code[:9] + "O" + code[10:], code[:9] + "Z" + code[10:], code[:9] + "S" + code[10:], code[:9] + "V" + code[10:], "9136O1" + code[6:]} {
		if bad == code {
			continue
		}
		_, err := creditcode.Parse(bad)
		assert.Error(t, err, bad)
		assert.Empty(t, r.ByHolder(creditcode.Code(bad)))
		var ce *creditcode.Error
		if assert.ErrorAs(t, err, &ce) {
			assert.NotEmpty(t, ce.Localize(language.Chinese))
		}
	}
	// the slice ByHolder returns cannot reach the store
	got2 := r.ByHolder(creditcode.Code(code))
	got2[0].History[0].At = time.Time{}
	got2[0].Number = "X"
	got3 := r.ByHolder(creditcode.Code(code))
	assert.Equal(t, c.Number, got3[0].Number)
	assert.False(t, got3[0].History[0].At.IsZero())
}

// TestUpdateResistsHostileCallbacks: a callback that fails, panics,
// steals another number or keeps its pointer cannot corrupt the store.
func TestUpdateResistsHostileCallbacks(t *testing.T) {
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

// TestRegistryConcurrentUseKeepsCertificatesValid: concurrent adds,
// updates and reads (which mutate their copies) leave every stored
// certificate valid and unchanged by the readers.
func TestRegistryConcurrentUseKeepsCertificatesValid(t *testing.T) {
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

// TestRegistryRefusesUndatedAndZeroCertificates: undated or zero
// certificates are refused, and the zero certificate's methods do not
// panic.
func TestRegistryRefusesUndatedAndZeroCertificates(t *testing.T) {
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
		_ = GreenEcologyRules().Due(c, time.Now())
		_ = c.Clone()
		_, _ = c.LastSurveillance(time.Now())
		_ = LastValidDay(time.Time{})
	})
}

// TestStatusAtBoundaries: the status at the first and last instants of
// validity, across zones, after a backdated step, and through a JSON round
// trip with monotonic clock readings.
func TestStatusAtBoundaries(t *testing.T) {
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
	c4, err := GreenEcologyRules().Issue(app)
	require.NoError(t, err)
	require.NoError(t, c4.Surveil(time.Now(), true, ""))
	require.NoError(t, c4.Validate())
	b, err = json.Marshal(c4)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, c4.StatusAt(time.Now()), back.StatusAt(time.Now()))
}

// TestRetractCorrectsFutureDatedStep: a step dated in the future by
// mistake is retracted and recorded again; a renewal's retraction
// restores the validity; the issue step cannot be retracted.
func TestRetractCorrectsFutureDatedStep(t *testing.T) {
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

// TestJSONRefusesHostileForms: unknown, case-folded, duplicate and
// escaped member names, a status that lies, a history out of order and
// other forged records do not load; a large history loads in linear time.
func TestJSONRefusesHostileForms(t *testing.T) {
	s := issuedJSON(t)
	for name, in := range map[string]string{
		"unknown":        strings.Replace(s, `"mode":"5"`, `"mode":"5","extra":1`, 1),
		"case":           strings.Replace(s, `"product"`, `"Product"`, 1),
		"long s":         strings.Replace(s, `"mode":"5"`, `"mode":"5","ſcope":"x"`, 1),
		"dup":            strings.Replace(s, `"mode":"5"`, `"mode":"5","product":"榴莲"`, 1),
		"dup escaped":    strings.Replace(s, `"mode":"5"`, `"mode":"5","\u0070roduct":"榴莲"`, 1),
		"status revoked": strings.Replace(s, `"mode":"5"`, `"mode":"5","status":"revoked"`, 1),
		"status expired": strings.Replace(s, `"mode":"5"`, `"mode":"5","status":"expired"`, 1),
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
		_, fe, err := decodeJSON(in)
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
		c, _, err := decodeJSON(in)
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
	c, _, err := decodeJSON(sb.String())
	require.NoError(t, err)
	assert.Len(t, c.History, 20001)
	assert.Less(t, time.Since(t0), 15*time.Second) // ~0.2 s without -race
}

// TestIssueRefusesBadApplications: each bad application is refused with
// a *FieldError that has a Chinese message.
func TestIssueRefusesBadApplications(t *testing.T) {
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
		_, err := GreenEcologyRules().Issue(app)
		assert.ErrorIs(t, err, ErrApplication, name)
		var fe *FieldError
		assert.ErrorAs(t, err, &fe, name)
		if fe != nil {
			assert.NotEmpty(t, fe.Localize(language.Chinese), name)
		}
	}
}

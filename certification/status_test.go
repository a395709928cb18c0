package certification

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/certification/creditcode"
	"github.com/jxgreen/jxgreen/standard"
)

// TestStatusStructLiteralWithoutHistoryIsValid: a literal with Issued and
// Expires and no history is valid inside those dates, and only there.
func TestStatusStructLiteralWithoutHistoryIsValid(t *testing.T) {
	t.Parallel()
	c := Certificate{Number: "JXGE-SYN-LIT", Issued: day(2026, 1, 10), Expires: day(2029, 1, 10)}
	for _, tc := range []struct {
		at   time.Time
		want Status
	}{
		{day(2026, 1, 9), Pending},
		{c.Issued.Add(-time.Nanosecond), Pending},
		{c.Issued, Valid},
		{day(2027, 6, 1), Valid},
		{c.Expires.Add(-time.Nanosecond), Valid},
		{c.Expires, Expired},
		{day(2040, 1, 1), Expired},
	} {
		assert.Equal(t, tc.want, c.StatusAt(tc.at), "%v", tc.at)
	}
	require.NoError(t, c.Validate())
	var r Registry
	require.NoError(t, r.Add(c), "a literal with dates is a valid certificate")
	require.NoError(t, c.Suspend(day(2027, 1, 1), "lifecycle methods work on it"))
	assert.Equal(t, Suspended, c.StatusAt(day(2027, 1, 2)))
}

// TestCertificateWithoutDatesNeverValid: without Issued or without Expires
// a certificate is Pending (not yet validly issued) at every time, whatever
// its history says, and no lifecycle step applies to it.
func TestCertificateWithoutDatesNeverValid(t *testing.T) {
	t.Parallel()
	issueOnly := []Event{{Action: Issue, At: day(2026, 1, 10), Expires: day(2029, 1, 10)}}
	for name, c := range map[string]Certificate{
		"zero":            {},
		"number only":     {Number: "JXGE-SYN-0"},
		"no issue date":   {Number: "JXGE-SYN-1", Expires: day(2029, 1, 10)},
		"no expiry":       {Number: "JXGE-SYN-2", Issued: day(2026, 1, 10)},
		"history, no end": {Number: "JXGE-SYN-3", Issued: day(2026, 1, 10), History: issueOnly},
		"history only":    {Number: "JXGE-SYN-4", History: issueOnly},
	} {
		for _, at := range []time.Time{{}, day(1, 1, 1), day(2026, 1, 10), day(2027, 6, 1), day(2029, 1, 10), day(9999, 1, 1)} {
			assert.Equal(t, Pending, c.StatusAt(at), "%s at %v", name, at)
		}
		assert.ErrorIs(t, c.Surveil(day(2027, 1, 1), true, ""), ErrTransition, name)
		assert.ErrorIs(t, c.Suspend(day(2027, 1, 1), ""), ErrTransition, name)
		assert.Error(t, c.Validate(), name)
	}
}

// TestRegistryRefusesCertificateWithoutDates: Add refuses a certificate
// without Issued or Expires (or ending before it starts) with a *FieldError
// naming the field.
func TestRegistryRefusesCertificateWithoutDates(t *testing.T) {
	t.Parallel()
	var r Registry
	for _, tc := range []struct {
		c     Certificate
		field string
	}{
		{Certificate{Number: "X-1", Expires: day(2029, 1, 1)}, "issued"},
		{Certificate{Number: "X-2", Issued: day(2026, 1, 1)}, "expires"},
		{Certificate{Number: "X-3"}, "issued"},
		{Certificate{Number: "X-4", Issued: day(2026, 1, 1), Expires: day(2026, 1, 1)}, "expires"},
		{Certificate{Number: "X-5", Issued: day(2026, 1, 1), Expires: day(2025, 1, 1)}, "expires"},
	} {
		err := r.Add(tc.c)
		var fe *FieldError
		require.ErrorAs(t, err, &fe, tc.c.Number)
		assert.Equal(t, tc.field, fe.Field, tc.c.Number)
		assert.ErrorIs(t, err, ErrApplication)
		assert.NotEqual(t, i18n.Error(err, language.Chinese), i18n.Error(err, language.English))
	}
	assert.Zero(t, r.Len())
}

// TestRegistryRefusesHistoryOutOfOrder: Add and Update refuse a history
// that is not in date order, or that no sequence of legal steps gives.
func TestRegistryRefusesHistoryOutOfOrder(t *testing.T) {
	t.Parallel()
	base := issue(t, synthetic(20))
	require.NoError(t, base.Suspend(day(2026, 6, 1), ""))
	require.NoError(t, base.Reinstate(day(2026, 7, 1), ""))
	for name, tc := range map[string]struct {
		edit  func(c *Certificate)
		field string
	}{
		"swapped": {func(c *Certificate) { c.History[1], c.History[2] = c.History[2], c.History[1] }, "history[2].at"},
		"before issue": {func(c *Certificate) {
			c.History = append(c.History, Event{Action: Surveil, At: day(2025, 1, 1)})
		}, "history[3].at"},
		"zero date":    {func(c *Certificate) { c.History[2].At = time.Time{} }, "history[2].at"},
		"second issue": {func(c *Certificate) { c.History = append(c.History, Event{Action: Issue, At: day(2027, 1, 1)}) }, "history[3].action"},
		"reinstated after revocation": {func(c *Certificate) {
			c.History = append(c.History, Event{Action: Revoke, At: day(2026, 8, 1)}, Event{Action: Reinstate, At: day(2026, 9, 1)})
		}, "history[4].action"},
		"unknown action":         {func(c *Certificate) { c.History[1].Action = 42 }, "history[1].action"},
		"expiry disagrees":       {func(c *Certificate) { c.Expires = day(2040, 1, 1) }, "expires"},
		"result on a suspension": {func(c *Certificate) { c.History[1].Passed = true }, "history[1].passed"},
		"expiry on a suspension": {func(c *Certificate) { c.History[1].Expires = day(2040, 1, 1) }, "history[1].expires"},
	} {
		c := base.Clone()
		tc.edit(&c)
		var r Registry
		err := r.Add(c)
		var fe *FieldError
		require.ErrorAs(t, err, &fe, name)
		assert.Equal(t, tc.field, fe.Field, name)

		require.NoError(t, r.Add(base))
		err = r.Update(base.Number, func(s *Certificate) error { *s = c; return nil })
		require.ErrorAs(t, err, &fe, name)
		assert.Equal(t, tc.field, fe.Field, name)
		got, _ := r.Certificate(base.Number)
		assert.Equal(t, base, got, "%s: a refused update changes nothing", name)
	}
}

// TestStatusAtRevokedIsFinal: a forged history that reinstates a revoked
// certificate cannot make it valid again, even as a struct literal.
func TestStatusAtRevokedIsFinal(t *testing.T) {
	t.Parallel()
	c := issue(t, synthetic(21))
	require.NoError(t, c.Revoke(day(2026, 5, 1), ""))
	c.History = append(c.History, Event{Action: Reinstate, At: day(2026, 6, 1)}, Event{Action: Renew, At: day(2026, 7, 1), Expires: day(2040, 1, 1)})
	assert.Equal(t, Revoked, c.StatusAt(day(2026, 8, 1)))
	assert.Equal(t, Revoked, c.StatusAt(day(2035, 1, 1)))
	assert.Error(t, c.Validate())
}

// TestStepDatedBeforeLastIsRefused: a lifecycle step dated before the last
// one is refused, so the history stays in order.
func TestStepDatedBeforeLastIsRefused(t *testing.T) {
	t.Parallel()
	c := issue(t, synthetic(22))
	require.NoError(t, c.Surveil(day(2026, 6, 1), true, ""))
	err := c.Suspend(day(2026, 5, 31), "")
	var te *TransitionError
	require.ErrorAs(t, err, &te)
	assert.True(t, te.Backdated)
	assert.Contains(t, i18n.Error(err, language.Chinese), "早于上一事件")
	require.NoError(t, c.Suspend(day(2026, 6, 1), "the same instant as the last step is in order"))
	assert.NoError(t, c.Validate())
}

// TestCorrectFutureDatedStep: a step dated in the future by mistake would
// refuse every later step; Retract takes it out (keeping it, with when and
// why), and the right step is recorded. A retracted renewal restores the
// end of validity it replaced.
func TestCorrectFutureDatedStep(t *testing.T) {
	t.Parallel()
	var r Registry
	c := issue(t, synthetic(23))
	require.NoError(t, r.Add(c))
	// The suspension of 2026-06-01 typed as 2028-06-01.
	require.NoError(t, r.Update(c.Number, func(c *Certificate) error { return c.Suspend(day(2028, 6, 1), "监督发现不符合") }))
	err := r.Update(c.Number, func(c *Certificate) error { return c.Surveil(day(2026, 7, 1), true, "") })
	assert.ErrorIs(t, err, ErrTransition, "the future-dated step blocks every earlier-dated one")

	var retracted Event
	require.NoError(t, r.Update(c.Number, func(c *Certificate) error {
		var err error
		retracted, err = c.Retract(day(2026, 6, 2), "日期录入错误：应为 2026-06-01")
		return err
	}))
	assert.Equal(t, Suspend, retracted.Action)
	require.NoError(t, r.Update(c.Number, func(c *Certificate) error { return c.Suspend(day(2026, 6, 1), "监督发现不符合") }))
	got, _ := r.Certificate(c.Number)
	assert.Equal(t, Suspended, got.StatusAt(day(2026, 6, 2)))
	require.Len(t, got.Retracted, 1)
	assert.Equal(t, day(2028, 6, 1), got.Retracted[0].Event.At)
	assert.Equal(t, day(2026, 6, 2), got.Retracted[0].At)
	assert.Equal(t, "日期录入错误：应为 2026-06-01", got.Retracted[0].Reason)
	assert.Len(t, got.History, 2)

	// It survives the JSON form.
	b, err := json.Marshal(got)
	require.NoError(t, err)
	var back Certificate
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, got.Retracted[0].Reason, back.Retracted[0].Reason)
	assert.True(t, got.Retracted[0].Event.At.Equal(back.Retracted[0].Event.At))

	// A renewal recorded with the wrong end of validity.
	n := issue(t, synthetic(24))
	before := n.Expires
	require.NoError(t, n.Renew(day(2028, 12, 1), day(2092, 1, 10), "再认证"))
	_, err = n.Retract(day(2028, 12, 2), "有效期录入错误")
	require.NoError(t, err)
	assert.Equal(t, before, n.Expires, "the replaced end of validity is restored")
	assert.Equal(t, Expired, n.StatusAt(before))
	require.NoError(t, n.Renew(day(2028, 12, 2), day(2032, 1, 10), "再认证"))
	require.NoError(t, n.Validate())

	// What cannot be retracted, or not so.
	_, err = n.Retract(day(2028, 12, 3), " ")
	assert.ErrorIs(t, err, ErrApplication, "a reason is required")
	_, err = n.Retract(day(2028, 12, 1), "before the last retraction")
	assert.ErrorIs(t, err, ErrApplication)
	i := issue(t, synthetic(25))
	_, err = i.Retract(day(2026, 2, 1), "the issue step stays")
	assert.ErrorIs(t, err, ErrRetract)
	assert.Contains(t, i18n.Error(err, language.Chinese), "撤回")
	_, err = (&Certificate{}).Retract(day(2026, 2, 1), "nothing")
	assert.ErrorIs(t, err, ErrRetract)
}

// TestRegistryRefusesControlCharacters: numbers (and products) holding a
// control or format character are refused, and finding them finds nothing.
func TestRegistryRefusesControlCharacters(t *testing.T) {
	t.Parallel()
	var r Registry
	require.NoError(t, r.Add(cert(1)))
	good := cert(1).Number
	for _, bad := range []string{"\x00", "\t", "\n", "\r", "\x1b", "\x7f", "\u0085", "\u200b", "\u200e", "\u202e", "\ufeff", "\xff"} {
		for _, n := range []string{bad + "JX-1", "JX" + bad + "-1", "JX-1" + bad} {
			c := cert(2)
			c.Number = n
			err := r.Add(c)
			var fe *FieldError
			require.ErrorAs(t, err, &fe, "%q", n)
			assert.Equal(t, "number", fe.Field)
			assert.Equal(t, Reason("control"), fe.Reason)
			assert.Contains(t, i18n.Error(err, language.Chinese), "控制字符")
		}
		_, ok := r.Certificate(good[:4] + bad + good[4:])
		assert.False(t, ok, "%q", bad)
		c := cert(3)
		c.Product = "金溪" + bad + "蜜梨"
		assert.Error(t, r.Add(c), "%q in a product", bad)
		assert.Nil(t, r.ByProduct("金溪蜜梨"+bad))
	}
	assert.Equal(t, 1, r.Len())
}

// TestRegistryLongSOrDotlessIDoesNotMatch: lookups fold width, case and
// spaces only for ASCII and full-width ASCII; Unicode case folding would
// map ſ to S, ı to I and the Kelvin sign to K.
func TestRegistryLongSOrDotlessIDoesNotMatch(t *testing.T) {
	t.Parallel()
	var r Registry
	for i, n := range []string{"JX-S01", "JX-I01", "JX-K01", "JX-SS01"} {
		c := cert(i)
		c.Number = n
		require.NoError(t, r.Add(c))
	}
	for _, n := range []string{"JX-ſ01", "jx-ſ01", "jx-ı01", "JX-İ01", "JX-\u212a01", "JX-ß01", "JX-ẞ01", "ＪＸ-ſ０１"} {
		_, ok := r.Certificate(n)
		assert.False(t, ok, "%q must not find another number", n)
	}
	for n, want := range map[string]string{
		"jx-s01": "JX-S01", "ＪＸ－Ｓ０１": "JX-S01", "ｊｘ－ｉ０１": "JX-I01", " JX - I01 ": "JX-I01",
		"JX\u3000-K01": "JX-K01", "jX-sS01": "JX-SS01",
	} {
		c, ok := r.Certificate(n)
		require.True(t, ok, "%q", n)
		assert.Equal(t, want, c.Number, "%q", n)
	}
	// A number with ſ is a number of its own, not a duplicate of JX-S01.
	c := cert(9)
	c.Number = "JX-ſ01"
	require.NoError(t, r.Add(c))
	got, ok := r.Certificate("JX-ſ01")
	require.True(t, ok)
	assert.Equal(t, "JX-ſ01", got.Number)
	got, _ = r.Certificate("JX-S01")
	assert.Equal(t, "JX-S01", got.Number)
}

// TestRegistryCanonicalisesHolderCodes: holder codes are stored in
// canonical form and looked up in any form creditcode.Parse accepts.
func TestRegistryCanonicalisesHolderCodes(t *testing.T) {
	t.Parallel()
	var r Registry
	h := synthetic(30)
	loose := strings.ToLower(string(h.Code[:4]) + " " + string(h.Code[4:10]) + "　" + string(h.Code[10:]))
	c := cert(30)
	c.Holder.Code = creditcode.Code(loose)
	require.NoError(t, r.Add(c))
	got, _ := r.Certificate(c.Number)
	assert.Equal(t, h.Code, got.Holder.Code, "stored canonical")
	fullWidth := strings.Map(func(r rune) rune {
		if r > ' ' && r < 0x7f {
			return r + 0xFEE0
		}
		return r
	}, string(h.Code))
	for _, code := range []string{string(h.Code), loose, strings.ToLower(string(h.Code)), fullWidth, " " + string(h.Code) + " "} {
		assert.Len(t, r.ByHolder(creditcode.Code(code)), 1, "%q", code)
	}
	assert.Empty(t, r.ByHolder(creditcode.Code(h.Code[:17]+"?")))

	bad := cert(31)
	bad.Holder.Code = h.Code[:17] + "0"
	if h.Code[17] == '0' {
		bad.Holder.Code = h.Code[:17] + "1"
	}
	var fe *FieldError
	require.ErrorAs(t, r.Add(bad), &fe)
	assert.Equal(t, "holder.code", fe.Field)
	assert.ErrorIs(t, fe, creditcode.ErrCheck)

	// An update that changes the code moves the certificate in the index.
	other := synthetic(32)
	require.NoError(t, r.Update(c.Number, func(c *Certificate) error {
		c.Holder.Code = creditcode.Code(strings.ToLower(string(other.Code)))
		return nil
	}))
	assert.Empty(t, r.ByHolder(h.Code))
	assert.Len(t, r.ByHolder(other.Code), 1)
}

// TestUpdateCallbackPointerCannotChangeStore: a pointer kept from an
// Update callback, and the slices it reaches, cannot change the stored
// certificate afterwards.
func TestUpdateCallbackPointerCannotChangeStore(t *testing.T) {
	t.Parallel()
	var r Registry
	c := cert(40)
	require.NoError(t, r.Add(c))
	var kept *Certificate
	require.NoError(t, r.Update(c.Number, func(c *Certificate) error {
		kept = c
		return c.Revoke(day(2026, 6, 1), "重大质量事故")
	}))
	kept.History[len(kept.History)-1] = Event{Action: Surveil, At: day(2026, 6, 1), Passed: true}
	kept.History = kept.History[:1]
	kept.Standards[0] = standard.MustParse("T/JGE 0041-2023")
	kept.Standards = nil
	kept.Expires = day(2099, 1, 1)
	kept.Holder.Code = synthetic(41).Code

	got, ok := r.Certificate(c.Number)
	require.True(t, ok)
	assert.Equal(t, Revoked, got.StatusAt(day(2026, 7, 1)))
	require.Len(t, got.History, 2)
	assert.Equal(t, Revoke, got.History[1].Action)
	assert.Equal(t, day(2029, 1, 1), got.Expires)
	assert.Equal(t, cert(40).Standards, got.Standards)
	assert.Len(t, r.ByHolder(c.Holder.Code), 1)
	assert.Empty(t, r.ByHolder(synthetic(41).Code))

	// The same for a certificate passed to Add and for what reads return.
	c2 := cert(42)
	require.NoError(t, r.Add(c2))
	c2.History[0].Reason = "changed after Add"
	got, _ = r.Certificate(c2.Number)
	assert.Empty(t, got.History[0].Reason)
}

// TestCertificateJSONRefusesHistoryOutOfOrder: the JSON decoder refuses a
// history not in date order with a *FieldError naming the JSON pointer, in
// Chinese and English.
func TestCertificateJSONRefusesHistoryOutOfOrder(t *testing.T) {
	t.Parallel()
	fixture := readFixture(t)
	var c Certificate
	require.NoError(t, json.Unmarshal(fixture, &c))
	c.History[2].At, c.History[3].At = c.History[3].At, c.History[2].At
	b, err := json.Marshal(c)
	require.NoError(t, err)

	var back Certificate
	err = json.Unmarshal(b, &back)
	var fe *FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "/history/3/at", fe.Pointer)
	assert.Equal(t, Reason("out-of-order"), fe.Reason)
	assert.ErrorIs(t, err, ErrApplication)
	zh, en := i18n.Error(err, language.Chinese), i18n.Error(err, language.English)
	assert.Contains(t, zh, "/history/3/at")
	assert.Contains(t, zh, "早于上一条记录")
	assert.Contains(t, en, "/history/3/at")
	assert.Contains(t, en, "dated before the previous entry")
	assert.Zero(t, back.Number, "a refused certificate leaves the target untouched")
}

func readFixture(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/certificate.json")
	require.NoError(t, err)
	return b
}

// TestCertificateJSON: the fixture round-trips; every bad form is refused
// with the pointer of the culprit.
func TestCertificateJSON(t *testing.T) {
	t.Parallel()
	fixture := string(readFixture(t))
	var c Certificate
	require.NoError(t, json.Unmarshal([]byte(fixture), &c))
	assert.Equal(t, Valid, c.StatusAt(day(2030, 1, 1)))
	assert.Equal(t, Expired, c.StatusAt(day(2032, 1, 10)))
	b, err := json.Marshal(c)
	require.NoError(t, err)
	assert.NotContains(t, string(b), `"status"`, "the JSON form carries no status")
	var again Certificate
	require.NoError(t, json.Unmarshal(b, &again))
	b2, _ := json.Marshal(again)
	assert.JSONEq(t, string(b), string(b2))

	replace := func(old, new string) string {
		require.Contains(t, fixture, old)
		return strings.Replace(fixture, old, new, 1)
	}
	for name, tc := range map[string]struct {
		in      string
		pointer string
		reason  string
	}{
		"no issue date":  {replace(`"issued": "2026-01-10T00:00:00+08:00",`, ``), "/issued", "missing"},
		"no expiry":      {replace(`"expires": "2032-01-10T00:00:00+08:00",`, ``), "/expires", "missing"},
		"date only":      {replace(`"issued": "2026-01-10T00:00:00+08:00"`, `"issued": "2026-01-10"`), "/issued", "invalid"},
		"before issue":   {replace(`"at": "2027-01-05T00:00:00+08:00"`, `"at": "2025-01-05T00:00:00+08:00"`), "/history/1/at", "before-issue"},
		"future step":    {replace(`"at": "2027-01-20T00:00:00+08:00"`, `"at": "2037-01-20T00:00:00+08:00"`), "/history/3/at", "out-of-order"},
		"duplicate":      {replace(`"product": "金溪蜜梨",`, `"product": "金溪蜜梨", "product": "榴莲",`), "/product", "duplicate"},
		"case folded":    {replace(`"product":`, `"Product":`), "/Product", "unknown"},
		"long s":         {replace(`"product":`, `"ſcope": "x", "product":`), "/ſcope", "unknown"},
		"nested unknown": {replace(`"credit_code"`, `"creditCode"`), "/holder/creditCode", "unknown"},
		"misplaced":      {replace(`"reason": "再认证（合成样例）",`, `"reason": "再认证（合成样例）", "name": "x",`), "/history/4/name", "unknown"},
		"status lies":    {replace(`"mode": "5",`, `"mode": "5", "status": "revoked",`), "/status", "status"},
		"bad status":     {replace(`"mode": "5",`, `"mode": "5", "status": "expired",`), "/status", "status"},
		"renewal short": {replace(`"expires": "2032-01-10T00:00:00+08:00",
      "replaced"`, `"expires": "2028-01-10T00:00:00+08:00",
      "replaced"`), "/history/4/expires", "dates"},
		"trailing": {fixture + "{}", "/", "syntax"},
		"array":    {"[" + fixture + "]", "/", "type"},
	} {
		var got Certificate
		err := json.Unmarshal([]byte(tc.in), &got)
		if name == "trailing" { // encoding/json itself refuses it first
			require.Error(t, err)
			err = got.UnmarshalJSON([]byte(tc.in))
		}
		var fe *FieldError
		require.ErrorAs(t, err, &fe, name)
		assert.Equal(t, tc.pointer, fe.Pointer, name)
		assert.Equal(t, Reason(tc.reason), fe.Reason, name)
		assert.NotEmpty(t, i18n.Error(err, language.Chinese), name)
		assert.Zero(t, got.Number, name)
	}
	// A status that agrees with the history, as older versions wrote it,
	// is accepted.
	var ok Certificate
	require.NoError(t, json.Unmarshal([]byte(replace(`"mode": "5",`, `"mode": "5", "status": "valid",`)), &ok))
}

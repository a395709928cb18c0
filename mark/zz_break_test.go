package mark

// Adversarial review (rev1): each TestBreak* asserts what the package
// should do; a failing one demonstrates a defect. TestResist* document
// attacks the package resisted.

import (
	"crypto/ed25519"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/certification"
)

// --- look-alikes that slip through ---------------------------------------

func TestBreakLookAlikesSlipThrough(t *testing.T) {
	r := registry(t)
	for _, name := range []string{
		"江襾绿色生态",           // 襾 U+897E: Kangxi radical 146 itself (the table has its variant 覀 U+8980)
		"江\u2F91绿色生态",      // ⾑ KANGXI RADICAL WEST: NFKC gives 襾, which the table lacks
		"江\u2EC3绿色生态",      // ⻃ CJK RADICAL WEST ONE (the table has ⻄ WEST TWO, U+2EC4)
		"江西渌色生态",           // 渌 U+6E0C: the simplified form of 淥, which the table has
		"江西绿色生态\U000E0100", // (control: variation selector; caught)
	} {
		u := goodUse()
		u.BrandText = name
		v := Check(u, r, time.Time{})
		assert.True(t, v.Has("look-alike-name"), "%q (%U) slips through: %+v", name, []rune(name), v.Violations)
	}
}

// --- false positives: the real name flagged as an imitation ---------------

func TestBreakRealNameFlaggedAsLookAlike(t *testing.T) {
	r := registry(t)
	for _, name := range []string{
		"【江西绿色生态】",             // the bracket of Chinese e-commerce titles
		"（江西绿色生态）",             // full-width parentheses
		"江西绿色生态。",              // with a full stop
		"江西绿色生态 Jiangxi Green", // with its English name
		"江西绿色生态(R)",            // ® typed as (R)
	} {
		u := goodUse()
		u.BrandText = name
		v := Check(u, r, time.Time{})
		assert.False(t, v.Has("look-alike-name"), "%q: the brand's own name reported as imitating it: %s",
			name, v.Violations[0].Message(language.Chinese))
	}
}

// A look-alike inside a longer text is never flagged, although the same
// look-alike alone is: the check compares the whole text.
func TestBreakLookAlikeInLongerText(t *testing.T) {
	r := registry(t)
	for _, name := range []string{"江酉绿色生态认证", "江酉绿色生态产品", "江西綠色生態认证产品"} {
		u := goodUse()
		u.BrandText = name
		v := Check(u, r, time.Time{})
		assert.True(t, v.Has("look-alike-name"), "%q not flagged", name)
	}
}

// --- Draw: one enterprise under two spellings of its code -----------------

func TestBreakDrawSameHolderTwiceByCase(t *testing.T) {
	h := holder(1)
	lower := certification.Holder{Name: h.Name, Code: certification.CreditCode(strings.ToLower(string(h.Code)))}
	plan, err := Draw("seed", []certification.Holder{h, lower}, inspectors(), 2, 1)
	// Both spellings parse to the same enterprise.
	p1, _ := certification.ParseCreditCode(string(h.Code))
	p2, _ := certification.ParseCreditCode(string(lower.Code))
	require.Equal(t, p1, p2)
	assert.Error(t, err, "one enterprise drawn twice: %+v", plan.Assignments)
}

func TestBreakDrawExclusionBypassedBySpelling(t *testing.T) {
	h := holder(1)
	// The inspector must not inspect holder 1 (回避); the exclusion is
	// written with the code in lower case / with a space, as people type it.
	for _, excl := range []string{strings.ToLower(string(h.Code)), string(h.Code[:9]) + " " + string(h.Code[9:])} {
		ins := []Inspector{{ID: "I-1", Name: "合成甲", Excluded: []certification.CreditCode{certification.CreditCode(excl)}}}
		plan, err := Draw("seed", []certification.Holder{h}, ins, 1, 1)
		if err == nil {
			assert.NotContains(t, plan.Assignments[0].Inspectors, "I-1",
				"excluded inspector sent to the holder (exclusion spelled %q)", excl)
		}
	}
}

func TestBreakDrawAcceptsInvalidCreditCodes(t *testing.T) {
	hs := []certification.Holder{{Name: "甲", Code: "x"}, {Name: "乙", Code: " "}, {Name: "丙", Code: "\u0000"}}
	_, err := Draw("seed", hs, inspectors(), 3, 1)
	assert.Error(t, err, "holders with codes that are not credit codes are drawn")
}

// --- Check: the certificate number on the label is not compared -----------

// Registry folds with strings.ToUpper on every rune, so "ſ" (long s) finds
// "S"; Check then allows a label showing a number that is not the
// certificate's (Verify compares reg.Number, Check does not).
func TestBreakCheckAcceptsOtherNumberSpelling(t *testing.T) {
	r := registry(t)
	u := goodUse()
	u.Certificate = "JXGE-ſYN-001"
	v := Check(u, r, time.Time{})
	assert.False(t, v.Allowed, "a label showing %q is allowed for certificate JXGE-SYN-001", u.Certificate)
}

// Check compares the user's credit code byte for byte: the same enterprise
// written in lower case is "not the holder".
func TestBreakCheckHolderCodeCase(t *testing.T) {
	r := registry(t)
	u := goodUse()
	u.Holder.Code = certification.CreditCode(strings.ToLower(string(u.Holder.Code)))
	v := Check(u, r, time.Time{})
	assert.False(t, v.Has("holder-mismatch"), "%+v", v.Violations)
}

// --- panics ----------------------------------------------------------------

func TestBreakTypedNilLookupPanics(t *testing.T) {
	_, code := signed(t)
	var reg *certification.Registry
	assert.NotPanics(t, func() {
		_, _ = verifier(t, testKey).WithLookup(reg).Verify(code, day(2026, 6, 1))
	}, "Verify with a nil *Registry")
	assert.NotPanics(t, func() { Check(goodUse(), reg, time.Time{}) }, "Check with a nil *Registry")
}

// --- renewal: a code signed before a renewal -------------------------------

// With a lookup, a code signed before its certificate was renewed is
// reported as "the certificate has expired" (ErrExpired, message
// "证书 … 有效期至 …，已过期"), though the register the verifier was given
// says the certificate is valid.
func TestBreakRenewedCertificateReportedExpired(t *testing.T) {
	c := issue(t, "JXGE-SYN-301", 31, "金溪蜜梨")
	code, err := signer(testKey).Sign(c)
	require.NoError(t, err)
	require.NoError(t, c.Renew(c.Expires.AddDate(0, -1, 0), c.Expires.AddDate(3, 0, 0), "复评换证（合成）"))
	reg := certification.NewRegistry()
	require.NoError(t, reg.Add(c))
	at := c.History[0].Expires.AddDate(0, 1, 0) // after the old end of validity, before the new
	if c.History[0].Expires.IsZero() {
		at = day(2029, 2, 10)
	}
	require.Equal(t, certification.Valid, c.StatusAt(at))
	_, err = verifier(t, testKey).WithLookup(reg).Verify(code, at)
	require.Error(t, err)
	zh := i18n.Error(err, language.Chinese)
	assert.NotContains(t, zh, "已过期", "register says valid at %v, message: %s", at, zh)
}

// --- key IDs ---------------------------------------------------------------

// Two different keys whose 4-byte IDs collide (found by a birthday search,
// ~2^16 keys) are refused as "key 2 repeats an earlier key": the message is
// false, and a retired/current pair with one ID cannot be configured.
func TestBreakKeyIDCollisionRefusedAsDuplicate(t *testing.T) {
	if testing.Short() {
		t.Skip("birthday search")
	}
	seen := map[KeyID][32]byte{}
	var a, b ed25519.PublicKey
	for i := 0; ; i++ {
		var seed [32]byte
		copy(seed[:], fmt.Sprintf("collide %d", i))
		// Public keys need not be derived from seeds for the ID search,
		// but real keys show it is not a contrived input.
		k := ed25519.NewKeyFromSeed(seed[:]).Public().(ed25519.PublicKey)
		id := KeyIDOf(k)
		if s, ok := seen[id]; ok {
			a, b = ed25519.NewKeyFromSeed(s[:]).Public().(ed25519.PublicKey), k
			break
		}
		seen[id] = seed
	}
	require.NotEqual(t, a, b)
	_, err := NewVerifier(a, b)
	if err != nil {
		t.Logf("two distinct keys (%x, %x): %v", a, b, err)
	}
	assert.NoError(t, err, "distinct keys refused")
	v, err := NewVerifier(a)
	require.NoError(t, err)
	_, err = v.WithRetired(b)
	assert.NoError(t, err, "retiring a distinct key refused: %v", err)
}

// --- resisted --------------------------------------------------------------

var edL, _ = new(big.Int).SetString("7237005577332262213973186563042994240857116359379907606001950938285454250989", 10)

func TestResistSignatureMalleability(t *testing.T) {
	_, code := signed(t)
	raw, err := base64.RawURLEncoding.Strict().DecodeString(code[4:])
	require.NoError(t, err)
	sig := raw[len(raw)-64:]
	le := func(b []byte) *big.Int {
		r := make([]byte, len(b))
		for i := range b {
			r[len(b)-1-i] = b[i]
		}
		return new(big.Int).SetBytes(r)
	}
	s := le(sig[32:])
	s.Add(s, edL)
	sb := s.FillBytes(make([]byte, 32))
	mal := append([]byte(nil), raw...)
	for i := 0; i < 32; i++ {
		mal[len(raw)-32+i] = sb[31-i]
	}
	_, err = verifier(t, testKey).Verify(codePrefix+base64.RawURLEncoding.EncodeToString(mal), day(2026, 6, 1))
	assert.ErrorIs(t, err, ErrForged)
}

// Every one-character substitution, insertion (any byte) and deletion.
func TestResistEverySingleEdit(t *testing.T) {
	_, code := signed(t)
	v := verifier(t, testKey)
	at := day(2026, 6, 1)
	n := 0
	try := func(s string) {
		if s == code {
			return
		}
		n++
		if _, err := v.Verify(s, at); err == nil {
			t.Errorf("second spelling verifies: %q", s)
		}
	}
	for i := 0; i <= len(code); i++ {
		for b := 0; b < 256; b++ {
			try(code[:i] + string([]byte{byte(b)}) + code[i:])
			if i < len(code) {
				try(code[:i] + string([]byte{byte(b)}) + code[i+1:])
			}
		}
		if i < len(code) {
			try(code[:i] + code[i+1:])
		}
	}
	t.Logf("%d variants refused", n)
}

func TestResistRetiredKeyIDWithoutSignature(t *testing.T) {
	_, code := signed(t)
	raw, _ := base64.RawURLEncoding.DecodeString(code[4:])
	// Re-label a code signed by testKey with the ID of a retired key.
	id := KeyIDOf(pub(otherKey))
	copy(raw, id[:])
	v, err := verifier(t, thirdKey).WithRetired(pub(otherKey))
	require.NoError(t, err)
	_, err = v.Verify(codePrefix+base64.RawURLEncoding.EncodeToString(raw), day(2026, 6, 1))
	assert.ErrorIs(t, err, ErrForged)
	assert.False(t, errors.Is(err, ErrRetiredKey))
}

// Sign then Verify returns exactly what was signed, for any product.
func FuzzSignRoundTrip(f *testing.F) {
	f.Add("金溪蜜梨", "JX-001")
	f.Add("有机\uFFFD大米", "JX 001")
	f.Add("€", "ＪＸ")
	c0 := issue(f, "JXGE-SYN-900", 40, "金溪蜜梨")
	v := verifier(f, testKey)
	s := signer(testKey)
	f.Fuzz(func(t *testing.T, product, number string) {
		c := c0
		c.Product, c.Number = product, number
		code, err := s.Sign(c)
		if err != nil {
			if i18n.Error(err, language.Chinese) == i18n.Error(err, language.English) {
				t.Fatalf("one language: %v", err)
			}
			return
		}
		claims, err := v.Verify(code, day(2026, 6, 1))
		if err != nil {
			t.Fatalf("Sign made a code Verify refuses (%q, %q): %v", product, number, err)
		}
		if claims.Product != product || claims.Certificate != number {
			t.Fatalf("round trip changed %q/%q to %q/%q", product, number, claims.Product, claims.Certificate)
		}
	})
}

func FuzzDrawNoPanic(f *testing.F) {
	f.Add("seed", "91360700MA3000001X", "I-1", "91360700MA3000001X", 1, 1)
	f.Fuzz(func(t *testing.T, seed, code, id, excl string, count, per int) {
		if count > 1000 || per > 1000 {
			return
		}
		hs := []certification.Holder{holder(1), {Name: "x", Code: certification.CreditCode(code)}}
		ins := append(inspectors(), Inspector{ID: id, Excluded: []certification.CreditCode{certification.CreditCode(excl)}})
		p1, err1 := Draw(seed, hs, ins, count, per)
		hs[0], hs[1] = hs[1], hs[0]
		ins[0], ins[len(ins)-1] = ins[len(ins)-1], ins[0]
		p2, err2 := Draw(seed, hs, ins, count, per)
		if (err1 == nil) != (err2 == nil) || fmt.Sprint(p1) != fmt.Sprint(p2) {
			t.Fatalf("order matters: %v / %v", err1, err2)
		}
	})
}

func FuzzCheckNoPanic(f *testing.F) {
	f.Add("JXGE-SYN-001", "江西绿色生态", "金溪蜜梨", "91360700MA3000001X", 1.0, 1.0, int64(0))
	r := registry(f)
	f.Fuzz(func(t *testing.T, number, brandText, product, code string, sx, sy float64, sec int64) {
		u := goodUse()
		u.Certificate, u.BrandText, u.Product, u.Holder.Code, u.ScaleX, u.ScaleY = number, brandText, product, certification.CreditCode(code), sx, sy
		v := Checker{Spec: &Spec{Tolerance: 0.02, Palette: []string{"#1A7F3C"}}}.Check(u, r, time.Unix(sec, 0))
		for _, x := range v.Violations {
			if x.Message(language.Chinese) == x.Message(language.English) {
				t.Fatalf("one language: %v", x)
			}
		}
	})
}

// A certificate whose end of validity is not a China-time midnight (JSON
// "2029-01-10T00:00:00Z", i.e. 08:00 China time): on 2029-01-10 at noon
// China time the scan says "有效期至 2029-01-10，已过期" — expired on the
// day it says is the last valid one.
func TestBreakExpiredOnTheLastValidDay(t *testing.T) {
	c := issue(t, "JXGE-SYN-401", 41, "金溪蜜梨")
	c.History = nil
	c.Expires = time.Date(2029, 1, 10, 0, 0, 0, 0, time.UTC)
	code, err := signer(testKey).Sign(c)
	require.NoError(t, err)
	at := time.Date(2029, 1, 10, 12, 0, 0, 0, brand.ChinaTime)
	claims, err := verifier(t, testKey).Verify(code, at)
	require.Error(t, err)
	zh := i18n.Error(err, language.Chinese)
	t.Logf("claims.ValidUntil=%v; %s", claims.ValidUntil().Format(time.DateOnly), zh)
	assert.NotEqual(t, at.Format(time.DateOnly), claims.ValidUntil().Format(time.DateOnly),
		"on %s the code is refused as expired while its last valid day is shown as %s", at.Format(time.DateOnly), claims.ValidUntil().Format(time.DateOnly))
}

func TestResistBoundaries(t *testing.T) {
	c := issue(t, "JXGE-SYN-501", 51, "金溪蜜梨")
	code, err := signer(testKey).Sign(c)
	require.NoError(t, err)
	reg := certification.NewRegistry()
	require.NoError(t, reg.Add(c))
	off := verifier(t, testKey)
	on := off.WithLookup(reg)
	for _, at := range []time.Time{c.Expires.Add(-time.Nanosecond), c.Expires, c.Expires.Add(time.Nanosecond), c.Issued, c.Issued.Add(-time.Nanosecond)} {
		_, e1 := off.Verify(code, at)
		_, e2 := on.Verify(code, at)
		st := c.StatusAt(at)
		t.Logf("%v: status %v offline=%v online=%v", at, st, e1, e2)
		if st == certification.Valid {
			assert.NoError(t, e1)
			assert.NoError(t, e2)
		} else {
			assert.Error(t, e2)
		}
	}
	// Offline, before the issue date: accepted (the code carries no issue date).
	_, err = off.Verify(code, day(2000, 1, 1))
	t.Logf("offline at 2000-01-01: %v", err)
}

func TestResistSignTimes(t *testing.T) {
	c := issue(t, "JXGE-SYN-601", 61, "金溪蜜梨")
	// Revoked tomorrow: valid now, so signed (by design).
	require.NoError(t, c.Revoke(signDay.AddDate(0, 0, 1), "合成"))
	_, err := signer(testKey).Sign(c)
	assert.NoError(t, err)
	// The zero clock.
	_, err = newSigner(testKey).WithClock(func() time.Time { return time.Time{} }).Sign(c)
	assert.ErrorIs(t, err, ErrUnsignable)
	// Revoked at signing.
	_, err = newSigner(testKey).WithClock(clock(signDay.AddDate(0, 0, 1))).Sign(c)
	assert.ErrorIs(t, err, ErrUnsignable)
	// A struct literal with Status Revoked and no history.
	c2 := issue(t, "JXGE-SYN-602", 62, "金溪蜜梨")
	require.NoError(t, c2.Revoke(day(2026, 1, 20), "合成"))
	_, err = signer(testKey).Sign(c2)
	assert.ErrorIs(t, err, ErrUnsignable)
}

func TestResistHiddenCharacters(t *testing.T) {
	for _, name := range []string{"江\u200d酉绿色生态", "江西\ufe0f绿色生态", "江西\u0301绿色生态", "江西綠色生態", "江西\uf93d色生态", "江西绿色生态\u200b", "江 西 绿 色 生 态", "Ｊ江西绿色生态"} {
		assert.True(t, LooksLikeBrandName(name) && !IsBrandName(name), "%q", name)
	}
	for _, name := range []string{"本产品获江西绿色生态认证", "《江西绿色生态》", "江西绿色生态®", "“江西绿色生态”™"} {
		u := goodUse()
		u.BrandText = name
		assert.False(t, Check(u, nil, time.Time{}).Has("look-alike-name"), "%q", name)
	}
}

// Publish prints the decision date in the zone of the time it is given,
// not in China time: the same instant publishes as two different dates.
func TestBreakPublishDateNotChinaTime(t *testing.T) {
	decided := time.Date(2026, 3, 1, 0, 0, 0, 0, brand.ChinaTime)
	rec := Infringement{Offence: Forgery, Party: holder(1), Facts: "合成", Authority: "合成局", Decision: "合成〔2026〕1号"}
	rec.Decided = decided
	a, err := rec.Publish()
	require.NoError(t, err)
	rec.Decided = decided.UTC() // the same instant, as JSON "2026-02-28T16:00:00Z" decodes
	b, err := rec.Publish()
	require.NoError(t, err)
	assert.Equal(t, string(a), string(b))
}

// Check with no time at all (at and u.At zero) judges the use at year 1
// and reports the certificate "not yet in force", where Verify refuses a
// zero time with ErrNoTime.
func TestBreakCheckZeroTime(t *testing.T) {
	u := goodUse()
	u.At = time.Time{}
	v := Check(u, registry(t), time.Time{})
	for _, x := range v.Violations {
		t.Logf("%s", x.Message(language.Chinese))
	}
	assert.False(t, v.Has("certificate-not-valid"), "a missing time is reported as the certificate's status")
}

func TestResistConcurrentUse(t *testing.T) {
	r, codes := lookupFixture(t)
	v := verifier(t, testKey)
	s := signer(testKey)
	c := issue(t, "JXGE-SYN-701", 71, "金溪蜜梨")
	done := make(chan bool)
	for g := 0; g < 8; g++ {
		go func() {
			defer func() { done <- true }()
			for i := 0; i < 50; i++ {
				vv := v.WithLookup(r)
				if _, err := vv.WithRetired(pub(otherKey)); err != nil {
					t.Error(err)
				}
				_, _ = vv.Verify(codes["valid"], day(2026, 7, 1))
				_, _ = s.WithClock(clock(signDay)).Sign(c)
				_ = r.Update("JXGE-SYN-200", func(*certification.Certificate) error { return nil })
				Check(goodUse(), r, time.Time{})
			}
		}()
	}
	for g := 0; g < 8; g++ {
		<-done
	}
}

// With a register, a revoked (or cancelled) certificate's code scanned
// after the code's end of validity is reported as ErrExpired with Status
// Expired, though StatusAt says Revoked ("once revoked … stays so, even
// past its expiry"): Verify's answer disagrees with StatusAt.
func TestBreakRevokedReportedAsExpiredWithLookup(t *testing.T) {
	r, codes := lookupFixture(t)
	v := verifier(t, testKey).WithLookup(r)
	for _, name := range []string{"revoked", "cancelled"} {
		claims, err := verifier(t, testKey).Verify(codes[name], day(2026, 3, 1))
		require.NoError(t, err)
		c, _ := r.Certificate(claims.Certificate)
		at := c.Expires.AddDate(0, 1, 0)
		_, err = v.Verify(codes[name], at)
		var ce *CodeError
		require.ErrorAs(t, err, &ce)
		assert.Equal(t, c.StatusAt(at), ce.Status, "%s at %v: Verify says %v (%s); StatusAt says %v",
			name, at.Format(time.DateOnly), ce.Status, i18n.Error(err, language.Chinese), c.StatusAt(at))
	}
}

// With a register, a code signed by a retired key is reported only as
// "genuine, ask the producer for a new label", even when the register says
// the certificate is revoked: the person is sent for a new label of a
// product that may no longer carry the mark.
func TestBreakRetiredKeyHidesRevocation(t *testing.T) {
	r, codes := lookupFixture(t) // signed with testKey
	v, err := verifier(t, otherKey).WithRetired(pub(testKey))
	require.NoError(t, err)
	at := day(2026, 7, 1)
	_, err = v.WithLookup(r).Verify(codes["revoked"], at)
	t.Logf("%s", i18n.Error(err, language.Chinese))
	assert.ErrorIs(t, err, ErrRevoked)
}

// NewVerifier accepts any 32 bytes, including a public key of small order.
// A key left as 32 zero bytes (an unset config value) is such a point
// (order 4): with it anyone forges codes that verify, with the signature
// R = identity, S = 0, for about one payload in four.
func TestBreakSmallOrderKeyAcceptedAllowsForgery(t *testing.T) {
	zero := make(ed25519.PublicKey, 32)
	v, err := NewVerifier(zero)
	if err != nil {
		return // refused: fixed
	}
	id := KeyIDOf(zero)
	for i := 0; i < 64; i++ {
		p := append([]byte(nil), id[:]...)
		p = binary.BigEndian.AppendUint32(p, uint32(day(2036, 1, 1).Unix()))
		p = appendPacked(p, holder(99).Code)
		num := fmt.Sprintf("FORGED-%d", i)
		p = append(p, byte(len(num)))
		p = append(p, num...)
		prod, _ := gb18030.NewEncoder().String("有机大米")
		p = append(p, byte(len(prod)))
		p = append(p, prod...)
		sig := make([]byte, 64)
		sig[0] = 1 // R = the identity point, S = 0
		code := codePrefix + base64.RawURLEncoding.EncodeToString(append(p, sig...))
		claims, err := v.Verify(code, day(2026, 6, 1))
		if err == nil {
			t.Errorf("NewVerifier accepted an all-zero key; forged code verifies: %s → %+v", code, claims)
			return
		}
	}
}

// NewSigner accepts a 64-byte private key whose public half is not the
// seed's (a corrupted or mis-assembled key file). Sign then succeeds and
// labels every code with the wrong key ID; no verifier accepts the codes
// (each scan says "forged"). The key should be refused like a key of the
// wrong size.
func TestBreakInconsistentPrivateKeySigns(t *testing.T) {
	k := append(ed25519.PrivateKey(nil), testKey...)
	copy(k[32:], pub(otherKey))
	c, _ := registry(t).Certificate("JXGE-SYN-001")
	code, err := signer(k).Sign(c)
	if err == nil {
		_, e1 := verifier(t, testKey).Verify(code, day(2026, 6, 1))
		_, e2 := verifier(t, otherKey).Verify(code, day(2026, 6, 1))
		t.Errorf("inconsistent key signed a code that no key verifies (%v / %v)", e1, e2)
	}
}

// Sign truncates the end of validity to whole seconds; for an end with a
// fraction of a second at midnight, the scan's 有效期至 is a day earlier
// than the certificate's (certification.LastValidDay).
func TestBreakSubSecondExpiryShiftsValidUntil(t *testing.T) {
	c := issue(t, "JXGE-SYN-801", 81, "金溪蜜梨")
	c.History = nil
	c.Expires = day(2029, 1, 10).Add(500 * time.Millisecond)
	code, err := signer(testKey).Sign(c)
	require.NoError(t, err)
	claims, err := verifier(t, testKey).Verify(code, day(2026, 6, 1))
	require.NoError(t, err)
	assert.Equal(t, certification.LastValidDay(c.Expires).Format(time.DateOnly), claims.ValidUntil().Format(time.DateOnly))
}

// Draw's refusals other than duplicates localize to the sentinel's text,
// "not enough holders or inspectors", whatever the cause: an empty seed or
// a negative count is reported to a person as a shortage, in both
// languages; which holder lacks eligible inspectors is said in English only.
func TestBreakDrawMessagesMisstateCause(t *testing.T) {
	for _, tc := range []struct {
		seed       string
		count, per int
	}{{"", 1, 1}, {"seed", -1, 1}, {"seed", 1, 99}} {
		_, err := Draw(tc.seed, []certification.Holder{holder(1)}, inspectors(), tc.count, tc.per)
		require.Error(t, err)
		zh, en := i18n.Error(err, language.Chinese), i18n.Error(err, language.English)
		t.Logf("%+v: Error()=%q zh=%q en=%q", tc, err.Error(), zh, en)
		if tc.seed == "" || tc.count < 0 {
			assert.NotContains(t, en, "not enough", "%+v", tc)
		} else {
			assert.Contains(t, zh, string(holder(1).Code), "%+v: the Chinese message does not name the holder", tc)
		}
	}
}

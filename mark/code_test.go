package mark

import (
	"crypto/ed25519"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/standard"
)

// The keys are synthetic, derived from fixed seeds; they sign nothing real.
var (
	testKey  = ed25519.NewKeyFromSeed([]byte("jxgreen synthetic test key 0001!"))
	otherKey = ed25519.NewKeyFromSeed([]byte("jxgreen synthetic other key 002!"))
	thirdKey = ed25519.NewKeyFromSeed([]byte("jxgreen synthetic third key 003!"))
)

func pub(k ed25519.PrivateKey) ed25519.PublicKey { return k.Public().(ed25519.PublicKey) }

func clock(t time.Time) func() time.Time { return func() time.Time { return t } }

// signDay is when the test codes are signed: their certificates are valid.
var signDay = day(2026, 2, 1)

func signer(k ed25519.PrivateKey) *Signer { return NewSigner(k).WithClock(clock(signDay)) }

func verifier(t testing.TB, keys ...ed25519.PrivateKey) *Verifier {
	t.Helper()
	var pubs []ed25519.PublicKey
	for _, k := range keys {
		pubs = append(pubs, pub(k))
	}
	v, err := NewVerifier(pubs...)
	require.NoError(t, err)
	return v
}

func signed(t testing.TB) (certification.Certificate, string) {
	t.Helper()
	c, ok := registry(t).Certificate("JXGE-SYN-001")
	require.True(t, ok)
	code, err := signer(testKey).Sign(c)
	require.NoError(t, err)
	return c, code
}

// standardFor returns the number of the catalogue standard whose subject
// covers product.
func standardFor(t testing.TB, product string) standard.Number {
	t.Helper()
	for _, s := range standard.Catalogue().All() {
		if !s.Number.IsZero() && s.Covers(product) {
			return s.Number
		}
	}
	t.Fatalf("no numbered standard in the catalogue covers %s", product)
	return standard.Number{}
}

// issue returns a synthetic certificate issued on 2026-01-10 for three
// years.
func issue(t testing.TB, number string, h int, product string) certification.Certificate {
	t.Helper()
	c, err := certification.GreenEcologyRules.Issue(certification.Application{
		Number: number, Holder: holder(h), Product: product,
		Standards: []standard.Number{standardFor(t, product)},
		Body:      certification.Body{Name: "江西省检验检测认证总院"},
		Mode:      certification.Type5, Decided: day(2026, 1, 10),
	})
	require.NoError(t, err)
	return c
}

func TestSignVerify(t *testing.T) {
	t.Parallel()
	c, code := signed(t)
	assert.Less(t, len(code), 200)
	assert.True(t, strings.HasPrefix(code, codePrefix))
	for _, r := range code {
		require.True(t, r < 128 && (r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z'), "URL-safe ASCII: %q", r)
	}
	v := verifier(t, otherKey, testKey)
	claims, err := v.Verify(code, day(2026, 6, 1))
	require.NoError(t, err)
	assert.Equal(t, Claims{Certificate: c.Number, Holder: c.Holder.Code, Product: c.Product,
		Expires: c.Expires.In(brand.ChinaTime), Key: KeyIDOf(pub(testKey))}, claims)

	claims, err = v.Verify(code, c.Expires)
	assert.ErrorIs(t, err, ErrExpired)
	assert.Equal(t, c.Number, claims.Certificate, "an expired code still says what it was")
	assert.Contains(t, i18n.Error(err, language.Chinese), "已过期")

	_, err = verifier(t, otherKey).Verify(code, day(2026, 6, 1))
	assert.ErrorIs(t, err, ErrForged, "a foreign key")
	var nilV *Verifier
	_, err = nilV.Verify(code, day(2026, 6, 1))
	assert.ErrorIs(t, err, ErrForged, "a nil verifier trusts nothing")
	_, err = nilV.WithLookup(registry(t)).Verify(code, day(2026, 6, 1))
	assert.ErrorIs(t, err, ErrForged)
	retiredOnly, err := nilV.WithRetired(pub(testKey))
	require.NoError(t, err)
	_, err = retiredOnly.Verify(code, day(2026, 6, 1))
	assert.ErrorIs(t, err, ErrRetiredKey)
}

func TestSignRefusesCertificateNotValidAtSigning(t *testing.T) {
	t.Parallel()
	base := issue(t, "JXGE-SYN-101", 1, "金溪蜜梨")
	step := func(f func(c *certification.Certificate) error) certification.Certificate {
		c := base.Clone()
		require.NoError(t, f(&c))
		return c
	}
	suspended := step(func(c *certification.Certificate) error {
		return c.Suspend(day(2026, 6, 1), "合成：监督抽样不合格")
	})
	revoked := step(func(c *certification.Certificate) error { return c.Revoke(day(2026, 6, 1), "合成：撤销") })
	cancelled := step(func(c *certification.Certificate) error {
		return c.Cancel(day(2026, 6, 1), "合成：持有人申请注销")
	})
	for _, tc := range []struct {
		name string
		c    certification.Certificate
		at   time.Time
		want certification.Status // 0: signs
	}{
		{"valid", base, day(2026, 3, 1), 0},
		{"not yet issued", base, day(2026, 1, 9), certification.Pending},
		{"expired", base, base.Expires, certification.Expired},
		{"long expired", base, day(2031, 1, 1), certification.Expired},
		{"suspended", suspended, day(2026, 6, 1), certification.Suspended},
		{"suspension dated later does not block now", suspended, day(2026, 5, 31), 0},
		{"revoked", revoked, day(2026, 7, 1), certification.Revoked},
		{"revocation dated tomorrow", revoked, day(2026, 5, 31), 0},
		{"cancelled", cancelled, day(2026, 6, 2), certification.Cancelled},
	} {
		require.Equal(t, tc.want == 0, tc.c.StatusAt(tc.at) == certification.Valid, tc.name)
		code, err := NewSigner(testKey).WithClock(clock(tc.at)).Sign(tc.c)
		if tc.want == 0 {
			assert.NoError(t, err, tc.name)
			assert.NotEmpty(t, code, tc.name)
			continue
		}
		assert.ErrorIs(t, err, ErrUnsignable, tc.name)
		var ce *CodeError
		require.ErrorAs(t, err, &ce, tc.name)
		assert.Equal(t, tc.want, ce.Status, tc.name)
		assert.Equal(t, "not-valid", ce.Reason, tc.name)
		assert.Empty(t, code, tc.name)
		assert.Contains(t, i18n.Error(err, language.Chinese), "“"+tc.want.String()+"”", tc.name)
	}
	// Without WithClock, Sign judges now: a certificate that ended in 2020
	// cannot be signed today.
	old := base.Clone()
	old.Issued, old.Expires, old.History = day(2017, 1, 1), day(2020, 1, 1), nil
	_, err := NewSigner(testKey).Sign(old)
	assert.ErrorIs(t, err, ErrUnsignable)
	_, err = NewSigner(testKey).WithClock(nil).Sign(old)
	assert.ErrorIs(t, err, ErrUnsignable, "a nil clock is time.Now")
}

func TestSignRefusesProductThatDoesNotSurviveEncoding(t *testing.T) {
	t.Parallel()
	c, _ := signed(t)
	for name, product := range map[string]string{
		"private use":      "金溪\ue000蜜梨",
		"private use only": "\U000F0000",
		"control":          "金溪\x07蜜梨",
		"line feed":        "金溪\n蜜梨",
		"zero width joint": "金溪\u200d蜜梨",
		"bidi override":    "\u202e梨蜜溪金",
		"invalid UTF-8":    "金溪\xff蜜梨",
		"BOM":              "\ufeff金溪蜜梨",
	} {
		x := c.Clone()
		x.Product = product
		_, err := signer(testKey).Sign(x)
		require.ErrorIs(t, err, ErrUnsignable, name)
		var ce *CodeError
		require.ErrorAs(t, err, &ce, name)
		assert.Equal(t, "bad-product", ce.Reason, name)
	}
	x := c.Clone()
	x.Product = "金溪\ue000蜜梨"
	_, err := signer(testKey).Sign(x)
	assert.Equal(t, "证书 JXGE-SYN-001 的产品名称 \"金溪\\ue000蜜梨\" 含有验证码不能原样保存的字符（如私用区字符、控制字符）", i18n.Error(err, language.Chinese))
	assert.Equal(t, "the product name \"金溪\\ue000蜜梨\" of certificate JXGE-SYN-001 has characters a code cannot keep as they are (private-use or control characters)", i18n.Error(err, language.English))

	// What Sign accepts comes back unchanged.
	for _, product := range []string{"金溪蜜梨", "赣南脐橙（纽荷尔）", "Ａ级大米 5kg", "𠀀梨", "€ café"} {
		x := c.Clone()
		x.Product = product
		code, err := signer(testKey).Sign(x)
		require.NoError(t, err, product)
		claims, err := verifier(t, testKey).Verify(code, day(2026, 6, 1))
		require.NoError(t, err, product)
		assert.Equal(t, product, claims.Product)
	}
}

func TestSignRefuses(t *testing.T) {
	t.Parallel()
	c, _ := signed(t)
	s := signer(testKey)
	for name, tc := range map[string]struct {
		change func(*certification.Certificate)
		reason string
	}{
		"no number":        {func(c *certification.Certificate) { c.Number = "" }, "no-number"},
		"number with CR":   {func(c *certification.Certificate) { c.Number = "JXGE\r-1" }, "bad-number"},
		"long number":      {func(c *certification.Certificate) { c.Number = strings.Repeat("9", 25) }, "long-number"},
		"no product":       {func(c *certification.Certificate) { c.Product = "" }, "no-product"},
		"long product":     {func(c *certification.Certificate) { c.Product = strings.Repeat("梨", 19) }, "long-product"},
		"bad code":         {func(c *certification.Certificate) { c.Holder.Code = "91360700MA3000001X" }, "bad-holder"},
		"no expiry":        {func(c *certification.Certificate) { c.Expires = time.Time{} }, "no-dates"},
		"no issue date":    {func(c *certification.Certificate) { c.Issued = time.Time{} }, "no-dates"},
		"another scheme":   {func(c *certification.Certificate) { c.Scheme = brand.Shenzhen }, "wrong-scheme"},
		"zero certificate": {func(c *certification.Certificate) { *c = certification.Certificate{} }, "no-number"},
	} {
		x := c.Clone()
		tc.change(&x)
		_, err := s.Sign(x)
		assert.ErrorIs(t, err, ErrUnsignable, name)
		var ce *CodeError
		if assert.ErrorAs(t, err, &ce, name) {
			assert.Equal(t, tc.reason, ce.Reason, name)
		}
		zh, en := i18n.Error(err, language.Chinese), i18n.Error(err, language.English)
		assert.NotEqual(t, zh, en, name)
		assert.NotContains(t, zh+en, "%!", name)
	}
	_, err := NewSigner(nil).Sign(c)
	assert.ErrorIs(t, err, ErrUnsignable)
	var nilSigner *Signer
	_, err = nilSigner.Sign(c)
	assert.ErrorIs(t, err, ErrUnsignable, "a nil signer does not panic")
	_, err = nilSigner.WithClock(nil).Sign(c)
	assert.ErrorIs(t, err, ErrUnsignable)
	long := c.Clone()
	long.Number, long.Product = strings.Repeat("N", 24), strings.Repeat("梨", 18)
	code, err := s.Sign(long)
	require.NoError(t, err, "the longest fields still fit")
	assert.LessOrEqual(t, len(code), MaxCodeLen)
}

func TestVerifyZeroTimeIsError(t *testing.T) {
	t.Parallel()
	_, code := signed(t)
	claims, err := verifier(t, testKey).Verify(code, time.Time{})
	require.ErrorIs(t, err, ErrNoTime)
	assert.Equal(t, Claims{}, claims)
	assert.Equal(t, "未给出验证时间", i18n.Error(err, language.Chinese))
	assert.Equal(t, "no time was given to verify the code at", i18n.Error(err, language.English))
	_, err = verifier(t, testKey).Verify(code, day(2026, 6, 1))
	assert.NoError(t, err, "the same code at a real time")
}

// TestVerifyRefusesInsertedCRLF inserts CR, LF, CRLF, spaces, tabs and
// padding at every position, removes every character and changes the case
// of every letter: one spelling only verifies.
func TestVerifyRefusesInsertedCRLF(t *testing.T) {
	t.Parallel()
	_, code := signed(t)
	v := verifier(t, testKey)
	at := day(2026, 6, 1)
	_, err := v.Verify(code, at)
	require.NoError(t, err)
	refused := func(s, what string) {
		t.Helper()
		_, err := v.Verify(s, at)
		require.Error(t, err, what)
		require.True(t, errors.Is(err, ErrMalformed) || errors.Is(err, ErrForged), "%s: %v", what, err)
	}
	for i := 0; i <= len(code); i++ {
		for _, ins := range []string{"\r", "\n", "\r\n", " ", "\t", "=", "==", "\x00", "\u00a0", "\u200b"} {
			refused(code[:i]+ins+code[i:], fmt.Sprintf("%q inserted at %d", ins, i))
		}
	}
	for i := 0; i < len(code); i++ {
		refused(code[:i]+code[i+1:], fmt.Sprintf("character %d removed", i))
		if up := strings.ToUpper(code[i : i+1]); up != code[i:i+1] {
			refused(code[:i]+up+code[i+1:], fmt.Sprintf("character %d upper-cased", i))
		}
		if lo := strings.ToLower(code[i : i+1]); lo != code[i:i+1] {
			refused(code[:i]+lo+code[i+1:], fmt.Sprintf("character %d lower-cased", i))
		}
	}
	refused(strings.ToLower(code), "all lower case")
	refused(code+"=", "padding")
	refused(code+code[len(code)-2:], "duplicated tail")
	refused(strings.Replace(code, "-", "+", 1)+"", "standard base64")
}

func TestEveryAlteredCharacterIsRefused(t *testing.T) {
	t.Parallel()
	_, code := signed(t)
	v := verifier(t, testKey)
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
	for i := 0; i < len(code); i++ {
		for _, r := range []byte{alphabet[(strings.IndexByte(alphabet, code[i])+1)%64], alphabet[(strings.IndexByte(alphabet, code[i])+33)%64]} {
			altered := code[:i] + string(r) + code[i+1:]
			_, err := v.Verify(altered, day(2026, 6, 1))
			require.Error(t, err, "position %d", i)
			assert.True(t, errors.Is(err, ErrForged) || errors.Is(err, ErrMalformed), "position %d: %v", i, err)
		}
	}
}

func TestVerifyMalformed(t *testing.T) {
	t.Parallel()
	_, code := signed(t)
	v := verifier(t, testKey)
	for _, bad := range []string{"", "JXG2", "jxg2" + code[4:], "JXG1" + code[4:], "JXG3" + code[4:], code + "=", code + "A", " " + code,
		code[:len(code)-1], "JXG2!!!!", strings.Repeat("A", 1000), "JXG2" + strings.Repeat("A", 40), "JXG2" + strings.Repeat("A", 194)} {
		_, err := v.Verify(bad, day(2026, 6, 1))
		require.Error(t, err, "%q", bad)
		assert.True(t, errors.Is(err, ErrMalformed) || errors.Is(err, ErrForged), "%q: %v", bad, err)
	}
}

func TestCodesNameTheirKey(t *testing.T) {
	t.Parallel()
	c, _ := signed(t)
	v := verifier(t, otherKey, thirdKey, testKey)
	for _, k := range []ed25519.PrivateKey{testKey, otherKey, thirdKey} {
		code, err := signer(k).Sign(c)
		require.NoError(t, err)
		claims, err := v.Verify(code, day(2026, 6, 1))
		require.NoError(t, err)
		assert.Equal(t, KeyIDOf(pub(k)), claims.Key)
	}
	assert.NotEqual(t, KeyIDOf(pub(testKey)), KeyIDOf(pub(otherKey)))
	assert.Len(t, KeyIDOf(pub(testKey)).String(), 8)

	// A code whose key ID was changed to another trusted key's is forged:
	// the ID is signed.
	code, err := signer(testKey).Sign(c)
	require.NoError(t, err)
	raw, err := strictB64.DecodeString(code[4:])
	require.NoError(t, err)
	other := KeyIDOf(pub(otherKey))
	copy(raw, other[:])
	_, err = v.Verify(codePrefix+strictB64.EncodeToString(raw), day(2026, 6, 1))
	assert.ErrorIs(t, err, ErrForged)
}

func TestRetiredKeyIsNotForgery(t *testing.T) {
	t.Parallel()
	c, _ := signed(t)
	oldCode, err := signer(otherKey).Sign(c)
	require.NoError(t, err)
	newCode, err := signer(testKey).Sign(c)
	require.NoError(t, err)

	v, err := verifier(t, testKey).WithRetired(pub(otherKey))
	require.NoError(t, err)
	claims, err := v.Verify(oldCode, day(2026, 6, 1))
	require.ErrorIs(t, err, ErrRetiredKey)
	assert.NotErrorIs(t, err, ErrForged)
	assert.Equal(t, c.Number, claims.Certificate, "the claims of a retired key's code are still shown")
	assert.Equal(t, KeyIDOf(pub(otherKey)), claims.Key)
	assert.Contains(t, i18n.Error(err, language.Chinese), "密钥已停用")
	_, err = v.Verify(newCode, day(2026, 6, 1))
	assert.NoError(t, err)

	// A retired key's ID with a bad signature is a forgery, not a retired code.
	bad := []byte(oldCode)
	bad[len(bad)-5] ^= 1
	if !b64url[bad[len(bad)-5]] {
		bad[len(bad)-5] = 'A'
	}
	_, err = v.Verify(string(bad), day(2026, 6, 1))
	assert.True(t, errors.Is(err, ErrForged) || errors.Is(err, ErrMalformed), "%v", err)
	assert.NotErrorIs(t, err, ErrRetiredKey)

	// A verifier that never knew the old key calls it forged.
	_, err = verifier(t, testKey).Verify(oldCode, day(2026, 6, 1))
	assert.ErrorIs(t, err, ErrForged)
	// WithRetired leaves the original verifier alone.
	base := verifier(t, testKey)
	_, err = base.WithRetired(pub(otherKey))
	require.NoError(t, err)
	_, err = base.Verify(oldCode, day(2026, 6, 1))
	assert.ErrorIs(t, err, ErrForged)
}

func TestNewVerifierRefusesWrongKeySize(t *testing.T) {
	t.Parallel()
	good := pub(testKey)
	for name, tc := range map[string]struct {
		keys   []ed25519.PublicKey
		reason string
		index  int
	}{
		"nil key":          {[]ed25519.PublicKey{nil}, "size", 0},
		"31 bytes":         {[]ed25519.PublicKey{good[:31]}, "size", 0},
		"33 bytes":         {[]ed25519.PublicKey{append(append(ed25519.PublicKey{}, good...), 0)}, "size", 0},
		"a private key":    {[]ed25519.PublicKey{ed25519.PublicKey(testKey)}, "size", 0},
		"second key short": {[]ed25519.PublicKey{good, good[:16]}, "size", 1},
		"same key twice":   {[]ed25519.PublicKey{good, pub(otherKey), good}, "duplicate", 2},
		"no key":           {nil, "none", -1},
	} {
		v, err := NewVerifier(tc.keys...)
		assert.Nil(t, v, name)
		require.ErrorIs(t, err, ErrKey, name)
		var ke *KeyError
		require.ErrorAs(t, err, &ke, name)
		assert.Equal(t, tc.reason, ke.Reason, name)
		assert.Equal(t, tc.index, ke.Index, name)
		zh, en := i18n.Error(err, language.Chinese), i18n.Error(err, language.English)
		assert.NotEqual(t, zh, en, name)
		assert.NotContains(t, zh+en, "%!", name)
	}
	v := verifier(t, testKey)
	for name, keys := range map[string][]ed25519.PublicKey{
		"retired too short":  {good[:8]},
		"retired is current": {good},
		"retired twice":      {pub(otherKey), pub(otherKey)},
	} {
		_, err := v.WithRetired(keys...)
		assert.ErrorIs(t, err, ErrKey, name)
	}
	// The verifier keeps its own copy of the keys.
	k := append(ed25519.PublicKey{}, good...)
	v, err := NewVerifier(k)
	require.NoError(t, err)
	k[0] ^= 0xff
	_, code := signed(t)
	_, err = v.Verify(code, day(2026, 6, 1))
	assert.NoError(t, err)
}

// lookupFixture is a register with one certificate in each state on
// 2026-07-01, and codes for each signed on 2026-02-01, while valid.
func lookupFixture(t testing.TB) (*certification.Registry, map[string]string) {
	t.Helper()
	r := certification.NewRegistry()
	codes := map[string]string{}
	for i, tc := range []struct {
		name string
		step func(c *certification.Certificate) error
	}{
		{"valid", nil},
		{"revoked", func(c *certification.Certificate) error { return c.Revoke(day(2026, 6, 1), "合成：撤销") }},
		{"suspended", func(c *certification.Certificate) error { return c.Suspend(day(2026, 6, 1), "合成：暂停") }},
		{"cancelled", func(c *certification.Certificate) error { return c.Cancel(day(2026, 6, 1), "合成：注销") }},
		{"unknown", nil},
	} {
		c := issue(t, fmt.Sprintf("JXGE-SYN-2%02d", i), 20+i, "金溪蜜梨")
		code, err := signer(testKey).Sign(c)
		require.NoError(t, err)
		codes[tc.name] = code
		if tc.name == "unknown" {
			continue
		}
		if tc.step != nil {
			require.NoError(t, tc.step(&c))
		}
		require.NoError(t, r.Add(c))
	}
	return r, codes
}

func TestWithLookupRefusesRevoked(t *testing.T) {
	t.Parallel()
	r, codes := lookupFixture(t)
	v := verifier(t, testKey).WithLookup(r)
	at := day(2026, 7, 1)
	for _, tc := range []struct {
		name   string
		want   error
		status certification.Status
		zh, en string
	}{
		{"revoked", ErrRevoked, certification.Revoked,
			"证书 JXGE-SYN-201 已被撤销：该产品不得再使用“江西绿色生态”标志",
			"certificate JXGE-SYN-201 has been revoked: this product may no longer carry the 江西绿色生态 mark"},
		{"suspended", ErrSuspended, certification.Suspended,
			"证书 JXGE-SYN-202 已被暂停：暂停期间该产品不得使用“江西绿色生态”标志",
			"certificate JXGE-SYN-202 is suspended: while it is, this product may not carry the 江西绿色生态 mark"},
		{"cancelled", ErrCancelled, certification.Cancelled,
			"证书 JXGE-SYN-203 已被注销：该产品不得再使用“江西绿色生态”标志",
			"certificate JXGE-SYN-203 has been cancelled: this product may no longer carry the 江西绿色生态 mark"},
		{"unknown", ErrUnknownCertificate, 0,
			"证书 JXGE-SYN-204 不在证书登记中：该标签不可信",
			"certificate JXGE-SYN-204 is not in the register: do not trust this label"},
	} {
		claims, err := v.Verify(codes[tc.name], at)
		require.ErrorIs(t, err, tc.want, tc.name)
		assert.Equal(t, tc.status, claims.Status, tc.name)
		assert.Equal(t, tc.zh, i18n.Error(err, language.Chinese), tc.name)
		assert.Equal(t, tc.en, i18n.Error(err, language.English), tc.name)
		// Offline, the same code verifies: only a lookup sees the status.
		claims, err = verifier(t, testKey).Verify(codes[tc.name], at)
		require.NoError(t, err, tc.name)
		assert.False(t, claims.Checked, tc.name)
		// Before the step, the register says valid.
		claims, err = v.Verify(codes[tc.name], day(2026, 5, 31))
		if tc.name != "unknown" {
			require.NoError(t, err, tc.name)
			assert.True(t, claims.Checked)
			assert.Equal(t, certification.Valid, claims.Status)
		}
	}
	claims, err := v.Verify(codes["valid"], at)
	require.NoError(t, err)
	assert.True(t, claims.Checked)
	assert.Equal(t, certification.Valid, claims.Status)

	// A scan dated before the certificate was issued.
	_, err = v.Verify(codes["valid"], day(2026, 1, 1))
	assert.ErrorIs(t, err, ErrNotYetValid)
	assert.Equal(t, "证书 JXGE-SYN-200 在 2026-01-01 尚未生效", i18n.Error(err, language.Chinese))

	// WithLookup(nil) is offline again; the original verifier is unchanged.
	claims, err = v.WithLookup(nil).Verify(codes["revoked"], at)
	require.NoError(t, err)
	assert.False(t, claims.Checked)
}

func TestWithLookupRefusesClaimsThatDifferFromRegister(t *testing.T) {
	t.Parallel()
	at := day(2026, 7, 1)
	c := issue(t, "JXGE-SYN-300", 30, "金溪蜜梨")
	code, err := signer(testKey).Sign(c)
	require.NoError(t, err)
	for _, tc := range []struct {
		field  string
		change func(*certification.Certificate)
	}{
		{"holder", func(x *certification.Certificate) { x.Holder = holder(31) }},
		{"product", func(x *certification.Certificate) { x.Product = "南丰蜜桔" }},
		{"scheme", func(x *certification.Certificate) { x.Scheme = brand.Shenzhen }},
		// A register that answers for a number with another certificate
		// (a folded or mistyped match).
		{"number", func(x *certification.Certificate) { x.Number = "JXGE-SYN-3OO" }},
	} {
		x := c.Clone()
		tc.change(&x)
		claims, err := verifier(t, testKey).WithLookup(oneCertificate{x}).Verify(code, at)
		require.ErrorIs(t, err, ErrMismatch, tc.field)
		var ce *CodeError
		require.ErrorAs(t, err, &ce)
		assert.Equal(t, tc.field, ce.Field)
		assert.Equal(t, c.Number, claims.Certificate)
		assert.False(t, claims.Checked, "a mismatch is not a checked status")
		zh := i18n.Error(err, language.Chinese)
		assert.Contains(t, zh, "与证书 JXGE-SYN-300 的登记不符")
		assert.NotEqual(t, zh, i18n.Error(err, language.English))
	}
	// Width and spacing of the register's product name do not matter.
	x := c.Clone()
	x.Product = "金溪 蜜梨"
	r := certification.NewRegistry()
	require.NoError(t, r.Add(x))
	_, err = verifier(t, testKey).WithLookup(r).Verify(code, at)
	assert.NoError(t, err)
}

// oneCertificate is a certification.Lookup that answers every number with
// the same certificate.
type oneCertificate struct{ c certification.Certificate }

func (o oneCertificate) Certificate(string) (certification.Certificate, bool) { return o.c, true }
func (o oneCertificate) ByHolder(certification.CreditCode) []certification.Certificate {
	return []certification.Certificate{o.c}
}
func (o oneCertificate) ByProduct(string) []certification.Certificate {
	return []certification.Certificate{o.c}
}

func TestWithoutLookupStatusIsNotChecked(t *testing.T) {
	t.Parallel()
	_, codes := lookupFixture(t)
	claims, err := verifier(t, testKey).Verify(codes["revoked"], day(2026, 7, 1))
	require.NoError(t, err, "offline: signature and validity only")
	assert.False(t, claims.Checked)
	assert.Zero(t, claims.Status)
}

func TestClaimsExpiresIsLastValidDayChinaTime(t *testing.T) {
	t.Parallel()
	c, code := signed(t)
	v := verifier(t, testKey)
	claims, err := v.Verify(code, day(2026, 6, 1))
	require.NoError(t, err)
	assert.Equal(t, brand.ChinaTime, claims.Expires.Location(), "Expires is in China time")
	assert.True(t, claims.Expires.Equal(c.Expires))
	assert.Equal(t, certification.LastValidDay(c.Expires), claims.ValidUntil())
	assert.Equal(t, brand.ChinaTime, claims.ValidUntil().Location())
	// Issued 2026-01-10 for three years: valid through 2029-01-09, the
	// date certificates print after 有效期至.
	assert.Equal(t, "2029-01-09", claims.ValidUntil().Format(time.DateOnly))

	// The last valid day still verifies, up to its last second; the next
	// instant is expired, and the message names the last valid day.
	_, err = v.Verify(code, day(2029, 1, 9).Add(24*time.Hour-time.Second))
	require.NoError(t, err)
	_, err = v.Verify(code, day(2029, 1, 10))
	require.ErrorIs(t, err, ErrExpired)
	var ce *CodeError
	require.ErrorAs(t, err, &ce)
	assert.Equal(t, claims.ValidUntil(), ce.ValidUntil)
	assert.Equal(t, "证书 JXGE-SYN-001 有效期至 2029-01-09，已过期", i18n.Error(err, language.Chinese))
	assert.Equal(t, "certificate JXGE-SYN-001 was valid until 2029-01-09 and has expired", i18n.Error(err, language.English))
	// The same, judged from a UTC clock: the date shown stays China's.
	_, err = v.Verify(code, day(2029, 1, 10).UTC())
	assert.Equal(t, "certificate JXGE-SYN-001 was valid until 2029-01-09 and has expired", i18n.Error(err, language.English))
}

// TestEveryCodeErrorSpeaksBothLanguages renders every reason and sentinel
// of the code errors in both languages.
func TestEveryCodeErrorSpeaksBothLanguages(t *testing.T) {
	t.Parallel()
	for _, s := range []*i18n.Sentinel{ErrForged, ErrMalformed, ErrExpired, ErrUnsignable, ErrNoTime, ErrRetiredKey, ErrKey,
		ErrRevoked, ErrSuspended, ErrCancelled, ErrUnknownCertificate, ErrNotYetValid, ErrMismatch, ErrDraw, ErrDuplicateID} {
		zh, en, ok := i18n.Texts(s.Code())
		require.True(t, ok, s.Code())
		assert.NotEqual(t, zh, en, s.Code())
	}
	for _, k := range i18n.Keys() {
		if !strings.HasPrefix(k, "mark.") {
			continue
		}
		zh, en, _ := i18n.Texts(k)
		assert.NotEmpty(t, zh, k)
		assert.NotEmpty(t, en, k)
	}
}

// TestStatusReportsAgreeWithStatusAt runs random lifecycles on certificates
// in a registry and checks, at random times, that every mark API that
// reports a status says what StatusAt says at the same time: Sign's
// refusal, a verifier with a lookup, and Check's certificate-not-valid.
func TestStatusReportsAgreeWithStatusAt(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(8, 2026))
	start := day(2026, 1, 10)
	seen := map[certification.Status]int{}
	defer func() {
		for _, st := range []certification.Status{certification.Valid, certification.Suspended, certification.Revoked,
			certification.Cancelled, certification.Expired, certification.Pending} {
			assert.Positive(t, seen[st], "the generated lifecycles reach %s", st.Code())
		}
	}()
	for round := 0; round < 60; round++ {
		number := fmt.Sprintf("JXGE-GEN-%03d", round)
		c := issue(t, number, 100+round, "桑椹")
		code, err := NewSigner(testKey).WithClock(clock(start.Add(time.Hour))).Sign(c)
		require.NoError(t, err)
		r := certification.NewRegistry()
		require.NoError(t, r.Add(c))

		// Random steps at increasing times; illegal ones are refused by
		// the certificate and simply not recorded.
		at := start
		for i := 0; i < 6; i++ {
			at = at.Add(time.Duration(rng.IntN(400*24)) * time.Hour)
			var step func(*certification.Certificate) error
			switch rng.IntN(5) {
			case 0:
				step = func(x *certification.Certificate) error { return x.Suspend(at, "合成") }
			case 1:
				step = func(x *certification.Certificate) error { return x.Reinstate(at, "合成") }
			case 2:
				step = func(x *certification.Certificate) error { return x.Revoke(at, "合成") }
			case 3:
				step = func(x *certification.Certificate) error { return x.Cancel(at, "合成") }
			case 4:
				step = func(x *certification.Certificate) error { return x.Renew(at, x.Expires.AddDate(3, 0, 0), "合成") }
			}
			_ = r.Update(number, step)
		}
		stored, ok := r.Certificate(number)
		require.True(t, ok)
		v := verifier(t, testKey).WithLookup(r)
		for probe := 0; probe < 25; probe++ {
			when := start.Add(time.Duration(rng.IntN(6*365*24)) * time.Hour).Add(-24 * time.Hour)
			st := stored.StatusAt(when)
			seen[st]++
			what := fmt.Sprintf("%s at %s: StatusAt says %s; history %+v", number, when.Format(time.DateTime), st.Code(), stored.History)

			_, err := NewSigner(testKey).WithClock(clock(when)).Sign(stored)
			assert.Equal(t, st == certification.Valid, err == nil, "Sign: %v; %s", err, what)

			claims, err := v.Verify(code, when)
			switch {
			case !when.Before(c.Expires):
				// The code states the validity it was signed with; a
				// renewal needs a new code.
				assert.ErrorIs(t, err, ErrExpired, what)
			case st == certification.Valid:
				assert.NoError(t, err, what)
				assert.Equal(t, certification.Valid, claims.Status, what)
			default:
				want := map[certification.Status]error{certification.Suspended: ErrSuspended, certification.Revoked: ErrRevoked,
					certification.Cancelled: ErrCancelled, certification.Expired: ErrExpired, certification.Pending: ErrNotYetValid}[st]
				assert.ErrorIs(t, err, want, what)
				assert.Equal(t, st, claims.Status, what)
			}

			u := Use{Kind: CertificationMark, Certificate: number, NumberShown: true, Holder: stored.Holder,
				Product: stored.Product, Medium: Label, BrandText: BrandName, At: when}
			verdict := Check(u, r, time.Time{})
			assert.Equal(t, st != certification.Valid, verdict.Has("certificate-not-valid"), what)
			assert.Equal(t, st == certification.Valid, verdict.Allowed, "%s: %+v", what, verdict.Violations)
		}
	}
}

func FuzzVerify(f *testing.F) {
	_, code := signed(f)
	f.Add(code)
	f.Add(code[:50])
	f.Add(code[:60] + "\r\n" + code[60:])
	f.Add(code + "=")
	f.Add("JXG2")
	f.Add("")
	f.Add("JXG2" + strings.Repeat("_", 120))
	v := verifier(f, testKey)
	f.Fuzz(func(t *testing.T, s string) {
		claims, err := v.Verify(s, day(2026, 6, 1))
		if err == nil {
			if s != code {
				t.Fatalf("a second spelling verified: %q", s)
			}
			if claims.Certificate == "" {
				t.Fatal("verified without claims")
			}
			return
		}
		if !errors.Is(err, ErrMalformed) && !errors.Is(err, ErrForged) && !errors.Is(err, ErrExpired) {
			t.Fatalf("unexpected error %v", err)
		}
		if i18n.Error(err, language.Chinese) == "" {
			t.Fatal("an error without a message")
		}
	})
}

func FuzzVerifyWithLookup(f *testing.F) {
	r, codes := lookupFixture(f)
	for _, name := range []string{"valid", "revoked", "suspended", "cancelled", "unknown"} {
		f.Add(codes[name], int64(0))
		f.Add(codes[name], day(2026, 7, 1).Unix())
		f.Add(codes[name], day(2026, 5, 31).Unix())
		f.Add(codes[name][:len(codes[name])-1], day(2026, 7, 1).Unix())
	}
	f.Add("JXG2\n", int64(-1))
	v := verifier(f, testKey).WithLookup(r)
	signedAs := map[string]string{} // certificate number -> fixture name
	for name, code := range codes {
		claims, err := verifier(f, testKey).Verify(code, day(2026, 3, 1))
		require.NoError(f, err)
		signedAs[claims.Certificate] = name
	}
	known := map[error]bool{ErrMalformed: true, ErrForged: true, ErrExpired: true, ErrNoTime: true, ErrRevoked: true,
		ErrSuspended: true, ErrCancelled: true, ErrUnknownCertificate: true, ErrNotYetValid: true, ErrMismatch: true}
	f.Fuzz(func(t *testing.T, s string, sec int64) {
		at := time.Time{}
		if sec != 0 {
			at = time.Unix(sec, 0)
		}
		claims, err := v.Verify(s, at)
		if err == nil {
			c, found := r.Certificate(claims.Certificate)
			if !found || s != codes[signedAs[claims.Certificate]] || c.StatusAt(at) != certification.Valid {
				t.Fatalf("%q verified with a lookup at %v", s, at)
			}
			if !claims.Checked || claims.Status != certification.Valid {
				t.Fatalf("verified without a checked status: %+v", claims)
			}
			return
		}
		n := 0
		for k := range known {
			if errors.Is(err, k) {
				n++
			}
		}
		if n != 1 {
			t.Fatalf("error %v wraps %d known sentinels", err, n)
		}
		if i18n.Error(err, language.Chinese) == i18n.Error(err, language.English) {
			t.Fatalf("one language only: %v", err)
		}
	})
}

func BenchmarkVerify(b *testing.B) {
	r, codes := lookupFixture(b)
	code := codes["valid"]
	at := day(2026, 6, 1)
	b.Run("ed25519.Verify", func(b *testing.B) {
		// The floor: the signature check alone, on the same message.
		raw, err := strictB64.DecodeString(code[len(codePrefix):])
		require.NoError(b, err)
		msg := append([]byte(codePrefix), raw[:len(raw)-ed25519.SignatureSize]...)
		sig := raw[len(raw)-ed25519.SignatureSize:]
		k := pub(testKey)
		b.ReportAllocs()
		for b.Loop() {
			if !ed25519.Verify(k, msg, sig) {
				b.Fatal("bad signature")
			}
		}
	})
	b.Run("offline", func(b *testing.B) {
		v := verifier(b, testKey)
		b.ReportAllocs()
		for b.Loop() {
			if _, err := v.Verify(code, at); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("lookup", func(b *testing.B) {
		v := verifier(b, testKey).WithLookup(r)
		b.ReportAllocs()
		for b.Loop() {
			if _, err := v.Verify(code, at); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("lookup-revoked", func(b *testing.B) {
		v := verifier(b, testKey).WithLookup(r)
		at := day(2026, 7, 1)
		b.ReportAllocs()
		for b.Loop() {
			if _, err := v.Verify(codes["revoked"], at); !errors.Is(err, ErrRevoked) {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkSign(b *testing.B) {
	c, _ := signed(b)
	s := signer(testKey)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Sign(c); err != nil {
			b.Fatal(err)
		}
	}
}

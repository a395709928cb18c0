package mark

import (
	"context"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
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
	"github.com/jxgreen/jxgreen/certification/creditcode"
	"github.com/jxgreen/jxgreen/mark/internal/b64url"
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

func signer(k ed25519.PrivateKey) *Signer { return newSigner(k).WithClock(clock(signDay)) }

// newSigner is NewSigner for the tests' well-formed keys.
func newSigner(k ed25519.PrivateKey) *Signer {
	s, err := NewSigner(k)
	if err != nil {
		panic(err)
	}
	return s
}

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
	c, err := certification.GreenEcologyRules().Issue(certification.Application{
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
		Expires: c.Expires.In(brand.ChinaTime()), Key: KeyIDOf(pub(testKey)), StatusIndex: -1}, claims)

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
		code, err := newSigner(testKey).WithClock(clock(tc.at)).Sign(tc.c)
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
		assert.Contains(t, i18n.Error(err, language.Chinese), "“"+tc.want.Localize(language.Chinese)+"”", tc.name)
	}
	// Without WithClock, Sign judges now: a certificate that ended in 2020
	// cannot be signed today.
	old := base.Clone()
	old.Issued, old.Expires, old.History = day(2017, 1, 1), day(2020, 1, 1), nil
	_, err := newSigner(testKey).Sign(old)
	assert.ErrorIs(t, err, ErrUnsignable)
	_, err = newSigner(testKey).WithClock(nil).Sign(old)
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
	_, err := NewSigner(nil)
	assert.ErrorIs(t, err, ErrKey)
	_, err = (&Signer{}).Sign(c)
	assert.ErrorIs(t, err, ErrUnsignable, "a Signer not made by NewSigner refuses")
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
	raw, err := b64url.DecodeString(code[4:])
	require.NoError(t, err)
	other := KeyIDOf(pub(otherKey))
	copy(raw, other[:])
	_, err = v.Verify(codePrefix+base64.RawURLEncoding.EncodeToString(raw), day(2026, 6, 1))
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
	if b64url.Invalid(bad[len(bad)-5:len(bad)-4]) >= 0 {
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
func (o oneCertificate) ByHolder(creditcode.Code) []certification.Certificate {
	return []certification.Certificate{o.c}
}
func (o oneCertificate) ByProduct(string) []certification.Certificate {
	return []certification.Certificate{o.c}
}

// failingRegister is a certification.ContextLookup over a registry whose
// Get fails with err (nil: it answers as the registry does).
type failingRegister struct {
	*certification.Registry
	err error
}

func (f failingRegister) Get(ctx context.Context, number string) (certification.Certificate, error) {
	if err := ctx.Err(); err != nil {
		return certification.Certificate{}, err
	}
	if f.err != nil {
		return certification.Certificate{}, f.err
	}
	if c, ok := f.Registry.Certificate(number); ok {
		return c, nil
	}
	return certification.Certificate{}, fmt.Errorf("synthetic store: %s: %w", number, certification.ErrNotFound)
}

// TestRegisterOutageIsUnavailableNotUnknown: a register that cannot
// answer (a database down, a context that ended) fails a genuine code's
// check with ErrUnavailable, never with ErrUnknownCertificate; a register
// that answers "not found" still gives ErrUnknownCertificate.
func TestRegisterOutageIsUnavailableNotUnknown(t *testing.T) {
	t.Parallel()
	r, codes := lookupFixture(t)
	at := day(2026, 7, 1)
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	down := errors.New("synthetic: database is closed")
	for name, tc := range map[string]struct {
		l    certification.Lookup
		ctx  context.Context
		code string
		want error
	}{
		"database down":     {failingRegister{r, down}, context.Background(), codes["valid"], ErrUnavailable},
		"context ended":     {failingRegister{r, nil}, cancelled, codes["valid"], ErrUnavailable},
		"answers":           {failingRegister{r, nil}, context.Background(), codes["valid"], nil},
		"answers revoked":   {failingRegister{r, nil}, context.Background(), codes["revoked"], ErrRevoked},
		"answers not found": {failingRegister{certification.NewRegistry(), nil}, context.Background(), codes["valid"], ErrUnknownCertificate},
	} {
		t.Run(name, func(t *testing.T) {
			claims, err := verifier(t, testKey).WithLookup(tc.l).VerifyContext(tc.ctx, tc.code, at)
			if tc.want == nil {
				require.NoError(t, err)
				assert.True(t, claims.Checked)
				return
			}
			require.ErrorIs(t, err, tc.want)
			if tc.want == ErrUnavailable {
				assert.NotErrorIs(t, err, ErrUnknownCertificate)
				assert.False(t, claims.Checked)
				var ce *CodeError
				require.ErrorAs(t, err, &ce)
				assert.Error(t, ce.Cause, "the register's error is kept for the logs")
				assert.NotContains(t, i18n.Error(err, i18n.Chinese()), "synthetic", "the database's words are not shown to a person")
			}
		})
	}
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
	assert.Equal(t, brand.ChinaTime(), claims.Expires.Location(), "Expires is in China time")
	assert.True(t, claims.Expires.Equal(c.Expires))
	assert.Equal(t, certification.LastValidDay(c.Expires), claims.ValidUntil())
	assert.Equal(t, brand.ChinaTime(), claims.ValidUntil().Location())
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
		ErrRevoked, ErrSuspended, ErrCancelled, ErrUnknownCertificate, ErrNotYetValid, ErrMismatch,
		ErrOutdatedCode, ErrUnavailable} {
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
		assert.NotEqual(t, zh, en, k)
	}
	// Every reason a KeyError can carry renders in both
	// languages with its arguments.
	for _, e := range []i18n.Localizer{
		&KeyError{Reason: "size", Size: 31}, &KeyError{Reason: "not-a-point"}, &KeyError{Reason: "non-canonical"},
		&KeyError{Reason: "small-order"}, &KeyError{Reason: "duplicate"}, &KeyError{Reason: "collision"},
		&KeyError{Reason: "current"}, &KeyError{Reason: "none", Index: -1}, &KeyError{Reason: "private-size", Size: 63},
		&KeyError{Reason: "private-mismatch", Size: 64},
	} {
		zh, en := e.Localize(language.Chinese), e.Localize(language.English)
		assert.NotEqual(t, zh, en, "%+v", e)
		assert.NotContains(t, zh+en, "%!", "%+v", e)
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
	afterCode := map[certification.Status]int{} // probes after the code's end of validity
	outdated := 0
	defer func() {
		for _, st := range []certification.Status{certification.Valid, certification.Suspended, certification.Revoked,
			certification.Cancelled, certification.Expired, certification.Pending} {
			assert.Positive(t, seen[st], "the generated lifecycles reach %s", st.String())
		}
		// The cases the review found: revoked or cancelled after the
		// code's end, and a renewal that outlives the code.
		assert.Positive(t, afterCode[certification.Revoked], "revoked after the code's end of validity")
		assert.Positive(t, afterCode[certification.Cancelled], "cancelled after the code's end of validity")
		assert.Positive(t, outdated, "valid (renewed) after the code's end of validity")
	}()
	for round := 0; round < 60; round++ {
		number := fmt.Sprintf("JXGE-GEN-%03d", round)
		c := issue(t, number, 100+round, "桑椹")
		code, err := newSigner(testKey).WithClock(clock(start.Add(time.Hour))).Sign(c)
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
			what := fmt.Sprintf("%s at %s: StatusAt says %s; history %+v", number, when.Format(time.DateTime), st.String(), stored.History)

			_, err := newSigner(testKey).WithClock(clock(when)).Sign(stored)
			assert.Equal(t, st == certification.Valid, err == nil, "Sign: %v; %s", err, what)

			// The register's answer comes first, also after the code's own
			// end of validity: only a certificate the register says is
			// valid makes that end matter (a renewal needs a new code).
			claims, err := v.Verify(code, when)
			switch {
			case st == certification.Valid && !when.Before(c.Expires):
				assert.ErrorIs(t, err, ErrOutdatedCode, what)
				assert.NotErrorIs(t, err, ErrExpired, what)
				assert.Equal(t, certification.Valid, claims.Status, what)
				outdated++
			case st == certification.Valid:
				assert.NoError(t, err, what)
				assert.Equal(t, certification.Valid, claims.Status, what)
			default:
				if !when.Before(c.Expires) {
					afterCode[st]++
				}
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
		raw, err := b64url.DecodeString(code[len(codePrefix):])
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

// hexKey decodes a public key written in hexadecimal.
func hexKey(t testing.TB, s string) ed25519.PublicKey {
	t.Helper()
	b, err := hex.DecodeString(s)
	require.NoError(t, err)
	require.Len(t, b, ed25519.PublicKeySize)
	return b
}

// A public key of small order verifies signatures nobody made: with the
// all-zero key (an unset configuration value, a point of order 4) and the
// signature R = identity, S = 0, about one message in four "verifies".
// NewVerifier and WithRetired refuse such keys, the other small-order
// points (the eight canonical encodings), non-canonical encodings and
// bytes that are not a point of the curve.
func TestNewVerifierRefusesSmallOrderKey(t *testing.T) {
	t.Parallel()
	zero := make(ed25519.PublicKey, 32)
	// Why it matters: the standard library accepts forgeries under it.
	forged := 0
	for i := 0; i < 64; i++ {
		sig := make([]byte, 64)
		sig[0] = 1 // R = the identity point, S = 0
		if ed25519.Verify(zero, []byte(fmt.Sprintf("JXG2 forged payload %d", i)), sig) {
			forged++
		}
	}
	require.Positive(t, forged, "the all-zero key verifies forged signatures")

	notOnCurve := make(ed25519.PublicKey, 32)
	notOnCurve[0] = 2 // y = 2 has no x on the curve
	for name, tc := range map[string]struct {
		key    ed25519.PublicKey
		reason string
	}{
		"all zero (order 4)":            {zero, "small-order"},
		"identity":                      {hexKey(t, "0100000000000000000000000000000000000000000000000000000000000000"), "small-order"},
		"order 2":                       {hexKey(t, "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"), "small-order"},
		"order 4, sign bit":             {hexKey(t, "0000000000000000000000000000000000000000000000000000000000000080"), "small-order"},
		"order 8 (a)":                   {hexKey(t, "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05"), "small-order"},
		"order 8 (a), sign bit":         {hexKey(t, "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85"), "small-order"},
		"order 8 (b)":                   {hexKey(t, "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a"), "small-order"},
		"order 8 (b), sign bit":         {hexKey(t, "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa"), "small-order"},
		"identity, non-canonical y=p+1": {hexKey(t, "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"), "non-canonical"},
		"identity with sign bit":        {hexKey(t, "0100000000000000000000000000000000000000000000000000000000000080"), "non-canonical"},
		"32 bytes of 0xFF":              {ed25519.PublicKey(strings.Repeat("\xff", 32)), "non-canonical"},
		"not a curve point":             {notOnCurve, "not-a-point"},
	} {
		for _, second := range []bool{false, true} {
			var err error
			if second {
				_, err = verifier(t, testKey).WithRetired(tc.key)
			} else {
				var v *Verifier
				v, err = NewVerifier(tc.key)
				assert.Nil(t, v, name)
			}
			require.ErrorIs(t, err, ErrKey, name)
			var ke *KeyError
			require.ErrorAs(t, err, &ke, name)
			assert.Equal(t, tc.reason, ke.Reason, name)
			zh, en := i18n.Error(err, language.Chinese), i18n.Error(err, language.English)
			assert.NotEqual(t, zh, en, name)
			assert.NotContains(t, zh+en, "%!", name)
		}
	}
	var ke *KeyError
	_, err := NewVerifier(zero)
	require.ErrorAs(t, err, &ke)
	assert.Contains(t, i18n.Error(err, language.Chinese), "伪造")
}

// Two different keys whose 4-byte IDs collide (a birthday search over
// about 2^16 generated keys finds a pair) cannot both be trusted: a code
// could not say which one signed. They are refused with a message that
// says so and tells the issuer to generate another key, not as "the same
// key twice".
func TestKeyIDCollisionIsRefusedAsCollision(t *testing.T) {
	if testing.Short() {
		t.Skip("birthday search")
	}
	seen := map[KeyID][32]byte{}
	var a, b ed25519.PublicKey
	for i := 0; a == nil; i++ {
		var seed [32]byte
		copy(seed[:], fmt.Sprintf("collide %d", i))
		k := ed25519.NewKeyFromSeed(seed[:]).Public().(ed25519.PublicKey)
		id := KeyIDOf(k)
		if s, ok := seen[id]; ok {
			a, b = ed25519.NewKeyFromSeed(s[:]).Public().(ed25519.PublicKey), k
		}
		seen[id] = seed
	}
	require.NotEqual(t, a, b)
	require.Equal(t, KeyIDOf(a), KeyIDOf(b))
	v, err := NewVerifier(a)
	require.NoError(t, err)
	for name, err := range map[string]error{
		"current": func() error { _, err := NewVerifier(a, b); return err }(),
		"retired": func() error { _, err := v.WithRetired(b); return err }(),
	} {
		var ke *KeyError
		require.ErrorAs(t, err, &ke, name)
		assert.Equal(t, "collision", ke.Reason, name)
		assert.Equal(t, KeyIDOf(a), ke.ID, name)
		assert.Contains(t, i18n.Error(err, language.English), "different key", name)
		assert.Contains(t, i18n.Error(err, language.Chinese), "另行生成", name)
	}
	// The same key twice is still a duplicate.
	_, err = NewVerifier(a, a)
	var ke *KeyError
	require.ErrorAs(t, err, &ke)
	assert.Equal(t, "duplicate", ke.Reason)
}

// A 64-byte private key whose public half is not its seed's (a damaged or
// mis-assembled key file) would sign codes under a key ID no verifier
// matches: NewSigner refuses it, and keys of the wrong size.
func TestNewSignerRefusesInconsistentPrivateKey(t *testing.T) {
	t.Parallel()
	mismatched := append(ed25519.PrivateKey(nil), testKey...)
	copy(mismatched[32:], pub(otherKey))
	for name, tc := range map[string]struct {
		key    ed25519.PrivateKey
		reason string
	}{
		"public half of another key": {mismatched, "private-mismatch"},
		"nil":                        {nil, "private-size"},
		"a seed only":                {testKey.Seed(), "private-size"},
		"65 bytes":                   {append(append(ed25519.PrivateKey(nil), testKey...), 0), "private-size"},
	} {
		s, err := NewSigner(tc.key)
		assert.Nil(t, s, name)
		require.ErrorIs(t, err, ErrKey, name)
		var ke *KeyError
		require.ErrorAs(t, err, &ke, name)
		assert.Equal(t, tc.reason, ke.Reason, name)
		zh, en := i18n.Error(err, language.Chinese), i18n.Error(err, language.English)
		assert.NotEqual(t, zh, en, name)
		assert.NotContains(t, zh+en, "%!", name)
	}
	// The signer keeps its own copy of the key.
	k := append(ed25519.PrivateKey(nil), testKey...)
	s, err := NewSigner(k)
	require.NoError(t, err)
	k[0] ^= 0xff
	c, _ := signed(t)
	code, err := s.WithClock(clock(signDay)).Sign(c)
	require.NoError(t, err)
	_, err = verifier(t, testKey).Verify(code, day(2026, 6, 1))
	assert.NoError(t, err)
}

// With a register, a code whose certificate was revoked (or cancelled) is
// reported so also when it is scanned after the code's end of validity:
// the register is asked before the offline expiry check, and the answer is
// StatusAt's (a suspension, by contrast, ends with the validity).
func TestRevokedAfterExpiryReportsRevoked(t *testing.T) {
	t.Parallel()
	r, codes := lookupFixture(t)
	v := verifier(t, testKey).WithLookup(r)
	for name, tc := range map[string]struct {
		status certification.Status
		want   error
	}{
		"revoked":   {certification.Revoked, ErrRevoked},
		"cancelled": {certification.Cancelled, ErrCancelled},
		"suspended": {certification.Expired, ErrExpired},
	} {
		claims, err := verifier(t, testKey).Verify(codes[name], day(2026, 3, 1))
		require.NoError(t, err)
		c, ok := r.Certificate(claims.Certificate)
		require.True(t, ok)
		at := c.Expires.AddDate(0, 1, 0)
		require.Equal(t, tc.status, c.StatusAt(at), name)
		claims, err = v.Verify(codes[name], at)
		assert.ErrorIs(t, err, tc.want, name)
		var ce *CodeError
		require.ErrorAs(t, err, &ce, name)
		assert.Equal(t, c.StatusAt(at), ce.Status, name)
		assert.Equal(t, c.StatusAt(at), claims.Status, name)
		assert.True(t, claims.Checked, name)
		// Offline, the same scan can only say the code has expired.
		_, err = verifier(t, testKey).Verify(codes[name], at)
		assert.ErrorIs(t, err, ErrExpired, name)
	}
}

// A code signed before its certificate was renewed: after the code's end
// of validity, a register that says the certificate is valid makes the
// answer "the label's code is outdated; ask for a new label"
// (ErrOutdatedCode), not "the certificate has expired".
func TestRenewedCertificateCodeReportsOutdatedCode(t *testing.T) {
	t.Parallel()
	c := issue(t, "JXGE-SYN-301", 31, "金溪蜜梨")
	code, err := signer(testKey).Sign(c)
	require.NoError(t, err)
	oldExpires := c.Expires
	require.NoError(t, c.Renew(oldExpires.AddDate(0, -1, 0), oldExpires.AddDate(3, 0, 0), "复评换证（合成）"))
	reg := certification.NewRegistry()
	require.NoError(t, reg.Add(c))
	at := oldExpires.AddDate(0, 1, 0)
	require.Equal(t, certification.Valid, c.StatusAt(at))

	claims, err := verifier(t, testKey).WithLookup(reg).Verify(code, at)
	require.ErrorIs(t, err, ErrOutdatedCode)
	assert.NotErrorIs(t, err, ErrExpired, "a valid certificate is not reported expired")
	assert.True(t, claims.Checked)
	assert.Equal(t, certification.Valid, claims.Status)
	var ce *CodeError
	require.ErrorAs(t, err, &ce)
	assert.Equal(t, "outdated", ce.Reason)
	assert.Equal(t, claims.ValidUntil(), ce.ValidUntil)
	zh, en := i18n.Error(err, language.Chinese), i18n.Error(err, language.English)
	assert.NotContains(t, zh, "已过期")
	assert.Contains(t, zh, "新标签")
	assert.Contains(t, en, "outdated")
	assert.Contains(t, zh, claims.ValidUntil().Format(time.DateOnly))

	// Offline the verifier cannot know of the renewal.
	_, err = verifier(t, testKey).Verify(code, at)
	assert.ErrorIs(t, err, ErrExpired)
	// A code signed after the renewal verifies.
	fresh, err := newSigner(testKey).WithClock(clock(at)).Sign(c)
	require.NoError(t, err)
	_, err = verifier(t, testKey).WithLookup(reg).Verify(fresh, at)
	assert.NoError(t, err)
}

// With a register, a code signed by a retired key whose certificate is
// revoked reports the revocation, not only "ask for a new label".
func TestRetiredKeyStillReportsRevocation(t *testing.T) {
	t.Parallel()
	r, codes := lookupFixture(t) // signed with testKey
	v, err := verifier(t, otherKey).WithRetired(pub(testKey))
	require.NoError(t, err)
	online := v.WithLookup(r)
	at := day(2026, 7, 1)
	for name, want := range map[string]error{"revoked": ErrRevoked, "cancelled": ErrCancelled, "suspended": ErrSuspended,
		"unknown": ErrUnknownCertificate, "valid": ErrRetiredKey} {
		claims, err := online.Verify(codes[name], at)
		assert.ErrorIs(t, err, want, name)
		if name != "valid" {
			assert.NotErrorIs(t, err, ErrRetiredKey, name)
		} else {
			assert.True(t, claims.Checked, name)
			assert.Equal(t, certification.Valid, claims.Status, name)
		}
	}
	_, err = online.Verify(codes["revoked"], at)
	assert.Contains(t, i18n.Error(err, language.Chinese), "已被撤销")
	// Offline, the retired key is all the verifier can say.
	_, err = v.Verify(codes["revoked"], at)
	assert.ErrorIs(t, err, ErrRetiredKey)
}

// nilLookup is a Lookup whose methods dereference their receiver.
type nilLookup struct{ c certification.Certificate }

func (n *nilLookup) Certificate(string) (certification.Certificate, bool) { return n.c, true }
func (n *nilLookup) ByHolder(creditcode.Code) []certification.Certificate {
	return []certification.Certificate{n.c}
}
func (n *nilLookup) ByProduct(string) []certification.Certificate {
	return []certification.Certificate{n.c}
}

// A typed nil given as a Lookup (a nil *certification.Registry, or any nil
// pointer) does not panic: it knows no certificate, so the check fails
// closed with ErrUnknownCertificate / "unknown-certificate"; a nil
// interface gives an offline verifier.
func TestTypedNilLookupDoesNotPanic(t *testing.T) {
	t.Parallel()
	_, code := signed(t)
	at := day(2026, 6, 1)
	for name, l := range map[string]certification.Lookup{
		"nil *Registry":  (*certification.Registry)(nil),
		"nil *nilLookup": (*nilLookup)(nil),
	} {
		require.NotPanics(t, func() {
			claims, err := verifier(t, testKey).WithLookup(l).Verify(code, at)
			assert.ErrorIs(t, err, ErrUnknownCertificate, name)
			assert.False(t, claims.Checked, name)
		}, name)
		require.NotPanics(t, func() {
			v := Check(goodUse(), l, time.Time{})
			assert.True(t, v.Has("unknown-certificate"), name)
			assert.False(t, v.Allowed, name)
		}, name)
	}
	claims, err := verifier(t, testKey).WithLookup(nil).Verify(code, at)
	assert.NoError(t, err, "a nil interface is an offline verifier")
	assert.False(t, claims.Checked)
}

// A code's end of validity is the China-time midnight at or before its
// certificate's, so a code never outlives its certificate; for a midnight
// end it shows the certificate's last valid day (LastValidDay). Sub-second
// ends are not truncated to a later instant either.
func TestCodeExpiresAtChinaMidnightAtOrBeforeCertificate(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		expires  time.Time
		midnight bool
		want     string // Claims.ValidUntil
	}{
		{day(2029, 1, 10), true, "2029-01-09"},
		{time.Date(2029, 1, 9, 16, 0, 0, 0, time.UTC), true, "2029-01-09"},  // the same instant in UTC
		{time.Date(2029, 1, 10, 0, 0, 0, 0, time.UTC), false, "2029-01-09"}, // 08:00 China time
		{day(2029, 1, 10).Add(500 * time.Millisecond), false, "2029-01-09"},
		{day(2029, 1, 10).Add(-time.Nanosecond), false, "2029-01-08"}, // 23:59:59.999999999 on 9 January
	} {
		c := issue(t, "JXGE-SYN-401", 41, "金溪蜜梨")
		c.History = nil
		c.Expires = tc.expires
		code, err := signer(testKey).Sign(c)
		require.NoError(t, err, tc.expires)
		claims, err := verifier(t, testKey).Verify(code, day(2026, 6, 1))
		require.NoError(t, err, tc.expires)
		e := claims.Expires.In(brand.ChinaTime())
		assert.Equal(t, [3]int{0, 0, 0}, [3]int{e.Hour(), e.Minute(), e.Second()}, "a China-time midnight: %v", e)
		assert.False(t, claims.Expires.After(c.Expires), "%v: the code outlives the certificate (%v)", tc.expires, claims.Expires)
		assert.True(t, c.Expires.Sub(claims.Expires) < 24*time.Hour, tc.expires)
		assert.Equal(t, tc.want, claims.ValidUntil().Format(time.DateOnly), tc.expires)
		if tc.midnight {
			assert.Equal(t, certification.LastValidDay(c.Expires), claims.ValidUntil(), tc.expires)
		}
		// The code is refused from the day after the one it shows, never on it.
		last := claims.ValidUntil()
		_, err = verifier(t, testKey).Verify(code, last.Add(24*time.Hour-time.Nanosecond))
		assert.NoError(t, err, "%v: refused on its last valid day %s", tc.expires, last.Format(time.DateOnly))
		_, err = verifier(t, testKey).Verify(code, last.Add(24*time.Hour))
		assert.ErrorIs(t, err, ErrExpired, tc.expires)
	}
}

// A certificate whose validity ends at 00:00Z (08:00 China time) on
// 2029-01-10: at noon that day the scan refuses the code, and the date it
// shows as the last valid day is the day before, not the day of the scan.
func TestExpiredCodeNeverShowsTheScanDayAsLastValidDay(t *testing.T) {
	t.Parallel()
	c := issue(t, "JXGE-SYN-402", 42, "金溪蜜梨")
	c.History = nil
	c.Expires = time.Date(2029, 1, 10, 0, 0, 0, 0, time.UTC)
	code, err := signer(testKey).Sign(c)
	require.NoError(t, err)
	at := time.Date(2029, 1, 10, 12, 0, 0, 0, brand.ChinaTime())
	claims, err := verifier(t, testKey).Verify(code, at)
	require.ErrorIs(t, err, ErrExpired)
	assert.Equal(t, "2029-01-09", claims.ValidUntil().Format(time.DateOnly))
	assert.Contains(t, i18n.Error(err, language.Chinese), "有效期至 2029-01-09，已过期")

	// Signing on the last, partial day of validity is refused: the code
	// would be born expired.
	_, err = newSigner(testKey).WithClock(clock(time.Date(2029, 1, 10, 3, 0, 0, 0, brand.ChinaTime()))).Sign(c)
	require.ErrorIs(t, err, ErrUnsignable)
	var ce *CodeError
	require.ErrorAs(t, err, &ce)
	assert.Equal(t, "last-day", ce.Reason)
	assert.NotEqual(t, i18n.Error(err, language.Chinese), i18n.Error(err, language.English))
}

// edL is the order of the Ed25519 base point.
var edL, _ = new(big.Int).SetString("7237005577332262213973186563042994240857116359379907606001950938285454250989", 10)

// An Ed25519 signature with S + L (the group order) in place of S is the
// same signature to a lax verifier; Verify refuses it (a second spelling).
func TestVerifyRefusesMalleatedSignature(t *testing.T) {
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

// Every one-character substitution, insertion (any byte) and deletion of a
// code is refused: a code has one spelling.
func TestVerifyRefusesEverySingleByteEdit(t *testing.T) {
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

// A code re-labelled with a retired key's ID, without that key's
// signature, is a forgery, not a retired key's code.
func TestRelabelledRetiredKeyIDIsForgery(t *testing.T) {
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

// At the instants around the issue date and the end of validity, a
// verifier with a register agrees with StatusAt, to the nanosecond.
func TestVerifyAtValidityBoundaries(t *testing.T) {
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

// Sign judges the certificate at its clock: a revocation dated tomorrow
// does not stop signing today; a zero clock and a revocation in force do.
func TestSignJudgesCertificateAtItsClock(t *testing.T) {
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

// Verifiers, signers, registers and Check are safe for concurrent use (run
// with -race).
func TestConcurrentUse(t *testing.T) {
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

func BenchmarkNewVerifier(b *testing.B) {
	k := pub(testKey)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := NewVerifier(k); err != nil {
			b.Fatal(err)
		}
	}
}

// A renewal recorded ahead of its date does not lengthen a code signed
// before that date: the code carries the end of validity in force when it
// is signed.
func TestSignUsesTheEndOfValidityInForce(t *testing.T) {
	t.Parallel()
	c := issue(t, "JXGE-SYN-102", 2, "金溪蜜梨")
	old := c.Expires
	renewedOn := old.AddDate(0, -1, 0)
	require.NoError(t, c.Renew(renewedOn, old.AddDate(3, 0, 0), "合成：再认证"))
	v := verifier(t, testKey)
	for _, tc := range []struct {
		name string
		at   time.Time
		want time.Time
	}{
		{"before the renewal's date", renewedOn.AddDate(0, 0, -1), old},
		{"after the renewal's date", renewedOn.AddDate(0, 0, 1), old.AddDate(3, 0, 0)},
	} {
		code, err := newSigner(testKey).WithClock(clock(tc.at)).Sign(c)
		require.NoError(t, err, tc.name)
		claims, err := v.Verify(code, tc.at)
		require.NoError(t, err, tc.name)
		assert.True(t, claims.Expires.Equal(tc.want), "%s: %v", tc.name, claims.Expires)
	}
}

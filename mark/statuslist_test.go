package mark

import (
	"bytes"
	"compress/gzip"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/mark/statuslist"
)

// The status list tests publish lists at synthetic addresses.
const (
	listURL    = "https://status.example/jxgreen/1"
	listIssuer = "https://brand.example/jxgreen"
)

// listFixture is a register with one certificate in each state on
// 2026-07-01, version 3 codes for each signed on 2026-02-01 while valid,
// the index that placed them, and a list published on 2026-07-01 valid for
// a day, signed by testKey.
func listFixture(t testing.TB) (*certification.Registry, *statuslist.Index, map[string]string, []byte) {
	t.Helper()
	r := certification.NewRegistry()
	// A fixed index, so that the codes are the same in every process (the
	// fuzzing workers rebuild the fixture).
	x := statuslist.NewIndex()
	require.NoError(t, x.UnmarshalJSON([]byte(`{"JXGE-SYN-300":1000,"JXGE-SYN-301":70002,"JXGE-SYN-302":8,"JXGE-SYN-303":131070}`)))
	s := signer(testKey).WithStatusIndex(x)
	codes := map[string]string{}
	for i, tc := range []struct {
		name string
		step func(c *certification.Certificate) error
	}{
		{"valid", nil},
		{"revoked", func(c *certification.Certificate) error { return c.Revoke(day(2026, 6, 1), "合成：撤销") }},
		{"suspended", func(c *certification.Certificate) error { return c.Suspend(day(2026, 6, 1), "合成：暂停") }},
		{"cancelled", func(c *certification.Certificate) error { return c.Cancel(day(2026, 6, 1), "合成：注销") }},
	} {
		c := issue(t, fmt.Sprintf("JXGE-SYN-3%02d", i), 30+i, "金溪蜜梨")
		code, err := s.Sign(c)
		require.NoError(t, err)
		codes[tc.name] = code
		if tc.step != nil {
			require.NoError(t, tc.step(&c))
		}
		require.NoError(t, r.Add(c))
	}
	return r, x, codes, publish(t, r, x, testKey, day(2026, 7, 1), day(2026, 7, 2))
}

func publish(t testing.TB, r certification.Lookup, x *statuslist.Index, key ed25519.PrivateKey, from, until time.Time) []byte {
	t.Helper()
	l, err := statuslist.Build(r, x, statuslist.Credential{ID: listURL, Issuer: listIssuer, ValidFrom: from, ValidUntil: until})
	require.NoError(t, err)
	b, err := l.Sign(key)
	require.NoError(t, err)
	return b
}

func withList(t testing.TB, v *Verifier, published []byte) *Verifier {
	t.Helper()
	v, err := v.WithStatusList(published)
	require.NoError(t, err)
	return v
}

// TestWithStatusListRefusesRevokedAndSuspendedOffline: issue 13's "a
// Verifier given the list refuses revoked and suspended certificates
// offline" — no register is asked; the sentinels are the register's, and
// the verdict reads in both languages.
func TestWithStatusListRefusesRevokedAndSuspendedOffline(t *testing.T) {
	t.Parallel()
	_, _, codes, published := listFixture(t)
	v := withList(t, verifier(t, testKey), published)
	at := day(2026, 7, 1).Add(9 * time.Hour)
	for _, tc := range []struct {
		name   string
		err    error
		status certification.Status
		zh, en string
	}{
		{"valid", nil, certification.Valid, "", ""},
		{"revoked", ErrRevoked, certification.Revoked, "已被撤销或注销", "revoked or cancelled"},
		{"cancelled", ErrRevoked, certification.Revoked, "已被撤销或注销", "revoked or cancelled"},
		{"suspended", ErrSuspended, certification.Suspended, "已被暂停", "suspended"},
	} {
		claims, err := v.Verify(codes[tc.name], at)
		assert.True(t, claims.Checked, tc.name)
		assert.Equal(t, tc.status, claims.Status, tc.name)
		assert.GreaterOrEqual(t, claims.StatusIndex, 0, tc.name)
		if tc.err == nil {
			assert.NoError(t, err, tc.name)
			continue
		}
		require.ErrorIs(t, err, tc.err, tc.name)
		var ce *CodeError
		require.ErrorAs(t, err, &ce, tc.name)
		assert.Equal(t, claims.Certificate, ce.Certificate)
		zh, en := i18n.Error(err, language.Chinese), i18n.Error(err, language.English)
		assert.Contains(t, zh, tc.zh, tc.name)
		assert.Contains(t, en, tc.en, tc.name)
		assert.Contains(t, zh, claims.Certificate, tc.name)
	}
	// Without the list the same codes pass offline: the list is what
	// refuses them.
	for name, code := range codes {
		claims, err := verifier(t, testKey).Verify(code, at)
		assert.NoError(t, err, name)
		assert.False(t, claims.Checked, name)
	}
}

// TestReinstatedCertificatePassesOnTheNextList: a suspension is not for
// good; the next list clears the bit.
func TestReinstatedCertificatePassesOnTheNextList(t *testing.T) {
	t.Parallel()
	r, x, codes, _ := listFixture(t)
	require.NoError(t, r.Update("JXGE-SYN-302", func(c *certification.Certificate) error {
		return c.Reinstate(day(2026, 7, 10), "合成：整改完成")
	}))
	v := withList(t, verifier(t, testKey), publish(t, r, x, testKey, day(2026, 7, 11), day(2026, 7, 12)))
	claims, err := v.Verify(codes["suspended"], day(2026, 7, 11).Add(time.Hour))
	require.NoError(t, err)
	assert.Equal(t, certification.Valid, claims.Status)
}

// TestWithStatusListRefusesAListPastItsWindow: issue 13's "refuses a list
// past its window", and a list not yet valid: an out-of-date list proves
// nothing, so the scan fails rather than saying valid.
func TestWithStatusListRefusesAListPastItsWindow(t *testing.T) {
	t.Parallel()
	_, _, codes, published := listFixture(t) // valid [07-01, 07-02)
	v := withList(t, verifier(t, testKey), published)
	for _, tc := range []struct {
		at     time.Time
		err    error
		zh, en string
	}{
		{day(2026, 7, 2), statuslist.ErrExpired, "已过期", "has expired"},
		{day(2026, 12, 1), statuslist.ErrExpired, "已过期", "has expired"},
		{day(2026, 6, 30), statuslist.ErrNotYetValid, "才生效", "valid only from"},
		{day(2026, 7, 1).Add(-time.Second), statuslist.ErrNotYetValid, "才生效", "valid only from"},
	} {
		claims, err := v.Verify(codes["valid"], tc.at)
		require.ErrorIs(t, err, tc.err, "%v", tc.at)
		assert.NotErrorIs(t, err, ErrRevoked)
		assert.False(t, claims.Checked)
		assert.Contains(t, i18n.Error(err, language.Chinese), tc.zh)
		assert.Contains(t, i18n.Error(err, language.English), tc.en)
	}
	_, err := v.Verify(codes["valid"], day(2026, 7, 2).Add(-time.Second))
	assert.NoError(t, err, "the last second of the window")
}

// TestWithStatusListRefusesAListNotSignedByATrustedKey: a list signed by a
// stranger's key, or by a key the verifier has retired, is refused.
func TestWithStatusListRefusesAListNotSignedByATrustedKey(t *testing.T) {
	t.Parallel()
	r, x, _, _ := listFixture(t)
	stranger := publish(t, r, x, thirdKey, day(2026, 7, 1), day(2026, 7, 2))
	_, err := verifier(t, testKey).WithStatusList(stranger)
	assert.ErrorIs(t, err, statuslist.ErrUntrusted)
	assert.Contains(t, i18n.Error(err, language.Chinese), "可信密钥")

	// A retired key signs no list.
	old := publish(t, r, x, otherKey, day(2026, 7, 1), day(2026, 7, 2))
	v, err := verifier(t, testKey).WithRetired(pub(otherKey))
	require.NoError(t, err)
	_, err = v.WithStatusList(old)
	assert.ErrorIs(t, err, statuslist.ErrUntrusted)

	// The same list under a current key is accepted.
	_, err = verifier(t, otherKey).WithStatusList(old)
	assert.NoError(t, err)
}

// TestWithStatusListRefusesAnAlteredSignature: any change to the
// signature, the header or the credential (a bit cleared to hide a
// revocation, a window stretched) breaks the signature.
func TestWithStatusListRefusesAnAlteredSignature(t *testing.T) {
	t.Parallel()
	_, _, _, published := listFixture(t)
	parts := strings.Split(string(published), ".")
	require.Len(t, parts, 3)
	payload, err := base64.RawURLEncoding.DecodeString(parts[1])
	require.NoError(t, err)
	stretched := strings.Replace(string(payload), `"validUntil":"2026-07-01T16:00:00Z"`, `"validUntil":"2027-07-01T16:00:00Z"`, 1)
	require.NotEqual(t, string(payload), stretched, "the fixture's window")
	sig, err := base64.RawURLEncoding.DecodeString(parts[2])
	require.NoError(t, err)
	for name, altered := range map[string]string{
		"signature bit":             parts[0] + "." + parts[1] + "." + base64.RawURLEncoding.EncodeToString(flipBit(sig, 100)),
		"signature of another list": parts[0] + "." + parts[1] + "." + base64.RawURLEncoding.EncodeToString(ed25519.Sign(testKey, []byte("x"))),
		"window stretched":          parts[0] + "." + base64.RawURLEncoding.EncodeToString([]byte(stretched)) + "." + parts[2],
		"no signature":              parts[0] + "." + parts[1] + ".",
	} {
		_, err := verifier(t, testKey).WithStatusList([]byte(altered))
		assert.Error(t, err, name)
		assert.True(t, errorsIsAny(err, statuslist.ErrUntrusted, statuslist.ErrMalformed), "%s: %v", name, err)
	}
	// A bit of the signature flipped is "untrusted", not "malformed".
	_, err = verifier(t, testKey).WithStatusList([]byte(parts[0] + "." + parts[1] + "." + base64.RawURLEncoding.EncodeToString(flipBit(sig, 7))))
	assert.ErrorIs(t, err, statuslist.ErrUntrusted)
}

func flipBit(b []byte, i int) []byte {
	c := bytes.Clone(b)
	c[i/8] ^= 1 << (i % 8)
	return c
}

func errorsIsAny(err error, targets ...error) bool {
	for _, t := range targets {
		if errors.Is(err, t) {
			return true
		}
	}
	return false
}

// signCredential signs any credential JSON with key the way the brand's
// lists are signed, so that a test can publish a list with a hostile
// encodedList that still carries a trusted signature.
func signCredential(key ed25519.PrivateKey, cred []byte) []byte {
	h := base64.RawURLEncoding.EncodeToString([]byte(`{"alg":"EdDSA","typ":"vc+jwt","cty":"vc"}`))
	msg := h + "." + base64.RawURLEncoding.EncodeToString(cred)
	return []byte(msg + "." + base64.RawURLEncoding.EncodeToString(ed25519.Sign(key, []byte(msg))))
}

func credentialWith(encodedList string) []byte {
	b, _ := json.Marshal(map[string]any{
		"@context": []string{"https://www.w3.org/ns/credentials/v2"}, "id": listURL,
		"type": []string{"VerifiableCredential", "BitstringStatusListCredential"}, "issuer": listIssuer,
		"validFrom": "2026-06-30T16:00:00Z", "validUntil": "2026-07-01T16:00:00Z",
		"credentialSubject": map[string]any{"id": listURL + "#list", "type": "BitstringStatusList",
			"statusPurpose": []string{"revocation", "suspension"}, "encodedList": encodedList},
	})
	return b
}

func gzipped(b []byte) []byte {
	var z bytes.Buffer
	w := gzip.NewWriter(&z)
	_, _ = w.Write(b)
	_ = w.Close()
	return z.Bytes()
}

// TestWithStatusListRefusesABadEncodedList: a truncated, oversized or
// non-GZIP encodedList is refused even under a trusted signature, and a
// gzip bomb (64 MiB of zeros in 64 KiB) is refused without inflating it.
func TestWithStatusListRefusesABadEncodedList(t *testing.T) {
	t.Parallel()
	good := gzipped(make([]byte, statuslist.MinBits/8))
	bomb := gzipped(make([]byte, 64<<20))
	require.Less(t, len(bomb), 128<<10)
	enc := func(b []byte) string { return "u" + base64.RawURLEncoding.EncodeToString(b) }
	for _, tc := range []struct {
		name, list, reason string
	}{
		{"truncated gzip", enc(good[:len(good)-9]), "gzip"},
		{"not gzip", enc(make([]byte, statuslist.MinBits/8)), "gzip"},
		{"too short (under 131,072 bits)", enc(gzipped(make([]byte, statuslist.MinBits/8-1))), "short"},
		{"oversized", enc(gzipped(make([]byte, statuslist.MaxBits/8+1))), "long"},
		{"gzip bomb", enc(bomb), "long"},
		{"no multibase prefix", enc(good)[1:], "encoding"},
		{"padding", enc(good) + "=", "encoding"},
		{"line break", enc(good)[:20] + "\n" + enc(good)[20:], "encoding"},
		{"base64 not url", strings.NewReplacer("-", "+", "_", "/").Replace(enc(good)) + "+/", "encoding"},
	} {
		_, err := verifier(t, testKey).WithStatusList(signCredential(testKey, credentialWith(tc.list)))
		require.ErrorIs(t, err, statuslist.ErrMalformed, tc.name)
		var le *statuslist.Error
		require.ErrorAs(t, err, &le, tc.name)
		assert.Equal(t, tc.reason, le.Reason, tc.name)
		assert.Equal(t, "/credentialSubject/encodedList", le.Pointer, tc.name)
		assert.NotEqual(t, i18n.Error(err, language.Chinese), i18n.Error(err, language.English))
	}
	_, err := verifier(t, testKey).WithStatusList(signCredential(testKey, credentialWith(enc(good))))
	assert.NoError(t, err, "the same list, well formed")
}

// TestVerifyRefusesACodeWhoseIndexIsOutsideTheList: a genuine code whose
// index lies past the end of the list in hand.
func TestVerifyRefusesACodeWhoseIndexIsOutsideTheList(t *testing.T) {
	t.Parallel()
	r := certification.NewRegistry()
	c := issue(t, "JXGE-SYN-401", 41, "金溪蜜梨")
	require.NoError(t, r.Add(c))
	far := statuslist.NewIndex()
	require.NoError(t, far.UnmarshalJSON([]byte(`{"JXGE-SYN-401": 4000000}`)))
	code, err := signer(testKey).WithStatusIndex(far).Sign(c)
	require.NoError(t, err)

	small := statuslist.NewIndex()
	_, err = small.Assign("JXGE-SYN-401")
	require.NoError(t, err)
	v := withList(t, verifier(t, testKey), publish(t, r, small, testKey, day(2026, 7, 1), day(2026, 7, 2)))
	claims, err := v.Verify(code, day(2026, 7, 1).Add(time.Hour))
	require.ErrorIs(t, err, statuslist.ErrIndex)
	assert.Equal(t, 4000000, claims.StatusIndex)
	assert.False(t, claims.Checked)
	assert.Contains(t, i18n.Error(err, language.Chinese), "4,000,000")
}

// TestVersion2CodesStillVerifyWithAList: codes printed before status
// lists carry no index; a verifier with a list checks them as before,
// offline, and says the status was not checked.
func TestVersion2CodesStillVerifyWithAList(t *testing.T) {
	t.Parallel()
	_, _, _, published := listFixture(t)
	c, code := signed(t)
	require.True(t, strings.HasPrefix(code, "JXG2"))
	claims, err := withList(t, verifier(t, testKey), published).Verify(code, day(2026, 7, 1).Add(time.Hour))
	require.NoError(t, err)
	assert.Equal(t, c.Number, claims.Certificate)
	assert.Equal(t, -1, claims.StatusIndex)
	assert.False(t, claims.Checked)
}

// TestVersion3CodesAreShortAndHaveOneSpelling: the index costs a few
// characters; a code stays under MaxCodeLen; every edit is refused; the
// prefix cannot be swapped to read a version 3 payload as version 2.
func TestVersion3CodesAreShortAndHaveOneSpelling(t *testing.T) {
	t.Parallel()
	x := statuslist.NewIndex()
	long := issue(t, "JXGE-SYN-420", 42, "金溪蜜梨").Clone()
	long.Number, long.Product = strings.Repeat("9", maxNumber), strings.Repeat("梨", maxProduct/2)
	code, err := signer(testKey).WithStatusIndex(x).Sign(long)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(code, "JXG3"))
	assert.LessOrEqual(t, len(code), MaxCodeLen)
	v := verifier(t, testKey)
	claims, err := v.Verify(code, day(2026, 6, 1))
	require.NoError(t, err)
	i, ok := x.Lookup(long.Number)
	require.True(t, ok)
	assert.Equal(t, i, claims.StatusIndex)
	assert.Equal(t, long.Expires.In(claims.Expires.Location()), claims.Expires)

	_, err = v.Verify("JXG2"+code[4:], day(2026, 6, 1))
	assert.True(t, errorsIsAny(err, ErrForged, ErrMalformed), "%v", err)
	for i := 4; i < len(code); i += 7 {
		edited := code[:i] + string(code[i]^1) + code[i+1:]
		if edited == code {
			continue
		}
		_, err := v.Verify(edited, day(2026, 6, 1))
		assert.True(t, errorsIsAny(err, ErrForged, ErrMalformed), "edit at %d: %v", i, err)
	}
	// The same certificate keeps its index across signings.
	again, err := signer(testKey).WithStatusIndex(x).Sign(long)
	require.NoError(t, err)
	claims2, err := v.Verify(again, day(2026, 6, 1))
	require.NoError(t, err)
	assert.Equal(t, claims.StatusIndex, claims2.StatusIndex)
}

// TestRegisterComesBeforeTheList: with both, the register's word, which is
// current, decides.
func TestRegisterComesBeforeTheList(t *testing.T) {
	t.Parallel()
	r, _, codes, published := listFixture(t)
	v := withList(t, verifier(t, testKey), published).WithLookup(r)
	_, err := v.Verify(codes["cancelled"], day(2026, 7, 1).Add(time.Hour))
	assert.ErrorIs(t, err, ErrCancelled, "the register tells cancelled from revoked")
	_, err = v.Verify(codes["valid"], day(2027, 1, 1))
	assert.NoError(t, err, "the list's window does not matter when the register answers")
}

func BenchmarkVerifyWithStatusList(b *testing.B) {
	_, _, codes, published := listFixture(b)
	v := withList(b, verifier(b, testKey), published)
	at := day(2026, 7, 1).Add(time.Hour)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := v.Verify(codes["valid"], at); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzVerifyVersion3WithList: a verifier with a list never panics, a
// version 3 code has one spelling, and every refusal is one of the known
// sentinels with a message.
func FuzzVerifyVersion3WithList(f *testing.F) {
	_, _, codes, published := listFixture(f)
	for _, c := range codes {
		f.Add(c)
		f.Add(c[:40])
		f.Add("JXG2" + c[4:])
	}
	f.Add("JXG3")
	f.Add("JXG3" + strings.Repeat("A", 200))
	v := withList(f, verifier(f, testKey), published)
	at := day(2026, 7, 1).Add(time.Hour)
	f.Fuzz(func(t *testing.T, s string) {
		claims, err := v.Verify(s, at)
		if err == nil {
			require.Equal(t, codes["valid"], s, "a second spelling verified")
			require.True(t, claims.Checked)
			return
		}
		known := false
		for _, e := range []error{ErrMalformed, ErrForged, ErrExpired, ErrRevoked, ErrSuspended,
			statuslist.ErrIndex, statuslist.ErrExpired, statuslist.ErrNotYetValid} {
			known = known || errors.Is(err, e)
		}
		require.True(t, known, "unexpected error %v", err)
		require.NotEmpty(t, i18n.Error(err, language.Chinese))
	})
}

// TestVerifierRefusesAStatusListWithAnEnormousWindow (review of issue
// 13): a status list
// only helps against revocation if it goes stale: a copy kept from before
// a revocation is refused once its validUntil passes. Nothing bounds the
// window: Build signs, and Verifier.WithStatusList accepts, a list valid
// for ten years (a publisher's unit mistake, hours for days, or a
// "never expires" default is enough). Every copy of such a list, cached
// by a scanning app, a proxy or a forger, then keeps a certificate
// revoked the next day "not revoked" for ten years, and a forger who
// kept it replays it to any offline verifier. The window must be bounded
// (a documented maximum such as statuslist.MaxWindow, refused by Build
// and by Parse/WithStatusList); one year here stands for whatever bound
// the fix chooses (the recommendation's own default ttl is 5 minutes).
func TestVerifierRefusesAStatusListWithAnEnormousWindow(t *testing.T) {
	t.Parallel()
	r, x, codes, _ := listFixture(t)
	from := day(2026, 7, 1)
	for _, until := range []time.Time{from.AddDate(10, 0, 0), from.AddDate(1, 0, 1)} {
		l, err := statuslist.Build(r, x, statuslist.Credential{ID: listURL, Issuer: listIssuer, ValidFrom: from, ValidUntil: until})
		assert.ErrorIs(t, err, statuslist.ErrBuild, "Build of a list valid until %s", until.Format(time.DateOnly))
		if err != nil {
			continue
		}
		published, err := l.Sign(testKey)
		require.NoError(t, err)
		v, err := verifier(t, testKey).WithStatusList(published)
		if !assert.Error(t, err, "WithStatusList accepts a list valid until %s", until.Format(time.DateOnly)) {
			// What a replay gives: the list read 200 days later still answers.
			at := from.AddDate(0, 0, 200)
			_, err = v.Verify(codes["valid"], at)
			assert.Error(t, err, "a list signed on %s still answers on %s", from.Format(time.DateOnly), at.Format(time.DateOnly))
		}
	}
}

// TestListRefusesACodeThatOutlivesItsCertificate (review of issue 13):
// the list set
// no bit for an expired certificate, because "a code states its own end of
// validity". That holds only while no code states a later end than the
// certificate has. Retract exists to take back a step recorded by
// mistake, and "retracting a renewal restores the end of validity it
// replaced": labels signed after a mistaken renewal keep the renewed end
// (here 2032), the certificate ends in 2029, and after 2029 every scan with
// the list says valid — the register says expired. The list must not call
// such a certificate valid (for example Build sets the revocation bit of a
// certificate whose end of validity was brought forward, or of an expired
// one), so that a verifier with the list refuses the code as a verifier
// with the register does.
func TestListRefusesACodeThatOutlivesItsCertificate(t *testing.T) {
	t.Parallel()
	c := issue(t, "JXGE-SYN-R13-1", 31, "金溪蜜梨") // 2026-01-10 to 2029-01-10
	require.NoError(t, c.Renew(day(2028, 12, 1), day(2032, 1, 10), "合成：换证（误录）"))
	x := statuslist.NewIndex()
	code, err := signer(testKey).WithClock(clock(day(2028, 12, 2))).WithStatusIndex(x).Sign(c)
	require.NoError(t, err)
	_, err = c.Retract(day(2028, 12, 20), "合成：换证误录，撤回")
	require.NoError(t, err)
	r := certification.NewRegistry()
	require.NoError(t, r.Add(c))

	at := day(2029, 6, 1)
	require.Equal(t, certification.Expired, c.StatusAt(at))
	_, err = verifier(t, testKey).WithLookup(r).Verify(code, at)
	require.ErrorIs(t, err, ErrExpired, "the register says expired")

	published := publish(t, r, x, testKey, at.Add(-time.Hour), at.Add(23*time.Hour))
	claims, err := withList(t, verifier(t, testKey), published).Verify(code, at)
	require.Error(t, err, "the list calls an expired certificate valid (claims: checked %v, status %s, code expires %s)",
		claims.Checked, claims.Status, claims.Expires.Format(time.DateOnly))
	assert.ErrorIs(t, err, ErrRevoked)
	assert.Contains(t, i18n.Error(err, language.English), "no longer valid")
	assert.Contains(t, i18n.Error(err, language.Chinese), "已失效")

	// A code whose own end has passed as well is called expired, the
	// plainer answer, though its bit is set.
	c2 := issue(t, "JXGE-SYN-R13-2", 32, "金溪蜜梨") // 2026-01-10 to 2029-01-10
	code2, err := signer(testKey).WithStatusIndex(x).Sign(c2)
	require.NoError(t, err)
	require.NoError(t, r.Add(c2))
	published = publish(t, r, x, testKey, at.Add(-time.Hour), at.Add(23*time.Hour))
	_, err = withList(t, verifier(t, testKey), published).Verify(code2, at)
	assert.ErrorIs(t, err, ErrExpired)
}

package statuslist_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	jose "github.com/go-jose/go-jose/v4"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/certification/creditcode"
	"github.com/jxgreen/jxgreen/mark/statuslist"
)

// The keys, addresses, holders and certificates are synthetic.
var (
	brandKey    = ed25519.NewKeyFromSeed([]byte("jxgreen synthetic status key 01!"))
	strangerKey = ed25519.NewKeyFromSeed([]byte("jxgreen synthetic stranger key!!"))
)

const listURL = "https://status.example/jxgreen/1"

func pub(k ed25519.PrivateKey) ed25519.PublicKey { return k.Public().(ed25519.PublicKey) }

func day(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, brand.ChinaTime())
}

func cred(from, until time.Time) statuslist.Credential {
	return statuslist.Credential{ID: listURL, Issuer: "https://brand.example/jxgreen", ValidFrom: from, ValidUntil: until}
}

// mapLookup is a certification.Lookup that is not a Registry: Build reads
// any register.
type mapLookup map[string]certification.Certificate

func (m mapLookup) Certificate(n string) (certification.Certificate, bool) {
	c, ok := m[n]
	return c, ok
}
func (m mapLookup) ByHolder(creditcode.Code) []certification.Certificate {
	return nil
}
func (m mapLookup) ByProduct(string) []certification.Certificate { return nil }

// certificate returns a synthetic certificate valid from 2026-01-10 for
// three years.
func certificate(i int) certification.Certificate {
	code, err := creditcode.Complete(fmt.Sprintf("91360700MA3%06d", i%1000000))
	if err != nil {
		panic(err)
	}
	return certification.Certificate{Number: fmt.Sprintf("JXGE-SYN-%07d", i), Scheme: brand.JiangxiGreen,
		Holder: certification.Holder{Name: "合成样例", Code: code}, Product: "金溪蜜梨",
		Issued: day(2026, 1, 10), Expires: day(2029, 1, 10)}
}

// fixture: certificates 0..3 valid, revoked, suspended, cancelled on
// 2026-07-01, each with an index.
func fixture(t testing.TB) (mapLookup, *statuslist.Index) {
	t.Helper()
	m := mapLookup{}
	x := statuslist.NewIndex()
	for i, step := range []func(c *certification.Certificate) error{
		nil,
		func(c *certification.Certificate) error { return c.Revoke(day(2026, 6, 1), "合成：撤销") },
		func(c *certification.Certificate) error { return c.Suspend(day(2026, 6, 1), "合成：暂停") },
		func(c *certification.Certificate) error { return c.Cancel(day(2026, 6, 1), "合成：注销") },
	} {
		c := certificate(i)
		if step != nil {
			require.NoError(t, step(&c))
		}
		m[c.Number] = c
		_, err := x.Assign(c.Number)
		require.NoError(t, err)
	}
	return m, x
}

func signedList(t testing.TB) ([]byte, *statuslist.Index) {
	t.Helper()
	m, x := fixture(t)
	l, err := statuslist.Build(m, x, cred(day(2026, 7, 1), day(2026, 7, 2)))
	require.NoError(t, err)
	b, err := l.Sign(brandKey)
	require.NoError(t, err)
	return b, x
}

// TestOneListCarriesRevocationAndSuspension: issue 13's one list for both
// purposes; each certificate's two bits, its two entries, and what a
// certificate's status reads back as.
func TestOneListCarriesRevocationAndSuspension(t *testing.T) {
	t.Parallel()
	published, x := signedList(t)
	l, err := statuslist.Parse(published, pub(brandKey))
	require.NoError(t, err)
	at := day(2026, 7, 1).Add(time.Hour)
	for i, want := range []certification.Status{certification.Valid, certification.Revoked, certification.Suspended, certification.Revoked} {
		n, ok := x.Lookup(certificate(i).Number)
		require.True(t, ok)
		require.Zero(t, n%2, "indexes are even")
		got, err := l.StatusAt(n, at)
		require.NoError(t, err)
		assert.Equal(t, want, got, "certificate %d", i)
		got, err = l.StatusAt(n+1, at)
		require.NoError(t, err)
		assert.Equal(t, want, got, "the suspension entry's index names the same certificate")
		e := statuslist.Entries(listURL, n)
		assert.Equal(t, "revocation", e[0].StatusPurpose)
		assert.Equal(t, strconv.Itoa(n), e[0].StatusListIndex)
		assert.Equal(t, "suspension", e[1].StatusPurpose)
		assert.Equal(t, strconv.Itoa(n+1), e[1].StatusListIndex)
		assert.Equal(t, listURL, e[1].StatusListCredential)
		assert.Equal(t, "BitstringStatusListEntry", e[0].Type)
	}
}

// TestPublishedListIsABitstringStatusListCredential: the credential as the
// W3C recommendation writes it: types, the purposes array, a validity
// window, and an encodedList that is GZIP, base64url without padding,
// after the multibase prefix u, of at least 131,072 bits, index 0 the
// left-most bit.
func TestPublishedListIsABitstringStatusListCredential(t *testing.T) {
	t.Parallel()
	published, x := signedList(t)
	parts := strings.Split(string(published), ".")
	require.Len(t, parts, 3)
	payload, err := base64.RawURLEncoding.DecodeString(parts[1])
	require.NoError(t, err)
	var c struct {
		Context           []string `json:"@context"`
		ID                string
		Type              []string
		Issuer            string
		ValidFrom         string
		ValidUntil        string
		CredentialSubject struct {
			Type          string
			StatusPurpose []string
			EncodedList   string
		}
	}
	require.NoError(t, json.Unmarshal(payload, &c))
	assert.Equal(t, []string{"https://www.w3.org/ns/credentials/v2"}, c.Context)
	assert.Equal(t, []string{"VerifiableCredential", "BitstringStatusListCredential"}, c.Type)
	assert.Equal(t, listURL, c.ID)
	assert.Equal(t, "2026-06-30T16:00:00Z", c.ValidFrom)
	assert.Equal(t, "2026-07-01T16:00:00Z", c.ValidUntil)
	assert.Equal(t, "BitstringStatusList", c.CredentialSubject.Type)
	assert.Equal(t, []string{"revocation", "suspension"}, c.CredentialSubject.StatusPurpose)
	enc := c.CredentialSubject.EncodedList
	require.True(t, strings.HasPrefix(enc, "u"))
	assert.NotContains(t, enc, "=")
	z, err := base64.RawURLEncoding.Strict().DecodeString(enc[1:])
	require.NoError(t, err)
	r, err := gzip.NewReader(bytes.NewReader(z))
	require.NoError(t, err)
	bits, err := io.ReadAll(r)
	require.NoError(t, err)
	assert.GreaterOrEqual(t, len(bits)*8, 131072)
	revoked, _ := x.Lookup(certificate(1).Number)
	assert.NotZero(t, bits[revoked/8]&(0x80>>(revoked%8)), "index 0 is the left-most bit")
	suspended, _ := x.Lookup(certificate(2).Number)
	assert.NotZero(t, bits[(suspended+1)/8]&(0x80>>((suspended+1)%8)), "the suspension bit follows")
	ones := 0
	for _, b := range bits {
		for ; b != 0; b &= b - 1 {
			ones++
		}
	}
	assert.Equal(t, 3, ones, "one bit each for the revoked, the suspended and the cancelled")
}

// TestSignedListVerifiesWithGoJose: the JWS is the VC-JOSE-COSE form
// (EdDSA, typ vc+jwt, cty vc, kid the RFC 7638 thumbprint) as
// github.com/go-jose/go-jose/v4 reads it; and a list go-jose signs is one
// Parse accepts.
func TestSignedListVerifiesWithGoJose(t *testing.T) {
	t.Parallel()
	published, _ := signedList(t)
	jws, err := jose.ParseSignedCompact(string(published), []jose.SignatureAlgorithm{jose.EdDSA})
	require.NoError(t, err)
	payload, err := jws.Verify(pub(brandKey))
	require.NoError(t, err)
	assert.True(t, json.Valid(payload))
	_, err = jws.Verify(pub(strangerKey))
	assert.Error(t, err)
	h := jws.Signatures[0].Header
	assert.Equal(t, "EdDSA", h.Algorithm)
	assert.Equal(t, "vc+jwt", h.ExtraHeaders[jose.HeaderType])
	assert.Equal(t, "vc", h.ExtraHeaders[jose.HeaderContentType])
	tp, err := (&jose.JSONWebKey{Key: pub(brandKey)}).Thumbprint(crypto.SHA256)
	require.NoError(t, err)
	assert.Equal(t, base64.RawURLEncoding.EncodeToString(tp), h.KeyID)
	assert.Equal(t, statuslist.Thumbprint(pub(brandKey)), h.KeyID)

	// The other way: go-jose signs the same credential.
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.EdDSA, Key: brandKey},
		(&jose.SignerOptions{}).WithType("vc+jwt").WithContentType("vc"))
	require.NoError(t, err)
	obj, err := signer.Sign(payload)
	require.NoError(t, err)
	compact, err := obj.CompactSerialize()
	require.NoError(t, err)
	l, err := statuslist.Parse([]byte(compact), pub(brandKey))
	require.NoError(t, err)
	assert.Equal(t, listURL, l.Credential().ID)
}

// TestParseRefusesWhatIsNotOurJWS: another algorithm or type, a header
// with a repeated member, a credential with a repeated member (a second
// encodedList must not win), a wrong purpose.
func TestParseRefusesWhatIsNotOurJWS(t *testing.T) {
	t.Parallel()
	published, _ := signedList(t)
	parts := strings.Split(string(published), ".")
	payload, _ := base64.RawURLEncoding.DecodeString(parts[1])
	sign := func(header string, payload []byte) []byte {
		msg := base64.RawURLEncoding.EncodeToString([]byte(header)) + "." + base64.RawURLEncoding.EncodeToString(payload)
		return []byte(msg + "." + base64.RawURLEncoding.EncodeToString(ed25519.Sign(brandKey, []byte(msg))))
	}
	ok := `{"alg":"EdDSA","typ":"vc+jwt","cty":"vc"}`
	dup := strings.Replace(string(payload), `"encodedList":`, `"encodedList":"uAAAA","encodedList":`, 1)
	for name, b := range map[string][]byte{
		"alg none":                       sign(`{"alg":"none","typ":"vc+jwt","cty":"vc"}`, payload),
		"alg HS256":                      sign(`{"alg":"HS256","typ":"vc+jwt","cty":"vc"}`, payload),
		"typ JWT":                        sign(`{"alg":"EdDSA","typ":"JWT","cty":"vc"}`, payload),
		"header dup":                     sign(`{"alg":"EdDSA","alg":"EdDSA","typ":"vc+jwt","cty":"vc"}`, payload),
		"payload dup":                    sign(ok, []byte(dup)),
		"payload case dup":               sign(ok, []byte(strings.Replace(string(payload), `"validUntil":`, `"VALIDUNTIL":"2099-01-01T00:00:00Z","validUntil":`, 1))),
		"long s in a name":               sign(ok, []byte(strings.Replace(string(payload), `"statusPurpose":`, `"ſtatusPurpose":["revocation"],"statusPurpose":`, 1))),
		"one purpose":                    sign(ok, []byte(strings.Replace(string(payload), `["revocation","suspension"]`, `["revocation"]`, 1))),
		"trailing data":                  sign(ok, append(append([]byte(nil), payload...), []byte(" {}")...)),
		"two parts":                      []byte(parts[0] + "." + parts[1]),
		"four parts":                     []byte(string(published) + ".x"),
		"padded":                         []byte(parts[0] + "=." + parts[1] + "." + parts[2]),
		"over 4 MiB":                     bytes.Repeat([]byte("A"), 4<<20+1),
		"window upside down":             sign(ok, []byte(strings.Replace(string(payload), `"validUntil":"2026-07-01T16:00:00Z"`, `"validUntil":"2026-06-01T16:00:00Z"`, 1))),
		"window of ten years":            sign(ok, []byte(strings.Replace(string(payload), `"validUntil":"2026-07-01T16:00:00Z"`, `"validUntil":"2036-07-01T16:00:00Z"`, 1))),
		"window a second past MaxWindow": sign(ok, []byte(strings.Replace(string(payload), `"validUntil":"2026-07-01T16:00:00Z"`, `"validUntil":"2026-07-07T16:00:01Z"`, 1))),
	} {
		_, err := statuslist.Parse(b, pub(brandKey))
		require.ErrorIs(t, err, statuslist.ErrMalformed, name)
		zh, en := i18n.Error(err, language.Chinese), i18n.Error(err, language.English)
		assert.NotEqual(t, zh, en, name)
		assert.NotContains(t, zh+en, "%!", name)
	}
	// A small-order "key" (32 zero bytes, an unset setting) trusts nothing.
	_, err := statuslist.Parse(published, make(ed25519.PublicKey, 32))
	assert.ErrorIs(t, err, statuslist.ErrUntrusted)
	_, err = statuslist.Parse(published)
	assert.ErrorIs(t, err, statuslist.ErrUntrusted, "no key")
}

// TestIndexIsRandomEvenNeverReusedAndKept: the index lives with the brand
// and in the code; it is drawn at random (not issue order), never given
// twice, and survives a round trip through JSON.
func TestIndexIsRandomEvenNeverReusedAndKept(t *testing.T) {
	t.Parallel()
	x := statuslist.NewIndex()
	seen := map[int]bool{}
	ascending := true
	prev := -1
	for i := 0; i < 40000; i++ {
		n, err := x.Assign(fmt.Sprint("N", i))
		require.NoError(t, err)
		require.Zero(t, n%2)
		require.False(t, seen[n], "index %d given twice", n)
		require.Less(t, n, statuslist.MaxBits)
		seen[n] = true
		if n < prev {
			ascending = false
		}
		prev = n
	}
	assert.False(t, ascending, "not in issue order")
	again, err := x.Assign("N7")
	require.NoError(t, err)
	first, _ := x.Lookup("N7")
	assert.Equal(t, first, again, "a certificate keeps its index")
	_, err = x.Assign("")
	assert.ErrorIs(t, err, statuslist.ErrBuild)

	b, err := json.Marshal(x)
	require.NoError(t, err)
	var y statuslist.Index
	require.NoError(t, json.Unmarshal(b, &y))
	assert.Equal(t, x.Len(), y.Len())
	n, ok := y.Lookup("N39999")
	m, _ := x.Lookup("N39999")
	assert.True(t, ok)
	assert.Equal(t, m, n)
	fresh, err := y.Assign("new")
	require.NoError(t, err)
	assert.False(t, seen[fresh], "a reloaded index does not give a used place")

	for name, bad := range map[string]string{
		"odd":          `{"A":3}`,
		"negative":     `{"A":-2}`,
		"beyond":       `{"A":16777216}`,
		"shared":       `{"A":2,"B":2}`,
		"repeated":     `{"A":2,"A":4}`,
		"empty number": `{"":2}`,
		"not a map":    `[2]`,
	} {
		var z statuslist.Index
		assert.ErrorIs(t, z.UnmarshalJSON([]byte(bad)), statuslist.ErrMalformed, name)
	}
}

// TestBuildRefusesWhatTheRegisterDoesNotKnow: an indexed certificate the
// register does not know stops the build; a list must not call it valid.
// Publication details are required.
func TestBuildRefusesWhatTheRegisterDoesNotKnow(t *testing.T) {
	t.Parallel()
	m, x := fixture(t)
	_, err := x.Assign("JXGE-SYN-GONE")
	require.NoError(t, err)
	_, err = statuslist.Build(m, x, cred(day(2026, 7, 1), day(2026, 7, 2)))
	require.ErrorIs(t, err, statuslist.ErrBuild)
	assert.Contains(t, i18n.Error(err, language.Chinese), "JXGE-SYN-GONE")
	var nilRegistry *certification.Registry
	_, err = statuslist.Build(nilRegistry, x, cred(day(2026, 7, 1), day(2026, 7, 2)))
	assert.ErrorIs(t, err, statuslist.ErrBuild, "a typed nil register knows nothing and does not panic")

	m2, x2 := fixture(t)
	for name, c := range map[string]statuslist.Credential{
		"no id":         {Issuer: "https://b.example", ValidFrom: day(2026, 7, 1), ValidUntil: day(2026, 7, 2)},
		"relative id":   {ID: "status/1", Issuer: "https://b.example", ValidFrom: day(2026, 7, 1), ValidUntil: day(2026, 7, 2)},
		"no issuer":     {ID: listURL, ValidFrom: day(2026, 7, 1), ValidUntil: day(2026, 7, 2)},
		"no window":     {ID: listURL, Issuer: "https://b.example"},
		"empty window":  {ID: listURL, Issuer: "https://b.example", ValidFrom: day(2026, 7, 1), ValidUntil: day(2026, 7, 1)},
		"backward":      {ID: listURL, Issuer: "https://b.example", ValidFrom: day(2026, 7, 2), ValidUntil: day(2026, 7, 1)},
		"sub-second":    {ID: listURL, Issuer: "https://b.example", ValidFrom: day(2026, 7, 1), ValidUntil: day(2026, 7, 1).Add(time.Millisecond)},
		"space in URL ": {ID: listURL + " x", Issuer: "https://b.example", ValidFrom: day(2026, 7, 1), ValidUntil: day(2026, 7, 2)},
	} {
		_, err := statuslist.Build(m2, x2, c)
		assert.ErrorIs(t, err, statuslist.ErrBuild, name)
	}
	l, err := statuslist.Build(m2, x2, cred(day(2026, 7, 1), day(2026, 7, 2)))
	require.NoError(t, err)
	_, err = l.Sign(brandKey[:63])
	assert.ErrorIs(t, err, statuslist.ErrBuild)
}

// TestStatusAtRefusesOutsideTheWindowAndTheList.
func TestStatusAtRefusesOutsideTheWindowAndTheList(t *testing.T) {
	t.Parallel()
	published, _ := signedList(t)
	l, err := statuslist.Parse(published, pub(brandKey))
	require.NoError(t, err)
	for _, tc := range []struct {
		index int
		at    time.Time
		err   error
	}{
		{0, day(2026, 7, 2), statuslist.ErrExpired},
		{0, day(2026, 6, 30), statuslist.ErrNotYetValid},
		{0, time.Time{}, statuslist.ErrNotYetValid},
		{-2, day(2026, 7, 1), statuslist.ErrIndex},
		{l.Bits(), day(2026, 7, 1), statuslist.ErrIndex},
	} {
		_, err := l.StatusAt(tc.index, tc.at)
		assert.ErrorIs(t, err, tc.err, "%+v", tc)
	}
	_, err = l.StatusAt(l.Bits()-2, day(2026, 7, 1))
	assert.NoError(t, err, "the last certificate's place")
}

// FuzzParse: Parse never panics and never accepts what it cannot read
// back; whatever it accepts answers StatusAt for every index without
// panicking. Seeds: a good list, and the hostile shapes of the tests.
func FuzzParse(f *testing.F) {
	published, _ := signedList(f)
	f.Add(published)
	parts := strings.Split(string(published), ".")
	f.Add([]byte(parts[0] + "." + parts[1] + "."))
	f.Add([]byte(parts[0] + ".." + parts[2]))
	f.Add(published[:len(published)/2])
	f.Add([]byte("..."))
	f.Add([]byte("e30.e30.AAAA"))
	f.Fuzz(func(t *testing.T, b []byte) {
		l, err := statuslist.Parse(b, pub(brandKey))
		if err != nil {
			assert.NotEmpty(t, i18n.Error(err, language.Chinese))
			return
		}
		require.GreaterOrEqual(t, l.Bits(), statuslist.MinBits)
		require.LessOrEqual(t, l.Bits(), statuslist.MaxBits)
		at := l.Credential().ValidFrom
		for _, i := range []int{0, 1, l.Bits() - 1, l.Bits()} {
			_, _ = l.StatusAt(i, at)
		}
	})
}

// FuzzParseEncodedList: a trusted signature over a hostile encodedList
// never panics and never yields a bitstring outside the bounds.
func FuzzParseEncodedList(f *testing.F) {
	z := func(n int) []byte {
		var b bytes.Buffer
		w := gzip.NewWriter(&b)
		_, _ = w.Write(make([]byte, n))
		_ = w.Close()
		return b.Bytes()
	}
	f.Add(z(statuslist.MinBits / 8))
	f.Add(z(statuslist.MinBits/8 - 1))
	f.Add(z(1 << 22))
	f.Add([]byte{0x1f, 0x8b})
	f.Fuzz(func(t *testing.T, list []byte) {
		payload, _ := json.Marshal(map[string]any{
			"@context": []string{"https://www.w3.org/ns/credentials/v2"}, "id": listURL,
			"type": []string{"VerifiableCredential", "BitstringStatusListCredential"}, "issuer": "https://brand.example",
			"validFrom": "2026-06-30T16:00:00Z", "validUntil": "2026-07-01T16:00:00Z",
			"credentialSubject": map[string]any{"id": listURL + "#list", "type": "BitstringStatusList",
				"statusPurpose": []string{"revocation", "suspension"}, "encodedList": "u" + base64.RawURLEncoding.EncodeToString(list)},
		})
		msg := base64.RawURLEncoding.EncodeToString([]byte(`{"alg":"EdDSA","typ":"vc+jwt","cty":"vc"}`)) + "." + base64.RawURLEncoding.EncodeToString(payload)
		jws := msg + "." + base64.RawURLEncoding.EncodeToString(ed25519.Sign(brandKey, []byte(msg)))
		l, err := statuslist.Parse([]byte(jws), pub(brandKey))
		if err != nil {
			require.ErrorIs(t, err, statuslist.ErrMalformed)
			return
		}
		require.GreaterOrEqual(t, l.Bits(), statuslist.MinBits)
		require.LessOrEqual(t, l.Bits(), statuslist.MaxBits)
	})
}

// big is 100,000 certificates, one in fifty revoked and one in a hundred
// suspended, with their index.
func big(b *testing.B) (mapLookup, *statuslist.Index) {
	m := make(mapLookup, 100000)
	x := statuslist.NewIndex()
	for i := 0; i < 100000; i++ {
		c := certificate(i)
		switch {
		case i%50 == 0:
			_ = c.Revoke(day(2026, 6, 1), "合成")
		case i%100 == 1:
			_ = c.Suspend(day(2026, 6, 1), "合成")
		}
		m[c.Number] = c
		if _, err := x.Assign(c.Number); err != nil {
			b.Fatal(err)
		}
	}
	return m, x
}

func BenchmarkBuild100k(b *testing.B) {
	m, x := big(b)
	b.ReportAllocs()
	for b.Loop() {
		l, err := statuslist.Build(m, x, cred(day(2026, 7, 1), day(2026, 7, 2)))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := l.Sign(brandKey); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParse100k(b *testing.B) {
	m, x := big(b)
	l, err := statuslist.Build(m, x, cred(day(2026, 7, 1), day(2026, 7, 2)))
	if err != nil {
		b.Fatal(err)
	}
	published, err := l.Sign(brandKey)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := statuslist.Parse(published, pub(brandKey)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(published)), "published-bytes")
}

func BenchmarkStatusAt(b *testing.B) {
	published, x := signedList(b)
	l, err := statuslist.Parse(published, pub(brandKey))
	if err != nil {
		b.Fatal(err)
	}
	n, _ := x.Lookup(certificate(1).Number)
	at := day(2026, 7, 1).Add(time.Hour)
	b.ReportAllocs()
	for b.Loop() {
		if st, err := l.StatusAt(n, at); err != nil || st != certification.Revoked {
			b.Fatal(st, err)
		}
	}
}

// TestGzipBombCostsAtMostTheBound: 64 MiB of zeros in about 64 KiB of
// GZIP, under a trusted signature, is refused having allocated about 3 MiB
// not 64. (Not parallel: it reads the allocation counter.)
func TestGzipBombCostsAtMostTheBound(t *testing.T) {
	var z bytes.Buffer
	w := gzip.NewWriter(&z)
	_, _ = w.Write(make([]byte, 64<<20))
	_ = w.Close()
	payload, _ := json.Marshal(map[string]any{
		"@context": []string{"https://www.w3.org/ns/credentials/v2"}, "id": listURL,
		"type": []string{"VerifiableCredential", "BitstringStatusListCredential"}, "issuer": "https://brand.example",
		"validFrom": "2026-06-30T16:00:00Z", "validUntil": "2026-07-01T16:00:00Z",
		"credentialSubject": map[string]any{"id": listURL + "#list", "type": "BitstringStatusList",
			"statusPurpose": []string{"revocation", "suspension"}, "encodedList": "u" + base64.RawURLEncoding.EncodeToString(z.Bytes())},
	})
	msg := base64.RawURLEncoding.EncodeToString([]byte(`{"alg":"EdDSA","typ":"vc+jwt","cty":"vc"}`)) + "." + base64.RawURLEncoding.EncodeToString(payload)
	jws := []byte(msg + "." + base64.RawURLEncoding.EncodeToString(ed25519.Sign(brandKey, []byte(msg))))
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := statuslist.Parse(jws, pub(brandKey))
	runtime.ReadMemStats(&after)
	require.ErrorIs(t, err, statuslist.ErrMalformed)
	allocated := after.TotalAlloc - before.TotalAlloc
	t.Logf("allocated %d bytes", allocated)
	assert.Less(t, allocated, uint64(8<<20), "allocated %d bytes", allocated)
}

// TestEveryErrorSpeaksBothLanguages renders every sentinel and reason of
// the package in Chinese and English.
func TestEveryErrorSpeaksBothLanguages(t *testing.T) {
	t.Parallel()
	for _, s := range []*i18n.Sentinel{statuslist.ErrMalformed, statuslist.ErrUntrusted, statuslist.ErrExpired,
		statuslist.ErrNotYetValid, statuslist.ErrIndex, statuslist.ErrBuild} {
		zh, en, ok := i18n.Texts(s.Code())
		require.True(t, ok, s.Code())
		assert.NotEqual(t, zh, en, s.Code())
	}
	n := 0
	for _, k := range i18n.Keys() {
		if !strings.HasPrefix(k, "statuslist.") {
			continue
		}
		n++
		zh, en, _ := i18n.Texts(k)
		assert.NotEmpty(t, zh, k)
		assert.NotEqual(t, zh, en, k)
	}
	assert.GreaterOrEqual(t, n, 6+18, "the sentinels and every reason")
}

// TestBuildRefusesARegisterThatAnswersWithAnotherCertificate: a register
// that matches loosely (a SQL LIKE, a prefix search) or mixes schemes
// (a partner's certificate with the same number) must not answer for a
// revoked certificate with a valid one: the brand-signed list would call
// the revoked certificate valid to every offline scanner. Found by the
// review of issue 13. The same number in another spelling (case, width,
// spaces), as a folding register returns it, is the same certificate.
func TestBuildRefusesARegisterThatAnswersWithAnotherCertificate(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		answer func(asked certification.Certificate) certification.Certificate
		ok     bool
	}{
		"another number": {answer: func(certification.Certificate) certification.Certificate {
			return certificate(9) // valid
		}},
		"another scheme": {answer: func(asked certification.Certificate) certification.Certificate {
			other := certificate(9)
			other.Number, other.Scheme = asked.Number, brand.Shenzhen
			return other
		}},
		"a number that only starts alike": {answer: func(asked certification.Certificate) certification.Certificate {
			other := certificate(9)
			other.Number = asked.Number + "0"
			return other
		}},
		"the same number in lower case": {ok: true, answer: func(asked certification.Certificate) certification.Certificate {
			asked.Number = strings.ToLower(asked.Number)
			return asked
		}},
	} {
		t.Run(name, func(t *testing.T) {
			m, x := fixture(t)
			revoked := certificate(1)
			lying := mapLookup{}
			for n, c := range m {
				lying[n] = c
			}
			lying[revoked.Number] = tc.answer(m[revoked.Number])
			require.Equal(t, certification.Revoked, m[revoked.Number].StatusAt(day(2026, 7, 1)))

			l, err := statuslist.Build(lying, x, cred(day(2026, 7, 1), day(2026, 7, 2)))
			if tc.ok {
				require.NoError(t, err)
				i, _ := x.Lookup(revoked.Number)
				st, err := l.StatusAt(i, day(2026, 7, 1))
				require.NoError(t, err)
				assert.Equal(t, certification.Revoked, st)
				return
			}
			require.ErrorIs(t, err, statuslist.ErrBuild)
			zh, en := i18n.Error(err, language.Chinese), i18n.Error(err, language.English)
			assert.Contains(t, zh, revoked.Number)
			assert.Contains(t, en, "another certificate")
		})
	}
}

// ctxLookup is a certification.ContextLookup whose Get fails with err.
type ctxLookup struct {
	mapLookup
	err error
}

func (c ctxLookup) Get(_ context.Context, n string) (certification.Certificate, error) {
	if c.err != nil {
		return certification.Certificate{}, c.err
	}
	if x, ok := c.mapLookup[n]; ok {
		return x, nil
	}
	return certification.Certificate{}, certification.ErrNotFound
}

// TestBuildRefusesARegisterThatCannotAnswer: a register that fails (a
// database that is down) makes no list, and says so: not "unknown
// certificate".
func TestBuildRefusesARegisterThatCannotAnswer(t *testing.T) {
	t.Parallel()
	m, x := fixture(t)
	_, err := statuslist.Build(ctxLookup{m, nil}, x, cred(day(2026, 7, 1), day(2026, 7, 2)))
	require.NoError(t, err, "a register that answers")
	_, err = statuslist.Build(ctxLookup{m, errors.New("synthetic: database is closed")}, x, cred(day(2026, 7, 1), day(2026, 7, 2)))
	require.ErrorIs(t, err, statuslist.ErrBuild)
	var e *statuslist.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "register", e.Reason)
}

// TestBuildSetsTheRevocationBitOfAnExpiredCertificate: a code can state a
// later end than its certificate has now (a renewal recorded by mistake,
// then retracted), so an expired certificate is "no longer valid" in the
// list, as revoked and cancelled ones are; a certificate not yet in force
// is not.
func TestBuildSetsTheRevocationBitOfAnExpiredCertificate(t *testing.T) {
	t.Parallel()
	m, x := fixture(t)
	at := day(2029, 2, 1) // after every fixture certificate's end
	l, err := statuslist.Build(m, x, cred(at, at.Add(24*time.Hour)))
	require.NoError(t, err)
	n, _ := x.Lookup(certificate(0).Number)
	require.Equal(t, certification.Expired, m[certificate(0).Number].StatusAt(at), "the fixture")
	st, err := l.StatusAt(n, at)
	require.NoError(t, err)
	assert.Equal(t, certification.Revoked, st, "an expired certificate is no longer valid")
	// Not yet in force: no bit.
	early := day(2025, 12, 1)
	l, err = statuslist.Build(m, x, cred(early, early.Add(time.Hour)))
	require.NoError(t, err)
	st, err = l.StatusAt(n, early)
	require.NoError(t, err)
	assert.Equal(t, certification.Valid, st)
}

// TestStatusListWithAnEnormousWindowIsRefused: a list valid for years
// would let whoever kept a copy from before a revocation replay it to
// offline verifiers for years. Build refuses a window longer than
// MaxWindow (Parse too: TestParseRefusesWhatIsNotOurJWS); a window of
// exactly MaxWindow is built. Found by the review of issue 13.
func TestStatusListWithAnEnormousWindowIsRefused(t *testing.T) {
	t.Parallel()
	m, x := fixture(t)
	from := day(2026, 7, 1)
	for _, tc := range []struct {
		until time.Time
		ok    bool
	}{
		{from.AddDate(10, 0, 0), false},
		{from.AddDate(1, 0, 1), false},
		{from.Add(statuslist.MaxWindow + time.Second), false},
		{from.Add(statuslist.MaxWindow), true},
	} {
		l, err := statuslist.Build(m, x, cred(from, tc.until))
		if tc.ok {
			require.NoError(t, err, tc.until)
			b, err := l.Sign(brandKey)
			require.NoError(t, err)
			_, err = statuslist.Parse(b, pub(brandKey))
			assert.NoError(t, err, "Parse accepts what Build writes")
			continue
		}
		require.ErrorIs(t, err, statuslist.ErrBuild, tc.until)
		assert.Contains(t, i18n.Error(err, language.Chinese), "7 天")
		assert.Contains(t, i18n.Error(err, language.English), "7 days")
	}
}

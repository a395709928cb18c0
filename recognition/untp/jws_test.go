package untp_test

import (
	"crypto/ed25519"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"os"
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
	"github.com/jxgreen/jxgreen/recognition"
	"github.com/jxgreen/jxgreen/recognition/internal/schema"
	"github.com/jxgreen/jxgreen/recognition/untp"
	"github.com/jxgreen/jxgreen/standard"
)

var b64 = base64.RawURLEncoding

// signedFixture is a brand with one valid certificate, its signed
// credential and a verifier that trusts the brand's key and reads its list.
func signedFixture(t *testing.T) (*brandFixture, certification.Certificate, []byte, *untp.Verifier) {
	t.Helper()
	b := newBrand()
	c := ourCertificate(t, "JXGE-SYN-JWS-1")
	b.add(t, c)
	token, err := b.issuer.Sign(recordOf(c, certification.Valid), b.key)
	require.NoError(t, err)
	return b, c, token, b.verifier(t, checkDay)
}

// part returns the decoded part i of a compact JWS.
func part(t *testing.T, token []byte, i int) []byte {
	t.Helper()
	raw, err := b64.DecodeString(strings.Split(string(token), ".")[i])
	require.NoError(t, err)
	return raw
}

// Issue 13, "Our certificates are issued as UNTP Digital Conformity
// Credentials secured with VC-JOSE-COSE ... carrying the status-list
// entry": Sign writes a compact JWS (alg EdDSA, typ vc+jwt, cty vc, kid
// the key's thumbprint) whose payload is a DCC the schema admits, with the
// revocation entry of the certificate's place in the brand's list; an
// independent JOSE library (go-jose) verifies it with the public key.
func TestSignWritesVCJOSECOSECredentialWithStatusEntry(t *testing.T) {
	b, c, token, _ := signedFixture(t)
	assert.Equal(t, 2, strings.Count(string(token), "."), "compact serialization")
	var h map[string]any
	require.NoError(t, json.Unmarshal(part(t, token, 0), &h))
	assert.Equal(t, map[string]any{"alg": "EdDSA", "typ": "vc+jwt", "cty": "vc", "kid": untp.KeyID(pub(b.key))}, h)
	assert.Equal(t, statuslist.Thumbprint(pub(b.key)), untp.KeyID(pub(b.key)), "the same kid as the brand's status lists")

	payload := part(t, token, 1)
	v, err := schema.MustCompile("untp", registered.Schema()).Parse(payload)
	require.NoError(t, err)
	require.NoError(t, schema.MustCompile("untp", registered.Schema()).ValidateValue(v))
	var cred struct {
		Type             []string       `json:"type"`
		CredentialStatus map[string]any `json:"credentialStatus"`
	}
	dec := json.NewDecoder(strings.NewReader(string(payload)))
	dec.UseNumber()
	require.NoError(t, dec.Decode(&cred))
	assert.Contains(t, cred.Type, "DigitalConformityCredential")
	n, _ := b.issuer.Index().Lookup(c.Number)
	want := statuslist.Entries(listURL, n)[0]
	assert.Equal(t, want.StatusPurpose, cred.CredentialStatus["statusPurpose"])
	assert.Equal(t, want.StatusListCredential, cred.CredentialStatus["statusListCredential"])
	assert.Equal(t, json.Number(want.StatusListIndex), cred.CredentialStatus["statusListIndex"], "an integer, as UNTP 0.7.0 types it")

	obj, err := jose.ParseSignedCompact(string(token), []jose.SignatureAlgorithm{jose.EdDSA})
	require.NoError(t, err)
	got, err := obj.Verify(pub(b.key))
	require.NoError(t, err)
	assert.Equal(t, payload, got)
	_, err = obj.Verify(pub(strangerKey))
	assert.Error(t, err)

	// A key that is not a consistent Ed25519 private key signs nothing.
	for _, bad := range []ed25519.PrivateKey{nil, make(ed25519.PrivateKey, ed25519.PrivateKeySize), brandKey[:32]} {
		_, err := b.issuer.Sign(recordOf(c, certification.Valid), bad)
		require.ErrorIs(t, err, recognition.ErrEncode)
	}

	// The payload validates against the official UNTP schema when CI
	// provides it.
	if os.Getenv(officialSchemaEnv) != "" {
		official := compileOfficial(t)
		assert.NoError(t, official.Validate(v))
	}
}

// forge returns a compact JWS with the given header and payload, signed
// by key (nil: the signature given).
func forge(header map[string]any, payload []byte, key ed25519.PrivateKey, sig []byte) []byte {
	h, _ := json.Marshal(header)
	in := b64.EncodeToString(h) + "." + b64.EncodeToString(payload)
	if key != nil {
		sig = ed25519.Sign(key, []byte(in))
	}
	return []byte(in + "." + b64.EncodeToString(sig))
}

// Issue 13, "A verifier checks the signature against trusted issuer keys
// ... unknown kid, wrong alg (none, HS256 with the public key as secret),
// altered payload, expired or not-yet-valid credential, a JWS with two
// signatures or JSON serialization tricks, oversize token — all refused
// with sentinel errors and both-language messages".
func TestVerifierRefusesForgedAndOutOfWindowCredentials(t *testing.T) {
	b, c, token, v := signedFixture(t)
	kid := untp.KeyID(pub(b.key))
	payload := part(t, token, 1)
	hdr := func(extra map[string]any) map[string]any {
		h := map[string]any{"alg": "EdDSA", "typ": "vc+jwt", "cty": "vc", "kid": kid}
		for k, x := range extra {
			if x == nil {
				delete(h, k)
			} else {
				h[k] = x
			}
		}
		return h
	}
	parts := strings.Split(string(token), ".")

	// HS256 keyed with the public key: the classic confusion.
	hs := func() []byte {
		h, _ := json.Marshal(hdr(map[string]any{"alg": "HS256"}))
		in := b64.EncodeToString(h) + "." + b64.EncodeToString(payload)
		m := hmac.New(sha256.New, pub(b.key))
		m.Write([]byte(in))
		return []byte(in + "." + b64.EncodeToString(m.Sum(nil)))
	}()
	// Two signatures, general JSON serialization (go-jose writes it).
	multi, err := jose.NewMultiSigner([]jose.SigningKey{
		{Algorithm: jose.EdDSA, Key: jose.JSONWebKey{Key: b.key, KeyID: kid}},
		{Algorithm: jose.EdDSA, Key: jose.JSONWebKey{Key: strangerKey, KeyID: untp.KeyID(pub(strangerKey))}},
	}, (&jose.SignerOptions{}).WithType("vc+jwt").WithContentType("vc"))
	require.NoError(t, err)
	two, err := multi.Sign(payload)
	require.NoError(t, err)
	general := two.FullSerialize()
	flattened := `{"protected":"` + parts[0] + `","payload":"` + parts[1] + `","signature":"` + parts[2] + `"}`

	altered := strings.Replace(string(payload), `:jxgreen:JXGE-SYN-JWS-1"`, `:jxgreen:JXGE-SYN-JWS-2"`, 1)
	require.NotEqual(t, string(payload), altered)

	expiredRec := recordOf(c, certification.Valid)
	expiredRec.Expires = checkDay.Add(-24 * time.Hour)
	expired, err := b.issuer.Sign(expiredRec, b.key)
	require.NoError(t, err)

	// A signature of small order: an all-zero key is never trusted.
	zeroKeys := untp.KeySet{"zero": make(ed25519.PublicKey, ed25519.PublicKeySize)}

	for _, tc := range []struct {
		name  string
		token []byte
		at    time.Time
		v     *untp.Verifier
		want  error
	}{
		{"unknown kid", forge(hdr(map[string]any{"kid": "not-a-trusted-key"}), payload, b.key, nil), checkDay, v, untp.ErrUnknownKey},
		{"no kid", forge(hdr(map[string]any{"kid": nil}), payload, b.key, nil), checkDay, v, untp.ErrUnknownKey},
		{"signed by a stranger under our kid", forge(hdr(nil), payload, strangerKey, nil), checkDay, v, untp.ErrSignature},
		{"stranger's own kid", forge(hdr(map[string]any{"kid": untp.KeyID(pub(strangerKey))}), payload, strangerKey, nil), checkDay, v, untp.ErrUnknownKey},
		{"alg none", []byte(b64.EncodeToString(mustJSON(hdr(map[string]any{"alg": "none"}))) + "." + parts[1] + "."), checkDay, v, untp.ErrAlgorithm},
		{"alg HS256 keyed with the public key", hs, checkDay, v, untp.ErrAlgorithm},
		{"alg RS256", forge(hdr(map[string]any{"alg": "RS256"}), payload, b.key, nil), checkDay, v, untp.ErrAlgorithm},
		{"alg eddsa lower case", forge(hdr(map[string]any{"alg": "eddsa"}), payload, b.key, nil), checkDay, v, untp.ErrAlgorithm},
		{"altered payload", []byte(parts[0] + "." + b64.EncodeToString([]byte(altered)) + "." + parts[2]), checkDay, v, untp.ErrSignature},
		{"altered header", forge(hdr(map[string]any{"cty": "application/vc"}), payload, nil, part(t, token, 2)), checkDay, v, untp.ErrSignature},
		{"signature of another credential", []byte(parts[0] + "." + parts[1] + "." + strings.Split(string(expired), ".")[2]), checkDay, v, untp.ErrSignature},
		{"truncated signature", []byte(parts[0] + "." + parts[1] + "." + parts[2][:20]), checkDay, v, untp.ErrMalformed},
		{"expired", expired, checkDay, v, untp.ErrExpired},
		{"not yet valid", token, c.Issued.Add(-time.Hour), v, untp.ErrNotYetValid},
		{"two signatures (general JSON)", []byte(general), checkDay, v, untp.ErrSerialization},
		{"flattened JSON serialization", []byte(flattened), checkDay, v, untp.ErrSerialization},
		{"four parts (JWE-like)", []byte(string(token) + ".AAAA"), checkDay, v, untp.ErrMalformed},
		{"padding", []byte(parts[0] + "=." + parts[1] + "." + parts[2]), checkDay, v, untp.ErrMalformed},
		{"line break", []byte(parts[0] + "." + parts[1][:10] + "\n" + parts[1][10:] + "." + parts[2]), checkDay, v, untp.ErrMalformed},
		{"standard base64", []byte(strings.NewReplacer("-", "+", "_", "/").Replace(string(token))), checkDay, v, untp.ErrMalformed},
		{"duplicate alg in header", []byte(b64.EncodeToString([]byte(`{"alg":"none","alg":"EdDSA","typ":"vc+jwt","kid":"`+kid+`"}`)) + "." + parts[1] + "." + parts[2]), checkDay, v, untp.ErrMalformed},
		{"header not an object", []byte(b64.EncodeToString([]byte(`["EdDSA"]`)) + "." + parts[1] + "." + parts[2]), checkDay, v, untp.ErrMalformed},
		{"typ JWT", forge(hdr(map[string]any{"typ": "JWT"}), payload, b.key, nil), checkDay, v, untp.ErrHeader},
		{"no typ", forge(hdr(map[string]any{"typ": nil}), payload, b.key, nil), checkDay, v, untp.ErrHeader},
		{"cty of a presentation", forge(hdr(map[string]any{"cty": "vp"}), payload, b.key, nil), checkDay, v, untp.ErrHeader},
		{"crit b64 false", forge(hdr(map[string]any{"crit": []string{"b64"}, "b64": false}), payload, b.key, nil), checkDay, v, untp.ErrHeader},
		{"embedded jwk", forge(hdr(map[string]any{"jwk": map[string]any{"kty": "OKP", "crv": "Ed25519", "x": b64.EncodeToString(pub(strangerKey))}}), payload, strangerKey, nil), checkDay, v, untp.ErrHeader},
		{"jku", forge(hdr(map[string]any{"jku": "https://attacker.example/keys"}), payload, strangerKey, nil), checkDay, v, untp.ErrHeader},
		{"oversize", []byte(strings.Repeat("A", untp.MaxTokenBytes+1)), checkDay, v, untp.ErrTooLarge},
		{"small-order key is never trusted", forge(hdr(map[string]any{"kid": "zero"}), payload, nil, make([]byte, 64)), checkDay, untp.NewVerifier(zeroKeys), untp.ErrUnknownKey},
		{"empty", nil, checkDay, v, untp.ErrMalformed},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec, err := tc.v.Verify(tc.token, tc.at)
			require.ErrorIs(t, err, tc.want)
			assert.Equal(t, recognition.Record{}, rec, "no half-filled record")
			var pe *untp.ProofError
			require.ErrorAs(t, err, &pe)
			zh, en := i18n.Error(err, language.Chinese), i18n.Error(err, language.English)
			assert.NotEqual(t, zh, en)
			assert.NotContains(t, zh+en, "%!")
			assert.NotContains(t, zh, "the ", "the Chinese message is Chinese")
		})
	}

	// The genuine token verifies, at the check date.
	rec, err := v.Verify(token, checkDay)
	require.NoError(t, err)
	assert.Equal(t, recognition.IntegrityChecked, rec.Integrity)
	assert.Equal(t, certification.Valid, rec.Status)
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

// Issue 13, "... and the status (through the status list when given)": a
// verifier reads the status in the lists it was given, at the time of the
// check; a list signed by another key is refused; a list past its window,
// or a credential pointing at a list it does not know, leaves the status
// unknown (never valid).
func TestVerifierChecksTheStatusThroughTheList(t *testing.T) {
	b, c, token, v := signedFixture(t)
	rec, err := v.Verify(token, checkDay)
	require.NoError(t, err)
	require.Equal(t, certification.Valid, rec.Status)

	require.NoError(t, b.reg.Update(c.Number, func(c *certification.Certificate) error {
		return c.Suspend(checkDay.Add(-48*time.Hour), "合成样例")
	}))
	v = b.verifier(t, checkDay)
	rec, err = v.Verify(token, checkDay)
	require.NoError(t, err)
	assert.Equal(t, certification.Suspended, rec.Status)

	// The list is good for 30 days: after that, the status is unknown.
	rec, err = v.Verify(token, checkDay.AddDate(0, 2, 0))
	require.NoError(t, err)
	assert.Equal(t, certification.Status(0), rec.Status)

	// A list signed by a key the verifier does not trust is refused.
	l, err := statuslist.Build(b.reg, b.issuer.Index(), statuslist.Credential{ID: listURL, Issuer: brandURL,
		ValidFrom: checkDay.Add(-time.Hour), ValidUntil: checkDay.AddDate(0, 0, 6)})
	require.NoError(t, err)
	forged, err := l.Sign(strangerKey)
	require.NoError(t, err)
	_, err = untp.NewVerifier(untp.KeySet{}.Add(pub(b.key))).WithStatusList(forged)
	require.ErrorIs(t, err, statuslist.ErrUntrusted)

	// A list that another trusted issuer signed under the brand's address
	// is not read for the brand's credentials (it could clear their bits).
	both := untp.KeySet{}.Add(pub(b.key)).Add(pub(strangerKey))
	impostor, err := untp.NewVerifier(both).WithStatusList(forged)
	require.NoError(t, err, "the stranger is trusted, for its own credentials")
	rec, err = impostor.Verify(token, checkDay)
	require.NoError(t, err)
	assert.Equal(t, certification.Status(0), rec.Status, "the stranger's list is not the brand's")
	genuine, err := untp.NewVerifier(both).WithStatusList(b.publish(t, checkDay))
	require.NoError(t, err)
	rec, err = genuine.Verify(token, checkDay)
	require.NoError(t, err)
	assert.Equal(t, certification.Suspended, rec.Status)

	// Without a list, the status is unknown: rejected.
	rec, err = untp.NewVerifier(untp.KeySet{}.Add(pub(b.key))).Verify(token, checkDay)
	require.NoError(t, err)
	assert.Equal(t, certification.Status(0), rec.Status)
	d := recognition.AgreementFor(v, rec).Check(rec, checkDay, recognition.WithLookup(b.reg))
	assert.NotEqual(t, recognition.Recognized, d.Outcome)
}

// Issue 13, "recognition treats a secured credential whose proof verifies
// as integrity-checked, and any other (a bare DCC JSON, a JWS whose key is
// unknown) as unverified: never recognised on its own word (a Reason says
// so; Decision outcome at most Conditional)".
func TestRecognitionTreatsOnlyVerifiedCredentialsAsIntegrityChecked(t *testing.T) {
	b, c, token, v := signedFixture(t)
	bare, err := b.issuer.Encode(recordOf(c, certification.Valid))
	require.NoError(t, err)
	stranger, err := untp.NewIssuer(listURL, b.issuer.Index()).Sign(recordOf(c, certification.Valid), strangerKey)
	require.NoError(t, err)
	quoted, _ := json.Marshal(string(token))

	for _, tc := range []struct {
		name      string
		a         recognition.Adapter
		native    []byte
		integrity recognition.Integrity
	}{
		{"signed, trusted key", v, token, recognition.IntegrityChecked},
		{"signed, as a JSON string", v, quoted, recognition.IntegrityChecked},
		{"bare DCC JSON", v, bare, recognition.IntegrityUnverified},
		{"signed by a key not trusted", v, stranger, recognition.IntegrityUnverified},
		{"signed, read by the registered adapter", registered, token, recognition.IntegrityUnverified},
		{"signed, read by an issuer", b.issuer, token, recognition.IntegrityUnverified},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec, err := tc.a.Decode(tc.native)
			require.NoError(t, err)
			assert.Equal(t, tc.integrity, rec.Integrity)
			// Same record, same registry: only the integrity differs.
			rec.Status = certification.Valid
			d := recognition.AgreementFor(tc.a, rec).Check(rec, checkDay, recognition.WithLookup(b.reg))
			if tc.integrity == recognition.IntegrityChecked {
				assert.Equal(t, recognition.Recognized, d.Outcome, "%v", d.Reasons)
				return
			}
			assert.Equal(t, recognition.Conditional, d.Outcome, "%v", d.Reasons)
			require.True(t, d.Has(recognition.ReasonIntegrityUnverified), "%v", d.Reasons)
			for _, r := range d.Reasons {
				if r.Code == recognition.ReasonIntegrityUnverified {
					assert.Contains(t, r.Message(language.Chinese), "签名")
					assert.Contains(t, r.Message(language.English), "trusted")
				}
			}
		})
	}

	// Through Decode, a forged signature under a trusted kid is an error,
	// not an unverified record: a DecodeError that unwraps to the
	// ProofError, in both languages.
	parts := strings.Split(string(token), ".")
	forged := forge(map[string]any{"alg": "EdDSA", "typ": "vc+jwt", "cty": "vc", "kid": untp.KeyID(pub(b.key))}, part(t, token, 1), strangerKey, nil)
	for _, bad := range [][]byte{forged, []byte(parts[0] + "." + parts[1] + "."), []byte(`"` + string(forged) + `"`)} {
		_, err := v.Decode(bad)
		require.Error(t, err)
		var de *recognition.DecodeError
		require.ErrorAs(t, err, &de)
		assert.Equal(t, "proof", de.Rule)
		assert.ErrorIs(t, err, recognition.ErrValue)
		var pe *untp.ProofError
		require.ErrorAs(t, err, &pe)
		zh := i18n.Error(err, language.Chinese)
		assert.Contains(t, zh, "签名")
		assert.NotEqual(t, zh, i18n.Error(err, language.English))
	}
}

// A set of trusted keys is a JWK Set of Ed25519 public keys: private
// keys, other key types, small-order keys, a kid twice and junk are
// refused with ErrKeySet, in both languages; a set written by MarshalJSON
// reads back the same.
func TestKeySetReadsOnlyEd25519PublicKeys(t *testing.T) {
	set := untp.KeySet{}.Add(pub(brandKey)).Add(pub(strangerKey))
	raw, err := json.Marshal(set)
	require.NoError(t, err)
	back, err := untp.ParseKeySet(raw)
	require.NoError(t, err)
	assert.Equal(t, set, back)

	x := b64.EncodeToString(pub(brandKey))
	zero := b64.EncodeToString(make([]byte, 32))
	for name, in := range map[string]string{
		"private key":  `{"keys":[{"kty":"OKP","crv":"Ed25519","x":"` + x + `","d":"` + b64.EncodeToString(brandKey.Seed()) + `"}]}`,
		"zero key":     `{"keys":[{"kty":"OKP","crv":"Ed25519","x":"` + zero + `"}]}`,
		"symmetric":    `{"keys":[{"kty":"oct","k":"` + x + `"}]}`,
		"kid twice":    `{"keys":[{"kty":"OKP","crv":"Ed25519","x":"` + x + `","kid":"a"},{"kty":"OKP","crv":"Ed25519","x":"` + b64.EncodeToString(pub(strangerKey)) + `","kid":"a"}]}`,
		"empty set":    `{"keys":[]}`,
		"not a set":    `[1,2]`,
		"keys twice":   `{"keys":[],"keys":[{"kty":"OKP","crv":"Ed25519","x":"` + x + `"}]}`,
		"X25519 curve": `{"keys":[{"kty":"OKP","crv":"X25519","x":"` + x + `"}]}`,
	} {
		t.Run(name, func(t *testing.T) {
			_, err := untp.ParseKeySet([]byte(in))
			require.ErrorIs(t, err, untp.ErrKeySet)
			assert.NotEqual(t, i18n.Error(err, language.Chinese), i18n.Error(err, language.English))
		})
	}
}

// FuzzVerify feeds the JWS path (Verify and Decode) with mutations of a
// genuine token and of forged ones: it never panics, every error is a
// ProofError or a DecodeError, and nothing but a genuine token verifies.
func FuzzVerify(f *testing.F) {
	// A fixed place, so that every fuzzing process signs the same token.
	idx := statuslist.NewIndex()
	require.NoError(f, idx.UnmarshalJSON([]byte(`{"JXGE-SYN-FUZZ-1":10}`)))
	b := &brandFixture{key: brandKey, reg: &certification.Registry{}, issuer: untp.NewIssuer(listURL, idx)}
	code, _ := creditcode.Complete("91360100MA9000099")
	rec := recognition.Record{Scheme: brand.JiangxiGreen, Number: "JXGE-SYN-FUZZ-1", Product: "狗牯脑茶",
		Holder: certification.Holder{Name: "合成样例茶业有限公司", Code: code}, Standards: []standard.Number{standard.MustParse("T/JGE 0041-2023")},
		Body: certification.Body{Name: "合成样例认证机构", Certifies: true}, Mode: certification.Type5,
		Issued: checkDay.AddDate(-1, 0, 0), Expires: checkDay.AddDate(2, 0, 0), Status: certification.Valid}
	genuine, err := b.issuer.Sign(rec, b.key)
	require.NoError(f, err)
	v := untp.NewVerifier(untp.KeySet{}.Add(pub(b.key)))
	parts := strings.Split(string(genuine), ".")
	f.Add(genuine)
	f.Add([]byte(`"` + string(genuine) + `"`))
	f.Add([]byte(parts[0] + "." + parts[1] + "."))
	payload, err := b64.DecodeString(parts[1])
	require.NoError(f, err)
	f.Add(forge(map[string]any{"alg": "none"}, payload, nil, nil))
	f.Add(forge(map[string]any{"alg": "EdDSA", "typ": "vc+jwt", "kid": "unknown"}, payload, strangerKey, nil))
	f.Add([]byte(`{"payload":"` + parts[1] + `","signatures":[{"protected":"` + parts[0] + `","signature":"` + parts[2] + `"}]}`))
	f.Add([]byte("a.b.c"))
	f.Add([]byte(".."))
	f.Fuzz(func(t *testing.T, token []byte) {
		r, err := v.Verify(token, checkDay)
		if err == nil {
			require.Equal(t, string(genuine), string(token), "only the genuine token verifies")
			require.Equal(t, recognition.IntegrityChecked, r.Integrity)
		} else {
			var pe *untp.ProofError
			var de *recognition.DecodeError
			require.True(t, errors.As(err, &pe) || errors.As(err, &de), "%T %v", err, err)
		}
		r, err = v.Decode(token)
		if err == nil && r.Integrity == recognition.IntegrityChecked {
			require.Contains(t, string(token), string(genuine), "only the genuine token is integrity-checked")
		}
		if err != nil {
			var de *recognition.DecodeError
			require.True(t, errors.As(err, &de), "%T %v", err, err)
		}
	})
}

package untp

import (
	"bytes"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"maps"
	"slices"
	"testing"

	jose "github.com/go-jose/go-jose/v4"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readJWSByJose is readJWS as it was before it verified the signature
// itself: go-jose parses the token again and verifies it. It is the
// reference FuzzReadJWSAgreesWithJose holds readJWS to.
func (v *Verifier) readJWSByJose(token []byte) ([]byte, string, error) {
	if len(token) > MaxTokenBytes {
		return nil, "", proofErr(ErrTooLarge, "", "size", MaxTokenBytes)
	}
	if t := bytes.TrimSpace(token); len(t) > 0 && t[0] == '{' {
		return nil, "", proofErr(ErrSerialization, "", "json-serialization")
	}
	parts := bytes.Split(token, []byte("."))
	if len(parts) != 3 {
		return nil, "", proofErr(ErrMalformed, "", "compact")
	}
	var raw [3][]byte
	for i, p := range parts {
		for _, c := range p {
			if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
				return nil, "", proofErr(ErrMalformed, "", "compact")
			}
		}
		b, err := base64.RawURLEncoding.Strict().DecodeString(string(p))
		if err != nil {
			return nil, "", proofErr(ErrMalformed, "", "compact")
		}
		raw[i] = b
	}
	if !uniqueObject(raw[0]) {
		return nil, "", proofErr(ErrMalformed, "/header", "header-json")
	}
	var h map[string]any
	if json.Unmarshal(raw[0], &h) != nil {
		return nil, "", proofErr(ErrMalformed, "/header", "header-json")
	}
	alg, _ := h["alg"].(string)
	if alg != Algorithm {
		return nil, "", proofErr(ErrAlgorithm, "/header/alg", "alg", alg)
	}
	if len(raw[1]) == 0 || len(raw[2]) != ed25519.SignatureSize {
		return nil, "", proofErr(ErrMalformed, "", "compact")
	}
	for _, k := range slices.Sorted(maps.Keys(h)) {
		if !allowedHeader[k] {
			return nil, "", proofErr(ErrHeader, "/header/"+k, "member", k)
		}
	}
	typ, _ := h["typ"].(string)
	if typ != HeaderType && typ != MediaType {
		return nil, "", proofErr(ErrHeader, "/header/typ", "typ", typ)
	}
	if c, present := h["cty"]; present {
		if cty, _ := c.(string); cty != ContentType && cty != "application/"+ContentType {
			return nil, "", proofErr(ErrHeader, "/header/cty", "cty", cty)
		}
	}
	kid, _ := h["kid"].(string)
	if kid == "" {
		return raw[1], "", proofErr(ErrUnknownKey, "/header/kid", "no-kid")
	}
	key, ok := v.keys[kid]
	if !ok {
		return raw[1], "", proofErr(ErrUnknownKey, "/header/kid", "kid", kid)
	}
	obj, err := jose.ParseSignedCompact(string(token), []jose.SignatureAlgorithm{jose.EdDSA})
	if err != nil || len(obj.Signatures) != 1 {
		return nil, "", proofErr(ErrMalformed, "", "compact")
	}
	out, err := obj.Verify(key)
	if err != nil || !bytes.Equal(out, raw[1]) {
		return nil, "", proofErr(ErrSignature, "", "signature", kid)
	}
	return out, kid, nil
}

// Keys of the tests, synthetic.
var (
	issuerKey = ed25519.NewKeyFromSeed([]byte("jxgreen synthetic untp issuer 01"))
	otherKey  = ed25519.NewKeyFromSeed([]byte("jxgreen synthetic untp stranger!"))
)

// signed writes a compact JWS of header and payload signed with key (none
// when nil), whatever the header says.
func signed(header string, payload []byte, key ed25519.PrivateKey) []byte {
	b64 := base64.RawURLEncoding
	input := b64.EncodeToString([]byte(header)) + "." + b64.EncodeToString(payload)
	sig := make([]byte, ed25519.SignatureSize)
	if key != nil {
		sig = ed25519.Sign(key, []byte(input))
	}
	return []byte(input + "." + b64.EncodeToString(sig))
}

// tokens are genuine and forged tokens over the synthetic credentials.
func tokens(tb testing.TB) [][]byte {
	kid := KeyID(issuerKey.Public().(ed25519.PublicKey))
	payload := []byte(baseCredential(tb))
	var out [][]byte
	for _, h := range []string{
		`{"alg":"EdDSA","kid":"` + kid + `","typ":"vc+jwt","cty":"vc"}`,
		`{"alg":"EdDSA","kid":"` + kid + `","typ":"application/vc+jwt"}`,
		`{"alg":"EdDSA","kid":"` + kid + `","typ":"vc+jwt","b64":false,"crit":["b64"]}`,
		`{"alg":"EdDSA","kid":"` + kid + `","typ":"vc+jwt","kid":"` + kid + `"}`,
		`{"alg":"EdDSA","k\u0069d":"` + kid + `","typ":"vc+jwt"}`,
		`{"alg":"EdDSA","kid":"unknown","typ":"vc+jwt"}`,
		`{"alg":"none","kid":"` + kid + `","typ":"vc+jwt"}`,
		`{"alg":"EdDSA","kid":"` + kid + `","typ":"JWT"}`,
		` {"alg":"EdDSA","kid":"` + kid + `","typ":"vc+jwt"} `,
		`{"alg":"EdDSA","kid":"` + kid + `","typ":"vc+jwt","x5c":["a","b"]}`,
		`{"alg":"EdDSA","kid":"` + kid + `","typ":"vc+jwt","jwk":{"kty":"OKP","kty":"EC"}}`,
		`{"alg":"EdDSA","kid":"` + kid + `","typ":"vc+jwt","n":1}`,
		`{"alg":"EdDSA","kid":"` + kid + `","typ":"vc+jwt","cty":null}`,
		"{\"alg\":\"EdDSA\",\"kid\":\"\xff\",\"typ\":\"vc+jwt\"}",
		`{}`, `[]`, `"EdDSA"`, `{"alg":"EdDSA"`,
	} {
		for _, key := range []ed25519.PrivateKey{issuerKey, otherKey, nil} {
			out = append(out, signed(h, payload, key))
		}
	}
	genuine := signed(`{"alg":"EdDSA","kid":"`+kid+`","typ":"vc+jwt","cty":"vc"}`, payload, issuerKey)
	altered := bytes.Clone(genuine)
	altered[len(altered)/2] ^= 1
	out = append(out, altered, genuine[:len(genuine)-1], append(bytes.Clone(genuine), '='))
	return out
}

// FuzzReadJWSAgreesWithJose holds readJWS, which verifies the Ed25519
// signature itself, to readJWSByJose, which has go-jose parse and verify
// the token: the same payload, kid and error for any token.
func FuzzReadJWSAgreesWithJose(f *testing.F) {
	for _, tok := range tokens(f) {
		f.Add(tok)
	}
	v := NewVerifier(KeySet{}.Add(issuerKey.Public().(ed25519.PublicKey)))
	f.Fuzz(func(t *testing.T, token []byte) {
		p1, k1, e1 := v.readJWS(token)
		p2, k2, e2 := v.readJWSByJose(token)
		require.Equal(t, p2, p1)
		require.Equal(t, k2, k1)
		require.Equal(t, e2, e1)
	})
}

// Issue 14, the signed path: readJWS verifies tokens as go-jose did, the
// genuine one and the forged ones alike.
func TestReadJWSAgreesWithJose(t *testing.T) {
	v := NewVerifier(KeySet{}.Add(issuerKey.Public().(ed25519.PublicKey)))
	verified := 0
	for _, tok := range tokens(t) {
		p1, k1, e1 := v.readJWS(tok)
		p2, k2, e2 := v.readJWSByJose(tok)
		require.Equal(t, p2, p1, "%s", tok)
		require.Equal(t, k2, k1, "%s", tok)
		require.Equal(t, e2, e1, "%s", tok)
		if e1 == nil {
			verified++
		}
	}
	// Signed by the issuer, with typ vc+jwt and cty vc, with typ
	// application/vc+jwt, with kid spelt with an escape, with white space
	// around the header: and no other.
	require.Equal(t, 4, verified, "the tokens signed by the issuer with a good header verify, and no other")
}

// TestTokenOfDotsIsRefusedWithoutSplittingItAll checks that a token of
// nothing but dots, as long as a token may be, is refused as malformed
// without a piece for each dot (6 MB of garbage a line before).
func TestTokenOfDotsIsRefusedWithoutSplittingItAll(t *testing.T) {
	v := NewVerifier(KeySet{}.Add(issuerKey.Public().(ed25519.PublicKey)))
	token := bytes.Repeat([]byte("."), MaxTokenBytes)
	var err error
	allocated := testing.Benchmark(func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_, _, err = v.readJWS(token)
		}
	}).AllocedBytesPerOp()
	require.ErrorIs(t, err, ErrMalformed)
	assert.Less(t, allocated, int64(4<<10), "bytes allocated to refuse a token of %d dots", len(token))
}

package untp

import (
	"bytes"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"maps"
	"slices"
	"time"

	"filippo.io/edwards25519"
	jose "github.com/go-jose/go-jose/v4"
	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/mark/statuslist"
	"github.com/jxgreen/jxgreen/recognition"
	"github.com/jxgreen/jxgreen/recognition/internal/jsonscan"
)

// The JOSE header of a credential secured with VC-JOSE-COSE, as [Issuer.Sign]
// writes it and a [Verifier] requires it.
const (
	// Algorithm is the only signature algorithm written or accepted.
	Algorithm = "EdDSA"
	// MediaType is the media type of a secured credential.
	MediaType = "application/vc+jwt"
	// HeaderType is the typ of the JOSE header (the media type without
	// its "application/" prefix, as RFC 7515 recommends).
	HeaderType = "vc+jwt"
	// ContentType is the cty of the JOSE header: the payload is a
	// credential (application/vc).
	ContentType = "vc"
	// MaxTokenBytes bounds a secured credential read: a credential the
	// schema admits is well under it.
	MaxTokenBytes = 256 << 10
)

// Sentinel errors of secured credentials. A [*ProofError] wraps one of
// them; when the credential was read through Decode, a
// [recognition.DecodeError] wraps the ProofError.
var (
	// ErrMalformed: not a compact JWS: not three base64url parts
	// (unpadded, without line breaks), or a header that is not one JSON
	// object with each member once.
	ErrMalformed = i18n.NewSentinel("untp.ErrMalformed", "不是格式正确的紧凑 JWS", "not a well-formed compact JWS")
	// ErrSerialization: a JWS in the JSON serialization (one signature or
	// several, flattened or general): only the compact serialization,
	// which has exactly one signature, is accepted.
	ErrSerialization = i18n.NewSentinel("untp.ErrSerialization", "只接受紧凑序列化（仅一个签名）的 JWS", "only a compact JWS (with exactly one signature) is accepted")
	// ErrTooLarge: the token is longer than [MaxTokenBytes].
	ErrTooLarge = i18n.NewSentinel("untp.ErrTooLarge", "签名凭证过大", "the secured credential is too large")
	// ErrAlgorithm: the header's alg is not EdDSA (none, HS256 keyed with
	// the public key, RS256, …).
	ErrAlgorithm = i18n.NewSentinel("untp.ErrAlgorithm", "签名算法不是 EdDSA", "the signature algorithm is not EdDSA")
	// ErrHeader: the header's typ or cty is not that of a credential, or
	// it has members a credential's header must not have (crit, an
	// embedded or referenced key: jwk, jku, x5c, x5u, …).
	ErrHeader = i18n.NewSentinel("untp.ErrHeader", "JWS 头部不符合 VC-JOSE-COSE 凭证的要求", "the JWS header is not that of a VC-JOSE-COSE credential")
	// ErrUnknownKey: the kid names no trusted key (or there is no kid).
	ErrUnknownKey = i18n.NewSentinel("untp.ErrUnknownKey", "签名密钥不在可信签发方密钥中", "the signing key is not a trusted issuer key")
	// ErrSignature: the signature does not verify with the key its kid
	// names: the credential was altered, or signed by another key.
	ErrSignature = i18n.NewSentinel("untp.ErrSignature", "签名验证失败：凭证被篡改或非该密钥签发", "the signature does not verify: the credential was altered or signed by another key")
	// ErrExpired: the credential's validUntil is at or before the time of
	// the check.
	ErrExpired = i18n.NewSentinel("untp.ErrExpired", "凭证已过有效期", "the credential has expired")
	// ErrNotYetValid: the credential's validFrom is after the time of the
	// check.
	ErrNotYetValid = i18n.NewSentinel("untp.ErrNotYetValid", "凭证尚未生效", "the credential is not yet valid")
	// ErrKeySet: a set of trusted keys cannot be read: not a JWK Set, a
	// key that is not a safe Ed25519 public key, a private key, a kid twice.
	ErrKeySet = i18n.NewSentinel("untp.ErrKeySet", "可信密钥集无法读取", "the set of trusted keys cannot be read")
)

func init() {
	i18n.Set("recognition.rule.proof", "签名（凭证完整性）无效", "invalid proof (the credential's integrity)")
	i18n.Table("untp.proof.", [][3]string{
		{"size", "签名凭证超过 %d 字节", "the secured credential is over %d bytes"},
		{"compact", "不是紧凑 JWS（三段无填充、无换行的 base64url，以“.”分隔）", "not a compact JWS (three parts of unpadded base64url, without line breaks, separated by dots)"},
		{"json-serialization", "JWS 采用 JSON 序列化：只接受紧凑序列化（仅一个签名）", "the JWS is in the JSON serialization: only the compact serialization (one signature) is accepted"},
		{"header-json", "JWS 头部不是 JSON 对象，或有重复的成员", "the JWS header is not a JSON object, or repeats a member"},
		{"alg", "签名算法为 %q，只接受 EdDSA", "the signature algorithm is %q; only EdDSA is accepted"},
		{"typ", "JWS 头部 typ 为 %q，应为 vc+jwt", "the JWS header's typ is %q, not vc+jwt"},
		{"cty", "JWS 头部 cty 为 %q，应为 vc", "the JWS header's cty is %q, not vc"},
		{"member", "JWS 头部不允许有成员 %q", "the JWS header must not have the member %q"},
		{"no-kid", "JWS 头部没有 kid，无法确定签发方密钥", "the JWS header has no kid naming the issuer's key"},
		{"kid", "密钥 %q 不在可信签发方密钥中", "the key %q is not a trusted issuer key"},
		{"signature", "用密钥 %q 验证签名失败：凭证被篡改或非该密钥签发", "the signature does not verify with the key %q: the credential was altered or signed by another key"},
		{"expired", "凭证有效期至 %s，已过期", "the credential was valid until %s and has expired"},
		{"pending", "凭证自 %s 起生效，尚未生效", "the credential is valid from %s, not yet"},
		{"keyset", "可信密钥集不是 JWK Set（RFC 7517）", "the trusted keys are not a JWK Set (RFC 7517)"},
		{"key", "可信密钥 %q 不是安全的 Ed25519 公钥", "the trusted key %q is not a safe Ed25519 public key"},
		{"private", "可信密钥 %q 含私钥：可信密钥集只应有公钥", "the trusted key %q holds a private key: a set of trusted keys holds public keys only"},
		{"dup-kid", "可信密钥集中 kid %q 出现两次", "the kid %q appears twice in the set of trusted keys"},
		{"sign-key", "签发私钥不是有效的 Ed25519 私钥", "the signing key is not a valid Ed25519 private key"},
	})
}

// ProofError says why a secured credential or a set of trusted keys was
// refused. It wraps one of the package's sentinels (errors.Is) and renders
// itself in Chinese and English ([i18n.Error]).
type ProofError struct {
	// Pointer is the JSON pointer of the member at fault in the JWS header
	// ("/header/alg") or the credential ("/validUntil"), when there is one.
	Pointer string
	// Reason is a stable code: "size", "compact", "json-serialization",
	// "header-json", "alg", "typ", "cty", "member", "no-kid", "kid",
	// "signature", "expired", "pending", "keyset", "key", "private",
	// "dup-kid", "sign-key".
	Reason string
	// Err is the sentinel.
	Err  error
	args []any
}

// Error returns the English message.
func (e *ProofError) Error() string { return "untp: " + e.Localize(i18n.English()) }

// Unwrap returns the sentinel.
func (e *ProofError) Unwrap() error { return e.Err }

// Localize describes the error in the language that best matches tag.
func (e *ProofError) Localize(tag language.Tag) string {
	return i18n.Sprintf(tag, "untp.proof."+e.Reason, e.args...)
}

func proofErr(err error, pointer, reason string, args ...any) *ProofError {
	return &ProofError{Pointer: pointer, Reason: reason, Err: err, args: args}
}

// KeyID returns the key id under which [Issuer.Sign] names an Ed25519 public
// key: its RFC 7638 JWK thumbprint, base64url without padding (the same
// kid the brand's status lists carry, [statuslist.Thumbprint]).
func KeyID(key ed25519.PublicKey) string { return statuslist.Thumbprint(key) }

// KeySet is a set of trusted issuer keys, by key id (kid). [ParseKeySet]
// reads one from a JWK Set; [KeySet.MarshalJSON] writes one.
type KeySet map[string]ed25519.PublicKey

// Add returns a copy of s with key trusted under its [KeyID].
func (s KeySet) Add(key ed25519.PublicKey) KeySet {
	out := maps.Clone(s)
	if out == nil {
		out = KeySet{}
	}
	out[KeyID(key)] = slices.Clone(key)
	return out
}

// MarshalJSON writes the set as a JWK Set (RFC 7517 §5) of OKP Ed25519
// public keys (RFC 8037), in kid order.
func (s KeySet) MarshalJSON() ([]byte, error) {
	set := jose.JSONWebKeySet{}
	for _, kid := range slices.Sorted(maps.Keys(s)) {
		set.Keys = append(set.Keys, jose.JSONWebKey{Key: s[kid], KeyID: kid, Algorithm: Algorithm, Use: "sig"})
	}
	return json.Marshal(set)
}

// ParseKeySet reads a JWK Set (RFC 7517 §5) of trusted issuer keys: OKP
// Ed25519 public keys (RFC 8037), each under its kid, or its [KeyID] when
// it has none. It refuses, with a [*ProofError] wrapping [ErrKeySet],
// anything that is not such a set, a key of another type or curve, a
// key that is not a safe Ed25519 public key (32 zero bytes and the other
// points of small order verify forged signatures), a private key (a trust
// file holds public keys only), a kid twice, and an empty set.
func ParseKeySet(jwks []byte) (KeySet, error) {
	if len(jwks) > MaxTokenBytes || !uniqueObject(jwks) {
		return nil, proofErr(ErrKeySet, "", "keyset")
	}
	var set jose.JSONWebKeySet
	if err := json.Unmarshal(jwks, &set); err != nil || len(set.Keys) == 0 {
		return nil, proofErr(ErrKeySet, "", "keyset")
	}
	out := KeySet{}
	for _, k := range set.Keys {
		var public ed25519.PublicKey
		switch key := k.Key.(type) {
		case ed25519.PublicKey:
			public = key
		case ed25519.PrivateKey:
			return nil, proofErr(ErrKeySet, "", "private", k.KeyID)
		default:
			return nil, proofErr(ErrKeySet, "", "key", k.KeyID)
		}
		if !safeKey(public) {
			return nil, proofErr(ErrKeySet, "", "key", k.KeyID)
		}
		kid := k.KeyID
		if kid == "" {
			kid = KeyID(public)
		}
		if _, dup := out[kid]; dup {
			return nil, proofErr(ErrKeySet, "", "dup-kid", kid)
		}
		out[kid] = slices.Clone(public)
	}
	return out, nil
}

// safeKey reports whether k is an Ed25519 public key that a forger cannot
// satisfy without the private key: a valid encoding of a point that is not
// of small order.
func safeKey(k ed25519.PublicKey) bool {
	if len(k) != ed25519.PublicKeySize {
		return false
	}
	p, err := new(edwards25519.Point).SetBytes(k)
	if err != nil {
		return false
	}
	return new(edwards25519.Point).MultByCofactor(p).Equal(edwards25519.NewIdentityPoint()) != 1
}

// Sign encodes r as [Issuer.Encode] does and secures the credential with
// VC-JOSE-COSE: a compact JWS (alg EdDSA, typ vc+jwt, cty vc, kid the
// [KeyID] of key's public key) whose payload is the credential JSON. The
// result is the body of an application/vc+jwt document.
func (a *Issuer) Sign(r recognition.Record, key ed25519.PrivateKey) ([]byte, error) {
	if len(key) != ed25519.PrivateKeySize || !safeKey(key.Public().(ed25519.PublicKey)) ||
		!bytes.Equal(ed25519.NewKeyFromSeed(key.Seed()), key) {
		return nil, proofErr(recognition.ErrEncode, "", "sign-key")
	}
	native, err := a.Encode(r)
	if err != nil {
		return nil, err
	}
	var payload bytes.Buffer
	if err := json.Compact(&payload, native); err != nil {
		return nil, err
	}
	jwk := jose.JSONWebKey{Key: key, KeyID: KeyID(key.Public().(ed25519.PublicKey)), Algorithm: Algorithm}
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.EdDSA, Key: jwk},
		(&jose.SignerOptions{}).WithType(HeaderType).WithContentType(ContentType))
	if err != nil {
		return nil, err
	}
	obj, err := signer.Sign(payload.Bytes())
	if err != nil {
		return nil, err
	}
	s, err := obj.CompactSerialize()
	return []byte(s), err
}

// Verifier reads credentials with their proof and their status: it checks
// a secured credential's signature against the issuer keys it trusts, and
// reads the status in the status lists it was given. It is also a
// [recognition.Adapter] for UNTP credentials (give it to
// [recognition.Checker].Adapters): its Decode marks a credential whose
// proof verifies [recognition.IntegrityChecked] and any other
// [recognition.IntegrityUnverified]. A Verifier is immutable and safe for
// concurrent use; its With methods return copies.
type Verifier struct {
	keys  KeySet
	lists map[string]signedList // by the list's URL
	at    time.Time
}

// signedList is a published status list and the kid of the trusted key
// that signed it.
type signedList struct {
	list *statuslist.List
	kid  string
}

// NewVerifier returns a verifier that trusts the keys of trusted (copied).
func NewVerifier(trusted KeySet) *Verifier {
	keys := KeySet{}
	for kid, k := range trusted {
		if safeKey(k) {
			keys[kid] = slices.Clone(k)
		}
	}
	return &Verifier{keys: keys}
}

func (v *Verifier) clone() *Verifier {
	c := *v
	c.lists = maps.Clone(v.lists)
	return &c
}

// WithStatusList returns a copy of the verifier that reads the status of
// credentials that point into the published list (as
// [statuslist.List.Sign] wrote it), which must be signed by one of the
// trusted keys. A signed credential's status is read only in a list signed
// by the same key as the credential, so that one trusted issuer cannot
// publish a list under another's address and clear its bits. It fails
// with the error of [statuslist.Parse] (statuslist.ErrUntrusted,
// statuslist.ErrMalformed).
func (v *Verifier) WithStatusList(published []byte) (*Verifier, error) {
	var kid string
	l, err := statuslist.Parse(published) // no key: malformed or untrusted
	for _, k := range slices.Sorted(maps.Keys(v.keys)) {
		l, err = statuslist.Parse(published, v.keys[k])
		if !errors.Is(err, statuslist.ErrUntrusted) {
			kid = k
			break
		}
	}
	if err != nil {
		return nil, err
	}
	c := v.clone()
	if c.lists == nil {
		c.lists = map[string]signedList{}
	}
	c.lists[l.Credential().ID] = signedList{list: l, kid: kid}
	return c, nil
}

// WithTime returns a copy of the verifier whose Decode reads status lists
// at t (the date a batch is judged on); the zero time, the default, means
// the time of each call.
func (v *Verifier) WithTime(t time.Time) *Verifier {
	c := v.clone()
	c.at = t
	return c
}

// Verify checks a secured credential at time at and returns its record,
// integrity-checked: the token must be a compact JWS no longer than
// [MaxTokenBytes] ([ErrTooLarge], [ErrSerialization], [ErrMalformed]),
// with alg EdDSA ([ErrAlgorithm]), typ vc+jwt, cty vc when present and no
// other header members than those and kid ([ErrHeader]), a kid that names
// a trusted key ([ErrUnknownKey]) and a signature that verifies with it
// ([ErrSignature]); its payload must be a DCC (a [recognition.DecodeError]
// otherwise), valid at at ([ErrExpired], [ErrNotYetValid]). The record's
// status is read, at at, in the status lists given to the verifier;
// unknown (0) when the credential points elsewhere or the list cannot
// answer at at. Every error but a DecodeError is a [*ProofError].
func (v *Verifier) Verify(token []byte, at time.Time) (recognition.Record, error) {
	payload, kid, err := v.checkJWS(token, true)
	if err != nil {
		return recognition.Record{}, err
	}
	r, err := v.decodePayload(payload, at, kid, false)
	if err != nil {
		return recognition.Record{}, err
	}
	switch {
	case at.Before(r.Issued):
		return recognition.Record{}, proofErr(ErrNotYetValid, "/validFrom", "pending", r.Issued.Format(time.RFC3339))
	case !r.Expires.IsZero() && !at.Before(r.Expires):
		return recognition.Record{}, proofErr(ErrExpired, "/validUntil", "expired", r.Expires.Format(time.RFC3339))
	}
	r.Integrity = recognition.IntegrityChecked
	return r, nil
}

// checkJWS checks a compact JWS and returns its payload and the kid of the
// trusted key that verified it. When requireKey is false, a token whose
// kid names no trusted key gives its payload with the error errUnverified.
func (v *Verifier) checkJWS(token []byte, requireKey bool) ([]byte, string, error) {
	payload, kid, err := v.readJWS(token)
	if err != nil && !requireKey && payload != nil && errors.Is(err, ErrUnknownKey) {
		return payload, "", errUnverified
	}
	return payload, kid, err
}

// errUnverified marks a payload read from a JWS whose key is not trusted.
var errUnverified = errors.New("untp: proof not verified")

// allowedHeader are the members a credential's JOSE header may have.
var allowedHeader = map[string]bool{"alg": true, "kid": true, "typ": true, "cty": true}

// strictBase64 is unpadded base64url that refuses the spellings with
// non-zero padding bits, so that each part of a token has one spelling.
var strictBase64 = base64.RawURLEncoding.Strict()

// readJWS parses a compact JWS, checks its header and, when its kid names
// a trusted key, its signature. It returns the payload (also when the
// only fault is ErrUnknownKey, for the caller to read unverified).
func (v *Verifier) readJWS(token []byte) ([]byte, string, error) {
	if len(token) > MaxTokenBytes {
		return nil, "", proofErr(ErrTooLarge, "", "size", MaxTokenBytes)
	}
	if t := bytes.TrimSpace(token); len(t) > 0 && t[0] == '{' {
		return nil, "", proofErr(ErrSerialization, "", "json-serialization")
	}
	// At most four pieces: a token of many dots is refused without a
	// slice header for each.
	parts := bytes.SplitN(token, []byte("."), 4)
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
		b := make([]byte, strictBase64.DecodedLen(len(p)))
		n, err := strictBase64.Decode(b, p)
		if err != nil {
			return nil, "", proofErr(ErrMalformed, "", "compact")
		}
		raw[i] = b[:n]
	}
	h, ok := headerOf(raw[0])
	if !ok {
		return nil, "", proofErr(ErrMalformed, "/header", "header-json")
	}
	// The algorithm first: "none" (with an empty signature) and HS256
	// are named as what they are.
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
	// The header is EdDSA's, with no member that changes what is signed
	// (no crit, no b64): the signature is Ed25519 (RFC 8037 §3.1) over
	// the token's first two parts as written (RFC 7515 §5.2), which strict
	// base64url spells one way only. go-jose verifies it so, after parsing
	// the token again (readJWSByJose, in the tests, is that reference).
	// (NewVerifier trusts only 32-byte keys; ed25519.Verify panics on others.)
	if len(key) != ed25519.PublicKeySize || !ed25519.Verify(key, token[:len(parts[0])+1+len(parts[1])], raw[2]) {
		return nil, "", proofErr(ErrSignature, "", "signature", kid)
	}
	return raw[1], kid, nil
}

// headerOf reads a JOSE header, which must be one JSON object with each
// member once (at any depth). A header of plain strings, as every signer
// writes one, is read by jsonscan.FlatMembers without encoding/json's
// tokenizer; any other by uniqueObject and encoding/json, to the same map.
func headerOf(b []byte) (map[string]any, bool) {
	if keys, values, ok := jsonscan.FlatMembers(b, false); ok {
		h := make(map[string]any, len(keys))
		for i, k := range keys {
			h[k] = values[i]
		}
		return h, true
	}
	if !uniqueObject(b) {
		return nil, false
	}
	var h map[string]any
	if json.Unmarshal(b, &h) != nil {
		return nil, false
	}
	return h, true
}

// Brand describes the format.
func (v *Verifier) Brand() brand.Brand { return dccScheme.Clone() }

// CarriesAnyScheme marks the verifier as a [recognition.Envelope].
func (v *Verifier) CarriesAnyScheme() {}

// Schema returns the JSON Schema jxgreen holds DCCs to.
func (v *Verifier) Schema() []byte { return append([]byte(nil), schemaJSON...) }

// Agreement returns the default terms for a record that arrives as a DCC.
func (v *Verifier) Agreement() recognition.Agreement { return recognition.DefaultAgreement(dccScheme) }

// Encode writes r as a DCC without credentialStatus, as the registered
// [Adapter] does.
func (v *Verifier) Encode(r recognition.Record) ([]byte, error) { return encode(r, "", nil) }

// Decode reads a credential: a secured one (a compact JWS, bare or as a
// JSON string, as an NDJSON line's "record" carries it) or a bare DCC
// JSON object. A secured credential whose kid names a trusted key must
// verify (a [recognition.DecodeError] wrapping the [*ProofError]
// otherwise) and is [recognition.IntegrityChecked]; one whose key is not
// trusted, and a bare DCC, decode as [recognition.IntegrityUnverified].
// The status is read in the verifier's lists at its time
// ([Verifier.WithTime]). Decode does not judge the credential's validity
// window: [recognition.Agreement.Check] does, at the date of the check.
func (v *Verifier) Decode(native []byte) (recognition.Record, error) { return v.decode(native, false) }

// DecodeBySchema is Decode with the compiled JSON Schema always run.
func (v *Verifier) DecodeBySchema(native []byte) (recognition.Record, error) {
	return v.decode(native, true)
}

func (v *Verifier) decode(native []byte, bySchema bool) (recognition.Record, error) {
	t := bytes.TrimSpace(native)
	if len(t) > 0 && t[0] == '"' {
		if len(t) > MaxTokenBytes+2 {
			return recognition.Record{}, proofDecodeError(proofErr(ErrTooLarge, "", "size", MaxTokenBytes))
		}
		var s string
		if json.Unmarshal(t, &s) != nil {
			return recognition.Record{}, proofDecodeError(proofErr(ErrMalformed, "", "compact"))
		}
		t = []byte(s)
	}
	if len(t) == 0 || t[0] == '{' || t[0] == '[' || !looksCompact(t) {
		// A bare credential (or junk), which the schema judges.
		r, err := v.decodePayload(native, v.at, "", bySchema)
		if err != nil {
			return recognition.Record{}, err
		}
		r.Integrity = recognition.IntegrityUnverified
		return r, nil
	}
	payload, kid, err := v.checkJWS(t, false)
	integrity := recognition.IntegrityChecked
	switch {
	case err == errUnverified:
		integrity = recognition.IntegrityUnverified
	case err != nil:
		return recognition.Record{}, proofDecodeError(err)
	}
	r, err := v.decodePayload(payload, v.at, kid, bySchema)
	if err != nil {
		return recognition.Record{}, err
	}
	r.Integrity = integrity
	return r, nil
}

// looksCompact reports whether t is made of base64url characters and dots,
// as a compact JWS is, so that a JWS with a fault is refused as a proof
// rather than as JSON.
func looksCompact(t []byte) bool {
	for _, c := range t {
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || c == '=') {
			return false
		}
	}
	return bytes.IndexByte(t, '.') >= 0
}

// proofDecodeError wraps a ProofError for Decode's callers, which branch
// on recognition.DecodeError.
func proofDecodeError(err error) error {
	var pe *ProofError
	if !errors.As(err, &pe) {
		return err
	}
	return &recognition.DecodeError{Scheme: string(ID), Pointer: pe.Pointer, Rule: "proof", Detail: pe.Error(),
		Cause: pe, Err: recognition.ErrValue}
}

// decodePayload validates a credential and maps it to a record, reading
// its status at at in the verifier's lists: for a credential signed with
// the key kid, only in those signed with the same key.
func (v *Verifier) decodePayload(native []byte, at time.Time, kid string, bySchema bool) (recognition.Record, error) {
	var sr *statusReader
	if len(v.lists) > 0 {
		sr = &statusReader{lists: v.lists, signer: kid, at: at}
	}
	if !bySchema {
		var view dccView
		if view.read(native) {
			return view.record(sr)
		}
	}
	return decodeTree(native, sr, bySchema)
}

// decodeTree is decodePayload through the generic tree and the schema:
// the path of whatever the fast reader declines, and its reference.
func decodeTree(native []byte, sr *statusReader, bySchema bool) (recognition.Record, error) {
	tree, err := parseDCC(native, bySchema)
	if err != nil {
		return recognition.Record{}, err
	}
	return fromTree(tree, sr)
}

// uniqueObject reports whether b is one JSON object whose members, at any
// depth, each appear once (RFC 7493), with nothing after it.
func uniqueObject(b []byte) bool {
	d := json.NewDecoder(bytes.NewReader(b))
	if tok, err := d.Token(); err != nil || tok != json.Delim('{') {
		return false
	}
	if !uniqueMembers(d, 0) {
		return false
	}
	_, err := d.Token()
	return err == io.EOF
}

func uniqueMembers(d *json.Decoder, depth int) bool {
	if depth > 32 {
		return false
	}
	seen := map[string]bool{}
	for d.More() {
		tok, err := d.Token()
		key, ok := tok.(string)
		if err != nil || !ok || seen[key] {
			return false
		}
		seen[key] = true
		if !skipValue(d, depth) {
			return false
		}
	}
	tok, err := d.Token()
	return err == nil && tok == json.Delim('}')
}

func skipValue(d *json.Decoder, depth int) bool {
	tok, err := d.Token()
	if err != nil {
		return false
	}
	switch tok {
	case json.Delim('{'):
		return uniqueMembers(d, depth+1)
	case json.Delim('['):
		for d.More() {
			if !skipValue(d, depth+1) {
				return false
			}
		}
		tok, err := d.Token()
		return err == nil && tok == json.Delim(']')
	}
	return true
}

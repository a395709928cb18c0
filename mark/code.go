package mark

import (
	"crypto/ed25519"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/certification"
)

// A verification code is the text of the QR code on a certified product's
// label. It carries the certificate number, the holder's credit code, the
// product and the end of validity, signed with the issuer's Ed25519 key, so
// that anyone with the public key can check it offline:
//
//	"JXG1" + base64url(payload ‖ signature)     (no padding)
//	payload = expires (uint32 Unix seconds, big endian)
//	          ‖ holder credit code: its first 17 characters, 5 bits each,
//	            packed into 11 bytes (the check character is recomputed)
//	          ‖ len(number) (1 byte) ‖ number (UTF-8)
//	          ‖ len(product) (1 byte) ‖ product (GB18030: two bytes for a
//	            common Chinese character, where UTF-8 takes three)
//	signature = Ed25519(key, "JXG1" ‖ payload)
//
// The prefix is case-sensitive, base64url is decoded strictly, the packed
// fields must be in canonical form and Ed25519 signatures are checked for
// canonical form, so every code has exactly one valid spelling. A typical
// code is about 140 characters.
const codePrefix = "JXG1"

// Limits of a verification code.
const (
	// MaxCodeLen is the longest code Sign produces: short enough for a small
	// QR code.
	MaxCodeLen = 192
	maxNumber  = 24 // bytes of certificate number
	maxProduct = 36 // GB18030 bytes of product name (18 Chinese characters)
	packedCode = 11
	minPayload = 4 + packedCode + 1 + 1 + 1 + 1
)

// Sentinel errors of verification codes.
var (
	// ErrForged: the code was not signed by any trusted key, or was altered
	// after signing.
	ErrForged = i18n.NewSentinel("mark.ErrForged", "验证码不是可信机构签发的，或已被篡改", "the code was not signed by a trusted key or was altered")
	// ErrMalformed: the text is not a verification code.
	ErrMalformed = i18n.NewSentinel("mark.ErrMalformed", "不是有效格式的验证码", "not a well-formed verification code")
	// ErrExpired: the code is genuine but its certificate's validity has
	// ended.
	ErrExpired = i18n.NewSentinel("mark.ErrExpired", "验证码所载证书已过有效期", "the certificate in the code has expired")
	// ErrUnsignable: the certificate cannot be turned into a code.
	ErrUnsignable = i18n.NewSentinel("mark.ErrUnsignable", "该证书不能生成验证码", "the certificate cannot be signed into a code")
)

// Claims are what a verified code states.
type Claims struct {
	Certificate string
	Holder      certification.CreditCode
	Product     string
	Expires     time.Time
	// Key is the index, among the verifier's keys, of the key that
	// signed the code.
	Key int
}

// Signer turns certificates into signed verification codes.
type Signer struct {
	key ed25519.PrivateKey
}

// NewSigner returns a signer that signs with key.
func NewSigner(key ed25519.PrivateKey) *Signer {
	return &Signer{key: key}
}

// Sign returns the verification code of c. It refuses, with
// [ErrUnsignable], a certificate that is not recorded as valid, lacks a
// number, a valid holder code, a product or an expiry, or whose number or
// product is too long for a code of at most [MaxCodeLen] characters.
func (s *Signer) Sign(c certification.Certificate) (string, error) {
	unsignable := func(why string) error { return fmt.Errorf("mark: sign %q: %s: %w", c.Number, why, ErrUnsignable) }
	switch {
	case len(s.key) != ed25519.PrivateKeySize:
		return "", unsignable("no private key")
	case c.Status != certification.Valid:
		return "", unsignable("certificate is " + c.Status.Code())
	case c.Number == "" || !utf8.ValidString(c.Number):
		return "", unsignable("no certificate number")
	case len(c.Number) > maxNumber:
		return "", unsignable(fmt.Sprintf("certificate number longer than %d bytes", maxNumber))
	case c.Product == "" || !utf8.ValidString(c.Product):
		return "", unsignable("no product")
	}
	product, err := gb18030.NewEncoder().String(c.Product)
	switch {
	case err != nil:
		return "", unsignable("product name cannot be encoded")
	case len(product) > maxProduct:
		return "", unsignable(fmt.Sprintf("product name longer than %d bytes of GB18030", maxProduct))
	case !c.Holder.Code.Valid():
		return "", unsignable("holder credit code is not valid")
	case c.Expires.IsZero() || c.Expires.Unix() <= 0 || c.Expires.Unix() > math.MaxUint32:
		return "", unsignable("expiry out of range")
	}
	payload := make([]byte, 0, minPayload+len(c.Number)+len(product))
	payload = binary.BigEndian.AppendUint32(payload, uint32(c.Expires.Unix()))
	payload = appendPacked(payload, c.Holder.Code)
	payload = append(payload, byte(len(c.Number)))
	payload = append(payload, c.Number...)
	payload = append(payload, byte(len(product)))
	payload = append(payload, product...)
	sig := ed25519.Sign(s.key, append([]byte(codePrefix), payload...))
	code := codePrefix + base64.RawURLEncoding.EncodeToString(append(payload, sig...))
	if len(code) > MaxCodeLen {
		return "", unsignable(fmt.Sprintf("code would be %d characters, over %d", len(code), MaxCodeLen))
	}
	return code, nil
}

// Verifier checks verification codes against a set of trusted public keys,
// offline.
type Verifier struct {
	keys []ed25519.PublicKey
}

// NewVerifier returns a verifier that trusts the given keys, for example
// the current key and the one before a rotation.
func NewVerifier(keys ...ed25519.PublicKey) *Verifier {
	v := &Verifier{}
	for _, k := range keys {
		if len(k) == ed25519.PublicKeySize {
			v.keys = append(v.keys, k)
		}
	}
	return v
}

var strictB64 = base64.RawURLEncoding.Strict()

// Verify checks code and returns its claims. A code that is not well formed
// is [ErrMalformed]; one that no trusted key signed, or that was altered,
// is [ErrForged]; a genuine code whose certificate has expired at time at
// is [ErrExpired], returned with its claims so the caller can say what
// expired. Verify never panics, whatever the input.
func (v *Verifier) Verify(code string, at time.Time) (Claims, error) {
	malformed := func(why string) error { return fmt.Errorf("mark: verification code: %s: %w", why, ErrMalformed) }
	if len(code) > MaxCodeLen {
		return Claims{}, malformed("too long")
	}
	if len(code) < len(codePrefix) || code[:len(codePrefix)] != codePrefix {
		return Claims{}, malformed("wrong prefix")
	}
	raw, err := strictB64.DecodeString(code[len(codePrefix):])
	if err != nil {
		return Claims{}, malformed("not base64url")
	}
	if len(raw) < minPayload+ed25519.SignatureSize {
		return Claims{}, malformed("too short")
	}
	payload, sig := raw[:len(raw)-ed25519.SignatureSize], raw[len(raw)-ed25519.SignatureSize:]
	msg := append([]byte(codePrefix), payload...)
	key := -1
	for i, k := range v.keys {
		if ed25519.Verify(k, msg, sig) {
			key = i
			break
		}
	}
	if key < 0 {
		return Claims{}, fmt.Errorf("mark: verification code: %w", ErrForged)
	}
	c, err := parsePayload(payload)
	if err != nil {
		return Claims{}, malformed(err.Error())
	}
	c.Key = key
	if !at.Before(c.Expires) {
		return c, fmt.Errorf("mark: verification code: certificate %s expired %s: %w", c.Certificate, c.Expires.Format(time.DateOnly), ErrExpired)
	}
	return c, nil
}

var gb18030 = simplifiedchinese.GB18030

// appendPacked packs the first 17 characters of a valid credit code, 5 bits
// each, into 11 bytes; the last 3 bits are zero.
func appendPacked(b []byte, code certification.CreditCode) []byte {
	var acc uint128
	for i := 0; i < 17; i++ {
		acc = acc.shl5(uint8(strings.IndexByte(creditAlphabet, code[i])))
	}
	acc = acc.shl(3)
	return acc.appendLow(b, packedCode)
}

// unpack reverses appendPacked and recomputes the check character; it
// refuses a value out of range or non-zero padding.
func unpack(p []byte) (certification.CreditCode, bool) {
	var acc uint128
	for _, x := range p[:packedCode] {
		acc = acc.shl(8)
		acc.lo |= uint64(x)
	}
	if acc.lo&7 != 0 {
		return "", false
	}
	acc = acc.shr(3)
	var s [17]byte
	for i := 16; i >= 0; i-- {
		v := acc.lo & 31
		if v >= uint64(len(creditAlphabet)) {
			return "", false
		}
		s[i] = creditAlphabet[v]
		acc = acc.shr(5)
	}
	code, err := certification.CompleteCreditCode(string(s[:]))
	return code, err == nil
}

// creditAlphabet is the GB 32100-2015 character set in value order.
const creditAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// uint128 is just wide enough for 88 packed bits.
type uint128 struct{ hi, lo uint64 }

func (u uint128) shl(n uint) uint128 {
	if n >= 64 {
		return uint128{hi: u.lo << (n - 64)}
	}
	return uint128{hi: u.hi<<n | u.lo>>(64-n), lo: u.lo << n}
}

func (u uint128) shr(n uint) uint128 {
	if n >= 64 {
		return uint128{lo: u.hi >> (n - 64)}
	}
	return uint128{hi: u.hi >> n, lo: u.lo>>n | u.hi<<(64-n)}
}

func (u uint128) shl5(v uint8) uint128 {
	u = u.shl(5)
	u.lo |= uint64(v)
	return u
}

func (u uint128) appendLow(b []byte, n int) []byte {
	for i := n - 1; i >= 0; i-- {
		b = append(b, byte(u.shr(uint(8*i)).lo))
	}
	return b
}

func parsePayload(p []byte) (Claims, error) {
	var c Claims
	c.Expires = time.Unix(int64(binary.BigEndian.Uint32(p)), 0).UTC()
	p = p[4:]
	code, ok := unpack(p)
	if !ok {
		return Claims{}, errors.New("bad holder code")
	}
	c.Holder = code
	p = p[packedCode:]
	field := func() ([]byte, bool) {
		if len(p) < 1 || len(p) < 1+int(p[0]) || p[0] == 0 {
			return nil, false
		}
		f := p[1 : 1+int(p[0])]
		p = p[1+int(p[0]):]
		return f, true
	}
	num, ok1 := field()
	prod, ok2 := field()
	if !ok1 || !ok2 || len(p) != 0 || !utf8.Valid(num) {
		return Claims{}, errors.New("bad payload")
	}
	c.Certificate = string(num)
	product, err := gb18030.NewDecoder().Bytes(prod)
	if err != nil || !utf8.Valid(product) {
		return Claims{}, errors.New("bad product")
	}
	// Only the canonical encoding counts.
	if back, err := gb18030.NewEncoder().Bytes(product); err != nil || string(back) != string(prod) {
		return Claims{}, errors.New("product not in canonical GB18030")
	}
	c.Product = string(product)
	return c, nil
}

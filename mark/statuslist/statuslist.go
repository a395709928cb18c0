// Package statuslist publishes and reads the status of 江西绿色生态
// certificates as a W3C Bitstring Status List v1.0
// (https://www.w3.org/TR/vc-bitstring-status-list/, W3C Recommendation,
// 2025-05-15), so that a label scanned offline can be refused when its
// certificate was revoked or suspended after the label was printed.
//
// The brand publishes ONE list for both purposes: a
// BitstringStatusListCredential whose statusPurpose is the array
// ["revocation", "suspension"], as the recommendation allows. Each
// certificate owns two adjacent bits: its revocation bit at an even index
// n and its suspension bit at n+1, so that a credential carries one
// BitstringStatusListEntry per purpose ([Entries]), and a plain W3C
// verifier that reads either entry reads the right bit. Both purposes are
// in one list so that one download, one signature check and one
// validity window answer both questions, and because a "message" list
// (statusSize 2) cannot be written in a UNTP v0.7.0 credential, whose
// credentialStatus allows neither statusSize nor statusMessage. A revoked
// and a cancelled (注销) certificate both set the revocation bit: the
// recommendation's revocation purpose is "no longer valid, for good",
// which both are.
//
// The list is a JSON credential secured with VC-JOSE-COSE: a compact JWS
// (alg EdDSA, typ vc+jwt, cty vc, kid the RFC 7638 thumbprint of the
// brand's Ed25519 key) over the credential JSON, with a validity window
// (validFrom, validUntil) after which verifiers must fetch a new list.
// The JWS is written and read here with crypto/ed25519 only (the tests
// check it against github.com/go-jose/go-jose/v4), so that package mark,
// which every scanning program links, needs no JOSE library.
//
// Building: [NewIndex] gives each certificate its place (random, never
// reused; a label code signs it in, see mark.Signer.WithStatusIndex),
// [Build] reads every indexed certificate's status from any
// certification.Lookup, and [List.Sign] makes the published bytes.
// Reading: [Parse] checks the signature against trusted keys and bounds
// every size; [List.StatusAt] answers for one certificate at a time,
// refusing a list outside its window.
package statuslist

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/fold"
	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/mark/internal/b64url"
	"github.com/jxgreen/jxgreen/mark/internal/edkey"
	"github.com/jxgreen/jxgreen/mark/internal/register"
)

// Limits of a list.
const (
	// MinBits is the smallest bitstring the recommendation allows
	// (16 KiB, 131,072 bits, 65,536 certificates): a list no shorter keeps
	// a certificate's index from standing out.
	MinBits = 131072
	// MaxBits is the largest bitstring read or written: 2 MiB, 16,777,216
	// bits, the reach of the 3-byte index a label code carries (8,388,608
	// certificates). A decompressed list is never allowed to grow past it,
	// so a gzip bomb costs at most 2 MiB.
	MaxBits = 1 << 24
	// MaxWindow is the longest validity window (validUntil - validFrom)
	// that Build writes and Parse accepts: a week. A list only refuses a
	// revoked certificate once every copy from before the revocation has
	// gone stale, so a list valid for years (a unit mistake, a "never
	// expires" default) would let anyone who kept a copy replay it to
	// offline verifiers for years. Publish a new list well within it
	// (daily, or at each change).
	MaxWindow = 7 * 24 * time.Hour
	// maxPublished bounds the published bytes Parse reads: the base64url
	// of a 2 MiB list that does not compress at all, and room to spare.
	maxPublished = 4 << 20
)

// The statusPurpose values of the list, in the order of a certificate's two
// bits.
var purposes = [2]string{"revocation", "suspension"}

// Sentinel errors. Every error of the package wraps exactly one of them,
// most as an [*Error] that says where and why.
var (
	// ErrMalformed is returned for bytes that are not a well-formed status
	// list credential: JWS syntax, header, JSON, or an encodedList that is
	// not base64url of GZIP data of an allowed size.
	ErrMalformed = i18n.NewSentinel("statuslist.ErrMalformed", "证书状态列表格式不正确", "the status list is not well formed")
	// ErrUntrusted is returned when no trusted key verifies the list's
	// signature: signed by another key, or altered after signing.
	ErrUntrusted = i18n.NewSentinel("statuslist.ErrUntrusted", "证书状态列表不是可信密钥签发的，或已被篡改", "the status list was not signed by a trusted key or was altered")
	// ErrExpired is returned when a list is asked about a time at or after
	// its validUntil: a newer list must be fetched.
	ErrExpired = i18n.NewSentinel("statuslist.ErrExpired", "证书状态列表已过有效期", "the status list is past its validity window")
	// ErrNotYetValid is returned when a list is asked about a time before
	// its validFrom.
	ErrNotYetValid = i18n.NewSentinel("statuslist.ErrNotYetValid", "证书状态列表尚未生效", "the status list is not yet valid")
	// ErrIndex is returned for an index outside the list.
	ErrIndex = i18n.NewSentinel("statuslist.ErrIndex", "状态序号不在证书状态列表范围内", "the status index is outside the status list")
	// ErrBuild is returned when a list cannot be built or signed: a
	// certificate with an index that the register does not know, a full
	// index, or missing publication details or key.
	ErrBuild = i18n.NewSentinel("statuslist.ErrBuild", "无法生成证书状态列表", "the status list cannot be built")
)

func init() {
	i18n.Table("statuslist.Error.", [][3]string{
		{"size", "证书状态列表超过 %d 字节", "the status list is over %d bytes"},
		{"jws", "证书状态列表不是紧凑格式的 JWS（三段 base64url，无填充、无换行）", "the status list is not a compact JWS (three base64url parts, no padding, no line breaks)"},
		{"json", "%s 不是有效的 JSON 对象（或含重复的成员名）", "%s is not a valid JSON object (or repeats a member name)"},
		{"header", "JWS 头部 %s 应为 %q", "the JWS header %s must be %q"},
		{"field", "%s 缺失或无效", "%s is missing or invalid"},
		{"encoding", "encodedList 不是以 u 开头、无填充的 base64url", "encodedList is not base64url without padding after the multibase prefix u"},
		{"gzip", "encodedList 不是有效的 GZIP 数据（截断或损坏）", "encodedList is not valid GZIP data (truncated or damaged)"},
		{"short", "位串只有 %d 位，至少应有 %d 位", "the bitstring has %d bits; at least %d are required"},
		{"long", "位串解压后超过 %d 位", "the bitstring decompresses to more than %d bits"},
		{"untrusted", "没有可信密钥能验证证书状态列表的签名（他人签发或内容被篡改）", "no trusted key verifies the status list's signature (signed by someone else, or altered)"},
		{"expired", "证书状态列表有效期至 %s，已过期：请获取最新的列表", "the status list was valid until %s and has expired: fetch the current list"},
		{"pending", "证书状态列表自 %s 起生效，尚未生效", "the status list is valid from %s, not yet"},
		{"index", "状态序号 %d 不在证书状态列表（%d 位）范围内", "status index %d is outside the status list (%d bits)"},
		{"unknown", "证书 %s 有状态序号，但证书登记中没有该证书", "certificate %s has a status index but is not in the register"},
		{"full", "状态序号已用尽（最多 %d 个证书）", "no status index is left (at most %d certificates)"},
		{"credential", "发布信息 %s 缺失或无效", "the publication detail %s is missing or invalid"},
		{"key", "签发私钥不是有效的 Ed25519 私钥", "the signing key is not a valid Ed25519 private key"},
		{"number", "证书编号为空", "the certificate number is empty"},
		{"window", "证书状态列表的有效期（validFrom 至 validUntil）超过 %d 天的上限", "the status list's validity window (validFrom to validUntil) is longer than the limit of %d days"},
		{"register", "查询证书 %s 时证书登记无法应答", "the register could not answer for certificate %s"},
		{"other", "证书登记对证书 %s 的查询返回了另一张证书（%s）", "the register answered for certificate %s with another certificate (%s)"},
	})
}

// Error is the error of the package when there is more to say than the
// sentinel. It wraps the sentinel (errors.Is) and renders itself in
// Chinese and English ([i18n.Error]).
type Error struct {
	// Pointer is the JSON pointer of the member at fault in the credential
	// (RFC 6901, "/credentialSubject/encodedList"), or of the JWS header
	// member ("/header/alg"), when there is one.
	Pointer string
	// Reason is a stable code: "size", "jws", "json", "header", "field",
	// "encoding", "gzip", "short", "long", "untrusted", "expired",
	// "pending", "index", "unknown", "full", "credential", "key", "number",
	// "window" (longer than [MaxWindow]), "register" (the register could
	// not answer), "other" (it answered with another certificate).
	Reason string
	// Err is the sentinel.
	Err  error
	args []any
}

// Error returns the English message.
func (e *Error) Error() string { return "statuslist: " + e.Localize(i18n.English()) }

// Unwrap returns the sentinel.
func (e *Error) Unwrap() error { return e.Err }

// Localize describes the error in the language that best matches tag.
func (e *Error) Localize(tag language.Tag) string {
	return i18n.Sprintf(tag, "statuslist.Error."+e.Reason, e.args...)
}

func malformed(pointer, reason string, args ...any) *Error {
	return &Error{Pointer: pointer, Reason: reason, Err: ErrMalformed, args: args}
}

// Credential is what a published list says about itself besides the bits.
type Credential struct {
	// ID is the URL where the list is published: the credential's id and
	// the statusListCredential of every entry that points into it.
	ID string
	// Issuer is the brand's identifier, a URL.
	Issuer string
	// ValidFrom is the moment the statuses were read; ValidUntil the
	// moment from which verifiers must no longer trust the list. Both are
	// whole seconds in the published JSON.
	ValidFrom, ValidUntil time.Time
}

// check says which detail of c is missing or invalid, or "".
func (c Credential) check() string {
	absolute := func(s string) bool {
		u, err := url.Parse(s)
		return err == nil && u.Scheme != "" && (u.Host != "" || u.Opaque != "") && !strings.ContainsAny(s, " \t\r\n")
	}
	switch {
	case !absolute(c.ID):
		return "id"
	case !absolute(c.Issuer):
		return "issuer"
	case c.ValidFrom.IsZero():
		return "validFrom"
	case !c.ValidUntil.Truncate(time.Second).After(c.ValidFrom.Truncate(time.Second)):
		return "validUntil"
	case c.ValidUntil.Truncate(time.Second).Sub(c.ValidFrom.Truncate(time.Second)) > MaxWindow:
		return "window"
	}
	return ""
}

// List is a status list: its publication details and its bits. A List is
// immutable and safe for concurrent use.
type List struct {
	cred Credential
	bits []byte
}

// Credential returns the list's publication details.
func (l *List) Credential() Credential { return l.cred }

// Bits returns the length of the bitstring.
func (l *List) Bits() int { return len(l.bits) * 8 }

// Build reads, at c.ValidFrom, the status of every certificate x gives an
// index to, from any register l, and returns the list: for a certificate
// at index n, bit n is set when it is revoked, cancelled or expired and
// bit n+1 when it is suspended; every other bit is zero (valid, not yet in
// force). An expired certificate sets the revocation bit because a code
// can state a later end than its certificate has now: a renewal recorded
// by mistake and retracted (certification.Certificate.Retract) leaves the
// codes signed in between with the renewed end, and only the list can
// refuse them offline. The bitstring has at
// least [MinBits] bits. It fails with an [*Error] wrapping [ErrBuild] when
// c lacks an absolute id or issuer URL or a window, or has a window longer
// than [MaxWindow]; when the register does not know a certificate of x,
// cannot answer (a [certification.ContextLookup] that fails), or answers
// with a certificate of another number (compared as printed numbers are,
// ignoring case, width and spaces) or of another scheme than
// 江西绿色生态: a list must not call valid what the register cannot
// vouch for.
func Build(l certification.Lookup, x *Index, c Credential) (*List, error) {
	switch d := c.check(); d {
	case "":
	case "window":
		return nil, &Error{Pointer: "/validUntil", Reason: "window", Err: ErrBuild, args: []any{int(MaxWindow / (24 * time.Hour))}}
	default:
		return nil, &Error{Reason: "credential", Err: ErrBuild, args: []any{d}}
	}
	c.ValidFrom, c.ValidUntil = c.ValidFrom.Truncate(time.Second), c.ValidUntil.Truncate(time.Second)
	entries, top := x.snapshot()
	n := MinBits
	for n < top+2 {
		n *= 2
	}
	list := &List{cred: c, bits: make([]byte, n/8)}
	for _, e := range entries {
		cert, ok, err := register.Get(context.Background(), l, e.number)
		switch {
		case err != nil:
			return nil, &Error{Reason: "register", Err: ErrBuild, args: []any{e.number}}
		case !ok:
			return nil, &Error{Reason: "unknown", Err: ErrBuild, args: []any{e.number}}
		case cert.Number != e.number && fold.Code(cert.Number) != fold.Code(e.number), cert.Scheme != brand.JiangxiGreen:
			// A register that matches loosely, or mixes schemes, must not
			// answer for a certificate with another's status.
			return nil, &Error{Reason: "other", Err: ErrBuild, args: []any{e.number, string(cert.Scheme) + " " + cert.Number}}
		}
		switch cert.StatusAt(c.ValidFrom) {
		case certification.Revoked, certification.Cancelled, certification.Expired:
			list.set(e.index)
		case certification.Suspended:
			list.set(e.index + 1)
		}
	}
	return list, nil
}

// set sets bit i: index 0 is the left-most bit of the first byte.
func (l *List) set(i int) { l.bits[i/8] |= 0x80 >> (i % 8) }

func (l *List) bit(i int) bool { return l.bits[i/8]&(0x80>>(i%8)) != 0 }

// StatusAt returns the status the list gives the certificate at index
// (the even index of its revocation bit, as a label code or a
// credential's revocation entry carries it; the odd index of its
// suspension entry names the same certificate): [certification.Revoked]
// (revoked, cancelled or expired: no longer valid), [certification.Suspended] or
// [certification.Valid] (neither; the dates of the code or credential
// still apply). It fails with an [*Error] wrapping [ErrExpired] when at is
// at or after the list's validUntil, [ErrNotYetValid] when at is before
// its validFrom (or zero), and [ErrIndex] for an index outside the list.
func (l *List) StatusAt(index int, at time.Time) (certification.Status, error) {
	switch {
	case at.IsZero() || at.Before(l.cred.ValidFrom):
		return 0, &Error{Reason: "pending", Err: ErrNotYetValid, args: []any{l.cred.ValidFrom.UTC().Format(time.RFC3339)}}
	case !at.Before(l.cred.ValidUntil):
		return 0, &Error{Reason: "expired", Err: ErrExpired, args: []any{l.cred.ValidUntil.UTC().Format(time.RFC3339)}}
	case index < 0 || index >= l.Bits():
		return 0, &Error{Reason: "index", Err: ErrIndex, args: []any{index, l.Bits()}}
	}
	index &^= 1
	switch {
	case l.bit(index):
		return certification.Revoked, nil
	case l.bit(index + 1):
		return certification.Suspended, nil
	}
	return certification.Valid, nil
}

// Entry is a W3C BitstringStatusListEntry, as a credential's
// credentialStatus carries it.
type Entry struct {
	Type                 string `json:"type"`
	StatusPurpose        string `json:"statusPurpose"`
	StatusListIndex      string `json:"statusListIndex"`
	StatusListCredential string `json:"statusListCredential"`
}

// Entries returns the two entries of the certificate at index in the list
// published at listURL: revocation at index, suspension at index+1. A
// format that allows one entry only (UNTP v0.7.0) carries the first, and
// a reader that knows this package reads both bits with [List.StatusAt].
func Entries(listURL string, index int) [2]Entry {
	var out [2]Entry
	for i, p := range purposes {
		out[i] = Entry{Type: "BitstringStatusListEntry", StatusPurpose: p,
			StatusListIndex: strconv.Itoa(index&^1 + i), StatusListCredential: listURL}
	}
	return out
}

// The published JSON.
type (
	credentialJSON struct {
		Context           []string    `json:"@context"`
		ID                string      `json:"id"`
		Type              []string    `json:"type"`
		Issuer            string      `json:"issuer"`
		ValidFrom         string      `json:"validFrom"`
		ValidUntil        string      `json:"validUntil"`
		CredentialSubject subjectJSON `json:"credentialSubject"`
	}
	subjectJSON struct {
		ID            string   `json:"id"`
		Type          string   `json:"type"`
		StatusPurpose []string `json:"statusPurpose"`
		EncodedList   string   `json:"encodedList"`
	}
	headerJSON struct {
		Alg string `json:"alg"`
		Kid string `json:"kid,omitempty"`
		Typ string `json:"typ"`
		Cty string `json:"cty"`
	}
)

const (
	contextV2      = "https://www.w3.org/ns/credentials/v2"
	credentialType = "BitstringStatusListCredential"
	subjectType    = "BitstringStatusList"
)

// Sign returns the list as published: a compact JWS (VC-JOSE-COSE: alg
// EdDSA, typ vc+jwt, cty vc, kid the key's RFC 7638 thumbprint) over the
// BitstringStatusListCredential JSON, whose encodedList is the bitstring
// GZIP-compressed, base64url without padding, after the multibase prefix
// "u". It fails with an [*Error] wrapping [ErrBuild] for a key that is not
// a consistent Ed25519 private key.
func (l *List) Sign(key ed25519.PrivateKey) ([]byte, error) {
	if l == nil {
		return nil, &Error{Reason: "credential", Err: ErrBuild, args: []any{"(nil list)"}}
	}
	if edkey.PrivateProblem(key) != "" {
		return nil, &Error{Reason: "key", Err: ErrBuild}
	}
	var z bytes.Buffer
	w, _ := gzip.NewWriterLevel(&z, gzip.BestCompression) // a valid level never fails
	_, _ = w.Write(l.bits)                                // writes to a bytes.Buffer do not fail
	_ = w.Close()
	cred := credentialJSON{
		Context: []string{contextV2}, ID: l.cred.ID,
		Type:       []string{"VerifiableCredential", credentialType},
		Issuer:     l.cred.Issuer,
		ValidFrom:  l.cred.ValidFrom.UTC().Format(time.RFC3339),
		ValidUntil: l.cred.ValidUntil.UTC().Format(time.RFC3339),
		CredentialSubject: subjectJSON{ID: l.cred.ID + "#list", Type: subjectType,
			StatusPurpose: purposes[:], EncodedList: "u" + base64.RawURLEncoding.EncodeToString(z.Bytes())},
	}
	payload, err := json.Marshal(cred)
	if err != nil {
		return nil, err
	}
	public := key.Public().(ed25519.PublicKey)
	header, _ := json.Marshal(headerJSON{Alg: "EdDSA", Kid: Thumbprint(public), Typ: "vc+jwt", Cty: "vc"}) // strings only
	b64 := base64.RawURLEncoding
	out := make([]byte, 0, b64.EncodedLen(len(header))+b64.EncodedLen(len(payload))+2+b64.EncodedLen(ed25519.SignatureSize))
	out = b64.AppendEncode(out, header)
	out = append(out, '.')
	out = b64.AppendEncode(out, payload)
	sig := ed25519.Sign(key, out)
	out = append(out, '.')
	return b64.AppendEncode(out, sig), nil
}

// Thumbprint returns the RFC 7638 JWK thumbprint of an Ed25519 public key
// (RFC 8037: {"crv":"Ed25519","kty":"OKP","x":…}), base64url without
// padding: the kid of the lists signed with it.
func Thumbprint(key ed25519.PublicKey) string {
	sum := sha256.Sum256([]byte(`{"crv":"Ed25519","kty":"OKP","x":"` + base64.RawURLEncoding.EncodeToString(key) + `"}`))
	return base64.RawURLEncoding.EncodeToString(sum[:])
}

// decode reads strict base64url.
func decode(s []byte) ([]byte, bool) {
	if b64url.Invalid(s) >= 0 {
		return nil, false
	}
	b, err := b64url.DecodeString(string(s))
	return b, err == nil
}

// Parse reads a published list: it checks the JWS against the trusted
// keys (a key that is not a safe Ed25519 public key, such as 32 zero
// bytes, is never trusted), then the credential, then decompresses the
// encodedList with its size bounded by [MaxBits]. It does not judge the
// window against the clock: [List.StatusAt] does, at the time of each
// check; it refuses a window longer than [MaxWindow]. It fails with
// an [*Error] wrapping [ErrMalformed] or [ErrUntrusted]. Parse never
// panics, whatever the input.
func Parse(published []byte, trusted ...ed25519.PublicKey) (*List, error) {
	if len(published) > maxPublished {
		return nil, malformed("", "size", maxPublished)
	}
	parts := bytes.Split(published, []byte("."))
	if len(parts) != 3 {
		return nil, malformed("", "jws")
	}
	rawHeader, ok1 := decode(parts[0])
	payload, ok2 := decode(parts[1])
	sig, ok3 := decode(parts[2])
	if !ok1 || !ok2 || !ok3 || len(sig) != ed25519.SignatureSize {
		return nil, malformed("", "jws")
	}
	var h headerJSON
	if !strictJSON(rawHeader, &h) {
		return nil, malformed("/header", "json", "JWS header")
	}
	for _, want := range [][3]string{{"/header/alg", h.Alg, "EdDSA"}, {"/header/typ", h.Typ, "vc+jwt"}, {"/header/cty", h.Cty, "vc"}} {
		if want[1] != want[2] {
			return nil, malformed(want[0], "header", want[0][len("/header/"):], want[2])
		}
	}
	signed := published[:len(parts[0])+1+len(parts[1])]
	trustedOK := false
	for _, k := range trusted {
		if edkey.Problem(k) == "" && ed25519.Verify(k, signed, sig) {
			trustedOK = true
			break
		}
	}
	if !trustedOK {
		return nil, &Error{Reason: "untrusted", Err: ErrUntrusted}
	}
	var c credentialJSON
	if !strictJSON(payload, &c) {
		return nil, malformed("", "json", "credential")
	}
	field := func(p string) (*List, error) { return nil, malformed(p, "field", p) }
	switch {
	case len(c.Context) == 0 || c.Context[0] != contextV2:
		return field("/@context")
	case !contains(c.Type, "VerifiableCredential") || !contains(c.Type, credentialType):
		return field("/type")
	case c.CredentialSubject.Type != subjectType:
		return field("/credentialSubject/type")
	case len(c.CredentialSubject.StatusPurpose) != 2 || c.CredentialSubject.StatusPurpose[0] != purposes[0] || c.CredentialSubject.StatusPurpose[1] != purposes[1]:
		return field("/credentialSubject/statusPurpose")
	}
	cred := Credential{ID: c.ID, Issuer: c.Issuer}
	var err1, err2 error
	cred.ValidFrom, err1 = time.Parse(time.RFC3339, c.ValidFrom)
	cred.ValidUntil, err2 = time.Parse(time.RFC3339, c.ValidUntil)
	switch {
	case err1 != nil:
		return field("/validFrom")
	case err2 != nil:
		return field("/validUntil")
	}
	switch d := cred.check(); d {
	case "":
	case "window":
		return nil, malformed("/validUntil", "window", int(MaxWindow/(24*time.Hour)))
	default:
		return field("/" + d)
	}
	bits, err := decodeList(c.CredentialSubject.EncodedList)
	if err != nil {
		return nil, err
	}
	return &List{cred: cred, bits: bits}, nil
}

func contains(s []string, x string) bool {
	for _, v := range s {
		if v == x {
			return true
		}
	}
	return false
}

// decodeList reads an encodedList, refusing a bitstring shorter than
// MinBits or longer than MaxBits without ever holding more than MaxBits/8+1
// decompressed bytes.
func decodeList(s string) ([]byte, error) {
	const p = "/credentialSubject/encodedList"
	if !strings.HasPrefix(s, "u") {
		return nil, malformed(p, "encoding")
	}
	z, ok := decode([]byte(s[1:]))
	if !ok {
		return nil, malformed(p, "encoding")
	}
	r, err := gzip.NewReader(bytes.NewReader(z))
	if err != nil {
		return nil, malformed(p, "gzip")
	}
	// The GZIP trailer states the decompressed size (mod 2^32): trusted
	// only as a hint, within the bounds, so that the buffer is allocated
	// once instead of doubling its way up.
	hint := MinBits / 8
	if len(z) >= 18 {
		hint = int(max(min(binary.LittleEndian.Uint32(z[len(z)-4:]), MaxBits/8+1), MinBits/8))
	}
	b := bytes.NewBuffer(make([]byte, 0, hint+bytes.MinRead))
	n, err := b.ReadFrom(io.LimitReader(r, MaxBits/8+1))
	switch {
	case n > MaxBits/8:
		return nil, malformed(p, "long", MaxBits)
	case err != nil:
		return nil, malformed(p, "gzip")
	case n < MinBits/8:
		return nil, malformed(p, "short", n*8, MinBits)
	}
	return b.Bytes(), nil
}

// strictJSON decodes one JSON object into v, refusing duplicate member
// names at any depth (I-JSON, RFC 7493: a format that decides on a value
// must not let a second copy change it) and trailing data. encoding/json
// matches struct fields without regard to case (and folds ſ to s, K to
// k), so for a struct every member name must be ASCII and two names that
// differ only in case are duplicates too.
func strictJSON(b []byte, v any) bool {
	_, isMap := v.(*map[string]int)
	d := json.NewDecoder(bytes.NewReader(b))
	if tok, err := d.Token(); err != nil || tok != json.Delim('{') {
		return false
	}
	if !uniqueMembers(d, !isMap) {
		return false
	}
	if _, err := d.Token(); err != io.EOF {
		return false
	}
	return json.Unmarshal(b, v) == nil
}

// uniqueMembers walks the rest of an object whose '{' was read; fold
// compares names as encoding/json matches struct fields.
func uniqueMembers(d *json.Decoder, fold bool) bool {
	seen := map[string]bool{}
	for d.More() {
		tok, err := d.Token()
		key, ok := tok.(string)
		if fold {
			for i := 0; i < len(key); i++ {
				ok = ok && key[i] < utf8.RuneSelf
			}
			key = strings.ToLower(key)
		}
		if err != nil || !ok || seen[key] {
			return false
		}
		seen[key] = true
		if !skipValue(d, fold) {
			return false
		}
	}
	tok, err := d.Token()
	return err == nil && tok == json.Delim('}')
}

func skipValue(d *json.Decoder, fold bool) bool {
	tok, err := d.Token()
	if err != nil {
		return false
	}
	switch tok {
	case json.Delim('{'):
		return uniqueMembers(d, fold)
	case json.Delim('['):
		for d.More() {
			if !skipValue(d, fold) {
				return false
			}
		}
		tok, err := d.Token()
		return err == nil && tok == json.Delim(']')
	}
	return true
}

// String describes the list for logs: its id, window and size.
func (l *List) String() string {
	return fmt.Sprintf("%s [%s, %s) %d bits", l.cred.ID, l.cred.ValidFrom.UTC().Format(time.RFC3339),
		l.cred.ValidUntil.UTC().Format(time.RFC3339), l.Bits())
}

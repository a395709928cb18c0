package mark

import (
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/certification/creditcode"
	"github.com/jxgreen/jxgreen/mark/internal/b64url"
	"github.com/jxgreen/jxgreen/mark/internal/edkey"
	"github.com/jxgreen/jxgreen/mark/internal/register"
	"github.com/jxgreen/jxgreen/mark/statuslist"
)

// A verification code is the text of the QR code on a certified product's
// label. It carries the certificate number, the holder's credit code, the
// product and the end of validity, signed with the issuer's Ed25519 key, so
// that anyone with the public key can check it offline:
//
//	"JXG2" + base64url(payload ‖ signature)     (no padding)
//	payload = key ID (4 bytes: the first bytes of SHA-256 of the public key)
//	          ‖ expires (uint32 Unix seconds, big endian: the China-time
//	            midnight at or before the certificate's end of validity)
//	          ‖ holder credit code: its first 17 characters, 5 bits each,
//	            packed into 11 bytes (the check character is recomputed)
//	          ‖ len(number) (1 byte) ‖ number (UTF-8)
//	          ‖ len(product) (1 byte) ‖ product (GB18030: two bytes for a
//	            common Chinese character, where UTF-8 takes three)
//	signature = Ed25519(key, "JXG2" ‖ payload)
//
// The prefix is case-sensitive; after it only the 64 characters of the
// base64url alphabet are allowed (Go's decoder would skip CR and LF, so
// they are refused before decoding); base64url is decoded strictly (no
// padding, no stray bits); the packed fields must be in canonical form and
// Ed25519 signatures are checked for canonical form. So every code has
// exactly one valid spelling. A typical code is about 145 characters.
//
// Version 3 codes ("JXG3", [Signer.WithStatusIndex]) also carry the
// certificate's index in the brand's status list (package
// mark/statuslist), so that a scan finds its status bit offline; the index
// is signed, so nobody can point a code at another certificate's bit:
//
//	payload = key ID (4 bytes)
//	          ‖ expires (uint16 days since 1970-01-01, China time: the code
//	            always ends at a China-time midnight)
//	          ‖ status index (3 bytes, big endian, even)
//	          ‖ then as in version 2: packed holder code, number, product
//	signature = Ed25519(key, "JXG3" ‖ payload)
//
// Version 2 codes stay valid and verifiable; they carry no index, so a
// status list cannot answer for them ([Claims.StatusIndex] is -1).
// Version 1 codes ("JXG1") carried no key ID; they are not accepted.
const (
	codePrefix   = "JXG2"
	codePrefixV3 = "JXG3"
)

// Limits of a verification code.
const (
	// MaxCodeLen is the longest code Sign produces: short enough for a small
	// QR code. (A version 2 code is at most 198 characters, a version 3
	// code with its status index 199.)
	MaxCodeLen = 199
	maxNumber  = 24 // bytes of certificate number
	maxProduct = 36 // GB18030 bytes of product name (18 Chinese characters)
	packedCode = 11
	keyIDSize  = 4
	minPayload = keyIDSize + 4 + packedCode + 1 + 1 + 1 + 1
	// a version 3 payload: days (2 bytes) instead of seconds (4), and the
	// status index (3).
	minPayloadV3 = minPayload - 2 + 3
	maxDays      = 1<<16 - 1
	secondsInDay = 24 * 60 * 60
)

// Sentinel errors of verification codes. Every error of [Signer.Sign] and
// [Verifier.Verify] wraps exactly one of them; most are a [*CodeError]
// that also names the certificate.
var (
	// ErrForged: the code was not signed by any key the verifier knows, or
	// was altered after signing.
	ErrForged = i18n.NewSentinel("mark.ErrForged", "验证码不是可信机构签发的，或已被篡改", "the code was not signed by a trusted key or was altered")
	// ErrMalformed: the text is not a verification code.
	ErrMalformed = i18n.NewSentinel("mark.ErrMalformed", "不是有效格式的验证码", "not a well-formed verification code")
	// ErrExpired: the code is genuine but its certificate's validity has
	// ended.
	ErrExpired = i18n.NewSentinel("mark.ErrExpired", "验证码所载证书已过有效期", "the certificate in the code has expired")
	// ErrOutdatedCode: the code is genuine and its own validity has ended,
	// but the register ([Verifier.WithLookup]) says the certificate is
	// valid, typically because it was renewed after the label was
	// printed: the label needs a new code; the certificate has not
	// expired. It is distinct from [ErrExpired] (it does not wrap it), so
	// that a caller never tells a person that a valid certificate expired.
	ErrOutdatedCode = i18n.NewSentinel("mark.ErrOutdatedCode", "标签的验证码已过时，证书仍然有效", "the label's code is outdated; the certificate is still valid")
	// ErrUnsignable: the certificate cannot be turned into a code.
	ErrUnsignable = i18n.NewSentinel("mark.ErrUnsignable", "该证书不能生成验证码", "the certificate cannot be signed into a code")
	// ErrNoTime: Verify was asked to judge a code at the zero time. A code
	// is judged at a moment, never "at any time".
	ErrNoTime = i18n.NewSentinel("mark.ErrNoTime", "未给出验证时间", "no time was given to verify the code at")
	// ErrRetiredKey: the code is genuine but was signed with a key that
	// the issuer has retired (key rotation): it is no longer accepted, and
	// the holder must print labels with a new code. It is not a forgery.
	ErrRetiredKey = i18n.NewSentinel("mark.ErrRetiredKey", "验证码由已停用的密钥签发", "the code was signed with a retired key")
	// ErrKey: a key given to [NewSigner], [NewVerifier] or
	// [Verifier.WithRetired] is not usable. A [*KeyError] says which one.
	ErrKey = i18n.NewSentinel("mark.ErrKey", "密钥无效", "unusable key")
	// ErrRevoked: the register says the code's certificate is revoked.
	ErrRevoked = i18n.NewSentinel("mark.ErrRevoked", "证书已被撤销", "the certificate has been revoked")
	// ErrSuspended: the register says the code's certificate is suspended.
	ErrSuspended = i18n.NewSentinel("mark.ErrSuspended", "证书已被暂停", "the certificate is suspended")
	// ErrCancelled: the register says the code's certificate is cancelled.
	ErrCancelled = i18n.NewSentinel("mark.ErrCancelled", "证书已被注销", "the certificate has been cancelled")
	// ErrUnknownCertificate: the register does not know the code's
	// certificate.
	ErrUnknownCertificate = i18n.NewSentinel("mark.ErrUnknownCertificate", "证书登记中没有该证书", "the certificate is not in the register")
	// ErrNotYetValid: the register says the code's certificate was not yet
	// in force at the time of the check.
	ErrNotYetValid = i18n.NewSentinel("mark.ErrNotYetValid", "证书尚未生效", "the certificate is not yet in force")
	// ErrMismatch: the code is genuine but what it states (holder, product,
	// scheme, number) differs from the register's certificate of that
	// number.
	ErrMismatch = i18n.NewSentinel("mark.ErrMismatch", "验证码所载内容与证书登记不符", "the code does not match the register")
	// ErrUnavailable: the register ([Verifier.WithLookup]) could not be
	// asked (a database that is down, locked or unreachable, or the
	// check's context ended). The code's status is unknown, not bad: the
	// check must be made again later, and nobody may be told that the
	// certificate does not exist.
	ErrUnavailable = i18n.NewSentinel("mark.ErrUnavailable", "暂时无法查询证书登记", "the register cannot be asked right now")
)

func init() {
	i18n.Table("mark.code.", [][3]string{
		// Signing (read by the issuer's staff).
		{"no-key", "签发密钥不是有效的 Ed25519 私钥", "the signing key is not a valid Ed25519 private key"},
		{"not-valid", "证书 %s 在签发时的状态为“%s”，不能生成验证码", "certificate %s is %s at the time of signing; no code can be made"},
		{"wrong-scheme", "证书 %s 不是“江西绿色生态”证书，不能生成验证码", "certificate %s is not a 江西绿色生态 certificate; no code can be made"},
		{"no-number", "证书没有编号，不能生成验证码", "the certificate has no number; no code can be made"},
		{"bad-number", "证书编号 %q 含有不可打印的字符", "certificate number %q has characters that cannot be printed"},
		{"long-number", "证书编号 %s 超过 %d 字节", "certificate number %s is longer than %d bytes"},
		{"no-product", "证书 %s 没有产品名称", "certificate %s names no product"},
		{"bad-product", "证书 %s 的产品名称 %q 含有验证码不能原样保存的字符（如私用区字符、控制字符）", "the product name %[2]q of certificate %[1]s has characters a code cannot keep as they are (private-use or control characters)"},
		{"long-product", "证书 %s 的产品名称超过 %d 字节（GB18030）", "the product name of certificate %s is longer than %d bytes of GB18030"},
		{"bad-holder", "证书 %s 的持有人统一社会信用代码无效", "the holder's credit code on certificate %s is not valid"},
		{"no-dates", "证书 %s 缺少颁发日期或有效期", "certificate %s lacks an issue date or an end of validity"},
		{"dates-range", "证书 %s 的有效期超出验证码能表示的范围", "the validity of certificate %s is out of the range a code can hold"},
		{"last-day", "证书 %s 的有效期在签发当天（北京时间）结束，验证码只能有效到前一天，不能生成", "the validity of certificate %s ends on the day of signing (China time); a code is valid through the day before only, so none can be made"},
		{"too-long", "证书 %s 的验证码将有 %d 个字符，超过 %d", "the code of certificate %s would be %d characters, over %d"},
		// Verifying (read by the person who scans a label).
		{"expired", "证书 %s 有效期至 %s，已过期", "certificate %s was valid until %s and has expired"},
		{"outdated", "证书 %s 目前有效，但该标签的验证码已过时（验证码所载有效期至 %s）：请向生产者索取换发的新标签", "certificate %s is valid, but this label's code is outdated (it states validity until %s): ask the producer for a label with a new code"},
		{"retired-key", "验证码是真实的，但签发它的密钥已停用（证书 %s）：请向生产者索取换发的新标签", "the code is genuine but its signing key has been retired (certificate %s): ask the producer for a label with a new code"},
		{"revoked", "证书 %s 已被撤销：该产品不得再使用“江西绿色生态”标志", "certificate %s has been revoked: this product may no longer carry the 江西绿色生态 mark"},
		{"suspended", "证书 %s 已被暂停：暂停期间该产品不得使用“江西绿色生态”标志", "certificate %s is suspended: while it is, this product may not carry the 江西绿色生态 mark"},
		{"cancelled", "证书 %s 已被注销：该产品不得再使用“江西绿色生态”标志", "certificate %s has been cancelled: this product may no longer carry the 江西绿色生态 mark"},
		{"unknown", "证书 %s 不在证书登记中：该标签不可信", "certificate %s is not in the register: do not trust this label"},
		{"unavailable", "暂时无法在证书登记中查询证书 %s：请稍后再试", "the register cannot be asked about certificate %s right now: try again later"},
		{"pending", "证书 %s 在 %s 尚未生效", "certificate %s was not yet in force on %s"},
		{"mismatch", "验证码所载%s与证书 %s 的登记不符：该标签不可信", "the %s in the code differs from the register's for certificate %s: do not trust this label"},
		{"list-revoked", "据证书状态列表，证书 %s 已失效（已被撤销或注销，或已过有效期）：该产品不得再使用“江西绿色生态”标志", "the status list says certificate %s is no longer valid (revoked or cancelled, or its validity has ended): this product may no longer carry the 江西绿色生态 mark"},
		{"list-expired", "无法确认证书 %s 的当前状态：所用的证书状态列表有效期至 %s（北京时间），已过期，请更新状态列表或联网验证", "the current status of certificate %s cannot be confirmed: the status list in use was valid until %s China time and has expired; fetch the current list or verify online"},
		{"list-pending", "无法确认证书 %s 的状态：所用的证书状态列表自 %s（北京时间）起才生效", "the status of certificate %s cannot be confirmed: the status list in use is valid only from %s China time"},
		{"list-index", "无法在证书状态列表中找到证书 %s（状态序号 %d）：请更新状态列表或联网验证", "certificate %s (status index %d) is not in the status list: fetch the current list or verify online"},
		{"no-index", "无法为证书 %s 分配状态序号", "no status index can be assigned to certificate %s"},
		{"field.holder", "持有人", "holder"},
		{"field.product", "产品", "product"},
		{"field.scheme", "认证项目", "scheme"},
		{"field.number", "证书编号", "certificate number"},
	})
	i18n.Table("mark.KeyError.", [][3]string{
		{"size", "第 %d 个密钥长 %d 字节，Ed25519 公钥应为 32 字节", "key %d is %d bytes long; an Ed25519 public key has 32"},
		{"duplicate", "第 %d 个密钥与前面的密钥重复（密钥标识 %s）", "key %d repeats an earlier key (key ID %s)"},
		{"collision", "第 %d 个密钥与另一个不同的密钥有相同的密钥标识 %s，验证码无法区分二者：请另行生成一个密钥", "key %d and another, different key share the key ID %s, so codes cannot tell them apart: generate another key"},
		{"not-a-point", "第 %d 个密钥不是 Ed25519 曲线上的点，不是有效的公钥", "key %d is not a point of the Ed25519 curve, so it is not a public key"},
		{"non-canonical", "第 %d 个密钥不是 Ed25519 公钥的规范编码", "key %d is not the canonical encoding of an Ed25519 public key"},
		{"small-order", "第 %d 个密钥是小阶点（如全零字节的密钥）：任何人都能用它伪造验证码", "key %d is a point of small order (such as a key of zero bytes): anyone could forge codes that it verifies"},
		{"private-size", "签发私钥长 %[2]d 字节，Ed25519 私钥应为 64 字节", "the signing key is %[2]d bytes long; an Ed25519 private key has 64"},
		{"private-mismatch", "签发私钥的公钥部分与其种子不符（密钥文件损坏或拼接有误）", "the public half of the signing key does not match its seed (a damaged or mis-assembled key file)"},
		{"current", "第 %d 个密钥（密钥标识 %s）是现用密钥，不能同时停用", "key %d (key ID %s) is a current key and cannot also be retired"},
		{"none", "未给出现用密钥", "no current key was given"},
	})
}

// CodeError is the error of [Signer.Sign] and [Verifier.Verify] when there
// is more to say than the sentinel: which certificate, why, and for a
// person, the dates and statuses in China time. It wraps the sentinel
// (errors.Is) and renders itself in Chinese and English ([i18n.Error]).
type CodeError struct {
	// Certificate is the certificate number, when known.
	Certificate string
	// Reason is a stable code: "not-valid", "bad-product", "last-day",
	// "no-index", "expired", "outdated", "retired-key", "revoked",
	// "mismatch", and for a status list "list-revoked", "list-expired",
	// "list-pending", "list-index", …
	Reason string
	// Status is the certificate's status that caused the error (signing a
	// certificate that is not valid; a register's answer), or zero.
	Status certification.Status
	// ValidUntil is the last valid day of an expired certificate, or the
	// last valid day an outdated code states, midnight China time
	// ([certification.LastValidDay]), or zero.
	ValidUntil time.Time
	// Field is what differs from the register ("holder", "product",
	// "scheme", "number") for [ErrMismatch].
	Field string
	// Err is the sentinel: one of this package's, or for a status list
	// that cannot answer, [statuslist.ErrExpired],
	// [statuslist.ErrNotYetValid] or [statuslist.ErrIndex].
	Err error
	// Cause is, for [ErrUnavailable], the register's own error, for the
	// operator's logs; it is not part of the message a person reads.
	Cause error
	args  []any // the message's arguments, in order
}

// Error returns the English message.
func (e *CodeError) Error() string { return "mark: " + e.Localize(i18n.English()) }

// Unwrap returns the sentinel.
func (e *CodeError) Unwrap() error { return e.Err }

// Localize describes the error in the language that best matches tag.
func (e *CodeError) Localize(tag language.Tag) string {
	if e.Reason == "" {
		return i18n.Error(e.Err, tag)
	}
	return i18n.Sprintf(tag, "mark.code."+e.Reason, e.args...)
}

// fieldName is a localizable field name for mismatch messages.
type fieldName string

func (f fieldName) Localize(tag language.Tag) string {
	return i18n.Sprintf(tag, "mark.code.field."+string(f))
}

// dateText is a date shown to a person: the day in China time.
func dateText(t time.Time) string { return t.In(brand.ChinaTime()).Format(time.DateOnly) }

// momentText is a moment shown to a person, such as the end of a status
// list's window: the day and the minute in China time.
func momentText(t time.Time) string { return t.In(brand.ChinaTime()).Format("2006-01-02 15:04") }

// KeyError reports a key that [NewSigner], [NewVerifier] or
// [Verifier.WithRetired] refuses. It wraps [ErrKey].
type KeyError struct {
	// Index is the position of the key in the call's arguments, from 0
	// (messages count from 1); -1 when no key was given.
	Index int
	// Reason is, for a public key, "size", "not-a-point" (not a point of
	// the curve), "non-canonical", "small-order" (a key that would verify
	// forged signatures), "duplicate" (the same key twice), "collision"
	// (two different keys with the same [KeyID]), "current" (a retired
	// key that is also current) or "none"; for a private key given to
	// [NewSigner], "private-size" or "private-mismatch" (its public half is
	// not the one its seed gives).
	Reason string
	// Size is the key's length in bytes.
	Size int
	// ID is the key's ID, for "duplicate" and "current".
	ID KeyID
}

// Error returns the English message.
func (e *KeyError) Error() string { return "mark: " + e.Localize(i18n.English()) }

// Unwrap returns [ErrKey].
func (e *KeyError) Unwrap() error { return ErrKey }

// Localize describes the error in the language that best matches tag.
func (e *KeyError) Localize(tag language.Tag) string {
	switch e.Reason {
	case "size", "private-size":
		return i18n.Sprintf(tag, "mark.KeyError."+e.Reason, e.Index+1, e.Size)
	case "private-mismatch":
		return i18n.Sprintf(tag, "mark.KeyError."+e.Reason)
	case "not-a-point", "non-canonical", "small-order":
		return i18n.Sprintf(tag, "mark.KeyError."+e.Reason, e.Index+1)
	case "duplicate", "current", "collision":
		return i18n.Sprintf(tag, "mark.KeyError."+e.Reason, e.Index+1, e.ID.String())
	}
	return i18n.Sprintf(tag, "mark.KeyError.none")
}

// KeyID names a signing key inside a code: the first four bytes of the
// SHA-256 of the Ed25519 public key. It lets a verifier that trusts several
// keys pick the one that signed, and tell a retired key from a stranger's.
type KeyID [4]byte

// KeyIDOf returns the ID of a public key.
func KeyIDOf(key ed25519.PublicKey) KeyID {
	sum := sha256.Sum256(key)
	return KeyID(sum[:keyIDSize])
}

// String returns the ID in lower-case hexadecimal, for example "3fa85f64".
func (id KeyID) String() string { return hex.EncodeToString(id[:]) }

// Claims are what a verified code states, and what the verifier found out
// about it.
type Claims struct {
	Certificate string
	Holder      creditcode.Code
	Product     string
	// Expires is the first instant at which the code is no longer valid:
	// a midnight in China time ([brand.ChinaTime]), the one at or before
	// the certificate's end of validity, so that a code never outlives its
	// certificate. It is not the date to show after 有效期至 ("valid
	// until"): that is [Claims.ValidUntil], the day before.
	Expires time.Time
	// Key is the ID of the key that signed the code.
	Key KeyID
	// StatusIndex is the certificate's index in the brand's status list,
	// signed into a version 3 code ([Signer.WithStatusIndex]); -1 for a
	// code that carries none.
	StatusIndex int
	// Checked reports whether the certificate's status was checked, in a
	// register ([Verifier.WithLookup]) or in the brand's status list
	// ([Verifier.WithStatusList]). When it is false the check was
	// offline with the signature and the dates in the code only, and
	// cannot see that a certificate was suspended, revoked or cancelled
	// after the code was signed.
	Checked bool
	// Status is the certificate's status at the time of the check as the
	// register or the list gives it (a list says Valid, Suspended or
	// Revoked, which covers cancelled and expired); zero when Checked is
	// false.
	Status certification.Status
}

// ValidUntil returns the last day on which the code is valid, midnight
// China time: the date to print after 有效期至. When the certificate's
// validity ends at a China-time midnight (as certificates issued and
// renewed by package certification do), it is the date that certificates
// and the partner schemes' records show ([certification.LastValidDay]).
// When it ends during a day (2029-01-10T00:00:00Z is 08:00 China time),
// the code ends at the midnight before, so ValidUntil is the day before
// the certificate's last valid day: a code never outlives its certificate.
func (c Claims) ValidUntil() time.Time { return certification.LastValidDay(c.Expires) }

// Signer turns certificates into signed verification codes.
type Signer struct {
	key   ed25519.PrivateKey
	id    KeyID
	now   func() time.Time
	index *statuslist.Index
}

// NewSigner returns a signer that signs with key and judges certificates at
// the current time. It refuses, with a [*KeyError] wrapping [ErrKey], a key
// that is not 64 bytes long and a key whose public half (its last 32
// bytes) is not the public key of its seed: such a key would sign codes
// under a key ID no verifier matches, and every scan would say "forged".
func NewSigner(key ed25519.PrivateKey) (*Signer, error) {
	if reason := edkey.PrivateProblem(key); reason != "" {
		return nil, &KeyError{Reason: reason, Size: len(key)}
	}
	want := append(ed25519.PrivateKey(nil), key...)
	return &Signer{key: want, id: KeyIDOf(want.Public().(ed25519.PublicKey)), now: time.Now}, nil
}

// WithClock returns a copy of the signer that asks now for the time of
// signing instead of [time.Now]: tests and batch jobs that sign "as of" a
// date inject their clock this way, for example
//
//	s, err := mark.NewSigner(key)
//	…
//	s = s.WithClock(func() time.Time { return at })
//
// A nil now restores time.Now.
func (s *Signer) WithClock(now func() time.Time) *Signer {
	var c Signer
	if s != nil {
		c = *s
	}
	if now == nil {
		now = time.Now
	}
	c.now = now
	return &c
}

// WithStatusIndex returns a copy of the signer that signs version 3 codes:
// each code carries its certificate's index in the brand's status list,
// which x assigns the first time a certificate is signed (keep x with the
// register: see [statuslist.Index]). A verifier given the published list
// ([Verifier.WithStatusList]) then refuses the code offline once the
// certificate is revoked, cancelled or suspended. A nil x signs version 2
// codes, without an index.
func (s *Signer) WithStatusIndex(x *statuslist.Index) *Signer {
	var c Signer
	if s != nil {
		c = *s
	}
	c.index = x
	return &c
}

// Sign returns the verification code of c. It refuses, with a [*CodeError]
// wrapping [ErrUnsignable]:
//   - a certificate that is not valid at the time of signing (its
//     [certification.Certificate.StatusAt] the signer's clock is not Valid:
//     not yet issued, expired, suspended, revoked or cancelled), or that is
//     not a 江西绿色生态 certificate;
//   - a certificate without a number, a valid holder code, a product, an
//     issue date or an end of validity;
//   - a number or product with characters that cannot be printed or that
//     do not survive the code's encoding unchanged (private-use, control
//     and format characters);
//   - a number or product too long for a code of at most [MaxCodeLen]
//     characters;
//   - a certificate whose validity ends on the day of signing: the code's
//     end of validity is the China-time midnight at or before the
//     certificate's ([Claims.Expires]), already past.
//
// A Signer made otherwise than by [NewSigner] refuses everything.
func (s *Signer) Sign(c certification.Certificate) (string, error) {
	refuse := func(reason string, args ...any) (string, error) {
		return "", &CodeError{Certificate: c.Number, Reason: reason, Err: ErrUnsignable, args: args}
	}
	if s == nil || len(s.key) != ed25519.PrivateKeySize {
		return refuse("no-key")
	}
	switch {
	case c.Number == "":
		return refuse("no-number")
	case !printable(c.Number):
		return refuse("bad-number", c.Number)
	case len(c.Number) > maxNumber:
		return refuse("long-number", c.Number, maxNumber)
	case c.Scheme != brand.JiangxiGreen:
		return refuse("wrong-scheme", c.Number)
	case c.Issued.IsZero() || c.Expires.IsZero():
		return refuse("no-dates", c.Number)
	}
	now := time.Now
	if s.now != nil {
		now = s.now
	}
	at := now()
	if st := c.StatusAt(at); st != certification.Valid {
		return "", &CodeError{Certificate: c.Number, Reason: "not-valid", Status: st, Err: ErrUnsignable, args: []any{c.Number, st}}
	}
	if c.Product == "" {
		return refuse("no-product", c.Number)
	}
	product, err := gb18030.NewEncoder().String(c.Product)
	if err != nil || !printable(c.Product) {
		return refuse("bad-product", c.Number, c.Product)
	}
	if back, err := gb18030.NewDecoder().String(product); err != nil || back != c.Product {
		return refuse("bad-product", c.Number, c.Product)
	}
	switch {
	case len(product) > maxProduct:
		return refuse("long-product", c.Number, maxProduct)
	case !c.Holder.Code.Valid():
		return refuse("bad-holder", c.Number)
	}
	// The end of validity in force now: a renewal recorded ahead of its date
	// does not lengthen codes signed before it.
	expires := codeExpiry(c.ExpiresAt(at))
	switch {
	case expires.Unix() <= 0 || expires.Unix() > math.MaxUint32:
		return refuse("dates-range", c.Number)
	case !at.Before(expires):
		return refuse("last-day", c.Number)
	}
	prefix, index := codePrefix, -1
	if s.index != nil {
		days := (expires.Unix() + chinaOffset) / secondsInDay
		if days > maxDays {
			return refuse("dates-range", c.Number)
		}
		// Assigned last, once nothing else can refuse the certificate.
		i, err := s.index.Assign(c.Number)
		if err != nil || i >= 1<<24 {
			return refuse("no-index", c.Number)
		}
		prefix, index = codePrefixV3, i
	}
	buf := make([]byte, 0, len(prefix)+minPayloadV3+len(c.Number)+len(product)+ed25519.SignatureSize)
	buf = append(buf, prefix...)
	buf = append(buf, s.id[:]...)
	if index < 0 {
		buf = binary.BigEndian.AppendUint32(buf, uint32(expires.Unix()))
	} else {
		buf = binary.BigEndian.AppendUint16(buf, uint16((expires.Unix()+chinaOffset)/secondsInDay))
		buf = append(buf, byte(index>>16), byte(index>>8), byte(index))
	}
	buf = appendPacked(buf, c.Holder.Code)
	buf = append(buf, byte(len(c.Number)))
	buf = append(buf, c.Number...)
	buf = append(buf, byte(len(product)))
	buf = append(buf, product...)
	sig := ed25519.Sign(s.key, buf)
	buf = append(buf, sig...)
	code := prefix + base64.RawURLEncoding.EncodeToString(buf[len(prefix):])
	if len(code) > MaxCodeLen {
		return refuse("too-long", c.Number, len(code), MaxCodeLen)
	}
	return code, nil
}

// CodeValidUntil returns the last valid day that a code signed for a
// certificate whose validity ends at end states ([Claims.ValidUntil]),
// midnight China time: the day before the China-time midnight at or
// before end. It is what a label prints after 有效期至: for an end during
// a China-time day (2029-01-10T00:00:00Z is 08:00 China time) it is the
// day before the certificate's own last valid day, because a code never
// outlives its certificate. Zero for a zero end.
func CodeValidUntil(end time.Time) time.Time {
	if end.IsZero() {
		return time.Time{}
	}
	return certification.LastValidDay(codeExpiry(end))
}

// codeExpiry is the end of validity a code states: the China-time midnight
// at or before the certificate's end of validity t. A code therefore never
// outlives its certificate, and for a midnight t its last valid day is
// [certification.LastValidDay](t), the date the certificate shows.
func codeExpiry(t time.Time) time.Time {
	d := t.In(brand.ChinaTime())
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, brand.ChinaTime())
}

// printable reports whether s is valid UTF-8 made of graphic characters
// only: no control, format, private-use or unassigned code points.
func printable(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if !unicode.IsGraphic(r) {
			return false
		}
	}
	return true
}

// Verifier checks verification codes against a set of trusted public keys,
// offline, and optionally against the brand's published status list
// ([Verifier.WithStatusList]) or a register of certificates
// ([Verifier.WithLookup]). A Verifier is immutable and safe for concurrent
// use; the With methods return new verifiers.
//
// Key rotation: the issuer's current keys are given to [NewVerifier]; the
// keys it has retired are added with [Verifier.WithRetired]. A code names
// its key ([KeyID]), so a code signed by a retired key is reported as
// [ErrRetiredKey], not as a forgery, and a code whose key the verifier has
// never heard of is [ErrForged].
type Verifier struct {
	keys   []trustedKey
	lookup certification.Lookup
	list   *statuslist.List
}

type trustedKey struct {
	id      KeyID
	pub     ed25519.PublicKey
	retired bool
}

// NewVerifier returns a verifier that accepts codes signed by the given
// current keys, for example the new key and, during a changeover, the one
// before it. It refuses, with a [*KeyError] wrapping [ErrKey], no key at
// all, a key that is not 32 bytes long, a key that is not a point of the
// curve or not in canonical form, a key of small order (such as 32 zero
// bytes, an unset configuration value: with it anyone could forge codes),
// a key given twice, and two different keys with the same [KeyID] (about
// one chance in 2^32 for two keys; generate another key then).
func NewVerifier(current ...ed25519.PublicKey) (*Verifier, error) {
	if len(current) == 0 {
		return nil, &KeyError{Index: -1, Reason: "none"}
	}
	v := &Verifier{}
	if err := v.add(current, false); err != nil {
		return nil, err
	}
	return v, nil
}

// WithRetired returns a copy of the verifier that also knows the given
// retired keys: a genuine code signed by one of them fails with
// [ErrRetiredKey] (and its claims), so that a person scanning an old label
// learns that the label is outdated, not that it is forged. It refuses,
// with a [*KeyError], the keys [NewVerifier] refuses and a key that is
// also current.
func (v *Verifier) WithRetired(retired ...ed25519.PublicKey) (*Verifier, error) {
	c := &Verifier{}
	if v != nil {
		c.keys, c.lookup, c.list = append([]trustedKey(nil), v.keys...), v.lookup, v.list
	}
	if err := c.add(retired, true); err != nil {
		return nil, err
	}
	return c, nil
}

func (v *Verifier) add(keys []ed25519.PublicKey, retired bool) error {
	for i, k := range keys {
		if reason := edkey.Problem(k); reason != "" {
			return &KeyError{Index: i, Reason: reason, Size: len(k)}
		}
		id := KeyIDOf(k)
		for _, t := range v.keys {
			if t.id == id {
				reason := "duplicate"
				switch {
				case !t.pub.Equal(k):
					reason = "collision"
				case retired && !t.retired:
					reason = "current"
				}
				return &KeyError{Index: i, Reason: reason, Size: len(k), ID: id}
			}
		}
		v.keys = append(v.keys, trustedKey{id: id, pub: append(ed25519.PublicKey(nil), k...), retired: retired})
	}
	return nil
}

// WithLookup returns a copy of the verifier that, once a code's signature
// is good, asks l for the certificate and its status at the time of the
// check, before it looks at the key's retirement or at the code's own end
// of validity, so that the register's word comes first: the error wraps
// [ErrRevoked], [ErrSuspended], [ErrCancelled], [ErrNotYetValid],
// [ErrExpired] or [ErrUnknownCertificate] when the register says so
// (revoked after the code's end of validity is revoked, as
// [certification.Certificate.StatusAt] says), and [ErrMismatch] when the
// register's certificate of that number has another number spelling,
// holder, product or scheme than the code states. When the register says
// valid, a code signed by a retired key still fails with [ErrRetiredKey]
// and a code whose own validity has ended (signed before a renewal) with
// [ErrOutdatedCode]. The [Claims] then have Checked set.
//
// A register that can fail, a [certification.ContextLookup] (package
// certification/sqlstore), is asked with Get and the context of
// [Verifier.VerifyContext]: its failure is [ErrUnavailable], and only its
// [certification.ErrNotFound] is [ErrUnknownCertificate].
//
// A nil l gives an offline verifier. A typed nil (such as a nil
// *certification.Registry) is not offline: it knows no certificate, so
// every code fails with [ErrUnknownCertificate].
func (v *Verifier) WithLookup(l certification.Lookup) *Verifier {
	if v == nil {
		return &Verifier{lookup: l}
	}
	return &Verifier{keys: v.keys, lookup: l, list: v.list}
}

// WithStatusList returns a copy of the verifier that checks version 3
// codes ([Signer.WithStatusIndex]) against the brand's published status
// list, offline: published is the list as [statuslist.List.Sign] wrote
// it, and it must be signed by one of the verifier's current keys (a
// retired key signs no new list). It fails with the error of
// [statuslist.Parse]: [statuslist.ErrUntrusted] for a list signed by
// another key or altered, [statuslist.ErrMalformed] for anything else
// that is not such a list, including a truncated, oversized or non-GZIP
// encodedList.
//
// Verify then, once a code's signature is good, reads the code's bit at
// the time of the check: [ErrRevoked] (reason "list-revoked") for a
// certificate that is no longer valid — revoked, cancelled, or expired
// while the code states a later end (the list does not tell them apart,
// and its message says so) —, [ErrExpired] when that bit is set and the
// code's own end of validity has passed too, [ErrSuspended]; and
// the list's own problems, as a [*CodeError] wrapping
// [statuslist.ErrExpired] at or after the list's validUntil,
// [statuslist.ErrNotYetValid] before its validFrom and
// [statuslist.ErrIndex] for an index outside it: an out-of-date list
// proves nothing, so the scan fails rather than saying valid. When the
// list says neither revoked nor suspended, the key's retirement and the
// code's own end of validity decide as offline. A register
// ([Verifier.WithLookup]) comes before the list when both are given; a
// version 2 code, which carries no index, is checked offline.
func (v *Verifier) WithStatusList(published []byte) (*Verifier, error) {
	c := &Verifier{}
	if v != nil {
		c.keys, c.lookup = v.keys, v.lookup
	}
	var current []ed25519.PublicKey
	for _, k := range c.keys {
		if !k.retired {
			current = append(current, k.pub)
		}
	}
	l, err := statuslist.Parse(published, current...)
	if err != nil {
		return nil, err
	}
	c.list = l
	return c, nil
}

// StatusList returns the status list the verifier checks version 3 codes
// against ([Verifier.WithStatusList]), or nil: a server reads its window
// (Credential().ValidUntil) to report, or replace, a list about to go
// stale.
func (v *Verifier) StatusList() *statuslist.List {
	if v == nil {
		return nil
	}
	return v.list
}

// KeyIDs returns the IDs of the verifier's current keys, in the order
// given to [NewVerifier]; none for a Verifier not made by NewVerifier,
// which refuses every code as forged.
func (v *Verifier) KeyIDs() []KeyID {
	if v == nil {
		return nil
	}
	var ids []KeyID
	for _, k := range v.keys {
		if !k.retired {
			ids = append(ids, k.id)
		}
	}
	return ids
}

// Verify checks code at time at and returns its claims. It fails with:
//   - [ErrNoTime] when at is the zero time;
//   - [ErrMalformed] for text that is not a code, including any code with
//     an inserted, removed or changed character (CR, LF, spaces, padding,
//     case): each code has one spelling;
//   - [ErrForged] for a code that no known key signed or that was altered;
//   - with a lookup ([Verifier.WithLookup]), the register's verdict, which
//     comes before the two checks below, or [ErrUnavailable] when the
//     register cannot answer;
//   - otherwise, with a status list ([Verifier.WithStatusList]) and a
//     version 3 code, the list's verdict, which also comes first: revoked
//     or cancelled, suspended, or a list that cannot answer (out of its
//     window, index outside it);
//   - [ErrRetiredKey] for a genuine code signed by a retired key;
//   - [ErrExpired] for a genuine code whose validity ended at or before at
//     ([ErrOutdatedCode] instead when the register says the certificate
//     is valid).
//
// The errors after the signature check are [*CodeError] values returned
// with the code's claims, so that the caller can say what was refused; the
// dates in them are in China time. Verify never panics, whatever the input.
func (v *Verifier) Verify(code string, at time.Time) (Claims, error) {
	return v.VerifyContext(context.Background(), code, at)
}

// VerifyContext is [Verifier.Verify] with a context for the register:
// when the lookup is a [certification.ContextLookup] (package
// certification/sqlstore), it is asked with ctx, so that a check whose
// caller has gone (an HTTP request that timed out) stops waiting for it.
// A register that cannot answer, or a ctx that ends first, fails the
// check with [ErrUnavailable], never with [ErrUnknownCertificate].
func (v *Verifier) VerifyContext(ctx context.Context, code string, at time.Time) (Claims, error) {
	if at.IsZero() {
		return Claims{}, &CodeError{Err: ErrNoTime}
	}
	malformed := func(why string) error { return fmt.Errorf("mark: verification code: %s: %w", why, ErrMalformed) }
	if len(code) > MaxCodeLen {
		return Claims{}, malformed("too long")
	}
	prefix, least := codePrefix, minPayload
	switch {
	case strings.HasPrefix(code, codePrefixV3):
		prefix, least = codePrefixV3, minPayloadV3
	case !strings.HasPrefix(code, codePrefix):
		return Claims{}, malformed("wrong prefix")
	}
	if i := b64url.Invalid(code[len(prefix):]); i >= 0 {
		i += len(prefix)
		return Claims{}, malformed(fmt.Sprintf("character %q at %d is not base64url", code[i], i))
	}
	// buf holds the prefix ‖ payload ‖ signature, so that the signed
	// message is a prefix of it, without copying.
	var buf [len(codePrefix) + MaxCodeLen]byte
	copy(buf[:], prefix)
	n, err := b64url.Decode(buf[len(prefix):], []byte(code[len(prefix):]))
	if err != nil {
		return Claims{}, malformed("not base64url")
	}
	if n < least+ed25519.SignatureSize {
		return Claims{}, malformed("too short")
	}
	end := len(prefix) + n
	msg, sig := buf[:end-ed25519.SignatureSize], buf[end-ed25519.SignatureSize:end]
	payload := msg[len(prefix):]
	var key *trustedKey
	if v != nil {
		for i := range v.keys {
			if string(v.keys[i].id[:]) == string(payload[:keyIDSize]) {
				key = &v.keys[i]
				break
			}
		}
	}
	if key == nil {
		return Claims{}, fmt.Errorf("mark: verification code: unknown key %x: %w", payload[:keyIDSize], ErrForged)
	}
	if !ed25519.Verify(key.pub, msg, sig) {
		return Claims{}, fmt.Errorf("mark: verification code: bad signature: %w", ErrForged)
	}
	c, err := parsePayload(payload, prefix == codePrefixV3)
	if err != nil {
		return Claims{}, malformed(err.Error())
	}
	if v.lookup != nil {
		return v.check(ctx, c, key.retired, at)
	}
	if v.list != nil && c.StatusIndex >= 0 {
		return v.checkList(c, key.retired, at)
	}
	if key.retired {
		return c, retiredKey(c.Certificate)
	}
	if !at.Before(c.Expires) {
		return c, expired(c.Certificate, c.Expires)
	}
	return c, nil
}

// checkList reads a genuine version 3 code's bit in the status list, then
// looks at its key and its own end of validity.
func (v *Verifier) checkList(c Claims, retired bool, at time.Time) (Claims, error) {
	st, err := v.list.StatusAt(c.StatusIndex, at)
	if err != nil {
		e := &CodeError{Certificate: c.Certificate, args: []any{c.Certificate}}
		var le *statuslist.Error
		errors.As(err, &le) // StatusAt returns only *statuslist.Error
		switch e.Err = le.Err; le.Err {
		case statuslist.ErrExpired:
			e.Reason = "list-expired"
			e.args = append(e.args, momentText(v.list.Credential().ValidUntil))
		case statuslist.ErrNotYetValid:
			e.Reason = "list-pending"
			e.args = append(e.args, momentText(v.list.Credential().ValidFrom))
		default:
			e.Reason = "list-index"
			e.args = append(e.args, c.StatusIndex)
		}
		return c, e
	}
	c.Checked, c.Status = true, st
	switch st {
	case certification.Revoked:
		if !at.Before(c.Expires) {
			// The bit is also set for an expired certificate; the code's
			// own end of validity, already past, is the plainer answer.
			return c, expired(c.Certificate, c.Expires)
		}
		return c, &CodeError{Certificate: c.Certificate, Reason: "list-revoked", Status: st, Err: ErrRevoked, args: []any{c.Certificate}}
	case certification.Suspended:
		return c, &CodeError{Certificate: c.Certificate, Reason: "suspended", Status: st, Err: ErrSuspended, args: []any{c.Certificate}}
	}
	if retired {
		x := retiredKey(c.Certificate)
		x.Status = st
		return c, x
	}
	if !at.Before(c.Expires) {
		return c, expired(c.Certificate, c.Expires)
	}
	return c, nil
}

func retiredKey(number string) *CodeError {
	return &CodeError{Certificate: number, Reason: "retired-key", Err: ErrRetiredKey, args: []any{number}}
}

func expired(number string, expires time.Time) *CodeError {
	last := certification.LastValidDay(expires)
	return &CodeError{Certificate: number, Reason: "expired", Status: certification.Expired, ValidUntil: last,
		Err: ErrExpired, args: []any{number, dateText(last)}}
}

// check asks the register about a genuine code, then looks at its key and
// its own end of validity.
func (v *Verifier) check(ctx context.Context, c Claims, retired bool, at time.Time) (Claims, error) {
	reg, ok, err := register.Get(ctx, v.lookup, c.Certificate)
	if err != nil {
		return c, &CodeError{Certificate: c.Certificate, Reason: "unavailable", Err: ErrUnavailable, Cause: err, args: []any{c.Certificate}}
	}
	if !ok {
		return c, &CodeError{Certificate: c.Certificate, Reason: "unknown", Err: ErrUnknownCertificate, args: []any{c.Certificate}}
	}
	field := ""
	switch {
	case reg.Number != c.Certificate:
		field = "number"
	case reg.Scheme != brand.JiangxiGreen:
		field = "scheme"
	case reg.Holder.Code != c.Holder:
		field = "holder"
	case !sameText(reg.Product, c.Product):
		field = "product"
	}
	if field != "" {
		return c, &CodeError{Certificate: c.Certificate, Reason: "mismatch", Field: field, Err: ErrMismatch,
			args: []any{fieldName(field), c.Certificate}}
	}
	st := reg.StatusAt(at)
	c.Checked, c.Status = true, st
	e := &CodeError{Certificate: c.Certificate, Status: st, args: []any{c.Certificate}}
	switch st {
	case certification.Valid:
		switch {
		case retired:
			x := retiredKey(c.Certificate)
			x.Status = st
			return c, x
		case !at.Before(c.Expires):
			last := certification.LastValidDay(c.Expires)
			e.Reason, e.Err, e.ValidUntil = "outdated", ErrOutdatedCode, last
			e.args = append(e.args, dateText(last))
			return c, e
		}
		return c, nil
	case certification.Revoked:
		e.Reason, e.Err = "revoked", ErrRevoked
	case certification.Suspended:
		e.Reason, e.Err = "suspended", ErrSuspended
	case certification.Cancelled:
		e.Reason, e.Err = "cancelled", ErrCancelled
	case certification.Expired:
		x := expired(c.Certificate, reg.Expires)
		x.Status = st
		return c, x
	case certification.Pending:
		e.Reason, e.Err = "pending", ErrNotYetValid
		e.args = append(e.args, dateText(at))
	default:
		// A status the register cannot name is no answer.
		e.Reason, e.Err = "unknown", ErrUnknownCertificate
	}
	return c, e
}

var gb18030 = simplifiedchinese.GB18030

// chinaOffset is China time's offset from UTC in seconds: China keeps no
// daylight saving time, so a China-time midnight is a whole number of days
// after 1970-01-01 00:00 China time.
var chinaOffset = func() int64 {
	_, off := time.Date(2026, 1, 1, 0, 0, 0, 0, brand.ChinaTime()).Zone()
	return int64(off)
}()

// appendPacked packs the first 17 characters of a valid credit code, 5 bits
// each, into 11 bytes; the last 3 bits are zero.
func appendPacked(b []byte, code creditcode.Code) []byte {
	var acc uint128
	for i := 0; i < 17; i++ {
		acc = acc.shl5(uint8(strings.IndexByte(creditcode.Alphabet, code[i])))
	}
	acc = acc.shl(3)
	return acc.appendLow(b, packedCode)
}

// unpack reverses appendPacked and recomputes the check character; it
// refuses a value out of range or non-zero padding.
func unpack(p []byte) (creditcode.Code, bool) {
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
		if v >= uint64(len(creditcode.Alphabet)) {
			return "", false
		}
		s[i] = creditcode.Alphabet[v]
		acc = acc.shr(5)
	}
	code, err := creditcode.Complete(string(s[:]))
	return code, err == nil
}

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

// parsePayload reads a payload whose signature has been checked; it still
// refuses anything Sign would not have written.
func parsePayload(p []byte, v3 bool) (Claims, error) {
	c := Claims{StatusIndex: -1}
	copy(c.Key[:], p)
	p = p[keyIDSize:]
	if v3 {
		days := int64(binary.BigEndian.Uint16(p))
		c.Expires = time.Unix(days*secondsInDay-chinaOffset, 0).In(brand.ChinaTime())
		c.StatusIndex = int(p[2])<<16 | int(p[3])<<8 | int(p[4])
		if c.StatusIndex%2 != 0 {
			return Claims{}, errors.New("odd status index")
		}
		p = p[5:]
	} else {
		c.Expires = time.Unix(int64(binary.BigEndian.Uint32(p)), 0).In(brand.ChinaTime())
		p = p[4:]
	}
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
	if !ok1 || !ok2 || len(p) != 0 || len(num) > maxNumber || len(prod) > maxProduct || !printable(string(num)) {
		return Claims{}, errors.New("bad payload")
	}
	c.Certificate = string(num)
	product, err := gb18030.NewDecoder().Bytes(prod)
	if err != nil || !printable(string(product)) {
		return Claims{}, errors.New("bad product")
	}
	// Only the canonical encoding counts.
	if back, err := gb18030.NewEncoder().Bytes(product); err != nil || string(back) != string(prod) {
		return Claims{}, errors.New("product not in canonical GB18030")
	}
	c.Product = string(product)
	return c, nil
}

package verifyweb

import (
	"context"
	"errors"
	"time"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/brand/i18n/enum"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/mark"
	"github.com/jxgreen/jxgreen/mark/internal/register"
)

// Verdict is the stable code of what a scan found, for programs to branch
// on (the "verdict" field of the JSON answer). Its headline in Chinese and
// English is in verdictMessages.
type Verdict string

// The verdicts.
const (
	// VerdictValid: the code is genuine and its certificate is valid: the
	// register or the brand's status list was asked (Checked).
	VerdictValid Verdict = "valid"
	// VerdictUnchecked: the code is genuine and within its own dates, but
	// nobody was asked about its certificate's status (no register; or a
	// status list and a version 2 code, which carries no index): it may
	// have been suspended or revoked since the label was printed. Never
	// shown as valid.
	VerdictUnchecked Verdict = "unchecked"
	// VerdictSuspended: the code is genuine; its certificate is suspended.
	VerdictSuspended Verdict = "suspended"
	// VerdictRevoked: the code is genuine; its certificate is revoked.
	VerdictRevoked Verdict = "revoked"
	// VerdictNoLongerValid: the code is genuine; the brand's status list
	// says its certificate is no longer valid: revoked, cancelled or
	// expired, which the list does not tell apart (a page with a register
	// says which).
	VerdictNoLongerValid Verdict = "no-longer-valid"
	// VerdictCancelled: the code is genuine; its certificate is cancelled.
	VerdictCancelled Verdict = "cancelled"
	// VerdictExpired: the code is genuine; its certificate has expired.
	VerdictExpired Verdict = "expired"
	// VerdictOutdated: the certificate is valid but the label's code was
	// signed before a renewal and has run out: the label needs a new code.
	VerdictOutdated Verdict = "outdated"
	// VerdictRetiredKey: the label's code was signed with a key the issuer
	// has retired (often because it leaked): the label needs a new code.
	// Its headline does not call the certificate valid: without a register
	// nobody vouches that the certificate a retired key signed exists.
	VerdictRetiredKey Verdict = "retired-key"
	// VerdictNotYetValid: the code is genuine; its certificate is not yet in
	// force.
	VerdictNotYetValid Verdict = "not-yet-valid"
	// VerdictUnknown: the code is genuine but the register does not know
	// its certificate.
	VerdictUnknown Verdict = "unknown"
	// VerdictMismatch: the code is genuine but states another holder,
	// product, scheme or number than the register's certificate.
	VerdictMismatch Verdict = "mismatch"
	// VerdictForged: no trusted key signed the code, or it was altered.
	VerdictForged Verdict = "forged"
	// VerdictMalformed: the text is not a verification code at all (a
	// damaged or altered label, or a made-up address).
	VerdictMalformed Verdict = "malformed"
	// VerdictError: the check could not be made (the register cannot be
	// asked, the server is busy, or its clock, configuration or status
	// list is wrong); try again later. The JSON answer's HTTP status is
	// 503.
	VerdictError Verdict = "error"
)

// verdictMessages is the one table of the verdicts' headlines: the large
// words at the top of the page.
var verdictMessages = map[Verdict][2]string{
	VerdictValid:         {"真品 · 证书有效", "Genuine · certificate valid"},
	VerdictUnchecked:     {"签名真实 · 证书状态未核实", "Genuine signature · status not checked"},
	VerdictSuspended:     {"证书已暂停", "Certificate suspended"},
	VerdictRevoked:       {"证书已撤销", "Certificate revoked"},
	VerdictCancelled:     {"证书已注销", "Certificate cancelled"},
	VerdictNoLongerValid: {"证书已失效", "Certificate no longer valid"},
	VerdictExpired:       {"证书已过期", "Certificate expired"},
	VerdictOutdated:      {"标签已过时 · 证书有效", "Outdated label · certificate valid"},
	VerdictRetiredKey:    {"标签已停用 · 请索取新标签", "Withdrawn label · ask for a new one"},
	VerdictNotYetValid:   {"证书尚未生效", "Certificate not yet in force"},
	VerdictUnknown:       {"查无此证书", "Unknown certificate"},
	VerdictMismatch:      {"标签与登记不符", "Label does not match the register"},
	VerdictForged:        {"伪造或被篡改", "Forged or altered"},
	VerdictMalformed:     {"无效的验证码", "Not a valid code"},
	VerdictError:         {"暂时无法验证", "Cannot verify right now"},
}

// Tone is how a page colours a verdict: "ok" (green) only for a valid
// certificate whose status was checked, "warn" (amber) where the
// certificate is valid but the label is not, the status was not checked,
// or the answer is temporary, and "bad" (red) for everything that must not
// be trusted.
func (v Verdict) Tone() string {
	switch v {
	case VerdictValid:
		return "ok"
	case VerdictUnchecked, VerdictOutdated, VerdictRetiredKey, VerdictSuspended, VerdictNotYetValid, VerdictError:
		return "warn"
	}
	return "bad"
}

// Localize returns the verdict's headline in the language that best
// matches tag.
func (v Verdict) Localize(tag language.Tag) string {
	return i18n.Sprintf(tag, "verifyweb.verdict."+string(v))
}

func init() {
	enum.Register("verifyweb.verdict.", verdictMessages)
	i18n.Table("verifyweb.", [][3]string{
		{"msg.valid", "证书 %s 有效：该产品可以使用“江西绿色生态”标志", "certificate %s is valid: this product may carry the 江西绿色生态 mark"},
		{"msg.offline", "验证码的签名真实，但未查询证书登记：无法确认证书此后未被暂停或撤销", "the code's signature is genuine, but the register was not asked: the certificate may have been suspended or revoked since"},
		{"msg.error", "服务器暂时无法完成验证，请稍后再试", "the server cannot complete the check right now; please try again later"},
		{"page.title", "“江西绿色生态”标签验证", "江西绿色生态 (Jiangxi Green Ecology) label check"},
		{"page.brand", "江西绿色生态 · 标签验证", "Jiangxi Green Ecology · label check"},
		{"page.number", "证书编号", "Certificate"},
		{"page.product", "产品", "Product"},
		{"page.holder", "持有人", "Holder"},
		{"page.code", "统一社会信用代码", "Credit code"},
		{"page.body", "认证机构", "Certification body"},
		{"page.until", "有效期至", "Valid until"},
		{"page.status", "证书状态", "Status"},
		{"page.checked", "查验时间（北京时间）", "Checked at (China time)"},
		{"page.other", "English", "中文"},
		{"http.not-found", "页面不存在", "page not found"},
		{"http.method", "只接受 GET 请求", "only GET requests are accepted"},
		{"http.too-large", "请求过大", "request too large"},
		{"http.uri-too-long", "地址过长，不是有效的验证地址", "the address is too long to be a verification address"},
		{"http.rate", "请求过于频繁，请 %d 秒后再试", "too many requests; try again in %d seconds"},
		{"http.timeout", "服务器响应超时，请稍后再试", "the server took too long; please try again later"},
		{"http.busy", "服务器繁忙，请稍后再试", "the server is busy; please try again in a moment"},
		{"http.no-status-list", "本服务未发布证书状态列表", "this service publishes no status list"},
		{"http.status-list-down", "证书状态列表暂时不可用，请稍后再试", "the status list is unavailable right now; please try again later"},
	})
}

// Messages is a text a person reads, in both languages.
type Messages struct {
	Chinese string `json:"zh-Hans"`
	English string `json:"en"`
}

func both(f func(language.Tag) string) Messages {
	return Messages{Chinese: f(i18n.Chinese()), English: f(i18n.English())}
}

// Result is the answer to one scan: what the page shows and what the JSON
// endpoint returns, with stable field names.
type Result struct {
	// Verdict is the stable code of the answer.
	Verdict Verdict `json:"verdict"`
	// Genuine reports whether a trusted key signed the code as it is.
	Genuine bool `json:"genuine"`
	// Valid reports whether the product may carry the mark: the code is
	// genuine and current and its certificate checked and valid
	// (VerdictValid). It is never true when Checked is false.
	Valid bool `json:"valid"`
	// Checked reports whether the certificate's status was checked, in the
	// register or in the brand's status list; when it is false, the check
	// was offline (signature and dates only) and the verdict is never
	// VerdictValid.
	Checked bool `json:"checked"`
	// Headline is the verdict in a few words.
	Headline Messages `json:"headline"`
	// Message says what the verdict means for the person scanning.
	Message Messages `json:"message"`
	// Certificate is what the code states and the register adds, for a
	// genuine code; nil for a forged or malformed one, whose content is
	// not to be believed.
	Certificate *Certificate `json:"certificate,omitempty"`
	// CheckedAt is the time of the check in China time, RFC 3339.
	CheckedAt string `json:"checkedAt"`
}

// Certificate is the certificate a genuine code names.
type Certificate struct {
	// Number is the certificate number.
	Number string `json:"number"`
	// Product is the certified product.
	Product string `json:"product"`
	// Holder is the holder's name, from the register; empty when the
	// register was not asked or does not know the certificate.
	Holder string `json:"holder,omitempty"`
	// HolderCode is the holder's unified social credit code.
	HolderCode string `json:"holderCode"`
	// Body is the certification body's name, from the register.
	Body string `json:"body,omitempty"`
	// Status is the certificate's status code at the time of the check
	// (certification.Status.String: "valid", "suspended", …), from the
	// register.
	Status string `json:"status,omitempty"`
	// ValidUntil is the last valid day (有效期至), YYYY-MM-DD in China time:
	// the register's when it knows the certificate, else the code's.
	ValidUntil string `json:"validUntil,omitempty"`

	status certification.Status
}

// verdictOf maps the error of mark.Verifier.Verify to a verdict.
func verdictOf(err error) Verdict {
	var ce *mark.CodeError
	switch {
	case err == nil:
		return VerdictValid
	case errors.As(err, &ce) && ce.Reason == "list-revoked":
		// One bit for revoked, cancelled and expired: never name one of
		// them (a holder who cancelled was not sanctioned).
		return VerdictNoLongerValid
	case errors.Is(err, mark.ErrRevoked):
		return VerdictRevoked
	case errors.Is(err, mark.ErrSuspended):
		return VerdictSuspended
	case errors.Is(err, mark.ErrCancelled):
		return VerdictCancelled
	case errors.Is(err, mark.ErrExpired):
		return VerdictExpired
	case errors.Is(err, mark.ErrOutdatedCode):
		return VerdictOutdated
	case errors.Is(err, mark.ErrRetiredKey):
		return VerdictRetiredKey
	case errors.Is(err, mark.ErrNotYetValid):
		return VerdictNotYetValid
	case errors.Is(err, mark.ErrUnknownCertificate):
		return VerdictUnknown
	case errors.Is(err, mark.ErrMismatch):
		return VerdictMismatch
	case errors.Is(err, mark.ErrForged):
		return VerdictForged
	case errors.Is(err, mark.ErrMalformed):
		return VerdictMalformed
	}
	return VerdictError
}

// Check verifies code at the handler's clock and returns the answer that
// the page and the JSON endpoint give. It never panics, whatever the code.
func (h *Handler) Check(code string) Result {
	return h.CheckContext(context.Background(), code)
}

// CheckContext is [Handler.Check] with a context for the register: the
// page and the JSON endpoint pass the request's, so that a register that
// takes a context (a [certification.ContextLookup]) stops when the
// request ends. A register that cannot answer gives [VerdictError].
func (h *Handler) CheckContext(ctx context.Context, code string) Result {
	at := h.now()
	if len(code) > maxCode {
		// Not worth verifying; VerifyContext would refuse it too.
		code = ""
	}
	claims, err := h.verifier.Load().VerifyContext(ctx, code, at)
	v := verdictOf(err)
	if v == VerdictValid && !claims.Checked {
		// A signature proves who signed, not that the certificate is
		// still valid.
		v = VerdictUnchecked
	}
	r := Result{
		Verdict:   v,
		Genuine:   claims.Certificate != "" && v != VerdictMalformed && v != VerdictForged && v != VerdictError,
		Valid:     v == VerdictValid,
		Checked:   claims.Checked,
		Headline:  both(v.Localize),
		CheckedAt: at.In(brand.ChinaTime()).Format(time.RFC3339),
	}
	switch {
	case v == VerdictValid:
		r.Message = both(func(t language.Tag) string { return i18n.Sprintf(t, "verifyweb.msg.valid", claims.Certificate) })
	case v == VerdictUnchecked:
		r.Message = both(func(t language.Tag) string { return i18n.Sprintf(t, "verifyweb.msg.offline") })
	case v == VerdictError:
		r.Message = both(func(t language.Tag) string { return i18n.Sprintf(t, "verifyweb.msg.error") })
	default:
		r.Message = both(func(t language.Tag) string { return i18n.Error(err, t) })
	}
	if !r.Genuine {
		return r
	}
	c := &Certificate{
		Number:     claims.Certificate,
		Product:    claims.Product,
		HolderCode: string(claims.Holder),
		ValidUntil: claims.ValidUntil().Format(time.DateOnly),
	}
	if v == VerdictMismatch {
		// The code and the register disagree: show neither's details
		// beyond the number, which both state.
		c.Product, c.HolderCode, c.ValidUntil = "", "", ""
	} else if claims.Checked && h.lookup != nil {
		if reg, ok, err := register.Get(ctx, h.lookup, claims.Certificate); ok && err == nil {
			c.Holder, c.Body = reg.Holder.Name, reg.Body.Name
			c.status = reg.StatusAt(at)
			c.Status = c.status.String()
			if last := certification.LastValidDay(reg.ExpiresAt(at)); !last.IsZero() {
				c.ValidUntil = last.Format(time.DateOnly)
			}
		}
	}
	r.Certificate = c
	return r
}

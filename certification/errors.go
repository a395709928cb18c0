package certification

import (
	"errors"
	"fmt"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/brand/i18n/enum"
)

// Sentinel errors for callers to branch on with errors.Is; the typed error
// that wraps one ([*FieldError], [*TransitionError])
// carries the details for errors.As.
var (
	// ErrMode: a certification mode is unknown.
	ErrMode = i18n.NewSentinel("certification.ErrMode", "未知的认证模式", "unknown certification mode")
	// ErrTransition: a lifecycle step the certificate's status does not allow.
	ErrTransition = i18n.NewSentinel("certification.ErrTransition", "证书状态不允许此操作", "the certificate's status does not allow this step")
	// ErrApplication: an application for certification, or a certificate
	// being stored or decoded, is incomplete or does not meet the rules. A
	// [*FieldError] says which field.
	ErrApplication = i18n.NewSentinel("certification.ErrApplication", "认证申请不符合规则", "the application does not meet the rules")
	// ErrNotFound: no certificate with that number.
	ErrNotFound = i18n.NewSentinel("certification.ErrNotFound", "未找到该证书", "no such certificate")
	// ErrStatus: a certificate status or lifecycle action is unknown.
	ErrStatus = i18n.NewSentinel("certification.ErrStatus", "未知的证书状态或操作", "unknown certificate status or action")
	// ErrDuplicate: a certificate with that number exists already.
	ErrDuplicate = i18n.NewSentinel("certification.ErrDuplicate", "证书编号已存在", "a certificate with that number exists already")
	// ErrRetract: [Certificate.Retract] found no step to retract (the issue
	// step cannot be retracted).
	ErrRetract = i18n.NewSentinel("certification.ErrRetract", "没有可撤回的步骤（颁发步骤不能撤回）", "no step to retract (the issue step cannot be retracted)")
)

// FieldError reports what is wrong with one field of an application or a
// certificate. It wraps [ErrApplication].
type FieldError struct {
	Field  string // the field: "holder.code", "standards[0]", "history[2].at", …
	Reason Reason // what is wrong: one of the [Reason] constants
	Value  string // the offending value, when there is one
	Err    error  // an underlying error, when there is one
	// Pointer is the JSON pointer (RFC 6901) of the field in the input,
	// for an error found decoding JSON: "/history/2/at". The messages
	// name the pointer when there is one, the field otherwise.
	Pointer string
}

// where names the field for a person.
func (e *FieldError) where() string {
	if e.Pointer != "" {
		return e.Pointer
	}
	return e.Field
}

// Error returns the English description of the error.
func (e *FieldError) Error() string {
	msg := fmt.Sprintf("certification: %s: %s", e.where(), i18n.Sprintf(language.English, "certification.reason."+string(e.Reason), e.Value))
	if e.Err != nil {
		msg += " (" + i18n.Error(e.Err, language.English) + ")"
	}
	return msg
}

// Unwrap returns [ErrApplication] and the underlying error.
func (e *FieldError) Unwrap() []error {
	if e.Err != nil {
		return []error{ErrApplication, e.Err}
	}
	return []error{ErrApplication}
}

// Localize describes the error in the language that best matches tag.
func (e *FieldError) Localize(tag language.Tag) string {
	en := i18n.Match(tag) == i18n.English()
	sep, lp, rp := "：", "（", "）"
	if en {
		sep, lp, rp = ": ", " (", ")"
	}
	msg := e.where() + sep + i18n.Sprintf(tag, "certification.reason."+string(e.Reason), e.Value)
	// The cause is named only when it can say itself in the language
	// asked: an error from another library (encoding/json, time) speaks
	// English only, and the reason already says what is wrong.
	var l i18n.Localizer
	if e.Err != nil && errors.As(e.Err, &l) {
		msg += lp + l.Localize(tag) + rp
	}
	return msg
}

// Reason is the stable code of what is wrong with a field ([FieldError]),
// for programs to branch on. Every reason has its message in Chinese and
// English in one table.
type Reason string

// The reasons. Their messages are in reasonMessages.
const (
	// ReasonMissing: missing…
	ReasonMissing Reason = "missing"
	// ReasonInvalid: invalid: …
	ReasonInvalid Reason = "invalid"
	// ReasonNotEvaluated: … is not a 江西绿色生态 standard that passed evaluation.
	ReasonNotEvaluated Reason = "not-evaluated"
	// ReasonNotMember: … is not a member of the 江西绿色生态 certification alliance.
	ReasonNotMember Reason = "not-member"
	// ReasonNotCertificationBody: … is not a certification body.
	ReasonNotCertificationBody Reason = "not-certification-body"
	// ReasonNoApproval: … has no CNCA approval number.
	ReasonNoApproval Reason = "no-approval"
	// ReasonModeTooWeak: certification mode … is weaker than the rules require.
	ReasonModeTooWeak Reason = "mode-too-weak"
	// ReasonDates: invalid dates: …
	ReasonDates Reason = "dates"
	// ReasonControl: contains a control or other invisible character: …
	ReasonControl Reason = "control"
	// ReasonRange: the date … is outside what a certificate can record (years 1 to 9999, a zone offset in whole minutes under 24 hours).
	ReasonRange Reason = "range"
	// ReasonRetractLate: too late to retract: the step is dated … and can only be retracted up to 30 days after that date.
	ReasonRetractLate Reason = "retract-late"
	// ReasonWithdrawn: … is withdrawn and cannot be certified against.
	ReasonWithdrawn Reason = "withdrawn"
	// ReasonTooDeep: JSON nested deeper than … levels.
	ReasonTooDeep Reason = "too-deep"
	// ReasonOutOfOrder: … is dated before the previous entry (the history is kept in date order).
	ReasonOutOfOrder Reason = "out-of-order"
	// ReasonBeforeIssue: … is dated before the issue date.
	ReasonBeforeIssue Reason = "before-issue"
	// ReasonIssueNotFirst: "…" can only be the first step of the history.
	ReasonIssueNotFirst Reason = "issue-not-first"
	// ReasonTransition: the step "…" in the history is not allowed.
	ReasonTransition Reason = "transition"
	// ReasonStatus: status "…" disagrees with the certificate's history (the status is computed from the dates and the history, never stored).
	ReasonStatus Reason = "status"
	// ReasonUnknown: unknown field "…".
	ReasonUnknown Reason = "unknown"
	// ReasonDuplicate: duplicate field "…".
	ReasonDuplicate Reason = "duplicate"
	// ReasonSyntax: malformed JSON (at byte …).
	ReasonSyntax Reason = "syntax"
	// ReasonType: wrong JSON type: …
	ReasonType Reason = "type"
)

// reasonMessages is the one table of the reasons' messages: for each
// reason, its Chinese and English format strings (the value of the field
// fills the verb).
var reasonMessages = map[Reason][2]string{
	ReasonMissing: {"缺失%s",
		"missing%s"},
	ReasonInvalid: {"无效：%s",
		"invalid: %s"},
	ReasonNotEvaluated: {"%s 不是通过评价确认的“江西绿色生态”标准",
		"%s is not a 江西绿色生态 standard that passed evaluation"},
	ReasonNotMember: {"%s 不是“江西绿色生态”国际认证联盟成员",
		"%s is not a member of the 江西绿色生态 certification alliance"},
	ReasonNotCertificationBody: {"%s 不是认证机构",
		"%s is not a certification body"},
	ReasonNoApproval: {"%s 没有 CNCA 批准号",
		"%s has no CNCA approval number"},
	ReasonModeTooWeak: {"认证模式 %s 弱于规则要求",
		"certification mode %s is weaker than the rules require"},
	ReasonDates: {"日期无效：%s",
		"invalid dates: %s"},
	ReasonControl: {"含有控制字符或其他不可见字符：%q",
		"contains a control or other invisible character: %q"},
	ReasonRange: {"日期 %s 超出证书可记录的范围（公元 1–9999 年，时区偏移为整分钟且小于 24 小时）",
		"the date %s is outside what a certificate can record (years 1 to 9999, a zone offset in whole minutes under 24 hours)"},
	ReasonRetractLate: {"更正期已过：被撤回的步骤日期为 %s，只能在其后 30 天内撤回",
		"too late to retract: the step is dated %s and can only be retracted up to 30 days after that date"},
	ReasonWithdrawn: {"%s 已废止，不能作为认证依据",
		"%s is withdrawn and cannot be certified against"},
	ReasonTooDeep: {"JSON 嵌套超过 %s 层",
		"JSON nested deeper than %s levels"},
	ReasonOutOfOrder: {"%s 早于上一条记录的日期（历史须按日期排列）",
		"%s is dated before the previous entry (the history is kept in date order)"},
	ReasonBeforeIssue: {"%s 早于颁证日期",
		"%s is dated before the issue date"},
	ReasonIssueNotFirst: {"“%s”只能是历史中的第一个步骤",
		"\"%s\" can only be the first step of the history"},
	ReasonTransition: {"历史中的步骤“%s”不合法",
		"the step \"%s\" in the history is not allowed"},
	ReasonStatus: {"状态“%s”与证书历史不符（状态由日期和历史计算，不单独存储）",
		"status \"%s\" disagrees with the certificate's history (the status is computed from the dates and the history, never stored)"},
	ReasonUnknown: {"未知字段“%s”",
		"unknown field \"%s\""},
	ReasonDuplicate: {"重复字段“%s”",
		"duplicate field \"%s\""},
	ReasonSyntax: {"JSON 格式错误（第 %s 字节）",
		"malformed JSON (at byte %s)"},
	ReasonType: {"JSON 类型错误：%s",
		"wrong JSON type: %s"},
}

func init() {
	enum.Register("certification.reason.", reasonMessages)
	// The cases of the sentinel errors ([i18n.Sentinel.With]): the value
	// that is not a mode, a status or an action.
	i18n.Table("certification.case.", [][3]string{
		{"mode", "未知的认证模式：%q", "unknown mode %q"},
		{"status", "未知的证书状态：%q", "unknown status %q"},
		{"action", "未知的证书操作：%q", "unknown action %q"},
		{"encode", "无法编码 %v", "cannot encode %v"},
	})
}

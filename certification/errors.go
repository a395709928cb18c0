package certification

import (
	"errors"
	"fmt"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand/i18n"
)

// Sentinel errors for callers to branch on with errors.Is.
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
	Reason string // a stable code for the reason: "missing", "not-evaluated", …
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
	msg := fmt.Sprintf("certification: %s: %s", e.where(), i18n.Sprintf(language.English, "certification.reason."+e.Reason, e.Value))
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
	msg := e.where() + sep + i18n.Sprintf(tag, "certification.reason."+e.Reason, e.Value)
	// The cause is named only when it can say itself in the language
	// asked: an error from another library (encoding/json, time) speaks
	// English only, and the reason already says what is wrong.
	var l i18n.Localizer
	if e.Err != nil && errors.As(e.Err, &l) {
		msg += lp + l.Localize(tag) + rp
	}
	return msg
}

func init() {
	i18n.Table("certification.reason.", [][3]string{
		{"missing", "缺失%s", "missing%s"},
		{"invalid", "无效：%s", "invalid: %s"},
		{"not-evaluated", "%s 不是通过评价确认的“江西绿色生态”标准", "%s is not a 江西绿色生态 standard that passed evaluation"},
		{"not-member", "%s 不是“江西绿色生态”国际认证联盟成员", "%s is not a member of the 江西绿色生态 certification alliance"},
		{"not-certification-body", "%s 不是认证机构", "%s is not a certification body"},
		{"no-approval", "%s 没有 CNCA 批准号", "%s has no CNCA approval number"},
		{"mode-too-weak", "认证模式 %s 弱于规则要求", "certification mode %s is weaker than the rules require"},
		{"dates", "日期无效：%s", "invalid dates: %s"},
		{"control", "含有控制字符或其他不可见字符：%q", "contains a control or other invisible character: %q"},
		{"range", "日期 %s 超出证书可记录的范围（公元 1–9999 年，时区偏移为整分钟且小于 24 小时）", "the date %s is outside what a certificate can record (years 1 to 9999, a zone offset in whole minutes under 24 hours)"},
		{"retract-late", "更正期已过：被撤回的步骤日期为 %s，只能在其后 30 天内撤回", "too late to retract: the step is dated %s and can only be retracted up to 30 days after that date"},
		{"withdrawn", "%s 已废止，不能作为认证依据", "%s is withdrawn and cannot be certified against"},
		{"too-deep", "JSON 嵌套超过 %s 层", "JSON nested deeper than %s levels"},
		{"out-of-order", "%s 早于上一条记录的日期（历史须按日期排列）", "%s is dated before the previous entry (the history is kept in date order)"},
		{"before-issue", "%s 早于颁证日期", "%s is dated before the issue date"},
		{"issue-not-first", "“%s”只能是历史中的第一个步骤", "\"%s\" can only be the first step of the history"},
		{"transition", "历史中的步骤“%s”不合法", "the step \"%s\" in the history is not allowed"},
		{"status", "状态“%s”与证书历史不符（状态由日期和历史计算，不单独存储）", "status \"%s\" disagrees with the certificate's history (the status is computed from the dates and the history, never stored)"},
		{"unknown", "未知字段“%s”", "unknown field \"%s\""},
		{"duplicate", "重复字段“%s”", "duplicate field \"%s\""},
		{"syntax", "JSON 格式错误（第 %s 字节）", "malformed JSON (at byte %s)"},
		{"type", "JSON 类型错误：%s", "wrong JSON type: %s"},
	})
}

package recognition

import (
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/fold"
	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/brand/i18n/enum"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/certification/creditcode"
	"github.com/jxgreen/jxgreen/standard"
)

// Outcome is the result of a recognition check.
type Outcome int

// The outcomes, from best to worst.
const (
	Recognized  Outcome = iota + 1 // 互认
	Conditional                    // 需补充评价: recognised once the named supplements are assessed
	Rejected                       // 不予互认
)

var outcomeNames = enum.New("Outcome", "recognition.outcome.",
	[3]string{"recognized", "互认", "recognized"},
	[3]string{"conditional", "需补充评价", "conditional: supplementary assessment needed"},
	[3]string{"rejected", "不予互认", "rejected"},
)

// String returns "recognized", "conditional" or "rejected".
func (o Outcome) String() string { return outcomeNames.Code(int(o)) }

// Localize names the outcome in the language that best matches tag.
func (o Outcome) Localize(tag language.Tag) string { return outcomeNames.Localize(int(o), tag) }

// MarshalText encodes the outcome as its code.
func (o Outcome) MarshalText() ([]byte, error) { return []byte(o.String()), nil }

// Equivalence says that a partner's standard, or the standard behind a
// partner's product, corresponds to one of the recognising scheme's.
type Equivalence struct {
	// Theirs is the partner's standard; zero matches any.
	Theirs standard.Number
	// Product matches the record's product (after folding width and
	// spaces; contained in the product); empty matches any. At least one of
	// Theirs and Product must be set.
	Product string
	// Ours is the recognising scheme's standard, by number or, where it
	// has none, by title.
	Ours      standard.Number
	OursTitle string
	// Degree is the degree of correspondence: IDT, or MOD agreed to be at
	// least as strict, are accepted; NEQ needs a supplementary assessment
	// against our standard.
	Degree standard.Degree
	// Source cites the source register (package brand/source) for the
	// equivalence, where one states it.
	Source string
}

func (e *Equivalence) label() string {
	if !e.Ours.IsZero() {
		return e.Ours.String()
	}
	return "《" + e.OursTitle + "》"
}

// Agreement is the terms on which one scheme (the Recognizer) recognises
// the records of another (the Scheme).
//
// No recognition agreement between 江西绿色生态 and any partner is public;
// the adapters' agreements are documented defaults built from the principles
// of the policy documents (brand.Principles(): 同线同标同质 and mutual trust in
// standards, 赣标〔2021〕1号 三(六); 一次认证、多张证书, 苏政办发〔2022〕21号
// (十三)). See [DefaultAgreement]. The arrangements that do exist between
// other schemes (brand.Arrangements) recognise eligibility for incentives,
// inspection and test results, an audit reused for a second mark, or issue
// one joint certificate; none recognises a partner's certificate outright.
// The default terms are closest to recognising test and audit results.
//
// Agreements are data as well as Go values: an agreement file (JSON, with
// the schema [AgreementSchema]) holds one or more dated versions, which
// [ParseAgreements] reads, and [Agreements] picks the version in force on
// the day of a decision. Every field below can be written in the file.
type Agreement struct {
	// ID and Version name the terms; every [Decision] says which it
	// applied. The documented defaults are [DefaultAgreementID] (and their
	// mirror [DefaultReverseID]), version [DefaultAgreementVersion].
	ID      string
	Version string
	// From is the first instant the terms are in force and Until the
	// first instant they no longer are; a zero time leaves that side
	// open. An agreement file gives both as days in China time ("until"
	// being the last day in force). Check rejects a record when at falls
	// outside ("agreement-not-in-force").
	From, Until time.Time
	// Document is the document the terms come from; zero for the
	// defaults, which come from none.
	Document   Document
	Recognizer brand.Brand
	Scheme     brand.Brand
	// Equivalences are agreed standard correspondences.
	Equivalences []Equivalence
	// MinMode is the weakest certification mode recognised without a
	// supplement; 0 accepts any.
	MinMode certification.Mode
	// AcceptEvaluation: a record of an evaluation or listing (no
	// certification mode) is recognised on condition of the certification
	// steps it lacks; when false it is rejected.
	AcceptEvaluation bool
	// EvaluationAdds are the certification components on which an
	// evaluation is recognised, when AcceptEvaluation; 0 means those of
	// MinMode (the certification steps it lacks).
	EvaluationAdds certification.Component
	// RequireApproval: the certification body of a certification record
	// must show a CNCA approval number, unless it is a certification body
	// of the 江西绿色生态 alliance, whose members file with CNCA.
	RequireApproval bool
	// Attributes are the brand attributes the recognizer requires; those
	// the record does not cover need a supplementary assessment. Nil means
	// Recognizer.Attributes.
	Attributes []brand.Attribute
	// Assessed are the brand attributes the partner's scheme assesses, and
	// so the ones its records cover; nil means Scheme.Attributes. What a
	// record lists in its own attribute field counts for nothing beyond
	// them: a record cannot claim an attribute its scheme does not assess.
	Assessed []brand.Attribute
	// Standards are the recognizer's standards. Nil means
	// standard.Catalogue() when the recognizer is 江西绿色生态, and none
	// otherwise.
	Standards *standard.Catalog
	// Basis says where the terms come from, in words.
	Basis string

	// none marks the terms of a pair of schemes that have no agreement:
	// Check rejects every record ("no-agreement").
	none bool
}

// Document is the document an agreement comes from.
type Document struct {
	Title  string
	Number string    // its number, as the issuer writes it; "" when it has none
	Date   time.Time // the day it was signed or issued, China time; zero when unknown
}

// IsZero reports whether d names no document.
func (d Document) IsZero() bool { return d.Title == "" && d.Number == "" && d.Date.IsZero() }

// The names of the documented default terms, which [Decision.Agreement]
// gives when a decision applied them.
const (
	// DefaultAgreementID is the id of [DefaultAgreement]'s terms.
	DefaultAgreementID = "default"
	// DefaultReverseID is the id of the mirror of the default terms
	// ([Agreement.Reverse] of a default agreement): the documented default
	// terms on which a partner recognises a 江西绿色生态 certificate.
	DefaultReverseID = "default-reverse"
	// DefaultAgreementVersion is the version of the default terms; it
	// changes when the library changes them.
	DefaultAgreementVersion = "1"
)

// AgreementRef names the terms a decision applied: their id and version.
type AgreementRef struct {
	ID      string
	Version string
}

// String returns the id and the version, separated by a space.
func (r AgreementRef) String() string { return strings.TrimSpace(r.ID + " " + r.Version) }

// IsDefault reports whether r names the documented default terms or their
// mirror.
func (r AgreementRef) IsDefault() bool { return r.ID == DefaultAgreementID || r.ID == DefaultReverseID }

// Ref returns the id and version of a.
func (a Agreement) Ref() AgreementRef { return AgreementRef{ID: a.ID, Version: a.Version} }

// InForce reports whether the terms are in force at time at: at is not
// before From and, when Until is set, before Until.
func (a Agreement) InForce(at time.Time) bool { return a.inForce(at) }

// inForce is InForce without copying the terms.
func (a *Agreement) inForce(at time.Time) bool {
	return !at.Before(a.From) && (a.Until.IsZero() || at.Before(a.Until))
}

// defaultBasis is the basis of every default agreement.
const defaultBasis = "default terms: no recognition agreement between 江西绿色生态 and this scheme is public; " +
	"built from 赣标〔2021〕1号 三(六) (同线同标同质, 标准互信互认) and 苏政办发〔2022〕21号 (十三) (一次认证，多张证书)"

// DefaultAgreement returns the documented default terms on which 江西绿色生态
// recognises scheme: a record must be valid on the check date; its standard
// must be a 江西绿色生态 standard (同标), or correspond to one; it must come
// from certification at least as strong as 江西绿色生态's own (the
// GreenEcologyRules mode), an evaluation being recognised only on condition
// of the certification steps it lacks; its body must be a CNCA-approved
// certification body; and the four attributes of 江西绿色生态 that the
// record does not cover need a supplementary assessment.
func DefaultAgreement(scheme brand.Brand) Agreement {
	return Agreement{
		ID:               DefaultAgreementID,
		Version:          DefaultAgreementVersion,
		Recognizer:       brand.JiangxiGreenEcology().Clone(),
		Scheme:           scheme.Clone(),
		MinMode:          certification.GreenEcologyRules().Mode,
		AcceptEvaluation: true,
		RequireApproval:  true,
		Attributes:       brand.Core(),
		Basis:            defaultBasis,
	}
}

// Reverse returns the mirror terms: the Scheme recognising the
// Recognizer's records, with the equivalences that name a standard on
// both sides turned round (each keeps its product) and the partner's
// attributes required. It is what a partner province applies to
// a 江西绿色生态 certificate. The partner's standards are not known to the
// library, so only the equivalences speak for the standard; an evaluation
// scheme asks for no certification mode. The mirror keeps the version, the
// dates and the document; its id is a's with "-reverse" added, so that the
// mirror of the defaults is [DefaultReverseID]: documented default terms
// as well, since no partner has published the terms on which it would
// recognise 江西绿色生态.
func (a Agreement) Reverse() Agreement {
	r := Agreement{
		Version:          a.Version,
		From:             a.From,
		Until:            a.Until,
		Document:         a.Document,
		Recognizer:       a.Scheme.Clone(),
		Scheme:           a.Recognizer.Clone(),
		MinMode:          a.MinMode,
		AcceptEvaluation: a.AcceptEvaluation,
		EvaluationAdds:   a.EvaluationAdds,
		RequireApproval:  a.RequireApproval,
		Attributes:       slices.Clone(a.Scheme.Attributes),
		Basis:            a.Basis,
		none:             a.none,
	}
	if a.ID != "" {
		r.ID = a.ID + "-reverse"
	}
	if a.Scheme.Model == brand.Evaluation {
		r.MinMode, r.EvaluationAdds = 0, 0
	}
	for _, e := range a.Equivalences {
		if e.Ours.IsZero() || e.Theirs.IsZero() {
			// Turned round, an equivalence by product alone ("their 茶
			// corresponds to our T/JGE 0041-2023") or by our title alone
			// names no standard of the mirror's recognizer: it would match
			// any product that cites ours, and no agreement file could
			// hold it. The mirror leaves it out, and the standard goes
			// unverified.
			continue
		}
		r.Equivalences = append(r.Equivalences, Equivalence{Theirs: e.Ours, Ours: e.Theirs, Product: e.Product, Degree: e.Degree, Source: e.Source})
	}
	return r
}

func (a *Agreement) catalog() *standard.Catalog {
	if a.Standards != nil {
		return a.Standards
	}
	if a.Recognizer.ID == brand.JiangxiGreen {
		return standard.Catalogue()
	}
	return nil
}

// brandName names a scheme for a reason: its Chinese name, or its id.
func brandName(b brand.Brand) string {
	if b.Name != "" {
		return "“" + b.Name + "”"
	}
	return string(b.ID)
}

// openDate formats the start of a period, "…" when it is open.
func openDate(t time.Time) string {
	if t.IsZero() {
		return "…"
	}
	return date(t)
}

// lastDay formats the end of a period as its last day, "…" when it is
// open: Until is the first instant no longer in force.
func lastDay(t time.Time) string {
	if t.IsZero() {
		return "…"
	}
	return date(t.Add(-time.Nanosecond))
}

// Reason is one ground of a decision.
type Reason struct {
	// Code is stable, for programs to branch on: one of the [ReasonCode]
	// constants.
	Code ReasonCode
	// Outcome is the outcome this reason leads to: Conditional or Rejected.
	Outcome Outcome
	Args    []any
}

// ReasonCode is the stable code of a [Reason], for programs to branch on;
// [Reason.Message] words it, with its arguments, in Chinese or English.
type ReasonCode string

// The reason codes [Agreement.Check] gives.
const (
	// ReasonSchemeMismatch: the record is of another scheme than the agreement's.
	ReasonSchemeMismatch ReasonCode = "scheme-mismatch"
	// ReasonStatusUnknown: the record states no status the scheme is known to use.
	ReasonStatusUnknown ReasonCode = "status-unknown"
	// ReasonNotYetValid: the certificate is not yet valid on the day of the check.
	ReasonNotYetValid ReasonCode = "not-yet-valid"
	// ReasonExpired: the certificate's validity has ended.
	ReasonExpired ReasonCode = "expired"
	// ReasonSuspended: the certificate is suspended.
	ReasonSuspended ReasonCode = "suspended"
	// ReasonRevoked: the certificate has been revoked.
	ReasonRevoked ReasonCode = "revoked"
	// ReasonCancelled: the certificate has been cancelled.
	ReasonCancelled ReasonCode = "cancelled"
	// ReasonNoValidity: the record states no end of validity.
	ReasonNoValidity ReasonCode = "no-validity"
	// ReasonHolderInvalid: the holder's unified social credit code is not valid.
	ReasonHolderInvalid ReasonCode = "holder-invalid"
	// ReasonNoStandard: no standard of the recognizer covers the product.
	ReasonNoStandard ReasonCode = "no-standard"
	// ReasonStandardUnverified: their standard is not shown to match ours: a supplementary assessment against our indicators is needed.
	ReasonStandardUnverified ReasonCode = "standard-unverified"
	// ReasonStandardNotEquivalent: their standard is not equivalent (NEQ) to ours.
	ReasonStandardNotEquivalent ReasonCode = "standard-not-equivalent"
	// ReasonIndicatorLooser: one of their indicators is looser than ours.
	ReasonIndicatorLooser ReasonCode = "indicator-looser"
	// ReasonIndicatorMissing: their standard lacks one of our indicators.
	ReasonIndicatorMissing ReasonCode = "indicator-missing"
	// ReasonIndicatorIncomparable: an indicator cannot be compared with ours.
	ReasonIndicatorIncomparable ReasonCode = "indicator-incomparable"
	// ReasonEvaluationOnly: the record is of an evaluation, not a certification: the certification steps it lacks are to be added.
	ReasonEvaluationOnly ReasonCode = "evaluation-only"
	// ReasonEvaluationNotAccepted: the agreement accepts certifications only.
	ReasonEvaluationNotAccepted ReasonCode = "evaluation-not-accepted"
	// ReasonModeWeaker: the certification mode is weaker than the agreement requires.
	ReasonModeWeaker ReasonCode = "mode-weaker"
	// ReasonBodyMissing: the record names no certification or evaluation body.
	ReasonBodyMissing ReasonCode = "body-missing"
	// ReasonBodyNotCertifier: the body is not a certification body.
	ReasonBodyNotCertifier ReasonCode = "body-not-certifier"
	// ReasonBodyNotApproved: the certification body shows no valid CNCA approval number.
	ReasonBodyNotApproved ReasonCode = "body-not-approved"
	// ReasonAttributesUncovered: the scheme does not cover brand attributes the recognizer requires.
	ReasonAttributesUncovered ReasonCode = "attributes-uncovered"
	// ReasonProductOutsideStandard: the product is outside the subject of the standard.
	ReasonProductOutsideStandard ReasonCode = "product-outside-standard"
	// ReasonStatusUnrecognized: the status word is not one the scheme is known to use.
	ReasonStatusUnrecognized ReasonCode = "status-unrecognized"
	// ReasonClaimUnverified: the record claims to be a 江西绿色生态 certificate that was not checked against a registry.
	ReasonClaimUnverified ReasonCode = "claim-unverified"
	// ReasonClaimUnknown: the certificate registry has no such 江西绿色生态 certificate.
	ReasonClaimUnknown ReasonCode = "claim-unknown"
	// ReasonClaimMismatch: the record does not match the registered 江西绿色生态 certificate.
	ReasonClaimMismatch ReasonCode = "claim-mismatch"
	// ReasonAgreementNotInForce: the agreement is not in force on the day of the check.
	ReasonAgreementNotInForce ReasonCode = "agreement-not-in-force"
	// ReasonNoAgreement: there are no terms on which the recognizer recognises the record's scheme.
	ReasonNoAgreement ReasonCode = "no-agreement"
	// ReasonIntegrityUnverified: the record is a credential whose proof did not verify against a trusted issuer key (unsigned, or signed by a key not trusted): not recognised on its own word.
	ReasonIntegrityUnverified ReasonCode = "integrity-unverified"
)

// reasonMessages is the one table of the reasons' messages, Chinese and
// English; package codetest checks that every constant has both and that
// the table holds nothing else.
var reasonMessages = map[ReasonCode][2]string{
	ReasonSchemeMismatch: {"记录属于 %s，而协议针对 %s",
		"the record is of %s, the agreement of %s"},
	ReasonStatusUnknown: {"记录未说明证书状态",
		"the record does not state the certificate's status"},
	ReasonNotYetValid: {"证书自 %s 起才生效",
		"the certificate is valid only from %s"},
	ReasonExpired: {"证书已于 %s 过期",
		"the certificate expired on %s"},
	ReasonSuspended: {"证书处于暂停状态",
		"the certificate is suspended"},
	ReasonRevoked: {"证书已被撤销",
		"the certificate has been revoked"},
	ReasonCancelled: {"证书已被注销",
		"the certificate has been cancelled"},
	ReasonNoValidity: {"记录未说明有效期",
		"the record states no validity"},
	ReasonHolderInvalid: {"持证人统一社会信用代码无效：%s",
		"the holder's unified social credit code is invalid: %s"},
	ReasonNoStandard: {"没有“%s”标准覆盖产品“%s”",
		"no %s standard covers the product %s"},
	ReasonStandardUnverified: {"未确认对方标准与 %s 同标：需按其指标补充评价",
		"their standard has not been shown to match %s: assess the product against its indicators"},
	ReasonStandardNotEquivalent: {"对方标准与 %s 非等效（NEQ）：需按其指标补充评价",
		"their standard is not equivalent to %s (NEQ): assess against its indicators"},
	ReasonIndicatorLooser: {"指标“%s”宽于 %s（%s，要求 %s）",
		"indicator %s is looser than in %s (%s against %s)"},
	ReasonIndicatorMissing: {"缺少 %s 的指标“%s”",
		"lacks the indicator %[2]s of %[1]s"},
	ReasonIndicatorIncomparable: {"指标“%s”无法与 %s 比较",
		"indicator %s cannot be compared with %s"},
	ReasonEvaluationOnly: {"评价（非认证）结果：需补充%s",
		"an evaluation, not a certification: add %s"},
	ReasonEvaluationNotAccepted: {"协议不承认评价（非认证）结果",
		"the agreement does not accept evaluations, only certifications"},
	ReasonModeWeaker: {"认证模式 %s 弱于要求的 %s：需补充%s",
		"certification mode %s is weaker than %s: add %s"},
	ReasonBodyMissing: {"记录未说明认证或评价机构",
		"the record names no certification or evaluation body"},
	ReasonBodyNotCertifier: {"%s 不是认证机构",
		"%s is not a certification body"},
	ReasonBodyNotApproved: {"认证机构 %s 无有效的 CNCA 批准号",
		"the certification body %s shows no valid CNCA approval number"},
	ReasonAttributesUncovered: {"对方方案未覆盖以下品牌属性，需补充评价：%s",
		"the scheme does not cover these brand attributes, which need a supplementary assessment: %s"},
	ReasonProductOutsideStandard: {"产品“%s”不在 %s 的适用对象之内",
		"the product %s is outside the subject of %s"},
	ReasonStatusUnrecognized: {"证书状态“%s”不是该方案已知的状态词，状态无法确认",
		"the status “%s” is not a status word the scheme is known to use: the status cannot be established"},
	ReasonClaimUnverified: {"记录自称是“江西绿色生态”证书 %s，但未经证书库核实",
		"the record claims to be the 江西绿色生态 certificate %s, which was not checked against a certificate registry"},
	ReasonClaimUnknown: {"证书库中没有“江西绿色生态”证书 %s",
		"the certificate registry has no 江西绿色生态 certificate %s"},
	ReasonClaimMismatch: {"记录与证书库中的证书 %s 不符：%s",
		"the record does not match the registered certificate %s: %s"},
	ReasonAgreementNotInForce: {"协议 %s 在 %s 不在有效期内（%s 至 %s）",
		"the agreement %s is not in force on %s (%s to %s)"},
	ReasonNoAgreement: {"没有%s互认%s的协议",
		"there are no terms on which %s recognises %s"},
	ReasonIntegrityUnverified: {"该凭证没有可用可信签发方密钥验证的签名（未签名，或签名密钥不受信任），不能仅凭其自述互认",
		"the credential carries no proof that verifies against a trusted issuer key (unsigned, or signed by a key not trusted): it is not recognised on its own word"},
}

func init() {
	enum.Register("recognition.reason.", reasonMessages)
}

// String returns the stable code.
func (c ReasonCode) String() string { return string(c) }

// Valid reports whether c is one of the ReasonCode constants.
func (c ReasonCode) Valid() bool {
	_, ok := reasonMessages[c]
	return ok
}

// Message describes the reason in the language that best matches tag.
func (r Reason) Message(tag language.Tag) string {
	return i18n.Sprintf(tag, "recognition.reason."+string(r.Code), r.Args...)
}

// date formats a time as the date it is in China, for reason arguments:
// t.In(brand.ChinaTime()).Format(time.DateOnly), written by hand for the
// years of four digits (FuzzDateAgreesWithFormat holds the two equal), as
// an expired record's reason needs it.
func date(t time.Time) string {
	t = t.In(brand.ChinaTime())
	y, m, d := t.Date()
	if y < 0 || y > 9999 {
		return t.Format(time.DateOnly)
	}
	b := [...]byte{byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10), '-',
		byte('0' + m/10), byte('0' + m%10), '-', byte('0' + d/10), byte('0' + d%10)}
	return string(b[:])
}

// Decision is the result of [Agreement.Check].
type Decision struct {
	Scheme     brand.ID // the record's scheme
	Number     string   // the record's number
	Recognizer brand.ID // whose recognition was asked
	// Agreement names the terms applied: the version in force on the day
	// of the check, or the documented defaults (AgreementRef.IsDefault).
	Agreement AgreementRef
	Outcome   Outcome
	Reasons   []Reason
	// Standard is the recognizer's standard the record was matched to,
	// by number or, where it has none, by title; both empty when none.
	Standard      standard.Number
	StandardTitle string
	// Assess are the brand attributes that need a supplementary
	// assessment.
	Assess []brand.Attribute
	// Add are the certification components the record lacks.
	Add certification.Component
	// Indicators are the names of the indicators to assess in addition.
	Indicators []string
}

// decider is a [Decision] in the making. Its reasons share one array and
// their arguments another, both made in one allocation on the first
// reason, with room for a usual decision's: a decision with a few reasons
// costs one allocation (and its arguments' boxing) rather than one per
// reason and per growth. Each reason's Args is capped at its own length,
// so that appending to one never writes into another's, and appending to
// Reasons past its room moves it; the arrays belong to this decision
// alone, never to the agreement or to another decision.
type decider struct {
	Decision
	args   []any
	assess []brand.Attribute
}

// reasonRoom is the room made on a decision's first reason: 138 of the
// 140 decisions of the bundled sample have at most three reasons, which
// take at most four arguments between them, and the brand attributes to
// assess of a decision (at most the four of 江西绿色生态 under the
// default terms): 240 bytes, one size class of the allocator.
type reasonRoom struct {
	reasons [3]Reason
	args    [4]any
	assess  [4]brand.Attribute
}

// makeRoom makes the room of a decision's reasons, their arguments and
// its attributes to assess.
func (d *decider) makeRoom() {
	room := new(reasonRoom)
	d.Reasons, d.args, d.assess = room.reasons[:0], room.args[:0], room.assess[:0]
}

func (d *decider) add(o Outcome, code ReasonCode, args ...any) {
	if d.Reasons == nil {
		d.makeRoom()
	}
	var own []any // nil for a reason without arguments, as before
	if len(args) > 0 {
		if cap(d.args)-len(d.args) < len(args) {
			d.args = make([]any, 0, max(len(reasonRoom{}.args), len(args)))
		}
		start := len(d.args)
		d.args = append(d.args, args...)
		own = d.args[start:len(d.args):len(d.args)]
	}
	d.Reasons = append(d.Reasons, Reason{Code: code, Outcome: o, Args: own})
	if o > d.Outcome {
		d.Outcome = o
	}
}

// Has reports whether the decision gives the reason code.
func (d Decision) Has(code ReasonCode) bool {
	for _, r := range d.Reasons {
		if r.Code == code {
			return true
		}
	}
	return false
}

// CheckOption changes how [Agreement.Check] decides.
type CheckOption func(*checkOptions)

type checkOptions struct {
	lookup certification.Lookup
}

// WithLookup gives Check the certificates of the recognizer (a
// [certification.Registry], or a service's own store): a record that
// claims to be one of them is checked against it.
func WithLookup(l certification.Lookup) CheckOption {
	return func(o *checkOptions) { o.lookup = l }
}

// applyOptions is apart from Check so that the options, which escape, cost
// an allocation only to a call that has some.
func applyOptions(opts []CheckOption) checkOptions {
	var o checkOptions
	for _, opt := range opts {
		opt(&o)
	}
	return o
}

// Check decides whether the recognizer recognises record r at time at. It
// compares, each a reason when it fails or falls short:
//
//   - the record's integrity: a credential whose proof did not verify
//     against a trusted key ([IntegrityUnverified]) is at most conditional
//     ("integrity-unverified");
//   - the record's scheme, status and validity on the check date (an
//     expired, suspended, revoked, cancelled or not yet valid record is
//     never recognised, nor one whose status is unknown or written in a
//     word its scheme is not known to use);
//   - a record that claims to be a certificate of the recognizer's own
//     scheme (a UNTP credential naming 江西绿色生态, checked by 江西绿色生态)
//     is not taken on its word: given [WithLookup], the certificate must be
//     registered under that number, for the same holder and product, and
//     its status is the registry's at time at; without one, the record is
//     at most conditional ("claim-unverified");
//   - the standard: one of ours cited by the record (同标), an agreed
//     equivalence, or, where both standards are known, [standard.Compare]
//     indicator by indicator; a product for which we have a standard but
//     whose standard is not known to match is conditional; a product
//     outside the subject of a standard of ours that the record cites
//     ([standard.Standard.Covers]) is rejected ("product-outside-standard");
//   - the certification mode (at least as strong), an evaluation being
//     conditional on the certification steps it lacks;
//   - the body (a certification body, CNCA-approved or of the 江西绿色生态
//     alliance);
//   - the brand attributes: ours that the partner's scheme does not
//     assess ([Agreement.Assessed]) become a supplementary assessment; a
//     record's own list of attributes adds nothing to them.
//
// Check never fails: every fault of the record is a reason.
func (a Agreement) Check(r Record, at time.Time, opts ...CheckOption) Decision {
	var o checkOptions
	if len(opts) > 0 {
		o = applyOptions(opts)
	}
	return a.check(&r, at, o.lookup, false)
}

// checkBuilt is Check for a record that [Format.build] made (the batch's
// flat records): its holder code is the canonical code that
// creditcode.Parse returned there, which need not be parsed again.
func (a *Agreement) checkBuilt(r *Record, at time.Time, l certification.Lookup) Decision {
	return a.check(r, at, l, true)
}

// check is Check; holderParsed says that r.Holder.Code is a code that
// creditcode.Parse returned.
func (a *Agreement) check(r *Record, at time.Time, lookup certification.Lookup, holderParsed bool) Decision {
	d := decider{Decision: Decision{Scheme: r.Scheme, Number: r.Number, Recognizer: a.Recognizer.ID,
		Agreement: AgreementRef{ID: a.ID, Version: a.Version}, Outcome: Recognized}}
	if a.none {
		d.add(Rejected, ReasonNoAgreement, brandName(a.Recognizer), brandName(a.Scheme))
		return d.Decision
	}
	if !a.inForce(at) {
		d.add(Rejected, ReasonAgreementNotInForce, a.Ref().String(), date(at), openDate(a.From), lastDay(a.Until))
	}
	if r.Scheme != a.Scheme.ID {
		d.add(Rejected, ReasonSchemeMismatch, string(r.Scheme), string(a.Scheme.ID))
	}
	if r.Integrity != IntegrityNone && r.Integrity != IntegrityChecked {
		d.add(Conditional, ReasonIntegrityUnverified)
	}

	st := r.statusAt(at)
	if r.Scheme == a.Recognizer.ID && a.Recognizer.ID != "" {
		st = a.checkClaim(r, at, lookup, &d, st)
	}
	switch st {
	case certification.Valid:
	case 0:
		if r.StatusText != "" {
			d.add(Rejected, ReasonStatusUnrecognized, r.StatusText)
		} else {
			d.add(Rejected, ReasonStatusUnknown)
		}
	case certification.Pending:
		d.add(Rejected, ReasonNotYetValid, date(r.Issued))
	case certification.Expired:
		d.add(Rejected, ReasonExpired, date(r.Expires))
	case certification.Suspended:
		d.add(Rejected, ReasonSuspended)
	case certification.Revoked:
		d.add(Rejected, ReasonRevoked)
	case certification.Cancelled:
		d.add(Rejected, ReasonCancelled)
	default: // no status of certification.Status
		d.add(Rejected, ReasonStatusUnknown)
	}
	if r.Expires.IsZero() {
		d.add(Rejected, ReasonNoValidity)
	}
	if !holderParsed {
		if _, err := creditcode.Parse(string(r.Holder.Code)); err != nil {
			d.add(Rejected, ReasonHolderInvalid, string(r.Holder.Code))
		}
	}

	// A record covers what its scheme assesses and what our standard it
	// meets covers; not what it claims on its own.
	assessed := a.Assessed
	if assessed == nil {
		assessed = a.Scheme.Attributes
	}
	ourCover := a.checkStandard(r, &d)

	// Certification mode and body.
	if r.Mode == 0 {
		adds := a.EvaluationAdds
		if adds == 0 {
			adds = a.MinMode.Includes()
		}
		switch {
		case !a.AcceptEvaluation:
			d.add(Rejected, ReasonEvaluationNotAccepted)
		case adds != 0:
			d.Add |= adds
			d.add(Conditional, ReasonEvaluationOnly, adds)
		}
		if blank(r.Body.Name) {
			d.add(Rejected, ReasonBodyMissing)
		}
	} else {
		if a.MinMode.Valid() && !r.Mode.AtLeast(a.MinMode) {
			missing := a.MinMode.Includes() &^ r.Mode.Includes()
			d.Add |= missing
			d.add(Conditional, ReasonModeWeaker, r.Mode, a.MinMode, missing)
		}
		switch {
		case blank(r.Body.Name):
			d.add(Rejected, ReasonBodyMissing)
		case !r.Body.Certifies:
			d.add(Rejected, ReasonBodyNotCertifier, r.Body.Name)
		case a.RequireApproval && !certification.ValidApproval(r.Body.Approval) && !knownAllianceBody(r.Body):
			d.add(Rejected, ReasonBodyNotApproved, r.Body.Name)
		}
	}

	// Brand attributes.
	want := a.Attributes
	if want == nil {
		want = a.Recognizer.Attributes
	}
	if missing := d.missingAttributes(want, assessed, ourCover); len(missing) > 0 {
		d.Assess = missing
		d.add(Conditional, ReasonAttributesUncovered, brand.List(missing))
	}
	return d.Decision
}

// missingAttributes is brand.Missing(want, append(have, more...)) without
// making the union: the attributes of want (in its order) in neither, or
// nil when there are none. The slice is the decision's own, capped at its
// length: in the room made for its reasons when it fits, else new.
func (d *decider) missingAttributes(want, have, more []brand.Attribute) []brand.Attribute {
	n := 0
	for _, w := range want {
		if !slices.Contains(have, w) && !slices.Contains(more, w) {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	var out []brand.Attribute
	if d.Reasons == nil {
		d.makeRoom()
	}
	if n <= cap(d.assess) {
		out, d.assess = d.assess[:0:n], nil // the room's attributes serve once
	} else {
		out = make([]brand.Attribute, 0, n)
	}
	for _, w := range want {
		if !slices.Contains(have, w) && !slices.Contains(more, w) {
			out = append(out, w)
		}
	}
	return out
}

// blank reports whether s is empty or only white space: whether
// strings.TrimSpace(s) is "", answered at the first rune of a name that
// is not blank rather than by trimming it.
func blank(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// checkClaim checks a record that claims to be a certificate of the
// recognizer's own scheme against the recognizer's registry, and returns
// the status to judge it by: the registry's at time at, or the record's
// own when there is no registry (the claim then being conditional).
func (a *Agreement) checkClaim(r *Record, at time.Time, l certification.Lookup, d *decider, st certification.Status) certification.Status {
	if l == nil {
		d.add(Conditional, ReasonClaimUnverified, r.Number)
		return st
	}
	c, ok := l.Certificate(r.Number)
	if !ok {
		d.add(Rejected, ReasonClaimUnknown, r.Number)
		return st
	}
	var diff claimFields
	if c.Scheme != "" && c.Scheme != r.Scheme {
		diff = append(diff, "scheme")
	}
	if c.Holder.Code != r.Holder.Code {
		diff = append(diff, "holder")
	}
	if foldProduct(c.Product) != foldProduct(r.Product) {
		diff = append(diff, "product")
	}
	if !sameNumbers(c.Standards, r.Standards) {
		diff = append(diff, "standards")
	}
	// What the terms then judge by the record must be the certificate's
	// too: a claim cannot raise its mode, change its body or outlast the
	// certificate. A format that records no mode gives none (0).
	if r.Mode != 0 && r.Mode != c.Mode {
		diff = append(diff, "mode")
	}
	if r.Body.Name != "" && foldProduct(r.Body.Name) != foldProduct(c.Body.Name) {
		diff = append(diff, "body")
	}
	if end := c.ExpiresAt(at); !end.IsZero() && r.Expires.After(end) {
		diff = append(diff, "validity")
	}
	if len(diff) > 0 {
		d.add(Rejected, ReasonClaimMismatch, r.Number, diff)
	}
	return c.StatusAt(at)
}

// claimFields names the fields in which a claim differs from the
// registered certificate, in the reader's language.
type claimFields []string

func init() {
	i18n.Table("recognition.field.", [][3]string{
		{"scheme", "方案", "scheme"},
		{"holder", "持证人", "holder"},
		{"product", "产品", "product"},
		{"standards", "标准", "standards"},
		{"mode", "认证模式", "certification mode"},
		{"body", "认证机构", "certification body"},
		{"validity", "有效期", "validity"},
		{"sep", "、", ", "},
	})
}

// Localize lists the fields in the language that best matches tag.
func (f claimFields) Localize(tag language.Tag) string {
	names := make([]string, len(f))
	for i, k := range f {
		names[i] = i18n.Sprintf(tag, "recognition.field."+k)
	}
	return strings.Join(names, i18n.Sprintf(tag, "recognition.field.sep"))
}

// String lists the fields in English.
func (f claimFields) String() string { return f.Localize(i18n.English()) }

// sameNumbers reports whether a and b cite the same standards, in any
// order.
func sameNumbers(a, b []standard.Number) bool {
	if len(a) != len(b) {
		return false
	}
	for _, n := range a {
		if !slices.ContainsFunc(b, n.SameStandard) {
			return false
		}
	}
	return true
}

// knownAllianceBody reports whether b is a certification body of the
// 江西绿色生态 alliance as the 2022 Q&A (question 五) names it: its members
// file their rules with CNCA (中新网 2021-08-02), so membership stands for
// the approval number
// that no public source gives.
func knownAllianceBody(b certification.Body) bool {
	if known, ok := allianceByName[b.Name]; ok {
		return known
	}
	m, ok := certification.AllianceMember(b.Name)
	return ok && m.Certifies
}

// allianceByName answers knownAllianceBody for the members' names as the
// alliance writes them, without folding the name on every record: made
// once from certification.AllianceMember itself, so that the two cannot
// disagree, and never written after.
var allianceByName = func() map[string]bool {
	m := map[string]bool{}
	for _, b := range certification.Alliance() {
		member, ok := certification.AllianceMember(b.Name)
		m[b.Name] = ok && member.Certifies
	}
	return m
}()

// checkStandard applies the standard term and returns the attributes the
// matched standard of ours covers.
func (a *Agreement) checkStandard(r *Record, d *decider) []brand.Attribute {
	cat := a.catalog()
	// 同标: the record cites one of our standards, and its product falls
	// under the standard's subject; every standard of ours that it cites
	// must cover the product.
	if cat != nil {
		var match *cited
		var buf cited
		outside := false
		for _, n := range r.Standards {
			s := cite(cat, n, &buf)
			switch {
			case s == nil:
			case !s.covers(r.Product):
				d.add(Rejected, ReasonProductOutsideStandard, r.Product, s.label)
				outside = true
			case match == nil:
				if s == &buf {
					// The next citation may need buf: keep this one.
					own := buf
					s = &own
				}
				match = s
			}
		}
		if outside {
			return nil
		}
		if match != nil {
			d.Standard, d.StandardTitle = match.heading.Number, match.heading.Title
			return match.heading.Attributes
		}
	}
	// An agreed equivalence.
	for i := range a.Equivalences {
		e := &a.Equivalences[i] // not a copy of its two numbers for each record
		if !e.matches(r) {
			continue
		}
		d.Standard, d.StandardTitle = e.Ours, e.OursTitle
		var ours standard.Standard
		var known bool
		if cat != nil {
			if !e.Ours.IsZero() {
				ours, known = cat.Lookup(e.Ours)
			} else if e.OursTitle != "" {
				if found := cat.Find(e.OursTitle); len(found) == 1 {
					ours, known = found[0], true
				}
			}
		}
		if e.Degree == standard.NEQ {
			d.add(Conditional, ReasonStandardNotEquivalent, e.label())
		}
		if known && !ours.Covers(r.Product) {
			d.add(Rejected, ReasonProductOutsideStandard, r.Product, labelOf(ours))
			return nil
		}
		if known {
			if theirs, ok := theirDoc(r, e.Theirs); ok && len(ours.Requirements) > 0 {
				compareIndicators(theirs, ours, d)
			}
			return ours.Attributes
		}
		return nil
	}
	// Our standard for the same product, if we have one.
	if cat == nil {
		d.add(Conditional, ReasonStandardUnverified, "“"+a.Recognizer.Name+"”")
		return nil
	}
	if _, ok := theirDoc(r, standard.Number{}); !ok {
		// Without their standard's requirements, the standard of ours is
		// only named: its number and title, not a copy of it.
		number, title, ok := cat.SubjectOf(r.Product)
		if !ok {
			d.add(Rejected, ReasonNoStandard, boxName(a.Recognizer.Name), r.Product)
			return nil
		}
		d.Standard, d.StandardTitle = number, title
		d.add(Conditional, ReasonStandardUnverified, labelOf(standard.Standard{Number: number, Title: title}))
		return nil
	}
	ours, ok := cat.Subject(r.Product)
	if !ok {
		d.add(Rejected, ReasonNoStandard, boxName(a.Recognizer.Name), r.Product)
		return nil
	}
	d.Standard, d.StandardTitle = ours.Number, ours.Title
	if theirs, ok := theirDoc(r, standard.Number{}); ok && len(ours.Requirements) > 0 {
		if compareIndicators(theirs, ours, d) {
			return ours.Attributes
		}
		return nil
	}
	d.add(Conditional, ReasonStandardUnverified, labelOf(ours))
	return nil
}

// cited is what a citation check needs of a standard of ours: its heading
// ([standard.Catalog.Heading]: number, title, subject, attributes), its
// label boxed as a reason's argument, and its subject as
// [standard.Standard.Covers] first compares a product with it.
//
// The citations of [standard.Catalogue]'s standards are made once and
// never written after; Check reads their attributes (missingAttributes
// makes a new slice of them) and hands out only the number, the title and
// the label, none of which can be written through. So no Decision shares
// an array with them.
type cited struct {
	heading standard.Standard
	label   any
	plain   string // the subject trimmed as Covers first compares it; "" for none
}

// covers is c.heading.Covers(product), its common case answered without
// trimming the subject again.
func (c *cited) covers(product string) bool {
	if product != "" && product == c.plain {
		return true
	}
	return c.heading.Covers(product)
}

// citedBy holds the citations of [standard.Catalogue]'s standards by the
// sequence number (standard.Number.Code) of their numbers, each list in
// the catalogue's order: hashing a short string is a fraction of the cost
// of hashing a whole Number.
type citedBy map[string][]cited

// catalogueCited are the citations of [standard.Catalogue]'s standards,
// made on first use and never written after.
var catalogueCited = sync.OnceValue(func() citedBy {
	m := citedBy{}
	for _, s := range standard.Catalogue().All() {
		if s.Number.IsZero() {
			continue
		}
		list := m[s.Number.Code()]
		if slices.ContainsFunc(list, func(c cited) bool { return c.heading.Number == s.Number }) {
			continue // a second entry with the same number: Heading finds the first
		}
		h, ok := standard.Catalogue().Heading(s.Number)
		if !ok {
			continue
		}
		m[s.Number.Code()] = append(m[s.Number.Code()], cited{heading: h, label: catalogueLabels()[labelKey{h.Number, h.Title}],
			plain: strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(h.Subject), "江西绿色生态"))})
	}
	return m
})

// cite returns the citation of the standard that cat.Heading(n) finds, or
// nil when it finds none. For [standard.Catalogue] it answers from
// catalogueCited what the catalogue's index answers the same way: a number
// that is one of the catalogue's own (the first entry with that number,
// as Heading finds it), and a number whose sequence number is none of the
// catalogue's (every way Heading finds a standard, by the number, its base
// standard or another edition, keeps the sequence number). Any other
// number, and any other catalogue, is asked of cat.Heading, in buf.
// FuzzCiteAgreesWithHeading holds the two equal.
func cite(cat *standard.Catalog, n standard.Number, buf *cited) *cited {
	if cat == standard.Catalogue() {
		list, ok := catalogueCited()[n.Code()]
		if !ok {
			return nil
		}
		for i := range list {
			if list[i].heading.Number == n {
				return &list[i]
			}
		}
	}
	s, ok := cat.Heading(n)
	if !ok {
		return nil
	}
	*buf = cited{heading: s, label: labelOf(s)}
	return buf
}

// jxName is the name of 江西绿色生态, boxed once: the recognizer's name in
// a reason of the default terms.
var jxName any = brand.JiangxiGreenEcology().Name

// boxName returns name as a reason's argument: the name of 江西绿色生态
// boxed once for all decisions (a string in an interface cannot change),
// any other boxed anew.
func boxName(name string) any {
	if s, _ := jxName.(string); name == s {
		return jxName
	}
	return name
}

// labelOf returns s.Label() as a reason's argument. A standard of the
// catalogue gets its label boxed once for all decisions (a string in an
// interface cannot change), found by the number and the title, the two
// things a label is made of (a numbered one among the citations, by its
// sequence number, which is cheaper to hash than the whole number); any
// other standard's label is made anew.
func labelOf(s standard.Standard) any {
	if !s.Number.IsZero() {
		for _, c := range catalogueCited()[s.Number.Code()] {
			if c.heading.Number == s.Number && c.heading.Title == s.Title {
				return c.label
			}
		}
	}
	if l, ok := catalogueLabels()[labelKey{s.Number, s.Title}]; ok {
		return l
	}
	return s.Label()
}

type labelKey struct {
	number standard.Number
	title  string
}

// catalogueLabels are the labels of [standard.Catalogue]'s standards, made
// on first use and never written after.
var catalogueLabels = sync.OnceValue(func() map[labelKey]any {
	m := map[labelKey]any{}
	for _, s := range standard.Catalogue().All() {
		m[labelKey{s.Number, s.Title}] = s.Label()
	}
	return m
})

// compareIndicators adds a reason for each indicator of ours that theirs
// does not meet, and reports whether theirs is at least as strict.
func compareIndicators(theirs, ours standard.Standard, d *decider) bool {
	c := standard.Compare(theirs, ours)
	for _, it := range c.Items {
		switch it.Relation {
		case standard.Looser:
			d.Indicators = append(d.Indicators, it.Name)
			d.add(Conditional, ReasonIndicatorLooser, it.Name, labelOf(ours), it.Ours.String(), it.Theirs.String())
		case standard.Missing:
			d.Indicators = append(d.Indicators, it.Name)
			d.add(Conditional, ReasonIndicatorMissing, labelOf(ours), it.Name)
		case standard.Incomparable:
			d.Indicators = append(d.Indicators, it.Name)
			d.add(Conditional, ReasonIndicatorIncomparable, it.Name, labelOf(ours))
		}
	}
	return c.AtLeastAsStrict
}

// theirDoc returns the record's own standard with its requirements: the one
// numbered n, or, for a zero n, the first that has requirements.
func theirDoc(r *Record, n standard.Number) (standard.Standard, bool) {
	for _, s := range r.StandardDocs {
		if len(s.Requirements) == 0 {
			continue
		}
		if n.IsZero() || s.Number.SameStandard(n) {
			return s, true
		}
	}
	return standard.Standard{}, false
}

func (e *Equivalence) matches(r *Record) bool {
	if e.Theirs.IsZero() && e.Product == "" {
		return false
	}
	if !e.Theirs.IsZero() && !slices.ContainsFunc(r.Standards, e.Theirs.SameStandard) {
		return false
	}
	if e.Product != "" && !strings.Contains(foldProduct(r.Product), foldProduct(e.Product)) {
		return false
	}
	return true
}

// foldProduct folds a product name for matching an equivalence's product:
// fold.Title, the module's folding of product names.
func foldProduct(s string) string { return fold.Title(s) }

// Cover answers 一次认证、多张证书 (苏政办发〔2022〕21号 (十三)) for one assessment: given the
// record of that assessment and the terms of other schemes, it returns one
// decision per agreement, saying whether the assessment can lead to that
// scheme's certificate and, where it cannot yet, what is missing. Validity
// is judged on the record's issue date, the moment of the assessment.
func Cover(r Record, agreements ...Agreement) []Decision {
	return CoverAt(r, r.Issued, agreements...)
}

// CoverAt is [Cover] with validity judged at time at.
func CoverAt(r Record, at time.Time, agreements ...Agreement) []Decision {
	out := make([]Decision, 0, len(agreements))
	for _, a := range agreements {
		out = append(out, a.Check(r, at))
	}
	return out
}

// Reciprocals returns, for every registered partner adapter (envelopes
// and the adapter of 江西绿色生态's own lists left out), the mirror of its
// default agreement: the terms on which that partner would recognise a
// 江西绿色生态 record. It is the list to give [Cover] for a 江西绿色生态
// assessment.
func Reciprocals() []Agreement {
	var out []Agreement
	for _, ad := range Adapters() {
		// Our own list's adapter is no partner.
		if _, env := ad.(Envelope); env || ad.Brand().ID == brand.JiangxiGreen {
			continue
		}
		out = append(out, ad.Agreement().Reverse())
	}
	return out
}

// clone returns a copy of a that shares no slice with it.
func (a Agreement) clone() Agreement {
	a.Recognizer, a.Scheme = a.Recognizer.Clone(), a.Scheme.Clone()
	a.Equivalences = slices.Clone(a.Equivalences)
	a.Attributes = slices.Clone(a.Attributes)
	a.Assessed = slices.Clone(a.Assessed)
	return a
}

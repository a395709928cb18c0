package standard

import (
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/brand/i18n/enum"

	"github.com/jxgreen/jxgreen/brand/fold"
)

// Severity says whether a finding stops a standard from passing evaluation.
type Severity int

// The severities.
const (
	// Blocking findings fail the evaluation.
	Blocking Severity = iota + 1
	// Advisory findings are for the evaluator to weigh; they do not fail it.
	Advisory
)

var severityNames = enum.New("Severity", "standard.severity.",
	[3]string{"blocking", "否决项", "blocking"},
	[3]string{"advisory", "提示项", "advisory"},
)

// String returns the stable code: "blocking" or "advisory".
func (s Severity) String() string { return severityNames.Code(int(s)) }

// Localize names the severity in the language that best matches tag.
func (s Severity) Localize(tag language.Tag) string { return severityNames.Localize(int(s), tag) }

// Finding is one observation of an evaluation.
type Finding struct {
	// Code is stable, for programs to branch on: one of the [FindingCode]
	// constants.
	Code     FindingCode
	Severity Severity
	// Args fill the message: the attribute, indicator or field concerned.
	// An argument that is an [i18n.Localizer] (an attribute, a kind) is
	// rendered in the message's language.
	Args []any
}

// Message describes the finding in the language that best matches tag.
func (f Finding) Message(tag language.Tag) string {
	return i18n.Sprintf(tag, "standard.finding."+string(f.Code), f.Args...)
}

// Evaluation is the outcome of the standard evaluation (标准评价确认).
type Evaluation struct {
	Number Number
	Title  string
	// Passed is true when no finding is Blocking: the standard may put
	// "江西绿色生态" before its title and print the mark in its text.
	Passed   bool
	Findings []Finding
	// Comparisons holds the comparison with each basis standard.
	Comparisons []Comparison
}

// FindingCode is the stable code of a [Finding], for programs to branch on.
// Every code has its message in Chinese and English in one table.
type FindingCode string

// The finding codes. Their messages are in findingCodeMessages.
const (
	// FindingKind: a 江西绿色生态 standard must be a local, group or enterprise standard, not a …
	FindingKind FindingCode = "kind"
	// FindingKindMismatch: kind … does not match the number …
	FindingKindMismatch FindingCode = "kind-mismatch"
	// FindingMandatory: a 江西绿色生态 standard is voluntary, but … is the number of a mandatory standard.
	FindingMandatory FindingCode = "mandatory"
	// FindingRegion: a local standard must be made in Jiangxi (DB36), which … is not.
	FindingRegion FindingCode = "region"
	// FindingAttribute: no indicator covers the attribute … (DB36/T 1138 asks for resource saving, environmental protection, ecological harmony and quality leadership).
	FindingAttribute FindingCode = "attribute"
	// FindingAttributeUnbacked: claims the attribute … but no indicator backs it.
	FindingAttributeUnbacked FindingCode = "attribute-unbacked"
	// FindingBasisLooser: indicator … is looser than in the basis … (… against …).
	FindingBasisLooser FindingCode = "basis-looser"
	// FindingBasisMissing: lacks the indicator … of the basis …
	FindingBasisMissing FindingCode = "basis-missing"
	// FindingBasisIncomparable: indicator … cannot be compared with the basis … (units or ranges do not compare).
	FindingBasisIncomparable FindingCode = "basis-incomparable"
	// FindingNoBasis: no national or industry basis standard given: cannot confirm it is stricter than them.
	FindingNoBasis FindingCode = "no-basis"
	// FindingBasisKind: the basis … is not a national or industry standard.
	FindingBasisKind FindingCode = "basis-kind"
	// FindingIncomplete: missing …
	FindingIncomplete FindingCode = "incomplete"
	// FindingRequirement: malformed indicator: …
	FindingRequirement FindingCode = "requirement"
	// FindingDuplicateRequirement: indicator id … appears twice.
	FindingDuplicateRequirement FindingCode = "duplicate-requirement"
	// FindingClause: missing the GB/T 1.1 clause …
	FindingClause FindingCode = "clause"
	// FindingNoClauses: no clause headings given: cannot check the GB/T 1.1 structure.
	FindingNoClauses FindingCode = "no-clauses"
	// FindingStatus: the standard is … and cannot be confirmed.
	FindingStatus FindingCode = "status"
)

// findingCodeMessages is the one table of the findings' messages: for each
// code, its Chinese and English format strings.
var findingCodeMessages = map[FindingCode][2]string{
	FindingKind: {"“江西绿色生态”标准应为地方标准、团体标准或企业标准，而此为%s",
		"a 江西绿色生态 standard must be a local, group or enterprise standard, not a %s"},
	FindingKindMismatch: {"标准类别“%s”与编号 %s 不符",
		"kind %s does not match the number %s"},
	FindingMandatory: {"“江西绿色生态”标准是自愿性标准，%s 是强制性标准编号",
		"a 江西绿色生态 standard is voluntary, but %s is the number of a mandatory standard"},
	FindingRegion: {"地方标准应为江西省范围内制定（DB36），而 %s 不是",
		"a local standard must be made in Jiangxi (DB36), which %s is not"},
	FindingAttribute: {"没有技术指标体现“%s”属性（DB36/T 1138 定位要求资源节约、环境保护、生态协同、质量引领）",
		"no indicator covers the attribute %s (DB36/T 1138 asks for resource saving, environmental protection, ecological harmony and quality leadership)"},
	FindingAttributeUnbacked: {"声称“%s”属性但没有相应技术指标",
		"claims the attribute %s but no indicator backs it"},
	FindingBasisLooser: {"指标“%s”宽于所依据的 %s（%s，对方 %s）",
		"indicator %s is looser than in the basis %s (%s against %s)"},
	FindingBasisMissing: {"缺少所依据的 %s 中的指标“%s”",
		"lacks the indicator %[2]s of the basis %[1]s"},
	FindingBasisIncomparable: {"指标“%s”无法与 %s 比较（单位或取值范围不可比）",
		"indicator %s cannot be compared with the basis %s (units or ranges do not compare)"},
	FindingNoBasis: {"未给出所依据的国家标准或行业标准，无法确认严于国家标准、行业标准",
		"no national or industry basis standard given: cannot confirm it is stricter than them"},
	FindingBasisKind: {"所依据的 %s 不是国家标准或行业标准",
		"the basis %s is not a national or industry standard"},
	FindingIncomplete: {"缺少%s",
		"missing %s"},
	FindingRequirement: {"技术指标有误：%s",
		"malformed indicator: %s"},
	FindingDuplicateRequirement: {"技术指标编号 %s 重复",
		"indicator id %s appears twice"},
	FindingClause: {"缺少 GB/T 1.1 要求的章：%s",
		"missing the GB/T 1.1 clause %s"},
	FindingNoClauses: {"未提供章标题，无法核对是否符合 GB/T 1.1 结构",
		"no clause headings given: cannot check the GB/T 1.1 structure"},
	FindingStatus: {"标准状态为“%s”，不能评价确认",
		"the standard is %s and cannot be confirmed"},
}

func init() {
	enum.Register("standard.finding.", findingCodeMessages)
	i18n.Table("standard.field.", [][3]string{
		{"number", "标准编号", "the standard number"},
		{"title", "标准名称", "the title"},
		{"publisher", "发布单位", "the publisher"},
		{"subject", "适用对象（产品或服务）", "the subject (product or service)"},
		{"requirements", "技术指标", "technical indicators"},
	})
}

// RequiredClauses returns the chapters GB/T 1.1-2020 makes required elements
// of a standard, which Evaluate looks for when a standard lists its clauses.
// The slice is a copy.
func RequiredClauses() []string { return slices.Clone(requiredClauses) }

var requiredClauses = []string{"范围", "规范性引用文件", "术语和定义"}

// Evaluate performs the standard evaluation (标准评价确认) that decides
// whether s may carry the 江西绿色生态 mark on its text. Following the 2022
// Q&A, question 七 (“江西绿色生态”标准 is a local, group or enterprise
// standard made in Jiangxi, voluntary, positioned by DB36/T 1138 on resource
// saving, environmental protection, ecological harmony and quality
// leadership, with main indicators at the domestic advanced level, and
// conforming to mandatory standards and GB/T 1.1) and 赣标〔2021〕1号 三(二)
// (stricter than national and industry standards), it checks:
//
//   - the kind: local, group or enterprise, not mandatory, local ones DB36;
//   - the positioning: each of the four attributes covered by an indicator;
//   - the level: at least as strict as every basis standard, indicator by
//     indicator ([Compare]);
//   - formal completeness: number, title, publisher, subject, sound
//     indicators, and the GB/T 1.1 required clauses where the clauses are
//     given.
//
// Evaluate reads only s; it never fails. What it cannot confirm is an
// Advisory finding.
func Evaluate(s Standard) Evaluation {
	e := Evaluation{Number: s.Number, Title: s.Title}
	add := func(sev Severity, code FindingCode, args ...any) {
		e.Findings = append(e.Findings, Finding{Code: code, Severity: sev, Args: args})
	}

	// Status: only a current (or not yet published) standard is confirmed.
	if s.Status == Superseded || s.Status == Withdrawn {
		add(Blocking, FindingStatus, s.Status)
	}

	// Kind and number.
	kind := s.Kind
	if kind == 0 {
		kind = s.Number.Kind()
	}
	switch kind {
	case Local, Group, Enterprise:
	case National, Industry, International, Foreign:
		add(Blocking, FindingKind, kind)
	}
	if !s.Number.IsZero() {
		if s.Kind != 0 && s.Kind != s.Number.Kind() {
			add(Blocking, FindingKindMismatch, s.Kind, s.Number.String())
		}
		if s.Number.Mandatory() {
			add(Blocking, FindingMandatory, s.Number.String())
		}
		if s.Number.Kind() == Local && !strings.HasPrefix(s.Number.Region(), "36") {
			add(Blocking, FindingRegion, s.Number.String())
		}
	}

	// Formal completeness.
	for _, f := range []struct {
		code    string
		missing bool
	}{
		{"number", s.Number.IsZero()},
		{"title", strings.TrimSpace(s.Title) == ""},
		{"publisher", strings.TrimSpace(s.Publisher) == ""},
		{"subject", strings.TrimSpace(s.Subject) == ""},
		{"requirements", len(s.Requirements) == 0},
	} {
		if f.missing {
			add(Blocking, FindingIncomplete, field(f.code))
		}
	}
	seen := map[string]bool{}
	for _, r := range s.Requirements {
		if err := r.Check(); err != nil {
			add(Blocking, FindingRequirement, r.String())
			continue
		}
		if seen[r.ID] {
			add(Blocking, FindingDuplicateRequirement, r.ID)
		}
		seen[r.ID] = true
	}
	if s.Clauses == nil {
		add(Advisory, FindingNoClauses)
	} else {
		for _, want := range requiredClauses {
			found := false
			for _, c := range s.Clauses {
				if fold.Title(c) == want {
					found = true
				}
			}
			if !found {
				add(Blocking, FindingClause, want)
			}
		}
	}

	// Positioning: DB36/T 1138's four attributes, each backed by an indicator.
	covered := map[brand.Attribute]bool{}
	for _, r := range s.Requirements {
		covered[r.Attribute] = true
	}
	for _, a := range brand.Core() {
		if !covered[a] {
			add(Blocking, FindingAttribute, a)
		}
	}
	for _, a := range s.Attributes {
		if !covered[a] && !isCore(a) {
			add(Advisory, FindingAttributeUnbacked, a)
		}
	}

	// Level: at least as strict as each basis.
	if len(s.Basis) == 0 {
		add(Advisory, FindingNoBasis)
	}
	for _, b := range s.Basis {
		if k := b.Number.Kind(); k != National && k != Industry {
			add(Advisory, FindingBasisKind, b.Label())
		}
		c := Compare(s, b)
		e.Comparisons = append(e.Comparisons, c)
		for _, it := range c.Items {
			switch it.Relation {
			case Looser:
				add(Blocking, FindingBasisLooser, it.Name, b.Label(), it.Ours.String(), it.Theirs.String())
			case Missing:
				add(Blocking, FindingBasisMissing, b.Label(), it.Name)
			case Incomparable:
				add(Blocking, FindingBasisIncomparable, it.Name, b.Label())
			}
		}
	}

	e.Passed = true
	for _, f := range e.Findings {
		if f.Severity == Blocking {
			e.Passed = false
		}
	}
	return e
}

// field names a part of a standard in messages.
type field string

func (f field) Localize(tag language.Tag) string {
	return i18n.Sprintf(tag, "standard.field."+string(f))
}

func isCore(a brand.Attribute) bool {
	for _, c := range brand.Core() {
		if a == c {
			return true
		}
	}
	return false
}

// Blocking returns the findings that fail the evaluation.
func (e Evaluation) Blocking() []Finding {
	var out []Finding
	for _, f := range e.Findings {
		if f.Severity == Blocking {
			out = append(out, f)
		}
	}
	return out
}

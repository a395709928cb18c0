// Package brand describes brand schemes: what a regional public brand is, who
// runs it, how it grants its brand, and the qualities it claims. It holds the
// 江西绿色生态 (Jiangxi Green Ecology) brand itself, [JiangxiGreenEcology], as
// the policy documents describe it, and the recognition arrangements that
// exist between other schemes ([Arrangements]). The plans of the brand's
// pilot counties, such as 寻乌县's, are in package
// [github.com/jxgreen/jxgreen/brand/pilot].
//
// Every fact carries its source: a citation of a document in the register of
// package [github.com/jxgreen/jxgreen/brand/source], such as
// "赣标〔2021〕1号 三(六)". Facts that no source states are not here.
package brand

import (
	"slices"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand/i18n/enum"
)

// ID is a scheme's stable identifier.
type ID string

// The schemes jxgreen knows.
const (
	JiangxiGreen ID = "jxgreen"  // 江西绿色生态
	Shenzhen     ID = "shenzhen" // 圳品
	Jiangsu      ID = "jiangsu"  // 江苏精品
	Zhejiang     ID = "zhejiang" // 品字标 / 浙江制造
	Shanghai     ID = "shanghai" // 上海品牌
	Ganchu       ID = "ganchu"   // 赣出精品
	Ganpo        ID = "ganpo"    // 赣鄱正品
)

// Model is how a scheme grants its brand.
type Model int

const (
	// Certification: accredited certification bodies certify under a rule
	// filed with CNCA; certificates have a validity, surveillance, and can be
	// suspended, revoked or cancelled.
	Certification Model = iota + 1
	// Evaluation: an association or a department evaluates applicants and
	// publishes a list (evaluation, selection or licensing). Recognition
	// treats it as weaker than certification: it has no accredited body, no
	// CNCA-filed rule and no surveillance.
	Evaluation
)

var modelNames = enum.New("Model", "brand.model.",
	[3]string{"certification", "认证", "certification"},
	[3]string{"evaluation", "评价", "evaluation"},
)

// String returns "certification" or "evaluation".
func (m Model) String() string { return modelNames.Code(int(m)) }

// Localize names the model in the language that best matches tag.
func (m Model) Localize(tag language.Tag) string { return modelNames.Localize(int(m), tag) }

// Role is a part that an organisation plays in running a brand.
type Role int

const (
	// Owner leads the brand and answers for it.
	Owner Role = iota + 1
	// StandardEvaluator evaluates and confirms (评价确认) the brand's standards.
	StandardEvaluator
	// StandardPublisher publishes the brand's group standards.
	StandardPublisher
	// Promoter is the social organisation that promotes the brand.
	Promoter
	// Certifier carries out certification or evaluation.
	Certifier
	// Supervisor supervises the use of standards, certificates and marks.
	Supervisor
)

var roleNames = enum.New("Role", "brand.role.",
	[3]string{"owner", "品牌主管", "owner"},
	[3]string{"standard-evaluator", "标准评价确认", "standard evaluator"},
	[3]string{"standard-publisher", "团体标准发布", "standard publisher"},
	[3]string{"promoter", "品牌促进", "promoter"},
	[3]string{"certifier", "认证实施", "certifier"},
	[3]string{"supervisor", "监督管理", "supervisor"},
)

// String returns the stable code of the role, for example "certifier".
func (r Role) String() string { return roleNames.Code(int(r)) }

// Localize names the role in the language that best matches tag.
func (r Role) Localize(tag language.Tag) string { return roleNames.Localize(int(r), tag) }

// Organisation is one part of a brand's governance.
type Organisation struct {
	Role   Role
	Name   string // as the source writes it
	Note   string // what the source says it does
	Source string // where this is stated: a citation of the source register
}

// Fact is one sourced statement about a brand.
type Fact struct {
	Text   string
	Source string // a citation of the source register
}

// Brand is a brand scheme: 江西绿色生态 or a partner scheme.
type Brand struct {
	ID          ID
	Name        string   // Chinese name, as the scheme writes it
	Aliases     []string // other Chinese names of the same scheme
	EnglishName string
	// Region is the GB/T 2260 division code of the region that runs the
	// scheme, for example "360000" for Jiangxi.
	Region     string
	Owner      string // the department that leads the scheme
	Model      Model
	Attributes []Attribute
	Governance []Organisation
	Facts      []Fact
	Source     string // the main sources of the description, cited from the source register
}

// Names returns the brand's Chinese name followed by its aliases.
func (b Brand) Names() []string {
	return append([]string{b.Name}, b.Aliases...)
}

// Covers reports whether the brand claims attribute a.
func (b Brand) Covers(a Attribute) bool { return slices.Contains(b.Attributes, a) }

// In returns the organisations that play role r, in the order the sources
// name them.
func (b Brand) In(r Role) []Organisation {
	var out []Organisation
	for _, o := range b.Governance {
		if o.Role == r {
			out = append(out, o)
		}
	}
	return out
}

// Clone returns a deep copy of b, so that a caller can change a copy of a
// package-level brand without changing the original.
func (b Brand) Clone() Brand {
	b.Aliases = slices.Clone(b.Aliases)
	b.Attributes = slices.Clone(b.Attributes)
	b.Governance = slices.Clone(b.Governance)
	b.Facts = slices.Clone(b.Facts)
	return b
}

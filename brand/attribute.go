package brand

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand/i18n"

	"github.com/jxgreen/jxgreen/brand/fold"
)

// Attribute is a quality a brand scheme claims for what carries its brand.
// The first four are the attributes of 江西绿色生态; the others are the ones
// partner schemes claim.
type Attribute int

// The attributes. String gives the stable code ("resource-saving");
// [Attribute.Localize] gives the name in a language of the caller's choice.
const (
	// ResourceSaving is 资源节约 (赣标〔2021〕1号 三(二) and every later
	// document of the brand).
	ResourceSaving Attribute = iota + 1
	// EnvironmentalProtection is 环境保护 (赣标〔2021〕1号 三(二) and every
	// later document of the brand).
	EnvironmentalProtection
	// EcologicalHarmony is 生态协同 (赣标〔2021〕1号, the 2021-10-14 press
	// conference, the 寻乌 plan), also written 生态协调 (the 2022 Q&A).
	EcologicalHarmony
	// QualityLeading is 质量引领 (赣标〔2021〕1号), also written 质量领先 (the
	// 2022 Q&A, the 2021-10-14 press conference, the 寻乌 plan).
	QualityLeading

	// QualityExcellence is 品质卓越 (品字标/浙江制造: 浙江省质量技术监督局
	// 2014-10-28; 上海品牌: 沪市监规范〔2020〕15号).
	QualityExcellence
	// IndependentInnovation is 自主创新 (品字标/浙江制造, 上海品牌; same
	// sources).
	IndependentInnovation
	// IndustrialCollaboration is 产业协同 (品字标/浙江制造: 浙江省质量技术监督局
	// 2014-10-28).
	IndustrialCollaboration
	// SocialResponsibility is 社会责任 (品字标/浙江制造, 上海品牌; same
	// sources).
	SocialResponsibility
	// BrandLeadership is 品牌引领 (上海品牌: 沪市监规范〔2020〕15号).
	BrandLeadership
	// RefinedManagement is 管理精细 (上海品牌: 沪市监规范〔2020〕15号).
	RefinedManagement
	// FoodSafety is 食品安全: the focus of 圳品, a food brand built on
	// Shenzhen's food-safety strategy (深圳商报 2021-09-15), and of
	// agricultural brands.
	FoodSafety

	maxAttribute = FoodSafety
)

// Core lists the four attributes of 江西绿色生态, in the order of DB36/T
// 1138's positioning as the 2022 Q&A words it (question 七).
func Core() []Attribute {
	return []Attribute{ResourceSaving, EnvironmentalProtection, EcologicalHarmony, QualityLeading}
}

// Attributes lists every attribute the package knows, core ones first.
func Attributes() []Attribute {
	out := make([]Attribute, 0, maxAttribute)
	for a := Attribute(1); a <= maxAttribute; a++ {
		out = append(out, a)
	}
	return out
}

type attrInfo struct {
	zh, en  string
	code    string   // stable machine name, also accepted by ParseAttribute
	aliases []string // other spellings found in the sources
}

var attrTable = [...]attrInfo{
	ResourceSaving:          {"资源节约", "resource saving", "resource-saving", nil},
	EnvironmentalProtection: {"环境保护", "environmental protection", "environmental-protection", nil},
	EcologicalHarmony:       {"生态协同", "ecological harmony", "ecological-harmony", []string{"生态协调"}},
	QualityLeading:          {"质量引领", "quality leadership", "quality-leading", []string{"质量领先"}},
	QualityExcellence:       {"品质卓越", "quality excellence", "quality-excellence", nil},
	IndependentInnovation:   {"自主创新", "independent innovation", "independent-innovation", nil},
	IndustrialCollaboration: {"产业协同", "industrial collaboration", "industrial-collaboration", nil},
	SocialResponsibility:    {"社会责任", "social responsibility", "social-responsibility", nil},
	BrandLeadership:         {"品牌引领", "brand leadership", "brand-leadership", nil},
	RefinedManagement:       {"管理精细", "refined management", "refined-management", []string{"精细管理"}},
	FoodSafety:              {"食品安全", "food safety", "food-safety", nil},
}

// attrByName finds an attribute by any spelling, folded as a word;
// attrBySpelling by the spellings of attrTable exactly as written there,
// which is how most records write them, without folding.
var attrByName, attrBySpelling = map[string]Attribute{}, map[string]Attribute{}

func init() {
	for a := Attribute(1); a <= maxAttribute; a++ {
		info := attrTable[a]
		i18n.Set("brand.attr."+info.code, info.zh, info.en)
		for _, s := range append([]string{info.zh, info.en, info.code}, info.aliases...) {
			attrByName[fold.Word(s)] = a
		}
	}
	for a := Attribute(1); a <= maxAttribute; a++ {
		info := attrTable[a]
		for _, s := range append([]string{info.zh, info.en, info.code}, info.aliases...) {
			attrBySpelling[s] = attrByName[fold.Word(s)] // what folding finds, by construction
		}
	}
}

// Valid reports whether a is one of the declared attributes.
func (a Attribute) Valid() bool { return a >= 1 && a <= maxAttribute }

// String returns the stable code of the attribute, for example
// "resource-saving", or "Attribute(n)" for a value that is no attribute.
// [Attribute.Localize] gives its name for a person.
func (a Attribute) String() string {
	if !a.Valid() {
		return fmt.Sprintf("Attribute(%d)", int(a))
	}
	return attrTable[a].code
}

// Localize returns the name of the attribute in the language that best
// matches tag.
func (a Attribute) Localize(tag language.Tag) string {
	if !a.Valid() {
		return a.String()
	}
	return i18n.Sprintf(tag, "brand.attr."+a.String())
}

// ParseAttribute returns the attribute named by s in any spelling the sources
// use: Chinese (资源节约, 生态协调, 质量领先, …), English ("resource saving")
// or the stable code ("resource-saving"), in full- or half-width forms.
func ParseAttribute(s string) (Attribute, error) {
	if a, ok := attrBySpelling[s]; ok {
		return a, nil
	}
	if a, ok := attrByName[fold.Word(s)]; ok {
		return a, nil
	}
	return 0, &AttributeError{Input: s}
}

// MarshalText encodes the attribute as its Chinese name, the spelling of
// the documents (the wire format predates the String convention and stays).
func (a Attribute) MarshalText() ([]byte, error) {
	if !a.Valid() {
		return nil, &AttributeError{Input: a.String()}
	}
	return []byte(attrTable[a].zh), nil
}

// UnmarshalText decodes any spelling that [ParseAttribute] accepts.
func (a *Attribute) UnmarshalText(b []byte) error {
	v, err := ParseAttribute(string(b))
	if err != nil {
		return err
	}
	*a = v
	return nil
}

// ErrUnknownAttribute is the sentinel behind every [AttributeError].
var ErrUnknownAttribute = i18n.NewSentinel("brand.ErrUnknownAttribute", "未知的品牌属性", "unknown brand attribute")

// AttributeError reports a name that is no known attribute.
type AttributeError struct {
	Input string
}

// Error returns the English description of the error.
func (e *AttributeError) Error() string {
	return fmt.Sprintf("brand: unknown attribute %q", e.Input)
}

// Unwrap returns [ErrUnknownAttribute].
func (e *AttributeError) Unwrap() error { return ErrUnknownAttribute }

// Localize describes the error in the language that best matches tag.
func (e *AttributeError) Localize(tag language.Tag) string {
	return i18n.Sprintf(tag, "brand.AttributeError", e.Input)
}

func init() {
	i18n.Set("brand.AttributeError", "未知的品牌属性 %q", "unknown brand attribute %q")
}

// List is a list of attributes that says itself as one phrase:
// "资源节约、环境保护" or "resource saving, environmental protection".
type List []Attribute

// Localize joins the names of the attributes in the language that best
// matches tag.
func (l List) Localize(tag language.Tag) string {
	sep := ", "
	if i18n.Match(tag) == i18n.Chinese() {
		sep = "、"
	}
	parts := make([]string, len(l))
	for i, a := range l {
		parts[i] = a.Localize(tag)
	}
	return strings.Join(parts, sep)
}

// Missing returns the attributes of want that have is lacks, in the order of
// want. It is how recognition finds what a partner scheme does not cover.
func Missing(want, have []Attribute) []Attribute {
	var out []Attribute
	for _, w := range want {
		found := false
		for _, h := range have {
			if h == w {
				found = true
				break
			}
		}
		if !found {
			out = append(out, w)
		}
	}
	return out
}

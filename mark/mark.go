// Package mark models the marks of 江西绿色生态: the rules for using them and
// the check of an observed use ([Check]), signed verification codes for
// labels ([Signer], [Verifier]), 双随机 supervision sampling ([Draw]) and
// infringement records for the public credit platform ([Infringement]).
//
// The rules come from the documents of the source register (package
// brand/source): the 2022 Q&A, question 六 (certified products and services
// may use the certification mark on labels or packaging); 中新网 2021-08-02 on
// 《“江西绿色生态”标志管理办法》 (a standard that passed evaluation may print
// the mark at a set place in its text); 赣标〔2021〕1号 三(五) (forgery,
// alteration and sale of the mark are punished and published on
// 信用中国（江西）); and the 寻乌 pilot plan, 五(一) (双随机、一公开 checks). The
// mark's colours, proportions and variants are not public: [Spec] makes them
// configuration, documented as such.
package mark

import (
	_ "embed"
	"encoding/json"
	"slices"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/standard"
)

// Kind is a kind of 江西绿色生态 mark.
type Kind int

// The kinds.
const (
	// StandardMark is printed on the text of a standard that passed the
	// standard evaluation (标准评价确认).
	StandardMark Kind = iota + 1
	// CertificationMark is used on the labels or packaging of certified
	// products and services.
	CertificationMark
)

var kindNames = i18n.NewNames("Kind", "mark.kind.",
	[3]string{"standard-mark", "标准标志", "standard mark"},
	[3]string{"certification-mark", "认证标志", "certification mark"},
)

// String returns "standard-mark" or "certification-mark".
func (k Kind) String() string { return kindNames.Code(int(k)) }

// Localize names the kind in the language that best matches tag.
func (k Kind) Localize(tag language.Tag) string { return kindNames.Localize(int(k), tag) }

// Medium is where a mark is used.
type Medium int

// The media.
const (
	Label          Medium = iota + 1 // 产品标签
	Packaging                        // 包装物
	Advertising                      // 广告宣传
	Website                          // 网站、电商页面
	StandardText                     // 标准文本
	CertificateDoc                   // 证书
)

var mediumNames = i18n.NewNames("Medium", "mark.medium.",
	[3]string{"label", "产品标签", "product label"},
	[3]string{"packaging", "包装物", "packaging"},
	[3]string{"advertising", "广告宣传", "advertising"},
	[3]string{"website", "网站", "website"},
	[3]string{"standard-text", "标准文本", "the text of a standard"},
	[3]string{"certificate", "证书", "a certificate"},
)

// String returns the stable code of the medium, for example "label".
func (m Medium) String() string { return mediumNames.Code(int(m)) }

// Localize names the medium in the language that best matches tag.
func (m Medium) Localize(tag language.Tag) string { return mediumNames.Localize(int(m), tag) }

// Use is one observed use of a mark, as an inspector records it.
type Use struct {
	Kind Kind
	// Certificate is the certificate number printed with a certification
	// mark, or the number the user claims.
	Certificate string
	// NumberShown is whether the certificate number is printed next to
	// the mark.
	NumberShown bool
	// Standard is the standard whose text carries a standard mark.
	Standard standard.Number
	Holder   certification.Holder // who uses the mark
	Product  string               // the product or service it is used on
	Medium   Medium
	// ScaleX and ScaleY are the horizontal and vertical scale of the
	// reproduction against the master artwork; 0 when not measured.
	ScaleX, ScaleY float64
	// Colours are the colours of the reproduction as "#RRGGBB".
	Colours []string
	// BrandText is the brand name printed with the mark, if any.
	BrandText string
	At        time.Time
}

// Spec is what a faithful reproduction of the mark looks like. The official
// colours and proportions are not public (the text of the 标志管理办法 is not
// published; 中新网 2021-08-02 only summarises it): set them from the
// master artwork of 《“江西绿色生态”标志管理办法》.
type Spec struct {
	// Tolerance is how far ScaleX/ScaleY may stray from 1 before the mark
	// counts as distorted.
	Tolerance float64
	// Palette lists the allowed colours ("#RRGGBB"). Empty means the colours
	// are not checked, because the official ones are not public.
	Palette []string
	// Monochrome allows black or white reproductions besides the palette.
	Monochrome bool
}

// DefaultSpec is the documented default: proportions kept within 2 %,
// colours unchecked until a palette is configured, monochrome allowed.
var DefaultSpec = Spec{Tolerance: 0.02, Monochrome: true}

// BrandName is the brand's name as it must be printed.
const BrandName = "江西绿色生态"

// Violation is one rule that a use breaks.
type Violation struct {
	// Code is stable, for programs: "no-certificate", "unknown-certificate",
	// "certificate-not-valid", "wrong-scheme", "holder-mismatch",
	// "product-mismatch", "number-not-shown", "wrong-medium",
	// "no-standard", "standard-not-evaluated", "distorted", "wrong-colour",
	// "look-alike-name", "no-kind".
	Code string
	Args []any
}

// Message describes the violation in the language that best matches tag.
func (v Violation) Message(tag language.Tag) string {
	return i18n.Sprintf(tag, "mark.violation."+v.Code, v.Args...)
}

// Verdict is the result of a check: the use is allowed when it breaks no
// rule.
type Verdict struct {
	Allowed    bool
	Violations []Violation
}

// Has reports whether the verdict holds a violation with the given code.
func (v Verdict) Has(code string) bool {
	for _, x := range v.Violations {
		if x.Code == code {
			return true
		}
	}
	return false
}

func init() {
	i18n.Table("mark.violation.", [][3]string{
		{"no-kind", "未说明标志种类", "the kind of mark is not given"},
		{"no-certificate", "使用认证标志而未标注认证证书", "certification mark used without a certificate"},
		{"unknown-certificate", "证书 %s 不存在", "certificate %s does not exist"},
		{"certificate-not-valid", "证书 %s 在使用时的状态为“%s”", "certificate %s was %s at the time of use"},
		{"wrong-scheme", "证书 %s 不是“江西绿色生态”认证证书", "certificate %s is not a 江西绿色生态 certificate"},
		{"holder-mismatch", "使用者 %s 不是证书持有人 %s", "the user %s is not the certificate holder %s"},
		{"product-mismatch", "产品“%s”不在证书范围内（证书产品：%s）", "product %s is not the certified product (%s)"},
		{"number-not-shown", "认证标志旁未标注证书编号", "the certificate number is not shown with the certification mark"},
		{"wrong-medium", "%s不能用于%s", "a %s cannot be used on %s"},
		{"no-standard", "使用标准标志而未说明标准", "standard mark used without naming the standard"},
		{"standard-not-evaluated", "标准 %s 未通过“江西绿色生态”标准评价确认", "standard %s has not passed the 江西绿色生态 standard evaluation"},
		{"distorted", "标志比例失真（横纵比 %.3f）", "the mark is distorted (aspect change %.3f)"},
		{"wrong-colour", "标志颜色 %s 不是规定颜色", "colour %s is not one of the mark's colours"},
		{"look-alike-name", "“%s”仿冒“江西绿色生态”品牌名称（繁体、全角、间隔、形近字或变形写法）",
			"“%s” imitates the brand name 江西绿色生态 (traditional, full-width, spaced-out, look-alike or altered forms)"},
	})
}

// Evaluated says whether a standard passed the 江西绿色生态 standard
// evaluation. [standard.Catalog] satisfies it through [Catalogue].
type Evaluated interface {
	Lookup(n standard.Number) (standard.Standard, bool)
}

// Checker checks mark uses against a spec and a source of evaluated
// standards. The zero Checker uses [DefaultSpec] and the published
// catalogue.
type Checker struct {
	Spec      *Spec     // nil means DefaultSpec
	Standards Evaluated // nil means standard.Catalogue()
}

// Check applies the mark rules to u with the default checker: see
// [Checker.Check].
func Check(u Use, l certification.Lookup, at time.Time) Verdict {
	return Checker{}.Check(u, l, at)
}

// Check returns every rule of the mark rules that u breaks, looking its
// certificate up in l and judging validity at time at (u.At when at is
// zero). No violations means the use is allowed.
func (ck Checker) Check(u Use, l certification.Lookup, at time.Time) Verdict {
	spec := DefaultSpec
	if ck.Spec != nil {
		spec = *ck.Spec
	}
	if at.IsZero() {
		at = u.At
	}
	var v Verdict
	add := func(code string, args ...any) { v.Violations = append(v.Violations, Violation{Code: code, Args: args}) }

	switch u.Kind {
	case CertificationMark:
		ck.checkCertification(u, l, at, add)
		if u.Medium == StandardText {
			add("wrong-medium", u.Kind, u.Medium)
		}
	case StandardMark:
		var stds Evaluated = ck.Standards
		if stds == nil {
			stds = standard.Catalogue()
		}
		switch {
		case u.Standard.IsZero():
			add("no-standard")
		default:
			if _, ok := stds.Lookup(u.Standard); !ok {
				add("standard-not-evaluated", u.Standard.String())
			}
		}
		// A standard mark says a standard was evaluated; it certifies no
		// product, so it belongs on the standard's text only.
		if u.Medium != StandardText && u.Medium != 0 {
			add("wrong-medium", u.Kind, u.Medium)
		}
	default:
		add("no-kind")
	}

	if u.ScaleX > 0 && u.ScaleY > 0 {
		if r := u.ScaleX / u.ScaleY; r > 1+spec.Tolerance || r < 1-spec.Tolerance {
			add("distorted", r)
		}
	}
	if len(spec.Palette) > 0 {
		for _, c := range u.Colours {
			if !allowedColour(c, spec) {
				add("wrong-colour", c)
			}
		}
	}
	if u.BrandText != "" && !IsBrandName(u.BrandText) && LooksLikeBrandName(u.BrandText) {
		add("look-alike-name", u.BrandText)
	}
	v.Allowed = len(v.Violations) == 0
	return v
}

func (ck Checker) checkCertification(u Use, l certification.Lookup, at time.Time, add func(string, ...any)) {
	if strings.TrimSpace(u.Certificate) == "" {
		add("no-certificate")
		return
	}
	if !u.NumberShown {
		add("number-not-shown")
	}
	if l == nil {
		add("unknown-certificate", u.Certificate)
		return
	}
	c, ok := l.Certificate(u.Certificate)
	if !ok {
		add("unknown-certificate", u.Certificate)
		return
	}
	if c.Scheme != brand.JiangxiGreen {
		add("wrong-scheme", c.Number)
	}
	if st := c.StatusAt(at); st != certification.Valid {
		add("certificate-not-valid", c.Number, st)
	}
	if u.Holder.Code != "" && u.Holder.Code != c.Holder.Code ||
		u.Holder.Code == "" && u.Holder.Name != "" && fold(u.Holder.Name) != fold(c.Holder.Name) {
		add("holder-mismatch", holderLabel(u.Holder), holderLabel(c.Holder))
	}
	if u.Product != "" && fold(u.Product) != fold(c.Product) {
		add("product-mismatch", u.Product, c.Product)
	}
}

func holderLabel(h certification.Holder) string {
	switch {
	case h.Name != "" && h.Code != "":
		return h.Name + "（" + string(h.Code) + "）"
	case h.Name != "":
		return h.Name
	}
	return string(h.Code)
}

func allowedColour(c string, spec Spec) bool {
	c = strings.ToUpper(strings.TrimSpace(c))
	if spec.Monochrome && (c == "#000000" || c == "#FFFFFF") {
		return true
	}
	for _, p := range spec.Palette {
		if strings.ToUpper(p) == c {
			return true
		}
	}
	return false
}

// fold folds width and case and drops white space.
func fold(s string) string {
	s = width.Fold.String(s)
	var b strings.Builder
	for _, r := range strings.ToUpper(s) {
		if r == ' ' || r == '\t' || r == '\u3000' || r == '\n' {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

//go:embed confusables.json
var confusablesJSON []byte

// Confusable is one entry of the table of characters that read as one of
// the brand name's characters: a traditional or variant form, a radical, or
// a visually similar character.
type Confusable struct {
	From rune // the look-alike
	To   rune // the brand name's character it passes for
	// Kind is "traditional", "variant", "radical" or "visual".
	Kind string
	// Source cites the public table the entry comes from (Unihan, the
	// Unicode Standard, a character list), as a citation of the source
	// register (package brand/source). It is empty for kind "visual".
	Source string
	// Judgement is, for kind "visual", why the two characters look alike:
	// no public table lists such pairs, so they are the maintainers'
	// judgement, stated for a reviewer to check.
	Judgement string
}

// confusables is the table, loaded once from confusables.json.
var confusables = func() map[rune]Confusable {
	var file struct {
		Entries []struct{ From, To, Kind, Source, Judgement string }
	}
	if err := json.Unmarshal(confusablesJSON, &file); err != nil {
		panic("mark: confusables.json: " + err.Error()) // embedded data, checked by the tests
	}
	m := make(map[rune]Confusable, len(file.Entries))
	for _, e := range file.Entries {
		from, to := []rune(e.From), []rune(e.To)
		if len(from) != 1 || len(to) != 1 || !strings.ContainsRune(BrandName, to[0]) || e.Kind == "" ||
			(e.Kind == "visual") != (e.Source == "") || (e.Kind == "visual") != (e.Judgement != "") {
			panic("mark: confusables.json: bad entry " + e.From) // embedded data, checked by the tests
		}
		if _, dup := m[from[0]]; dup {
			panic("mark: confusables.json: duplicate entry " + e.From)
		}
		m[from[0]] = Confusable{From: from[0], To: to[0], Kind: e.Kind, Source: e.Source, Judgement: e.Judgement}
	}
	return m
}()

// Confusables returns the table of look-alike characters that
// [LooksLikeBrandName] folds, in code point order, each with its source.
func Confusables() []Confusable {
	out := make([]Confusable, 0, len(confusables))
	for _, c := range confusables {
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b Confusable) int { return int(a.From) - int(b.From) })
	return out
}

// quotePairs are the quotation marks that policy texts put around the
// brand name.
var quotePairs = [][2]string{{"“", "”"}, {"「", "」"}, {"『", "』"}, {"《", "》"}, {"〈", "〉"}, {`"`, `"`}, {"＂", "＂"}, {"‘", "’"}, {"'", "'"}}

// IsBrandName reports whether s is the brand name 江西绿色生态 written as
// policy texts and labels write it: possibly in quotation marks (“”, 「」,
// 『』, 《》, ""), followed by a ® or ™ sign, with white space around. Such a
// text names the brand itself; it is not a look-alike.
func IsBrandName(s string) bool {
	for {
		t := strings.TrimFunc(s, unicode.IsSpace)
		t = strings.TrimRightFunc(t, func(r rune) bool { return r == '®' || r == '™' || unicode.IsSpace(r) })
		for _, q := range quotePairs {
			if len(t) >= len(q[0])+len(q[1]) && strings.HasPrefix(t, q[0]) && strings.HasSuffix(t, q[1]) {
				t = t[len(q[0]) : len(t)-len(q[1])]
				break
			}
		}
		if t == s { // every round removes something, so this ends
			return s == BrandName
		}
		s = t
	}
}

// LooksLikeBrandName reports whether s reads as the brand name 江西绿色生态
// once it is NFKC-normalised (full-width forms, Kangxi radicals), its
// look-alike characters are replaced by the ones they pass for (traditional
// and variant forms, radicals, visually confusable characters such as 酉
// for 西, 録 for 绿, 土 for 生: the table [Confusables], kept as data with a
// source for each entry), and spaces, dots, dashes, quotes and other marks
// between the characters are dropped: "江西綠色生態", "江 西 绿 色 生 态",
// "江西·绿色·生态", "江酉绿色生态". The brand name itself also reads so; use
// [IsBrandName] to tell the two apart.
func LooksLikeBrandName(s string) bool {
	var b []rune
	for _, r := range norm.NFKC.String(s) {
		if c, ok := confusables[r]; ok {
			r = c.To
		}
		if isHan(r) {
			b = append(b, r)
		}
	}
	return string(b) == BrandName
}

func isHan(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF || r >= 0x2E80 && r <= 0x2FDF
}

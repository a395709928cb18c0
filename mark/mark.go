// Package mark models the marks of 江西绿色生态: the rules for using them and
// the check of an observed use ([Check], [ReadBrandName]), and signed
// verification codes for labels ([Signer], [Verifier]), checked offline,
// against the brand's published status list ([Verifier.WithStatusList],
// built by package mark/statuslist) or against a register
// ([Verifier.WithLookup]). The regulator's side — 双随机 supervision draws
// and infringement records — is package mark/enforce.
//
// The rules come from the documents of the source register (package
// brand/source): the 2022 Q&A, question 六 (certified products and services
// may use the certification mark on labels or packaging); 中新网 2021-08-02 on
// 《“江西绿色生态”标志管理办法》 (a standard that passed evaluation may print
// the mark at a set place in its text); and 赣标〔2021〕1号 三(五) (forgery,
// alteration and sale of the mark are struck at). The mark's colours,
// proportions and variants are not public: [Spec] makes them
// configuration, documented as such.
package mark

import (
	_ "embed"
	"encoding/json"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/brand/i18n/enum"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/certification/creditcode"
	"github.com/jxgreen/jxgreen/mark/internal/register"
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

var kindNames = enum.New("Kind", "mark.kind.",
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

var mediumNames = enum.New("Medium", "mark.medium.",
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

// DefaultSpec returns the documented default: proportions kept within 2 %,
// colours unchecked until a palette is configured, monochrome allowed. Each
// call returns a fresh value.
func DefaultSpec() Spec { return Spec{Tolerance: 0.02, Monochrome: true} }

// BrandName is the brand's name as it must be printed.
const BrandName = "江西绿色生态"

// Violation is one rule that a use breaks.
type Violation struct {
	// Code is stable, for programs to branch on: one of the
	// [ViolationCode] constants.
	Code ViolationCode
	Args []any
}

// Message describes the violation in the language that best matches tag.
func (v Violation) Message(tag language.Tag) string {
	return i18n.Sprintf(tag, "mark.violation."+string(v.Code), v.Args...)
}

// Verdict is the result of a check: the use is allowed when it breaks no
// rule.
type Verdict struct {
	Allowed    bool
	Violations []Violation
}

// Has reports whether the verdict holds a violation with the given code.
func (v Verdict) Has(code ViolationCode) bool {
	for _, x := range v.Violations {
		if x.Code == code {
			return true
		}
	}
	return false
}

// ViolationCode is the stable code of a [Violation], for programs to branch
// on. Every code has its message in Chinese and English in one table.
type ViolationCode string

// The violation codes. Their messages are in violationCodeMessages.
const (
	// ViolationNoKind: the kind of mark is not given.
	ViolationNoKind ViolationCode = "no-kind"
	// ViolationNoCertificate: certification mark used without a certificate.
	ViolationNoCertificate ViolationCode = "no-certificate"
	// ViolationUnknownCertificate: certificate … does not exist.
	ViolationUnknownCertificate ViolationCode = "unknown-certificate"
	// ViolationNumberMismatch: the certificate number shown, …, is not the register's number …
	ViolationNumberMismatch ViolationCode = "number-mismatch"
	// ViolationNoTime: no time of use or of the check was given, so the certificate's validity cannot be judged.
	ViolationNoTime ViolationCode = "no-time"
	// ViolationCertificateNotValid: certificate … was … at the time of use.
	ViolationCertificateNotValid ViolationCode = "certificate-not-valid"
	// ViolationWrongScheme: certificate … is not a 江西绿色生态 certificate.
	ViolationWrongScheme ViolationCode = "wrong-scheme"
	// ViolationHolderMismatch: the user … is not the certificate holder …
	ViolationHolderMismatch ViolationCode = "holder-mismatch"
	// ViolationProductMismatch: product … is not the certified product (…).
	ViolationProductMismatch ViolationCode = "product-mismatch"
	// ViolationNumberNotShown: the certificate number is not shown with the certification mark.
	ViolationNumberNotShown ViolationCode = "number-not-shown"
	// ViolationWrongMedium: a … cannot be used on …
	ViolationWrongMedium ViolationCode = "wrong-medium"
	// ViolationNoStandard: standard mark used without naming the standard.
	ViolationNoStandard ViolationCode = "no-standard"
	// ViolationStandardNotEvaluated: standard … has not passed the 江西绿色生态 standard evaluation.
	ViolationStandardNotEvaluated ViolationCode = "standard-not-evaluated"
	// ViolationDistorted: the mark is distorted (aspect change …).
	ViolationDistorted ViolationCode = "distorted"
	// ViolationWrongColour: colour … is not one of the mark's colours.
	ViolationWrongColour ViolationCode = "wrong-colour"
	// ViolationLookAlikeName: “…” imitates the brand name 江西绿色生态 (traditional, full-width, spaced-out, look-alike or altered forms).
	ViolationLookAlikeName ViolationCode = "look-alike-name"
)

// violationCodeMessages is the one table of the violations' messages: for
// each code, its Chinese and English format strings.
var violationCodeMessages = map[ViolationCode][2]string{
	ViolationNoKind: {"未说明标志种类",
		"the kind of mark is not given"},
	ViolationNoCertificate: {"使用认证标志而未标注认证证书",
		"certification mark used without a certificate"},
	ViolationUnknownCertificate: {"证书 %s 不存在",
		"certificate %s does not exist"},
	ViolationNumberMismatch: {"标注的证书编号 %s 与证书登记的编号 %s 不一致",
		"the certificate number shown, %s, is not the register's number %s"},
	ViolationNoTime: {"未给出使用或检查的时间，无法判断证书在当时是否有效",
		"no time of use or of the check was given, so the certificate's validity cannot be judged"},
	ViolationCertificateNotValid: {"证书 %s 在使用时的状态为“%s”",
		"certificate %s was %s at the time of use"},
	ViolationWrongScheme: {"证书 %s 不是“江西绿色生态”认证证书",
		"certificate %s is not a 江西绿色生态 certificate"},
	ViolationHolderMismatch: {"使用者 %s 不是证书持有人 %s",
		"the user %s is not the certificate holder %s"},
	ViolationProductMismatch: {"产品“%s”不在证书范围内（证书产品：%s）",
		"product %s is not the certified product (%s)"},
	ViolationNumberNotShown: {"认证标志旁未标注证书编号",
		"the certificate number is not shown with the certification mark"},
	ViolationWrongMedium: {"%s不能用于%s",
		"a %s cannot be used on %s"},
	ViolationNoStandard: {"使用标准标志而未说明标准",
		"standard mark used without naming the standard"},
	ViolationStandardNotEvaluated: {"标准 %s 未通过“江西绿色生态”标准评价确认",
		"standard %s has not passed the 江西绿色生态 standard evaluation"},
	ViolationDistorted: {"标志比例失真（横纵比 %.3f）",
		"the mark is distorted (aspect change %.3f)"},
	ViolationWrongColour: {"标志颜色 %s 不是规定颜色",
		"colour %s is not one of the mark's colours"},
	ViolationLookAlikeName: {"“%s”仿冒“江西绿色生态”品牌名称（繁体、全角、间隔、形近字或变形写法）",
		"“%s” imitates the brand name 江西绿色生态 (traditional, full-width, spaced-out, look-alike or altered forms)"},
}

func init() {
	enum.Register("mark.violation.", violationCodeMessages)
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
	Spec      *Spec     // nil means DefaultSpec()
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
//
// When both at and u.At are zero, the certificate's validity is not judged
// "at year 1": the verdict has the violation "no-time" (the counterpart of
// [ErrNoTime] for codes) and is not allowed. The certificate number shown
// must be the register's number as the register matches numbers
// ([certification.FoldKey]), and holder credit codes are compared in
// canonical form ([creditcode.Parse]). A nil l, or a typed
// nil such as a nil *certification.Registry, knows no certificate. The
// brand name is checked with [ReadBrandName]: an imitation is the
// violation "look-alike-name".
func (ck Checker) Check(u Use, l certification.Lookup, at time.Time) Verdict {
	spec := DefaultSpec()
	if ck.Spec != nil {
		spec = *ck.Spec
	}
	if at.IsZero() {
		at = u.At
	}
	var v Verdict
	add := func(code ViolationCode, args ...any) {
		v.Violations = append(v.Violations, Violation{Code: code, Args: args})
	}

	switch u.Kind {
	case CertificationMark:
		ck.checkCertification(u, l, at, add)
		if u.Medium == StandardText {
			add(ViolationWrongMedium, u.Kind, u.Medium)
		}
	case StandardMark:
		var stds Evaluated = ck.Standards
		if stds == nil {
			stds = standard.Catalogue()
		}
		switch {
		case u.Standard.IsZero():
			add(ViolationNoStandard)
		default:
			if _, ok := stds.Lookup(u.Standard); !ok {
				add(ViolationStandardNotEvaluated, u.Standard.String())
			}
		}
		// A standard mark says a standard was evaluated; it certifies no
		// product, so it belongs on the standard's text only.
		if u.Medium != StandardText && u.Medium != 0 {
			add(ViolationWrongMedium, u.Kind, u.Medium)
		}
	default:
		add(ViolationNoKind)
	}

	if u.ScaleX > 0 && u.ScaleY > 0 {
		if r := u.ScaleX / u.ScaleY; r > 1+spec.Tolerance || r < 1-spec.Tolerance {
			add(ViolationDistorted, r)
		}
	}
	if len(spec.Palette) > 0 {
		for _, c := range u.Colours {
			if !allowedColour(c, spec) {
				add(ViolationWrongColour, c)
			}
		}
	}
	if u.BrandText != "" && ReadBrandName(u.BrandText) == NameImitated {
		add(ViolationLookAlikeName, u.BrandText)
	}
	v.Allowed = len(v.Violations) == 0
	return v
}

func (ck Checker) checkCertification(u Use, l certification.Lookup, at time.Time, add func(ViolationCode, ...any)) {
	if strings.TrimSpace(u.Certificate) == "" {
		add(ViolationNoCertificate)
		return
	}
	if !u.NumberShown {
		add(ViolationNumberNotShown)
	}
	c, ok := register.Certificate(l, u.Certificate)
	if !ok {
		add(ViolationUnknownCertificate, u.Certificate)
		return
	}
	// A Lookup may match numbers more loosely than a Registry does; the
	// label must show the register's number.
	if !sameText(u.Certificate, c.Number) {
		add(ViolationNumberMismatch, u.Certificate, c.Number)
	}
	if c.Scheme != brand.JiangxiGreen {
		add(ViolationWrongScheme, c.Number)
	}
	if at.IsZero() {
		add(ViolationNoTime)
	} else if st := c.StatusAt(at); st != certification.Valid {
		add(ViolationCertificateNotValid, c.Number, st)
	}
	if u.Holder.Code != "" && !sameCreditCode(u.Holder.Code, c.Holder.Code) ||
		u.Holder.Code == "" && u.Holder.Name != "" && !sameText(u.Holder.Name, c.Holder.Name) {
		add(ViolationHolderMismatch, holderLabel(u.Holder), holderLabel(c.Holder))
	}
	if u.Product != "" && !sameText(u.Product, c.Product) {
		add(ViolationProductMismatch, u.Product, c.Product)
	}
}

// sameCreditCode compares two credit codes in canonical form; a code that
// does not parse is only the same as itself.
func sameCreditCode(a, b creditcode.Code) bool {
	pa, errA := creditcode.Parse(string(a))
	pb, errB := creditcode.Parse(string(b))
	if errA == nil && errB == nil {
		return pa == pb
	}
	return a == b
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

// sameText reports whether a and b are the same product or holder name as
// a certificate register matches them ([certification.FoldKey]): the
// checks of a use and of a code compare what is printed with what is
// registered by the register's own rule, not a looser one. A name holding
// a control or format character matches nothing.
func sameText(a, b string) bool {
	ka, oka := certification.FoldKey(a)
	kb, okb := certification.FoldKey(b)
	return oka && okb && ka == kb
}

//go:embed confusables.json
var confusablesJSON []byte

// confusable is one entry of the table of characters that read as one of
// the brand name's characters: a traditional or variant form, a radical, or
// a visually similar character.
type confusable struct {
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

// confusablesFile is confusables.json.
var confusablesFile = func() (file struct {
	Entries    []struct{ From, To, Kind, Source, Judgement string }
	Components []struct{ From, To, Judgement string }
}) {
	if err := json.Unmarshal(confusablesJSON, &file); err != nil {
		panic("mark: confusables.json: " + err.Error()) // embedded data, checked by the tests
	}
	return file
}()

// components maps two characters that, side by side, read as one
// character of the name (纟录 for 绿) to that character.
var components = func() map[[2]rune]rune {
	m := map[[2]rune]rune{}
	for _, e := range confusablesFile.Components {
		from, to := []rune(e.From), []rune(e.To)
		if len(from) != 2 || len(to) != 1 || !strings.ContainsRune(BrandName, to[0]) || e.Judgement == "" {
			panic("mark: confusables.json: bad component entry " + e.From) // embedded data, checked by the tests
		}
		m[[2]rune(from)] = to[0]
	}
	return m
}()

// confusables is the table, loaded once from confusables.json.
var confusables = func() map[rune]confusable {
	file := confusablesFile
	m := make(map[rune]confusable, len(file.Entries))
	for _, e := range file.Entries {
		from, to := []rune(e.From), []rune(e.To)
		if len(from) != 1 || len(to) != 1 || !strings.ContainsRune(BrandName, to[0]) || e.Kind == "" ||
			(e.Kind == "visual") != (e.Source == "") || (e.Kind == "visual") != (e.Judgement != "") {
			panic("mark: confusables.json: bad entry " + e.From) // embedded data, checked by the tests
		}
		if _, dup := m[from[0]]; dup {
			panic("mark: confusables.json: duplicate entry " + e.From)
		}
		m[from[0]] = confusable{From: from[0], To: to[0], Kind: e.Kind, Source: e.Source, Judgement: e.Judgement}
	}
	return m
}()

// confusableTable returns the table of look-alike characters that
// looksLikeBrandName folds, in code point order, each with its source.
func confusableTable() []confusable {
	out := make([]confusable, 0, len(confusables))
	for _, c := range confusables {
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b confusable) int { return int(a.From) - int(b.From) })
	return out
}

// NameUse is how a text uses the brand name 江西绿色生态: the answer of
// [ReadBrandName].
type NameUse int

// The uses of the name.
const (
	// NameAbsent: the text holds neither the brand name nor an imitation
	// of it ("金溪蜜梨", "浙江制造").
	NameAbsent NameUse = iota + 1
	// NameGenuine: the text holds the real name and no imitation: alone,
	// as policy texts and labels write it (“江西绿色生态”, 【江西绿色生态】,
	// 江西绿色生态®, 江西绿色生态。), followed by its English name, or inside
	// a sentence ("本产品获江西绿色生态认证").
	NameGenuine
	// NameImitated: the text holds an imitation of the name, alone or
	// inside a longer text: traditional and variant characters, radicals,
	// full-width or spaced-out forms, 绿 split into 纟录, visually
	// confusable substitutions (江酉绿色生态, 江西録色生态, 江西绿色土态) from
	// the table in confusables.json (each entry with its source), or the
	// real name touched by an invisible or combining character. It is
	// what [Check] reports as "look-alike-name".
	NameImitated
)

var nameUseNames = enum.New("NameUse", "mark.name.",
	[3]string{"absent", "未使用品牌名称", "no brand name"},
	[3]string{"genuine", "品牌名称", "the brand name"},
	[3]string{"imitated", "仿冒的品牌名称", "an imitation of the brand name"},
)

// String returns "absent", "genuine" or "imitated".
func (u NameUse) String() string { return nameUseNames.Code(int(u)) }

// Localize names the use in the language that best matches tag.
func (u NameUse) Localize(tag language.Tag) string { return nameUseNames.Localize(int(u), tag) }

// ReadBrandName says how s uses the brand name 江西绿色生态: not at all,
// genuinely, or in an imitation. It is the one question an inspector asks
// of a brand text on a label, a package or a shop page, and the rule
// [Check] applies. The occurrences of the real name are set aside first
// (except one that an invisible or combining character touches), then
// every run of six Han characters of what remains is read after NFKC and
// the look-alike table, with spaces, dots, dashes and quotes between them
// dropped, and compared with the name. An imitation anywhere in s makes
// the answer [NameImitated], even beside the real name.
func ReadBrandName(s string) NameUse {
	switch {
	case isBrandName(s):
		return NameGenuine
	case imitatesBrandName(s):
		return NameImitated
	case strings.Contains(s, BrandName):
		return NameGenuine
	}
	return NameAbsent
}

// quotePairs are the quotation marks and brackets that policy texts,
// labels and shop titles put around the brand name.
var quotePairs = [][2]string{{"“", "”"}, {"「", "」"}, {"『", "』"}, {"《", "》"}, {"〈", "〉"}, {`"`, `"`}, {"＂", "＂"}, {"‘", "’"}, {"'", "'"},
	{"【", "】"}, {"（", "）"}, {"(", ")"}}

// nameSuffixes are the signs and punctuation written after the brand name.
var nameSuffixes = []string{"®", "™", "(R)", "（R）", "(TM)", "（TM）", "。", "，", "、", "；", "：", "！", ".", ",", ";", ":", "!"}

// isBrandName reports whether s is the brand name 江西绿色生态 written as
// policy texts and labels write it: possibly in quotation marks or brackets
// (“”, 「」, 『』, 《》, 〈〉, "", 【】, （）, ()), followed by a ® or ™ sign
// (or "(R)", "(TM)") or a punctuation mark (。，), with white space around.
// Such a text names the brand itself; it is not a look-alike.
func isBrandName(s string) bool {
	for {
		t := strings.TrimFunc(s, unicode.IsSpace)
		for again := true; again; {
			again = false
			for _, x := range nameSuffixes {
				if len(t) > len(x) && strings.HasSuffix(t, x) {
					t, again = strings.TrimRightFunc(t[:len(t)-len(x)], unicode.IsSpace), true
				}
			}
		}
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

// looksLikeBrandName reports whether s reads as the brand name 江西绿色生态
// once it is NFKC-normalised (full-width forms, Kangxi radicals), its
// look-alike characters are replaced by the ones they pass for (traditional
// and variant forms, radicals, visually confusable characters such as 酉
// for 西, 録 for 绿, 土 for 生: the table in confusables.json, kept as data with a
// source for each entry), and spaces, dots, dashes, quotes and other marks
// between the characters are dropped: "江西綠色生態", "江 西 绿 色 生 态",
// "江西·绿色·生态", "江酉绿色生态". The brand name itself also reads so; use
// [isBrandName] to tell the two apart.
func looksLikeBrandName(s string) bool {
	return string(readHan(s)) == BrandName
}

// imitatesBrandName reports whether s contains an imitation of the brand
// name, alone or inside a longer text: it is what [Check] flags as
// "look-alike-name". The occurrences of the real name 江西绿色生态 are set
// aside first (except one that an invisible or combining character
// touches: "江西绿色生态\u200b" is not the real name), so that the real
// name in brackets, with punctuation, a ® or a translation, or inside a
// sentence, is not an imitation. Then every run of six Han characters of
// what remains, read as [looksLikeBrandName] reads a text (NFKC, the
// look-alike table, marks and spaces dropped), is compared with the name:
// "江酉绿色生态认证", "江西綠色生態产品" and "【江 西 绿 色 生 态】" imitate it.
func imitatesBrandName(s string) bool {
	for len(s) > 0 {
		i := strings.Index(s, BrandName)
		for i >= 0 && !standsAlone(s, i) {
			j := strings.Index(s[i+1:], BrandName)
			if j < 0 {
				i = -1
			} else {
				i += 1 + j
			}
		}
		if i < 0 {
			return containsName(s)
		}
		if containsName(s[:i]) {
			return true
		}
		s = s[i+len(BrandName):]
	}
	return false
}

// standsAlone reports whether the occurrence of the name at s[i:] is the
// real name: no format character (a zero-width joiner) before it, and no
// combining mark, variation selector or format character after it.
func standsAlone(s string, i int) bool {
	if r, _ := utf8.DecodeLastRuneInString(s[:i]); i > 0 && unicode.Is(unicode.Cf, r) {
		return false
	}
	rest := s[i+len(BrandName):]
	if rest == "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return !unicode.In(r, unicode.Mn, unicode.Me, unicode.Mc, unicode.Cf)
}

// containsName reports whether some six consecutive Han characters of s,
// read as looksLikeBrandName reads them, are the brand name.
func containsName(s string) bool {
	han := readHan(s)
	n := utf8.RuneCountInString(BrandName)
	for i := 0; i+n <= len(han); i++ {
		if string(han[i:i+n]) == BrandName {
			return true
		}
	}
	return false
}

// readHan returns the Han characters of s after NFKC and the look-alike
// table, dropping everything else; two characters that are the split
// components of one of the name's (纟录 for 绿) read as that character.
func readHan(s string) []rune {
	var b []rune
	for _, r := range norm.NFKC.String(s) {
		if c, ok := confusables[r]; ok {
			r = c.To
		}
		if !isHan(r) {
			continue
		}
		if n := len(b); n > 0 {
			if to, ok := components[[2]rune{b[n-1], r}]; ok {
				b[n-1] = to
				continue
			}
		}
		b = append(b, r)
	}
	return b
}

func isHan(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF || r >= 0x2E80 && r <= 0x2FDF
}

package standard

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand/i18n"

	"github.com/jxgreen/jxgreen/brand/fold"
)

// SubjectError reports a product that a standard does not cover.
type SubjectError struct {
	Product  string
	Standard string // the standard's label: number and title
	Subject  string
	Err      error // ErrOutsideSubject
}

func init() {
	i18n.Set("standard.SubjectError", "产品“%s”不在 %s 的适用对象“%s”之内",
		"the product “%[1]s” is outside the subject (%[3]s) of %[2]s")
}

// Error returns the English description of the error.
func (e *SubjectError) Error() string {
	return "standard: " + i18n.Sprintf(language.English, "standard.SubjectError", e.Product, e.Standard, e.Subject)
}

// Unwrap returns [ErrOutsideSubject].
func (e *SubjectError) Unwrap() error { return e.Err }

// Localize describes the error in the language that best matches tag.
func (e *SubjectError) Localize(tag language.Tag) string {
	return i18n.Sprintf(tag, "standard.SubjectError", e.Product, e.Standard, e.Subject)
}

// subjectNames are the other names under which the subjects of the
// catalogue are sold and listed, each matched like the subject itself:
// the variant characters (桑椹 and 桑葚), the common trade names (稻米 as
// 大米) and the species name (中华鳖, Pelodiscus sinensis, the 甲鱼 of the
// standard). A name that would also name other products (木耳 is also
// 白木耳, 银耳) is left out: a wrong match would recognise a record for a
// product no standard covers.
var subjectNames = map[string][]string{
	"稻米":   {"大米", "籼米", "粳米"},
	"桑椹":   {"桑葚"},
	"甲鱼":   {"鳖", "中华鳖", "团鱼"},
	"油茶籽油": {"茶油", "山茶油", "茶籽油", "野茶油"},
	"茶叶":   {"绿茶", "红茶", "白茶", "黄茶", "黑茶", "乌龙茶", "狗牯脑茶"},
	"芦笋":   {"石刁柏"},
	"蜂蜜":   {"土蜂蜜", "百花蜜", "洋槐蜜", "油菜蜜", "荆条蜜"},
}

// origins are the places of origin with which catalogue subjects begin
// (金溪蜜梨 is the 蜜梨 of 金溪县): a product may be named without its
// place ("蜜梨" under 金溪蜜梨), since the standard it cites already says
// where it comes from. Only a place is dropped, never a word for a
// process or kind: "脐橙" is not 冻干脐橙, "木耳" is not 黑木耳.
var origins = []string{"金溪", "赣南", "广昌", "安福", "军山湖", "余江", "横峰", "高安", "万载", "仙女湖", "井冈", "资溪"}

// freshPrefixes say that the product is the subject in its fresh state,
// as a standard for a fresh product covers it ("新鲜桑椹").
var freshPrefixes = []string{"新鲜", "鲜"}

// packQualifiers are the grade and pack words that follow a product's
// name on a label or certificate without making it another product
// ("金溪蜜梨礼盒", "狗牯脑茶（特级）"). A word that names something made
// from the product (汁, 饮料, 味…, 饲料, 粉) is not one of them.
var packQualifiers = []string{
	"礼盒装", "礼盒", "盒装", "袋装", "箱装", "罐装", "瓶装", "散装", "精装", "简装", "礼品装",
	"特级", "优级", "一级", "二级", "三级", "特等", "一等", "二等", "三等",
}

// brandPrefix is the brand's name, with which catalogue titles begin.
var brandPrefix = fold.Title("江西绿色生态")

// Covers reports whether product falls under the standard's subject. Both
// are folded (width, case, spaces, quotation marks, 《》 brackets, and a
// leading 江西绿色生态 as titles write it); the product must then be, as
// a whole name:
//
//   - the subject, or one of its usual other names ("桑葚" under 桑椹,
//     "大米" under 稻米, "中华鳖" under 甲鱼), or the subject without its
//     place of origin ("蜜梨" under 金溪蜜梨);
//   - optionally preceded by 新鲜 or 鲜 (the fresh product) and followed
//     by grade and pack words in any brackets ("金溪蜜梨礼盒",
//     "赣南脐橙（特级）").
//
// Nothing else matches: not a product that merely mentions the subject
// (金溪蜜梨味饮料, 金溪蜜梨汁, 非金溪蜜梨, 甲鱼饲料), nor a fragment of it
// (溪蜜, 家用), nor a wider kind (脐橙 under 冻干脐橙, 木耳 under 黑木耳). A
// standard without a subject covers every product: nothing is known to the
// contrary. An empty product is covered by nothing.
//
// It is the one rule by which a certificate's or a partner record's
// product is held to the standards it cites.
func (s Standard) Covers(product string) bool {
	if product != "" && product == strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s.Subject), "江西绿色生态")) {
		return true // the common case, without folding
	}
	subj := strings.TrimPrefix(fold.Title(s.Subject), brandPrefix)
	if subj == "" {
		return true
	}
	p := strings.TrimPrefix(fold.Title(product), brandPrefix)
	p = trimPackQualifiers(p)
	for _, f := range freshPrefixes {
		if rest, ok := strings.CutPrefix(p, f); ok && rest != "" {
			p = rest
			break
		}
	}
	if p == "" {
		return false
	}
	if p == subj {
		return true
	}
	for _, o := range origins {
		if rest, ok := strings.CutPrefix(subj, o); ok && utf8.RuneCountInString(rest) >= 2 && p == rest {
			return true
		}
	}
	for _, name := range subjectNames[subj] {
		if p == name {
			return true
		}
	}
	return false
}

// trimPackQualifiers removes the grade and pack words (packQualifiers),
// bare or in brackets, from the end of a folded product name.
func trimPackQualifiers(p string) string {
	for {
		q := strings.TrimRight(p, "()（）[]【】")
		trimmed := false
		for _, w := range packQualifiers {
			if rest, ok := strings.CutSuffix(q, w); ok && rest != "" {
				p, trimmed = strings.TrimRight(rest, "()（）[]【】"), true
				break
			}
		}
		if !trimmed {
			return p
		}
	}
}

// CheckProduct returns nil when the standard covers product ([Standard.Covers]),
// and otherwise a [*SubjectError] naming the product, the standard and its
// subject.
func (s Standard) CheckProduct(product string) error {
	if s.Covers(product) {
		return nil
	}
	return &SubjectError{Product: product, Standard: s.Label(), Subject: s.Subject, Err: ErrOutsideSubject}
}

package standard

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand/i18n"

	"github.com/jxgreen/jxgreen/internal/fold"
)

// ErrOutsideSubject: a product does not fall under the subject of the
// standard it cites. A [*SubjectError] wraps it.
var ErrOutsideSubject = i18n.NewSentinel("standard.ErrOutsideSubject",
	"产品不在标准的适用对象之内", "the product is outside the subject of the standard")

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
// catalogue are sold and listed: the variant characters (桑椹 and 桑葚)
// and the common trade names (稻米 as 大米). Each is matched like the
// subject itself. A name that would also name other products (木耳 is
// also 白木耳, 银耳) is left out: a wrong match would recognise a record
// for a product no standard covers.
var subjectNames = map[string][]string{
	"稻米":   {"大米", "籼米", "粳米"},
	"桑椹":   {"桑葚"},
	"甲鱼":   {"鳖", "团鱼"},
	"油茶籽油": {"茶油", "山茶油", "茶籽油", "野茶油"},
	"茶叶":   {"绿茶", "红茶", "白茶", "黄茶", "黑茶", "乌龙茶", "狗牯脑茶"},
	"芦笋":   {"石刁柏"},
	"蜂蜜":   {"土蜂蜜", "百花蜜", "洋槐蜜", "油菜蜜", "荆条蜜"},
}

// Covers reports whether product falls under the standard's subject: after
// folding width, case, spaces, quotation marks and 《》 brackets, the
// product names the subject ("金溪蜜梨礼盒" under 金溪蜜梨), the subject
// names the product ("蜜梨" under 金溪蜜梨, the short name of the same
// thing; two characters at least), or the product is sold under one of the subject's usual other
// names ("桑葚" under 桑椹, "大米" under 稻米). A standard without a subject
// covers every product: nothing is known to the contrary. An empty product
// is covered by nothing.
//
// It is the one rule by which a certificate's or a partner record's
// product is held to the standards it cites.
func (s Standard) Covers(product string) bool {
	raw := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s.Subject), "江西绿色生态"))
	if raw == "" {
		return true
	}
	if strings.Contains(product, raw) {
		return true // the common case, without folding
	}
	subj := fold.Title(raw)
	if subj == "" {
		return true
	}
	p := fold.Title(product)
	if p == "" {
		return false
	}
	// The subject naming the product counts for a name of two characters
	// or more: "茶" alone is in 油茶籽油 too.
	if strings.Contains(p, subj) || utf8.RuneCountInString(p) >= 2 && strings.Contains(subj, p) {
		return true
	}
	for _, name := range subjectNames[subj] {
		if strings.Contains(p, fold.Title(name)) {
			return true
		}
	}
	return false
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

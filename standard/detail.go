package standard

import (
	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand/i18n"
)

// detailError is a sentinel error with the detail of one case (the value
// and what is wrong with it) in both languages: callers branch on the
// sentinel with errors.Is, and i18n.Error shows the detail in the reader's
// language rather than the sentinel's text alone.
type detailError struct {
	err  error  // the sentinel
	key  string // the message, under "standard.detail."
	args []any
}

func failure(err error, key string, args ...any) error {
	return &detailError{err: err, key: "standard.detail." + key, args: args}
}

func init() {
	i18n.Table("standard.detail.", [][3]string{
		{"kind", "未知的标准类别：%q", "unknown kind %q"},
		{"status", "未知的标准状态：%q", "unknown status %q"},
		{"operator", "未知的比较符：%q", "unknown operator %q"},
		{"encode", "无法编码 %v", "cannot encode %v"},
		{"no-id", "技术要求 %q：缺少编号", "requirement %q: no id"},
		{"no-name", "技术要求 %q：缺少名称", "requirement %q: no name"},
		{"no-operator", "技术要求 %q：缺少比较符", "requirement %q: no operator"},
		{"not-finite", "技术要求 %q：限值不是有限的数", "requirement %q: value is not a finite number"},
		{"reversed", "技术要求 %q：范围上限低于下限", "requirement %q: range upper bound below lower bound"},
		{"unit", "技术要求 %q：未知的单位 %q", "requirement %q: unknown unit %q"},
		{"attribute", "技术要求 %q：未知的品牌属性", "requirement %q: unknown attribute"},
	})
}

// Error returns the English description of the error.
func (e *detailError) Error() string {
	return "standard: " + i18n.Sprintf(language.English, e.key, e.args...)
}

// Unwrap returns the sentinel.
func (e *detailError) Unwrap() error { return e.err }

// Localize describes the error in the language that best matches tag.
func (e *detailError) Localize(tag language.Tag) string {
	return i18n.Sprintf(tag, e.key, e.args...)
}

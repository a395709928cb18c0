package standard

import "github.com/jxgreen/jxgreen/brand/i18n"

// The messages of the cases of the sentinel errors ([i18n.Sentinel.With]):
// the value and what is wrong with it, in both languages.
func init() {
	i18n.Table("standard.case.", [][3]string{
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

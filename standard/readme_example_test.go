package standard_test

import (
	"errors"
	"fmt"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/standard"
)

// Example_readmeNumbers is the README's "Standard numbers" snippet.
func Example_readmeNumbers() {
	n, err := standard.Parse("ＤＢ３６／Ｔ　１４９０—２０２１")
	fmt.Println(n, n.Kind() == standard.Local, n.Region(), n.Mandatory(), err) // DB36/T 1490-2021 true 36 false <nil>
	_, err = standard.Parse("GB/T 1.1-20")
	fmt.Println(errors.Is(err, standard.ErrYear)) // true
	var pe *standard.ParseError
	if errors.As(err, &pe) {
		fmt.Println(pe.Offset) // 9
	}
	fmt.Println(i18n.Error(err, language.Chinese)) // 标准编号 "GB/T 1.1-20" 在第 9 字节处有误：…
	// Output:
	// DB36/T 1490-2021 true 36 false <nil>
	// true
	// 9
	// 标准编号 "GB/T 1.1-20" 在第 9 字节处有误：年代号应为 4 位年份（1950–2099）或旧式 2 位年份
}

// Example_readmeCatalogue is the README's "Catalogue, comparison and
// evaluation" snippet, with a synthetic candidate standard.
func Example_readmeCatalogue() {
	// A synthetic candidate: its number and indicators are invented.
	candidate := standard.Standard{
		Number:    standard.MustParse("T/JGE 9001-2026"),
		Title:     "江西绿色生态 样例脐橙",
		Kind:      standard.Group,
		Publisher: "江西绿色生态品牌建设促进会",
		Subject:   "样例脐橙",
		Requirements: []standard.Requirement{
			{ID: "soluble-solids", Name: "可溶性固形物", Op: standard.AtLeast, Value: 12, Unit: "%", Attribute: brand.QualityLeading},
			{ID: "pesticide", Name: "农药残留", Op: standard.AtMost, Value: 0.01, Unit: "mg/kg", Attribute: brand.EnvironmentalProtection},
			{ID: "water", Name: "灌溉用水", Op: standard.AtMost, Value: 250, Unit: "kg", Attribute: brand.ResourceSaving},
		},
		Clauses: []string{"范围", "规范性引用文件", "术语和定义"},
	}

	cat := standard.Catalogue()
	fmt.Println(cat.Len(), "standards")           // 41 standards
	for _, s := range cat.Find("《江西绿色生态　赣南脐橙》") { // title, subject or number
		fmt.Println(s.Label()) // 《江西绿色生态 赣南脐橙》
	}
	pear, _ := cat.Lookup(standard.MustParse("T/JGE 0039-2023"))
	c := standard.Compare(pear, pear.Basis[0]) // against NY/T 844-2017
	it := c.Items[0]
	fmt.Println(it.Ours, "vs", it.Theirs, it.Relation) // 可溶性固形物 ≥ 11.5 % vs 可溶性固形物 ≥ 11 % stricter
	fmt.Println(c.Degree, c.AtLeastAsStrict)           // MOD true

	e := standard.Evaluate(candidate) // 标准评价确认
	for _, f := range e.Findings {
		fmt.Println(f.Code, f.Message(language.English)) // attribute no indicator covers the attribute ecological harmony …
	}
	// Output:
	// 41 standards
	// 《江西绿色生态 赣南脐橙》
	// 可溶性固形物 ≥ 11.5 % vs 可溶性固形物 ≥ 11 % stricter
	// MOD true
	// attribute no indicator covers the attribute ecological harmony (DB36/T 1138 asks for resource saving, environmental protection, ecological harmony and quality leadership)
	// no-basis no national or industry basis standard given: cannot confirm it is stricter than them
}

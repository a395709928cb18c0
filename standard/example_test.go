package standard_test

import (
	"errors"
	"fmt"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/standard"
)

func ExampleParse() {
	for _, s := range []string{
		"DB36/T 1490-2021",
		"ＧＢ／Ｔ　１．１—２０２０", // full-width, ideographic space, em dash
		"t/jge0039-2023",
		"GB 2763",
	} {
		n, err := standard.Parse(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%-16s %s mandatory=%v region=%q issuer=%q\n", n, n.Kind().Localize(language.English), n.Mandatory(), n.Region(), n.Issuer())
	}
	_, err := standard.Parse("GB/T 1.1-20")
	fmt.Println(errors.Is(err, standard.ErrYear), err)
	// Output:
	// DB36/T 1490-2021 local standard mandatory=false region="36" issuer=""
	// GB/T 1.1-2020    national standard mandatory=false region="" issuer=""
	// T/JGE 0039-2023  group standard mandatory=false region="" issuer="JGE"
	// GB 2763          national standard mandatory=true region="" issuer=""
	// true standard: parsing "GB/T 1.1-20": at byte 9: the year must have four digits (1950–2099), or two in the old style
}

func ExampleNumber_Base() {
	n := standard.MustParse("GB 20891-2014/XG1-2020")
	fmt.Println(n, "amends", n.Base(), "with", n.Amendment())
	for _, s := range []string{"DB12/617-2016", "GB∕T 2260 2007", "ISO/IEC 17065:2012", "EN 71-3:2019"} {
		m := standard.MustParse(s)
		fmt.Printf("%-18s %s\n", m, m.Kind().Localize(language.English))
	}
	// Output:
	// GB 20891-2014/XG1-2020 amends GB 20891-2014 with XG1-2020
	// DB12/ 617-2016     local standard
	// GB/T 2260-2007     national standard
	// ISO/IEC 17065:2012 international standard
	// EN 71-3:2019       foreign standard
}

func ExampleCompare() {
	// 金溪蜜梨 (T/JGE 0039-2023) asks soluble solids ≥ 11.5 % where its base
	// standard NY/T 844-2017 asks ≥ 11.0 % (中国质量新闻网 2023-04-28).
	pear, _ := standard.Catalogue().Lookup(standard.MustParse("T/JGE 0039-2023"))
	c := standard.Compare(pear, pear.Basis[0])
	for _, it := range c.Items {
		fmt.Printf("%s: %s (ours %s, theirs %s)\n", it.Name, it.Relation, it.Ours, it.Theirs)
	}
	fmt.Println("degree:", c.Degree, "at least as strict:", c.AtLeastAsStrict)
	// Output:
	// 可溶性固形物: stricter (ours 可溶性固形物 ≥ 11.5 %, theirs 可溶性固形物 ≥ 11 %)
	// degree: MOD at least as strict: true
}

func ExampleCatalogue() {
	c := standard.Catalogue()
	fmt.Println(c.Len(), "standards")
	for _, s := range c.Find("《江西绿色生态　赣南脐橙》") {
		fmt.Println(s.Label(), s.Kind, s.Publisher)
	}
	for _, s := range c.Find("DB36/T 1490") {
		fmt.Println(s.Label(), s.Kind, s.Publisher)
	}
	// Output:
	// 41 standards
	// 《江西绿色生态 赣南脐橙》 group 江西绿色生态品牌建设促进会
	// DB36/T 1490-2021《江西绿色生态 农民专业合作社》 local 江西省市场监督管理局
}

func ExampleEvaluate() {
	// A synthetic candidate: number and indicators are invented.
	s := standard.Standard{
		Number:    standard.MustParse("T/JGE 9001-2026"),
		Title:     "江西绿色生态 样例脐橙",
		Kind:      standard.Group,
		Publisher: "江西绿色生态品牌建设促进会",
		Subject:   "样例脐橙",
		Requirements: []standard.Requirement{
			{ID: "soluble-solids", Name: "可溶性固形物", Op: standard.AtLeast, Value: 10.5, Unit: "%", Attribute: brand.QualityLeading},
			{ID: "pesticide", Name: "农药残留", Op: standard.AtMost, Value: 0.01, Unit: "mg/kg", Attribute: brand.EnvironmentalProtection},
			{ID: "water", Name: "灌溉用水", Op: standard.AtMost, Value: 250, Unit: "kg", Attribute: brand.ResourceSaving},
		},
		Basis: []standard.Standard{{
			Number: standard.MustParse("NY/T 844-2017"),
			Title:  "绿色食品 温带水果",
			Requirements: []standard.Requirement{
				{ID: "soluble-solids", Name: "可溶性固形物", Op: standard.AtLeast, Value: 11, Unit: "%"},
			},
		}},
		Clauses: []string{"范围", "规范性引用文件", "术语和定义"},
	}
	e := standard.Evaluate(s)
	fmt.Println("passed:", e.Passed)
	for _, f := range e.Findings {
		fmt.Println("-", f.Message(language.English))
	}
	// Output:
	// passed: false
	// - no indicator covers the attribute ecological harmony (DB36/T 1138 asks for resource saving, environmental protection, ecological harmony and quality leadership)
	// - indicator 可溶性固形物 is looser than in the basis NY/T 844-2017《绿色食品 温带水果》 (可溶性固形物 ≥ 10.5 % against 可溶性固形物 ≥ 11 %)
}

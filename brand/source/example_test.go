package source_test

import (
	"fmt"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/source"
)

func ExampleResolve() {
	// The source of a fact of the brand: two documents, each with the part cited.
	cs, err := source.Resolve("赣标〔2021〕1号 三(六)；苏政办发〔2022〕21号 (十三)")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range cs {
		d := c.Document
		fmt.Printf("%s | %s | %s | %s | part %s\n", d.Number, d.Title, d.Issuer, d.Date, c.Part)
	}
	_, err = source.Resolve("an unknown report, 2020")
	fmt.Println(err)
	// Output:
	// 赣标〔2021〕1号 | 关于打造“江西绿色生态”区域公用品牌的意见 | 江西省标准化战略领导小组 | 2021-11-09 | part 三(六)
	// 苏政办发〔2022〕21号 | 省政府办公厅转发省市场监管局等部门关于深入推进绿色认证促进绿色低碳循环发展意见的通知 | 江苏省人民政府办公厅 | 2022-03-19 | part (十三)
	// source: "an unknown report, 2020" cites no document of the register
}

func ExampleLookup() {
	d, _ := source.Lookup(source.TJGE00232022)
	fmt.Println(d.Ref, d.Title, d.Issuer, d.Date)
	fmt.Println(d.URL, "mirror:", d.Mirror)
	fmt.Println(source.Cite(source.TJGE00232022, "引言"))
	// Output:
	// T/JGE 0023-2022 江西绿色生态 井冈蜜橘 江西绿色生态品牌建设促进会 2022-09-30
	// https://isostandards.icu/isopdf/58316.html mirror: true
	// T/JGE 0023-2022 引言
}

func ExampleAll() {
	// Where each governance fact of 江西绿色生态 comes from.
	for _, o := range brand.JiangxiGreenEcology().Governance[:2] {
		cs, _ := source.Resolve(o.Source)
		fmt.Println(o.Name, "←", cs[0].Document.Title, cs[0].Part)
	}
	fmt.Println(len(source.All()), "documents in the register")
	// Output:
	// 江西省市场监督管理局 ← “江西绿色生态”品牌建设知识问答（2022版） 一
	// 江西省质量和标准化研究院（江西省标准技术审评中心） ← “江西绿色生态”品牌建设知识问答（2022版） 八
	// 59 documents in the register
}

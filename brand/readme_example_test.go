package brand_test

import (
	"fmt"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
)

// Example_readmeBrand is the README's "Brand and attributes" snippet.
func Example_readmeBrand() {
	b := brand.JiangxiGreenEcology()
	fmt.Println(b.Name, b.Owner) // 江西绿色生态 江西省市场监督管理局
	for _, o := range b.In(brand.StandardEvaluator) {
		fmt.Println(o.Name, "—", o.Source) // 江西省质量和标准化研究院（…） — 《“江西绿色生态”品牌建设知识问答（2022版）》 八
	}
	a, _ := brand.ParseAttribute("生态协调")         // the 2022 Q&A's spelling
	fmt.Println(a, a.Localize(language.English)) // ecological-harmony ecological harmony
	// Output:
	// 江西绿色生态 江西省市场监督管理局
	// 江西省质量和标准化研究院（江西省标准技术审评中心） — 《“江西绿色生态”品牌建设知识问答（2022版）》 八
	// ecological-harmony ecological harmony
}

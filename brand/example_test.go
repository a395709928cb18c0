package brand_test

import (
	"fmt"
	"time"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
)

func ExampleParseAttribute() {
	// The policy documents write the same attributes in different words.
	for _, s := range []string{"生态协调", "质量领先", "resource saving"} {
		a, err := brand.ParseAttribute(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s -> %s (%s)\n", s, a, a.Localize(language.English))
	}
	// Output:
	// 生态协调 -> ecological-harmony (ecological harmony)
	// 质量领先 -> quality-leading (quality leadership)
	// resource saving -> resource-saving (resource saving)
}

func ExamplePilot_Assess() {
	a := brand.Xunwu().Assess(brand.Progress{
		At:                  time.Date(2023, 6, 1, 0, 0, 0, 0, brand.ChinaTime()),
		Standards:           2,
		CertifiedProducts:   3,
		FirstCertifications: 3,
	})
	fmt.Println(a.Phase, "met:", a.Met, "products short:", a.CertifiedShort, "reward:", a.Reward)
	// Output: 集中创建阶段 met: false products short: 2 reward: 160000
}

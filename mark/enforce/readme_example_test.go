package enforce_test

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/mark/enforce"
)

// Example_readmeEnforce is the README's "Supervision" snippet. The holders,
// the inspectors and the infringement record are synthetic.
func Example_readmeEnforce() {
	h := certification.Holder{Name: "合成样例果业有限公司", Code: "91360100MA3000001E"}
	t := time.Date(2026, 6, 1, 0, 0, 0, 0, brand.ChinaTime())
	holders := []certification.Holder{h, {Name: "合成样例茶业有限公司", Code: "91360100MA3000002H"}}
	inspectors := []enforce.Inspector{{ID: "A"}, {ID: "B"}, {ID: "C"}}

	plan, err := enforce.Draw("published seed", holders, inspectors, 2, 1) // 双随机, reproducible
	fmt.Println(len(plan.Assignments), err)                                // 2 <nil>
	rec, err := enforce.Infringement{Offence: enforce.Forgery, Party: h, Facts: "合成样例：伪造标志", Decided: t,
		Authority: "合成样例县市场监督管理局", Decision: "合成样例〔2026〕1号"}.Publish() // JSON for 信用中国（江西）
	fmt.Println(json.Valid(rec), err) // true <nil>
	// Output:
	// 2 <nil>
	// true <nil>
}

package enforce_test

import (
	"fmt"

	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/certification/creditcode"
	"github.com/jxgreen/jxgreen/mark/enforce"
)

func ExampleDraw() {
	var holders []certification.Holder
	for _, s := range []string{"91360100MA3000001E", "91360100MA3000002H", "91360100MA3000003L"} {
		holders = append(holders, certification.Holder{Name: "合成样例 " + s[14:], Code: creditcode.Code(s)})
	}
	inspectors := []enforce.Inspector{
		{ID: "A", Excluded: []creditcode.Code{"91360100MA3000001E"}},
		{ID: "B"}, {ID: "C"},
	}
	p1, _ := enforce.Draw("2026-11-25 公开种子", holders, inspectors, 2, 1)
	p2, _ := enforce.Draw("2026-11-25 公开种子", holders, inspectors, 2, 1)
	fmt.Println("reproducible:", fmt.Sprint(p1) == fmt.Sprint(p2), "drawn:", len(p1.Assignments))
	// Output: reproducible: true drawn: 2
}

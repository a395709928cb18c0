package pilot_test

import (
	"fmt"
	"time"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/pilot"
)

func ExamplePlan_Assess() {
	a := pilot.Xunwu().Assess(pilot.Progress{
		At:                  time.Date(2023, 6, 1, 0, 0, 0, 0, brand.ChinaTime()),
		Standards:           2,
		CertifiedProducts:   3,
		FirstCertifications: 3,
	})
	fmt.Println(a.Phase, "met:", a.Met, "products short:", a.CertifiedShort, "reward:", a.Reward)
	// Output: 集中创建阶段 met: false products short: 2 reward: 160000
}

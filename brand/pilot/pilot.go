// Package pilot holds the plans of the 江西绿色生态 brand pilot counties
// (品牌试点县) and measures a county's progress against its plan: Xunwu
// returns the plan of 寻乌县, and Plan.Assess says which phase a date falls
// in, what is still missing and the incentive due.
//
// A pilot plan is a county's work programme for building the brand, not a
// fact of the brand scheme itself, so it lives here rather than in package
// brand; every figure cites the plan in the source register
// (package github.com/jxgreen/jxgreen/brand/source).
package pilot

import (
	"slices"
	"time"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/source"
)

// Plan is the plan of a 江西绿色生态 brand pilot county (品牌试点县): what
// the county must achieve, in which phases, and the incentives it pays.
type Plan struct {
	County     string
	Targets    Targets
	Phases     []Phase
	Incentives Incentives
	Source     string
}

// Targets are what a pilot county must achieve.
type Targets struct {
	// Standards made or converted (制定、转化) into 江西绿色生态 standards:
	// at least MinStandards; MaxStandards is the top of the planned range.
	MinStandards, MaxStandards int
	// Products that pass 江西绿色生态 certification: at least MinCertified.
	MinCertified int
	// Tracks break the targets down by industry.
	Tracks []Track
}

// Track is an industry line of a pilot plan with its own targets.
type Track struct {
	Industry     string
	MinStandards int
	MinCertified int  // enterprises to certify
	Aspirational bool // "争取": a goal to strive for, not a firm target
}

// Phase is one step of a pilot plan. A zero To means the source gives no
// end date; a zero From means it gives no date at all.
type Phase struct {
	Name     string
	From, To time.Time // To is the first instant after the phase
}

// Incentives are the one-off rewards a pilot county pays, in yuan.
type Incentives struct {
	PerStandard           int // per 江西绿色生态 standard submitted by the county and published
	PerFirstCertification int // per enterprise certified for the first time
}

func month(y int, m time.Month) time.Time { return time.Date(y, m, 1, 0, 0, 0, 0, brand.ChinaTime()) }

// Xunwu returns the pilot plan of 寻乌县, as
// 《寻乌县“江西绿色生态”品牌试点县创建工作实施方案》 states it. Each call returns
// a fresh copy.
func Xunwu() Plan { return xunwu.Clone() }

// Clone returns a copy of p that shares no slices with p.
func (p Plan) Clone() Plan {
	p.Targets.Tracks = slices.Clone(p.Targets.Tracks)
	p.Phases = slices.Clone(p.Phases)
	return p
}

var xunwu = Plan{
	County: "寻乌县",
	Targets: Targets{
		// "制定、转化2-5项关键“江西绿色生态”产品标准，推动5个以上产品通过“江西绿色生态”认证"
		MinStandards: 2, MaxStandards: 5, MinCertified: 5,
		Tracks: []Track{
			// "制定发布2项以上……团体标准，完成5家以上企业认证"
			{Industry: "有机富硒产业", MinStandards: 2, MinCertified: 5},
			// "争取制定发布1项……团体标准，争取完成1家企业认证"
			{Industry: "稀土新材料产业", MinStandards: 1, MinCertified: 1, Aspirational: true},
		},
	},
	Phases: []Phase{
		{Name: "组织实施阶段", From: month(2022, time.October), To: month(2022, time.December)},
		{Name: "资格申报阶段", From: month(2022, time.December), To: month(2023, time.January)},
		{Name: "集中创建阶段", From: month(2023, time.January), To: month(2023, time.November)},
		// "根据省市场监督管理局统一部署": no date in the source.
		{Name: "审核验收阶段"},
	},
	// "对本县提交并最终颁布的“江西绿色生态”标准，由县财政给予一次性奖励5万元；
	// 对首次获得“江西绿色生态”品牌认证的企业，由县财政给予一次性奖励2万元。"
	Incentives: Incentives{PerStandard: 50000, PerFirstCertification: 20000},
	Source:     source.Cite(source.XunwuPilotPlan, "二、四、五(二)"),
}

// Progress is what a pilot county has achieved by a date.
type Progress struct {
	At                  time.Time
	Standards           int // standards made or converted and published
	CertifiedProducts   int // products certified
	FirstCertifications int // enterprises certified for the first time
}

// Assessment is a pilot county's progress measured against its plan.
type Assessment struct {
	Phase          string // the phase At falls in; "" before, between or after dated phases
	StandardsShort int    // standards still missing to reach the minimum (0 when met)
	CertifiedShort int    // certified products still missing (0 when met)
	Met            bool   // both minimums reached
	// Overdue is true when the last dated phase has ended and the targets
	// are not met.
	Overdue bool
	// Reward is the incentive due in yuan for the standards and first
	// certifications counted in the progress.
	Reward int
}

// Assess measures pr against the plan.
func (p Plan) Assess(pr Progress) Assessment {
	a := Assessment{
		StandardsShort: max(0, p.Targets.MinStandards-max(0, pr.Standards)),
		CertifiedShort: max(0, p.Targets.MinCertified-max(0, pr.CertifiedProducts)),
		Reward: max(0, pr.Standards)*p.Incentives.PerStandard +
			max(0, pr.FirstCertifications)*p.Incentives.PerFirstCertification,
	}
	a.Met = a.StandardsShort == 0 && a.CertifiedShort == 0
	var lastEnd time.Time
	for _, ph := range p.Phases {
		if ph.From.IsZero() {
			continue
		}
		if !pr.At.Before(ph.From) && (ph.To.IsZero() || pr.At.Before(ph.To)) {
			a.Phase = ph.Name
		}
		if ph.To.After(lastEnd) {
			lastEnd = ph.To
		}
	}
	a.Overdue = !a.Met && !lastEnd.IsZero() && !pr.At.Before(lastEnd)
	return a
}

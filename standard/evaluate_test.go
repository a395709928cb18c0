package standard

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/i18n"
)

// candidate is a synthetic standard submitted for evaluation; its number
// and indicators are invented for the test and belong to no real standard.
func candidate() Standard {
	return Standard{
		Number:    MustParse("T/JGE 9001-2026"),
		Title:     "江西绿色生态 测试蜜梨（合成样例）",
		Kind:      Group,
		Publisher: "江西绿色生态品牌建设促进会",
		Subject:   "测试蜜梨",
		Status:    Current,
		Requirements: []Requirement{
			{ID: "soluble-solids", Name: "可溶性固形物", Op: AtLeast, Value: 11.5, Unit: "%", Attribute: brand.QualityLeading},
			{ID: "pesticide-residue", Name: "农药残留", Op: AtMost, Value: 0.01, Unit: "mg/kg", Attribute: brand.EnvironmentalProtection},
			{ID: "water-use", Name: "单位产量用水", Op: AtMost, Value: 300, Unit: "kg", Attribute: brand.ResourceSaving},
			{ID: "cover", Name: "果园生草覆盖率", Op: AtLeast, Value: 60, Unit: "%", Attribute: brand.EcologicalHarmony},
		},
		Basis: []Standard{{
			Number: MustParse("NY/T 844-2017"), Title: "绿色食品 温带水果", Kind: Industry,
			Requirements: []Requirement{{ID: "soluble-solids", Name: "可溶性固形物", Op: AtLeast, Value: 11.0, Unit: "%"}},
		}},
		Clauses: []string{"范围", "规范性引用文件", "术语和定义", "基本要求", "评价要求", "品牌互认"},
	}
}

func codes(e Evaluation) []string {
	var out []string
	for _, f := range e.Findings {
		out = append(out, string(f.Code))
	}
	return out
}

func TestEvaluatePasses(t *testing.T) {
	t.Parallel()
	e := Evaluate(candidate())
	assert.True(t, e.Passed, "%v", codes(e))
	assert.Empty(t, e.Findings)
	require.Len(t, e.Comparisons, 1)
	assert.True(t, e.Comparisons[0].AtLeastAsStrict)
}

func TestEvaluateFindings(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name   string
		change func(*Standard)
		code   string
		passed bool
	}{
		{"national standard", func(s *Standard) { s.Number, s.Kind = MustParse("GB/T 9001-2026"), National }, "kind", false},
		{"kind disagrees with number", func(s *Standard) { s.Kind = Enterprise }, "kind-mismatch", false},
		{"international standard", func(s *Standard) { s.Number, s.Kind = MustParse("ISO 14001:2015"), International }, "kind", false},
		{"foreign standard", func(s *Standard) { s.Number, s.Kind = MustParse("EN 71-3:2019"), Foreign }, "kind", false},
		{"mandatory local", func(s *Standard) { s.Number, s.Kind = MustParse("DB36 9001-2026"), Local }, "mandatory", false},
		{"local outside Jiangxi", func(s *Standard) { s.Number, s.Kind = MustParse("DB44/T 9001-2026"), Local }, "region", false},
		{"Jiangxi city local is fine", func(s *Standard) { s.Number, s.Kind = MustParse("DB3601/T 9001-2026"), Local }, "", true},
		{"no ecological indicator", func(s *Standard) { s.Requirements = s.Requirements[:3] }, "attribute", false},
		{"looser than the basis", func(s *Standard) { s.Requirements[0].Value = 10.5 }, "basis-looser", false},
		{"basis indicator missing", func(s *Standard) { s.Requirements[0].ID, s.Requirements[0].Name = "sugar", "含糖量" }, "basis-missing", false},
		{"basis in another unit", func(s *Standard) { s.Requirements[0].Unit = "mg/L" }, "basis-incomparable", false},
		{"no basis", func(s *Standard) { s.Basis = nil }, "no-basis", true},
		{"basis is a group standard", func(s *Standard) { s.Basis[0].Number = MustParse("T/ZZB 0001-2015") }, "basis-kind", true},
		{"no number", func(s *Standard) { s.Number = Number{} }, "incomplete", false},
		{"no publisher", func(s *Standard) { s.Publisher = " " }, "incomplete", false},
		{"malformed indicator", func(s *Standard) { s.Requirements[1].Unit = "cubits" }, "requirement", false},
		{"duplicate indicator", func(s *Standard) { s.Requirements[3].ID = "water-use" }, "duplicate-requirement", false},
		{"missing clause", func(s *Standard) { s.Clauses = []string{"范围", "术语和定义"} }, "clause", false},
		{"no clauses given", func(s *Standard) { s.Clauses = nil }, "no-clauses", true},
		{"withdrawn", func(s *Standard) { s.Status = Withdrawn }, "status", false},
		{"claims a partner attribute without indicator", func(s *Standard) {
			s.Attributes = append(brand.Core(), brand.SocialResponsibility)
		}, "attribute-unbacked", true},
	} {
		s := candidate()
		tc.change(&s)
		e := Evaluate(s)
		assert.Equal(t, tc.passed, e.Passed, "%s: %v", tc.name, codes(e))
		if tc.code != "" {
			assert.Contains(t, codes(e), tc.code, tc.name)
		}
		for _, f := range e.Findings {
			zh, en := f.Message(language.Chinese), f.Message(language.English)
			assert.NotEqual(t, zh, en, "%s: %s", tc.name, f.Code)
			assert.NotContains(t, en, "%!", "%s: %s", tc.name, en)
			assert.NotContains(t, zh, "%!", "%s: %s", tc.name, zh)
		}
	}
}

func TestEvaluateMessagesSpeakTheirLanguage(t *testing.T) {
	t.Parallel()
	s := candidate()
	s.Requirements = s.Requirements[:3]
	e := Evaluate(s)
	require.NotEmpty(t, e.Blocking())
	f := e.Blocking()[0]
	assert.Contains(t, f.Message(language.English), "ecological harmony")
	assert.Contains(t, f.Message(language.Chinese), "生态协同")
}

func TestEvaluateNeverPanicsOnEmpty(t *testing.T) {
	t.Parallel()
	e := Evaluate(Standard{})
	assert.False(t, e.Passed)
	assert.NotEmpty(t, e.Findings)
}

func TestStageProcedure(t *testing.T) {
	t.Parallel()
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, brand.ChinaTime()) }
	p := NewProject("江西绿色生态 测试产品（合成样例）", day(2026, 1, 5))
	assert.Equal(t, Proposal, p.Stage)

	err := p.Advance(Published, day(2026, 1, 6), "")
	assert.ErrorIs(t, err, ErrTransition)
	var te *TransitionError
	require.ErrorAs(t, err, &te)
	assert.Equal(t, Proposal, te.From)
	assert.Equal(t, Published, te.To)
	assert.Contains(t, i18n.Error(err, language.Chinese), "不能从“标准准备”进入“发布”")
	assert.Equal(t, Proposal, p.Stage, "a refused step changes nothing")

	require.NoError(t, p.Advance(ProjectApproval, day(2026, 1, 10), "项目建议书"))
	require.NoError(t, p.Advance(Drafting, day(2026, 2, 1), "立项"))
	approved, ok := p.Approved()
	require.True(t, ok)
	assert.Equal(t, day(2026, 2, 1), approved)
	assert.ErrorIs(t, p.Advance(TechnicalReview, day(2026, 1, 1), ""), ErrTransition, "time cannot go backwards")

	assert.Empty(t, p.Overdue(day(2026, 7, 1), language.English))
	overdue := p.Overdue(day(2026, 8, 2), language.English)
	require.Len(t, overdue, 1)
	assert.Contains(t, overdue[0], "6 months")

	require.NoError(t, p.Advance(TechnicalReview, day(2026, 8, 10), "报审表"))
	require.NoError(t, p.Advance(Drafting, day(2026, 8, 20), "审查不通过，修改"))
	require.NoError(t, p.Advance(TechnicalReview, day(2026, 9, 1), ""))
	require.NoError(t, p.Advance(Approval, day(2026, 9, 15), "报批表"))
	require.NoError(t, p.Advance(Published, day(2026, 10, 1), ""))
	assert.Len(t, p.Overdue(day(2027, 6, 1), language.Chinese), 1, "draft came late; publication was on time")
	require.NoError(t, p.Advance(Review, day(2029, 10, 1), ""))
	require.NoError(t, p.Advance(Abolished, day(2029, 11, 1), ""))
	assert.Empty(t, Abolished.Next())
	assert.Len(t, p.History, 10)

	r := NewProject("x", day(2026, 1, 1))
	require.NoError(t, r.Advance(ProjectApproval, day(2026, 1, 2), ""))
	require.NoError(t, r.Advance(Rejected, day(2026, 1, 3), "不予立项"))
	assert.ErrorIs(t, r.Advance(Drafting, day(2026, 1, 4), ""), ErrTransition)
	assert.Empty(t, r.Overdue(day(2030, 1, 1), language.English))
}

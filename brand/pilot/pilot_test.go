package pilot

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/source"
)

func TestXunwuAssess(t *testing.T) {
	t.Parallel()
	at := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 12, 0, 0, 0, brand.ChinaTime()) }
	for _, tc := range []struct {
		name string
		pr   Progress
		want Assessment
	}{
		{"before the plan", Progress{At: at(2022, 9, 30)}, Assessment{StandardsShort: 2, CertifiedShort: 5}},
		{"organising", Progress{At: at(2022, 11, 30)}, Assessment{Phase: "组织实施阶段", StandardsShort: 2, CertifiedShort: 5}},
		{"applying", Progress{At: at(2022, 12, 1), Standards: 1},
			Assessment{Phase: "资格申报阶段", StandardsShort: 1, CertifiedShort: 5, Reward: 50000}},
		{"creating, on track", Progress{At: at(2023, 6, 1), Standards: 3, CertifiedProducts: 6, FirstCertifications: 4},
			Assessment{Phase: "集中创建阶段", Met: true, Reward: 3*50000 + 4*20000}},
		{"over, not met", Progress{At: at(2023, 11, 1), Standards: 2, CertifiedProducts: 4, FirstCertifications: 4},
			Assessment{CertifiedShort: 1, Overdue: true, Reward: 2*50000 + 4*20000}},
		{"over, met", Progress{At: at(2024, 1, 1), Standards: 5, CertifiedProducts: 5, FirstCertifications: 2},
			Assessment{Met: true, Reward: 5*50000 + 2*20000}},
		{"negative counts are nothing", Progress{At: at(2024, 1, 1), Standards: -3, CertifiedProducts: -1, FirstCertifications: -2},
			Assessment{StandardsShort: 2, CertifiedShort: 5, Overdue: true}},
	} {
		assert.Equal(t, tc.want, Xunwu().Assess(tc.pr), tc.name)
	}
}

func TestXunwuReturnsACopy(t *testing.T) {
	t.Parallel()
	want := Xunwu()
	got := Xunwu()
	require.NotEmpty(t, got.Targets.Tracks)
	require.NotEmpty(t, got.Phases)
	got.County = "changed"
	got.Targets.Tracks[0].Industry = "changed"
	got.Phases[0].Name = "changed"
	got.Incentives.PerStandard = 1
	assert.Equal(t, want, Xunwu())
}

func TestXunwuCitesThePilotPlan(t *testing.T) {
	t.Parallel()
	got, err := source.Resolve(Xunwu().Source)
	require.NoError(t, err)
	require.NotEmpty(t, got)
	assert.Equal(t, source.XunwuPilotPlan, got[0].Document.ID)
}

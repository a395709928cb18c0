package brand

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Issue 10: "No exported mutable package variables: defaults are functions
// or values that return copies." Each test changes everything it can reach
// in one result and checks that the next call is untouched.

func TestJiangxiGreenEcologyReturnsACopy(t *testing.T) {
	t.Parallel()
	want := JiangxiGreenEcology()
	got := JiangxiGreenEcology()
	require.NotEmpty(t, got.Attributes)
	require.NotEmpty(t, got.Governance)
	require.NotEmpty(t, got.Facts)
	got.Name = "changed"
	got.Attributes[0] = FoodSafety
	got.Governance[0].Name = "changed"
	got.Facts[0].Text = "changed"
	got.Aliases = append(got.Aliases, "changed")
	assert.Equal(t, want, JiangxiGreenEcology())
}

func TestPrinciplesReturnsACopy(t *testing.T) {
	t.Parallel()
	want := Principles()
	got := Principles()
	require.NotEmpty(t, got)
	got[0].Text = "changed"
	_ = append(got[:1], Fact{Text: "changed"})
	assert.Equal(t, want, Principles())
}

func TestChinaTimeIsFixedUTCPlus8(t *testing.T) {
	t.Parallel()
	// A *time.Location has no exported state, so sharing it is safe; what
	// matters is that no importer can replace it.
	for _, at := range []time.Time{time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2021, 7, 1, 0, 0, 0, 0, time.UTC)} {
		_, off := at.In(ChinaTime()).Zone()
		assert.Equal(t, 8*60*60, off)
	}
	assert.Same(t, ChinaTime(), ChinaTime())
}

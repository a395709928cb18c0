package certification

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestGreenEcologyRulesReturnsACopy(t *testing.T) {
	t.Parallel()
	want := GreenEcologyRules()
	got := GreenEcologyRules()
	got.Mode = Type1a
	got.ValidityMonths = 1
	got.RequireAlliance = false
	assert.Equal(t, want, GreenEcologyRules())
	assert.Equal(t, Type5, GreenEcologyRules().Mode)
}

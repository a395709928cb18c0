package mark

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestDefaultSpecReturnsACopy(t *testing.T) {
	t.Parallel()
	want := DefaultSpec()
	got := DefaultSpec()
	got.Tolerance = 1
	got.Monochrome = false
	got.Palette = append(got.Palette, "#000000")
	assert.Equal(t, want, DefaultSpec())
	assert.Empty(t, DefaultSpec().Palette)
}

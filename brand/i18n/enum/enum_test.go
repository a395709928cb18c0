package enum

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/jxgreen/jxgreen/brand/i18n"
)

func TestNames(t *testing.T) {
	t.Parallel()
	n := New("Colour", "enum.test.colour.", [3]string{"green", "绿", "green"}, [3]string{"blue", "蓝", "blue"})
	assert.True(t, n.Valid(2))
	assert.False(t, n.Valid(0))
	assert.Equal(t, "blue", n.Code(2))
	assert.Equal(t, "Colour(7)", n.Code(7))
	assert.Equal(t, "绿", n.Chinese(1))
	assert.Equal(t, "Colour(0)", n.Chinese(0))
	assert.Equal(t, "蓝", n.Localize(2, i18n.Chinese()))
	assert.Equal(t, "blue", n.Localize(2, i18n.English()))
	assert.Equal(t, "Colour(3)", n.Localize(3, i18n.English()))
	for _, s := range []string{"green", "绿"} {
		i, ok := n.Parse(s)
		assert.True(t, ok)
		assert.Equal(t, 1, i)
	}
	_, ok := n.Parse("red")
	assert.False(t, ok)
}

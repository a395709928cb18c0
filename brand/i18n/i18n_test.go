package i18n

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"golang.org/x/text/language"
)

func init() {
	Set("i18n.test.greeting", "你好，%s", "hello, %s")
}

var errTest = NewSentinel("i18n.test.ErrTest", "测试错误", "test error")

func TestSprintfMatchesLanguage(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		tag  string
		want string
	}{
		{"zh", "你好，江西"},
		{"zh-CN", "你好，江西"},
		{"zh-Hans", "你好，江西"},
		{"en", "hello, 江西"},
		{"en-GB", "hello, 江西"},
		{"fr", "hello, 江西"},
		{"und", "hello, 江西"},
	} {
		assert.Equal(t, tc.want, Sprintf(language.MustParse(tc.tag), "i18n.test.greeting", "江西"), tc.tag)
	}
}

func TestUnknownKeyIsVisible(t *testing.T) {
	t.Parallel()
	assert.Equal(t, "no.such.key", Sprintf(English(), "no.such.key"))
	assert.Equal(t, "no.such.key7", Sprintf(English(), "no.such.key", 7))
}

func TestErrorWalksTheChain(t *testing.T) {
	t.Parallel()
	wrapped := fmt.Errorf("context: %w", errTest)
	assert.True(t, errors.Is(wrapped, errTest))
	assert.Equal(t, "测试错误", Error(wrapped, Chinese()))
	assert.Equal(t, "test error", Error(wrapped, English()))
	assert.Equal(t, "test error", errTest.Error())
	assert.Equal(t, "plain", Error(errors.New("plain"), Chinese()))
	assert.Equal(t, "", Error(nil, Chinese()))
	assert.Equal(t, "i18n.test.ErrTest", errTest.Code())
}

func TestSetRefusesDuplicatesAndEmpty(t *testing.T) {
	t.Parallel()
	assert.Panics(t, func() { Set("i18n.test.greeting", "a", "b") })
	assert.Panics(t, func() { Set("", "a", "b") })
	assert.Panics(t, func() { Set("x.y", "", "b") })
	assert.Contains(t, Keys(), "i18n.test.greeting")
}

func TestNames(t *testing.T) {
	t.Parallel()
	n := NewNames("Colour", "i18n.test.colour.", [3]string{"green", "绿", "green"}, [3]string{"blue", "蓝", "blue"})
	assert.True(t, n.Valid(2))
	assert.False(t, n.Valid(0))
	assert.Equal(t, "blue", n.Code(2))
	assert.Equal(t, "Colour(7)", n.Code(7))
	assert.Equal(t, "绿", n.Chinese(1))
	assert.Equal(t, "Colour(0)", n.Chinese(0))
	assert.Equal(t, "蓝", n.Localize(2, Chinese()))
	assert.Equal(t, "blue", n.Localize(2, English()))
	assert.Equal(t, "Colour(3)", n.Localize(3, English()))
	for _, s := range []string{"green", "绿"} {
		i, ok := n.Parse(s)
		assert.True(t, ok)
		assert.Equal(t, 1, i)
	}
	_, ok := n.Parse("red")
	assert.False(t, ok)
}

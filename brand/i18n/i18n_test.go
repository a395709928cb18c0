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

var (
	errTest  = NewSentinel("i18n.test.ErrTest", "测试错误", "test error")
	errOther = NewSentinel("i18n.test.ErrOther", "另一个测试错误", "another test error")
)

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

// Sentinel.With: the case of a sentinel error says its value in both
// languages, wraps the sentinel through any further wrapping, and its
// Error text names the sentinel's package.
func TestSentinelWithSaysTheCaseInBothLanguages(t *testing.T) {
	t.Parallel()
	err := errTest.With("i18n.test.greeting", "世界")
	assert.True(t, errors.Is(err, errTest))
	assert.True(t, errors.Is(fmt.Errorf("outer: %w", err), errTest))
	assert.False(t, errors.Is(err, errOther))
	assert.Equal(t, "你好，世界", Error(err, language.Chinese))
	assert.Equal(t, "hello, 世界", Error(err, language.English))
	assert.Equal(t, "你好，世界", Error(fmt.Errorf("outer: %w", err), language.Chinese))
	assert.Equal(t, "i18n: hello, 世界", err.Error())
	// Two cases of one sentinel are two errors.
	assert.NotEqual(t, err.Error(), errTest.With("i18n.test.greeting", "Go").Error())
}

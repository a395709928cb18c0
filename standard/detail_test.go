package standard

import (
	"errors"
	"math"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand/i18n"
)

// Every message a person reads exists in Chinese and English: an unknown
// operator, kind or status and a malformed requirement say what is wrong,
// with the value, in both languages, and still wrap their sentinel.
func TestRequirementAndEnumErrorsNameTheValueInBothLanguages(t *testing.T) {
	t.Parallel()
	ok := Requirement{ID: "ph", Name: "pH", Op: Range, Value: 6.5, Max: 8.5}
	with := func(f func(*Requirement)) Requirement { r := ok; f(&r); return r }
	var st Status
	_, opErr := ParseOperator("≈")
	_, kindErr := ParseKind("宇宙标准")
	_, encErr := Kind(99).MarshalText()
	for _, tc := range []struct {
		name     string
		err      error
		sentinel error
		value    string // what the message must name
		zh       string // a word the Chinese message must hold
	}{
		{"operator", opErr, ErrRequirement, "≈", "比较符"},
		{"kind", kindErr, ErrKind, "宇宙标准", "类别"},
		{"kind encode", encErr, ErrKind, "99", "编码"},
		{"status", st.UnmarshalText([]byte("bogus")), ErrStatus, "bogus", "状态"},
		{"no id", with(func(r *Requirement) { r.ID = " " }).Check(), ErrRequirement, "", "编号"},
		{"no name", with(func(r *Requirement) { r.Name = "" }).Check(), ErrRequirement, "ph", "名称"},
		{"no operator", with(func(r *Requirement) { r.Op = 0 }).Check(), ErrRequirement, "ph", "比较符"},
		{"not finite", with(func(r *Requirement) { r.Max = math.NaN() }).Check(), ErrRequirement, "ph", "有限"},
		{"reversed", with(func(r *Requirement) { r.Max = 1 }).Check(), ErrRequirement, "ph", "上限"},
		{"unit", with(func(r *Requirement) { r.Unit = "parsecs" }).Check(), ErrRequirement, "parsecs", "单位"},
		{"attribute", with(func(r *Requirement) { r.Attribute = 99 }).Check(), ErrRequirement, "ph", "属性"},
	} {
		require.Error(t, tc.err, tc.name)
		assert.True(t, errors.Is(tc.err, tc.sentinel), tc.name)
		zh, en := i18n.Error(tc.err, language.Chinese), i18n.Error(tc.err, language.English)
		assert.NotEqual(t, zh, en, tc.name)
		assert.Contains(t, zh, tc.zh, tc.name)
		assert.True(t, hasHan(zh), "%s: %q", tc.name, zh)
		assert.Contains(t, zh, tc.value, tc.name)
		assert.Contains(t, en, tc.value, tc.name)
		assert.Contains(t, tc.err.Error(), tc.value, tc.name)
	}
	assert.NoError(t, ok.Check())
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

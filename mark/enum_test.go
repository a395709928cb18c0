package mark_test

import (
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/source"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/mark"
	"github.com/jxgreen/jxgreen/mark/enforce"
	"github.com/jxgreen/jxgreen/standard"
)

type enum interface {
	String() string
	Localize(language.Tag) string
}

// code is what a stable code looks like: lower-case ASCII words joined by
// hyphens, or the symbol the documents use ("≤", "IDT").
var code = regexp.MustCompile(`^(?:[a-z0-9]+(?:-[a-z0-9]+)*|IDT|MOD|NEQ|[≤≥=~])$`)

// TestEveryEnumerationStringIsItsCodeAndLocalizeItsName checks issue 10's
// "one convention for every enumeration": for every value of every
// enumeration of brand, brand/source, standard, certification and mark,
// String is a stable code (no Chinese, the same in every language), Localize
// gives a name in Chinese and in English, and no type keeps a separate Code
// method that would be a second spelling of String.
func TestEveryEnumerationStringIsItsCodeAndLocalizeItsName(t *testing.T) {
	t.Parallel()
	enums := map[string]func(i int) enum{
		"brand.Attribute":         func(i int) enum { return brand.Attribute(i) },
		"brand.Model":             func(i int) enum { return brand.Model(i) },
		"brand.Role":              func(i int) enum { return brand.Role(i) },
		"source.Kind":             func(i int) enum { return source.Kind(i) },
		"standard.Kind":           func(i int) enum { return standard.Kind(i) },
		"standard.Status":         func(i int) enum { return standard.Status(i) },
		"standard.Stage":          func(i int) enum { return standard.Stage(i) },
		"standard.Relation":       func(i int) enum { return standard.Relation(i) },
		"standard.Degree":         func(i int) enum { return standard.Degree(i) },
		"standard.Severity":       func(i int) enum { return standard.Severity(i) },
		"standard.Operator":       func(i int) enum { return standard.Operator(i) },
		"certification.Status":    func(i int) enum { return certification.Status(i) },
		"certification.Action":    func(i int) enum { return certification.Action(i) },
		"certification.Mode":      func(i int) enum { return certification.Mode(i) },
		"certification.Position":  func(i int) enum { return certification.Position(i) },
		"certification.Component": func(i int) enum { return certification.Component(1 << (i - 1)) },
		"mark.Kind":               func(i int) enum { return mark.Kind(i) },
		"mark.Medium":             func(i int) enum { return mark.Medium(i) },
		"enforce.Offence":         func(i int) enum { return enforce.Offence(i) },
		"mark.NameUse":            func(i int) enum { return mark.NameUse(i) },
	}
	for name, value := range enums {
		_, hasCode := reflect.TypeOf(value(1)).MethodByName("Code")
		assert.False(t, hasCode, "%s has a Code method besides String", name)
		n := 0
		for i := 1; i < 64; i++ {
			v := value(i)
			s := v.String()
			if s == "" || strings.Contains(s, "(") {
				break // past the last value: "Type(n)", or no component
			}
			n++
			assert.Regexp(t, code, s, "%s(%d).String()", name, i)
			zh, en := v.Localize(language.Chinese), v.Localize(language.English)
			assert.NotEmpty(t, zh, "%s %s", name, s)
			assert.NotEmpty(t, en, "%s %s", name, s)
			assert.NotContains(t, zh, name, "%s %s has no Chinese name", name, s)
			if s != en || name == "certification.Mode" {
				assert.NotEqual(t, zh, en, "%s %s: the same name in both languages", name, s)
			}
		}
		require.Positive(t, n, "%s: no value found", name)
		if name == "certification.Component" {
			continue
		}
		assert.Contains(t, value(0).String(), "(", "%s: a value out of range shows itself", name)
	}
}

package brand

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/jxgreen/jxgreen/brand/fold"
)

// parseAttributeRef is ParseAttribute as it was before it looked up exact
// spellings first, kept as the reference: every input folded.
func parseAttributeRef(s string) (Attribute, error) {
	if a, ok := attrByName[fold.Word(s)]; ok {
		return a, nil
	}
	return 0, &AttributeError{Input: s}
}

// attributeSeeds are every spelling of the table and other forms people
// write: full width, upper case, spaced, unknown.
var attributeSeeds = []string{
	"资源节约", "环境保护", "生态协同", "生态协调", "质量引领", "质量领先", "食品安全", "精细管理",
	"resource saving", "resource-saving", "Resource Saving", "ＲＥＳＯＵＲＣＥ　ＳＡＶＩＮＧ", "资源 节约",
	"quality-leading", "quality leadership", "food_safety", "", "绿色", "resourcesaving", "\xff",
}

// TestParseAttributeTakesExactSpellingsWithoutFolding: each spelling of
// the table is found without allocating, and every form reads as the
// reference reads it.
func TestParseAttributeTakesExactSpellingsWithoutFolding(t *testing.T) {
	for a := Attribute(1); a <= maxAttribute; a++ {
		info := attrTable[a]
		for _, s := range append([]string{info.zh, info.en, info.code}, info.aliases...) {
			assert.Zero(t, testing.AllocsPerRun(10, func() { _, _ = ParseAttribute(s) }), s)
		}
	}
	for _, s := range attributeSeeds {
		got, err := ParseAttribute(s)
		want, wantErr := parseAttributeRef(s)
		assert.Equal(t, want, got, "%q", s)
		assert.Equal(t, wantErr, err, "%q", s)
	}
}

// FuzzParseAttributeAgreesWithReference holds ParseAttribute to the
// reference that folds every input.
func FuzzParseAttributeAgreesWithReference(f *testing.F) {
	for _, s := range attributeSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseAttribute(s)
		want, wantErr := parseAttributeRef(s)
		if got != want || (err == nil) != (wantErr == nil) {
			t.Fatalf("ParseAttribute(%q) = %v, %v; reference %v, %v", s, got, err, want, wantErr)
		}
	})
}

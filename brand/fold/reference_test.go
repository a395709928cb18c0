package fold

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The foldings as they were before their fast paths, kept as the reference
// the fast paths are held to. Title and Word were drop with their skip
// functions, which drop still is; Unit was unitSlow.

func titleRef(s string) string { return drop(s, titleSkip) }
func wordRef(s string) string  { return drop(s, wordSkip) }
func unitRef(s string) string  { return unitSlow(s) }

func codeRef(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == ' ' || r == '\u3000' || r == '\t':
			continue
		case r >= 0xFF01 && r <= 0xFF5E: // full-width ASCII
			r -= 0xFEE0
		}
		if r >= 'a' && r <= 'z' {
			r -= 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// TestQuickAgreesWithWidthFoldOnEveryRune holds the fast path of Title,
// Word and Unit to their folding by width.Fold rune by rune: every rune
// that quick takes on itself (alone, and between ideographs and upper case
// letters, so that both of its loops see it) folds as the reference folds
// it. Since the reference folds each rune on its own, this covers every
// string quick accepts.
func TestQuickAgreesWithWidthFoldOnEveryRune(t *testing.T) {
	t.Parallel()
	for _, p := range []struct {
		name string
		f    *folding
		ref  func(string) string
	}{
		{"Title", &titleFolding, titleRef},
		{"Word", &wordFolding, wordRef},
		{"Unit", &unitFolding, unitRef},
	} {
		accepted := 0
		for r := rune(0); r <= utf8.MaxRune; r++ {
			if !utf8.ValidRune(r) {
				continue
			}
			for _, s := range []string{string(r), "梨" + string(r) + "梨", "A" + string(r) + "B"} {
				got, ok := p.f.quick(s)
				if !ok {
					continue
				}
				accepted++
				if want := p.ref(s); got != want {
					t.Errorf("%s: quick(%q) = %q, reference %q", p.name, s, got, want)
				}
			}
		}
		require.Greater(t, accepted, 3*(0x9FFF-0x4E00), p.name+": quick takes the ideographs on itself")
	}
}

// TestFoldedTextIsReturnedWithoutAllocating: text already in folded form
// (the common case of partner lists and the catalogue) costs no
// allocation, and text that is not is still folded.
func TestFoldedTextIsReturnedWithoutAllocating(t *testing.T) {
	for _, tc := range []struct {
		name string
		fold func(string) string
		in   string
	}{
		{"Title", Title, "江西绿色生态金溪蜜梨"},
		{"Title", Title, "rtv107室温硫化甲基硅橡胶"},
		{"Word", Word, "资源节约"},
		{"Word", Word, "resourcesaving"},
		{"Unit", Unit, "mg/kg"},
		{"Unit", Unit, "克/千克"},
		{"Code", Code, "91360100MA9000001K"},
		{"Code", Code, "ZP-SYN-0005"},
	} {
		assert.Equal(t, tc.in, tc.fold(tc.in), tc.name)
		assert.Zero(t, testing.AllocsPerRun(100, func() { _ = tc.fold(tc.in) }), "%s(%q)", tc.name, tc.in)
	}
	assert.Equal(t, "江西绿色生态金溪蜜梨", Title("《江西绿色生态 金溪蜜梨》"))
	assert.Equal(t, "resourcesaving", Word("Resource-Saving"))
	assert.Equal(t, "91360100MA9000001K", Code("91360100ma9000001k"))
	assert.Equal(t, "ug/kg", Unit("µg / KG"))
	assert.Equal(t, "°c", Unit("℃"))
}

// foldSeeds are written forms of names, titles and codes: partner lists,
// the catalogue, labels typed by hand, and broken input.
var foldSeeds = []string{
	"", "金溪蜜梨", "江西绿色生态 金溪蜜梨", "《江西绿色生态 赣南脐橙》", "“江西绿色生态”品牌评价通用要求",
	"金溪蜜梨礼盒（5kg）", "ＲＴＶ－１０７", "RTV -107 室温硫化甲基硅橡胶", "Resource Saving", "resource-saving",
	"ＲＥＳＯＵＲＣＥ　ＳＡＶＩＮＧ", "生态·协同", "〈Ｔｅａ〉—Green", "「范围」", "type_5", "类型５",
	"91360100MA9000001K", "９１３６０１００ma3000001e", "jxge - 001", "JX　GE\t001", "JXGE—001", "JXGEα",
	"ЈХ", "ΣΑΣ", "ǅ", "ſoluble", "İstanbul", "\xff梨", "梨\xe6\xa2", "\ufffd", "ｶﾀｶﾅ", "한국어", "𠀀𪚥",
	"\u00a0", "\u200b", "A\tB\nC", "\"quoted\" 'single'", "mg / kg", "ｍｇ／ｋｇ", "MG/KG", "µg/kg", "μg/kg",
	"Μg/kg", "℃", "°C", "CFU/g", "kN/m", "‰", "g/100g", "mg/L",
}

// FuzzFoldAgreesWithReference holds Title, Word, Unit and Code to the reference
// foldings they replace: the same result for every input, valid UTF-8 or
// not.
func FuzzFoldAgreesWithReference(f *testing.F) {
	for _, s := range foldSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Title(s), titleRef(s); got != want {
			t.Errorf("Title(%q) = %q, reference %q", s, got, want)
		}
		if got, want := Word(s), wordRef(s); got != want {
			t.Errorf("Word(%q) = %q, reference %q", s, got, want)
		}
		if got, want := Unit(s), unitRef(s); got != want {
			t.Errorf("Unit(%q) = %q, reference %q", s, got, want)
		}
		if got, want := Code(s), codeRef(s); got != want {
			t.Errorf("Code(%q) = %q, reference %q", s, got, want)
		}
	})
}

// TestFoldOfOversizedText: a megabyte of text, folded or not, valid UTF-8
// or broken at its end, folds as the reference folds it.
func TestFoldOfOversizedText(t *testing.T) {
	t.Parallel()
	for _, s := range []string{
		strings.Repeat("金溪蜜梨", 1<<16),
		strings.Repeat("《江西绿色生态 赣南脐橙》ＡＢｃ", 1<<13),
		strings.Repeat("µg/KG ", 1<<16),
		strings.Repeat("91360100MA9000001K", 1<<15) + "\xff",
	} {
		assert.Equal(t, titleRef(s), Title(s))
		assert.Equal(t, wordRef(s), Word(s))
		assert.Equal(t, unitRef(s), Unit(s))
		assert.Equal(t, codeRef(s), Code(s))
	}
}

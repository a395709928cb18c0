package fold

import "testing"

// foldForms are written forms of the text each folding meets in partner
// lists and the catalogue: already folded (the common case), full-width,
// mixed spaces, upper case, brackets.
var foldForms = []struct{ name, in string }{
	{"cjk", "金溪蜜梨"},
	{"cjk-long", "江西绿色生态金溪蜜梨"},
	{"ascii-lower", "resourcesaving"},
	{"ascii-code", "91360100MA9000001K"},
	{"spaced", "江西绿色生态 金溪蜜梨"},
	{"brackets", "《江西绿色生态 赣南脐橙》"},
	{"full-width", "ＲＴＶ－１０７"},
	{"upper", "Resource Saving"},
	{"pack", "金溪蜜梨礼盒（5kg）"},
}

func BenchmarkTitle(b *testing.B) { benchFold(b, Title) }
func BenchmarkWord(b *testing.B)  { benchFold(b, Word) }
func BenchmarkCode(b *testing.B)  { benchFold(b, Code) }

func benchFold(b *testing.B, f func(string) string) {
	for _, tc := range foldForms {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = f(tc.in)
			}
		})
	}
}

func BenchmarkUnit(b *testing.B) {
	for _, tc := range []struct{ name, in string }{
		{"folded", "mg/kg"},
		{"upper", "mg/L"},
		{"micro", "µg/kg"},
		{"full-width", "ｍｇ／ｋｇ"},
		{"chinese", "毫克/千克"},
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = Unit(tc.in)
			}
		})
	}
}

package creditcode

import "testing"

// BenchmarkParse parses credit codes as partner records write them
// (synthetic codes with a correct check character).
func BenchmarkParse(b *testing.B) {
	for _, tc := range []struct{ name, in string }{
		{"canonical", "91360100MA9000001K"},
		{"lower", "91360100ma9000001k"},
		{"spaced", "9136 0100 MA90 0000 1K"},
		{"full-width", "９１３６０１００ＭＡ９０００００１Ｋ"},
		{"bad-check", "91360100MA9000001A"},
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_, _ = Parse(tc.in)
			}
		})
	}
}

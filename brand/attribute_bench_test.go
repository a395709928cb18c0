package brand

import "testing"

// BenchmarkParseAttribute reads attributes in the spellings partner
// records use: Chinese names (the common case), stable codes, English.
func BenchmarkParseAttribute(b *testing.B) {
	for _, tc := range []struct{ name, in string }{
		{"chinese", "资源节约"},
		{"code", "resource-saving"},
		{"english", "Resource saving"},
		{"alias", "生态协调"},
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ParseAttribute(tc.in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkMissing compares a partner scheme's attributes with the core.
func BenchmarkMissing(b *testing.B) {
	want := Core()
	for _, tc := range []struct {
		name string
		have []Attribute
	}{
		{"none-missing", Core()},
		{"two-missing", []Attribute{ResourceSaving, QualityLeading, FoodSafety}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = Missing(want, tc.have)
			}
		})
	}
}

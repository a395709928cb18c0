package certification

import "testing"

// BenchmarkValidApproval matches approval numbers in the forms the CNCA
// platform lists and in forms it does not.
func BenchmarkValidApproval(b *testing.B) {
	for _, tc := range []struct{ name, in string }{
		{"domestic", "CNCA-R-2002-001"},
		{"foreign-invested", "CNCA-RF-2002-07"},
		{"bad", "CNCA-2002-001"},
		{"empty", ""},
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = ValidApproval(tc.in)
			}
		})
	}
}

// BenchmarkParseMode reads modes as certificates and UNTP credentials
// write them.
func BenchmarkParseMode(b *testing.B) {
	for _, tc := range []struct{ name, in string }{
		{"code", "5"},
		{"untp", "ISO/IEC 17067 type 5"},
		{"chinese", "类型5"},
		{"full-width", "ｔｙｐｅ　５"},
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ParseMode(tc.in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

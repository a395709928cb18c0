package standard

import "testing"

// The catalogue's hot functions as the batch checker calls them, once per
// record: a product's standard by subject, a cited number's entry, the
// citation check and its label.

// subjectProducts are product names as partner records write them.
var subjectProducts = []struct{ name, in string }{
	{"exact", "金溪蜜梨"},
	{"contains-subject", "金溪蜜梨礼盒"},
	{"in-subject", "蜜梨"},
	{"full-width", "ＲＴＶ－１０７"},
	{"pack-brackets", "金溪蜜梨礼盒（5kg）"},
	{"none", "榴莲"},
	{"no-requirements", "赣南脐橙"},
}

func BenchmarkSubject(b *testing.B) {
	c := Catalogue()
	for _, tc := range subjectProducts {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_, _ = c.Subject(tc.in)
			}
		})
	}
}

func BenchmarkCatalogLookup(b *testing.B) {
	c := Catalogue()
	for _, tc := range []struct{ name, num string }{
		{"with-requirements", "T/JGE 0039-2023"},
		{"heading-only", "T/JGE 0041-2023"},
		{"clauses", "DB36/T 1490-2021"},
	} {
		n := MustParse(tc.num)
		b.Run("Lookup/"+tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_, _ = c.Lookup(n)
			}
		})
		b.Run("Heading/"+tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_, _ = c.Heading(n)
			}
		})
	}
}

func BenchmarkCovers(b *testing.B) {
	s, ok := Catalogue().Heading(MustParse("T/JGE 0039-2023"))
	if !ok {
		b.Fatal("no T/JGE 0039-2023")
	}
	for _, tc := range []struct{ name, in string }{
		{"exact", "金溪蜜梨"},
		{"pack", "金溪蜜梨礼盒"},
		{"origin", "蜜梨"},
		{"outside", "金溪蜜梨汁"},
		{"full-width", "金溪蜜梨礼盒（特级）"},
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = s.Covers(tc.in)
			}
		})
	}
}

func BenchmarkLabel(b *testing.B) {
	s, _ := Catalogue().Heading(MustParse("T/JGE 0039-2023"))
	b.ReportAllocs()
	for b.Loop() {
		_ = s.Label()
	}
}

// parseForms are standard numbers as partner records and labels write them.
var parseForms = []struct{ name, in string }{
	{"canonical-local", "DB36/T 1138-2019"},
	{"canonical-group", "T/JGE 0039-2023"},
	{"industry", "NY/T 844-2017"},
	{"enterprise", "Q/GCSYN 9001-2099"},
	{"glued", "T/JGE0039-2023"},
	{"full-width", "ＧＢ／Ｔ　１．１—２０２０"},
	{"lower", "db36/t 1138-2019"},
	{"amended", "GB 20891-2014/XG1-2020"},
	{"iso", "ISO 14064-1:2018"},
}

func BenchmarkParseForms(b *testing.B) {
	for _, tc := range parseForms {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Parse(tc.in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

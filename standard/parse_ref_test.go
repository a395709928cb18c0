package standard

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// parseRef is Parse as it was before its fast path for canonical numbers,
// kept as the reference: the parser alone, rune by rune.
func parseRef(s string) (Number, error) {
	p := parser{s: s}
	n, err := p.number()
	if err != nil {
		return Number{}, err
	}
	return n, nil
}

// canonicalSeeds are numbers in canonical form of every Chinese kind, and
// near misses that the fast path must leave to the parser: a year out of
// range or of two digits, a division that is no province, a group code
// with an S, an issuer without a letter, doubled spaces, lower case,
// an amendment, an international number.
var canonicalSeeds = []string{
	"GB 2763-2021", "GB/T 1.1-2020", "GB/Z 41305-2022", "NY/T 844-2017", "NY 5020-2001", "SB/Z 1-2020",
	"DB36/T 1138-2019", "DB4403/T 100-2020", "DB12/ 617-2016", "T/JGE 0039-2023", "T/ZZB 0001-2015",
	"Q/JXQY 0001S-2020", "Q/GCSYN 9001-2099", "T/JGE2 0039-2023", "T/2JGE 0039-2023", "TB/T 3139-2021",
	"QB/T 1-2020", "GB 2763-1949", "GB 2763-2100", "GB 2763-99", "DB99/T 1-2020", "DB3/T 1-2020",
	"DB360/T 1-2020", "DB36/Z 1-2020", "DB36 1234-2020", "DB3A/T 1-2020", "T/JGE 0039S-2023", "T/123 1-2020",
	"T/J.E 1-2020", "GB  2763-2021", "GB 27 63-2021", "GB 2763--2021", "GB 2763-2021 ", "gb/t 1.1-2020",
	"GB 1..1-2020", "GB .1-2020", "GB 1.-2020", "GB 1234567890123456789012345-2020", "T/ABCDEFGHIJKLMNOPQ 1-2020",
	"GB 20891-2014/XG1-2020", "ISO 14064-1:2018", "XX/T 1-2020", "T/ 1-2020", "Q/JXQY 00S1-2020", "Q/JXQY 0001SS-2020",
	"GB/T 1-２０２０", "GB/T 1-2020\n", "T/JGE 0039-2023", "GB/TX 1-2020", "DB36/ T 1-2020", "", " ", "GB 1-2020",
}

// TestParseReadsCanonicalNumbersWithoutTheParser: canonical numbers of
// every Chinese kind parse without allocating, and every form, canonical
// or not, parses as the parser alone parses it.
func TestParseReadsCanonicalNumbersWithoutTheParser(t *testing.T) {
	fast := 0
	for _, s := range canonicalSeeds {
		assertParsesAsReference(t, s)
		if _, ok := canonical(s); ok {
			fast++
			n, err := Parse(s)
			require.NoError(t, err, s)
			assert.Equal(t, s, n.String(), "the fast path takes canonical forms only")
		}
	}
	assert.GreaterOrEqual(t, fast, 15)
	assert.Zero(t, testing.AllocsPerRun(100, func() { _, _ = Parse("DB36/T 1138-2019") }))
}

func assertParsesAsReference(t *testing.T, s string) {
	t.Helper()
	got, err := Parse(s)
	want, wantErr := parseRef(s)
	assert.Equal(t, want, got, "%q", s)
	assert.Equal(t, wantErr, err, "%q", s) // the same *ParseError: input, offset and cause
}

// FuzzParseAgreesWithReference holds Parse to the parser alone: the same
// Number, or the same error at the same offset, for any input.
func FuzzParseAgreesWithReference(f *testing.F) {
	for _, s := range canonicalSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := Parse(s)
		want, wantErr := parseRef(s)
		if got != want {
			t.Fatalf("Parse(%q) = %#v, reference %#v", s, got, want)
		}
		if (err == nil) != (wantErr == nil) || err != nil && *err.(*ParseError) != *wantErr.(*ParseError) {
			t.Fatalf("Parse(%q): error %v, reference %v", s, err, wantErr)
		}
	})
}

// TestLabelIsNumberAndBracketedTitle: Label reads as the number's String
// and the title in 《》, as it did when it concatenated them, for a
// catalogue entry (one allocation), an entry without a number, and a
// title longer than Label's buffer.
func TestLabelIsNumberAndBracketedTitle(t *testing.T) {
	long := ""
	for range 40 {
		long += "江西绿色生态"
	}
	for _, s := range []Standard{
		{Number: MustParse("T/JGE 0039-2023"), Title: "江西绿色生态 金溪蜜梨"},
		{Number: MustParse("GB 20891-2014/XG1-2020"), Title: "synthetic title"},
		{Title: "江西绿色生态 赣南脐橙"},
		{Number: MustParse("ISO 9001:2015/Amd 1:2024"), Title: long},
		{},
	} {
		want := "《" + s.Title + "》"
		if !s.Number.IsZero() {
			want = s.Number.String() + want
		}
		assert.Equal(t, want, s.Label())
	}
	s := Standard{Number: MustParse("T/JGE 0039-2023"), Title: "江西绿色生态 金溪蜜梨"}
	assert.LessOrEqual(t, testing.AllocsPerRun(100, func() { _ = s.Label() }), 1.0)
}

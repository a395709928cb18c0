package sheet
import ("context";"io";"strings";"testing";"github.com/stretchr/testify/require")
func BenchmarkCSVOnly(b *testing.B) {
	recs, cols := benchRecords(b, "jiangsu", 20000)
	cs := csvBytes(b, table(recs, cols))
	c := checker("en")
	for b.Loop() {
		_, err := (&Converter{Checker: c, In: CSV, Scheme: "jiangsu"}).Run(context.Background(), strings.NewReader(string(cs)), io.Discard)
		require.NoError(b, err)
	}
}
func BenchmarkNDOnly(b *testing.B) {
	recs, _ := benchRecords(b, "jiangsu", 20000)
	nd := ndjsonOf(b, "jiangsu", recs)
	c := checker("en")
	for b.Loop() {
		_, err := (&Converter{Checker: c}).Run(context.Background(), strings.NewReader(string(nd)), io.Discard)
		require.NoError(b, err)
	}
}

package sheet

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCSVRowsAreJudgedAsTheirNDJSON: each row of a CSV becomes its scheme's
// native record and gets the decision the same record gets as NDJSON.
func TestCSVRowsAreJudgedAsTheirNDJSON(t *testing.T) {
	for _, scheme := range []string{"shenzhen", "jiangsu", "zhejiang", "shanghai", "ganchu", "ganpo"} {
		t.Run(scheme, func(t *testing.T) {
			var recs []map[string]any
			for _, n := range samples(t, scheme) {
				recs = append(recs, sample(t, scheme, n))
			}
			cols := header(recs)
			in := csvBytes(t, table(recs, cols))
			out, sum, err := run(t, Converter{In: CSV, Scheme: scheme}, in)
			require.NoError(t, err)
			want, _, err := run(t, Converter{}, ndjsonOf(t, scheme, recs))
			require.NoError(t, err)
			got, exp := outLines(t, out), outLines(t, want)
			require.Len(t, got, len(recs))
			for i := range got {
				assert.EqualValues(t, i+2, got[i]["row"])
				delete(got[i], "row")
				delete(exp[i], "line")
				assert.Equal(t, exp[i], got[i], "row %d", i+2)
			}
			assert.Equal(t, len(recs), sum.Lines)
		})
	}
}

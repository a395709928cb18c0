package standard

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jxgreen/jxgreen/internal/codetest"
)

func TestDefaultDeadlinesReturnsACopy(t *testing.T) {
	t.Parallel()
	want := DefaultDeadlines()
	got := DefaultDeadlines()
	got.DraftMonths, got.FinishMonths = 99, 99
	assert.Equal(t, want, DefaultDeadlines())
	assert.Equal(t, Deadlines{DraftMonths: 6, FinishMonths: 12}, want)
}

func TestRequiredClausesReturnsACopy(t *testing.T) {
	t.Parallel()
	want := RequiredClauses()
	got := RequiredClauses()
	require.NotEmpty(t, got)
	got[0] = "changed"
	assert.Equal(t, want, RequiredClauses())
	// Evaluate still looks for the real clauses after a caller changed its copy.
	s := Standard{Clauses: []string{"changed"}}
	for _, f := range Evaluate(s).Findings {
		if f.Code == "clause" && f.Args[0] == "范围" {
			return
		}
	}
	t.Fatal("a standard without the required clauses passed the clause check")
}

func TestEveryFindingCodeHasBothMessagesAndIsDocumented(t *testing.T) {
	t.Parallel()
	codes := codetest.Check(t, ".", "FindingCode", "standard.finding.")
	assert.Len(t, codes, len(findingCodeMessages), "the table and the constants list the same codes")
}

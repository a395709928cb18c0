package standard

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jxgreen/jxgreen/brand/i18n/codetest"
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

// TestParseKindAndOperatorUseTheOneWordFolding: kinds and operators are
// read through the module's word folding, as attributes and modes are.
func TestParseKindAndOperatorUseTheOneWordFolding(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]Kind{"ＧＲＯＵＰ": Group, "Group Standard": Group, "group-standard": Group, " 团 标 ": Group, "国外先进标准": Foreign} {
		k, err := ParseKind(in)
		if assert.NoError(t, err, in) {
			assert.Equal(t, want, k, in)
		}
	}
	for in, want := range map[string]Operator{"ＡＴ　ＭＯＳＴ": AtMost, "at-least": AtLeast, "＜＝": AtMost, "～": Range, "不 超 过": AtMost} {
		o, err := ParseOperator(in)
		if assert.NoError(t, err, in) {
			assert.Equal(t, want, o, in)
		}
	}
	for _, in := range []string{"groups", "团体标注准", "<", "at"} {
		_, err := ParseKind(in)
		assert.ErrorIs(t, err, ErrKind, in)
		_, err = ParseOperator(in)
		assert.Error(t, err, in)
	}
}

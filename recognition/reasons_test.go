package recognition

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand/i18n/codetest"
)

// Issue 10, "Reason codes are typed constants with one table": every
// ReasonCode constant is documented and has its Chinese and English
// message, the table holds no other, and each message words its arguments.
func TestEveryReasonCodeHasBothMessagesAndIsDocumented(t *testing.T) {
	t.Parallel()
	codes := codetest.Check(t, ".", "ReasonCode", "recognition.reason.")
	assert.Len(t, codes, len(reasonMessages), "the table and the constants list the same codes")
	for _, c := range codes {
		code := ReasonCode(c)
		assert.True(t, code.Valid(), c)
		assert.Equal(t, c, code.String())
		r := Reason{Code: code, Args: []any{"a", "b", "c", "d"}}
		zh, en := r.Message(language.Chinese), r.Message(language.English)
		assert.NotEqual(t, zh, en, c)
		assert.NotEqual(t, "recognition.reason."+c, en)
	}
	assert.False(t, ReasonCode("no-such-code").Valid())
}

// Issue 10, "One convention for every enumeration": String is the stable
// code, Localize the display name, Outcome included.
func TestOutcomeStringIsTheCodeLocalizeTheName(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		o        Outcome
		code, zh string
	}{
		{Recognized, "recognized", "互认"},
		{Rejected, "rejected", ""},
		{Conditional, "conditional", ""},
	} {
		assert.Equal(t, tc.code, tc.o.String())
		zh := tc.o.Localize(language.Chinese)
		assert.NotEqual(t, tc.code, zh)
		assert.NotEqual(t, zh, tc.o.Localize(language.English))
		if tc.zh != "" {
			assert.Equal(t, tc.zh, zh)
		}
	}
}

// Issue 10, "Summary counts by Outcome": the counts are kept by Outcome,
// error lines by kind, and Add merges runs.
func TestSummaryCountsByOutcome(t *testing.T) {
	t.Parallel()
	var total Summary
	s := newSummary()
	s.Lines = 4
	s.Outcomes[Recognized] = 2
	s.Outcomes[Rejected] = 1
	s.Errors["blank"] = 1
	s.Reasons[ReasonRevoked] = 1
	total.Add(s)
	total.Add(s)
	assert.Equal(t, 8, total.Lines)
	assert.Equal(t, 4, total.Count(Recognized))
	assert.Equal(t, 0, total.Count(Conditional))
	assert.Equal(t, 2, total.Count(Rejected))
	assert.Equal(t, 2, total.ErrorLines())
	assert.Equal(t, 2, total.Reasons[ReasonRevoked])
	assert.Equal(t, 2, s.Count(Recognized), "Add leaves its argument alone")
}

package certification

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/jxgreen/jxgreen/brand/i18n/codetest"
)

func TestGreenEcologyRulesReturnsACopy(t *testing.T) {
	t.Parallel()
	want := GreenEcologyRules()
	got := GreenEcologyRules()
	got.Mode = Type1a
	got.ValidityMonths = 1
	got.RequireAlliance = false
	assert.Equal(t, want, GreenEcologyRules())
	assert.Equal(t, Type5, GreenEcologyRules().Mode)
}

// TestParseModeUsesTheOneWordFolding: the mode words are one table, read
// through the module's word folding, so full-width and hyphenated forms
// parse like the plain ones; anything else stays an error.
func TestParseModeUsesTheOneWordFolding(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]Mode{
		"类型５": Type5, "ＴＹＰＥ　１ａ": Type1a, "type-4": Type4, "ISO/IEC 17067 type 5": Type5, "iso/iec17067-1b": Type1b,
	} {
		m, err := ParseMode(in)
		if assert.NoError(t, err, in) {
			assert.Equal(t, want, m, in)
		}
	}
	for _, in := range []string{"", "type", "5a", "类型7", "type 1a 5"} {
		_, err := ParseMode(in)
		assert.ErrorIs(t, err, ErrMode, in)
	}
	assert.Len(t, Modes(), 7)
	ms := Modes()
	ms[0] = Type6
	assert.Equal(t, Type1a, Modes()[0], "Modes returns a copy")
}

func TestEveryFieldErrorReasonHasBothMessagesAndIsDocumented(t *testing.T) {
	t.Parallel()
	codes := codetest.Check(t, ".", "Reason", "certification.reason.")
	assert.Len(t, codes, len(reasonMessages), "the table and the constants list the same codes")
}

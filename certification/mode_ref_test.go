package certification

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// modeForms are modes as certificates and credentials write them, and
// near misses.
var modeForms = []string{
	"5", "1a", "1b", "type 5", "Type 5", "ISO/IEC 17067 type 5", "ISO/IEC 17067 type 1a", "类型5", "第5种", "模式5",
	"5型", "TYPE 5", "ｔｙｐｅ　５", "type5", "type 7", "7", "", "类型", "ISO/IEC 17067 type ", "1A", "iso/iec 17067 type 1b",
}

// TestParseModeTakesUsualSpellingsWithoutFolding: the usual spellings of
// every mode are found without allocating, and every form reads as the
// folding reference reads it.
func TestParseModeTakesUsualSpellingsWithoutFolding(t *testing.T) {
	require.Len(t, modeSpellings, 7*7, "seven spellings of each of the seven modes")
	for s, m := range modeSpellings {
		want, err := parseModeFolded(s)
		require.NoError(t, err, s)
		assert.Equal(t, want, m, s)
	}
	assert.Zero(t, testing.AllocsPerRun(100, func() { _, _ = ParseMode("ISO/IEC 17067 type 5") }))
	for _, s := range modeForms {
		got, err := ParseMode(s)
		want, wantErr := parseModeFolded(s)
		assert.Equal(t, want, got, "%q", s)
		assert.Equal(t, wantErr, err, "%q", s)
	}
}

// FuzzParseModeAgreesWithReference holds ParseMode to the folding it
// skips for usual spellings: the same mode or the same error.
func FuzzParseModeAgreesWithReference(f *testing.F) {
	for _, s := range modeForms {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseMode(s)
		want, wantErr := parseModeFolded(s)
		if got != want || (err == nil) != (wantErr == nil) || err != nil && err.Error() != wantErr.Error() {
			t.Fatalf("ParseMode(%q) = %v, %v; reference %v, %v", s, got, err, want, wantErr)
		}
	})
}

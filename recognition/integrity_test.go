package recognition_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/recognition"
)

// Issue 13, "recognition treats a secured credential whose proof verifies
// as integrity-checked, and any other as unverified: never recognised on
// its own word (a Reason says so; Decision outcome at most Conditional)":
// the same record that is recognised with no proof in its format
// (IntegrityNone) or a checked one is conditional when unverified, or of
// an integrity the package does not know; and the integrity survives JSON.
func TestIntegrityUnverifiedIsNeverRecognisedOnItsOwnWord(t *testing.T) {
	a, ok := recognition.Lookup("zhejiang")
	require.True(t, ok)
	native, err := os.ReadFile(filepath.Join("..", "testdata", "zhejiang", "valid-recognized-same-standard.json"))
	require.NoError(t, err)
	rec, err := a.Decode(native)
	require.NoError(t, err)
	require.Equal(t, recognition.IntegrityNone, rec.Integrity, "a registry's native record carries no proof")
	at := day(2026, 6, 1)
	for _, tc := range []struct {
		integrity recognition.Integrity
		want      recognition.Outcome
	}{
		{recognition.IntegrityNone, recognition.Recognized},
		{recognition.IntegrityChecked, recognition.Recognized},
		{recognition.IntegrityUnverified, recognition.Conditional},
		{recognition.Integrity(7), recognition.Conditional},
	} {
		r := rec.Clone()
		r.Integrity = tc.integrity
		d := a.Agreement().Check(r, at)
		assert.Equal(t, tc.want, d.Outcome, "%v: %v", tc.integrity, d.Reasons)
		assert.Equal(t, tc.want == recognition.Conditional, d.Has(recognition.ReasonIntegrityUnverified), "%v", tc.integrity)

		raw, err := json.Marshal(r)
		require.NoError(t, err)
		var back recognition.Record
		require.NoError(t, json.Unmarshal(raw, &back))
		if tc.integrity <= recognition.IntegrityChecked {
			assert.Equal(t, tc.integrity, back.Integrity, "%s", raw)
		} else {
			assert.Equal(t, recognition.IntegrityUnverified, back.Integrity, "an unknown integrity reads back as unverified")
		}
	}
	// A rejected record stays rejected.
	r := rec.Clone()
	r.Integrity, r.Status = recognition.IntegrityUnverified, 0
	assert.Equal(t, recognition.Rejected, a.Agreement().Check(r, at).Outcome)
	assert.Equal(t, "签名已验证", recognition.IntegrityChecked.Localize(language.Chinese))
	assert.Equal(t, "unverified", recognition.IntegrityUnverified.String())
}

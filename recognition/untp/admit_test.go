package untp

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// agree checks admits against the compiled schema on one input.
func agree(t *testing.T, native []byte) {
	v, err := dcc.Parse(native)
	if err != nil {
		return
	}
	fast := admits(v)
	slow := dcc.ValidateValue(v) == nil
	if fast && !slow {
		t.Fatalf("admits accepts what the schema refuses: %q", native)
	}
	if slow && !fast && !hasNumericIndex(v) {
		t.Fatalf("admits refuses what the schema accepts: %q", native)
	}
}

// hasNumericIndex reports an index that admits leaves to the validator.
func hasNumericIndex(v any) bool {
	root, _ := v.(map[string]any)
	var entries []any
	switch x := root["credentialStatus"].(type) {
	case map[string]any:
		entries = []any{x}
	case []any:
		entries = x
	}
	for _, e := range entries {
		if m, ok := e.(map[string]any); ok {
			if n, num := m["statusListIndex"].(json.Number); num && !indexDigits.MatchString(string(n)) {
				return true
			}
		}
	}
	return false
}

func samples(tb testing.TB) [][]byte {
	files, err := filepath.Glob("../../testdata/untp/*.json")
	require.NoError(tb, err)
	var out [][]byte
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(tb, err)
		out = append(out, b)
	}
	return out
}

func TestAdmitAgreesOnSamples(t *testing.T) {
	admitted := 0
	for _, s := range samples(t) {
		agree(t, s)
		if v, err := dcc.Parse(s); err == nil && admits(v) {
			admitted++
		}
	}
	assert.GreaterOrEqual(t, admitted, 8, "the fast path takes the valid samples")
	// A numeric index is valid but left to the validator.
	s := string(samples(t)[len(samples(t))-1])
	numeric := strings.Replace(s, `"statusListIndex": "0"`, `"statusListIndex": 0`, 1)
	agree(t, []byte(numeric))
}

func FuzzAdmitAgreesWithSchema(f *testing.F) {
	for _, s := range samples(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, native []byte) { agree(t, native) })
}

// Issue 10, "the UNTP schema written once": the fast admission reads the
// enumerations and patterns of schema.json, and they hold every value
// Encode writes.
func TestAdmitReadsItsRulesFromTheSchema(t *testing.T) {
	for _, tc := range []struct {
		list []string
		want []string
	}{
		{statusPurposes, []string{"revocation", "suspension"}},
		{assessorLevels, []string{"3rdParty", "unspecified"}},
		{assessmentLevels, []string{"scheme-cab"}},
		{attestationTypes, []string{"certification", "verification"}},
	} {
		for _, w := range tc.want {
			assert.Contains(t, tc.list, w)
		}
	}
	assert.Equal(t, contexts[0], credentialsContext)
	assert.True(t, untpContext.MatchString(contexts[1]))
	assert.Panics(t, func() { schemaEnum("$defs", "nothing") })
}

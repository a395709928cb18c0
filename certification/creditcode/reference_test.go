package creditcode

import (
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jxgreen/jxgreen/brand/fold"
)

// parseRef is Parse as it was before its fast path for canonical codes,
// kept as the reference: fold first, then check.
func parseRef(s string) (Code, error) {
	f := fold.Code(s)
	if utf8.RuneCountInString(f) != 18 || len(f) != 18 {
		return "", &Error{Input: s, Pos: -1, Err: ErrLength}
	}
	sum, bad := creditSum(f[:17])
	if bad < 0 && (f[17] >= 128 || creditValue[f[17]] < 0) {
		bad = 17
	}
	if bad >= 0 {
		return "", &Error{Input: s, Pos: bad, Err: ErrChar}
	}
	if f[17] != creditCheck(sum) {
		return "", &Error{Input: s, Pos: 17, Err: ErrCheck}
	}
	return Code(f), nil
}

// codeSeeds are synthetic credit codes (made with Complete; they belong to
// no organisation) in the forms partner lists write them, and broken ones.
var codeSeeds = []string{
	"91360100MA9000001K", "91440300MA9000005Q", "91320100MA90000013", "91360100ma9000001k",
	"9136 0100 MA90 0000 1K", "９１３６０１００ＭＡ９０００００１Ｋ", "91360100MA9000001A", "91360100MA9000001",
	"91360100MA9000001KK", "91360100MA900000IK", "913601O0MA9000001K", "91360100MA9000001\xff", "",
	"91360100MA900000１K", "91360100MA9000001k", "\t91360100MA9000001K\u3000",
}

// TestParseTakesCanonicalCodesWithoutFolding: a canonical code is
// returned as it is, without allocating, and every form parses as the
// reference parses it.
func TestParseTakesCanonicalCodesWithoutFolding(t *testing.T) {
	c, err := Parse("91360100MA9000001K")
	require.NoError(t, err)
	assert.Equal(t, Code("91360100MA9000001K"), c)
	assert.Zero(t, testing.AllocsPerRun(100, func() { _, _ = Parse("91360100MA9000001K") }))
	for _, s := range codeSeeds {
		assertParsesAsReference(t, s)
	}
}

func assertParsesAsReference(t *testing.T, s string) {
	t.Helper()
	got, err := Parse(s)
	want, wantErr := parseRef(s)
	assert.Equal(t, want, got, "%q", s)
	assert.Equal(t, wantErr, err, "%q", s) // the same *Error: input, position and cause
}

// FuzzCreditCodeAgreesWithReference holds Parse to the reference it replaces:
// the same code, or the same error at the same position, for any input.
func FuzzCreditCodeAgreesWithReference(f *testing.F) {
	for _, s := range codeSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := Parse(s)
		want, wantErr := parseRef(s)
		if got != want {
			t.Fatalf("Parse(%q) = %q, reference %q", s, got, want)
		}
		if (err == nil) != (wantErr == nil) || err != nil && *err.(*Error) != *wantErr.(*Error) {
			t.Fatalf("Parse(%q): error %v, reference %v", s, err, wantErr)
		}
	})
}

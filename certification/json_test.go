package certification

import (
	"encoding/json"
	"errors"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/certification/creditcode"
)

// issuedJSON is the JSON form of a synthetic certificate from Rules.Issue,
// compact, for tests that change one member.
func issuedJSON(t *testing.T) string {
	t.Helper()
	b, err := json.Marshal(issue(t, synthetic(1)))
	require.NoError(t, err)
	return string(b)
}

// decodeJSON decodes s and returns the certificate, the *FieldError if
// there is one, and the error.
func decodeJSON(s string) (Certificate, *FieldError, error) {
	var c Certificate
	err := json.Unmarshal([]byte(s), &c)
	var fe *FieldError
	errors.As(err, &fe)
	return c, fe, err
}

// allocated returns the bytes that f allocates.
func allocated(f func()) uint64 {
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	before := ms.TotalAlloc
	f()
	runtime.ReadMemStats(&ms)
	return ms.TotalAlloc - before
}

// TestJSONNestingIsBounded: objects and arrays nest at most 32 deep; a
// deeper document is refused with a *FieldError at the pointer where the
// limit is passed, at a cost in proportion to its size, whether it comes
// through json.Unmarshal or UnmarshalJSON directly (which encoding/json's
// own depth limit does not protect).
func TestJSONNestingIsBounded(t *testing.T) {
	// Just inside the limit: "scope" is a string, so the array is a type
	// error at /scope, found by decoding, not by the depth check.
	in := `{"scope":` + strings.Repeat("[", maxDepth-1) + strings.Repeat("]", maxDepth-1) + "}"
	_, fe, err := decodeJSON(in)
	require.Error(t, err)
	require.NotNil(t, fe, "%v", err)
	assert.Equal(t, Reason("type"), fe.Reason)
	assert.Equal(t, "/scope", fe.Pointer)

	// One more level: refused by the depth check, at the pointer of the
	// value that is one level too deep.
	in = `{"scope":` + strings.Repeat("[", maxDepth) + strings.Repeat("]", maxDepth) + "}"
	_, fe, err = decodeJSON(in)
	require.Error(t, err)
	require.NotNil(t, fe, "%v", err)
	assert.Equal(t, Reason("too-deep"), fe.Reason)
	assert.Equal(t, "/scope"+strings.Repeat("/0", maxDepth-1), fe.Pointer)
	assert.ErrorIs(t, err, ErrApplication)
	assert.Contains(t, fe.Localize(language.Chinese), "嵌套超过 32 层")
	assert.Contains(t, err.Error(), "nested deeper than 32 levels")

	// Hostile depths: memory stays far below the quadratic cost (about
	// 100 MB for the first input, 146 MB for the second) that the review
	// measured before the bound.
	const n = 9999
	deep := []byte(`{"scope":` + strings.Repeat("[", n) + strings.Repeat("]", n) + "}")
	a := allocated(func() { _, _, err := decodeJSON(string(deep)); require.Error(t, err) })
	assert.Less(t, a, uint64(2<<20), "json.Unmarshal of %d bytes allocated %d bytes", len(deep), a)
	open := []byte(`{"scope":` + strings.Repeat("[", 12000))
	a = allocated(func() { var c Certificate; require.Error(t, c.UnmarshalJSON(open)) })
	assert.Less(t, a, uint64(2<<20), "UnmarshalJSON of %d bytes allocated %d bytes", len(open), a)
	inHistory := []byte(`{"history":[` + strings.Repeat("[", 500) + strings.Repeat("]", 500) + "]}")
	var c Certificate
	err = c.UnmarshalJSON(inHistory)
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, Reason("too-deep"), fe.Reason)
	assert.Equal(t, "/history"+strings.Repeat("/0", maxDepth-1), fe.Pointer)
}

// TestJSONErrorsNameTheCulprit: a value that does not decode (a bad credit
// code, mode, date, action or status) or has the wrong JSON type is
// reported at its own JSON pointer, with a message that names no internal
// type, does not repeat itself, and is wholly Chinese in Chinese.
func TestJSONErrorsNameTheCulprit(t *testing.T) {
	s := issuedJSON(t)
	code := string(synthetic(1).Code)
	for _, tc := range []struct {
		name, old, new, ptr, reason string
		is                          error
	}{
		{"credit code check character", code, code[:17] + "X", "/holder/credit_code", "invalid", creditcode.ErrCheck},
		{"unknown mode", `"mode":"5"`, `"mode":"7"`, "/mode", "invalid", ErrMode},
		{"month 13", `"issued":"2026-01-10T00:00:00+08:00"`, `"issued":"2026-13-10T00:00:00+08:00"`, "/issued", "invalid", nil},
		{"unknown action", `"action":"issue"`, `"action":"explode"`, "/history/0/action", "invalid", ErrStatus},
		{"unknown status", `"mode":"5"`, `"mode":"5","status":"bogus"`, "/status", "invalid", ErrStatus},
		{"bad standard number", `"T/JGE 0039-2023"`, `"not a number"`, "/standards/0", "invalid", nil},
		{"mode as a number", `"mode":"5"`, `"mode":5`, "/mode", "type", nil},
		{"product as an array", `"product":"金溪蜜梨"`, `"product":["金溪蜜梨"]`, "/product", "type", nil},
		{"holder name as a number", `"holder":{"name":"合成样例企业1有限公司"`, `"holder":{"name":7`, "/holder/name", "type", nil},
		{"standards as a string", `"standards":["T/JGE 0039-2023"]`, `"standards":"T/JGE 0039-2023"`, "/standards", "type", nil},
		{"passed as a string", `"expires":"2029-01-10T00:00:00+08:00"}]`, `"passed":"yes"}]`, "/history/0/passed", "type", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.Contains(t, s, tc.old)
			in := strings.Replace(s, tc.old, tc.new, 1)
			c, fe, err := decodeJSON(in)
			require.Error(t, err)
			require.NotNil(t, fe, "%v", err)
			assert.Equal(t, tc.ptr, fe.Pointer)
			assert.Equal(t, Reason(tc.reason), fe.Reason)
			assert.Zero(t, c.Number)
			if tc.is != nil {
				assert.ErrorIs(t, err, tc.is)
			}
			en, zh := err.Error(), fe.Localize(language.Chinese)
			for _, msg := range []string{en, zh} {
				assert.NotContains(t, msg, "plain")
			}
			assert.Equal(t, 1, strings.Count(en, "certification:"), "English repeats itself: %s", en)
			assert.True(t, strings.HasPrefix(en, "certification: "+tc.ptr+": "), en)
			assert.True(t, strings.HasPrefix(zh, tc.ptr+"："), zh)
			for _, english := range []string{"certification:", "json:", "unknown", "cannot", "parsing", "wrong"} {
				assert.NotContains(t, zh, english, "the Chinese message holds English")
			}
		})
	}
}

// TestJSONOneSpellingOfValues: a mode, a status and an action are read
// only as MarshalText writes them; the ways people write them
// ("类型5", "type 5", "有效", "颁发") are for ParseMode and ParseStatus.
func TestJSONOneSpellingOfValues(t *testing.T) {
	s := issuedJSON(t)
	for _, tc := range []struct{ old, new, ptr string }{
		{`"mode":"5"`, `"mode":"类型5"`, "/mode"},
		{`"mode":"5"`, `"mode":" TYPE 5 "`, "/mode"},
		{`"mode":"5"`, `"mode":"type 5"`, "/mode"},
		{`"mode":"5"`, `"mode":"ISO/IEC 17067 type 5"`, "/mode"},
		{`"mode":"5"`, `"mode":"5","status":"有效"`, "/status"},
		{`"mode":"5"`, `"mode":"5","status":"Valid"`, "/status"},
		{`"action":"issue"`, `"action":"颁发"`, "/history/0/action"},
		{`"action":"issue"`, `"action":"Issue"`, "/history/0/action"},
	} {
		_, fe, err := decodeJSON(strings.Replace(s, tc.old, tc.new, 1))
		require.Error(t, err, tc.new)
		require.NotNil(t, fe, tc.new)
		assert.Equal(t, tc.ptr, fe.Pointer, tc.new)
	}
	// The codes themselves load, and the lenient parsers still read people.
	_, _, err := decodeJSON(strings.Replace(s, `"mode":"5"`, `"mode":"5","status":"valid"`, 1))
	require.NoError(t, err)
	for m := Type1a; m <= Type6; m++ {
		b, err := m.MarshalText()
		require.NoError(t, err)
		var back Mode
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, m, back)
		assert.Error(t, back.UnmarshalText([]byte("type "+m.String())))
		p, err := ParseMode("类型" + m.String())
		require.NoError(t, err)
		assert.Equal(t, m, p)
	}
	for st := Valid; st <= Pending; st++ {
		var back Status
		require.NoError(t, back.UnmarshalText([]byte(st.String())))
		assert.Equal(t, st, back)
		assert.ErrorIs(t, back.UnmarshalText([]byte(st.Localize(language.Chinese))), ErrStatus, st.String())
		p, err := ParseStatus(st.String())
		require.NoError(t, err)
		assert.Equal(t, st, p)
	}
	for a := Issue; a <= Renew; a++ {
		var back Action
		require.NoError(t, back.UnmarshalText([]byte(a.String())))
		assert.Equal(t, a, back)
		assert.ErrorIs(t, back.UnmarshalText([]byte(a.Localize(language.Chinese))), ErrStatus)
	}
}

// TestZeroModeIsWrittenAsAbsent: a certificate that does not state its
// mode (a partner scheme's) is stored, written without "mode" and read
// back; an unknown mode is refused everywhere.
func TestZeroModeIsWrittenAsAbsent(t *testing.T) {
	c := cert(1)
	c.Mode = 0
	require.NoError(t, c.Validate())
	b, err := json.Marshal(c)
	require.NoError(t, err)
	assert.NotContains(t, string(b), `"mode"`)
	back, _, err := decodeJSON(string(b))
	require.NoError(t, err)
	assert.Equal(t, Mode(0), back.Mode)
	_, fe, err := decodeJSON(strings.Replace(string(b), `"issued"`, `"mode":"","issued"`, 1))
	require.Error(t, err)
	assert.Equal(t, "/mode", fe.Pointer)
}

package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Issue 13, "recognize accepts a secured credential and -trust": a UNTP
// credential signed with VC-JOSE-COSE travels as a JSON string in place
// of the record. With -trust (the issuer keys, a JWK Set) and -status
// (the published list) it is integrity-checked and recognised; without
// them, the same line is unverified and never recognised; a -trust file
// that is not a JWK Set of public keys, or a -status list signed by
// another key, is bad usage (exit 2) in the language asked for.
func TestToolTrustsSignedCredentials(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "untp")
	token, err := os.ReadFile(filepath.Join(dir, "valid-recognized-signed.json"))
	require.NoError(t, err)
	line := `{"scheme":"untp","record":` + strings.TrimSpace(string(token)) + "}\n"
	keys := filepath.Join(dir, "status", "keys.jwks")
	list := filepath.Join(dir, "status", "list.jwt")

	decide := func(args ...string) (int, []outLine, string) {
		var out, errb bytes.Buffer
		code := run(context.Background(), append([]string{"-at", "2026-06-01", "-lang", "en"}, args...), strings.NewReader(line), &out, &errb)
		return code, decodeOut(t, out.Bytes()), errb.String()
	}
	code, lines, errs := decide("-trust", keys, "-status", list)
	require.Equal(t, 0, code, errs)
	require.Len(t, lines, 1)
	assert.Equal(t, "recognized", lines[0].Outcome, "%+v", lines[0].Reasons)
	assert.Equal(t, "UNTP-SYN-1", lines[0].Number)

	code, lines, errs = decide()
	require.Equal(t, 0, code, errs)
	assert.NotEqual(t, "recognized", lines[0].Outcome)
	var codes []string
	for _, r := range lines[0].Reasons {
		codes = append(codes, r.Code)
	}
	assert.Contains(t, codes, "integrity-unverified")

	// Bad files are bad usage, said in the language asked for.
	tmp := t.TempDir()
	private := filepath.Join(tmp, "private.jwks")
	require.NoError(t, os.WriteFile(private, []byte(`{"keys":[{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"}]}`), 0o644))
	stranger := filepath.Join(tmp, "stranger.jwks")
	require.NoError(t, os.WriteFile(stranger, []byte(`{"keys":[{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}]}`), 0o644))
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-trust", filepath.Join(tmp, "missing.jwks")}, "-trust"},
		{[]string{"-trust", list}, "JWK Set"},
		{[]string{"-trust", private}, "private key"},
		{[]string{"-trust", stranger, "-status", list}, "trusted key"},
		{[]string{"-status", list}, "-status needs -trust"},
	} {
		code, _, errs := decide(tc.args...)
		assert.Equal(t, 2, code, "%v", tc.args)
		assert.Contains(t, errs, tc.want, "%v", tc.args)
	}
	var out, errb bytes.Buffer
	code = run(context.Background(), []string{"-lang", "zh", "-trust", private}, strings.NewReader(line), &out, &errb)
	assert.Equal(t, 2, code)
	assert.Contains(t, errb.String(), "私钥")
}

package main

// Adversarial review of issue 11: each TestReview11_ test shows a defect
// of the tool found in the review, and fails until it is fixed. The scheme
// files here are the synthetic city brand's, changed; none is real.

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReview11_SchemeLookAlikeNameIsRefused: -scheme refuses a definition
// that takes a built-in scheme's name (品字标), but not one that writes the
// name with a no-break space or a zero-width space inside (圳\u00a0品,
// 圳\u200b品), which every terminal, spreadsheet and message shows as 圳品:
// the registry's folding (fold.Title) drops ASCII and ideographic spaces
// only. The loaded look-alike is registered beside 圳品, and its records'
// reasons and the run's "loaded" line name it 圳品. (In a process of its
// own: the registry is global.)
func TestReview11_SchemeLookAlikeNameIsRefused(t *testing.T) {
	if os.Getenv("JXGREEN_REVIEW11_CHILD") != "1" {
		cmd := exec.Command(os.Args[0], "-test.run=^TestReview11_SchemeLookAlikeNameIsRefused$", "-test.count=1", "-test.v")
		cmd.Env = append(os.Environ(), "JXGREEN_REVIEW11_CHILD=1")
		b, err := cmd.CombinedOutput()
		require.NoError(t, err, "%s", b)
		return
	}
	good, err := os.ReadFile(exampleScheme)
	require.NoError(t, err)
	dir := t.TempDir()
	for i, name := range []string{"圳\u00a0品", "圳\u200b品", "品字\u2060标"} {
		p := filepath.Join(dir, "lookalike.json")
		b := bytes.Replace(good, []byte(`"id": "shili"`), []byte(`"id": "lookalike`+string(rune('a'+i))+`"`), 1)
		b = bytes.Replace(b, []byte(`"name": "示例市生态优品"`), []byte(`"name": "`+name+`"`), 1)
		b = bytes.Replace(b, []byte(`"示例优品"`), []byte(`"示例优品`+string(rune('a'+i))+`"`), 1)
		b = bytes.Replace(b, []byte(`"english_name": "Example City Eco Products (synthetic)"`), []byte(`"english_name": "Look-alike `+string(rune('a'+i))+` (synthetic)"`), 1)
		require.NoError(t, os.WriteFile(p, b, 0o644))
		var out, errb bytes.Buffer
		code := run(context.Background(), []string{"-lang", "zh", "-scheme", p, exampleRecords}, nil, &out, &errb)
		assert.Equal(t, exitFailure, code, "%q was loaded beside the built-in scheme it looks like:\n%s", name, errb.String())
	}
}

// TestReview11_ConflictBetweenAgreementFilesNamesTheFile: a conflict
// between two -agreement files (here a clerk's copy of the sample with a
// new id, in force on the same days) is reported as "agreement file at
// /agreements/2/in_force": a pointer into the concatenation of all the
// files, which exists in neither (each holds two versions), and no file
// name, where every other agreement error names its file
// (examples/recognize/agreement.go terms: NewAgreements over all files).
func TestReview11_ConflictBetweenAgreementFilesNamesTheFile(t *testing.T) {
	b, err := os.ReadFile(agreementZhejiang)
	require.NoError(t, err)
	copyFile := filepath.Join(t.TempDir(), "copy.json")
	require.NoError(t, os.WriteFile(copyFile, bytes.ReplaceAll(b, []byte(`"sample-jxgreen-zhejiang"`), []byte(`"sample-jxgreen-zhejiang-copy"`)), 0o644))

	code, _, stderr := runAt("2026-06-01", "-agreement", agreementZhejiang, "-agreement", copyFile, ourCertificates)
	assert.Equal(t, exitFailure, code, stderr)
	assert.Contains(t, stderr, "copy.json", "the file in conflict is not named: %s", stderr)
	assert.NotContains(t, stderr, "/agreements/2", "a pointer that neither file has: %s", stderr)
}

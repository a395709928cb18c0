package main

// Adversarial review of issue 11: each TestReview11_ test shows a defect
// of the tool found in the review, and fails until it is fixed. The scheme
// files here are the synthetic city brand's, changed; none is real.

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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

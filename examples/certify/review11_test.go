package main

// Adversarial review of issue 11: a TestReview11_ test shows a defect
// found in the review, and fails until it is fixed.

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestReview11_ExportFromMissingStoreFails: `certify -db FILE -export
// SCHEME` with a mistyped FILE creates an empty certificate store under
// that name (sqlstore.OpenFile creates what is not there), exports "0
// certificates" and exits 0: the partner receives an empty file, the
// clerk sees success, and a stray database is left behind.
func TestReview11_ExportFromMissingStoreFails(t *testing.T) {
	p := filepath.Join(t.TempDir(), "typo.db")
	var out, errb bytes.Buffer
	code := run([]string{"-db", p, "-export", "zhejiang", "-at", "2026-06-01"}, &out, &errb)
	assert.NotEqual(t, 0, code, "an export from a store that does not exist succeeded: %s", errb.String())
	_, err := os.Stat(p)
	assert.True(t, os.IsNotExist(err), "the export created %s", p)
}

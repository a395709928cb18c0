package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jxgreen/jxgreen/recognition"
)

// Tests of issue 11's bullets on the tool: -agreement, -recognizer and
// -agreement-schema. The agreement files are synthetic samples that say
// so ("示例/synthetic, not a real agreement").

const (
	agreementZhejiang = "../../testdata/agreements/jxgreen-zhejiang.json"
	agreementReverse  = "../../testdata/agreements/zhejiang-jxgreen.json"
	ourCertificates   = "../../testdata/agreements/jxgreen-certificates.ndjson"
)

func runAt(at string, args ...string) (int, []outLine, string) {
	var out, errb bytes.Buffer
	code := run(context.Background(), append([]string{"-at", at, "-lang", "en"}, args...), strings.NewReader(""), &out, &errb)
	var ls []outLine
	for _, l := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		if l == "" {
			continue
		}
		ls = append(ls, outLine{})
		_ = json.Unmarshal([]byte(l), &ls[len(ls)-1])
	}
	return code, ls, errb.String()
}

// "recognize -agreement FILE replaces the default terms for that scheme;
// without it, the documented defaults apply, and the output says so."
func TestAgreementFlagReplacesTheDefaultsForItsScheme(t *testing.T) {
	code, ls, stderr := runAt("2026-07-01", sample)
	require.Equal(t, 1, code)
	decided := 0
	for _, l := range ls {
		if l.Outcome == "error" {
			assert.Nil(t, l.Agreement)
			continue
		}
		decided++
		require.NotNil(t, l.Agreement, "line %d", l.Line)
		assert.Equal(t, recognition.DefaultAgreementID, l.Agreement.ID)
		assert.Equal(t, recognition.DefaultAgreementVersion, l.Agreement.Version)
	}
	assert.Regexp(t, `by agreement:\n  default 1 \(defaults: no agreement is public\) +`+strconv.Itoa(decided)+`\n`, stderr)

	code, ls, stderr = runAt("2026-07-01", "-agreement", agreementZhejiang, sample)
	require.Equal(t, 1, code)
	agreed, changed := 0, 0
	_, before, _ := runAt("2026-07-01", sample)
	for i, l := range ls {
		if l.Outcome == "error" {
			continue
		}
		if l.Scheme == "zhejiang" {
			assert.Equal(t, "sample-jxgreen-zhejiang", l.Agreement.ID)
			assert.Equal(t, "2026.2", l.Agreement.Version, "the version in force on -at")
			agreed++
			if l.Outcome != before[i].Outcome {
				changed++
			}
		} else if l.Scheme != "untp" {
			assert.Equal(t, recognition.DefaultAgreementID, l.Agreement.ID, "other schemes keep the defaults")
		}
	}
	assert.Greater(t, agreed, 10)
	assert.Positive(t, changed, "the agreement changes decisions")
	assert.Contains(t, stderr, "sample-jxgreen-zhejiang 2026.2")
	assert.Contains(t, stderr, "default 1 (defaults")

	// An earlier day applies the earlier version.
	_, ls, _ = runAt("2026-03-01", "-agreement", agreementZhejiang, sample)
	for _, l := range ls {
		if l.Scheme == "zhejiang" && l.Outcome != "error" {
			assert.Equal(t, "2026.1", l.Agreement.Version)
		}
	}
}

// -agreement is repeatable: each file replaces the terms of the schemes it
// covers; files that conflict stop the run.
func TestAgreementFlagIsRepeatable(t *testing.T) {
	dir := t.TempDir()
	shenzhen := filepath.Join(dir, "shenzhen.json")
	require.NoError(t, os.WriteFile(shenzhen, []byte(`{"agreements":[{"id":"test-shenzhen","version":"1",
		"recognizer":"jxgreen","scheme":"shenzhen","basis":{"note":"示例/synthetic, not a real agreement"},
		"evaluations":{"accepted":false}}]}`), 0o644))
	code, ls, stderr := runAt("2026-07-01", "-agreement", agreementZhejiang, "-agreement", shenzhen, sample)
	require.Equal(t, 1, code, stderr)
	seen := map[string]bool{}
	for _, l := range ls {
		if l.Agreement != nil {
			seen[l.Agreement.ID] = true
			if l.Scheme == "shenzhen" {
				assert.Equal(t, "test-shenzhen", l.Agreement.ID)
				assert.Equal(t, "rejected", l.Outcome, "this agreement accepts no evaluation")
			}
		}
	}
	assert.True(t, seen["test-shenzhen"] && seen["sample-jxgreen-zhejiang"] && seen["default"], "%v", seen)

	// The same terms twice conflict.
	code, _, stderr = runAt("2026-07-01", "-agreement", agreementZhejiang, "-agreement", agreementZhejiang, sample)
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "conflict")
}

// "Both directions": -recognizer zhejiang judges our certificates (here as
// UNTP credentials) by the partner's terms: the documented reverse
// defaults, or the partner's agreement file, whose recognizer the tool
// takes without -recognizer.
func TestRecognizerFlagJudgesOurCertificatesByThePartnersTerms(t *testing.T) {
	for _, tc := range []struct {
		args []string
		id   string
		sum  string
	}{
		{[]string{"-recognizer", "zhejiang"}, recognition.DefaultReverseID, "default-reverse 1 (defaults"},
		{[]string{"-recognizer", "品字标"}, recognition.DefaultReverseID, "default-reverse 1 (defaults"},
		{[]string{"-agreement", agreementReverse}, "sample-zhejiang-jxgreen", "sample-zhejiang-jxgreen 1"},
		{[]string{"-recognizer", "zhejiang", "-agreement", agreementReverse}, "sample-zhejiang-jxgreen", "sample-zhejiang-jxgreen 1"},
	} {
		code, ls, stderr := runAt("2026-06-01", append(tc.args, ourCertificates)...)
		assert.Equal(t, 0, code, stderr)
		require.Len(t, ls, 2)
		for _, l := range ls {
			require.NotNil(t, l.Agreement)
			assert.Equal(t, tc.id, l.Agreement.ID, tc.args)
		}
		assert.Contains(t, stderr, tc.sum)
	}
	// The defaults: 江西绿色生态 checking its own certificates (unverified
	// claims), named or not.
	for _, args := range [][]string{nil, {"-recognizer", "jxgreen"}, {"-recognizer", "江西绿色生态"}} {
		code, ls, stderr := runAt("2026-06-01", append(args, ourCertificates)...)
		assert.Equal(t, 0, code, stderr)
		require.Len(t, ls, 2)
		for _, l := range ls {
			assert.Equal(t, recognition.DefaultAgreementID, l.Agreement.ID, args)
			var codes []string
			for _, r := range l.Reasons {
				codes = append(codes, r.Code)
			}
			// Bare credentials: neither the claim nor the proof is checked.
			assert.Contains(t, codes, "claim-unverified")
			assert.Contains(t, codes, "integrity-unverified")
		}
	}
	// A partner has no terms for a third scheme's records.
	_, ls, stderr := runAt("2026-06-01", "-recognizer", "zhejiang", sample)
	for _, l := range ls {
		if l.Scheme == "shenzhen" && l.Outcome != "error" {
			assert.Nil(t, l.Agreement)
			assert.Equal(t, "no-agreement", l.Reasons[0].Code)
		}
	}
	assert.Contains(t, stderr, "(no agreement)")
}

// Bad agreement files, recognizers and combinations are bad usage (exit
// 2), said with the file and the JSON pointer, in the language asked for.
func TestBadAgreementFlagsExitTwoWithThePointer(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	require.NoError(t, os.WriteFile(bad, []byte(`{"agreements":[{"id":"x","version":"1","recognizer":"jxgreen",
		"scheme":"zhejiang","basis":{"note":"synthetic"},"in_force":{"from":"2026-06-01","until":"2026-01-01"}}]}`), 0o644))
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"-lang", "en", "-agreement", bad}, []string{"bad.json", "/agreements/0/in_force/until", "before the first day"}},
		{[]string{"-lang", "zh", "-agreement", bad}, []string{"bad.json", "/agreements/0/in_force/until", "早于起始日"}},
		{[]string{"-lang", "en", "-agreement", filepath.Join(dir, "missing.json")}, []string{"missing.json"}},
		{[]string{"-lang", "en", "-recognizer", "hunan"}, []string{"-recognizer", "hunan"}},
		{[]string{"-lang", "en", "-recognizer", "untp"}, []string{"-recognizer"}},
		{[]string{"-lang", "en", "-agreement", agreementZhejiang, "-agreement", agreementReverse}, []string{"several recognizers", "jxgreen, zhejiang"}},
		{[]string{"-lang", "en", "-recognizer", "zhejiang", "-agreement", agreementZhejiang}, []string{"jxgreen-zhejiang.json", "recognizer jxgreen"}},
	} {
		var out, errb bytes.Buffer
		code := run(context.Background(), append(tc.args, ourCertificates), nil, &out, &errb)
		assert.Equal(t, 2, code, tc.args)
		assert.Empty(t, out.String(), "nothing is judged")
		for _, w := range tc.want {
			assert.Contains(t, errb.String(), w, tc.args)
		}
	}
}

// -agreement-schema prints the schema the library validates against.
func TestAgreementSchemaFlagPrintsTheSchema(t *testing.T) {
	var out, errb bytes.Buffer
	code := run(context.Background(), []string{"-agreement-schema"}, nil, &out, &errb)
	assert.Equal(t, 0, code)
	assert.Equal(t, string(recognition.AgreementSchema()), out.String())
	assert.Empty(t, errb.String())
}

// TestConflictBetweenAgreementFilesNamesTheFile: a conflict
// between two -agreement files (here a clerk's copy of the sample with a
// new id, in force on the same days) is reported as "agreement file at
// /agreements/2/in_force": a pointer into the concatenation of all the
// files, which exists in neither (each holds two versions), and no file
// name, where every other agreement error names its file
// (examples/recognize/agreement.go terms: NewAgreements over all files).
func TestConflictBetweenAgreementFilesNamesTheFile(t *testing.T) {
	b, err := os.ReadFile(agreementZhejiang)
	require.NoError(t, err)
	copyFile := filepath.Join(t.TempDir(), "copy.json")
	require.NoError(t, os.WriteFile(copyFile, bytes.ReplaceAll(b, []byte(`"sample-jxgreen-zhejiang"`), []byte(`"sample-jxgreen-zhejiang-copy"`)), 0o644))

	code, _, stderr := runAt("2026-06-01", "-agreement", agreementZhejiang, "-agreement", copyFile, ourCertificates)
	assert.Equal(t, exitFailure, code, stderr)
	assert.Contains(t, stderr, "copy.json", "the file in conflict is not named: %s", stderr)
	assert.NotContains(t, stderr, "/agreements/2", "a pointer that neither file has: %s", stderr)
}

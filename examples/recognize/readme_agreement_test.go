package main

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jxgreen/jxgreen/recognition"
)

// readmeSection returns the README's section that starts with heading, up
// to the next heading of the same level.
func readmeSection(t *testing.T, heading string) string {
	t.Helper()
	b, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	s := string(b)
	i := strings.Index(s, heading+"\n")
	require.GreaterOrEqual(t, i, 0, heading)
	s = s[i+len(heading):]
	if j := strings.Index(s, "\n### "); j >= 0 {
		s = s[:j]
	}
	if j := strings.Index(s, "\n## "); j >= 0 {
		s = s[:j]
	}
	return s
}

// block returns the first fenced block of the language lang in s.
func block(t *testing.T, s, lang string) string {
	t.Helper()
	_, rest, ok := strings.Cut(s, "```"+lang+"\n")
	require.True(t, ok, lang)
	b, _, ok := strings.Cut(rest, "```")
	require.True(t, ok)
	return b
}

// The README's "Agreements as data": its example file is a valid
// agreement file, and what it says the tool prints is what it prints.
func TestReadmeAgreementsAsDataIsTrue(t *testing.T) {
	sec := readmeSection(t, "### Agreements as data")
	list, err := recognition.ParseAgreements([]byte(block(t, sec, "json")))
	require.NoError(t, err)
	sample := loadSampleVersion(t)
	assert.Equal(t, sample.Ref(), list[0].Ref())
	assert.Equal(t, sample.MinMode, list[0].MinMode)
	require.Len(t, list[0].Equivalences, 1)
	e, want := list[0].Equivalences[0], sample.Equivalences[0]
	e.Source = want.Source // the README leaves the source out
	assert.Equal(t, want, e)

	sh := strings.Split(strings.TrimSpace(block(t, sec, "sh")), "\n")
	cmd, ok := strings.CutPrefix(sh[0], "go run ./examples/recognize ")
	require.True(t, ok)
	args := strings.Fields(cmd)
	for i, a := range args {
		if strings.HasPrefix(a, "testdata/") {
			args[i] = "../../" + a
		}
	}
	var out, errb bytes.Buffer
	run(context.Background(), append([]string{"-lang", "en"}, args...), nil, &out, &errb)
	for _, l := range sh[1:] {
		l = strings.TrimPrefix(l, "# ")
		if strings.HasPrefix(l, "{") {
			assert.Contains(t, out.String(), l+"\n")
			continue
		}
		// The summary's columns, with the spaces between them as they fall.
		assert.Contains(t, squeeze(errb.String()), squeeze(l))
	}

	// The error it shows is the error of such a file.
	text := block(t, sec, "text")
	assert.Contains(t, text, "/agreements/0/in_force/until")
}

func loadSampleVersion(t *testing.T) recognition.Agreement {
	t.Helper()
	b, err := os.ReadFile(agreementZhejiang)
	require.NoError(t, err)
	list, err := recognition.ParseAgreements(b)
	require.NoError(t, err)
	return list[1]
}

// squeeze turns every run of white space into one space.
func squeeze(s string) string { return strings.Join(strings.Fields(s), " ") }

package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jxgreen/jxgreen/brand/i18n"
	_ "github.com/jxgreen/jxgreen/mark" // its messages too
)

const sample = "../../testdata/recognition/sample.ndjson"

type line struct {
	Line    int     `json:"line"`
	Outcome string  `json:"outcome"`
	Error   *string `json:"error"`
}

func lines(t *testing.T, out []byte) []line {
	var ls []line
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		var l line
		require.NoError(t, json.Unmarshal(sc.Bytes(), &l), "%s", sc.Bytes())
		ls = append(ls, l)
	}
	return ls
}

func TestSampleFile(t *testing.T) {
	var out, errb bytes.Buffer
	code := run(context.Background(), []string{"-at", "2026-06-01", "-lang", "en", sample}, nil, &out, &errb)
	assert.Equal(t, 1, code, "the sample has error lines on purpose")
	in, err := os.ReadFile(sample)
	require.NoError(t, err)
	ls := lines(t, out.Bytes())
	require.Len(t, ls, bytes.Count(in, []byte("\n")))
	for i, l := range ls {
		assert.Equal(t, i+1, l.Line)
	}
	assert.Contains(t, errb.String(), "by scheme:")
	assert.Contains(t, errb.String(), "error lines")
	assert.NotContains(t, errb.String(), "lines done", "no progress for a short input")
}

func TestCleanInputExitsZero(t *testing.T) {
	in, err := os.ReadFile(sample)
	require.NoError(t, err)
	var good []string
	for _, l := range strings.Split(string(in), "\n") {
		if strings.Contains(l, `"valid-`) || strings.Contains(l, "SYN-0001") {
			good = append(good, l)
		}
	}
	require.NotEmpty(t, good)
	var out, errb bytes.Buffer
	code := run(context.Background(), []string{"-workers", "1"}, strings.NewReader(strings.Join(good, "\n")+"\n"), &out, &errb)
	assert.Equal(t, 0, code, errb.String())
	assert.Len(t, lines(t, out.Bytes()), len(good))
	assert.Contains(t, errb.String(), "按方案")
}

func TestFilesAreJoinedLineByLine(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.ndjson"), filepath.Join(dir, "b.ndjson")
	require.NoError(t, os.WriteFile(a, []byte("{}\n{}"), 0o644)) // no final newline
	require.NoError(t, os.WriteFile(b, []byte("{}\n"), 0o644))
	var out, errb bytes.Buffer
	code := run(context.Background(), []string{a, b}, nil, &out, &errb)
	assert.Equal(t, 1, code)
	assert.Len(t, lines(t, out.Bytes()), 3)
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"-lang", "not a tag!"}, {"-workers", "0"}, {"-at", "2026-13-01"}, {"-nope"}, {"/no/such/file.ndjson"},
		{"-encoding", "latin1"}, {"-", "-"},
	} {
		var out, errb bytes.Buffer
		assert.Equal(t, 2, run(context.Background(), args, strings.NewReader(""), &out, &errb), "%v", args)
		assert.Empty(t, out.String())
		assert.NotEmpty(t, errb.String())
	}
}

func TestInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errb bytes.Buffer
	in, err := os.ReadFile(sample)
	require.NoError(t, err)
	assert.Equal(t, 2, run(ctx, nil, bytes.NewReader(in), &out, &errb))
}

func TestPad(t *testing.T) {
	assert.Equal(t, "互认  ", pad("互认", 6))
	assert.Equal(t, "ab  ", pad("ab", 4))
	assert.Equal(t, "long", pad("long", 2))
}

// Every message of the module (this test imports every package) has
// the same formatting verbs in Chinese and in English, so neither language
// drops or invents an argument.
func TestEveryMessageHasTheSameVerbsInBothLanguages(t *testing.T) {
	verbs := func(s string) []string {
		var out []string
		for i := 0; i < len(s); i++ {
			if s[i] != '%' {
				continue
			}
			j := i + 1
			if j < len(s) && s[j] == '%' {
				i = j
				continue
			}
			for j < len(s) && strings.IndexByte("0123456789.[]+-# ", s[j]) >= 0 {
				j++
			}
			if j < len(s) {
				out = append(out, string(s[j]))
			}
			i = j
		}
		sort.Strings(out)
		return out
	}
	keys := i18n.Keys()
	require.Greater(t, len(keys), 150)
	for _, k := range keys {
		zh, en, ok := i18n.Texts(k)
		require.True(t, ok, k)
		assert.Equal(t, verbs(en), verbs(zh), "%s: %q / %q", k, zh, en)
		assert.NotEqual(t, "", zh, k)
	}
}

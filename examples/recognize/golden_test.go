package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// update says to rewrite the golden files of this test from the tool's
// output, as for the adapters' schemas (package adaptertest), with an
// environment variable rather than a flag:
// JXGREEN_UPDATE_GOLDEN=1 go test ./examples/recognize -run Golden
var update = os.Getenv("JXGREEN_UPDATE_GOLDEN") == "1"

// readmeSetup returns the commands of the README's set-up block.
func readmeSetup(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	s := string(b)
	i := strings.Index(s, "## Set-up")
	require.GreaterOrEqual(t, i, 0, "README has no Set-up section")
	s = s[i:]
	i = strings.Index(s, "```sh\n")
	require.GreaterOrEqual(t, i, 0, "Set-up has no sh block")
	s = s[i+len("```sh\n"):]
	block, _, ok := strings.Cut(s, "```")
	require.True(t, ok)
	return strings.Split(strings.TrimSpace(block), "\n")
}

// readmeArgs returns the arguments of the README's main command, with the
// sample's path made relative to this package.
func readmeArgs(t *testing.T) []string {
	t.Helper()
	cmd, ok := strings.CutPrefix(readmeSetup(t)[0], "go run ./examples/recognize ")
	require.True(t, ok, "the first set-up command runs examples/recognize")
	args := strings.Fields(cmd)
	for i, a := range args {
		if strings.HasPrefix(a, "testdata/") {
			args[i] = "../../" + a
		}
	}
	return args
}

// elapsed is the run time in the summary's first line, the only part of
// the output that changes from run to run.
var elapsed = regexp.MustCompile(`^((?:共 \d+ 行，用时 )|(?:\d+ lines in ))\S+$`)

func normalize(stderr string) string {
	lines := strings.Split(stderr, "\n")
	for i, l := range lines {
		lines[i] = elapsed.ReplaceAllString(l, "${1}<elapsed>")
	}
	return strings.Join(lines, "\n")
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if update {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run JXGREEN_UPDATE_GOLDEN=1 go test ./examples/recognize -run Golden to write it")
	assert.Equal(t, string(want), string(got), "%s differs from the tool's output", path)
}

// TestGoldenSampleAtFixedDate runs the README's main command (the bundled
// sample at the date it passes with -at) and compares standard output and
// the summary on standard error with golden files, in Chinese (the
// default) and in English, so that the outcomes the README describes are
// the ones a newcomer sees on any day.
func TestGoldenSampleAtFixedDate(t *testing.T) {
	args := readmeArgs(t)
	require.Contains(t, args, "-at", "the README's main command fixes the date")
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"sample-2026-06-01.zh", args},
		{"sample-2026-06-01.en", append([]string{"-lang", "en"}, args...)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(context.Background(), tc.args, nil, &out, &errb)
			assert.Equal(t, exitErrorLines, code)
			assert.NotContains(t, errb.String(), "<elapsed>")
			golden(t, tc.name+".stdout.golden", out.Bytes())
			golden(t, tc.name+".stderr.golden", []byte(normalize(errb.String())))
		})
	}
}

// TestSampleOutcomesMoveWithTheDateNotTheWorkers: the output of the
// README's command does not depend on the number of workers, and it does
// depend on the date (certificates of the sample expire), which is why the
// README's command passes one with -at.
func TestSampleOutcomesMoveWithTheDateNotTheWorkers(t *testing.T) {
	args := readmeArgs(t)
	var a, b bytes.Buffer
	run(context.Background(), args, nil, &a, &bytes.Buffer{})
	run(context.Background(), append([]string{"-workers", "1"}, args...), nil, &b, &bytes.Buffer{})
	assert.Equal(t, a.String(), b.String(), "output depends on the number of workers")

	var laterOut bytes.Buffer
	later := append([]string(nil), args...)
	for i := range later {
		if later[i] == "-at" {
			later[i+1] = "2030-01-01"
		}
	}
	run(context.Background(), later, nil, &laterOut, &bytes.Buffer{})
	assert.NotEqual(t, a.String(), laterOut.String(), "the sample's outcomes should depend on the date")
}

// readmeCounts matches the README's description of the main command's outcomes.
var readmeCounts = regexp.MustCompile(`(\d+)\s+recognised,\s+(\d+)\s+conditional,\s+(\d+)\s+rejected\s+and\s+(\d+)\s+error\s+lines`)

// TestReadmeSetupHasTwoCommandsAndTrueCounts: the README's set-up block
// has exactly two commands (the main job and the tests), the first passes
// the date the golden files are made at, and the counts of outcomes the
// README gives for it are the tool's.
func TestReadmeSetupHasTwoCommandsAndTrueCounts(t *testing.T) {
	cmds := readmeSetup(t)
	require.Len(t, cmds, 2, "set-up: %q", cmds)
	assert.Equal(t, "go run ./examples/recognize -at 2026-06-01 testdata/recognition/sample.ndjson", cmds[0])
	assert.Equal(t, "go test ./...", cmds[1])

	var out bytes.Buffer
	run(context.Background(), readmeArgs(t), nil, &out, &bytes.Buffer{})
	got := map[string]int{}
	for _, l := range lines(t, out.Bytes()) {
		got[l.Outcome]++
	}
	b, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	m := readmeCounts.FindStringSubmatch(string(b))
	require.NotNil(t, m, "README does not give the counts of outcomes")
	for i, outcome := range []string{"recognized", "conditional", "rejected", "error"} {
		n, _ := strconv.Atoi(m[i+1])
		assert.Equal(t, got[outcome], n, "README's count of %s", outcome)
	}
}

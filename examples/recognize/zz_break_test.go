package main

// Adversarial review (rev3): Test* not named TestResist* assert the
// CORRECT behaviour and fail on a defect.

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/simplifiedchinese"
)

func zzRun(args []string, stdin string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(context.Background(), append([]string{"-at", "2026-06-01"}, args...), strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

// A UTF-8 input read with -encoding gb18030 by mistake: every line turns
// into mojibake and an error line, with no word about the encoding.
func TestBreakToolGB18030FlagOnUTF8InputSaysSo(t *testing.T) {
	good := goodLines(t)[:3]
	utf := strings.Join(good, "\n") + "\n"
	code, out, errb := zzRun([]string{"-encoding", "gb18030", "-lang", "en"}, utf)
	t.Logf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errb)
	assert.Contains(t, out+errb, "UTF-8", "nothing tells the user the input was UTF-8 read as GB18030")
}

// A file with a UTF-8 BOM whose text is GB18030 (a tool that adds a BOM to
// whatever it saves): without -encoding, no EncodingError (the BOM is taken
// for proof of UTF-8), every line is an error line whose message is a
// misleading "duplicate key" among U+FFFD keys; with -encoding gb18030
// the BOM's bytes eat the first "{" and line 1 is lost.
func TestBreakToolBOMThenGB18030(t *testing.T) {
	good := goodLines(t)[:3]
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(strings.Join(good, "\n") + "\n")
	require.NoError(t, err)
	in := "\uFEFF" + gb
	code, out, errb := zzRun([]string{"-lang", "en"}, in)
	t.Logf("without -encoding: exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errb)
	assert.Equal(t, 2, code, "one clear encoding error expected")
	assert.Contains(t, errb, "GB18030")

	code, out, errb = zzRun([]string{"-lang", "en", "-encoding", "gb18030"}, in)
	t.Logf("with -encoding gb18030: exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errb)
	assert.NotContains(t, out, `"outcome":"error"`, "line 1 is lost to the BOM's bytes")
}

func TestResistToolArguments(t *testing.T) {
	good := goodLines(t)[:2]
	dir := t.TempDir()
	a := filepath.Join(dir, "a.ndjson")
	require.NoError(t, os.WriteFile(a, []byte(strings.Join(good, "\n")+"\n"), 0o644))
	for _, tc := range []struct {
		args []string
		want int
	}{
		{[]string{dir}, 2},
		{[]string{filepath.Join(dir, "nope")}, 2},
		{[]string{a, filepath.Join(dir, "nope")}, 2},
		{[]string{"-", "-"}, 2},
		{[]string{"-workers", "0"}, 2},
		{[]string{"-workers", "-3"}, 2},
		{[]string{"-workers", "100000", a}, 0},
		{[]string{"-at", "2026-02-30", a}, 2},
		{[]string{"-at", "2026-2-3", a}, 2},
		{[]string{"-lang", "not a tag", a}, 2},
		{[]string{"-lang", "zh-Hant-TW", a}, 0},
		{[]string{"-lang", "fr", a}, 0},
		{[]string{"-encoding", "latin1", a}, 2},
		{[]string{"-h"}, 0},
		{[]string{"--help"}, 0},
		{[]string{"-help"}, 0},
		{[]string{"-lang", "en", "-h"}, 0},
		{[]string{a, a}, 0},
	} {
		code, out, errb := zzRun(tc.args, "")
		assert.Equal(t, tc.want, code, "%v: %s", tc.args, errb)
		if tc.want == 2 && len(tc.args) > 0 && tc.args[0] != a {
			assert.Empty(t, out, "%v", tc.args)
		}
		if tc.args[len(tc.args)-1] == a && len(tc.args) == 2 && tc.args[0] == a {
			ls := decodeOut(t, []byte(out))
			require.Len(t, ls, 4)
			assert.Equal(t, []int{1, 2, 1, 2}, []int{ls[0].Line, ls[1].Line, ls[2].Line, ls[3].Line})
		}
	}
}

type zzFailWriter struct{ n int }

func (w *zzFailWriter) Write(p []byte) (int, error) {
	if w.n <= 0 {
		return 0, os.ErrClosed
	}
	w.n -= len(p)
	return len(p), nil
}

// Standard output that cannot be written (a closed pipe, a full disk):
// the tool says "reading - failed; the lines read before were judged and
// written", which is false on both counts.
func TestBreakToolWriteErrorIsNotCalledAReadError(t *testing.T) {
	good := goodLines(t)
	in := strings.Repeat(strings.Join(good, "\n")+"\n", 200)
	var errb bytes.Buffer
	code := run(context.Background(), []string{"-at", "2026-06-01", "-lang", "en"}, strings.NewReader(in), &zzFailWriter{n: 0}, &errb)
	t.Logf("exit %d\n%s", code, errb.String())
	assert.Equal(t, 2, code)
	assert.NotContains(t, errb.String(), "reading - failed", "a write error reported as a read error")
}

package main

// Encodings, arguments and output failures, from an adversarial review:
// every test asserts the behaviour the tool must show.

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/simplifiedchinese"
)

func runTool(args []string, stdin string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(context.Background(), append([]string{"-at", "2026-06-01"}, args...), strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

// A UTF-8 input read with -encoding gb18030 by mistake turns into mojibake;
// the tool says on standard error that the input looks like UTF-8, once,
// in the language asked for. GB18030 input with the flag gets no such note.
func TestToolWarnsWhenGB18030FlagMeetsUTF8Input(t *testing.T) {
	good := goodLines(t)[:3]
	utf := strings.Join(good, "\n") + "\n"
	code, out, errb := runTool([]string{"-encoding", "gb18030", "-lang", "en"}, utf)
	t.Logf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errb)
	assert.Equal(t, 1, strings.Count(errb, "looks like UTF-8"), "nothing tells the user the input was UTF-8 read as GB18030")
	_, _, errb = runTool([]string{"-encoding", "gb18030", "-lang", "zh"}, utf)
	assert.Contains(t, errb, "看起来是 UTF-8")

	gb, err := simplifiedchinese.GB18030.NewEncoder().String(utf)
	require.NoError(t, err)
	code, out, errb = runTool([]string{"-encoding", "gb18030", "-lang", "en"}, gb)
	assert.Equal(t, 0, code, errb)
	assert.NotContains(t, errb, "looks like UTF-8")
	assert.Len(t, decodeOut(t, []byte(out)), 3)
}

// A file with a UTF-8 BOM whose text is GB18030 (a tool that adds a BOM to
// whatever it saves): without -encoding, one encoding error that names
// GB18030 (exit 2); with -encoding gb18030 the BOM is dropped before
// decoding and every line is decided.
func TestToolBOMThenGB18030(t *testing.T) {
	good := goodLines(t)[:3]
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(strings.Join(good, "\n") + "\n")
	require.NoError(t, err)
	in := "\uFEFF" + gb
	code, out, errb := runTool([]string{"-lang", "en"}, in)
	t.Logf("without -encoding: exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errb)
	assert.Equal(t, 2, code, "one clear encoding error expected")
	assert.Contains(t, errb, "GB18030")

	code, out, errb = runTool([]string{"-lang", "en", "-encoding", "gb18030"}, in)
	t.Logf("with -encoding gb18030: exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errb)
	assert.NotContains(t, out, `"outcome":"error"`, "line 1 is lost to the BOM's bytes")
	assert.Equal(t, 0, code)
	assert.Len(t, decodeOut(t, []byte(out)), 3)
}

func TestToolArgumentsExitCodes(t *testing.T) {
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
		code, out, errb := runTool(tc.args, "")
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

type refusingWriter struct{ n int }

func (w *refusingWriter) Write(p []byte) (int, error) {
	if w.n <= 0 {
		return 0, os.ErrClosed
	}
	w.n -= len(p)
	return len(p), nil
}

// Standard output that cannot be written (a closed pipe, a full disk): the
// tool exits 2 naming a write error, not a read error, and its summary
// counts no line.
func TestToolNamesAWriteErrorAsSuch(t *testing.T) {
	good := goodLines(t)
	in := strings.Repeat(strings.Join(good, "\n")+"\n", 200)
	var errb bytes.Buffer
	code := run(context.Background(), []string{"-at", "2026-06-01", "-lang", "en"}, strings.NewReader(in), &refusingWriter{n: 0}, &errb)
	t.Logf("exit %d\n%s", code, errb.String())
	assert.Equal(t, 2, code)
	assert.NotContains(t, errb.String(), "reading - failed", "a write error reported as a read error")
	assert.Contains(t, errb.String(), "writing the output failed")
	assert.Contains(t, errb.String(), "0 lines in")
}

// The byte order mark is dropped before GB18030 decoding however the
// input arrives, one byte at a time included, and nothing after it is
// lost.
func TestToolDropsBOMBeforeGB18030WhateverTheReads(t *testing.T) {
	good := goodLines(t)[:3]
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(strings.Join(good, "\n") + "\n")
	require.NoError(t, err)
	for name, in := range map[string]string{"bom": "\uFEFF" + gb, "no bom": gb, "bom only": "\uFEFF", "half a bom": "\xef\xbb"} {
		for _, oneByte := range []bool{false, true} {
			var r io.Reader = strings.NewReader(in)
			if oneByte {
				r = iotest.OneByteReader(r)
			}
			var out, errb bytes.Buffer
			code := run(context.Background(), []string{"-at", "2026-06-01", "-lang", "en", "-encoding", "gb18030"}, r, &out, &errb)
			switch name {
			case "bom", "no bom":
				assert.Equal(t, 0, code, "%s %v: %s", name, oneByte, errb.String())
				assert.Len(t, decodeOut(t, out.Bytes()), 3, "%s %v", name, oneByte)
			case "bom only":
				assert.Empty(t, out.String(), "%s %v", name, oneByte)
			case "half a bom": // not a BOM: two bytes of GB18030, one line
				assert.Len(t, decodeOut(t, out.Bytes()), 1, "%s %v", name, oneByte)
			}
			assert.NotContains(t, errb.String(), "looks like UTF-8", "%s %v", name, oneByte)
		}
	}
}

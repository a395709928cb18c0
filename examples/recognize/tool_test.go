package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/jxgreen/jxgreen/brand/i18n"
)

// Tests of issue 9's bullets on the batch tool. Every record is synthetic
// (the bundled sample says so in each record).

// outLine is an output line with every field the tool may write.
type outLine struct {
	Line    int     `json:"line"`
	File    *string `json:"file"`
	Scheme  string  `json:"scheme"`
	Number  string  `json:"number"`
	Outcome string  `json:"outcome"`
	// Agreement names the terms applied, on decided lines (null when
	// there were none).
	Agreement *struct {
		ID      string `json:"id"`
		Version string `json:"version"`
	} `json:"agreement"`
	Reasons []struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"reasons"`
	Error *string `json:"error"`
}

func decodeOut(t *testing.T, b []byte) []outLine {
	t.Helper()
	var ls []outLine
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
		dec.DisallowUnknownFields()
		var l outLine
		require.NoError(t, dec.Decode(&l), "%s", sc.Bytes())
		ls = append(ls, l)
	}
	return ls
}

// goodLines are lines of the sample that are judged, not error lines.
func goodLines(t *testing.T) []string {
	t.Helper()
	in, err := os.ReadFile(sample)
	require.NoError(t, err)
	var good []string
	for _, l := range strings.Split(string(in), "\n") {
		if strings.Contains(l, `"valid-`) || strings.Contains(l, "SYN-0001") {
			good = append(good, l)
		}
	}
	require.GreaterOrEqual(t, len(good), 4)
	return good
}

// syncBuffer is a buffer that run may write while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// readLine reads one output line, failing the test when none comes in time.
func readLine(t *testing.T, br *bufio.Reader) string {
	t.Helper()
	got := make(chan string, 1)
	go func() {
		s, _ := br.ReadString('\n')
		got <- s
	}()
	select {
	case s := <-got:
		return s
	case <-time.After(10 * time.Second):
		t.Fatal("no output line while the input waits: the tool does not stream")
		return ""
	}
}

func TestToolStreamsTrickledInput(t *testing.T) {
	good := goodLines(t)[:4]
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	var errb syncBuffer
	code := make(chan int, 1)
	go func() {
		c := run(context.Background(), []string{"-at", "2026-06-01", "-workers", "2", "-"}, inR, outW, &errb)
		outW.Close()
		code <- c
	}()
	br := bufio.NewReader(outR)
	for i, l := range good {
		// One line in; its decision must come out before the next goes in.
		_, err := io.WriteString(inW, l+"\n")
		require.NoError(t, err)
		var ol outLine
		require.NoError(t, json.Unmarshal([]byte(readLine(t, br)), &ol))
		assert.Equal(t, i+1, ol.Line)
		assert.NotEqual(t, "error", ol.Outcome)
	}
	require.NoError(t, inW.Close())
	rest, err := io.ReadAll(br)
	require.NoError(t, err)
	assert.Empty(t, rest)
	assert.Equal(t, 0, <-code, errb.String())
}

func TestToolInterruptWhileWaiting(t *testing.T) {
	good := goodLines(t)
	inR, inW := io.Pipe()
	defer inW.Close() // releases the read the tool leaves behind
	outR, outW := io.Pipe()
	ctx, cancel := context.WithCancel(context.Background())
	var errb syncBuffer
	code := make(chan int, 1)
	go func() {
		c := run(ctx, []string{"-at", "2026-06-01", "-lang", "en"}, inR, outW, &errb)
		outW.Close()
		code <- c
	}()
	br := bufio.NewReader(outR)
	for _, l := range good[:2] {
		_, err := io.WriteString(inW, l+"\n")
		require.NoError(t, err)
		readLine(t, br)
	}
	// The tool now waits for input that does not come: Ctrl-C.
	cancel()
	go io.Copy(io.Discard, br) //nolint:errcheck // drain, so that nothing blocks
	select {
	case c := <-code:
		assert.Equal(t, 2, c)
	case <-time.After(5 * time.Second):
		t.Fatal("the tool did not stop when interrupted while waiting for input")
	}
	e := errb.String()
	assert.Contains(t, e, "2 lines in", "the summary of what was done")
	assert.Contains(t, e, "interrupted")
	assert.Contains(t, e, "exit status 2")
}

// brokenReader gives its data, then fails as a broken pipe does.
type brokenReader struct{ data *strings.Reader }

func (b *brokenReader) Read(p []byte) (int, error) {
	if b.data.Len() == 0 {
		return 0, errors.New("read |0: broken pipe")
	}
	return b.data.Read(p)
}

func TestToolReadErrorKeepsEarlierLines(t *testing.T) {
	good := goodLines(t)
	t.Run("a directory among the files", func(t *testing.T) {
		dir := t.TempDir()
		a, sub, b := filepath.Join(dir, "a.ndjson"), filepath.Join(dir, "sub"), filepath.Join(dir, "b.ndjson")
		require.NoError(t, os.WriteFile(a, []byte(good[0]+"\n"+good[1]+"\n"+good[2]+"\n"), 0o644))
		require.NoError(t, os.Mkdir(sub, 0o755))
		require.NoError(t, os.WriteFile(b, []byte(good[3]+"\n"), 0o644))
		var out, errb bytes.Buffer
		code := run(context.Background(), []string{"-at", "2026-06-01", "-lang", "en", a, sub, b}, nil, &out, &errb)
		assert.Equal(t, 2, code)
		ls := decodeOut(t, out.Bytes())
		require.Len(t, ls, 3, "every line of a.ndjson is judged and written")
		for i, l := range ls {
			assert.Equal(t, i+1, l.Line)
			assert.Equal(t, a, *l.File)
			assert.NotEqual(t, "error", l.Outcome)
		}
		assert.Contains(t, errb.String(), "reading "+sub+" failed")
		assert.Contains(t, errb.String(), "3 lines in")
	})
	t.Run("a broken pipe", func(t *testing.T) {
		in := good[0] + "\n" + good[1] + "\n" + good[2] + "\n" + `{"scheme":"jiangsu","rec` // cut short
		var out, errb bytes.Buffer
		code := run(context.Background(), []string{"-at", "2026-06-01", "-workers", "2"}, &brokenReader{strings.NewReader(in)}, &out, &errb)
		assert.Equal(t, 2, code)
		ls := decodeOut(t, out.Bytes())
		require.Len(t, ls, 3, "the lines read before the failure, not the one it cut")
		for i, l := range ls {
			assert.Equal(t, i+1, l.Line)
			assert.NotEqual(t, "error", l.Outcome)
		}
		assert.Contains(t, errb.String(), "broken pipe")
		assert.Contains(t, errb.String(), "退出状态 2")
	})
}

func TestToolSkipsBOM(t *testing.T) {
	good := goodLines(t)
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.ndjson"), filepath.Join(dir, "b.ndjson")
	require.NoError(t, os.WriteFile(a, []byte("\uFEFF"+good[0]+"\n"+good[1]+"\n"), 0o644))
	require.NoError(t, os.WriteFile(b, []byte("\uFEFF"+good[2]+"\r\n"), 0o644))
	for name, tc := range map[string]struct {
		args  []string
		stdin string
	}{
		"files":                     {[]string{a, b}, ""},
		"standard input":            {nil, "\uFEFF" + good[0] + "\n"},
		"files joined by cat (mid)": {nil, good[0] + "\n\uFEFF" + good[1] + "\n"},
	} {
		var out, errb bytes.Buffer
		code := run(context.Background(), append([]string{"-at", "2026-06-01"}, tc.args...), strings.NewReader(tc.stdin), &out, &errb)
		assert.Equal(t, 0, code, "%s: %s", name, errb.String())
		for _, l := range decodeOut(t, out.Bytes()) {
			assert.NotEqual(t, "error", l.Outcome, "%s: line %d: %v", name, l.Line, l.Error)
		}
	}
}

func TestToolGB18030ErrorOrDecode(t *testing.T) {
	good := goodLines(t)[:3]
	utf := strings.Join(good, "\n") + "\n"
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(utf)
	require.NoError(t, err)
	require.NotEqual(t, utf, gb)

	// Without -encoding: one clear error, in the language asked for.
	for lang, want := range map[string][]string{
		"zh": {"不是 UTF-8", "GB18030", "-encoding gb18030", "退出状态 2"},
		"en": {"not UTF-8", "GB18030", "-encoding gb18030", "exit status 2"},
	} {
		var out, errb bytes.Buffer
		code := run(context.Background(), []string{"-at", "2026-06-01", "-lang", lang}, strings.NewReader(gb), &out, &errb)
		assert.Equal(t, 2, code)
		assert.Empty(t, out.String(), "no error line per line: one error")
		for _, w := range want {
			assert.Contains(t, errb.String(), w, lang)
		}
		n := 0
		for _, l := range strings.Split(errb.String(), "\n") {
			if strings.Contains(l, "GB18030") {
				n++
			}
		}
		assert.Equal(t, 1, n, "one error, not one a line: %s", errb.String())
	}

	// With it: the same decisions as the UTF-8 input.
	var want, got, errb bytes.Buffer
	require.Equal(t, 0, run(context.Background(), []string{"-at", "2026-06-01"}, strings.NewReader(utf), &want, &errb), errb.String())
	require.Equal(t, 0, run(context.Background(), []string{"-at", "2026-06-01", "-encoding", "gb18030"}, strings.NewReader(gb), &got, &errb), errb.String())
	assert.Equal(t, want.String(), got.String())
	assert.Len(t, decodeOut(t, got.Bytes()), 3)
}

func TestErrorLineKeepsSchemeAsWritten(t *testing.T) {
	in := strings.Join([]string{
		// An unknown scheme: its name as written, and the number under a key
		// a known scheme uses.
		`{"scheme":"江西好礼","record":{"证书编号":"JXHL-SYN-0001","产品名称":"合成样例"}}`,
		// A known scheme, a record that fails its schema: the number stays.
		`{"scheme":"圳品","record":{"证书编号":"ZP-SYN-0999","企业名称":"合成样例企业有限公司","发证日期":"2025-13-45"}}`,
		// No number at all.
		`{"scheme":"nope","record":{}}`,
		// A number too long to be one is not echoed.
		`{"scheme":"nope","record":{"证书编号":"` + strings.Repeat("长", 500) + `"}}`,
	}, "\n") + "\n"
	var out, errb bytes.Buffer
	code := run(context.Background(), []string{"-at", "2026-06-01"}, strings.NewReader(in), &out, &errb)
	assert.Equal(t, 1, code)
	ls := decodeOut(t, out.Bytes())
	require.Len(t, ls, 4)
	for _, l := range ls {
		assert.Equal(t, "error", l.Outcome)
		require.NotNil(t, l.Error)
	}
	assert.Equal(t, "江西好礼", ls[0].Scheme, "not ?")
	assert.Equal(t, "JXHL-SYN-0001", ls[0].Number)
	assert.Equal(t, "shenzhen", ls[1].Scheme)
	assert.Equal(t, "ZP-SYN-0999", ls[1].Number)
	assert.Equal(t, "nope", ls[2].Scheme)
	assert.Equal(t, "", ls[2].Number)
	assert.Equal(t, "", ls[3].Number)
	assert.Contains(t, errb.String(), "未知方案", "the summary counts unknown schemes under one name")
}

func TestOutputNamesFileAndLine(t *testing.T) {
	good := goodLines(t)
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.ndjson"), filepath.Join(dir, "b.ndjson")
	require.NoError(t, os.WriteFile(a, []byte(good[0]+"\n\n"), 0o644))       // 2 lines, the second blank
	require.NoError(t, os.WriteFile(b, []byte(good[1]+"\n"+good[2]), 0o644)) // no final newline
	var out, errb bytes.Buffer
	code := run(context.Background(), []string{"-at", "2026-06-01", a, "-", b}, strings.NewReader(good[3]+"\n"), &out, &errb)
	assert.Equal(t, 1, code, "the blank line is an error line")
	ls := decodeOut(t, out.Bytes())
	require.Len(t, ls, 5)
	want := []struct {
		file string
		line int
	}{{a, 1}, {a, 2}, {"-", 1}, {b, 1}, {b, 2}}
	for i, w := range want {
		require.NotNil(t, ls[i].File, "line %d", i)
		assert.Equal(t, w.file, *ls[i].File)
		assert.Equal(t, w.line, ls[i].Line)
	}
	assert.Equal(t, "error", ls[1].Outcome)

	// One input: no "file", as before.
	out.Reset()
	run(context.Background(), []string{"-at", "2026-06-01", a}, nil, &out, &errb)
	for _, l := range decodeOut(t, out.Bytes()) {
		assert.Nil(t, l.File)
	}
}

func TestHelpExitsZero(t *testing.T) {
	for _, args := range [][]string{{"-h"}, {"--help"}, {"-help"}, {"-lang", "en", "-h"}, {"-h", "-lang=en"}, {"-workers", "2", "--help", "file-not-read.ndjson"}} {
		var out, errb bytes.Buffer
		code := run(context.Background(), args, strings.NewReader(""), &out, &errb)
		assert.Equal(t, 0, code, "%v", args)
		assert.Empty(t, errb.String(), "%v", args)
		h := out.String()
		for _, w := range []string{`"scheme"`, `"record"`, `"line"`, `"file"`, `"number"`, `"outcome"`, `"reasons"`, `"error"`, "-encoding", "-lang", "-workers", "-at", "BCP 47", "0 ", "1 ", "2 ", fmt.Sprint(runtime.GOMAXPROCS(0))} {
			assert.Contains(t, h, w, "%v", args)
		}
		if strings.Contains(strings.Join(args, " "), "en") {
			assert.Contains(t, h, "Exit status")
			assert.Contains(t, h, "standard input")
		} else {
			assert.Contains(t, h, "退出状态")
			assert.Contains(t, h, "标准输入")
		}
	}
}

func TestLangBCP47(t *testing.T) {
	for _, tc := range []struct {
		lang, want, note string
	}{
		{"zh", "空行", ""},
		{"zh-CN", "空行", ""},
		{"zh-Hans-CN", "空行", ""},
		{"zh_CN", "空行", ""},
		{"en", "blank line", ""},
		{"en-GB", "blank line", ""},
		{"en-US", "blank line", ""},
		{"fr-FR", "blank line", "no messages in fr-FR; using English"},
	} {
		var out, errb bytes.Buffer
		code := run(context.Background(), []string{"-lang", tc.lang}, strings.NewReader("\n"), &out, &errb)
		assert.Equal(t, 1, code, tc.lang)
		ls := decodeOut(t, out.Bytes())
		require.Len(t, ls, 1)
		assert.Equal(t, tc.want, *ls[0].Error, tc.lang)
		if tc.note != "" {
			assert.Contains(t, errb.String(), tc.note)
		} else {
			assert.NotContains(t, errb.String(), "no messages in")
		}
	}
	var out, errb bytes.Buffer
	assert.Equal(t, 2, run(context.Background(), []string{"-lang", "english please"}, strings.NewReader("\n"), &out, &errb))
	assert.Contains(t, errb.String(), "BCP 47")
}

func TestWorkersBounded(t *testing.T) {
	cpus := runtime.GOMAXPROCS(0)
	n, clamped := workerCount(cpus * 100)
	assert.Equal(t, cpus, n)
	assert.True(t, clamped)
	n, clamped = workerCount(1)
	assert.Equal(t, 1, n)
	assert.False(t, clamped)

	var out, errb bytes.Buffer
	code := run(context.Background(), []string{"-lang", "en", "-at", "2026-06-01", "-workers", "100000"}, strings.NewReader(goodLines(t)[0]+"\n"), &out, &errb)
	assert.Equal(t, 0, code, errb.String())
	assert.Contains(t, errb.String(), fmt.Sprintf("-workers 100000 is more than the CPUs this machine gives the program; using %d", cpus))
	assert.Len(t, decodeOut(t, out.Bytes()), 1)
}

// summaryRows returns the rows of the summary table: the lines that end
// in a count.
func summaryRows(stderr string) []string {
	var rows []string
	for _, l := range strings.Split(stderr, "\n") {
		if strings.HasPrefix(l, "  ") && len(l) > 0 && l[len(l)-1] >= '0' && l[len(l)-1] <= '9' {
			rows = append(rows, l)
		}
	}
	return rows
}

func TestSummaryAlignedForChinese(t *testing.T) {
	for lang, want := range map[string][]string{
		"zh": {"互认", "按原因：", "补充评价", "未知方案", "空行"},
		"en": {"recognized", "by reason:", "assess", "unknown scheme", "blank line"},
	} {
		var out, errb bytes.Buffer
		run(context.Background(), []string{"-at", "2026-06-01", "-lang", lang, sample}, nil, &out, &errb)
		e := errb.String()
		for _, w := range want {
			assert.Contains(t, e, w, lang)
		}
		rows := summaryRows(e)
		require.Greater(t, len(rows), 10, lang)
		// Every count ends in the same terminal column, Chinese labels
		// counting two columns a character.
		end := columns(rows[0])
		wide := 0
		for _, r := range rows {
			assert.Equal(t, end, columns(r), "%s: %q", lang, r)
			if columns(r) != len([]rune(r)) {
				wide++
			}
		}
		if lang == "zh" {
			assert.Greater(t, wide, 5, "the Chinese table has wide labels")
		}
		// Reasons are named, not given as codes.
		assert.NotContains(t, e, "standard-unverified")
	}
	assert.Equal(t, "互认  ", pad("互认", 6))
	assert.Equal(t, "长长…", truncate("长长长长", 5))
	assert.Equal(t, "ab", truncate("ab", 5))
	assert.Equal(t, "line longer than the limit of … bytes", gist(i18n.English(), "recognition.batch.too-long", "x"))
	assert.Equal(t, "行长度超过 … 字节上限", gist(i18n.Chinese(), "recognition.batch.too-long", "x"))
	assert.Equal(t, "no-such-code", gist(i18n.Chinese(), "recognition.reason.no-such-code", "no-such-code"))
}

func TestSummarySaysWhyExit1(t *testing.T) {
	var out, errb bytes.Buffer
	code := run(context.Background(), []string{"-at", "2026-06-01", "-lang", "en", sample}, nil, &out, &errb)
	require.Equal(t, 1, code)
	n := 0
	for _, l := range decodeOut(t, out.Bytes()) {
		if l.Outcome == "error" {
			n++
		}
	}
	require.Positive(t, n)
	lines := strings.Split(strings.TrimSpace(errb.String()), "\n")
	assert.Equal(t, fmt.Sprintf(`exit status 1: %d lines were error lines ("outcome":"error" in the output; "error" says why)`, n), lines[len(lines)-1])

	errb.Reset()
	out.Reset()
	code = run(context.Background(), []string{"-at", "2026-06-01"}, strings.NewReader(goodLines(t)[0]+"\n"), &out, &errb)
	require.Equal(t, 0, code)
	assert.NotContains(t, errb.String(), "退出状态")
}

// A line that is not valid JSON still says what it can: its scheme and
// number as written.
func TestErrorLineKeepsSchemeAsWrittenOnBrokenLines(t *testing.T) {
	in := `{"scheme":"jiangsu","record":{"证书编号":"JSJP-SYN-0777","获证组织":"合成样例企业有限公司",}}` + "\n" +
		`{"scheme":"某某品牌` + "\n"
	var out, errb bytes.Buffer
	code := run(context.Background(), []string{"-at", "2026-06-01"}, strings.NewReader(in), &out, &errb)
	assert.Equal(t, 1, code)
	ls := decodeOut(t, out.Bytes())
	require.Len(t, ls, 2)
	assert.Equal(t, "jiangsu", ls[0].Scheme)
	assert.Equal(t, "JSJP-SYN-0777", ls[0].Number)
	assert.Equal(t, "error", ls[0].Outcome)
	assert.Equal(t, "", ls[1].Scheme, "an unterminated string is not read")
}

package recognition_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/recognition"
	_ "github.com/jxgreen/jxgreen/recognition/untp"
)

// outLine is one output line of the checker.
type outLine struct {
	Line    int    `json:"line"`
	Scheme  string `json:"scheme"`
	Number  string `json:"number"`
	Outcome string `json:"outcome"`
	// Agreement names the terms applied, on decided lines only.
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

func parseOut(t *testing.T, out []byte) []outLine {
	t.Helper()
	var lines []outLine
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
		dec.DisallowUnknownFields()
		var l outLine
		require.NoError(t, dec.Decode(&l), "%s", sc.Bytes())
		lines = append(lines, l)
	}
	require.NoError(t, sc.Err())
	return lines
}

func sampleNDJSON(t testing.TB) []byte {
	b, err := os.ReadFile("../testdata/recognition/sample.ndjson")
	require.NoError(t, err)
	return b
}

func TestCheckerOnTheBundledSample(t *testing.T) {
	in := sampleNDJSON(t)
	var out bytes.Buffer
	c := recognition.Checker{At: at, Lang: language.English, Workers: 3}
	sum, err := c.Run(context.Background(), bytes.NewReader(in), &out)
	require.NoError(t, err)
	nIn := bytes.Count(in, []byte("\n"))
	lines := parseOut(t, out.Bytes())
	require.Len(t, lines, nIn, "one output line per input line")
	assert.GreaterOrEqual(t, nIn, 100)
	assert.Equal(t, nIn, sum.Lines)
	for i, l := range lines {
		assert.Equal(t, i+1, l.Line, "input order")
		if l.Outcome == "error" {
			require.NotNil(t, l.Error)
			assert.NotEmpty(t, *l.Error)
		} else {
			assert.Nil(t, l.Error, "error only on error lines")
		}
	}
	for _, o := range []recognition.Outcome{recognition.Recognized, recognition.Conditional, recognition.Rejected} {
		assert.Positive(t, sum.Count(o), o)
	}
	assert.Positive(t, sum.ErrorLines())
	for _, s := range []string{"shenzhen", "jiangsu", "zhejiang", "shanghai", "ganchu", "ganpo", "untp"} {
		assert.Positive(t, sum.Schemes[s], s)
	}
	total := sum.ErrorLines()
	for _, v := range sum.Outcomes {
		total += v
	}
	assert.Equal(t, nIn, total)
	t.Logf("outcomes %v, errors %v", sum.Outcomes, sum.Errors)
}

func TestCheckerGarbageKeepsOrderAndCount(t *testing.T) {
	valid := strings.TrimSpace(strings.SplitN(string(sampleNDJSON(t)), "\n", 2)[0])
	garbage := []string{
		"", "   ", "{", "null", "[]", `"text"`, `{"scheme":"jiangsu"}`, `{"record":{}}`, `{"scheme":"nope","record":{}}`,
		`{"scheme":7,"record":{}}`, `{"scheme":"zhejiang","record":"x"}`, "\xff\xfe", `{"scheme":"zhejiang","record":{}} trailing`,
		strings.Repeat("x", 3000),
	}
	var in strings.Builder
	var want []bool // true at garbage positions
	for i := 0; i < 500; i++ {
		if i%7 == 3 {
			in.WriteString(garbage[(i/7)%len(garbage)])
			want = append(want, true)
		} else {
			in.WriteString(valid)
			want = append(want, false)
		}
		if i%11 == 5 {
			in.WriteString("\r\n")
		} else {
			in.WriteString("\n")
		}
	}
	var out bytes.Buffer
	c := recognition.Checker{At: at, MaxLine: 2048, Workers: 4}
	sum, err := c.Run(context.Background(), strings.NewReader(in.String()), &out)
	require.NoError(t, err)
	lines := parseOut(t, out.Bytes())
	require.Len(t, lines, len(want))
	for i, l := range lines {
		assert.Equal(t, i+1, l.Line)
		assert.Equal(t, want[i], l.Outcome == "error", "line %d: %+v", i+1, l)
	}
	assert.Positive(t, sum.Errors["too-long"])
	assert.Positive(t, sum.Errors["blank"])
	assert.Positive(t, sum.Errors["syntax"])
	assert.Positive(t, sum.Errors["unknown-scheme"])
	assert.Positive(t, sum.Errors["no-scheme"])
	assert.Positive(t, sum.Errors["no-record"])
	assert.Positive(t, sum.Errors["decode"])
}

func TestCheckerEdges(t *testing.T) {
	run := func(in string) ([]outLine, recognition.Summary) {
		var out bytes.Buffer
		sum, err := (&recognition.Checker{At: at}).Run(context.Background(), strings.NewReader(in), &out)
		require.NoError(t, err)
		return parseOut(t, out.Bytes()), sum
	}
	lines, sum := run("")
	assert.Empty(t, lines)
	assert.Zero(t, sum.Lines)
	lines, _ = run("\n")
	require.Len(t, lines, 1, "one blank line")
	assert.Equal(t, "error", lines[0].Outcome)
	lines, _ = run("{}\n{}")
	require.Len(t, lines, 2, "a last line without newline counts")
	assert.Contains(t, *lines[0].Error, "scheme")
}

func TestCheckerMessagesInChinese(t *testing.T) {
	var out bytes.Buffer
	_, err := (&recognition.Checker{At: at}).Run(context.Background(), strings.NewReader("\n"+`{"scheme":"江西好礼","record":{}}`+"\n"), &out)
	require.NoError(t, err)
	lines := parseOut(t, out.Bytes())
	assert.Equal(t, "空行", *lines[0].Error)
	assert.Contains(t, *lines[1].Error, "未知的方案")
}

type failingWriter struct{ n int }

func (w *failingWriter) Write(p []byte) (int, error) {
	w.n += len(p)
	if w.n > 100 {
		return 0, errors.New("disk full")
	}
	return len(p), nil
}

type failingReader struct{ r io.Reader }

func (f failingReader) Read(p []byte) (int, error) {
	n, err := f.r.Read(p)
	if err == io.EOF {
		return n, errors.New("connection reset")
	}
	return n, err
}

func TestCheckerStopsCleanly(t *testing.T) {
	before := runtime.NumGoroutine()
	big := bytes.Repeat(append(bytes.TrimRight(sampleNDJSON(t), "\n"), '\n'), 50)

	_, err := (&recognition.Checker{At: at}).Run(context.Background(), bytes.NewReader(big), &failingWriter{})
	assert.ErrorContains(t, err, "disk full")

	_, err = (&recognition.Checker{At: at}).Run(context.Background(), failingReader{bytes.NewReader(big)}, io.Discard)
	assert.ErrorContains(t, err, "connection reset")

	ctx, cancel := context.WithCancel(context.Background())
	c := recognition.Checker{At: at, ProgressEvery: 100, Progress: func(recognition.Progress) { cancel() }}
	sum, err := c.Run(ctx, bytes.NewReader(big), io.Discard)
	assert.ErrorIs(t, err, context.Canceled)
	assert.Less(t, sum.Lines, bytes.Count(big, []byte("\n")))

	deadline := time.Now().Add(2 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	assert.LessOrEqual(t, runtime.NumGoroutine(), before, "no goroutine leaks")
}

func TestCheckerProgress(t *testing.T) {
	big := bytes.Repeat(sampleNDJSON(t), 10)
	var reports []recognition.Progress
	c := recognition.Checker{At: at, ProgressEvery: 500, Progress: func(p recognition.Progress) { reports = append(reports, p) }}
	sum, err := c.Run(context.Background(), bytes.NewReader(big), io.Discard)
	require.NoError(t, err)
	require.NotEmpty(t, reports)
	assert.GreaterOrEqual(t, reports[0].Lines, 500)
	assert.LessOrEqual(t, reports[len(reports)-1].Lines, sum.Lines)
	assert.Positive(t, reports[0].Rate())
}

// FuzzCheckerLine feeds one arbitrary line to the checker: it must give
// exactly one output line of valid JSON, and never panic.
func FuzzCheckerLine(f *testing.F) {
	for _, l := range strings.Split(string(sampleNDJSON(f)), "\n")[:30] {
		f.Add(l)
	}
	f.Add(`{"scheme":"untp","record":{"@context":[]}}`)
	c := recognition.Checker{At: at, Workers: 1}
	f.Fuzz(func(t *testing.T, line string) {
		if strings.ContainsAny(line, "\n") {
			return
		}
		var out bytes.Buffer
		sum, err := c.Run(context.Background(), strings.NewReader(line+"\n"), &out)
		if errors.Is(err, recognition.ErrNotUTF8) {
			// The first line with non-ASCII text is not UTF-8: the run
			// stops before it, with nothing written (documented).
			if sum.Lines != 0 || out.Len() != 0 || utf8.ValidString(strings.TrimPrefix(line, "\uFEFF")) {
				t.Fatalf("%q: EncodingError after %d lines: %q", line, sum.Lines, out.String())
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		if sum.Lines != 1 || bytes.Count(out.Bytes(), []byte("\n")) != 1 {
			t.Fatalf("%q gave %d lines: %q", line, sum.Lines, out.String())
		}
		var v map[string]any
		if err := json.Unmarshal(out.Bytes(), &v); err != nil {
			t.Fatalf("output for %q is not JSON: %v: %q", line, err, out.String())
		}
	})
}

// TestSummaryOfReusedBatchesCountsEachLineOnce checks the counts of a
// run long enough that its batches, and their counts, are reused many
// times: the bundled sample ten times over is counted ten times what the
// sample once is, by outcome, scheme, reason, agreement and error, with one
// worker and with two.
func TestSummaryOfReusedBatchesCountsEachLineOnce(t *testing.T) {
	sample := sampleNDJSON(t)
	once, err := (&recognition.Checker{At: at, Workers: 1}).Run(context.Background(), bytes.NewReader(sample), io.Discard)
	require.NoError(t, err)
	for _, workers := range []int{1, 2} {
		c := recognition.Checker{At: at, Workers: workers}
		sum, err := c.Run(context.Background(), bytes.NewReader(bytes.Repeat(sample, 10)), io.Discard)
		require.NoError(t, err)
		assert.Equal(t, 10*once.Lines, sum.Lines)
		for k, v := range once.Outcomes {
			assert.Equal(t, 10*v, sum.Outcomes[k], "outcome %v", k)
		}
		for k, v := range once.Schemes {
			assert.Equal(t, 10*v, sum.Schemes[k], "scheme %q", k)
		}
		for k, v := range once.Reasons {
			assert.Equal(t, 10*v, sum.Reasons[k], "reason %q", k)
		}
		for k, v := range once.Agreements {
			assert.Equal(t, 10*v, sum.Agreements[k], "agreement %v", k)
		}
		for k, v := range once.Errors {
			assert.Equal(t, 10*v, sum.Errors[k], "error %q", k)
		}
		// No key that the sample does not count (a stale one of a reused batch).
		assert.Len(t, sum.Outcomes, len(once.Outcomes))
		assert.Len(t, sum.Schemes, len(once.Schemes))
		assert.Len(t, sum.Reasons, len(once.Reasons))
		assert.Len(t, sum.Agreements, len(once.Agreements))
		assert.Len(t, sum.Errors, len(once.Errors))
	}
}

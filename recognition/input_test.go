package recognition_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/recognition"
	"github.com/jxgreen/jxgreen/standard"
)

// A partner record that cites an international or foreign standard is
// decoded and decided, with the standard unverified, never an error line.
// The records are synthetic; the standards they cite are real published
// ones (ISO 14064-1:2018, EN 71-3:2019, ISO/IEC 17065:2012).
func TestRecordCitingInternationalStandardIsDecided(t *testing.T) {
	t.Parallel()
	const rec = `{"scheme":"shenzhen","record":{"证书编号":"ZP-SYN-0901","企业名称":"合成样例企业901有限公司",` +
		`"统一社会信用代码":"91440300MA9000005Q","产品名称":"金溪蜜梨","执行标准":[%s],` +
		`"评价机构":"合成样例评价机构（深圳）","发证日期":"2025-01-10","有效期至":"2028-01-09","证书状态":"有效",` +
		`"备注":"合成样例，非真实证书（synthetic test record）"}}`
	for _, tc := range []struct {
		cites string
		kind  standard.Kind
	}{
		{`"ISO 14064-1:2018"`, standard.International},
		{`"ISO/IEC 17065:2012"`, standard.International},
		{`"EN 71-3:2019"`, standard.Foreign},
		{`"iso 14064-1：2018"`, standard.International},
		{`"BS EN 71-3:2019","DB12/ 617-2016"`, standard.Foreign},
		{`"EN 71-3:2019+A1:2021"`, standard.Foreign},
	} {
		line := []byte(fmt.Sprintf(rec, tc.cites))
		// The adapter decodes it, with the standard as its own kind.
		a, ok := recognition.Lookup("shenzhen")
		require.True(t, ok)
		_, native, ok := bytes.Cut(line, []byte(`"record":`))
		require.True(t, ok)
		r, err := a.Decode(native[:len(native)-1])
		require.NoError(t, err, tc.cites)
		require.NotEmpty(t, r.Standards)
		assert.Equal(t, tc.kind, r.Standards[0].Kind(), tc.cites)

		// The checker gives a decision, not an error line.
		var out bytes.Buffer
		c := recognition.Checker{At: at, Lang: language.English, Workers: 1}
		sum, err := c.Run(context.Background(), bytes.NewReader(append(line, '\n')), &out)
		require.NoError(t, err)
		lines := parseOut(t, out.Bytes())
		require.Len(t, lines, 1)
		assert.NotEqual(t, "error", lines[0].Outcome, "%s: %s", tc.cites, out.String())
		assert.Nil(t, lines[0].Error)
		assert.Equal(t, "ZP-SYN-0901", lines[0].Number)
		assert.Zero(t, sum.ErrorLines())
		assert.NotEqual(t, "recognized", lines[0].Outcome, "a foreign standard is not ours: %s", tc.cites)
		var codes []string
		for _, rs := range lines[0].Reasons {
			codes = append(codes, rs.Code)
		}
		assert.Contains(t, codes, "standard-unverified", tc.cites)
	}
}

// The Checker answers each line of a trickling input before the next one
// comes, and returns at once when cancelled while a read blocks.
func TestCheckerStreamsAndStopsWhileWaiting(t *testing.T) {
	t.Parallel()
	lines := bytes.SplitAfter(sampleNDJSON(t), []byte("\n"))[:3]
	inR, inW := io.Pipe()
	defer inW.Close()
	outR, outW := io.Pipe()
	ctx, cancel := context.WithCancel(context.Background())
	type result struct {
		sum recognition.Summary
		err error
	}
	res := make(chan result, 1)
	go func() {
		c := recognition.Checker{At: at, Workers: 2}
		sum, err := c.Run(ctx, inR, outW)
		outW.Close()
		res <- result{sum, err}
	}()
	br := bufio.NewReader(outR)
	for i, l := range lines {
		_, err := inW.Write(l)
		require.NoError(t, err)
		got := make(chan string, 1)
		go func() { s, _ := br.ReadString('\n'); got <- s }()
		select {
		case s := <-got:
			assert.Contains(t, s, fmt.Sprintf(`{"line":%d,`, i+1))
		case <-time.After(10 * time.Second):
			t.Fatalf("line %d not answered while the input waits", i+1)
		}
	}
	cancel()
	go io.Copy(io.Discard, br) //nolint:errcheck // drain
	select {
	case r := <-res:
		assert.ErrorIs(t, r.err, context.Canceled)
		assert.Equal(t, 3, r.sum.Lines, "the summary of what was done")
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not return when cancelled while a read blocked")
	}
}

type failAfter struct {
	r   io.Reader
	err error
}

func (f *failAfter) Read(p []byte) (int, error) {
	n, err := f.r.Read(p)
	if err == io.EOF {
		return n, f.err
	}
	return n, err
}

// A read error keeps every line read before it; non-UTF-8 input is one
// EncodingError; a byte order mark is skipped.
func TestCheckerInputFailures(t *testing.T) {
	t.Parallel()
	sample := sampleNDJSON(t)
	lines := bytes.SplitAfter(sample, []byte("\n"))
	three := bytes.Join(lines[:3], nil)
	broken := errors.New("broken pipe")
	run := func(in io.Reader) ([]fileLine, error) {
		var out bytes.Buffer
		_, err := (&recognition.Checker{At: at, Workers: 2, File: "in.ndjson"}).Run(context.Background(), in, &out)
		return parseOutFile(t, out.Bytes()), err
	}
	got, err := run(&failAfter{bytes.NewReader(append(three, `{"scheme":"ganchu","rec`...)), broken})
	assert.ErrorIs(t, err, broken)
	assert.Len(t, got, 3)

	gb, encErr := simplifiedchinese.GB18030.NewEncoder().Bytes(three)
	require.NoError(t, encErr)
	got, err = run(bytes.NewReader(append([]byte("\n"), gb...)))
	require.ErrorIs(t, err, recognition.ErrNotUTF8)
	var ee *recognition.EncodingError
	require.ErrorAs(t, err, &ee)
	assert.Equal(t, recognition.EncodingError{File: "in.ndjson", Line: 2, GB18030: true}, *ee)
	assert.Contains(t, ee.Localize(language.Chinese), "in.ndjson: 第 2 行不是 UTF-8 编码")
	assert.Contains(t, ee.Localize(language.English), "GB18030")
	assert.Len(t, got, 1, "the blank line before it is answered")

	got, err = run(bytes.NewReader(append([]byte("\uFEFF"), three...)))
	require.NoError(t, err)
	require.Len(t, got, 3)
	for i, l := range got {
		assert.Equal(t, "in.ndjson", l.File)
		assert.Equal(t, i+1, l.Line)
		assert.Nil(t, l.Error, "the mark is skipped, not a syntax error")
	}
}

// fileLine is an output line that carries "file".
type fileLine struct {
	outLine
	File string `json:"file"`
}

// parseOutFile reads output lines that carry "file".
func parseOutFile(t *testing.T, out []byte) []fileLine {
	t.Helper()
	var lines []fileLine
	for _, l := range bytes.Split(bytes.TrimSpace(out), []byte("\n")) {
		if len(l) == 0 {
			continue
		}
		var v fileLine
		require.NoError(t, json.Unmarshal(l, &v), "%s", l)
		lines = append(lines, v)
	}
	return lines
}

// Error lines echo what the input said, but the summary counts only known
// scheme ids: hostile lines cannot grow it.
func TestErrorLinesKeepSchemeButSummaryStaysBounded(t *testing.T) {
	t.Parallel()
	var in bytes.Buffer
	for i := range 1000 {
		fmt.Fprintf(&in, `{"scheme":"s%d","record":{"证书编号":"N-%d"}}`+"\n", i, i)  // unknown scheme
		fmt.Fprintf(&in, `{"scheme":"t%d","record":{"证书编号":"M-%d",}}`+"\n", i, i) // broken JSON
	}
	var out bytes.Buffer
	sum, err := (&recognition.Checker{At: at, Workers: 2}).Run(context.Background(), &in, &out)
	require.NoError(t, err)
	lines := parseOut(t, out.Bytes())
	require.Len(t, lines, 2000)
	assert.Equal(t, "s7", lines[14].Scheme)
	assert.Equal(t, "N-7", lines[14].Number)
	assert.Equal(t, "t7", lines[15].Scheme)
	assert.Equal(t, "M-7", lines[15].Number)
	assert.Equal(t, map[string]int{recognition.UnknownScheme: 1000, "": 1000}, sum.Schemes)
}

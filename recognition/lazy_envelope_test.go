package recognition

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"
)

// lazyLines are lines that try to make the lazy reading of the envelope
// (the record stepped over by its brackets) differ from the sure one:
// records that balance their brackets but are not JSON, with a key twice
// after them, escaped quotes and backslashes, mismatched brackets, deep
// nesting, a record that is not an object.
var lazyLines = []string{
	`{"scheme":"zhejiang","record":{"证书编号" "ZJ-SYN-1"}}`,
	`{"scheme":"zhejiang","record":{"证书编号":"ZJ-SYN-1",},"scheme":"zhejiang"}`,
	`{"record":{"a" "b"},"scheme":"zhejiang","scheme":"shenzhen"}`,
	`{"record":{"a":"\\\"}"},"scheme":"zhejiang"}`,
	`{"record":{"a":"\\"},"scheme":"zhejiang"}`,
	`{"record":[{]},"scheme":"zhejiang"}`,
	`{"record":{]],"scheme":"zhejiang"}`,
	`{"scheme":"untp","record":{"@context" []}}`,
	`{"scheme":"untp","record":{"a":1}}`,
	`{"scheme":"zhejiang","record":` + strings.Repeat("[", 70) + strings.Repeat("]", 70) + `}`,
	`{"scheme":"zhejiang","record":` + strings.Repeat(`{"a":`, 70) + `1` + strings.Repeat("}", 70) + `}`,
	`{"scheme":"zhejiang","record":"text"}`,
	`{"scheme":"zhejiang","record":null}`,
	`{"scheme":"zhejiang","record":{}} x`,
	`{"scheme":"zhejiang","record":{"x":{"y":1,"y":2}}}`,
	`{"scheme":"nobody","record":{"a" "b"}}`,
	// The record taken up to the line's last brace but one: members after
	// it, braces in strings after it, a record that is not closed.
	`{"scheme":"zhejiang","record":{"证书编号":"ZJ-SYN-1"},"x":{"y":"z"}}`,
	`{"scheme":"zhejiang","record":{"证书编号":"ZJ-SYN-1"} , "scheme":{}}`,
	`{"scheme":"zhejiang","record":{"a":"}"},"b":"{"}`,
	`{"scheme":"zhejiang","record":{"a":"b"},"record":{"a":"b"}}`,
	`{"scheme":"zhejiang","record":{}}`,
	`{"scheme":"zhejiang","record":{}`,
	`{"scheme":"zhejiang","record":{"a":{}} }` + "\t\r ",
	`{"scheme":"untp","record":{"a":"b"},"c":[{"d":{}}]}`,
	// Bytes that are not UTF-8, where the fast reading of a flat line
	// checks them: in a value of the record, in a key, in the scheme, in
	// another member, and a record that is fine but for that.
	"{\"scheme\":\"ganchu\",\"record\":{\"编号\":\"GCJP-SYN-0002\",\"企业名称\":\"合成样例企业2有限公司\",\"统一社会信用代码\":\"91360100MA9000002N\",\"产品名称\":\"赣南脐橙\",\"产品标准\":[\"Q/GCSYN 9001-2099\"],\"评定单位\":\"合成样例评定单位（江西）\",\"认定日期\":\"2025-01-10\",\"有效期至\":\"2028-01-09\",\"状态\":\"有效\",\"备注\":\"合成样例\xff\"}}",
	"{\"scheme\":\"ganchu\",\"record\":{\"编号\xe7\":\"GCJP-SYN-0002\"}}",
	"{\"scheme\":\"ganchu\xff\",\"record\":{\"编号\":\"GCJP-SYN-0002\"}}",
	"{\"x\":\"\xff\",\"scheme\":\"ganchu\",\"record\":{\"编号\":\"GCJP-SYN-0002\"}}",
	"{\"scheme\":\"ganchu\",\"record\":{\"产品标准\":[\"Q/GCSYN\xc0\xaf 9001-2099\"]}}",
}

// TestLazyEnvelopeGivesTheSureOutput checks the lazy reading of the
// common line against the sure reading of every envelope: the bundled
// sample and lines made to tell them apart give the same bytes either way.
func TestLazyEnvelopeGivesTheSureOutput(t *testing.T) {
	sample, err := os.ReadFile("../testdata/recognition/sample.ndjson")
	require.NoError(t, err)
	lines := append(strings.Split(strings.TrimSuffix(string(sample), "\n"), "\n"), lazyLines...)
	for _, l := range lines {
		assertLazyAgrees(t, l)
	}
	// The adapters are registered (by the package's external tests): the
	// lines were decided, not refused as of unknown schemes.
	w := worker{c: &Checker{}, at: time.Now(), lang: language.English, maxLine: defaultMaxLine}
	s := newSummary()
	for _, l := range lines {
		w.checkLine(nil, 1, []byte(l), &s)
	}
	decided := 0
	for _, n := range s.Outcomes {
		decided += n
	}
	assert.Greater(t, decided, 100)
	assert.Greater(t, s.Schemes["zhejiang"], 10)
}

// FuzzLazyEnvelope holds the lazy reading of the common line to the sure
// one on any line.
func FuzzLazyEnvelope(f *testing.F) {
	for _, l := range lazyLines {
		f.Add(l)
	}
	sample, err := os.ReadFile("../testdata/recognition/sample.ndjson")
	require.NoError(f, err)
	for _, l := range strings.Split(string(sample), "\n")[:20] {
		f.Add(l)
	}
	f.Fuzz(assertLazyAgrees)
}

func assertLazyAgrees(t *testing.T, line string) {
	if strings.Contains(line, "\n") {
		return
	}
	c := &Checker{}
	at := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	for _, lang := range []language.Tag{language.Chinese, language.English} {
		lazy := worker{c: c, at: at, lang: lang, maxLine: defaultMaxLine}
		sure := worker{c: c, at: at, lang: lang, maxLine: defaultMaxLine, strict: true}
		ls, ss := newSummary(), newSummary()
		got := lazy.checkLine(nil, 1, []byte(line), &ls)
		want := sure.checkLine(nil, 1, []byte(line), &ss)
		if !bytes.Equal(got, want) {
			t.Fatalf("%q: lazy %s, sure %s", line, got, want)
		}
		assert.Equal(t, ss, ls, "%q", line)
	}
}

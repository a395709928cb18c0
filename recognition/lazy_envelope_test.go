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

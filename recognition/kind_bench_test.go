package recognition

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/language"
)

// BenchmarkCheckLineByKind checks one line of each kind of the bundled
// sample again and again with one worker (its caches warm, as in a long
// batch): a valid flat record, a UNTP credential, a flat record that lacks
// a required field, one whose credit code breaks the schema's pattern, and
// a line that is not JSON. It tells where a batch's time goes by kind.
func BenchmarkCheckLineByKind(b *testing.B) {
	sample, err := os.ReadFile("../testdata/recognition/sample.ndjson")
	if err != nil {
		b.Fatal(err)
	}
	w := worker{c: &Checker{}, at: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), lang: language.English, maxLine: defaultMaxLine}
	kinds := []struct {
		name string
		is   func(line, out string) bool
	}{
		{"flat-valid", func(l, o string) bool {
			return strings.Contains(l, `"scheme":"zhejiang"`) && !strings.Contains(o, `"outcome":"error"`)
		}},
		{"untp-valid", func(l, o string) bool {
			return strings.Contains(l, `"scheme":"untp"`) && !strings.Contains(o, `"outcome":"error"`)
		}},
		{"flat-missing-field", func(_, o string) bool { return strings.Contains(o, "missing properties") }},
		{"flat-bad-pattern", func(_, o string) bool { return strings.Contains(o, "does not match pattern") }},
		{"not-json", func(_, o string) bool { return strings.Contains(o, "not a JSON object") }},
	}
	for _, k := range kinds {
		var line []byte
		for _, l := range bytes.Split(sample, []byte("\n")) {
			s := newSummary()
			if k.is(string(l), string(w.checkLine(nil, 1, l, &s))) {
				line = l
				break
			}
		}
		if line == nil {
			b.Fatalf("no %s line in the sample", k.name)
		}
		b.Run(k.name, func(b *testing.B) {
			s := newSummary()
			var out []byte
			b.ReportAllocs()
			for b.Loop() {
				out = w.checkLine(out[:0], 1, line, &s)
			}
		})
	}
}

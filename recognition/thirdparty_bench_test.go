package recognition_test

import (
	"encoding/json"
	"testing"
	"time"

	gojson "github.com/goccy/go-json"
)

// BenchmarkCheckerVsGoJSON is BenchmarkCheckerVsPlainDecode against a fast
// third-party decoder: github.com/goccy/go-json decoding each line into
// any, timed side by side with encoding/json and with the Checker (two
// workers) on the same streamed lines in every iteration. It reports each
// as a multiple of encoding/json's speed (x-plain: above 1 is faster).
// The decoder is imported by this test file only; the library does not
// link it.
func BenchmarkCheckerVsGoJSON(b *testing.B) {
	var plain, goj, two time.Duration
	b.ReportAllocs()
	for b.Loop() {
		t := time.Now()
		n := plainDecode(newLineSource(b, benchLines), json.Unmarshal)
		plain += time.Since(t)
		t = time.Now()
		ng := plainDecode(newLineSource(b, benchLines), gojson.Unmarshal)
		goj += time.Since(t)
		t = time.Now()
		n2 := checkStream(b, 2, newLineSource(b, benchLines))
		two += time.Since(t)
		if n != benchLines || ng != benchLines || n2 != benchLines {
			b.Fatalf("lines: encoding/json %d, go-json %d, checker %d, want %d", n, ng, n2, benchLines)
		}
	}
	b.ReportMetric(plain.Seconds()/goj.Seconds(), "go-json-x-plain")
	b.ReportMetric(plain.Seconds()/two.Seconds(), "checker-2w-x-plain")
	b.ReportMetric(goj.Seconds()/two.Seconds(), "checker-2w-x-go-json")
}

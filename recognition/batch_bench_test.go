package recognition_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"runtime"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jxgreen/jxgreen/recognition"
)

// generated is the bundled sample repeated to at least n lines.
func generated(tb testing.TB, n int) []byte {
	sample := sampleNDJSON(tb)
	var b bytes.Buffer
	for lines := 0; lines < n; lines += bytes.Count(sample, []byte("\n")) {
		b.Write(sample)
	}
	return b.Bytes()
}

// BenchmarkCheckerVsPlainDecode feeds the same 100,000-line NDJSON to a
// plain encoding/json decode of each line into any, and to the Checker
// (all cores), in the same run; the checker's sub-benchmark reports its
// time as a multiple of the plain decode's (x-plain: below 1 is faster).
func BenchmarkCheckerVsPlainDecode(b *testing.B) {
	in := generated(b, 100_000)
	lines := bytes.Count(in, []byte("\n"))
	var plainNs float64
	b.Run("plain-json-decode", func(b *testing.B) {
		b.SetBytes(int64(len(in)))
		b.ReportAllocs()
		for b.Loop() {
			sc := bufio.NewScanner(bytes.NewReader(in))
			sc.Buffer(make([]byte, 64<<10), 1<<20)
			for sc.Scan() {
				var v any
				_ = json.Unmarshal(sc.Bytes(), &v) // errors are part of the work too
			}
		}
		plainNs = float64(b.Elapsed().Nanoseconds()) / float64(b.N)
		b.ReportMetric(float64(lines)*float64(b.N)/b.Elapsed().Seconds(), "lines/s")
	})
	b.Run("checker", func(b *testing.B) {
		b.SetBytes(int64(len(in)))
		b.ReportAllocs()
		c := recognition.Checker{At: at}
		for b.Loop() {
			if _, err := c.Run(context.Background(), bytes.NewReader(in), io.Discard); err != nil {
				b.Fatal(err)
			}
		}
		ns := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
		b.ReportMetric(float64(lines)*float64(b.N)/b.Elapsed().Seconds(), "lines/s")
		if plainNs > 0 {
			b.ReportMetric(ns/plainNs, "x-plain")
		}
	})
}

// lineSource produces n NDJSON lines by cycling through a sample, without
// holding them: the input of a memory test must not be in memory itself.
type lineSource struct {
	sample [][]byte
	n, i   int
	cur    []byte
}

func newLineSource(tb testing.TB, n int) *lineSource {
	var lines [][]byte
	for _, l := range bytes.SplitAfter(sampleNDJSON(tb), []byte("\n")) {
		if len(l) > 0 {
			lines = append(lines, l)
		}
	}
	return &lineSource{sample: lines, n: n}
}

func (s *lineSource) Read(p []byte) (int, error) {
	w := 0
	for w < len(p) {
		if len(s.cur) == 0 {
			if s.i == s.n {
				if w == 0 {
					return 0, io.EOF
				}
				break
			}
			s.cur = s.sample[s.i%len(s.sample)]
			s.i++
		}
		k := copy(p[w:], s.cur)
		s.cur = s.cur[k:]
		w += k
	}
	return w, nil
}

// retainedHeap checks n streamed lines and returns the largest heap the
// run retains: at checkpoints through the run it collects garbage and reads
// what is left. (A heap sampled without collecting also holds garbage not
// yet collected, which depends on when the collector ran rather than on
// what the code keeps.)
func retainedHeap(tb testing.TB, n int) uint64 {
	runtime.GC()
	var peak uint64
	measure := func() {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		peak = max(peak, m.HeapAlloc)
	}
	c := recognition.Checker{At: at, ProgressEvery: max(n/20, 500), Progress: func(recognition.Progress) { measure() }}
	sum, err := c.Run(context.Background(), newLineSource(tb, n), io.Discard)
	require.NoError(tb, err)
	require.Equal(tb, n, sum.Lines)
	return peak
}

// TestCheckerMemoryIsBounded checks that the retained heap does not grow
// with the input: ten times more lines may differ by no more than the
// batches a run keeps in flight (4 per worker, each at most 256 KiB of
// input and its output, more or fewer of them at a given moment) and a
// mebibyte of slack.
func TestCheckerMemoryIsBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("streams 330,000 lines")
	}
	small := retainedHeap(t, 30_000)
	large := retainedHeap(t, 300_000)
	t.Logf("retained heap: 30,000 lines %.1f MiB, 300,000 lines %.1f MiB", float64(small)/(1<<20), float64(large)/(1<<20))
	// A leak of even 100 bytes a line would add 27 MiB.
	inflight := runtime.GOMAXPROCS(0) * 4 * 2 * 256 << 10
	assert.Less(t, float64(large), float64(small)+float64(inflight)+1<<20)
}

// BenchmarkCheckerMemory reports the largest heap retained while 10,000
// and 1,000,000 lines stream through the Checker.
func BenchmarkCheckerMemory(b *testing.B) {
	for _, n := range []int{10_000, 1_000_000} {
		b.Run(strconv.Itoa(n)+"-lines", func(b *testing.B) {
			var peak uint64
			for b.Loop() {
				peak = max(peak, retainedHeap(b, n))
			}
			b.ReportMetric(float64(peak)/(1<<20), "retained-heap-MiB")
		})
	}
}

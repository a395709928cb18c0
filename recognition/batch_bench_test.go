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
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jxgreen/jxgreen/recognition"
	"github.com/jxgreen/jxgreen/recognition/internal/cputime"
)

// benchLines is the size of the speed benchmarks' input.
const benchLines = 100_000

// plainDecode decodes each line of in with encoding/json into any, as a
// program that only reads the input would: the yardstick of the speed
// goals.
func plainDecode(in io.Reader, unmarshal func([]byte, any) error) int {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	n := 0
	for sc.Scan() {
		var v any
		_ = unmarshal(sc.Bytes(), &v) // errors are part of the work too
		n++
	}
	return n
}

// checkStream runs a Checker with the given workers over the streamed
// input, writing to io.Discard.
func checkStream(tb testing.TB, workers int, in io.Reader) int {
	c := recognition.Checker{At: at, Workers: workers}
	sum, err := c.Run(context.Background(), in, io.Discard)
	if err != nil {
		tb.Fatal(err)
	}
	return sum.Lines
}

// BenchmarkCheckerVsPlainDecode times, in every iteration and side by
// side, a plain encoding/json decode of each of 100,000 lines into any
// and the Checker with one and with two workers on the same lines (the
// bundled sample, cycled: its valid, conditional, rejected, UNTP and
// broken lines in their proportions). The input is streamed, not held: a
// benchmark holding 40 MB of input has a live heap that makes the garbage
// collector run a few times where the tool runs it dozens of times, which
// flatters whoever allocates more. It reports how many times faster the
// Checker is than the plain decode (x-plain-1w, x-plain-2w: above 1 is
// faster), each over the sum of all iterations, the lines per second of
// each, the allocations and bytes allocated per line of the plain decode
// and of the Checker (one worker), and, where the system reports it, the CPU time per line of
// each (on a machine shared with other work the wall clock counts their
// time too).
func BenchmarkCheckerVsPlainDecode(b *testing.B) {
	var plain, one, two time.Duration
	var plainAllocs, checkerAllocs, plainBytes, checkerBytes uint64
	var plainCPU, oneCPU, twoCPU time.Duration
	mallocs := func() (objects, bytes uint64) {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.Mallocs, m.TotalAlloc
	}
	b.ReportAllocs()
	for b.Loop() {
		m, mb := mallocs()
		c := cputime.Used()
		t := time.Now()
		n := plainDecode(newLineSource(b, benchLines), json.Unmarshal)
		plain += time.Since(t)
		m2, mb2 := mallocs()
		plainAllocs, plainBytes, plainCPU = plainAllocs+m2-m, plainBytes+mb2-mb, plainCPU+cputime.Used()-c
		m, mb = mallocs()
		c = cputime.Used()
		t = time.Now()
		n1 := checkStream(b, 1, newLineSource(b, benchLines))
		one += time.Since(t)
		m2, mb2 = mallocs()
		checkerAllocs, checkerBytes, oneCPU = checkerAllocs+m2-m, checkerBytes+mb2-mb, oneCPU+cputime.Used()-c
		c = cputime.Used()
		t = time.Now()
		n2 := checkStream(b, 2, newLineSource(b, benchLines))
		two += time.Since(t)
		twoCPU += cputime.Used() - c
		if n != benchLines || n1 != benchLines || n2 != benchLines {
			b.Fatalf("lines: plain %d, checker %d and %d, want %d", n, n1, n2, benchLines)
		}
	}
	lines := float64(benchLines * b.N)
	b.ReportMetric(lines/plain.Seconds(), "plain-lines/s")
	b.ReportMetric(lines/one.Seconds(), "1w-lines/s")
	b.ReportMetric(lines/two.Seconds(), "2w-lines/s")
	b.ReportMetric(plain.Seconds()/one.Seconds(), "x-plain-1w")
	b.ReportMetric(plain.Seconds()/two.Seconds(), "x-plain-2w")
	b.ReportMetric(float64(plainAllocs)/lines, "plain-allocs/line")
	b.ReportMetric(float64(checkerAllocs)/lines, "checker-allocs/line")
	b.ReportMetric(float64(plainBytes)/lines, "plain-B/line")
	b.ReportMetric(float64(checkerBytes)/lines, "checker-B/line")
	if plainCPU > 0 {
		// CPU time per line of each (the two workers' added together), and
		// the ratio of CPU times: what the check costs on a machine shared
		// with other work.
		b.ReportMetric(float64(plainCPU.Nanoseconds())/lines, "plain-cpu-ns/line")
		b.ReportMetric(float64(oneCPU.Nanoseconds())/lines, "1w-cpu-ns/line")
		b.ReportMetric(float64(twoCPU.Nanoseconds())/lines, "2w-cpu-ns/line")
		b.ReportMetric(plainCPU.Seconds()/oneCPU.Seconds(), "cpu-x-plain-1w")
	}
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

package sheet

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/jxgreen/jxgreen/recognition"
	"github.com/jxgreen/jxgreen/recognition/internal/cputime"
)

// benchRecords makes n records of a scheme from its valid synthetic
// samples, each with its own number.
func benchRecords(t testing.TB, scheme string, n int) ([]map[string]any, []string) {
	var base []map[string]any
	for _, name := range samples(t, scheme) {
		base = append(base, sample(t, scheme, name))
	}
	cols := header(base)
	numberKey := "证书编号"
	recs := make([]map[string]any, n)
	for i := range recs {
		r := map[string]any{}
		for k, v := range base[i%len(base)] {
			r[k] = v
		}
		if _, ok := r[numberKey]; ok {
			r[numberKey] = fmt.Sprintf("SYN-%07d", i)
		}
		recs[i] = r
	}
	return recs, cols
}

// BenchmarkCSVVsNDJSON checks the same records as NDJSON and as CSV, both
// to NDJSON output, in the same run, and reports the throughput of each
// and their ratio (csv/ndjson; the goal is at least 0.8).
func BenchmarkCSVVsNDJSON(b *testing.B) {
	const n = 20_000
	recs, cols := benchRecords(b, "jiangsu", n)
	nd := ndjsonOf(b, "jiangsu", recs)
	cs := csvBytes(b, table(recs, cols))
	c := checker("en")
	var tND, tCSV, cND, cCSV time.Duration
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		// Alternate the order, so that neither always runs on a warmer
		// heap.
		runs := []func(){
			func() {
				start, cpu := time.Now(), cputime.Used()
				_, err := (&Converter{Checker: c}).Run(context.Background(), strings.NewReader(string(nd)), io.Discard)
				require.NoError(b, err)
				tND += time.Since(start)
				cND += cputime.Used() - cpu
			},
			func() {
				start, cpu := time.Now(), cputime.Used()
				_, err := (&Converter{Checker: c, In: CSV, Scheme: "jiangsu"}).Run(context.Background(), strings.NewReader(string(cs)), io.Discard)
				require.NoError(b, err)
				tCSV += time.Since(start)
				cCSV += cputime.Used() - cpu
			},
		}
		runs[i%2]()
		runs[1-i%2]()
	}
	rows := float64(n * b.N)
	b.ReportMetric(rows/tND.Seconds(), "ndjson-rows/s")
	b.ReportMetric(rows/tCSV.Seconds(), "csv-rows/s")
	b.ReportMetric(tND.Seconds()/tCSV.Seconds(), "csv/ndjson")
	// The same ratio in CPU time, which the load of a shared machine
	// disturbs less than the wall clock.
	b.ReportMetric(cND.Seconds()/cCSV.Seconds(), "csv/ndjson-cpu")
}

// BenchmarkCSVToCSV is the CSV path with CSV output (the output lines are
// parsed to fill the result columns).
func BenchmarkCSVToCSV(b *testing.B) {
	const n = 20_000
	recs, cols := benchRecords(b, "jiangsu", n)
	cs := csvBytes(b, table(recs, cols))
	c := checker("en")
	b.ReportAllocs()
	for b.Loop() {
		_, err := (&Converter{Checker: c, In: CSV, Out: CSV, Scheme: "jiangsu"}).Run(context.Background(), strings.NewReader(string(cs)), io.Discard)
		require.NoError(b, err)
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "rows/s")
}

// writeBigXLSX writes n rows of 圳品 records with excelize's StreamWriter
// (dates as Excel dates) and returns the file's name.
func writeBigXLSX(t testing.TB, dir string, n int) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	style, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	require.NoError(t, err)
	sw, err := f.NewStreamWriter("Sheet1")
	require.NoError(t, err)
	require.NoError(t, sw.SetRow("A1", shenzhenCols))
	issued := excelize.Cell{StyleID: style, Value: time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)}
	expires := excelize.Cell{StyleID: style, Value: time.Date(2028, 2, 28, 0, 0, 0, 0, time.UTC)}
	for i := range n {
		ref, _ := excelize.CoordinatesToCellName(1, i+2)
		require.NoError(t, sw.SetRow(ref, shenzhenRow(fmt.Sprintf("SZ-SYN-%07d", i), validCode, issued, expires)))
	}
	require.NoError(t, sw.Flush())
	name := filepath.Join(dir, fmt.Sprintf("list-%d.xlsx", n))
	require.NoError(t, f.SaveAs(name))
	return name
}

// peakHeap runs fn and returns the largest live heap seen while it ran:
// every 50 ms a garbage collection, then the heap it found live. (The
// heap between collections holds garbage too, as much as GOGC lets it, and
// a collection slowed by a loaded machine counts what was allocated
// during it as live: neither is what the run keeps.)
func peakHeap(fn func()) uint64 {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	var peak uint64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(50 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
			}
			runtime.GC()
			metrics.Read(sample)
			peak = max(peak, sample[0].Value.Uint64())
		}
	}()
	fn()
	close(stop)
	<-done
	return peak
}

// TestXLSXStreamsWithMemoryThatDoesNotGrowWithRows: while 100,000 rows of
// XLSX are checked, the live heap after a garbage collection at every
// 5,000 rows does not grow from the first rows to the last; and the peak
// for 100,000 rows is nowhere near 10 times that for 10,000 (the files are
// made by the test, in a temporary folder).
func TestXLSXStreamsWithMemoryThatDoesNotGrowWithRows(t *testing.T) {
	if testing.Short() {
		t.Skip("writes and reads a 100,000-row workbook")
	}
	dir := t.TempDir()
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	peaks := map[int]uint64{}
	var atRows []uint64
	for _, n := range []int{10_000, 100_000} {
		name := writeBigXLSX(t, dir, n)
		c := checker("en")
		c.ProgressEvery = 5_000
		c.Progress = func(recognition.Progress) {
			runtime.GC()
			metrics.Read(live)
			if n == 100_000 {
				atRows = append(atRows, live[0].Value.Uint64())
			}
		}
		var rows int
		peaks[n] = peakHeap(func() {
			f, err := os.Open(name)
			require.NoError(t, err)
			defer f.Close()
			sum, err := (&Converter{Checker: c, In: XLSX, Scheme: "shenzhen"}).Run(context.Background(), f, io.Discard)
			require.NoError(t, err)
			rows = sum.Lines
		})
		require.Equal(t, n, rows)
		t.Logf("%d rows: peak live heap %.1f MB", n, float64(peaks[n])/(1<<20))
	}
	require.GreaterOrEqual(t, len(atRows), 15, "a sample every 5,000 rows or so")
	mb := func(v uint64) string { return fmt.Sprintf("%.1f MB", float64(v)/(1<<20)) }
	t.Logf("live heap after a GC every 5,000 rows: %s at the first, %s at the last, %s at most",
		mb(atRows[0]), mb(atRows[len(atRows)-1]), mb(slices.Max(atRows)))
	// What a run keeps fluctuates with the batches in flight (more of them
	// wait when the machine is loaded), so the medians of the first and
	// the last samples are compared; holding the rows would add some 650
	// bytes of XML a row, 60 MB between them.
	median := func(v []uint64) uint64 {
		v = slices.Clone(v)
		slices.Sort(v)
		return v[len(v)/2]
	}
	first, last := median(atRows[:5]), median(atRows[len(atRows)-5:])
	assert.Less(t, float64(last), 1.5*float64(first)+4<<20, "first rows %s, last rows %s", mb(first), mb(last))
	assert.Less(t, slices.Max(atRows), uint64(32<<20), "at most %s", mb(slices.Max(atRows)))
	assert.Less(t, float64(peaks[100_000]), 4*float64(peaks[10_000]), "10k rows: %s, 100k rows: %s", mb(peaks[10_000]), mb(peaks[100_000]))
}

// BenchmarkXLSXIn checks 20,000 rows of XLSX (made with excelize's
// StreamWriter, dates as Excel dates), to NDJSON and to an XLSX report.
func BenchmarkXLSXIn(b *testing.B) {
	const n = 20_000
	name := writeBigXLSX(b, b.TempDir(), n)
	for _, out := range []Format{NDJSON, XLSX} {
		b.Run("to-"+out.String(), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				f, err := os.Open(name)
				require.NoError(b, err)
				_, err = (&Converter{Checker: checker("en"), In: XLSX, Out: out, Scheme: "shenzhen"}).Run(context.Background(), f, io.Discard)
				require.NoError(b, err)
				f.Close()
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "rows/s")
		})
	}
}

package sqlstore

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/certification/certtest"
)

// The 1,000,000-certificate benchmarks run only with -bench. Each database
// is built once per run, by BenchmarkImport1M or by the first lookup
// benchmark that needs it, and removed when the run ends.
const million = 1_000_000

// benchCleanup runs when the test binary ends (see TestMain).
var (
	benchMu      sync.Mutex
	benchCleanup []func()
	benchStores  = map[string]*Store{}
	benchReg     *certification.Registry
	benchRegOnce sync.Once
)

func atExit(f func()) { benchMu.Lock(); benchCleanup = append(benchCleanup, f); benchMu.Unlock() }

func runCleanup() {
	for i := len(benchCleanup) - 1; i >= 0; i-- {
		benchCleanup[i]()
	}
}

// generate writes n synthetic certificates as NDJSON, without holding
// them: the import reads a stream.
func generate(n int) io.Reader {
	pr, pw := io.Pipe()
	go func() {
		w := bufio.NewWriterSize(pw, 64<<10)
		enc := json.NewEncoder(w)
		for i := range n {
			if err := enc.Encode(certtest.Certificate(i)); err != nil {
				pw.CloseWithError(err)
				return
			}
		}
		pw.CloseWithError(w.Flush())
	}()
	return pr
}

// newBenchStore returns an empty store of the kind ("sqlite", "postgres")
// that lives until the run ends.
func newBenchStore(b *testing.B, kind string) *Store {
	ctx := context.Background()
	switch kind {
	case "sqlite":
		dir, err := os.MkdirTemp("", "sqlstore-bench")
		if err != nil {
			b.Fatal(err)
		}
		atExit(func() { os.RemoveAll(dir) })
		s, err := OpenFile(ctx, filepath.Join(dir, "million.db"))
		if err != nil {
			b.Fatal(err)
		}
		atExit(func() { s.Close() })
		return s
	default:
		dsn := pgDSN(b)
		admin, err := sql.Open("pgx", dsn)
		if err != nil {
			b.Fatal(err)
		}
		schema := fmt.Sprintf("jxgreen_bench_%d_%d", os.Getpid(), schemas.Add(1))
		if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
			b.Fatal(err)
		}
		atExit(func() { admin.Exec("DROP SCHEMA " + schema + " CASCADE"); admin.Close() })
		s, err := OpenPostgres(ctx, withSearchPath(dsn, schema))
		if err != nil {
			b.Fatal(err)
		}
		atExit(func() { s.Close() })
		return s
	}
}

// importMillion imports 1,000,000 certificates into s and reports the
// time it took and the peak heap in use meanwhile.
func importMillion(b *testing.B, s *Store) {
	runtime.GC()
	var peak uint64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			peak = max(peak, m.HeapInuse)
			select {
			case <-stop:
				return
			case <-time.After(50 * time.Millisecond):
			}
		}
	})
	start := time.Now()
	res, err := s.Import(context.Background(), generate(million), ImportOptions{})
	took := time.Since(start)
	close(stop)
	wg.Wait()
	if err != nil {
		b.Fatal(err)
	}
	if res.Added != million {
		b.Fatalf("imported %d", res.Added)
	}
	b.ReportMetric(took.Seconds(), "import-s")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
	b.Logf("%s: imported %d certificates in %s, peak heap in use %.1f MiB", s.d.name, million, took.Round(time.Millisecond), float64(peak)/(1<<20))
}

func millionStore(b *testing.B, kind string) *Store {
	benchMu.Lock()
	s, ok := benchStores[kind]
	benchMu.Unlock()
	if ok {
		return s
	}
	s = newBenchStore(b, kind)
	importMillion(b, s)
	benchMu.Lock()
	benchStores[kind] = s
	benchMu.Unlock()
	return s
}

// BenchmarkImport1M imports 1,000,000 certificates (streamed, one
// transaction) into an empty store; the store is kept for the lookups.
func BenchmarkImport1M(b *testing.B) {
	for _, kind := range []string{"sqlite", "postgres"} {
		b.Run(kind, func(b *testing.B) {
			for b.Loop() {
				s := newBenchStore(b, kind)
				importMillion(b, s)
				benchMu.Lock()
				benchStores[kind] = s
				benchMu.Unlock()
			}
		})
	}
}

func lookupNumbers() []string {
	numbers := make([]string, 1024)
	for i := range numbers {
		numbers[i] = certtest.Certificate((i * 977) % million).Number
	}
	return numbers
}

// BenchmarkLookup1M looks certificates up by number among 1,000,000: the
// in-memory Registry, SQLite and PostgreSQL in the same run.
func BenchmarkLookup1M(b *testing.B) {
	numbers := lookupNumbers()
	b.Run("registry", func(b *testing.B) {
		benchRegOnce.Do(func() {
			benchReg = certification.NewRegistry()
			for i := range million {
				if err := benchReg.Add(certtest.Certificate(i)); err != nil {
					b.Fatal(err)
				}
			}
		})
		lookups(b, benchReg, numbers)
	})
	for _, kind := range []string{"sqlite", "postgres"} {
		b.Run(kind, func(b *testing.B) { lookups(b, millionStore(b, kind), numbers) })
	}
}

func lookups(b *testing.B, l certification.Lookup, numbers []string) {
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, ok := l.Certificate(numbers[i&1023]); !ok {
			b.Fatal("missing")
		}
		i++
	}
}

package sqlstore

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jxgreen/jxgreen/certification/certtest"
)

// The test binary re-executed with JXGREEN_SQLSTORE_CHILD set is a child
// process that writes to a store: the usual Go pattern for tests that
// need a second process.
func TestMain(m *testing.M) {
	if mode := os.Getenv("JXGREEN_SQLSTORE_CHILD"); mode != "" {
		if err := child(mode); err != nil {
			fmt.Fprintln(os.Stderr, "child:", err)
			os.Exit(3)
		}
		os.Exit(0)
	}
	code := m.Run()
	runCleanup()
	os.Exit(code)
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

// child writes to the SQLite file JXGREEN_DB: in mode "steps" it applies
// JXGREEN_EACH surveillance steps as writer JXGREEN_WRITER to each of the
// first JXGREEN_CERTS synthetic certificates; in mode "burst" it imports
// JXGREEN_FILE, then applies steps until it is killed. After each commit it
// prints what it committed: the parent holds it to that.
func child(mode string) error {
	ctx := context.Background()
	s, err := OpenFile(ctx, os.Getenv("JXGREEN_DB"))
	if err != nil {
		return err
	}
	defer s.Close()
	w, certs, each := atoi(os.Getenv("JXGREEN_WRITER")), atoi(os.Getenv("JXGREEN_CERTS")), atoi(os.Getenv("JXGREEN_EACH"))
	if mode == "burst" {
		f, err := os.Open(os.Getenv("JXGREEN_FILE"))
		if err != nil {
			return err
		}
		res, err := s.Import(ctx, f, ImportOptions{})
		f.Close()
		if err != nil {
			return err
		}
		fmt.Printf("imported %d\n", res.Added)
		each = 1 << 30
	}
	for i := 0; i < each; i++ {
		for n := range certs {
			if err := s.UpdateContext(ctx, certtest.Certificate(n).Number, certtest.Surveillance(w, i)); err != nil {
				return err
			}
			fmt.Printf("ok %d %d\n", n, i)
		}
	}
	return nil
}

func childCmd(t *testing.T, mode string, env ...string) *exec.Cmd {
	exe, err := os.Executable()
	require.NoError(t, err)
	cmd := exec.Command(exe, "-test.run=^$")
	cmd.Env = append(os.Environ(), append([]string{"JXGREEN_SQLSTORE_CHILD=" + mode}, env...)...)
	return cmd
}

func TestTwoProcessesOnOneSQLiteFile(t *testing.T) {
	const certs, each = 3, 25
	path := filepath.Join(t.TempDir(), "shared.db")
	s, err := OpenFile(context.Background(), path)
	require.NoError(t, err)
	defer s.Close()
	for n := range certs {
		require.NoError(t, s.Add(certtest.Certificate(n)))
	}
	var wg sync.WaitGroup
	for w := range 2 {
		cmd := childCmd(t, "steps", "JXGREEN_DB="+path, fmt.Sprint("JXGREEN_WRITER=", w), fmt.Sprint("JXGREEN_CERTS=", certs), fmt.Sprint("JXGREEN_EACH=", each))
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		require.NoError(t, cmd.Start())
		wg.Go(func() {
			if err := cmd.Wait(); err != nil {
				t.Errorf("writer %d: %v: %s", w, err, stderr.String())
			}
		})
	}
	// This process writes too, as writer 2, and reads.
	for i := range each {
		for n := range certs {
			require.NoError(t, s.Update(certtest.Certificate(n).Number, certtest.Surveillance(2, i)))
		}
	}
	wg.Wait()
	for n := range certs {
		c, ok := s.Certificate(certtest.Certificate(n).Number)
		require.True(t, ok)
		certtest.CheckSteps(t, c, 3, each)
	}
	checkConsistent(t, s)
}

func TestTwoConnectionsOnPostgres(t *testing.T) {
	const certs, each = 3, 15
	dsn := newSchema(t)
	ctx := context.Background()
	var stores [2]*Store
	for i := range stores {
		s, err := OpenPostgres(ctx, dsn)
		require.NoError(t, err)
		defer s.Close()
		stores[i] = s
	}
	for n := range certs {
		require.NoError(t, stores[0].Add(certtest.Certificate(n)))
	}
	var wg sync.WaitGroup
	for w := range 4 {
		s := stores[w%2]
		wg.Go(func() {
			for i := range each {
				for n := range certs {
					if err := s.Update(certtest.Certificate(n).Number, certtest.Surveillance(w, i)); err != nil {
						t.Error(err)
						return
					}
				}
			}
		})
	}
	wg.Wait()
	for n := range certs {
		c, ok := stores[1].Certificate(certtest.Certificate(n).Number)
		require.True(t, ok)
		certtest.CheckSteps(t, c, 4, each)
	}
	checkConsistent(t, stores[0])
}

// checkConsistent checks every stored certificate: it decodes, its columns
// agree with it, its history is in order, and the feed has one added
// change for it and one stepped change per later event.
func checkConsistent(t *testing.T, s *Store) {
	t.Helper()
	ctx := context.Background()
	rows, err := s.db.QueryContext(ctx, `SELECT number_key, events, doc FROM jxgreen_certificates`)
	require.NoError(t, err)
	type counts struct{ events, added, stepped int }
	want := map[string]counts{}
	for rows.Next() {
		var key string
		var events int
		var doc []byte
		require.NoError(t, rows.Scan(&key, &events, &doc))
		c, err := decodeDoc(doc)
		require.NoError(t, err)
		k, ok := foldKey(c.Number)
		assert.True(t, ok)
		assert.Equal(t, k, key)
		assert.Equal(t, len(c.History), events, c.Number)
		for i := 1; i < len(c.History); i++ {
			assert.False(t, c.History[i].At.Before(c.History[i-1].At), "%s history in order", c.Number)
		}
		want[c.Number] = counts{events: len(c.History)}
	}
	require.NoError(t, rows.Err())
	rows.Close()
	feed, err := s.Changes(ctx, 0, 1<<30)
	require.NoError(t, err)
	for i, ch := range feed {
		require.Equal(t, int64(i+1), ch.Seq, "the feed has no gap")
		c := want[ch.Number]
		switch ch.Kind {
		case Added:
			c.added++
		case Stepped:
			c.stepped++
		}
		want[ch.Number] = c
	}
	var last int64
	require.NoError(t, s.db.QueryRow(`SELECT n FROM jxgreen_counter WHERE name = 'changes'`).Scan(&last))
	assert.Equal(t, int64(len(feed)), last, "the counter is the last change")
	for number, c := range want {
		assert.Equal(t, 1, c.added, "%s added once", number)
		assert.Equal(t, c.events-1, c.stepped, "%s: one change per step", number)
	}
}

// killRuns is how many times the kill test runs: JXGREEN_KILL_RUNS, or 3
// with -short, 5 otherwise.
func killRuns(t *testing.T) int {
	if n := atoi(os.Getenv("JXGREEN_KILL_RUNS")); n > 0 {
		return n
	}
	if testing.Short() {
		return 3
	}
	return 5
}

func TestSIGKILLLosesNothingCommitted(t *testing.T) {
	const certs = 4
	imported := 20_000 // long enough to be killed in the middle
	if testing.Short() {
		imported = 3_000 // -short, and -race in CI
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "import.ndjson")
	{
		var b bytes.Buffer
		for i := range imported {
			line, err := json.Marshal(certtest.Certificate(10_000 + i))
			require.NoError(t, err)
			b.Write(line)
			b.WriteByte('\n')
		}
		require.NoError(t, os.WriteFile(file, b.Bytes(), 0o644))
	}
	runs := killRuns(t)
	sawImport, sawKillInImport := 0, 0
	for run := range runs {
		path := filepath.Join(dir, fmt.Sprintf("run%d.db", run))
		s, err := OpenFile(context.Background(), path)
		require.NoError(t, err)
		for n := range certs {
			require.NoError(t, s.Add(certtest.Certificate(n)))
		}
		require.NoError(t, s.Close())

		cmd := childCmd(t, "burst", "JXGREEN_DB="+path, "JXGREEN_FILE="+file, "JXGREEN_WRITER=0", fmt.Sprint("JXGREEN_CERTS=", certs))
		out, err := cmd.StdoutPipe()
		require.NoError(t, err)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		require.NoError(t, cmd.Start())
		acked := make(chan []string)
		importDone := make(chan struct{})
		go func() {
			var lines []string
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				lines = append(lines, sc.Text())
				if len(lines) == 1 && strings.HasPrefix(lines[0], "imported") {
					close(importDone)
				}
			}
			acked <- lines
		}()
		// Even runs kill at a random point of the import, odd runs at a
		// random point of the burst of updates that follows it.
		if run%2 == 0 {
			time.Sleep(time.Duration(rand.Int64N(int64(1500 * time.Millisecond))))
		} else {
			select {
			case <-importDone:
			case <-time.After(2 * time.Minute):
				t.Fatal("the child did not finish its import")
			}
			time.Sleep(time.Duration(rand.Int64N(int64(500 * time.Millisecond))))
		}
		require.NoError(t, cmd.Process.Signal(syscall.SIGKILL))
		lines := <-acked
		err = cmd.Wait()
		require.Error(t, err, "the child was killed, not finished: %s", stderr.String())
		assert.Empty(t, stderr.String())

		s, err = OpenFile(context.Background(), path)
		require.NoError(t, err, "run %d: the store reopens", run)
		var check string
		require.NoError(t, s.db.QueryRow(`PRAGMA integrity_check`).Scan(&check))
		assert.Equal(t, "ok", check)
		n, err := s.Len(context.Background())
		require.NoError(t, err)
		ackedImport := len(lines) > 0 && strings.HasPrefix(lines[0], "imported")
		if ackedImport {
			sawImport++
			assert.Equal(t, certs+imported, n, "run %d: an acknowledged import is all there", run)
		} else {
			sawKillInImport++
			assert.Contains(t, []int{certs, certs + imported}, n, "run %d: an import is all or nothing", run)
		}
		// Every acknowledged step is there, once and in order.
		ackedSteps := make([]int, certs)
		for _, l := range lines {
			var c, i int
			if _, err := fmt.Sscanf(l, "ok %d %d", &c, &i); err == nil {
				ackedSteps[c] = i + 1
			}
		}
		for c := range certs {
			got, ok := s.Certificate(certtest.Certificate(c).Number)
			require.True(t, ok)
			steps := len(got.History) - 1
			assert.GreaterOrEqual(t, steps, ackedSteps[c], "run %d: cert %d keeps its acknowledged steps", run, c)
			assert.LessOrEqual(t, steps, ackedSteps[c]+1, "run %d: at most the one step being acknowledged when killed", run)
			certtest.CheckSteps(t, got, 1, steps)
		}
		checkConsistent(t, s)
		require.NoError(t, s.Add(certtest.Certificate(99_999)), "the store takes writes again")
		require.NoError(t, s.Close())
		t.Logf("run %d: killed after %d acknowledged lines (import acknowledged: %v), %d certificates", run, len(lines), ackedImport, n)
	}
	t.Logf("%d runs: %d killed during the import, %d during the updates", runs, sawKillInImport, sawImport)
}

func TestConcurrentOpensMigrateOnce(t *testing.T) {
	ctx := context.Background()
	for _, kind := range []string{"sqlite", "postgres"} {
		t.Run(kind, func(t *testing.T) {
			var open func() (*Store, error)
			if kind == "sqlite" {
				path := filepath.Join(t.TempDir(), "new.db")
				open = func() (*Store, error) { return OpenFile(ctx, path) }
			} else {
				dsn := newSchema(t)
				open = func() (*Store, error) { return OpenPostgres(ctx, dsn) }
			}
			const n = 4
			stores := make([]*Store, n)
			var wg sync.WaitGroup
			for i := range n {
				wg.Go(func() {
					s, err := open()
					if err != nil {
						t.Error(err)
						return
					}
					stores[i] = s
				})
			}
			wg.Wait()
			for i, s := range stores {
				require.NotNil(t, s, "store %d did not open", i)
				defer s.Close()
				require.NoError(t, s.Add(certtest.Certificate(i)))
			}
			var rows int
			require.NoError(t, stores[0].db.QueryRow(`SELECT COUNT(*) FROM jxgreen_schema`).Scan(&rows))
			assert.Equal(t, 1, rows)
			checkConsistent(t, stores[0])
		})
	}
}

package sheet

import (
	"context"
	"errors"
	"io"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jxgreen/jxgreen/recognition"
)

// endless gives a CSV header, then the same row for ever.
type endless struct {
	head, row string
	started   bool
	pending   string
}

func (e *endless) Read(p []byte) (int, error) {
	if !e.started {
		e.started, e.pending = true, e.head
	}
	for len(e.pending) < len(p) {
		e.pending += e.row
	}
	n := copy(p, e.pending)
	e.pending = e.pending[n:]
	return n, nil
}

// TestCancelStopsTheRun: a cancelled context stops a run on an endless
// input at once, and every goroutine of the run ends.
func TestCancelStopsTheRun(t *testing.T) {
	lines := strings.Split(shenzhenCSV, "\r\n")
	before := runtime.NumGoroutine()
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	for _, out := range []Format{NDJSON, CSV, XLSX} {
		_, err := (&Converter{Checker: checker("en"), In: CSV, Out: out, Scheme: "shenzhen"}).Run(ctx, &endless{head: lines[0] + "\n", row: lines[1] + "\n"}, io.Discard)
		require.ErrorIs(t, err, context.DeadlineExceeded, out.String())
	}
	// (Polled here: assert.Eventually runs its condition in a goroutine
	// of its own.)
	for deadline := time.Now().Add(5 * time.Second); runtime.NumGoroutine() > before && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		buf := make([]byte, 1<<20)
		t.Fatalf("%d goroutines, %d before:\n%s", n, before, buf[:runtime.Stack(buf, true)])
	}
}

// failing fails every write after the first n bytes.
type failing struct{ n int }

var errDiskFull = errors.New("disk full (synthetic)")

func (f *failing) Write(p []byte) (int, error) {
	if f.n -= len(p); f.n < 0 {
		return 0, errDiskFull
	}
	return len(p), nil
}

// TestOutputThatCannotBeWritten is a recognition.WriteError with the
// writer's error in its chain, for every output format.
func TestOutputThatCannotBeWritten(t *testing.T) {
	lines := strings.Split(shenzhenCSV, "\r\n")
	in := lines[0] + "\n" + strings.Repeat(lines[1]+"\n", 5000)
	for _, out := range []Format{NDJSON, CSV, XLSX} {
		_, err := (&Converter{Checker: checker("en"), In: CSV, Out: out, Scheme: "shenzhen"}).Run(context.Background(), strings.NewReader(in), &failing{n: 1000})
		assert.ErrorIs(t, err, recognition.ErrWrite, out.String())
		assert.ErrorIs(t, err, errDiskFull, out.String())
	}
}

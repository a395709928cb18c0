package main

import (
	"os"
	"runtime"
	"runtime/debug"
)

// The tool's working set is bounded whatever the size of its input (a few
// batches of lines a worker, see recognition.Checker.Run): a garbage
// collector paced by GOGC=100 on a live heap of a few megabytes runs
// dozens of times per 100,000 lines, and collecting was the largest single
// cost of a run. So the tool turns the pacing off and gives the collector
// a soft memory limit instead, sized for that working set: it collects
// when the heap reaches the limit (or more often, should the live heap
// ever come near it), and the memory of a run stays flat at about the
// limit. The share of each CPU covers its worker's batches in flight,
// even of lines near the 1 MiB bound, several times over.
//
// Measured on 200,000 lines of the bundled sample on 2 CPUs (GODEBUG=gctrace=1,
// collections after start-up), once the checker allocated about 5 objects
// and 780 bytes a line: GOGC=100 collects 33 times (0.40 s, 30 MB
// resident), a limit of 64 MiB 3 times (0.34 to 0.36 s, 70 MB resident),
// 128 MiB once (0.34 to 0.39 s, 128 MB resident). The live heap stays
// under 10 MB whatever the setting; 64 MiB on two CPUs is as fast as
// twice that, at about half the memory.
const (
	gcBase      = 32 << 20 // bytes of the limit for any run
	gcPerWorker = 16 << 20 // and for each CPU the workers may use
)

// gcSettings returns the memory limit and GOGC percentage the tool sets
// for procs CPUs, and false when the environment sets GOGC or GOMEMLIMIT:
// whoever sets them knows better than the tool.
func gcSettings(getenv func(string) string, procs int) (limit int64, percent int, ok bool) {
	if getenv("GOGC") != "" || getenv("GOMEMLIMIT") != "" {
		return 0, 0, false
	}
	return gcBase + gcPerWorker*int64(max(procs, 1)), -1, true
}

// tuneGC applies gcSettings to the running program.
func tuneGC() {
	if limit, percent, ok := gcSettings(os.Getenv, runtime.GOMAXPROCS(0)); ok {
		debug.SetMemoryLimit(limit)
		debug.SetGCPercent(percent)
	}
}

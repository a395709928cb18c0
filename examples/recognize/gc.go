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
// collections after start-up): GOGC=100 collects about 60 times, GOGC=400
// 13 to 15, a limit of 32 MiB 25 times, 64 MiB 7 times (6 to 13 ms of CPU
// each), 128 MiB 2 or 3 times. The live heap stays under 10 MB whatever
// the setting, and the limit counts the runtime's own memory too, so the
// headroom for garbage grows faster than the limit: 128 MiB on two CPUs
// (resident memory about 130 MB, flat) collects a third as often as 64 MiB.
const (
	gcBase      = 64 << 20 // bytes of the limit for any run
	gcPerWorker = 32 << 20 // and for each CPU the workers may use
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

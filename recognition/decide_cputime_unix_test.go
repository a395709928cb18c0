//go:build unix

package recognition

import (
	"syscall"
	"time"
)

// decideCPU returns the CPU time the process has used (user and system,
// the garbage collector's included), which BenchmarkBuildAndCheck reports
// per record beside the wall clock: on a shared machine the wall clock
// also counts the time others took.
func decideCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

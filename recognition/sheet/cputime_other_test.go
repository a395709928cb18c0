//go:build !unix

package sheet

import "time"

// cpuTime is not measured here: the CPU ratio of BenchmarkCSVVsNDJSON
// reads NaN.
func cpuTime() time.Duration { return 0 }

// Package cputime reads the CPU time the process has used, which the speed
// benchmarks report beside the wall clock: on a machine shared with other
// work the wall clock also counts the time others took, and the CPU time
// of a run does not.
package cputime

import "time"

// Used returns the CPU time the process has used so far (user and system,
// the garbage collector's included), or 0 where the system does not tell
// it: a metric computed from it then reads 0, not a wrong figure.
func Used() time.Duration { return used() }

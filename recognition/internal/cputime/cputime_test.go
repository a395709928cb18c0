package cputime

import (
	"runtime"
	"testing"
)

// TestUsedGrowsWithWork checks that the CPU time read after some work is
// not less than before it, and, where the system tells it, more.
func TestUsedGrowsWithWork(t *testing.T) {
	before := Used()
	x := 0
	for i := range 50_000_000 {
		x += i ^ (x >> 3)
	}
	runtime.KeepAlive(x)
	after := Used()
	if after < before {
		t.Fatalf("CPU time went back: %v then %v", before, after)
	}
	if runtime.GOOS == "linux" && after == before {
		t.Fatalf("no CPU time counted for 50 million steps (%v)", after)
	}
}

package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestGCLimitLeavesTheEnvironmentAlone checks the tool's garbage
// collector settings: a soft limit that grows with the CPUs and no GOGC
// pacing, unless the environment sets GOGC or GOMEMLIMIT itself.
func TestGCLimitLeavesTheEnvironmentAlone(t *testing.T) {
	for _, tc := range []struct {
		name    string
		env     map[string]string
		procs   int
		limit   int64
		percent int
		ok      bool
	}{
		{"two CPUs", nil, 2, 64 << 20, -1, true},
		{"eight CPUs", nil, 8, 160 << 20, -1, true},
		{"no CPU count", nil, 0, 48 << 20, -1, true},
		{"GOGC set", map[string]string{"GOGC": "200"}, 2, 0, 0, false},
		{"GOMEMLIMIT set", map[string]string{"GOMEMLIMIT": "1GiB"}, 2, 0, 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			limit, percent, ok := gcSettings(func(k string) string { return tc.env[k] }, tc.procs)
			assert.Equal(t, tc.ok, ok)
			assert.Equal(t, tc.limit, limit)
			assert.Equal(t, tc.percent, percent)
		})
	}
}

// Package registry counts the changes of recognition's registry of
// adapters, so that a package that caches what it looked up there (the
// scheme a UNTP credential names) can tell when an answer may have gone
// stale: recognition.RegisterScheme adds schemes at run time, not only at
// start-up.
package registry

import "sync/atomic"

var generation atomic.Uint64

// Changed records a change of the registry: an adapter added.
func Changed() { generation.Add(1) }

// Generation returns the number of changes so far; an answer looked up at
// one generation holds while the generation is the same.
func Generation() uint64 { return generation.Load() }

package certification

import (
	"hash/maphash"
	"slices"
	"sync"
	"time"
)

// The registry's status index answers [Registry.StatusAt] from a small
// value per certificate that holds, for each moment at which the status
// can change, the status from then on: a lookup reads one map slot of 64
// bytes and no certificate, history or key bytes, which at a million
// certificates are each a cache miss.
//
// The index is keyed by a seeded 64-bit hash of the certificate's key
// and holds a second, independently seeded hash of the key: a lookup
// answers from the index only when both agree, so two keys are confused
// only if both 64-bit hashes collide (about 2^-128, with seeds drawn at
// random per registry and never shown). Anything else, a certificate with
// more changes than the value holds, a time outside the range of
// [time.Time.UnixNano], or two stored keys that share the first hash,
// falls back to the stored certificate's [Certificate.StatusAt], so the
// index never answers differently from it
// (TestStatusIndexAgreesWithStatusAt).

// statusSlots is how many moments of change a statusEntry holds: an issued
// certificate has two (issue and end of validity), each suspension,
// reinstatement, revocation or renewal adds one.
const statusSlots = 6

// statusEntry is one certificate's status over time.
type statusEntry struct {
	check  uint64              // the second hash of the key
	n      int8                // moments used; fallback when negative
	status [statusSlots]Status // the status from at[i] on
	at     [statusSlots]int64  // UnixNano, ascending
}

// An entry's n is negative when the index cannot answer for it: fallback
// for a certificate whose changes it cannot hold, shared for a slot that
// two keys' first hashes share.
const (
	fallback = -1
	shared   = -2
)

// statusShards is how many parts the index is cut into, each with its own
// lock, so that readers on two cores rarely touch one lock's cache line.
const statusShards = 64

// statusIndex is the registry's index of statusEntry by key hash. Its
// shards have their own locks: a status lookup takes one shard's read
// lock and not the registry's; a writer holds the registry's lock and
// takes the shard's.
type statusIndex struct {
	seed, checkSeed maphash.Seed
	shards          *[statusShards]statusShard
}

type statusShard struct {
	mu      sync.RWMutex
	entries map[uint64]statusEntry
	_       [64 - 32]byte // one cache line each
}

func newStatusIndex() statusIndex {
	x := statusIndex{seed: maphash.MakeSeed(), checkSeed: maphash.MakeSeed(), shards: new([statusShards]statusShard)}
	for i := range x.shards {
		x.shards[i].entries = map[uint64]statusEntry{}
	}
	return x
}

func (x *statusIndex) shard(h uint64) *statusShard { return &x.shards[h%statusShards] }

// set files the status of c under key k. A key whose first hash another
// key already holds makes that slot answer by fallback for both. The
// caller holds the registry's write lock.
func (x *statusIndex) set(k string, c Certificate) {
	h, check := maphash64(x, k), maphash.String(x.checkSeed, k)
	e := entryOf(c, check)
	s := x.shard(h)
	s.mu.Lock()
	defer s.mu.Unlock()
	if old, ok := s.entries[h]; ok && (old.n == shared || old.check != check) {
		e = statusEntry{n: shared}
	}
	s.entries[h] = e
}

// get returns the entry filed under the first hash h.
func (x *statusIndex) get(h uint64) (statusEntry, bool) {
	s := x.shard(h)
	s.mu.RLock()
	e, ok := s.entries[h]
	s.mu.RUnlock()
	return e, ok
}

// lookup returns the status at t of the certificate filed under k. found
// is false when no certificate is; ok is false when the stored certificate
// must answer.
func (x *statusIndex) lookup(k string, t time.Time) (st Status, found, ok bool) {
	e, found := x.get(maphash64(x, k))
	if !found {
		return 0, false, true
	}
	if e.n < 0 || e.check != maphash.String(x.checkSeed, k) {
		return 0, true, false
	}
	if sec := t.Unix(); sec < minSec || sec > maxSec {
		return 0, true, false
	}
	ns := t.UnixNano()
	st = Pending // before the issue date
	for i := range e.n {
		if ns < e.at[i] {
			break
		}
		st = e.status[i]
	}
	return st, true, true
}

// The seconds within which time.Time.UnixNano is defined (years 1678 to
// 2262), a second short of each end.
const (
	minSec int64 = -9_223_372_035
	maxSec int64 = 9_223_372_035
)

// entryOf computes c's status at each moment at which it can change: the
// issue date, each step's date, and each end of validity. Between two
// such moments nothing changes what [Certificate.StatusAt] reads, and a
// change takes effect at its moment (a step at or before t counts; the
// end of validity is expired at its instant).
func entryOf(c Certificate, check uint64) statusEntry {
	e := statusEntry{check: check, n: fallback}
	if c.Issued.IsZero() || c.Expires.IsZero() {
		return e // Pending at every time: let the certificate say so
	}
	moments := []time.Time{c.Issued, c.Expires, c.origin()}
	for _, s := range c.History {
		moments = append(moments, s.At)
		if !s.Expires.IsZero() {
			moments = append(moments, s.Expires)
		}
	}
	ns := make([]int64, 0, len(moments))
	for _, m := range moments {
		if sec := m.Unix(); sec < minSec || sec > maxSec {
			return e
		}
		ns = append(ns, m.UnixNano())
	}
	slices.Sort(ns)
	ns = slices.Compact(ns)
	if len(ns) > statusSlots || ns[0] != c.Issued.UnixNano() {
		return e
	}
	for i, n := range ns {
		e.at[i] = n
		e.status[i] = c.StatusAt(time.Unix(0, n))
	}
	e.n = int8(len(ns))
	return e
}

// maphash64 is the first hash of k in x.
func maphash64(x *statusIndex, k string) uint64 { return maphash.String(x.seed, k) }

package certification

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jxgreen/jxgreen/brand"
)

// TestStatusIndexAgreesWithStatusAt: the registry's status index answers
// StatusAt exactly as the stored certificate's StatusAt does, at every
// moment of change, a nanosecond either side of it, and at random times,
// over generated lifecycles (suspensions, reinstatements, renewals,
// revocations, cancellations, retractions). Most certificates are answered
// by the index itself, so the test cannot pass on the fallback alone.
func TestStatusIndexAgreesWithStatusAt(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(14, 2026))
	china := brand.ChinaTime()
	r := NewRegistry()
	for n := range 300 {
		issued := time.Date(2026, time.Month(1+rng.IntN(12)), 1+rng.IntN(28), rng.IntN(24), rng.IntN(60), 0, 0, china)
		c := Certificate{Number: fmt.Sprintf("JXGE-SYN-IDX-%04d", n), Issued: issued, Expires: issued.AddDate(3, 0, 0)} // synthetic
		require.NoError(t, r.Add(c))
		at := issued
		for range rng.IntN(9) {
			at = at.Add(time.Duration(1+rng.IntN(400*24)) * time.Hour)
			_ = r.Update(c.Number, func(c *Certificate) error {
				switch rng.IntN(6) {
				case 0:
					return c.Suspend(at, "合成样例")
				case 1:
					return c.Reinstate(at, "合成样例")
				case 2:
					return c.Renew(at, c.ExpiresAt(at).AddDate(0, 1+rng.IntN(24), 0), "合成样例")
				case 3:
					return c.Revoke(at, "合成样例")
				case 4:
					return c.Cancel(at, "合成样例")
				default:
					_, err := c.Retract(at.Add(time.Hour), "合成样例：更正")
					return err
				}
			})
		}
	}
	indexed := 0
	for k, c := range r.byNumber {
		e, _ := r.status.Load().get(hashOf(r, k))
		if e.n >= 0 {
			indexed++
		}
		times := []time.Time{c.Issued, c.Expires, c.origin()}
		for _, s := range c.History {
			times = append(times, s.At, s.Expires)
		}
		for range 20 {
			times = append(times, c.Issued.Add(time.Duration(rng.Int64N(int64(8*365*24*time.Hour)))-time.Duration(365*24*time.Hour)))
		}
		for _, m := range times {
			if m.IsZero() {
				continue
			}
			for _, tt := range []time.Time{m.Add(-time.Nanosecond), m, m.Add(time.Nanosecond)} {
				got, ok := r.StatusAt(k, tt)
				require.True(t, ok)
				require.Equal(t, c.StatusAt(tt), got, "%s at %s (index entry %+v)", k, tt, e)
			}
		}
	}
	assert.Greater(t, indexed, 250, "most certificates answered by the index")

	// Unknown numbers, look-alike spellings and the zero time.
	_, ok := r.StatusAt("JXGE-SYN-IDX-9999", time.Now())
	assert.False(t, ok)
	st, ok := r.StatusAt("jxge-syn-idx-0001", time.Now())
	c, _ := r.Certificate("JXGE-SYN-IDX-0001")
	assert.True(t, ok)
	assert.Equal(t, c.StatusAt(time.Now()), st)
	st, ok = r.StatusAt("JXGE-SYN-IDX-0001", time.Time{})
	assert.True(t, ok)
	assert.Equal(t, c.StatusAt(time.Time{}), st)
}

// TestStatusIndexSharedSlotFallsBack: a slot that two keys' first hashes
// share (forced here, as a collision would make it) answers for neither;
// the stored certificate does, so the status is still right.
func TestStatusIndexSharedSlotFallsBack(t *testing.T) {
	t.Parallel()
	day := time.Date(2026, 1, 10, 0, 0, 0, 0, brand.ChinaTime())
	c := Certificate{Number: "JXGE-SYN-A", Issued: day, Expires: day.AddDate(3, 0, 0)}
	require.NoError(t, c.Revoke(day.AddDate(0, 1, 0), "合成样例"))

	ix := newStatusIndex()
	h := maphash64(&ix, "K")
	ix.shard(h).entries[h] = statusEntry{check: 1, n: 2} // another key's entry in the slot
	ix.set("K", c)
	e, _ := ix.get(h)
	assert.Equal(t, int8(shared), e.n, "a second key in a slot makes it shared")
	ix.set("K", c)
	e, _ = ix.get(h)
	assert.Equal(t, int8(shared), e.n, "a shared slot stays shared")
	_, found, ok := ix.lookup("K", day)
	assert.True(t, found)
	assert.False(t, ok, "a shared slot answers by the certificate")

	r := NewRegistry()
	require.NoError(t, r.Add(c))
	ha := hashOf(r, "JXGE-SYN-A")
	r.status.Load().shard(ha).entries[ha] = statusEntry{n: shared}
	st, ok := r.StatusAt("JXGE-SYN-A", day.AddDate(0, 2, 0))
	assert.True(t, ok)
	assert.Equal(t, Revoked, st)
}

func hashOf(r *Registry, k string) uint64 { return maphash64(r.status.Load(), k) }

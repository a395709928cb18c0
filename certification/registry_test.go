package certification

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jxgreen/jxgreen/brand/fold"
	"github.com/jxgreen/jxgreen/standard"
)

func cert(i int) Certificate {
	return Certificate{
		Number:    fmt.Sprintf("JXGE-SYN-%07d", i),
		Scheme:    "jxgreen",
		Holder:    synthetic(i % 1000),
		Product:   []string{"金溪蜜梨", "狗牯脑茶", "甲鱼", "黑木耳", "桑椹"}[i%5],
		Standards: []standard.Number{standard.MustParse("T/JGE 0039-2023")},
		Mode:      Type5,
		Issued:    day(2026, 1, 1),
		Expires:   day(2029, 1, 1),
		History:   []Event{{Action: Issue, At: day(2026, 1, 1)}},
	}
}

func TestRegistry(t *testing.T) {
	t.Parallel()
	var r Registry // the zero value is ready
	for i := 0; i < 10; i++ {
		require.NoError(t, r.Add(cert(i)))
	}
	assert.Equal(t, 10, r.Len())
	assert.ErrorIs(t, r.Add(cert(3)), ErrDuplicate)
	assert.ErrorIs(t, r.Add(Certificate{}), ErrApplication)

	c, ok := r.Certificate("jxge-syn-0000003")
	require.True(t, ok, "numbers are matched case-insensitively")
	assert.Equal(t, "JXGE-SYN-0000003", c.Number)
	_, ok = r.Certificate("ＪＸＧＥ－ＳＹＮ－００００００３")
	assert.True(t, ok, "and width-insensitively")
	_, ok = r.Certificate("nope")
	assert.False(t, ok)

	// A lookup returns the caller's own copy.
	c.History = append(c.History, Event{Action: Surveil, At: day(2026, 6, 1), Passed: true})
	c.Standards = append(c.Standards, standard.MustParse("GB 2763-2021"))
	c.Product = "changed outside"
	c.History[0].Reason = "changed outside"
	again, _ := r.Certificate("JXGE-SYN-0000003")
	assert.Len(t, again.History, 1, "appending to a lookup's history does not reach the registry")
	assert.Len(t, again.Standards, 1)
	assert.Empty(t, again.History[0].Reason, "changing an element in place does not either")
	assert.Equal(t, "黑木耳", again.Product)

	assert.Len(t, r.ByHolder(synthetic(3).Code), 1)
	assert.Len(t, r.ByProduct("金溪蜜梨"), 2)
	assert.Len(t, r.ByProduct(" 金溪 蜜梨 "), 2)
	assert.Nil(t, r.ByProduct("榴莲"))

	require.NoError(t, r.Update("JXGE-SYN-0000000", func(c *Certificate) error {
		c.Product = "榴莲"
		return c.Suspend(day(2026, 6, 1), "test")
	}))
	got, _ := r.Certificate("JXGE-SYN-0000000")
	assert.Equal(t, Suspended, got.StatusAt(day(2026, 6, 2)))
	assert.Len(t, r.ByProduct("金溪蜜梨"), 1, "the product index follows updates")
	assert.Len(t, r.ByProduct("榴莲"), 1)

	err := r.Update("JXGE-SYN-0000000", func(c *Certificate) error { return c.Suspend(day(2026, 7, 1), "again") })
	assert.ErrorIs(t, err, ErrTransition)
	assert.ErrorIs(t, r.Update("none", func(*Certificate) error { return nil }), ErrNotFound)
	assert.Error(t, r.Update("JXGE-SYN-0000001", func(c *Certificate) error { c.Number = "other"; return nil }))
}

// Concurrent readers and writers; run under -race.
func TestRegistryConcurrent(t *testing.T) {
	t.Parallel()
	r := NewRegistry()
	var wg sync.WaitGroup
	const writers, readers, each = 4, 4, 200
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < each; i++ {
				n := w*each + i
				if err := r.Add(cert(n)); err != nil {
					t.Error(err)
				}
				if i%3 == 0 {
					_ = r.Update(cert(n).Number, func(c *Certificate) error { return c.Surveil(day(2026, 6, 1), true, "") })
				}
			}
		}(w)
	}
	for g := 0; g < readers; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < each*2; i++ {
				if c, ok := r.Certificate(cert(i).Number); ok && c.Number != cert(i).Number {
					t.Errorf("got %s for %s", c.Number, cert(i).Number)
				}
				_ = r.ByHolder(synthetic(i % 1000).Code)
				_ = r.ByProduct("甲鱼")
			}
		}(g)
	}
	wg.Wait()
	assert.Equal(t, writers*each, r.Len())
	assert.Len(t, r.ByProduct("甲鱼"), writers*each/5)
}

var (
	bigOnce sync.Once
	big     *Registry
	bigMem  uint64
)

func millionRegistry(b *testing.B) *Registry {
	bigOnce.Do(func() {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		big = NewRegistry()
		for i := 0; i < 1_000_000; i++ {
			if err := big.Add(cert(i)); err != nil {
				b.Fatal(err)
			}
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		bigMem = after.HeapAlloc - before.HeapAlloc
	})
	return big
}

// spreadNumbers returns 1,024 numbers of the million registry, spread over
// it so that lookups do not hit the same cache lines.
func spreadNumbers() []string {
	numbers := make([]string, 1024)
	for i := range numbers {
		numbers[i] = cert(i * 977).Number
	}
	return numbers
}

// BenchmarkRegistryLookup looks certificates up by number in a registry of
// one million; it reports the registry's heap size per certificate.
func BenchmarkRegistryLookup(b *testing.B) {
	r := millionRegistry(b)
	b.ReportAllocs()
	numbers := spreadNumbers()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			if _, ok := r.Certificate(numbers[i&1023]); !ok {
				b.Fatal("missing")
			}
			i++
		}
	})
	b.ReportMetric(float64(bigMem)/1e6, "heap-B/cert")
}

func BenchmarkRegistryByHolder(b *testing.B) {
	r := millionRegistry(b)
	code := synthetic(42).Code
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if len(r.ByHolder(code)) != 1000 {
			b.Fatal("want 1000")
		}
	}
}

// A nil *Registry, as a Lookup or called directly, does not panic: it is
// an empty registry that stays empty.
func TestNilRegistryDoesNotPanic(t *testing.T) {
	t.Parallel()
	var r *Registry
	var l Lookup = r
	require.NotPanics(t, func() {
		_, ok := l.Certificate("JXGE-SYN-0000001")
		assert.False(t, ok)
		assert.Empty(t, l.ByHolder(synthetic(1).Code))
		assert.Empty(t, l.ByProduct("金溪蜜梨"))
		assert.Zero(t, r.Len())
		assert.ErrorIs(t, r.Add(cert(1)), ErrNotFound)
		assert.ErrorIs(t, r.Update("JXGE-SYN-0000001", func(*Certificate) error { return nil }), ErrNotFound)
	})
}

// sameNumber compares two numbers' keys as a register does.
func sameNumber(a, b string) bool {
	ka, oka := FoldKey(a)
	kb, okb := FoldKey(b)
	return oka && okb && ka == kb
}

// FoldKey matches numbers as the registry does: ASCII and full-width
// ASCII case, width and spaces only.
func TestFoldKeyMatchesNumbersAsTheRegistry(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		a, b string
		same bool
	}{
		{"JX-S01", "JX-S01", true},
		{"JX-S01", "jx-s01", true},
		{"JX-S01", "ＪＸ－Ｓ０１", true},
		{"JX-S01", "JX - S01", true},
		{"JX-S01", "JX-ſ01", false},
		{"JX-I01", "jx-ı01", false},
		{"JX-K01", "JX-\u212a01", false},
		{"JX-S01", "JX-S01\u200b", false},
		{"JX-S01", "JX-S02", false},
		{"", "", true},
		{"JX\x00", "JX\x00", false},
	} {
		assert.Equal(t, tc.same, sameNumber(tc.a, tc.b), "%q %q", tc.a, tc.b)
		assert.Equal(t, tc.same, sameNumber(tc.b, tc.a), "%q %q", tc.b, tc.a)
		// The registry agrees.
		var r Registry
		c := cert(1)
		c.Number = tc.a
		if r.Add(c) == nil {
			_, found := r.Certificate(tc.b)
			assert.Equal(t, tc.same, found, "%q %q", tc.a, tc.b)
		}
	}
}

// BenchmarkRegistryUpdate runs a no-op Update on a registry of a million
// certificates in which each holder has a thousand: the cost of the copy,
// the validation and the index upkeep.
func BenchmarkRegistryUpdate(b *testing.B) {
	r := millionRegistry(b)
	number := cert(42).Number
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if err := r.Update(number, func(*Certificate) error { return nil }); err != nil {
			b.Fatal(err)
		}
	}
}

// TestUpdateKeepsIndexOrder: ByHolder and ByProduct return certificates
// in the order they were added, after any number of Updates; a change of
// holder or product moves the certificate to the end of its new list.
func TestUpdateKeepsIndexOrder(t *testing.T) {
	r := NewRegistry()
	a, b, c := cert(1), cert(1001), cert(2001) // same holder (i % 1000), same product (i % 5)
	require.Equal(t, a.Holder, b.Holder)
	require.Equal(t, a.Product, c.Product)
	for _, x := range []Certificate{a, b, c} {
		require.NoError(t, r.Add(x))
	}
	numbers := func(cs []Certificate) []string {
		var out []string
		for _, c := range cs {
			out = append(out, c.Number)
		}
		return out
	}
	for _, n := range []string{a.Number, b.Number, a.Number} {
		require.NoError(t, r.Update(n, func(c *Certificate) error {
			last := c.History[len(c.History)-1].At
			return c.Surveil(last.AddDate(0, 1, 0), true, "")
		}))
	}
	want := []string{a.Number, b.Number, c.Number}
	assert.Equal(t, want, numbers(r.ByHolder(a.Holder.Code)))
	assert.Equal(t, want, numbers(r.ByProduct(a.Product)))

	// A new product: the certificate leaves the old list and ends the new.
	require.NoError(t, r.Update(a.Number, func(c *Certificate) error { c.Product = "甲鱼"; return nil }))
	assert.Equal(t, []string{b.Number, c.Number}, numbers(r.ByProduct(a.Product)))
	assert.Equal(t, []string{a.Number}, numbers(r.ByProduct("甲鱼")))
	assert.Equal(t, want, numbers(r.ByHolder(a.Holder.Code)))
}

// TestUpdateRefusesRespelledNumber: fn may not change the number, not even
// to a spelling that folds to the same key.
func TestUpdateRefusesRespelledNumber(t *testing.T) {
	for _, n := range []string{"ｊｘｇｅ　-ｓｙｎ-００００００１", "jxge-syn-0000001", "JXGE-SYN- 0000001", "JXGE-SYN-0000002", ""} {
		r := NewRegistry()
		require.NoError(t, r.Add(cert(1)))
		err := r.Update(cert(1).Number, func(c *Certificate) error {
			c.Number = n
			return c.Surveil(day(2026, 6, 1), true, "")
		})
		var fe *FieldError
		require.ErrorAs(t, err, &fe, "%q", n)
		assert.Equal(t, "number", fe.Field)
		got, ok := r.Certificate(cert(1).Number)
		require.True(t, ok)
		assert.Equal(t, cert(1).Number, got.Number)
		assert.Len(t, got.History, 1, "nothing stored")
	}
}

// TestUpdateHoldsLockDuringCallback: Update runs fn under the registry's
// write lock, which is why fn must not call the registry (its doc says
// so): a reader in another goroutine waits until fn returns, then sees
// the result.
func TestUpdateHoldsLockDuringCallback(t *testing.T) {
	r := NewRegistry()
	require.NoError(t, r.Add(cert(1)))
	read := make(chan Certificate)
	err := r.Update(cert(1).Number, func(c *Certificate) error {
		go func() {
			got, _ := r.Certificate(cert(1).Number)
			read <- got
		}()
		select {
		case <-read:
			t.Error("a reader got in while fn ran")
		case <-time.After(50 * time.Millisecond):
		}
		return c.Surveil(day(2026, 6, 1), true, "")
	})
	require.NoError(t, err)
	got := <-read
	assert.Len(t, got.History, 2, "the reader sees the result of the Update")
	// The documented way: read first, then update.
	other, ok := r.Certificate(cert(1).Number)
	require.True(t, ok)
	require.NoError(t, r.Update(cert(1).Number, func(c *Certificate) error {
		return c.Surveil(other.History[len(other.History)-1].At.AddDate(0, 1, 0), true, "")
	}))
}

// Issue 14, "Registry lookup by number at 1,000,000 certificates under 100
// ns", safely: StatusAt answers what Certificate(number).StatusAt(t)
// answers, for every status, every spelling of the number a lookup
// accepts and every time, and finds nothing where Certificate finds
// nothing.
func TestRegistryStatusAtAgreesWithCertificate(t *testing.T) {
	t.Parallel()
	var r Registry
	steps := []func(*Certificate) error{
		nil, // valid
		func(c *Certificate) error { return c.Suspend(day(2026, 3, 1), "synthetic") },
		func(c *Certificate) error { return c.Revoke(day(2026, 3, 1), "synthetic") },
		func(c *Certificate) error { return c.Cancel(day(2026, 3, 1), "synthetic") },
		func(c *Certificate) error { return c.Renew(day(2026, 3, 1), day(2031, 1, 1), "synthetic") },
		func(c *Certificate) error {
			if err := c.Suspend(day(2026, 3, 1), "synthetic"); err != nil {
				return err
			}
			return c.Reinstate(day(2026, 4, 1), "synthetic")
		},
	}
	for i, step := range steps {
		require.NoError(t, r.Add(cert(i)))
		if step != nil {
			require.NoError(t, r.Update(cert(i).Number, step))
		}
	}
	times := []time.Time{day(2025, 12, 31), day(2026, 1, 1), day(2026, 3, 1).Add(-time.Nanosecond), day(2026, 3, 1),
		day(2026, 3, 15), day(2029, 1, 1).Add(-time.Nanosecond), day(2026, 5, 1), day(2029, 1, 1), day(2030, 6, 1), day(2032, 1, 1)}
	seen := map[Status]bool{}
	for i := range steps {
		n := cert(i).Number
		for _, spelling := range []string{n, strings.ToLower(n), " " + n + "\u3000", fold.Code(n)} {
			for _, at := range times {
				c, ok := r.Certificate(spelling)
				require.True(t, ok, spelling)
				st, ok := r.StatusAt(spelling, at)
				require.True(t, ok, spelling)
				assert.Equal(t, c.StatusAt(at), st, "%s at %s", spelling, at)
				seen[st] = true
			}
		}
	}
	for _, st := range []Status{Valid, Suspended, Revoked, Cancelled, Expired, Pending} {
		assert.True(t, seen[st], "no case gives %s", st)
	}
	for _, missing := range []string{"", "nope", cert(0).Number + "\u200b", "JXGE-SYN-000000\x00", cert(99).Number} {
		_, ok := r.StatusAt(missing, day(2026, 6, 1))
		assert.False(t, ok, "%q", missing)
		_, ok = r.Certificate(missing)
		assert.False(t, ok, "%q", missing)
	}
	var nilRegistry *Registry
	var l Lookup = nilRegistry
	sl, ok := l.(StatusLookup)
	require.True(t, ok, "*Registry is a StatusLookup")
	require.NotPanics(t, func() {
		_, found := sl.StatusAt(cert(0).Number, day(2026, 6, 1))
		assert.False(t, found)
	})
}

// The hot path copies nothing: StatusAt allocates nothing for a number in
// its canonical spelling (a spelling that needs folding costs the folded
// key), and what it reads is never changed by a later update (an update
// stores a new copy).
func TestRegistryStatusAtAllocatesNothing(t *testing.T) {
	var r Registry
	require.NoError(t, r.Add(cert(7)))
	n := cert(7).Number
	allocs := testing.AllocsPerRun(1000, func() {
		if st, ok := r.StatusAt(n, day(2026, 6, 1)); !ok || st != Valid {
			t.Fatal(st, ok)
		}
	})
	assert.Zero(t, allocs)
	require.NoError(t, r.Update(cert(7).Number, func(c *Certificate) error { return c.Suspend(day(2026, 6, 1), "synthetic") }))
	st, _ := r.StatusAt(n, day(2026, 6, 2))
	assert.Equal(t, Suspended, st)
	st, _ = r.StatusAt(n, day(2026, 5, 31))
	assert.Equal(t, Valid, st)
}

// BenchmarkRegistryStatusAt asks the status of certificates by number in a
// registry of one million, as BenchmarkRegistryLookup looks them up.
func BenchmarkRegistryStatusAt(b *testing.B) {
	r := millionRegistry(b)
	b.ReportAllocs()
	numbers := spreadNumbers()
	at := day(2026, 6, 1)
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			if st, ok := r.StatusAt(numbers[i&1023], at); !ok || st != Valid {
				b.Fatal("missing")
			}
			i++
		}
	})
}

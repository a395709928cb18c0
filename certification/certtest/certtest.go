// Package certtest is the conformance suite of certificate stores: the
// in-memory [certification.Registry], the SQL stores of package
// certification/sqlstore and any other implementation are held to the same
// behaviour by calling [Run] from their tests with a factory for empty
// stores. It checks the lifecycle, the status at a time, the folding of
// numbers and holder codes, the order of the history, the refusal of bad
// certificates, and concurrent writers.
//
// Every certificate, number, holder and credit code it makes is synthetic
// and says so; none belongs to a real certificate or organisation.
package certtest

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/certification/creditcode"
	"github.com/jxgreen/jxgreen/standard"
)

// Store is what the suite tests: the read side ([certification.Lookup])
// and the write side of [certification.Registry].
type Store interface {
	certification.Lookup
	Add(c certification.Certificate) error
	Update(number string, fn func(*certification.Certificate) error) error
}

var _ Store = (*certification.Registry)(nil)

// Options tunes [Run].
type Options struct {
	// Skip maps the name of a behaviour (a subtest of Run) that the
	// implementation does not have yet to the reason, which the test log
	// shows.
	Skip map[string]string
	// Writers is the number of concurrent writers of the concurrency
	// check; 4 when zero.
	Writers int
}

// Day returns midnight China time on the given date.
func Day(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, brand.ChinaTime())
}

// Holder returns the i-th synthetic holder: a made-up name and a made-up
// credit code with a correct check character.
func Holder(i int) certification.Holder {
	code, err := creditcode.Complete(fmt.Sprintf("91360100MA3%06d", i%1_000_000))
	if err != nil {
		panic(err) // the first 17 characters above are always well formed
	}
	return certification.Holder{Name: fmt.Sprintf("合成样例企业%d有限公司", i), Code: code}
}

var products = []string{"金溪蜜梨", "狗牯脑茶", "甲鱼", "黑木耳", "桑椹"}

// Certificate returns the i-th synthetic certificate: number
// JXGE-SYN-nnnnnnn, holder Holder(i%1000), issued 2026-01-01, expiring
// 2029-01-01, with its issue recorded.
func Certificate(i int) certification.Certificate {
	return certification.Certificate{
		Number:    fmt.Sprintf("JXGE-SYN-%07d", i),
		Scheme:    "jxgreen",
		Holder:    Holder(i % 1000),
		Product:   products[i%len(products)],
		Standards: []standard.Number{standard.MustParse("T/JGE 0039-2023")},
		Body:      certification.Body{Name: "合成样例认证机构"},
		Mode:      certification.Type5,
		Issued:    Day(2026, 1, 1),
		Expires:   Day(2029, 1, 1),
		History:   []certification.Event{{Action: certification.Issue, At: Day(2026, 1, 1)}},
	}
}

// Same checks that got is want: the same JSON form (times compared as
// instants with their offsets, whatever their *time.Location).
func Same(t testing.TB, want, got certification.Certificate, msgAndArgs ...any) {
	t.Helper()
	a, err := json.Marshal(want)
	require.NoError(t, err)
	b, err := json.Marshal(got)
	require.NoError(t, err)
	assert.JSONEq(t, string(a), string(b), msgAndArgs...)
}

// Run runs the suite; open returns a new, empty store for each subtest.
func Run(t *testing.T, open func(t *testing.T) Store, opt Options) {
	t.Helper()
	if opt.Writers == 0 {
		opt.Writers = 4
	}
	for _, c := range cases(opt) {
		t.Run(c.name, func(t *testing.T) {
			if why, ok := opt.Skip[c.name]; ok {
				t.Skip(why)
			}
			c.fn(t, open(t))
		})
	}
	for name := range opt.Skip {
		if !slices.ContainsFunc(cases(opt), func(c testCase) bool { return c.name == name }) {
			t.Errorf("Options.Skip names %q, which is no behaviour of the suite", name)
		}
	}
}

type testCase struct {
	name string
	fn   func(t *testing.T, s Store)
}

func cases(opt Options) []testCase {
	return []testCase{
		{"AddThenLookup", addThenLookup},
		{"LookupResultIsTheCallers", lookupResultIsTheCallers},
		{"RefusesDuplicateNumber", refusesDuplicate},
		{"RefusesCertificateWithoutNumber", refusesNoNumber},
		{"RefusesCertificateWithoutDates", refusesNoDates},
		{"RefusesHistoryOutOfOrder", refusesHistoryOutOfOrder},
		{"NumberFoldsWidthCaseSpaces", numberFolds},
		{"NumberFoldsASCIIOnly", numberFoldsASCIIOnly},
		{"NumberWithControlCharacters", controlCharacters},
		{"HolderCodeCanonical", holderCodeCanonical},
		{"ProductLookupInOrder", productLookup},
		{"LifecycleSteps", lifecycle},
		{"StatusAtTime", statusAtTime},
		{"BackdatedStepRefused", backdatedStep},
		{"FailedUpdateStoresNothing", failedUpdate},
		{"UpdateUnknownNumber", updateUnknown},
		{"UpdateCannotChangeNumber", updateNumber},
		{"ConcurrentStepsRecordedOnceInOrder", func(t *testing.T, s Store) { concurrent(t, s, opt.Writers) }},
	}
}

func addThenLookup(t *testing.T, s Store) {
	want := Certificate(1)
	require.NoError(t, s.Add(want))
	got, ok := s.Certificate(want.Number)
	require.True(t, ok)
	Same(t, want, got)
	_, ok = s.Certificate("JXGE-SYN-0000002")
	assert.False(t, ok, "an unknown number is not found")
	_, ok = s.Certificate("")
	assert.False(t, ok)
}

// lookupResultIsTheCallers: what a lookup returns is the caller's own
// copy (see [certification.Lookup]): nothing the caller does with it
// (appending, changing fields, changing an element in place) reaches the
// store.
func lookupResultIsTheCallers(t *testing.T, s Store) {
	require.NoError(t, s.Add(Certificate(1)))
	c, ok := s.Certificate("JXGE-SYN-0000001")
	require.True(t, ok)
	c.History = append(c.History, certification.Event{Action: certification.Suspend, At: Day(2026, 5, 1)})
	c.Standards = append(c.Standards, standard.MustParse("GB 2763-2021"))
	c.Product, c.Holder.Name = "榴莲", "changed by the caller"
	c.History[0].Reason = "changed by the caller"
	c.Standards[0] = standard.MustParse("GB 2763-2021")
	for _, list := range [][]certification.Certificate{s.ByHolder(Holder(1).Code), s.ByProduct(Certificate(1).Product)} {
		require.Len(t, list, 1)
		list[0].History = append(list[0].History, certification.Event{Action: certification.Revoke, At: Day(2026, 5, 2)})
		list[0].History[0].Reason = "changed by the caller"
		list[0].Standards[0] = standard.MustParse("GB 2763-2021")
	}
	again, _ := s.Certificate("JXGE-SYN-0000001")
	Same(t, Certificate(1), again, "what a lookup returns is the caller's to change")
}

func refusesDuplicate(t *testing.T, s Store) {
	require.NoError(t, s.Add(Certificate(1)))
	for _, number := range []string{"JXGE-SYN-0000001", "jxge-syn-0000001", fullWidth("JXGE-SYN-0000001"), " JXGE-SYN-0000001 "} {
		c := Certificate(2)
		c.Number = number
		err := s.Add(c)
		assert.ErrorIs(t, err, certification.ErrDuplicate, number)
	}
	got, _ := s.Certificate("JXGE-SYN-0000001")
	Same(t, Certificate(1), got, "the first one stays")
}

func refusesNoNumber(t *testing.T, s Store) {
	for _, number := range []string{"", "   ", "\u3000"} {
		c := Certificate(1)
		c.Number = number
		err := s.Add(c)
		var fe *certification.FieldError
		require.ErrorAs(t, err, &fe, "%q", number)
		assert.Equal(t, "number", fe.Field)
	}
}

func refusesNoDates(t *testing.T, s Store) {
	for _, tc := range []struct {
		field string
		edit  func(*certification.Certificate)
	}{
		{"issued", func(c *certification.Certificate) { c.Issued = time.Time{} }},
		{"expires", func(c *certification.Certificate) { c.Expires = time.Time{} }},
	} {
		c := Certificate(1)
		tc.edit(&c)
		err := s.Add(c)
		var fe *certification.FieldError
		require.ErrorAs(t, err, &fe, tc.field)
		assert.Equal(t, tc.field, fe.Field)
		_, ok := s.Certificate(c.Number)
		assert.False(t, ok, "nothing stored")
	}
}

func refusesHistoryOutOfOrder(t *testing.T, s Store) {
	c := Certificate(1)
	c.History = append(c.History,
		certification.Event{Action: certification.Suspend, At: Day(2026, 6, 1)},
		certification.Event{Action: certification.Reinstate, At: Day(2026, 5, 1)})
	assert.Error(t, s.Add(c))
	_, ok := s.Certificate(c.Number)
	assert.False(t, ok, "nothing stored")
}

func numberFolds(t *testing.T, s Store) {
	c := Certificate(1)
	c.Number = "JX-Ab 01"
	require.NoError(t, s.Add(c))
	for _, q := range []string{"JX-Ab 01", "JX-AB01", "jx-ab01", "ＪＸ－ＡＢ０１", "jx-ab\u300001", " JX-AB 01 ", "ｊｘ－ａｂ　０１"} {
		got, ok := s.Certificate(q)
		if assert.True(t, ok, "%q finds JX-Ab 01", q) {
			assert.Equal(t, "JX-Ab 01", got.Number, "the number is kept as written")
		}
	}
	for _, q := range []string{"JX-AB02", "JX-AB0", "JX_AB01", "JXAB01"} {
		_, ok := s.Certificate(q)
		assert.False(t, ok, "%q does not find JX-Ab 01", q)
	}
}

func numberFoldsASCIIOnly(t *testing.T, s Store) {
	c := Certificate(1)
	c.Number = "JX-S01"
	require.NoError(t, s.Add(c))
	_, ok := s.Certificate("JX-ｓ01")
	assert.True(t, ok, "full-width ASCII folds")
	_, ok = s.Certificate("JX-ſ01") // LATIN SMALL LETTER LONG S
	assert.False(t, ok, "only ASCII and full-width ASCII fold: the long s is not S")
	k := Certificate(2)
	k.Number = "JX-K01"
	require.NoError(t, s.Add(k))
	_, ok = s.Certificate("JX-\u212a01") // KELVIN SIGN
	assert.False(t, ok, "the Kelvin sign is not K")
}

func controlCharacters(t *testing.T, s Store) {
	require.NoError(t, s.Add(Certificate(1)))
	for _, number := range []string{"JXGE-SYN-0000002\u200b", "JXGE-SYN\t-0000003", "JXGE-\x00SYN-0000004", "JXGE-SYN-\xff0000005"} {
		c := Certificate(9)
		c.Number = number
		var fe *certification.FieldError
		assert.ErrorAs(t, s.Add(c), &fe, "%q is refused: it prints like another number", number)
	}
	for _, q := range []string{"JXGE-SYN-0000001\u200b", "JXGE-SYN\t-0000001", "\u202eJXGE-SYN-0000001"} {
		_, ok := s.Certificate(q)
		assert.False(t, ok, "%q finds nothing", q)
	}
}

func holderCodeCanonical(t *testing.T, s Store) {
	h := Holder(7)
	code := string(h.Code)
	c := Certificate(7)
	c.Holder.Code = creditcode.Code(strings.ToLower(code[:9]) + " " + code[9:])
	require.NoError(t, s.Add(c))
	got, ok := s.Certificate(c.Number)
	require.True(t, ok)
	assert.Equal(t, h.Code, got.Holder.Code, "the holder code is stored canonical")
	full := fullWidth(code)
	for _, q := range []string{code, strings.ToLower(code), code[:6] + " " + code[6:], full} {
		list := s.ByHolder(creditcode.Code(q))
		if assert.Len(t, list, 1, "%q", q) {
			assert.Equal(t, c.Number, list[0].Number)
		}
	}
	assert.Empty(t, s.ByHolder(Holder(8).Code))
}

// fullWidth writes the printable ASCII of s in full width.
func fullWidth(s string) string {
	return strings.Map(func(r rune) rune {
		if r > ' ' && r < 0x7f {
			return r + 0xFEE0
		}
		return r
	}, s)
}

func productLookup(t *testing.T, s Store) {
	for _, i := range []int{3, 8, 1, 13} { // 3, 8, 13: 黑木耳; 1: 狗牯脑茶
		require.NoError(t, s.Add(Certificate(i)))
	}
	var numbers []string
	for _, c := range s.ByProduct(" 黑木 耳 ") {
		numbers = append(numbers, c.Number)
	}
	assert.Equal(t, []string{"JXGE-SYN-0000003", "JXGE-SYN-0000008", "JXGE-SYN-0000013"}, numbers, "in the order added")
	assert.Empty(t, s.ByProduct("榴莲"))
	assert.Empty(t, s.ByProduct(""))

	require.NoError(t, s.Update("JXGE-SYN-0000008", func(c *certification.Certificate) error { c.Product = "榴莲"; return nil }))
	assert.Len(t, s.ByProduct("黑木耳"), 2, "the product follows updates")
	assert.Len(t, s.ByProduct("榴莲"), 1)
}

func lifecycle(t *testing.T, s Store) {
	c := Certificate(1)
	require.NoError(t, s.Add(c))
	steps := []struct {
		name    string
		fn      func(*certification.Certificate) error
		refused bool
	}{
		{"surveil", func(c *certification.Certificate) error {
			return c.Surveil(Day(2026, 12, 1), false, "合成样例：抽样不合格")
		}, false},
		{"suspend", func(c *certification.Certificate) error { return c.Suspend(Day(2027, 1, 5), "合成样例") }, false},
		{"suspend again", func(c *certification.Certificate) error { return c.Suspend(Day(2027, 1, 6), "") }, true},
		{"renew while suspended", func(c *certification.Certificate) error { return c.Renew(Day(2027, 1, 7), Day(2032, 1, 1), "") }, true},
		{"reinstate", func(c *certification.Certificate) error { return c.Reinstate(Day(2027, 2, 1), "整改完成") }, false},
		{"renew", func(c *certification.Certificate) error {
			return c.Renew(Day(2028, 12, 1), Day(2032, 1, 1), "再认证")
		}, false},
		{"revoke", func(c *certification.Certificate) error { return c.Revoke(Day(2030, 3, 1), "合成样例") }, false},
		{"reinstate revoked", func(c *certification.Certificate) error { return c.Reinstate(Day(2030, 4, 1), "") }, true},
		{"cancel revoked", func(c *certification.Certificate) error { return c.Cancel(Day(2030, 4, 1), "") }, true},
	}
	want := c.Clone()
	for _, st := range steps {
		err := s.Update(c.Number, st.fn)
		if st.refused {
			assert.ErrorIs(t, err, certification.ErrTransition, st.name)
		} else {
			require.NoError(t, err, st.name)
			require.NoError(t, st.fn(&want))
		}
		got, ok := s.Certificate(c.Number)
		require.True(t, ok)
		Same(t, want, got, "after %s", st.name)
	}
	got, _ := s.Certificate(c.Number)
	assert.Len(t, got.History, 6)
	assert.True(t, Day(2032, 1, 1).Equal(got.Expires), "renewal moved the expiry")
}

func statusAtTime(t *testing.T, s Store) {
	c := Certificate(2)
	require.NoError(t, s.Add(c))
	require.NoError(t, s.Update(c.Number, func(c *certification.Certificate) error { return c.Suspend(Day(2027, 3, 1), "") }))
	require.NoError(t, s.Update(c.Number, func(c *certification.Certificate) error { return c.Reinstate(Day(2027, 4, 1), "") }))
	got, ok := s.Certificate(c.Number)
	require.True(t, ok)
	for _, tc := range []struct {
		at   time.Time
		want certification.Status
	}{
		{Day(2025, 12, 31), certification.Pending},
		{Day(2026, 1, 1), certification.Valid},
		{Day(2027, 3, 1).Add(-time.Nanosecond), certification.Valid},
		{Day(2027, 3, 1), certification.Suspended},
		{Day(2027, 3, 31), certification.Suspended},
		{Day(2027, 4, 1), certification.Valid},
		{Day(2029, 1, 1).Add(-time.Nanosecond), certification.Valid},
		{Day(2029, 1, 1), certification.Expired},
	} {
		assert.Equal(t, tc.want, got.StatusAt(tc.at), "at %s", tc.at)
		// A store that answers the status without a copy
		// (certification.StatusLookup) gives the same answer, for any
		// spelling of the number a lookup accepts.
		if sl, ok := s.(certification.StatusLookup); ok {
			for _, n := range []string{c.Number, strings.ToLower(c.Number)} {
				st, found := sl.StatusAt(n, tc.at)
				assert.True(t, found, n)
				assert.Equal(t, tc.want, st, "StatusAt(%q, %s)", n, tc.at)
			}
		}
	}
	if sl, ok := s.(certification.StatusLookup); ok {
		_, found := sl.StatusAt("JXGE-SYN-9999999", Day(2027, 1, 1))
		assert.False(t, found, "an unknown number has no status")
	}
}

func backdatedStep(t *testing.T, s Store) {
	c := Certificate(3)
	require.NoError(t, s.Add(c))
	require.NoError(t, s.Update(c.Number, func(c *certification.Certificate) error { return c.Surveil(Day(2027, 1, 1), true, "") }))
	err := s.Update(c.Number, func(c *certification.Certificate) error { return c.Suspend(Day(2026, 12, 1), "") })
	require.ErrorIs(t, err, certification.ErrTransition)
	var te *certification.TransitionError
	require.ErrorAs(t, err, &te)
	assert.True(t, te.Backdated)
	got, _ := s.Certificate(c.Number)
	require.Len(t, got.History, 2)
	assert.True(t, inOrder(got.History), "history in date order")
}

func inOrder(h []certification.Event) bool {
	return slices.IsSortedFunc(h, func(a, b certification.Event) int { return a.At.Compare(b.At) })
}

func failedUpdate(t *testing.T, s Store) {
	c := Certificate(4)
	require.NoError(t, s.Add(c))
	boom := errors.New("synthetic failure")
	err := s.Update(c.Number, func(c *certification.Certificate) error {
		c.Product = "榴莲"
		if err := c.Suspend(Day(2027, 1, 1), ""); err != nil {
			return err
		}
		return boom
	})
	assert.ErrorIs(t, err, boom)
	got, _ := s.Certificate(c.Number)
	Same(t, c, got, "a failed update changes nothing")
	assert.Empty(t, s.ByProduct("榴莲"))
}

func updateUnknown(t *testing.T, s Store) {
	called := false
	err := s.Update("JXGE-SYN-9999999", func(*certification.Certificate) error { called = true; return nil })
	assert.ErrorIs(t, err, certification.ErrNotFound)
	assert.False(t, called)
}

func updateNumber(t *testing.T, s Store) {
	require.NoError(t, s.Add(Certificate(5)))
	require.NoError(t, s.Add(Certificate(6)))
	err := s.Update("JXGE-SYN-0000005", func(c *certification.Certificate) error { c.Number = "JXGE-SYN-0000006"; return nil })
	assert.Error(t, err)
	got, _ := s.Certificate("JXGE-SYN-0000006")
	Same(t, Certificate(6), got)
	got, _ = s.Certificate("JXGE-SYN-0000005")
	Same(t, Certificate(5), got)
}

// Surveillance returns a step that records a passed surveillance one hour
// after the last event, noting who (writer w) and which (i-th) step it is.
// Concurrent writers use it: each step sees the history as stored.
func Surveillance(w, i int) func(*certification.Certificate) error {
	return func(c *certification.Certificate) error {
		at := c.Issued
		if n := len(c.History); n > 0 {
			at = c.History[n-1].At
		}
		return c.Surveil(at.Add(time.Hour), true, fmt.Sprintf("w%d-%d", w, i))
	}
}

// CheckSteps checks that c's history, after its issue, holds the steps of
// [Surveillance] from writers 0..writers-1, each of steps 0..each-1 exactly
// once, each writer's in the order it made them, and dates in order.
func CheckSteps(t testing.TB, c certification.Certificate, writers, each int) {
	t.Helper()
	require.NotEmpty(t, c.History)
	seen := map[string]int{}
	next := make([]int, writers)
	for _, e := range c.History[1:] {
		seen[e.Reason]++
		var w, i int
		_, err := fmt.Sscanf(e.Reason, "w%d-%d", &w, &i)
		require.NoError(t, err, "unexpected event %q", e.Reason)
		require.Less(t, w, writers)
		assert.Equal(t, next[w], i, "writer %d's steps in order", w)
		next[w] = i + 1
	}
	for k, n := range seen {
		assert.Equal(t, 1, n, "%s recorded once", k)
	}
	assert.Len(t, c.History, 1+writers*each, "every step recorded")
	assert.True(t, inOrder(c.History), "history in date order")
}

func concurrent(t *testing.T, s Store, writers int) {
	const certs, each = 3, 15
	for i := range certs {
		require.NoError(t, s.Add(Certificate(i)))
	}
	var wg sync.WaitGroup
	for w := range writers {
		wg.Go(func() {
			for i := range each {
				for n := range certs {
					if err := s.Update(Certificate(n).Number, Surveillance(w, i)); err != nil {
						t.Error(err)
						return
					}
				}
			}
		})
	}
	// Readers meanwhile see whole certificates only.
	wg.Go(func() {
		for range 50 {
			c, ok := s.Certificate(Certificate(0).Number)
			if !ok || !inOrder(c.History) {
				t.Error("a reader saw a missing or half-written certificate")
				return
			}
		}
	})
	wg.Wait()
	for n := range certs {
		c, ok := s.Certificate(Certificate(n).Number)
		require.True(t, ok)
		CheckSteps(t, c, writers, each)
	}
}

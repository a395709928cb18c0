package recognition

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jxgreen/jxgreen/recognition/internal/jsonscan"
	"golang.org/x/text/language"
)

// Review of issue 14's fast paths: what the differential fuzz targets do
// not reach. FuzzLazyEnvelope holds one line read lazily by a fresh worker
// to one read the sure way; it never sees a worker's state across lines
// (its adapter, agreement, message and fault caches), the batches and
// summaries Run reuses, nor several workers at once. These tests run whole
// inputs through Run and hold each output line to a fresh worker's sure
// reading of that line alone.

// review14Lines are the bundled sample, the lazy-envelope lines and
// variants of sample lines made to collide in the worker's caches and to
// sit at the scanners' 8-byte word edges: the certificate number (whose
// text is in the output and in many reasons' arguments) stretched to 7–17
// bytes with a quote, backslash, control character or high byte at each
// position, the holder code and scheme changed so that reasons differ only
// in their arguments. All records are synthetic (the sample's).
func review14Lines(t *testing.T) []string {
	t.Helper()
	sample, err := os.ReadFile("../testdata/recognition/sample.ndjson")
	require.NoError(t, err)
	base := strings.Split(strings.TrimSuffix(string(sample), "\n"), "\n")
	lines := append([]string(nil), base...)
	for _, l := range lazyLines {
		if !strings.Contains(l, "\n") {
			lines = append(lines, l)
		}
	}
	// Variants of the first lines of each flat scheme in the sample.
	seen := map[string]bool{}
	var bases []string
	for _, l := range base {
		k := strings.Index(l, `,"record"`)
		if k < 0 {
			continue
		}
		if sch := l[:k]; !seen[sch] {
			seen[l[:k]] = true
			bases = append(bases, l)
		}
	}
	specials := []string{`\"`, `\\`, `\u0041`, `\n`, "\x01", "\x7f", "\u00e9", "\u6c5f", "\xff", "\xed\xa0\x80", "\xc0\xaf", "\ufffd", "\ufeff", "\x00"}
	for _, l := range bases {
		i := strings.Index(l, `SYN-`)
		if i < 0 {
			continue
		}
		j := i + strings.IndexByte(l[i:], '"')
		for _, n := range []int{7, 8, 9, 15, 16, 17} {
			for _, sp := range specials {
				for _, at := range []int{0, n / 2, n - 1} {
					num := strings.Repeat("A", at) + sp + strings.Repeat("B", max(0, n-at-1))
					lines = append(lines, l[:i]+num+l[j:])
				}
			}
		}
		// The same record under codes, statuses and dates that change only
		// the arguments of its reasons.
		for _, r := range [][2]string{{"2028-01-09", "2025-06-30"}, {"2028-01-09", "2026-05-31"}, {"有效", "注销"}, {"有效", "撤销"}, {"有效", "作废"}, {"暂停", "有效"}} {
			lines = append(lines, strings.Replace(l, r[0], r[1], 1))
		}
	}
	return lines
}

// TestReview14RunGivesEachLinesSureOutput: Run, with one worker and with
// several, over an input long enough for batches, summaries and worker
// caches to be reused many times, writes for every line what a fresh
// worker that reads every envelope the sure way writes for it alone, and
// the same counts.
//
// It passes on main at 2be7ed6; it guards the state across lines that
// no test held before.
func TestReview14RunGivesEachLinesSureOutput(t *testing.T) {
	lines := review14Lines(t)
	// Reorder and repeat, so that each line meets others' cached state.
	rng := rand.New(rand.NewPCG(14, 14))
	var all []string
	repeats := 3
	if testing.Short() {
		repeats = 1 // the race detector's run (.ci/run) is ten times slower
	}
	for range repeats {
		p := rng.Perm(len(lines))
		for _, k := range p {
			all = append(all, lines[k])
		}
	}
	// The reader judges the encoding on the first non-ASCII line: make it
	// UTF-8, so that later lines with bytes that are not are error lines.
	all = append([]string{lines[0]}, all...)
	input := []byte(strings.Join(all, "\n") + "\n")

	at := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	for _, lang := range []language.Tag{language.Chinese, language.English} {
		want := make([][]byte, len(all))
		wantSum := newSummary()
		wantSum.Lines = len(all)
		for i, l := range all {
			sure := worker{c: &Checker{}, at: at, lang: lang, maxLine: defaultMaxLine, strict: true}
			want[i] = sure.checkLine(nil, i+1, []byte(l), &wantSum)
		}
		for _, workers := range []int{1, 2, 4} {
			t.Run(fmt.Sprintf("%s/workers=%d", lang, workers), func(t *testing.T) {
				c := &Checker{Workers: workers, At: at, Lang: lang}
				var out bytes.Buffer
				sum, err := c.Run(context.Background(), bytes.NewReader(input), &out)
				require.NoError(t, err)
				got := bytes.SplitAfter(out.Bytes(), []byte("\n"))
				got = got[:len(got)-1]
				require.Len(t, got, len(all))
				for i := range all {
					if !bytes.Equal(want[i], got[i]) {
						t.Fatalf("line %d %q:\n got %s\nwant %s", i+1, all[i], got[i], want[i])
					}
				}
				sum.Elapsed = 0
				assert.Equal(t, wantSum, sum)
			})
		}
	}
}

// TestReview14KeptRecordsOutliveTheirBatch: a Checker.Agreement callback
// that keeps every record it is given (as a caller that logs or audits
// them would) finds each, after Run, as decoding its line afresh gives
// it: no record shares memory with a batch buffer that Run reuses for
// later lines (the fast paths now give pieces of their input rather than
// copies, and Run keeps its batches in a free list).
//
// It passes on main at 2be7ed6 (the strings are copies of the line, the
// slices made per record); it guards that property, which no test held.
func TestReview14KeptRecordsOutliveTheirBatch(t *testing.T) {
	sample, err := os.ReadFile("../testdata/recognition/sample.ndjson")
	require.NoError(t, err)
	base := strings.Split(strings.TrimSuffix(string(sample), "\n"), "\n")
	var lines []string
	for range 40 { // many batches, so that each buffer is reused
		lines = append(lines, base...)
	}
	var want []Record
	for _, l := range lines {
		var ad Adapter
		w := worker{c: &Checker{}}
		scheme, record, _, ok, _ := jsonscan.Envelope([]byte(l), true)
		if !ok || record == nil {
			continue
		}
		c, found := w.adapter(scheme)
		if !found {
			continue
		}
		ad = c.a
		r, err := ad.Decode(record)
		if err != nil {
			continue
		}
		want = append(want, r)
	}
	require.Greater(t, len(want), 1000)

	var mu sync.Mutex
	var kept []Record
	c := &Checker{Workers: 2, At: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), Agreement: func(via Adapter, r Record) Agreement {
		mu.Lock()
		kept = append(kept, r)
		mu.Unlock()
		return via.Agreement()
	}}
	_, err = c.Run(context.Background(), strings.NewReader(strings.Join(lines, "\n")+"\n"), io.Discard)
	require.NoError(t, err)
	require.Equal(t, len(want), len(kept))
	// Order the two alike (the workers call back in any order).
	key := func(r Record) string { return fmt.Sprintf("%#v", r) }
	sortRecords := func(rs []Record) []string {
		ks := make([]string, len(rs))
		for i, r := range rs {
			ks[i] = key(r)
		}
		slices.Sort(ks)
		return ks
	}
	assert.Equal(t, sortRecords(want), sortRecords(kept))
}

// TestReview14UncheckedEnvelopeAtWordEdges: the common line's envelope is
// read before the line's UTF-8 is known (EnvelopeLazyUnchecked checks the
// strings it reads, and the flat record's reader its own): a byte that is
// not UTF-8, a surrogate, an overlong form, a NUL, a byte order mark or an
// escape, at each 8-byte word edge of a key, of the scheme, of a member
// before or after the scheme (plain, in an array, in an object) and of a
// record's value, gives the output of the sure reading that checks the
// whole line first.
//
// It passes on main at 2be7ed6; FuzzLazyEnvelope reaches these edges by
// mutation only.
func TestReview14UncheckedEnvelopeAtWordEdges(t *testing.T) {
	sample, err := os.ReadFile("../testdata/recognition/sample.ndjson")
	require.NoError(t, err)
	var flat string
	for _, l := range strings.Split(string(sample), "\n") {
		if strings.HasPrefix(l, `{"scheme":"zhejiang","record":{`) {
			flat = l
			break
		}
	}
	require.NotEmpty(t, flat)
	rec := strings.TrimPrefix(flat, `{"scheme":"zhejiang","record":`)
	rec = rec[:len(rec)-1]
	require.Contains(t, rec, `"ZJ`)
	specials := []string{"\xff", "\xed\xa0\x80", "\xc0\xaf", "\xe6\xb1", "\x00", "\ufeff", "\ufffd", `\u0041`, `\"`, "\u6c5f"}
	n := 0
	for size := 5; size <= 18; size++ {
		for _, sp := range specials {
			for _, at := range []int{0, size / 2, size - 1} {
				s := strings.Repeat("k", at) + sp + strings.Repeat("v", max(0, size-at-1))
				for _, l := range []string{
					`{"` + s + `":"v","scheme":"zhejiang","record":` + rec + `}`,
					`{"scheme":"zhejiang","` + s + `":"v","record":` + rec + `}`,
					`{"x":"` + s + `","scheme":"zhejiang","record":` + rec + `}`,
					`{"scheme":"zhejiang","x":["a","` + s + `"],"record":` + rec + `}`,
					`{"scheme":"zhejiang","x":{"` + s + `":{"y":"` + s + `"}},"record":` + rec + `}`,
					`{"scheme":"` + s + `","record":` + rec + `}`,
					`{"scheme":"zhe` + s + `jiang","record":` + rec + `}`,
					`{"scheme":"zhejiang","record":` + strings.Replace(rec, `"ZJ`, `"`+s+`ZJ`, 1) + `}`,
					`{"scheme":"zhejiang","record":` + strings.Replace(rec, `{"`, `{"`+s+`":"x","`, 1) + `}`,
					`{"record":` + strings.Replace(rec, `"ZJ`, `"`+s+`ZJ`, 1) + `,"scheme":"zhejiang"}`,
				} {
					assertLazyAgrees(t, l)
					n++
				}
			}
		}
	}
	t.Logf("%d lines", n)
}

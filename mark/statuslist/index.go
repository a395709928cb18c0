package statuslist

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Index gives each certificate its place in the brand's status list: the
// even index of its revocation bit (its suspension bit follows). The place
// is drawn at random among the free ones, so that it says nothing of the
// order or the time of issue, and is never given to another certificate,
// even after the first one ends. A label code signs the index in, so a
// scan finds its bit offline and nobody can move a code to another bit.
//
// The brand keeps its Index for good (MarshalJSON / UnmarshalJSON) beside
// its register: losing it would strand every printed code. An Index is
// safe for concurrent use.
type Index struct {
	mu       sync.Mutex
	byNumber map[string]int
	taken    map[int]bool
	// space is how many certificates the current draw range holds: it
	// starts at MinBits/2 and doubles when half of it is taken, so that
	// a random draw finds a free place in two tries on average.
	space int
}

// NewIndex returns an empty index.
func NewIndex() *Index {
	return &Index{byNumber: map[string]int{}, taken: map[int]bool{}, space: MinBits / 2}
}

// Assign returns the index of the certificate with the given number,
// drawing a free one the first time. It fails with an [*Error] wrapping
// [ErrBuild] for an empty number or when [MaxBits]/2 certificates already
// have one.
func (x *Index) Assign(number string) (int, error) {
	if number == "" {
		return 0, &Error{Reason: "number", Err: ErrBuild}
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	x.init()
	if i, ok := x.byNumber[number]; ok {
		return i, nil
	}
	if len(x.taken) >= MaxBits/2 {
		return 0, &Error{Reason: "full", Err: ErrBuild, args: []any{MaxBits / 2}}
	}
	for 2*len(x.taken) >= x.space && x.space < MaxBits/2 {
		x.space *= 2
	}
	for {
		i := 2 * rand.IntN(x.space)
		if !x.taken[i] {
			x.taken[i] = true
			x.byNumber[number] = i
			return i, nil
		}
	}
}

func (x *Index) init() {
	if x.byNumber == nil {
		x.byNumber, x.taken, x.space = map[string]int{}, map[int]bool{}, MinBits/2
	}
}

// Lookup returns the index of the certificate with the given number, if it
// has one.
func (x *Index) Lookup(number string) (int, bool) {
	x.mu.Lock()
	defer x.mu.Unlock()
	i, ok := x.byNumber[number]
	return i, ok
}

// Len returns how many certificates have an index.
func (x *Index) Len() int {
	x.mu.Lock()
	defer x.mu.Unlock()
	return len(x.byNumber)
}

type indexEntry struct {
	number string
	index  int
}

// snapshot returns the entries and the highest index.
func (x *Index) snapshot() ([]indexEntry, int) {
	if x == nil {
		return nil, 0
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	out := make([]indexEntry, 0, len(x.byNumber))
	top := 0
	for n, i := range x.byNumber {
		out = append(out, indexEntry{n, i})
		top = max(top, i)
	}
	return out, top
}

// MarshalJSON writes the index as a JSON object from certificate number to
// index, in number order.
func (x *Index) MarshalJSON() ([]byte, error) {
	entries, _ := x.snapshot()
	slices.SortFunc(entries, func(a, b indexEntry) int { return strings.Compare(a.number, b.number) })
	var b bytes.Buffer
	b.WriteByte('{')
	for i, e := range entries {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(e.number) // a string always marshals
		b.Write(k)
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(e.index))
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// UnmarshalJSON reads what MarshalJSON wrote. It refuses, with an [*Error]
// wrapping [ErrMalformed], a repeated number, an empty number, an odd or
// out-of-range index, and one index given to two certificates.
func (x *Index) UnmarshalJSON(b []byte) error {
	var m map[string]int
	if !strictJSON(b, &m) {
		return malformed("", "json", "index")
	}
	taken := make(map[int]bool, len(m))
	for n, i := range m {
		if n == "" || i < 0 || i%2 != 0 || i >= MaxBits || taken[i] {
			return malformed("", "field", "index "+strconv.Quote(n))
		}
		taken[i] = true
	}
	space := MinBits / 2
	for 2*len(taken) >= space && space < MaxBits/2 {
		space *= 2
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	x.byNumber, x.taken, x.space = m, taken, space
	return nil
}

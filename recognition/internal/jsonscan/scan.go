// Package jsonscan reads JSON without reflection for the recognition
// package and its adapters: a scanner for flat records and NDJSON
// envelopes, and a tree reader with bounds and duplicate-key refusal.
// Whatever it is not sure of it declines, and its callers ask
// encoding/json; differential fuzz tests (FuzzTree, FuzzEnvelope) hold it
// to encoding/json.
package jsonscan

import (
	"encoding/binary"
	"encoding/json"
	"math/bits"
	"slices"
)

// A small scanner for the common shape of partner records: one flat JSON
// object whose values are strings or arrays of strings. It is the fast
// path of decoding (see recognition.FlatAdapter.Decode): whenever the input is not
// plainly of that shape it declines, and the caller takes the slow path
// through encoding/json and the JSON Schema, which is the contract. To
// stay exactly equal to encoding/json it declines strings with escapes,
// control characters or invalid UTF-8 rather than interpret them.

type scanner struct {
	b []byte
	i int
	// valid says that b is known to be valid UTF-8 (the batch checks each
	// line once), so strings need not be checked again.
	valid bool
	// path and err are for tree: where it is, and why it refused.
	path []pathSeg
	err  *TreeError
	// str, when set, is b as a string: plainString then returns pieces
	// of it instead of copying each value (one allocation a record, not
	// one a field).
	str string
}

func (s *scanner) ws() {
	if s.i < len(s.b) && s.b[s.i] > ' ' {
		return // the common case: no white space
	}
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

func (s *scanner) peek() byte {
	if s.i < len(s.b) {
		return s.b[s.i]
	}
	return 0
}

// plainString reads a string without escapes; ok is false (and the
// position undefined) for anything else.
func (s *scanner) plainString() (string, bool) {
	b, ok := s.plainBytes()
	if !ok {
		return "", false
	}
	return s.strOf(b), true
}

// shareLimit is the longest input whose strings share one copy of it:
// far more than any record a schema admits, so that an input past it,
// which will be refused, is not copied whole before it is.
const shareLimit = 64 << 10

// shared returns b as a string for scanner.str, or "" (each string is
// then copied on its own) when b is longer than shareLimit.
func shared(b []byte) string {
	if len(b) > shareLimit {
		return ""
	}
	return string(b)
}

// strOf returns b, a piece of s.b, as a string: a piece of s.str when it
// is set, else a copy.
func (s *scanner) strOf(b []byte) string {
	if s.str == "" || b == nil {
		return string(b)
	}
	start := cap(s.b) - cap(b) // b is s.b[start:end]
	return s.str[start : start+len(b)]
}

// plainBytes is plainString without the copy: the bytes are the input's.
func (s *scanner) plainBytes() ([]byte, bool) {
	if s.peek() != '"' {
		return nil, false
	}
	start := s.i + 1
	j, seen := PlainRun(s.b, start) // seen: an ASCII string needs no UTF-8 check
	if j == len(s.b) || s.b[j] != '"' {
		return nil, false // unterminated, an escape or a control character
	}
	s.i = j + 1
	raw := s.b[start:j]
	if !s.valid && seen&0x8080808080808080 != 0 && !ValidUTF8(raw) {
		return nil, false
	}
	return raw, true
}

// PlainRun returns the index of the first byte of b at or after i that
// ends the plain run of a JSON string (a quote, the backslash of an
// escape, or a control character JSON forbids in strings), len(b) when
// there is none, and the bytes of the run or-ed together: its high bits
// are zero when the run is ASCII, which then needs no UTF-8 check. It reads
// eight bytes at a time.
func PlainRun(b []byte, i int) (end int, seen uint64) {
	j := i
	for {
		if j+8 > len(b) {
			for j < len(b) && !stringStop[b[j]] {
				seen |= uint64(b[j])
				j++
			}
			return j, seen
		}
		w := binary.LittleEndian.Uint64(b[j:])
		if m := stops(w); m != 0 {
			// The first stop byte is the lowest flagged, k bytes in.
			k := uint(bits.TrailingZeros64(m)) >> 3
			return j + int(k), seen | w&(1<<(8*k)-1)
		}
		seen |= w
		j += 8
	}
}

// stopIn reports whether any of the 8 bytes of w is one of stringStop's,
// a word at a time (the "has less than" and "has zero byte" tests of Bit
// Twiddling Hacks, exact as yes-or-no answers).
func stopIn(w uint64) bool { return stops(w) != 0 }

// stops is stopIn's answer as bits: the high bit of a byte of w is set
// when it, or a byte below it, is a stop byte. A borrow can flag the byte
// above a stop byte, never one below the first: the lowest bit set is
// exactly the first stop byte's.
//
// The quote and the control characters are one test: flipping bit 1 of
// every byte maps 0x22 to 0x20 and the bytes below 0x20 to bytes below
// 0x20, and no other byte below 0x21, so they are the bytes of w^0x02…
// below 0x21.
func stops(w uint64) uint64 {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	low, backslash := w^(ones*0x02), w^(ones*'\\')
	return ((low-ones*0x21)&^low | (backslash-ones)&^backslash) & highs
}

// stringStop marks the bytes that end the plain run of a string: the
// quote, the backslash of an escape, and the control characters JSON
// forbids in strings.
var stringStop = func() (t [256]bool) {
	for c := range 0x20 {
		t[c] = true
	}
	t['"'], t['\\'] = true, true
	return
}()

// skipValue steps over one JSON value, checking its syntax; it declines
// (false) on anything it is not sure of, and any value nested more than
// 64 deep, counting from depth.
//
// It is one loop over the input with the open arrays and objects as bits
// of a stack, not a call and a closure per value: it checks every record
// a lenient adapter is given. FuzzSkipValueAgreesWithReference holds it to
// the recursive reading it replaced, and ValidValue to encoding/json.
func (s *scanner) skipValue(depth int) bool {
	// objects has bit d set when the container the values at depth d+1
	// are in is an object (clear: an array); depth never passes 65.
	var objects [2]uint64
	d := depth
	for {
		// A value at depth d.
		if d > 64 {
			return false
		}
		s.ws()
		if s.i >= len(s.b) {
			return false
		}
		switch c := s.b[s.i]; c {
		case '"':
			if !s.skipString() {
				return false
			}
		case '{', '[':
			s.i++
			s.ws()
			if s.i < len(s.b) && s.b[s.i] == c+2 { // '}' and ']' are 2 past '{' and '['
				s.i++
				break
			}
			if c == '{' {
				objects[d>>6] |= 1 << (d & 63)
				if !s.skipKey() {
					return false
				}
			} else {
				objects[d>>6] &^= 1 << (d & 63)
			}
			d++
			continue
		case 't':
			if !s.literal("true") {
				return false
			}
		case 'f':
			if !s.literal("false") {
				return false
			}
		case 'n':
			if !s.literal("null") {
				return false
			}
		default:
			if !s.skipNumber() {
				return false
			}
		}
		// After a value: close the containers it ends, up to the next
		// member or element.
		for {
			if d == depth {
				return true
			}
			s.ws()
			if s.i >= len(s.b) {
				return false
			}
			inObject := objects[(d-1)>>6]&(1<<((d-1)&63)) != 0
			c := s.b[s.i]
			if c == ',' {
				s.i++
				if inObject && !s.skipKey() {
					return false
				}
				break
			}
			if inObject && c != '}' || !inObject && c != ']' {
				return false
			}
			s.i++
			d--
		}
	}
}

// skipKey steps over an object's key and its colon, and the white space
// before each.
func (s *scanner) skipKey() bool {
	s.ws()
	if !s.skipString() {
		return false
	}
	s.ws()
	if s.i >= len(s.b) || s.b[s.i] != ':' {
		return false
	}
	s.i++
	return true
}

// skipUnique is skipValue that also refuses, in fault, an object with a
// key twice or with more than MaxMembers keys, anywhere in the value, at
// the first in document order. Keys with escapes, which can spell the
// same key two ways, are declined (false, no fault) like anything else
// skipValue is not sure of. The cost stays linear: an object's keys are
// compared one by one up to 16 of them, and through a map beyond.
func (s *scanner) skipUnique(depth int, fault *EnvelopeFault) bool {
	if depth > 64 {
		return false
	}
	s.ws()
	switch s.peek() {
	case '{':
		var seen [16][]byte
		keys := seen[:0]
		var set map[string]struct{}
		return s.members(s.plainBytes, func(key []byte) bool {
			dup := false
			if set != nil {
				_, dup = set[string(key)]
			} else {
				for _, k := range keys {
					if string(k) == string(key) {
						dup = true
						break
					}
				}
			}
			switch {
			case dup:
				*fault = EnvelopeFault{kind: "duplicate-key", key: string(key)}
				return false
			case len(keys) == MaxMembers:
				*fault = EnvelopeFault{kind: "too-many-keys"}
				return false
			}
			keys = append(keys, key)
			if set != nil {
				set[string(key)] = struct{}{}
			} else if len(keys) > len(seen) {
				set = make(map[string]struct{}, 2*len(keys))
				for _, k := range keys {
					set[string(k)] = struct{}{}
				}
			}
			return s.skipUnique(depth+1, fault)
		})
	case '[':
		return s.elements(func() bool { return s.skipUnique(depth+1, fault) })
	}
	return s.skipValue(depth)
}

func (s *scanner) literal(lit string) bool {
	if len(s.b)-s.i >= len(lit) && string(s.b[s.i:s.i+len(lit)]) == lit {
		s.i += len(lit)
		return true
	}
	return false
}

// skipString steps over a string, checking its escapes (and its UTF-8
// unless s.valid): eight bytes at a time up to the next quote, backslash
// or control character. FuzzSkipStringAgreesWithReference holds it to the
// byte-at-a-time reading it replaced.
func (s *scanner) skipString() bool {
	if s.peek() != '"' {
		return false
	}
	j := s.i + 1
	var seen uint64 // the bytes read, or-ed: an ASCII string needs no UTF-8 check
	for {
		for {
			if j+8 > len(s.b) {
				for j < len(s.b) && !stringStop[s.b[j]] {
					seen |= uint64(s.b[j])
					j++
				}
				break
			}
			w := binary.LittleEndian.Uint64(s.b[j:])
			if m := stops(w); m != 0 {
				k := uint(bits.TrailingZeros64(m)) >> 3 // the first stop byte
				seen |= w & (1<<(8*k) - 1)
				j += int(k)
				break
			}
			seen |= w
			j += 8
		}
		if j >= len(s.b) {
			return false
		}
		switch s.b[j] {
		case '"':
			if !s.valid && seen&0x8080808080808080 != 0 && !ValidUTF8(s.b[s.i+1:j]) {
				return false
			}
			s.i = j + 1
			return true
		case '\\':
			if j+1 >= len(s.b) {
				return false
			}
			switch s.b[j+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				j += 2
			case 'u':
				if j+5 >= len(s.b) {
					return false
				}
				for _, h := range s.b[j+2 : j+6] {
					if !(h >= '0' && h <= '9' || h >= 'a' && h <= 'f' || h >= 'A' && h <= 'F') {
						return false
					}
				}
				j += 6
			default:
				return false
			}
		default:
			return false // a control character
		}
	}
}

// skipNumber steps over a number. FuzzSkipValueAgreesWithReference holds
// it to the reading it replaced.
func (s *scanner) skipNumber() bool {
	if s.peek() == '-' {
		s.i++
	}
	switch {
	case s.peek() == '0':
		s.i++
	case !s.digits():
		return false
	}
	if s.peek() == '.' {
		s.i++
		if !s.digits() {
			return false
		}
	}
	if c := s.peek(); c == 'e' || c == 'E' {
		s.i++
		if c := s.peek(); c == '+' || c == '-' {
			s.i++
		}
		if !s.digits() {
			return false
		}
	}
	return true
}

// digits steps over a run of digits, and reports whether there was one.
func (s *scanner) digits() bool {
	start := s.i
	for s.i < len(s.b) && s.b[s.i] >= '0' && s.b[s.i] <= '9' {
		s.i++
	}
	return s.i > start
}

// members reads an object: for each member, key reads the key and member
// the value (the scanner is at its start). It returns false on anything
// amiss.
func (s *scanner) members(key func() ([]byte, bool), member func(key []byte) bool) bool {
	s.ws()
	if s.peek() != '{' {
		return false
	}
	s.i++
	s.ws()
	if s.peek() == '}' {
		s.i++
		return true
	}
	for {
		s.ws()
		k, ok := key()
		if !ok {
			return false
		}
		s.ws()
		if s.peek() != ':' {
			return false
		}
		s.i++
		s.ws()
		if !member(k) {
			return false
		}
		s.ws()
		switch s.peek() {
		case ',':
			s.i++
		case '}':
			s.i++
			return true
		default:
			return false
		}
	}
}

// elements reads an array, calling elem to read each element.
func (s *scanner) elements(elem func() bool) bool {
	if s.peek() != '[' {
		return false
	}
	s.i++
	s.ws()
	if s.peek() == ']' {
		s.i++
		return true
	}
	for {
		s.ws()
		if !elem() {
			return false
		}
		s.ws()
		switch s.peek() {
		case ',':
			s.i++
		case ']':
			s.i++
			return true
		default:
			return false
		}
	}
}

// object reads an object whose keys are plain strings.
func (s *scanner) object(member func(key []byte) bool) bool {
	return s.members(s.plainBytes, member)
}

// plainStrings reads an array of plain strings.
// It declines an array of more than MaxItems strings, which no schema
// admits, before reading the rest.
func (s *scanner) plainStrings() ([]string, bool) {
	vals := []string{}
	ok := s.elements(func() bool {
		if len(vals) == MaxItems {
			return false
		}
		v, ok := s.plainString()
		vals = append(vals, v)
		return ok
	})
	return vals, ok
}

// end reports whether only white space is left.
func (s *scanner) end() bool {
	s.ws()
	return s.i == len(s.b)
}

// FlatObject reads a whole input that is one object of plain strings and
// arrays of plain strings, and nothing after it but white space. It does
// not look for duplicate keys: its caller declines them.
// valid says that b is known to be valid UTF-8.
//
// The strings it gives share one copy of b.
func FlatObject(b []byte, valid bool, set func(key []byte, val string), add func(key []byte, vals []string)) bool {
	s := scanner{b: b, valid: valid, str: shared(b)}
	return s.object(func(key []byte) bool {
		switch s.peek() {
		case '"':
			v, ok := s.plainString()
			if ok {
				set(key, v)
			}
			return ok
		case '[':
			vals, ok := s.plainStrings()
			if ok {
				add(key, vals)
			}
			return ok
		}
		return false
	}) && s.end()
}

// Tree reads the whole input as a generic JSON tree, as encoding/json with
// UseNumber would (objects as map[string]any, numbers as json.Number), for
// inputs of plain strings. It declines (ok false) escapes, invalid UTF-8
// and anything that is not JSON, which [SlowTree] then reads; it refuses
// (err set) a duplicate key or a value past the bounds, at the first in
// document order, as SlowTree does.
//
// The strings of the tree share one copy of b.
func Tree(b []byte) (v any, ok bool, err *TreeError) {
	s := scanner{b: b, str: shared(b)}
	v, ok = s.value(0)
	if s.err != nil {
		// The steps were added on the way out, innermost first.
		slices.Reverse(s.path)
		s.err.pointer = s.pointer()
		return nil, true, s.err
	}
	return v, ok && s.end(), nil
}

// value reads one value for tree. When it refuses the input it sets
// s.err, and s.path collects the steps to the fault in reverse, each
// level adding its own on the way out, so that a value read without fault
// costs no bookkeeping.
func (s *scanner) value(depth int) (any, bool) {
	s.ws()
	if depth >= MaxDepth {
		if c := s.peek(); c == '{' || c == '[' {
			s.err = &TreeError{kind: "depth"}
			return nil, false
		}
	}
	switch c := s.peek(); {
	case c == '"':
		v, ok := s.plainBytes()
		if ok && len(v) > MaxString {
			s.err = &TreeError{kind: "string"}
			return nil, false
		}
		return s.strOf(v), ok
	case c == '{':
		m := map[string]any{}
		ok := s.members(s.plainBytes, func(key []byte) bool {
			if len(key) > MaxString {
				s.err = &TreeError{kind: "string"}
				return false
			}
			if _, dup := m[string(key)]; dup {
				s.err = &TreeError{kind: "duplicate", key: string(key)}
				s.path = append(s.path, pathSeg{raw: key})
				return false
			}
			if len(m) == MaxMembers {
				s.err = &TreeError{kind: "members"}
				return false
			}
			v, ok := s.value(depth + 1)
			if s.err != nil {
				s.path = append(s.path, pathSeg{raw: key})
				return false
			}
			m[s.strOf(key)] = v
			return ok
		})
		return m, ok
	case c == '[':
		l := []any{}
		ok := s.elements(func() bool {
			if len(l) == MaxItems {
				s.err = &TreeError{kind: "items"}
				return false
			}
			v, ok := s.value(depth + 1)
			if s.err != nil {
				s.path = append(s.path, pathSeg{idx: len(l), isIdx: true})
				return false
			}
			l = append(l, v)
			return ok
		})
		return l, ok
	case c == 't':
		return true, s.literal("true")
	case c == 'f':
		return false, s.literal("false")
	case c == 'n':
		return nil, s.literal("null")
	case c == '-' || (c >= '0' && c <= '9'):
		start := s.i
		if !s.skipNumber() {
			return nil, false
		}
		return json.Number(s.strOf(s.b[start:s.i])), true
	}
	return nil, false
}

// FlatMembers returns the members of b, in document order, when b is one
// object of plain strings and arrays of plain strings that [Tree] reads
// without fault: no key twice, no more than MaxMembers members or MaxItems
// items, no string or key longer than MaxString bytes. Each value is a
// string or a []any of strings, as Tree gives them, and the strings share
// one copy of b. ok is false for anything else. It lets a caller word a
// schema's fault for such a record without building the whole tree.
// valid says that b is known to be valid UTF-8.
func FlatMembers(b []byte, valid bool) (keys []string, values []any, ok bool) {
	s := scanner{b: b, valid: valid, str: shared(b)}
	// Room for the members of any flat record, grown only past that.
	keys, values = make([]string, 0, 16), make([]any, 0, 16)
	ok = s.object(func(key []byte) bool {
		if len(keys) == MaxMembers || len(key) > MaxString || slices.Contains(keys, string(key)) {
			return false
		}
		keys = append(keys, s.strOf(key))
		switch s.peek() {
		case '"':
			v, ok := s.plainBytes()
			values = append(values, s.strOf(v))
			return ok && len(v) <= MaxString
		case '[':
			items := []any{}
			ok := s.elements(func() bool {
				v, ok := s.plainBytes()
				items = append(items, s.strOf(v))
				return len(items) <= MaxItems && ok && len(v) <= MaxString
			})
			values = append(values, items)
			return ok
		}
		return false
	}) && s.end()
	return keys, values, ok
}

// Span is a piece of an input, b[Start:End].
type Span struct{ Start, End int }

// FlatMember is a member of a flat object as [FlatSpans] reads it: its
// key, and its value, a plain string (Value) or an array of plain strings
// (items[First:First+N] of FlatSpans' items).
type FlatMember struct {
	Key, Value Span
	IsArr      bool
	First, N   int
}

// FlatSpans is [FlatObject] without copies: it reads b, one object of
// plain strings and arrays of plain strings and nothing after it but white
// space, into members and items, which the caller provides (on its stack),
// and returns how many of each it filled. It declines (ok false) whatever
// FlatObject declines, and an object with more members or items than
// members and items hold. It does not look for duplicate keys.
// valid says that b is known to be valid UTF-8.
func FlatSpans(b []byte, valid bool, members []FlatMember, items []Span) (nMembers, nItems int, ok bool) {
	// One loop, without the callbacks of members and elements: it is the
	// fast path of every flat record. FuzzFlatSpansAgreesWithReference
	// holds it to the same reading through them.
	s := scanner{b: b, valid: valid}
	s.ws()
	if s.peek() != '{' {
		return 0, 0, false
	}
	s.i++
	s.ws()
	if s.peek() == '}' {
		s.i++
		return 0, 0, s.end()
	}
	for {
		s.ws()
		if nMembers == len(members) {
			return 0, 0, false
		}
		m := &members[nMembers]
		k, ok := s.span()
		if !ok {
			return 0, 0, false
		}
		m.Key = k
		s.ws()
		if s.peek() != ':' {
			return 0, 0, false
		}
		s.i++
		s.ws()
		switch s.peek() {
		case '"':
			v, ok := s.span()
			if !ok {
				return 0, 0, false
			}
			m.Value, m.IsArr = v, false
		case '[':
			s.i++
			m.IsArr, m.First, m.N = true, nItems, 0
			s.ws()
			if s.peek() == ']' {
				s.i++
				break
			}
			for {
				s.ws()
				if nItems == len(items) {
					return 0, 0, false
				}
				v, ok := s.span()
				if !ok {
					return 0, 0, false
				}
				items[nItems] = v
				nItems++
				m.N++
				s.ws()
				if c := s.peek(); c == ',' {
					s.i++
					continue
				} else if c != ']' {
					return 0, 0, false
				}
				s.i++
				break
			}
		default:
			return 0, 0, false
		}
		nMembers++
		s.ws()
		switch s.peek() {
		case ',':
			s.i++
		case '}':
			s.i++
			if !s.end() {
				return 0, 0, false
			}
			return nMembers, nItems, true
		default:
			return 0, 0, false
		}
	}
}

// span reads a plain string (see plainBytes) and returns where its
// contents are in s.b.
func (s *scanner) span() (Span, bool) {
	v, ok := s.plainBytes()
	if !ok {
		return Span{}, false
	}
	return Span{Start: s.i - 1 - len(v), End: s.i - 1}, true
}

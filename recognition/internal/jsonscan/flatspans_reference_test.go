package jsonscan

import (
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

// flatSpansReference is FlatSpans as it was first written, through the
// scanner's members and elements: the reference of
// FuzzFlatSpansAgreesWithReference.
func flatSpansReference(b []byte, valid bool, members []FlatMember, items []Span) (nMembers, nItems int, ok bool) {
	s := scanner{b: b, valid: valid}
	span := func() (Span, bool) {
		v, ok := s.plainBytes()
		if !ok {
			return Span{}, false
		}
		return Span{Start: s.i - 1 - len(v), End: s.i - 1}, true
	}
	ok = s.members(func() ([]byte, bool) {
		if nMembers == len(members) {
			return nil, false
		}
		k, ok := span()
		members[nMembers].Key = k
		return nil, ok
	}, func([]byte) bool {
		m := &members[nMembers]
		nMembers++
		switch s.peek() {
		case '"':
			v, ok := span()
			m.Value, m.IsArr = v, false
			return ok
		case '[':
			m.IsArr, m.First, m.N = true, nItems, 0
			return s.elements(func() bool {
				if nItems == len(items) {
					return false
				}
				v, ok := span()
				items[nItems] = v
				nItems++
				m.N++
				return ok
			})
		}
		return false
	}) && s.end()
	if !ok {
		return 0, 0, false
	}
	return nMembers, nItems, true
}

// FuzzFlatSpansAgreesWithReference holds FlatSpans to the reading through
// members and elements on any input, with room for few or many members
// and items: the same answer, the same members and items.
func FuzzFlatSpansAgreesWithReference(f *testing.F) {
	for _, s := range []string{
		`{"a":"b","c":["d","e"],"f":[]}`, ` { "a" : "b" , "c" : [ "d" , "e" ] } `, `{}`, ` {} `, `{} x`,
		`{"a":"b",}`, `{"a":["b",]}`, `{"a":["b"` + "\n" + `]}`, `{"a":1}`, `{"a":"b\"c"}`, `{"a":"合成"}`,
		`{"a":["b"],"c":["d"],"e":["f"],"g":"h"}`, `{"a":"b"`, `{"a" "b"}`, `["a"]`, "{\"a\":\"\xff\"}",
	} {
		f.Add([]byte(s), true, uint8(8), uint8(8))
		f.Add([]byte(s), false, uint8(1), uint8(2))
	}
	f.Fuzz(func(t *testing.T, b []byte, valid bool, nm, ni uint8) {
		if valid && !utf8.Valid(b) {
			valid = false // valid promises UTF-8
		}
		gm, wm := make([]FlatMember, nm%20), make([]FlatMember, nm%20)
		gi, wi := make([]Span, ni%40), make([]Span, ni%40)
		gn, gk, gok := FlatSpans(b, valid, gm, gi)
		wn, wk, wok := flatSpansReference(b, valid, wm, wi)
		assert.Equal(t, wok, gok, "%q", b)
		assert.Equal(t, wn, gn, "%q", b)
		assert.Equal(t, wk, gk, "%q", b)
		if wok {
			assert.Equal(t, wm[:wn], gm[:gn], "%q", b)
			assert.Equal(t, wi[:wk], gi[:gk], "%q", b)
		}
	})
}

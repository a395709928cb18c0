package jsonscan

import (
	"bytes"
	"encoding/json"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

// skipValueReference is skipValue as it was, recursive through members and
// elements with a closure per value: the reference of
// FuzzSkipValueAgreesWithReference.
func (s *scanner) skipValueReference(depth int) bool {
	if depth > 64 {
		return false
	}
	s.ws()
	switch c := s.peek(); {
	case c == '"':
		return s.skipString()
	case c == '{':
		return s.members(
			func() ([]byte, bool) { return nil, s.skipString() },
			func([]byte) bool { return s.skipValueReference(depth + 1) })
	case c == '[':
		return s.elements(func() bool { return s.skipValueReference(depth + 1) })
	case c == 't':
		return s.literal("true")
	case c == 'f':
		return s.literal("false")
	case c == 'n':
		return s.literal("null")
	case c == '-' || (c >= '0' && c <= '9'):
		return s.skipNumberReference()
	}
	return false
}

// skipNumberReference is skipNumber as it was, with a closure for the
// digits.
func (s *scanner) skipNumberReference() bool {
	digits := func() int {
		n := 0
		for s.i < len(s.b) && s.b[s.i] >= '0' && s.b[s.i] <= '9' {
			s.i++
			n++
		}
		return n
	}
	if s.peek() == '-' {
		s.i++
	}
	switch {
	case s.peek() == '0':
		s.i++
	case digits() == 0:
		return false
	}
	if s.peek() == '.' {
		s.i++
		if digits() == 0 {
			return false
		}
	}
	if c := s.peek(); c == 'e' || c == 'E' {
		s.i++
		if c := s.peek(); c == '+' || c == '-' {
			s.i++
		}
		if digits() == 0 {
			return false
		}
	}
	return true
}

// valueDepth returns how deep the deepest value of b, valid JSON, is
// nested, as skipValue counts it: the number of arrays and objects around
// it.
func valueDepth(t *testing.T, b []byte) int {
	dec := json.NewDecoder(bytes.NewReader(b))
	open, deepest := 0, 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return deepest
		}
		if err != nil {
			t.Fatalf("%q: %v", b, err)
		}
		switch tok {
		case json.Delim('}'), json.Delim(']'):
			open--
			continue
		}
		// Keys are tokens too, at the depth of the values beside them.
		deepest = max(deepest, open)
		if tok == json.Delim('{') || tok == json.Delim('[') {
			open++
		}
	}
}

// FuzzSkipValueAgreesWithReference holds skipValue to the recursive
// reading it replaced, on any input, from any starting depth, UTF-8
// promised or not: the same answer and, when it says yes, the same
// position after the value. It holds ValidValue to encoding/json's Valid
// on UTF-8 input, nesting past skipValue's 64 levels aside.
func FuzzSkipValueAgreesWithReference(f *testing.F) {
	untp, err := untpRecord()
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{
		untp, `{}`, `[]`, ` { } `, `[ ]`, `{"a":1}`, `{"a":1,}`, `[1,]`, `[,1]`, `{,"a":1}`, `{"a" 1}`, `{"a":}`, `{1:2}`,
		`[1 2]`, `{"a":1 "b":2}`, `{"a":[1,{"b":null}],"c":true,"d":false}`, `"x"`, `"a\"b"`, `"\u00e9"`, `"\uZZZZ"`,
		`0`, `-0`, `-`, `01`, `1.`, `1.5`, `.5`, `1e`, `1e+`, `1E-7`, `-12.5e+3`, `1.5e3x`, `tru`, `true`, `nul`, `null`, `falsey`,
		`[1] x`, `{"a":{"b":{"c":[[[]]]}}}`, "[\"a\tb\"]", "{\"a\":\"\xff\"}", `[{"a":"b"},{"c":"d"}]`, ` [ 1 , 2 ] `, "\t\r\n1\n",
		strings.Repeat("[", 64) + strings.Repeat("]", 64), strings.Repeat("[", 65) + strings.Repeat("]", 65),
		strings.Repeat("[", 66) + strings.Repeat("]", 66), strings.Repeat("[", 64) + "1" + strings.Repeat("]", 64),
		strings.Repeat("[", 65) + "1" + strings.Repeat("]", 65), strings.Repeat(`{"a":`, 64) + "1" + strings.Repeat("}", 64),
		strings.Repeat(`{"a":`, 65) + "1" + strings.Repeat("}", 65), strings.Repeat(`{"a":`, 64) + "{}" + strings.Repeat("}", 64),
		`{"a":[}`, `[{]}`, `{"a":1]`, `[1}`, `{"a":"b"}}`, `[[]]]`, `{"a"`, `{"a":`, `[`, `{`, ``, ` `,
	} {
		f.Add([]byte(s), true, uint8(0))
		f.Add([]byte(s), false, uint8(3))
	}
	f.Fuzz(func(t *testing.T, b []byte, valid bool, depth uint8) {
		if valid && !utf8.Valid(b) {
			valid = false // valid promises UTF-8
		}
		d := int(depth % 70)
		got, want := scanner{b: b, valid: valid}, scanner{b: b, valid: valid}
		gotOK, wantOK := got.skipValue(d), want.skipValueReference(d)
		assert.Equal(t, wantOK, gotOK, "%q from depth %d", b, d)
		if wantOK && gotOK {
			assert.Equal(t, want.i, got.i, "%q from depth %d", b, d)
		}
		if !utf8.Valid(b) {
			return
		}
		ok, jsonOK := ValidValue(b), json.Valid(b)
		switch {
		case ok && !jsonOK:
			t.Fatalf("ValidValue accepts %q, which encoding/json refuses", b)
		case !ok && jsonOK && valueDepth(t, b) <= 64:
			t.Fatalf("ValidValue refuses %q, which encoding/json accepts", b)
		}
	})
}

// FuzzValidUTF8ValueIsValidValueOfUTF8 holds ValidUTF8Value to what it
// replaces, utf8.Valid then ValidValue, on any input.
func FuzzValidUTF8ValueIsValidValueOfUTF8(f *testing.F) {
	untp, err := untpRecord()
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{
		untp, `{"a":"合成"}`, "{\"a\":\"合\xff成\"}", "{\"a\xff\":1}", "[1,\xff]", "\xff", "1\xff", `{"a":"\u5408"}`,
		"{\"a\":\"\\u5408\xe5\"}", `["合成样例合成样例合成样例", "x"]`, "[\"合成样例合成样例合成样例\xed\xa0\x80\"]", `{}`, `x`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if got, want := ValidUTF8Value(b), utf8.Valid(b) && ValidValue(b); got != want {
			t.Fatalf("ValidUTF8Value(%q) = %v, utf8.Valid and ValidValue %v", b, got, want)
		}
	})
}

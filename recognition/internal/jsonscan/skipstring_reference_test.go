package jsonscan

import (
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

// skipStringReference is skipString as it was, a byte at a time: the
// reference of FuzzSkipStringAgreesWithReference.
func (s *scanner) skipStringReference() bool {
	if s.peek() != '"' {
		return false
	}
	for j := s.i + 1; j < len(s.b); j++ {
		switch c := s.b[j]; {
		case c == '"':
			if !s.valid && !utf8.Valid(s.b[s.i+1:j]) {
				return false
			}
			s.i = j + 1
			return true
		case c == '\\':
			if j+1 >= len(s.b) {
				return false
			}
			switch s.b[j+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				j++
			case 'u':
				if j+5 >= len(s.b) {
					return false
				}
				for _, h := range s.b[j+2 : j+6] {
					if !(h >= '0' && h <= '9' || h >= 'a' && h <= 'f' || h >= 'A' && h <= 'F') {
						return false
					}
				}
				j += 5
			default:
				return false
			}
		case c < 0x20:
			return false
		}
	}
	return false
}

// FuzzSkipStringAgreesWithReference holds skipString to the byte-at-a-time
// reading on any input, valid UTF-8 promised or not: the same answer, and
// the same position after the string.
func FuzzSkipStringAgreesWithReference(f *testing.F) {
	for _, s := range []string{`"abc"`, `"合成样例"`, `"a\"b"`, `"a\\"`, `"a\\"b"`, `"\u00e9x"`, `"\u00e"`, `"\uZZZZ"`, `"\x"`, "\"a\tb\"",
		`"abcdefghijklmnop\"qrstuvwxyz"`, `"abc`, `"`, "\"\xff\xfe\"", `"01234567"`, `"0123456"`, `"\u1234"`, `"abc\`} {
		f.Add([]byte(s), true)
		f.Add([]byte(s+` , "x"`), false)
	}
	f.Fuzz(func(t *testing.T, b []byte, valid bool) {
		if valid && !utf8.Valid(b) {
			valid = false // valid promises UTF-8
		}
		got, want := scanner{b: b, valid: valid}, scanner{b: b, valid: valid}
		gotOK, wantOK := got.skipString(), want.skipStringReference()
		assert.Equal(t, wantOK, gotOK, "%q", b)
		if wantOK {
			assert.Equal(t, want.i, got.i, "%q", b)
		}
	})
}

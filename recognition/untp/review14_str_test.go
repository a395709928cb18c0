package untp

import (
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"

	"github.com/jxgreen/jxgreen/recognition/internal/jsonscan"
)

// Review of issue 14: dccView.str, the fast reader's eight-bytes-at-a-time
// string reader with its ASCII shortcut, at every word edge: strings of 0
// to 26 bytes with a quote, a backslash, a control character, a high
// byte, characters of two to four bytes and bytes that are not UTF-8
// (overlong, surrogate, truncated, past U+10FFFF), U+FFFD and a byte order
// mark at each position, held to a reading a byte at a time.
//
// It passes on main at 2be7ed6; str had no test of its own (only through
// FuzzFastDecodeAgreesWithTree, whose mutations rarely put a byte at a
// chosen word edge).
func TestReview14StrAtWordEdges(t *testing.T) {
	specials := []string{`"`, `\`, `\"`, "\x00", "\x1f", "\x7f", "\x80", "\xff", "\xc3\xa9", "\xe6\xb1\x9f",
		"\xf0\x9f\x8d\x8a", "\xc0\xaf", "\xed\xa0\x80", "\xe6\xb1", "\xf4\x90\x80\x80", "\xef\xbb\xbf", "\xef\xbf\xbd"}
	for n := 0; n <= 26; n++ {
		for _, sp := range specials {
			for at := 0; at <= n; at++ {
				body := make([]byte, 0, n+len(sp))
				for i := range at {
					body = append(body, 'a'+byte(i%26))
				}
				body = append(body, sp...)
				for i := at; i < n; i++ {
					body = append(body, 'A'+byte(i%26))
				}
				for _, tail := range []string{`"`, `","\xff"`, ``} {
					b := append(append([]byte{'"'}, body...), tail...)
					want, wantEnd, wantOK := strByte(b)
					v := dccView{b: b, s: string(b)}
					got, ok := v.str()
					if assert.Equal(t, wantOK, ok, "str(%q)", b) && ok {
						assert.Equal(t, want, got, "%q", b)
						assert.Equal(t, wantEnd, v.i, "%q", b)
					}
				}
			}
		}
	}
}

// strByte is str a byte at a time: a string without escapes or control
// characters, of valid UTF-8 and at most jsonscan.MaxString bytes.
func strByte(b []byte) (string, int, bool) {
	if len(b) == 0 || b[0] != '"' {
		return "", 0, false
	}
	for j := 1; j < len(b); j++ {
		switch c := b[j]; {
		case c == '"':
			if j-1 > jsonscan.MaxString || !utf8.Valid(b[1:j]) {
				return "", 0, false
			}
			return string(b[1:j]), j + 1, true
		case c == '\\' || c < 0x20:
			return "", 0, false
		}
	}
	return "", 0, false
}

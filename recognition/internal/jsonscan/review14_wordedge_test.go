package jsonscan

import (
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

// Review of issue 14: the eight-bytes-at-a-time readers (plainBytes with
// its ASCII shortcut, span, skipString) at every word edge. The fuzz
// targets reach these edges by chance; this walks them all: strings of 0
// to 26 bytes with a quote, a backslash, a control character, a high
// byte, a character of two, three or four bytes, and bytes that are not
// UTF-8 (overlong, surrogate, truncated, past U+10FFFF) or are U+FFFD or a
// byte order mark, at each position, split across each word edge.
//
// It passes on main at 2be7ed6; plainBytes' ASCII shortcut (the UTF-8
// check skipped when no byte had its high bit) had no reference test of
// its own before.

// review14Specials are the byte sequences put into strings.
var review14Specials = []string{
	`"`, `\`, `\"`, `\\`, `\u00e9`, "\x00", "\x1f", " ", "\x7f", "\x80", "\xff", "\xc3\xa9", "\xe6\xb1\x9f",
	"\xf0\x9f\x8d\x8a", "\xc0\xaf", "\xed\xa0\x80", "\xe6\xb1", "\xf4\x90\x80\x80", "\xef\xbb\xbf", "\xef\xbf\xbd",
}

// review14Strings returns quoted strings with each special at each
// position of a run of ASCII letters, and after it text that a scanner
// must not read as part of the string.
func review14Strings() [][]byte {
	var out [][]byte
	for n := 0; n <= 26; n++ {
		for _, sp := range review14Specials {
			for at := 0; at <= n; at++ {
				body := make([]byte, 0, n+len(sp))
				for i := range at {
					body = append(body, 'a'+byte(i%26))
				}
				body = append(body, sp...)
				for i := at; i < n; i++ {
					body = append(body, 'A'+byte(i%26))
				}
				for _, tail := range []string{`"`, `","x\u00e9":"\xff"`, `"` + "\xff", ``} {
					out = append(out, append(append([]byte{'"'}, body...), tail...))
				}
			}
		}
	}
	return out
}

// plainBytesByte is plainBytes a byte at a time, with the UTF-8 check
// always made: the reference.
func plainBytesByte(b []byte, valid bool) (raw []byte, end int, ok bool) {
	if len(b) == 0 || b[0] != '"' {
		return nil, 0, false
	}
	for j := 1; j < len(b); j++ {
		switch c := b[j]; {
		case c == '"':
			if !valid && !utf8.Valid(b[1:j]) {
				return nil, 0, false
			}
			return b[1:j], j + 1, true
		case c == '\\' || c < 0x20:
			return nil, 0, false
		}
	}
	return nil, 0, false
}

func TestReview14PlainBytesAtWordEdges(t *testing.T) {
	for _, b := range review14Strings() {
		for _, valid := range []bool{false, true} {
			if valid && !utf8.Valid(b) {
				continue // valid promises UTF-8
			}
			wantRaw, wantEnd, wantOK := plainBytesByte(b, valid)
			s := scanner{b: b, valid: valid}
			raw, ok := s.plainBytes()
			if !assert.Equal(t, wantOK, ok, "plainBytes(%q, valid %v)", b, valid) {
				continue
			}
			if ok {
				assert.Equal(t, wantRaw, raw, "%q", b)
				assert.Equal(t, wantEnd, s.i, "%q", b)
			}
			sp := scanner{b: b, valid: valid}
			span, ok := sp.span()
			assert.Equal(t, wantOK, ok, "span(%q)", b)
			if ok {
				assert.Equal(t, string(wantRaw), string(b[span.Start:span.End]), "%q", b)
			}
		}
	}
}

func TestReview14SkipStringAtWordEdges(t *testing.T) {
	for _, b := range review14Strings() {
		for _, valid := range []bool{false, true} {
			if valid && !utf8.Valid(b) {
				continue
			}
			got, want := scanner{b: b, valid: valid}, scanner{b: b, valid: valid}
			gotOK, wantOK := got.skipString(), want.skipStringReference()
			assert.Equal(t, wantOK, gotOK, "skipString(%q, valid %v)", b, valid)
			if wantOK {
				assert.Equal(t, want.i, got.i, "%q", b)
			}
		}
	}
}

package jsonscan

import "unicode/utf8"

// AppendString appends s as a JSON string, escaping as encoding/json
// does (without the HTML escapes), invalid UTF-8 as U+FFFD: the one
// string writer of the batch output and the spreadsheet converter.
func AppendString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	// In valid UTF-8 (messages, and texts of lines already checked), the
	// only characters past ASCII to escape are U+2028 and U+2029, which
	// start with the byte 0xE2: others need not be decoded.
	valid := utf8.ValidString(s)
	for i := 0; i < len(s); {
		// Eight bytes at a time while none needs a look: most texts are
		// Chinese, three bytes a character, none escaped.
		for valid && i+8 <= len(s) && !mayEscape(s[i:i+8]) {
			i += 8
		}
		if i >= len(s) {
			break
		}
		c := s[i]
		if valid && c >= utf8.RuneSelf && c != 0xE2 {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '"', '\\':
				dst = append(dst, '\\', c)
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i++
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// mayEscape reports whether one of the 8 bytes of s is below 0x20, '"',
// '\\' or 0xE2 (the first byte of U+2028 and U+2029), a word at a time
// ("Bit Twiddling Hacks": determine if a word has a byte less than n, or
// equal to n).
func mayEscape(s string) bool {
	x := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	less := func(x uint64, n uint64) uint64 { return (x - ones*n) & ^x & highs }
	return less(x, 0x20)|less(x^(ones*'"'), 1)|less(x^(ones*'\\'), 1)|less(x^(ones*0xE2), 1) != 0
}

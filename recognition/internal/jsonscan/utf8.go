package jsonscan

import (
	"encoding/binary"
	"math/bits"
	"unicode/utf8"
)

// ValidUTF8 is utf8.Valid, quicker on the text of Chinese records: ASCII
// is stepped over eight bytes at a time (up to its first byte that is not
// ASCII, in one step), and 3-byte sequences (CJK ideographs and
// punctuation) two at a time; at anything else (a 2- or 4-byte sequence,
// a malformed one) it gives utf8.Valid's answer for the rest, which starts
// at a sequence boundary. FuzzValidUTF8AgreesWithUTF8Valid holds it to
// utf8.Valid.
func ValidUTF8(b []byte) bool {
	i := 0
	for i+8 <= len(b) {
		w := binary.LittleEndian.Uint64(b[i:])
		hi := w & 0x8080808080808080
		if hi == 0 {
			i += 8
			continue
		}
		i += bits.TrailingZeros64(hi) >> 3 // past the ASCII before it
		for i+8 <= len(b) && twoThreeByte(binary.LittleEndian.Uint64(b[i:])) {
			i += 6
		}
		switch {
		case i >= len(b) || b[i] < utf8.RuneSelf:
		case threeByte(b, i):
			i += 3
		default:
			return utf8.Valid(b[i:])
		}
	}
	for i < len(b) {
		switch {
		case b[i] < utf8.RuneSelf:
			i++
		case threeByte(b, i):
			i += 3
		default:
			return utf8.Valid(b[i:])
		}
	}
	return true
}

// twoThreeByte reports whether the low six bytes of w are two 3-byte
// sequences, 1110xxxx 10xxxxxx 10xxxxxx twice, with leads other than E0
// (whose second byte has a narrower range, against overlong forms) and ED
// (whose second byte has a narrower range, against surrogates).
func twoThreeByte(w uint64) bool {
	if w&0xC0C0F0C0C0F0 != 0x8080E08080E0 {
		return false
	}
	l0, l1 := w&0x0F, w>>24&0x0F
	return l0 != 0 && l0 != 0xD && l1 != 0 && l1 != 0xD
}

// threeByte reports whether b[i:] starts with a 3-byte sequence whose lead
// is not E0 or ED (see twoThreeByte).
func threeByte(b []byte, i int) bool {
	if i+2 >= len(b) {
		return false
	}
	c := b[i]
	return c&0xF0 == 0xE0 && c != 0xE0 && c != 0xED && b[i+1]&0xC0 == 0x80 && b[i+2]&0xC0 == 0x80
}

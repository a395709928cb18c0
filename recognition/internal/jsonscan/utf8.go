package jsonscan

import (
	"encoding/binary"
	"unicode/utf8"
)

// ValidUTF8 is utf8.Valid, quicker on the text of Chinese records: runs of
// ASCII are checked eight bytes at a time and runs of 3-byte sequences
// (CJK ideographs and punctuation) two sequences at a time; at anything
// else (a 2- or 4-byte sequence, a malformed one) it gives utf8.Valid's
// answer for the rest, which starts at a sequence boundary.
// FuzzValidUTF8AgreesWithUTF8Valid holds it to utf8.Valid.
func ValidUTF8(b []byte) bool {
	i := 0
	for {
		for i+8 <= len(b) && binary.LittleEndian.Uint64(b[i:])&0x8080808080808080 == 0 {
			i += 8
		}
		// Two 3-byte sequences in the low six bytes of a word: 1110xxxx
		// 10xxxxxx 10xxxxxx twice, leads other than E0 (whose second byte
		// has a narrower range, against overlong forms) and ED (whose
		// second byte has a narrower range, against surrogates).
		for i+8 <= len(b) {
			w := binary.LittleEndian.Uint64(b[i:])
			if w&0xC0C0F0C0C0F0 != 0x8080E08080E0 {
				break
			}
			if l0, l1 := w&0x0F, w>>24&0x0F; l0 == 0 || l0 == 0xD || l1 == 0 || l1 == 0xD {
				break
			}
			i += 6
		}
		if i >= len(b) {
			return true
		}
		switch c := b[i]; {
		case c < utf8.RuneSelf:
			i++
		case c&0xF0 == 0xE0 && c != 0xE0 && c != 0xED && i+2 < len(b) && b[i+1]&0xC0 == 0x80 && b[i+2]&0xC0 == 0x80:
			i += 3
		default:
			return utf8.Valid(b[i:])
		}
	}
}

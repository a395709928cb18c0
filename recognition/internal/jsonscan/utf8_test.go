package jsonscan

import (
	"encoding/binary"
	"math/bits"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzValidUTF8AgreesWithUTF8Valid holds ValidUTF8 to utf8.Valid on any
// input, and on the input cut at every length (so that a sequence is cut
// short at every place a word's reading ends).
func FuzzValidUTF8AgreesWithUTF8Valid(f *testing.F) {
	for _, s := range []string{
		"", "a", "abcdefgh", cjkText, "合成样例", "合成样例a", "合成样例ab", "（）", "é", "😀", "a😀合成", "合成😀合成样例",
		"\xe0\xa0\x80", "\xe0\x9f\xbf", "\xed\x9f\xbf", "\xed\xa0\x80", "\xef\xbf\xbf", "\xe4\xb8", "\xe4\xb8\x41",
		"合成\xe0\x80\x80合成样例", "合成\xed\xa0\x80合成样例", "合成样\xe4例合成样例", "合成样例\xff", "\xc0\x80", "\xf4\x90\x80\x80",
		strings.Repeat("合", 20) + "\xe5", strings.Repeat("合", 20) + "\x80\x80\x80", "12345678合成样例合成样例",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		for n := len(b); n >= 0 && n+16 >= len(b); n-- {
			if got, want := ValidUTF8(b[:n]), utf8.Valid(b[:n]); got != want {
				t.Fatalf("ValidUTF8(%q) = %v, utf8.Valid %v", b[:n], got, want)
			}
		}
	})
}

// TestValidUTF8AgreesWithUTF8ValidOnEveryThreeByteSequence checks every
// 3-byte sequence with a 1110xxxx lead, valid or not, between CJK
// ideographs, in the word-at-a-time loop (both places of a word) and in the
// one-at-a-time tail.
func TestValidUTF8AgreesWithUTF8ValidOnEveryThreeByteSequence(t *testing.T) {
	for lead := 0xE0; lead <= 0xEF; lead++ {
		for b1 := range 256 {
			for _, b2 := range []byte{0x00, 0x41, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF} {
				seq := string([]byte{byte(lead), byte(b1), b2})
				for _, in := range []string{seq + "合成样例合成", "合" + seq + "成样例合成", "合成样例合成样例" + seq} {
					if got, want := ValidUTF8([]byte(in)), utf8.Valid([]byte(in)); got != want {
						t.Fatalf("ValidUTF8(%q) = %v, utf8.Valid %v", in, got, want)
					}
				}
			}
		}
	}
}

// TestStopsFlagsTheFirstStopByteExactly checks that the lowest bit stops
// sets is the first stop byte's (skipString and plainBytes step to it),
// for a word with any byte at one place and another byte, stop or not, at
// any later place, among fills that are not stops.
func TestStopsFlagsTheFirstStopByteExactly(t *testing.T) {
	for _, fill := range []byte{'a', 0x20, 0x21, 0x23, 0x5D, 0x80, 0xE5, 0xFF} {
		for p := range 8 {
			for q := p + 1; q <= 8; q++ { // q == 8: no second byte
				for c := range 256 {
					for _, d := range []byte{0x00, 0x01, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x7F, 0x80, 0xA2, 0xDC, 0xFF} {
						var w [8]byte
						for i := range w {
							w[i] = fill
						}
						w[p] = byte(c)
						if q < 8 {
							w[q] = d
						}
						first := -1
						for i, b := range w {
							if stringStop[b] {
								first = i
								break
							}
						}
						m := stops(binary.LittleEndian.Uint64(w[:]))
						got := -1
						if m != 0 {
							got = bits.TrailingZeros64(m) >> 3
						}
						if got != first {
							t.Fatalf("%q: stops says byte %d, the first stop byte is %d", w, got, first)
						}
					}
				}
			}
		}
	}
}

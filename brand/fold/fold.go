// Package fold is the one home of the module's text folding for matching:
// each function folds for one purpose, and every package that matches text
// of that kind calls it rather than writing its own. Folded strings are
// match keys only, never text to print (width folding also turns Chinese
// punctuation into ASCII).
//
// The purposes and their functions:
//
//   - [Word]: names and words people type for a value of an enumeration
//     (brand attributes, certification modes, standard kinds and
//     operators): width and case folded,
//     spaces and word separators dropped.
//   - [Title]: titles, product and subject names and clause headings of
//     standards, for catalogue search and for matching indicators by name:
//     [Word] plus title brackets, quotation marks and dashes dropped.
//   - [Unit]: units of measure: width and case folded, spaces dropped, the
//     micro and degree signs spelt one way.
//   - [Code]: codes and numbers printed on certificates (credit codes,
//     certificate numbers, product names as a registry files them, body
//     names): full-width ASCII to ASCII, upper case, spaces dropped, and
//     nothing else, so that two different numbers never meet.
//
// Brand-name imitation (package mark) is not folding for equality but
// reading through look-alikes; it keeps its own table there.
package fold

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// Word folds s for matching a name or word of an enumeration: width and
// case folded, and spaces, tabs, hyphens, underscores and middle dots
// dropped, so that "Resource saving", "resource-saving", "ＲＥＳＯＵＲＣＥ
// ＳＡＶＩＮＧ" and "资源 节约" meet their forms without separators.
func Word(s string) string {
	if f, ok := wordFolding.quick(s); ok {
		return f
	}
	return drop(s, wordSkip)
}

// wordSkip reports the runes that Word drops (after width and case folding).
func wordSkip(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '-', '_', '·':
		return true
	}
	return false
}

// Title folds s for matching titles, products, subjects and clause
// headings: as [Word], and the title brackets 《》〈〉「」, quotation marks
// and dashes dropped, so that "《江西绿色生态 赣南脐橙》" and "江西绿色生态赣南脐橙"
// meet.
func Title(s string) string {
	if f, ok := titleFolding.quick(s); ok {
		return f
	}
	return drop(s, titleSkip)
}

// titleSkip reports the runes that Title drops (after width and case
// folding).
func titleSkip(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '-', '·', '—', '《', '》', '〈', '〉', '“', '”', '"', '\'', '‘', '’', '「', '」':
		return true
	}
	return false
}

// Unit folds a unit of measure: width and case folded, spaces dropped, the
// micro signs µ and μ written u and ℃ written °c, so that "mg / kg",
// "ｍｇ／ｋｇ" and "MG/KG" meet.
func Unit(s string) string {
	if f, ok := unitFolding.quick(s); ok {
		return f
	}
	return unitSlow(s)
}

// unitSkip reports the runes that Unit drops (after width and case
// folding).
func unitSkip(r rune) bool { return r == ' ' || r == '\u3000' || r == '\t' }

// unitSlow is Unit by width.Fold, for any text.
func unitSlow(s string) string {
	s = width.Fold.String(s)
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch r {
		case ' ', '\u3000', '\t':
			continue
		case 'µ', 'μ':
			r = 'u'
		case '℃':
			b.WriteString("°c")
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Code folds a code or number printed on a certificate: full-width ASCII
// (U+FF01–U+FF5E) becomes ASCII, ASCII letters become upper case, and ASCII
// and ideographic spaces and tabs are dropped. Nothing else changes, so
// that codes differing in any other character stay apart.
func Code(s string) string {
	i := codeFolded(s)
	if i == len(s) {
		return s // the common case: a code as printed, already folded
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		switch {
		case r == ' ' || r == '\u3000' || r == '\t':
			continue
		case r >= 0xFF01 && r <= 0xFF5E: // full-width ASCII
			r -= 0xFEE0
		}
		if r >= 'a' && r <= 'z' {
			r -= 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// codeFolded returns the length of the longest prefix of s that Code
// leaves as it is: no ASCII lower case letter, space or tab, no
// ideographic space or full-width ASCII, and valid UTF-8 (Code writes
// U+FFFD for a byte that is not).
func codeFolded(s string) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 'a' && c <= 'z' || c == ' ' || c == '\t' {
				return i
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && w == 1 || r == '\u3000' || r >= 0xFF01 && r <= 0xFF5E {
			return i
		}
		i += w
	}
	return len(s)
}

// What quick does with an ASCII byte.
const (
	keepByte  = iota // unchanged
	lowerByte        // an upper case letter, written in lower case
	skipByte         // dropped
)

// A folding is what the fast path of one purpose does with each rune:
// ascii says what becomes of each ASCII byte (width folding leaves ASCII
// alone, case folding lowers A–Z, the purpose drops what it drops), and
// other what becomes of a non-ASCII rune that is neither a CJK ideograph
// (which every purpose keeps) nor full-width ASCII (which becomes the
// ASCII byte it stands for); false when the fast path does not know it.
type folding struct {
	ascii [utf8.RuneSelf]uint8
	other func(rune) (string, bool)
}

var (
	wordFolding  = folding{asciiTable(wordSkip), dropping(wordSkip)}
	titleFolding = folding{asciiTable(titleSkip), dropping(titleSkip)}
	unitFolding  = folding{asciiTable(unitSkip), func(r rune) (string, bool) {
		switch r {
		case 'µ', 'μ':
			return "u", true
		case '℃':
			return "°c", true
		case '°':
			return "°", true
		}
		return "", false
	}}
)

func asciiTable(skipped func(rune) bool) (t [utf8.RuneSelf]uint8) {
	for c := range t {
		switch {
		case skipped(rune(c)):
			t[c] = skipByte
		case c >= 'A' && c <= 'Z':
			t[c] = lowerByte
		}
	}
	return t
}

// dropping is the other of a purpose that only drops runes: the non-ASCII
// runes that skipped names are dropped. Each is one that width and case
// folding leave alone (a test holds every rune quick accepts to the
// purpose's folding by width.Fold), so dropping it here is what the
// slow folding does.
func dropping(skipped func(rune) bool) func(rune) (string, bool) {
	return func(r rune) (string, bool) { return "", skipped(r) }
}

// ideograph reports whether r is a CJK unified ideograph of the basic block
// or extension A: width and case folding leave them alone, and no purpose
// drops one.
func ideograph(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF
}

// quick folds the text that matching mostly meets, ASCII and CJK
// ideographs, by hand: it returns s itself when nothing changes (no
// allocation), folds full-width ASCII, the ideographic space and the runes
// f.other knows, and returns false, leaving the work to width.Fold, when s
// has any other non-ASCII rune.
func (f *folding) quick(s string) (string, bool) {
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if f.ascii[c] != keepByte {
				break
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if !ideograph(r) {
			break
		}
		i += w
	}
	if i == len(s) {
		return s, true
	}
	for j := i; j < len(s); {
		if s[j] < utf8.RuneSelf {
			j++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[j:])
		if !ideograph(r) && !fullWidth(r) {
			if _, ok := f.other(r); !ok {
				return "", false
			}
		}
		j += w
	}
	var b strings.Builder
	b.Grow(len(s) + 1) // ℃ (3 bytes) becomes °c (3 bytes); nothing grows
	b.WriteString(s[:i])
	for i < len(s) {
		c := s[i]
		w := 1
		if c >= utf8.RuneSelf {
			var r rune
			r, w = utf8.DecodeRuneInString(s[i:])
			switch {
			case ideograph(r):
				b.WriteString(s[i : i+w])
				i += w
				continue
			case fullWidth(r):
				c = byte(r - 0xFEE0)
				if r == '\u3000' {
					c = ' '
				}
			default:
				repl, _ := f.other(r)
				b.WriteString(repl)
				i += w
				continue
			}
		}
		switch f.ascii[c] {
		case keepByte:
			b.WriteByte(c)
		case lowerByte:
			b.WriteByte(c + 'a' - 'A')
		}
		i += w
	}
	return b.String(), true
}

// fullWidth reports whether r is full-width ASCII (U+FF01–U+FF5E) or the
// ideographic space, which width folding makes ASCII.
func fullWidth(r rune) bool { return r >= 0xFF01 && r <= 0xFF5E || r == '\u3000' }

// drop folds width and case and leaves out the runes skip reports.
func drop(s string, skip func(rune) bool) string {
	s = width.Fold.String(s)
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if !skip(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

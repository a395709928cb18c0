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

	"golang.org/x/text/width"
)

// Word folds s for matching a name or word of an enumeration: width and
// case folded, and spaces, tabs, hyphens, underscores and middle dots
// dropped, so that "Resource saving", "resource-saving", "ＲＥＳＯＵＲＣＥ
// ＳＡＶＩＮＧ" and "资源 节约" meet their forms without separators.
func Word(s string) string {
	return drop(s, func(r rune) bool {
		switch r {
		case ' ', '\t', '\n', '-', '_', '·':
			return true
		}
		return false
	})
}

// Title folds s for matching titles, products, subjects and clause
// headings: as [Word], and the title brackets 《》〈〉「」, quotation marks
// and dashes dropped, so that "《江西绿色生态 赣南脐橙》" and "江西绿色生态赣南脐橙"
// meet.
func Title(s string) string {
	return drop(s, func(r rune) bool {
		switch r {
		case ' ', '\t', '\n', '-', '·', '—', '《', '》', '〈', '〉', '“', '”', '"', '\'', '‘', '’', '「', '」':
			return true
		}
		return false
	})
}

// Unit folds a unit of measure: width and case folded, spaces dropped, the
// micro signs µ and μ written u and ℃ written °c, so that "mg / kg",
// "ｍｇ／ｋｇ" and "MG/KG" meet.
func Unit(s string) string {
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
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
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

package certification

import (
	"unicode"
	"unicode/utf8"
)

// The one rule for characters that cannot be seen. A certificate number or
// a product name is read off paper or a screen and typed back: two strings
// that print alike must be the same key, or the one typed finds the wrong
// certificate. So the package allows two blanks, the ASCII space and the
// ideographic space U+3000 (the one a Chinese input method types), which
// the registry folds away ([Registry]), and refuses every other character
// that prints as a blank or as nothing:
//
//   - control characters (C0, DEL, C1) and format characters (Cf: zero-width
//     spaces and joiners, bidirectional marks, the byte order mark, the
//     soft hyphen, tag characters, …);
//   - every other Unicode White_Space character (no-break spaces U+00A0
//     and U+202F, the en/em/thin/hair spaces U+2000–U+200A, …);
//   - Default_Ignorable_Code_Point characters that are not Cf: the combining
//     grapheme joiner U+034F, the Hangul fillers U+115F, U+1160, U+3164 and
//     U+FFA0, variation selectors (U+FE00–U+FE0F, U+E0100–U+E01EF, the
//     Mongolian free variation selectors), …;
//   - the braille pattern blank U+2800.
//
// It is one rule, applied by [Certificate.Validate], [Registry] (store and
// lookup) and [Rules.Issue] through invisible and badText; a reason is
// blank ([blank]) when it holds nothing but such characters and spaces.

// invisible reports whether r prints as a blank or as nothing and is not
// one of the two blanks the package allows (U+0020, U+3000).
func invisible(r rune) bool {
	switch {
	case r == ' ' || r == '\u3000':
		return false
	case r < 0x20 || r == 0x7f:
		return true
	case r < 0x80:
		return false
	case r == '\u2800': // braille pattern blank
		return true
	}
	return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) ||
		unicode.Is(unicode.White_Space, r) ||
		unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r) ||
		unicode.Is(unicode.Variation_Selector, r)
}

// badText reports whether s is not valid UTF-8 or holds an invisible
// character (see invisible), which would make two strings that print
// alike differ.
func badText(s string) bool {
	for i := 0; i < len(s); i++ {
		if b := s[i]; b < 0x20 || b == 0x7f {
			return true
		} else if b >= utf8.RuneSelf {
			return badRunes(s[i:])
		}
	}
	return false
}

func badRunes(s string) bool {
	if !utf8.ValidString(s) {
		return true
	}
	for _, r := range s {
		if invisible(r) {
			return true
		}
	}
	return false
}

// blank reports whether s says nothing a person can read: it holds only
// spaces (unicode.IsSpace) and invisible characters. A required reason
// must not be blank.
func blank(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) && !invisible(r) && r != utf8.RuneError {
			return false
		}
	}
	return true
}

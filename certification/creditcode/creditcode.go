// Package creditcode reads and checks unified social credit codes
// (统一社会信用代码), the 18-character identifiers of GB 32100-2015 that
// every enterprise and organisation in China carries: a certificate names
// its holder by one, and a mark code packs one.
package creditcode

import (
	"fmt"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand/i18n"

	"github.com/jxgreen/jxgreen/brand/fold"
)

// Code is an 18-character unified social credit code (统一社会信用代码,
// GB 32100-2015) in canonical form: upper case, half width. The zero value
// is no code. Obtain one from [Parse].
type Code string

// Alphabet is the GB 32100-2015 character set of unified social credit
// codes: the digits and the upper case letters without I, O, S, V and Z. A
// character's value, which the check character weighs, is its index. It is
// written once in the module: code that checks, packs or matches credit
// codes (the partner schemes' JSON Schemas and fast paths included) is
// generated from it rather than writing its own copy.
const Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// creditWeights are the weights of the first 17 characters (GB 32100-2015).
var creditWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

var creditValue [128]int8

func init() {
	for i := range creditValue {
		creditValue[i] = -1
	}
	for i := 0; i < len(Alphabet); i++ {
		creditValue[Alphabet[i]] = int8(i)
	}
}

// Error reports why a credit code is invalid and at which
// character (0-based; -1 when the length is wrong).
type Error struct {
	Input string
	Pos   int
	Err   error
}

func init() {
	i18n.Set("creditcode.Error", "统一社会信用代码 %q：%s", "unified social credit code %q: %s")
	i18n.Set("creditcode.Error.pos", "统一社会信用代码 %q 第 %d 位：%s", "unified social credit code %q, character %d: %s")
}

// Error returns the English description of the error.
func (e *Error) Error() string {
	if e.Pos >= 0 {
		return fmt.Sprintf("creditcode: %q: character %d: %v", e.Input, e.Pos+1, e.Err)
	}
	return fmt.Sprintf("creditcode: %q: %v", e.Input, e.Err)
}

// Unwrap returns the sentinel cause.
func (e *Error) Unwrap() error { return e.Err }

// Localize describes the error in the language that best matches tag.
func (e *Error) Localize(tag language.Tag) string {
	if e.Pos >= 0 {
		return i18n.Sprintf(tag, "creditcode.Error.pos", e.Input, e.Pos+1, i18n.Error(e.Err, tag))
	}
	return i18n.Sprintf(tag, "creditcode.Error", e.Input, i18n.Error(e.Err, tag))
}

// Parse checks a unified social credit code and returns it in
// canonical form. It accepts lower case, full-width characters and spaces;
// it rejects a wrong length, a character outside the GB 32100-2015 set
// (I, O, S, V, Z), a non-digit in the division code (characters 3–8) and a
// wrong check character, with a [*Error].
func Parse(s string) (Code, error) {
	if len(s) == 18 {
		// The common case, a code in canonical form: every character in
		// the alphabet (so no folding changes it) and the check right.
		if sum, bad := creditSum(s); bad < 0 && s[17] == creditCheck(sum) {
			return Code(s), nil
		}
	}
	f := fold.Code(s)
	if utf8.RuneCountInString(f) != 18 || len(f) != 18 {
		return "", &Error{Input: s, Pos: -1, Err: ErrLength}
	}
	sum, bad := creditSum(f[:17])
	if bad < 0 && (f[17] >= 128 || creditValue[f[17]] < 0) {
		bad = 17
	}
	if bad >= 0 {
		return "", &Error{Input: s, Pos: bad, Err: ErrChar}
	}
	if f[17] != creditCheck(sum) {
		return "", &Error{Input: s, Pos: 17, Err: ErrCheck}
	}
	return Code(f), nil
}

// creditSum returns the weighted sum of the first 17 characters of f, or
// the position of the first character that is not allowed there.
func creditSum(f string) (sum, bad int) {
	for i := 0; i < len(f) && i < 17; i++ {
		c := f[i]
		v := int8(-1)
		if c < 128 {
			v = creditValue[c]
		}
		if v < 0 || (i >= 2 && i < 8 && (c < '0' || c > '9')) {
			return 0, i
		}
		sum += int(v) * creditWeights[i]
	}
	return sum, -1
}

func creditCheck(sum int) byte {
	return Alphabet[(31-sum%31)%31]
}

// Complete appends the check character to the first 17
// characters of a code. It is for making synthetic test data and for
// telling a user which check character a code should have.
func Complete(first17 string) (Code, error) {
	f := fold.Code(first17)
	if len(f) != 17 {
		return "", &Error{Input: first17, Pos: -1, Err: ErrLength}
	}
	sum, bad := creditSum(f)
	if bad >= 0 {
		return "", &Error{Input: first17, Pos: bad, Err: ErrChar}
	}
	return Code(f + string(creditCheck(sum))), nil
}

// String returns the code.
func (c Code) String() string { return string(c) }

// Division returns the administrative division code of the registration
// authority (characters 3–8), for example "360000".
func (c Code) Division() string {
	if len(c) != 18 {
		return ""
	}
	return string(c[2:8])
}

// Valid reports whether c is a well-formed code in canonical form.
func (c Code) Valid() bool {
	p, err := Parse(string(c))
	return err == nil && p == c
}

// MarshalText encodes the code; the zero code encodes as "".
func (c Code) MarshalText() ([]byte, error) { return []byte(c), nil }

// UnmarshalText decodes anything [Parse] accepts; "" decodes as
// the zero code.
func (c *Code) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*c = ""
		return nil
	}
	v, err := Parse(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// Sentinel errors for callers to branch on with errors.Is; an [*Error]
// wraps one and says at which character.
var (
	// ErrLength: a unified social credit code without 18 characters.
	ErrLength = i18n.NewSentinel("creditcode.ErrLength",
		"统一社会信用代码应为 18 位", "a unified social credit code has 18 characters")
	// ErrChar: a character outside the GB 32100-2015 set, or a non-digit in
	// the division code.
	ErrChar = i18n.NewSentinel("creditcode.ErrChar",
		"统一社会信用代码含有不允许的字符（不使用 I、O、S、V、Z；第 3–8 位为行政区划码数字）",
		"character not allowed in a unified social credit code (I, O, S, V and Z are never used; characters 3–8 are division-code digits)")
	// ErrCheck: the check character of a credit code is wrong.
	ErrCheck = i18n.NewSentinel("creditcode.ErrCheck",
		"统一社会信用代码校验码不符", "the check character of the unified social credit code is wrong")
)

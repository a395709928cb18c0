package certification

import (
	"fmt"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand/i18n"

	"github.com/jxgreen/jxgreen/brand/fold"
)

// CreditCode is an 18-character unified social credit code (统一社会信用代码,
// GB 32100-2015) in canonical form: upper case, half width. The zero value
// is no code. Obtain one from [ParseCreditCode].
type CreditCode string

// The forms of the two identifiers a certificate carries, each written once
// in the module: code that checks, packs or matches them (the partner
// schemes' JSON Schemas and fast paths included) is generated from these
// rather than writing its own copy.
const (
	// CreditAlphabet is the GB 32100-2015 character set of unified social
	// credit codes: the digits and the upper case letters without I, O, S,
	// V and Z. A character's value, which the check character weighs, is
	// its index.
	CreditAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

	// ApprovalPattern is the form of a CNCA approval number of a
	// certification body, as a regular expression that Go and JSON Schema
	// read alike: "CNCA-" and a letter code ("R" for a domestic body, "RF"
	// for a foreign-invested one), the year of approval, and a sequence
	// number of three digits for domestic bodies ("CNCA-R-2002-001") or two
	// for foreign-invested ones ("CNCA-RF-2002-07", "CNCA-RF-2003-27"), as
	// the CNCA certification and accreditation information platform
	// (cx.cnca.cn) lists them. [ValidApproval] matches it.
	ApprovalPattern = `^CNCA-[A-Z]{1,2}-[0-9]{4}-[0-9]{2,3}$`
)

// creditWeights are the weights of the first 17 characters (GB 32100-2015).
var creditWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

var creditValue [128]int8

func init() {
	for i := range creditValue {
		creditValue[i] = -1
	}
	for i := 0; i < len(CreditAlphabet); i++ {
		creditValue[CreditAlphabet[i]] = int8(i)
	}
}

// CreditCodeError reports why a credit code is invalid and at which
// character (0-based; -1 when the length is wrong).
type CreditCodeError struct {
	Input string
	Pos   int
	Err   error
}

func init() {
	i18n.Set("certification.CreditCodeError", "统一社会信用代码 %q：%s", "unified social credit code %q: %s")
	i18n.Set("certification.CreditCodeError.pos", "统一社会信用代码 %q 第 %d 位：%s", "unified social credit code %q, character %d: %s")
}

// Error returns the English description of the error.
func (e *CreditCodeError) Error() string {
	if e.Pos >= 0 {
		return fmt.Sprintf("certification: credit code %q: character %d: %v", e.Input, e.Pos+1, e.Err)
	}
	return fmt.Sprintf("certification: credit code %q: %v", e.Input, e.Err)
}

// Unwrap returns the sentinel cause.
func (e *CreditCodeError) Unwrap() error { return e.Err }

// Localize describes the error in the language that best matches tag.
func (e *CreditCodeError) Localize(tag language.Tag) string {
	if e.Pos >= 0 {
		return i18n.Sprintf(tag, "certification.CreditCodeError.pos", e.Input, e.Pos+1, i18n.Error(e.Err, tag))
	}
	return i18n.Sprintf(tag, "certification.CreditCodeError", e.Input, i18n.Error(e.Err, tag))
}

// ParseCreditCode checks a unified social credit code and returns it in
// canonical form. It accepts lower case, full-width characters and spaces;
// it rejects a wrong length, a character outside the GB 32100-2015 set
// (I, O, S, V, Z), a non-digit in the division code (characters 3–8) and a
// wrong check character, with a [*CreditCodeError].
func ParseCreditCode(s string) (CreditCode, error) {
	f := fold.Code(s)
	if utf8.RuneCountInString(f) != 18 || len(f) != 18 {
		return "", &CreditCodeError{Input: s, Pos: -1, Err: ErrCreditLength}
	}
	sum, bad := creditSum(f[:17])
	if bad < 0 && (f[17] >= 128 || creditValue[f[17]] < 0) {
		bad = 17
	}
	if bad >= 0 {
		return "", &CreditCodeError{Input: s, Pos: bad, Err: ErrCreditChar}
	}
	if f[17] != creditCheck(sum) {
		return "", &CreditCodeError{Input: s, Pos: 17, Err: ErrCreditCheck}
	}
	return CreditCode(f), nil
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
	return CreditAlphabet[(31-sum%31)%31]
}

// CompleteCreditCode appends the check character to the first 17
// characters of a code. It is for making synthetic test data and for
// telling a user which check character a code should have.
func CompleteCreditCode(first17 string) (CreditCode, error) {
	f := fold.Code(first17)
	if len(f) != 17 {
		return "", &CreditCodeError{Input: first17, Pos: -1, Err: ErrCreditLength}
	}
	sum, bad := creditSum(f)
	if bad >= 0 {
		return "", &CreditCodeError{Input: first17, Pos: bad, Err: ErrCreditChar}
	}
	return CreditCode(f + string(creditCheck(sum))), nil
}

// String returns the code.
func (c CreditCode) String() string { return string(c) }

// Division returns the administrative division code of the registration
// authority (characters 3–8), for example "360000".
func (c CreditCode) Division() string {
	if len(c) != 18 {
		return ""
	}
	return string(c[2:8])
}

// Valid reports whether c is a well-formed code in canonical form.
func (c CreditCode) Valid() bool {
	p, err := ParseCreditCode(string(c))
	return err == nil && p == c
}

// MarshalText encodes the code; the zero code encodes as "".
func (c CreditCode) MarshalText() ([]byte, error) { return []byte(c), nil }

// UnmarshalText decodes anything [ParseCreditCode] accepts; "" decodes as
// the zero code.
func (c *CreditCode) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*c = ""
		return nil
	}
	v, err := ParseCreditCode(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// Holder is the holder of a certificate: an enterprise or organisation.
type Holder struct {
	Name string     `json:"name"`
	Code CreditCode `json:"credit_code"`
}

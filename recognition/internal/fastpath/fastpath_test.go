package fastpath

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"

	"github.com/jxgreen/jxgreen/certification"
)

// approvalPattern is the schema's pattern for approval numbers, which
// approvalShape writes out by hand.
var approvalPattern = regexp.MustCompile(certification.ApprovalPattern)

func TestApprovalAndCreditShapes(t *testing.T) {
	for s, want := range map[string]bool{
		"CNCA-R-2002-001": true, "CNCA-RF-2002-001": true, "CNCA-2002-001": false, "CNCA-R-02-001": false,
		"CNCA-r-2002-001": false, "CNCA-R-2002-0011": false, "XNCA-R-2002-001": false, "CNCA-RFG-2002-001": false,
		"CNCA-RF-2002-07": true, "CNCA-RF-2003-27": true, "CNCA-RF-2002-7": false, "CNCA--2002-07": false, "CNCA-R-2002-01-": false,
	} {
		assert.Equal(t, want, approvalShape(s), s)
		assert.Equal(t, want, approvalPattern.MatchString(s), s)
	}
	credit := regexp.MustCompile(CreditPattern())
	for s, want := range map[string]bool{
		"91330100716105852F": true, "91330100716105852f": true, " 9133 0100 7161 0585 2F　": true,
		"9133010071610585": false, "91330100716105852F1": false, "9133010071610585IF": false,
		"91A30100716105852F": false, "9133010071610585\t2F": false, "９1330100716105852F": false,
	} {
		assert.Equal(t, want, creditShape(s), s)
		assert.Equal(t, want, credit.MatchString(s), s)
	}
}

// TestIsDateAgreesWithTimeParse holds the hand-written date check to
// time.Parse(time.DateOnly), which the schema's "date" format follows, on
// every day of a leap-year cycle and its edges.
func TestIsDateAgreesWithTimeParse(t *testing.T) {
	var cases []string
	for _, y := range []int{0, 4, 1900, 2000, 2023, 2024, 2100, 9999} {
		for m := 0; m <= 13; m++ {
			for d := 0; d <= 32; d++ {
				cases = append(cases, fmt.Sprintf("%04d-%02d-%02d", y, m, d))
			}
		}
	}
	cases = append(cases, "2024-1-01", "2024-01-1 ", "2024/01/01", "20240101", "2024-01-01T", "+024-01-01", "2024-0a-01", "")
	for _, s := range cases {
		_, err := time.Parse(time.DateOnly, s)
		assert.Equal(t, err == nil, isDate(s), s)
	}
}

// TestRunesWithinCountsCharacters checks the shortcut of the length bounds
// against a plain count of characters.
func TestRunesWithinCountsCharacters(t *testing.T) {
	for _, s := range []string{"", "a", "ab", "合", "合成", "合成样例", "abcdefgh", strings.Repeat("合", 40), strings.Repeat("合", 41), strings.Repeat("a", 40), strings.Repeat("a", 41), strings.Repeat("𝄞", 3)} {
		for _, b := range [][2]int{{0, 200}, {1, 200}, {2, 40}, {1, 20}, {1, 64}, {2, 3}} {
			n := utf8.RuneCountInString(s)
			assert.Equal(t, n >= b[0] && n <= b[1], runesWithin(s, b[0], b[1]), "%q in %v", s, b)
		}
	}
}

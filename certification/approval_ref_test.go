package certification

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
)

// approvalRE is ValidApproval as it was, the compiled ApprovalPattern: the
// reference the hand-written reading is held to.
var approvalRE = regexp.MustCompile(ApprovalPattern)

// approvalSeeds are approval numbers as the CNCA platform lists them and
// near misses: a letter, a digit or a hyphen too many or too few, lower
// case, full width, spaces, a trailing newline.
var approvalSeeds = []string{
	"CNCA-R-2002-001", "CNCA-RF-2002-07", "CNCA-RF-2003-27", "CNCA-R-2099-001", "CNCA-2002-001",
	"CNCA-RFX-2002-001", "CNCA--2002-001", "CNCA-R-02-001", "CNCA-R-20022-001", "CNCA-R-2002-1",
	"CNCA-R-2002-0011", "cnca-r-2002-001", "CNCA-r-2002-001", "ＣＮＣＡ-R-2002-001", "CNCA-R-2002-001\n",
	" CNCA-R-2002-001", "CNCA-R-2002-001 ", "CNCA-R 2002-001", "CNCA-R-2002—001", "CNCA-", "CNCA-R",
	"CNCA-R-", "CNCA-R-2002", "CNCA-R-2002-", "", "CNCA-R-２００２-001", "CNCA-R-2002-00\xff",
}

// TestValidApprovalMatchesThePattern holds ValidApproval to the compiled
// ApprovalPattern on the listed forms and their near misses.
func TestValidApprovalMatchesThePattern(t *testing.T) {
	valid := 0
	for _, s := range approvalSeeds {
		want := approvalRE.MatchString(s)
		assert.Equal(t, want, ValidApproval(s), "%q", s)
		if want {
			valid++
		}
	}
	assert.Equal(t, 4, valid, "four of the forms are valid numbers")
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = ValidApproval("CNCA-R-2002-001") }))
}

// FuzzValidApprovalAgreesWithPattern holds ValidApproval to the compiled
// ApprovalPattern on any input.
func FuzzValidApprovalAgreesWithPattern(f *testing.F) {
	for _, s := range approvalSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := ValidApproval(s), approvalRE.MatchString(s); got != want {
			t.Fatalf("ValidApproval(%q) = %v, the pattern says %v", s, got, want)
		}
	})
}

package fastpath

import (
	"regexp"
	"testing"

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

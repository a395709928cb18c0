package certification

import "github.com/jxgreen/jxgreen/certification/creditcode"

// ApprovalPattern is the form of a CNCA approval number of a certification
// body, as a regular expression that Go and JSON Schema read alike, written
// once in the module: the partner schemes' JSON Schemas and fast paths are
// generated from it. "CNCA-" and a letter code ("R" for a domestic body,
// "RF" for a foreign-invested one), the year of approval, and a sequence
// number of three digits for domestic bodies ("CNCA-R-2002-001") or two for
// foreign-invested ones ("CNCA-RF-2002-07", "CNCA-RF-2003-27"), as the CNCA
// certification and accreditation information platform (cx.cnca.cn) lists
// them. [ValidApproval] matches it.
const ApprovalPattern = `^CNCA-[A-Z]{1,2}-[0-9]{4}-[0-9]{2,3}$`

// Holder is the holder of a certificate: an enterprise or organisation.
type Holder struct {
	Name string          `json:"name"`
	Code creditcode.Code `json:"credit_code"`
}

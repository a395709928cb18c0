// Package recognition checks mutual recognition (互认) between 江西绿色生态
// and partner schemes, as 赣标〔2021〕1号 三(六) asks ("省际区域品牌互认",
// "同线同标同质") and 苏政办发〔2022〕21号 (十三) practises ("一次认证，多张证书").
//
// A partner's certificate or evaluation result, in its own format, becomes a
// canonical [Record] through the scheme's [Adapter]; an [Agreement] says on
// which terms one scheme recognises another, and [Agreement.Check] decides:
// [Recognized], [Conditional] (what must be assessed in addition) or
// [Rejected], each with its reasons in Chinese and English. [Cover] answers
// the question of 一次认证、多张证书: which schemes' certificates one
// assessment can lead to. A [Checker] runs the check over NDJSON streams.
//
// Agreements are data as well: [ParseAgreements] reads agreement files
// (JSON held to [AgreementSchema]) with dated versions, and [Agreements]
// applies the version in force on the day of a decision in place of the
// documented default terms; every [Decision] names the terms it applied.
// A partner judges 江西绿色生态 certificates by its own terms the same way
// ([Agreements.For], [Checker.Recognizer]).
//
// Adapters live in the sub-packages (recognition/shenzhen, …) and register
// themselves in init, as database/sql drivers do: import them for their
// side effect.
package recognition

import (
	"slices"
	"time"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/standard"
)

// Record is one certificate or evaluation result of any scheme, in canonical
// form.
type Record struct {
	Scheme    brand.ID             `json:"scheme"`
	Number    string               `json:"number"`
	Holder    certification.Holder `json:"holder"`
	Product   string               `json:"product"`
	Standards []standard.Number    `json:"standards"`
	// StandardDocs are the standards themselves, with their requirements,
	// where the record or the caller knows them.
	StandardDocs []standard.Standard `json:"standard_docs,omitempty"`
	// Body is the certification body, or the evaluating organisation of an
	// evaluation scheme.
	Body certification.Body `json:"body"`
	// Mode is the certification mode; 0 for an evaluation or listing,
	// which has none.
	Mode    certification.Mode   `json:"mode,omitempty"`
	Issued  time.Time            `json:"issued"`
	Expires time.Time            `json:"expires"`
	Status  certification.Status `json:"status"`
	// StatusText is the status as the record wrote it, when it is not a
	// word the scheme is known to use; Status is then 0 (unknown), and
	// the record is never recognised.
	StatusText string `json:"status_text,omitempty"`
	// OtherStandards are the standards the record cites whose numbers the
	// library cannot read (international and foreign standards in a UNTP
	// credential, for example): kept as written, never matched to ours.
	OtherStandards []string `json:"other_standards,omitempty"`
	// Attributes are the brand attributes the record's scheme claims for
	// the product.
	Attributes []brand.Attribute `json:"attributes,omitempty"`
	// Integrity says whether the record came with a proof that verified
	// against a trusted key; the zero value is a format without proofs.
	Integrity Integrity `json:"integrity,omitempty"`
}

// Clone returns a deep copy of r.
func (r Record) Clone() Record {
	r.Standards = slices.Clone(r.Standards)
	r.Attributes = slices.Clone(r.Attributes)
	r.OtherStandards = slices.Clone(r.OtherStandards)
	if r.StandardDocs != nil {
		docs := make([]standard.Standard, len(r.StandardDocs))
		for i, d := range r.StandardDocs {
			docs[i] = d.Clone()
		}
		r.StandardDocs = docs
	}
	return r
}

// StatusAt returns the record's status at time t: Pending before the issue
// date, Expired from the end of validity, otherwise the recorded status.
// A record without a status is reported as 0.
func (r Record) StatusAt(t time.Time) certification.Status { return r.statusAt(t) }

// statusAt is StatusAt without copying the record.
func (r *Record) statusAt(t time.Time) certification.Status {
	switch {
	case r.Status == 0:
		return 0
	case t.Before(r.Issued):
		return certification.Pending
	case (r.Status == certification.Valid || r.Status == certification.Suspended) && !r.Expires.IsZero() && !t.Before(r.Expires):
		return certification.Expired
	}
	return r.Status
}

// FromCertificate makes a record of a certificate as it stands at time at,
// for checking a certificate of our own against a partner's terms: Status
// is c.StatusAt(at), the one answer to a certificate's status, and Expires
// the end of validity in force at at ([certification.Certificate.ExpiresAt]).
func FromCertificate(c certification.Certificate, attrs []brand.Attribute, at time.Time) Record {
	return Record{
		Scheme:     c.Scheme,
		Number:     c.Number,
		Holder:     c.Holder,
		Product:    c.Product,
		Standards:  slices.Clone(c.Standards),
		Body:       c.Body,
		Mode:       c.Mode,
		Issued:     c.Issued,
		Expires:    c.ExpiresAt(at),
		Status:     c.StatusAt(at),
		Attributes: slices.Clone(attrs),
	}
}

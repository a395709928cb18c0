package certification

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/certification/creditcode"
	"github.com/jxgreen/jxgreen/standard"
)

// Rules are the certification rules of a scheme: what an application needs
// and how a certificate is kept.
type Rules struct {
	Scheme brand.ID
	// Mode is the weakest certification mode the rules accept.
	Mode Mode
	// ValidityMonths is how long a certificate is valid.
	ValidityMonths int
	// SurveillanceMonths is the interval between surveillances.
	SurveillanceMonths int
	// MaxSuspensionMonths is the longest a certificate may stay suspended
	// before it must be revoked.
	MaxSuspensionMonths int
	// RequireAlliance: the body must be a member of the scheme's
	// certification alliance ([Alliance]).
	RequireAlliance bool
	// RequireApproval: the body must show a CNCA approval number. Off by
	// default because no source gives the alliance members' numbers; a
	// service that has them turns it on.
	RequireApproval bool
	// Standards are the standards that passed evaluation and may be
	// certified against; nil means [standard.Catalogue].
	Standards *standard.Catalog
}

// GreenEcologyRules returns the rules of 江西绿色生态 certification. The alliance
// writes the rules and each member files them with CNCA (中新网 2021-08-02,
// 中新网 2021-10-14); their mode, validity, surveillance frequency and
// suspension limit are not public, so these are documented defaults taken
// from the practice of peer schemes, not from any 江西绿色生态 text: ISO/IEC
// 17067:2013 type 5, three years' validity (上海品牌: Intertek 上海品牌认证服务页;
// 深圳标准: 1zhengji.com 2016-05-27), annual surveillance (浙江制造认证实施规则),
// at most six months' suspension. Each call returns a fresh value: change a
// field of it to apply other terms.
func GreenEcologyRules() Rules {
	return Rules{
		Scheme:              brand.JiangxiGreen,
		Mode:                Type5,
		ValidityMonths:      36,
		SurveillanceMonths:  12,
		MaxSuspensionMonths: 6,
		RequireAlliance:     true,
	}
}

// Application is a request for certification, as the body has assessed it.
type Application struct {
	// Number is the certificate number the body assigns; its format is the
	// body's (not public for 江西绿色生态).
	Number    string
	Holder    Holder
	Product   string
	Scope     string
	Standards []standard.Number
	Body      Body
	Mode      Mode
	// Decided is the date of the certification decision, which becomes
	// the issue date.
	Decided time.Time
}

// Issue validates an application against the rules and issues a
// certificate. Every problem is reported, each as a [*FieldError] (joined
// with errors.Join), so a caller can show them all at once; errors.Is(err,
// ErrApplication) holds for any of them. A number or product holding an
// invisible character is refused by the same rule as [Registry] (a blank
// one is missing); a standard must be in the catalogue and not withdrawn
// (废止); ValidityMonths must be from 1 to 1200. The certificate returned
// passes [Certificate.Validate].
func (r Rules) Issue(app Application) (Certificate, error) {
	var errs []error
	bad := func(field string, reason Reason, value string, err error) {
		errs = append(errs, &FieldError{Field: field, Reason: reason, Value: value, Err: err})
	}
	text := func(field, v string) {
		switch {
		case blank(v):
			bad(field, ReasonMissing, "", nil)
		case badText(strings.TrimSpace(v)):
			bad(field, ReasonControl, v, nil)
		}
	}
	text("number", app.Number)
	if blank(app.Holder.Name) {
		bad("holder.name", ReasonMissing, "", nil)
	}
	code, err := creditcode.Parse(string(app.Holder.Code))
	if err != nil {
		bad("holder.code", ReasonInvalid, string(app.Holder.Code), err)
	}
	text("product", app.Product)
	if len(app.Standards) == 0 {
		bad("standards", ReasonMissing, "", nil)
	}
	cat := r.Standards
	if cat == nil {
		cat = standard.Catalogue()
	}
	for i, n := range app.Standards {
		s, ok := cat.Lookup(n)
		if !ok {
			bad("standards["+strconv.Itoa(i)+"]", ReasonNotEvaluated, n.String(), nil)
			continue
		}
		// A withdrawn (废止) standard is no basis for certification.
		if s.Status == standard.Withdrawn {
			bad("standards["+strconv.Itoa(i)+"]", ReasonWithdrawn, n.String(), nil)
		}
		if err := s.CheckProduct(strings.TrimSpace(app.Product)); err != nil && !blank(app.Product) {
			bad("product", ReasonInvalid, app.Product, err)
		}
	}
	if blank(app.Body.Name) {
		bad("body", ReasonMissing, "", nil)
	} else {
		if r.RequireAlliance {
			m, ok := AllianceMember(app.Body.Name)
			switch {
			case !ok:
				bad("body", ReasonNotMember, app.Body.Name, nil)
			case !m.Certifies:
				bad("body", ReasonNotCertificationBody, app.Body.Name, nil)
			}
		} else if !app.Body.Certifies {
			bad("body", ReasonNotCertificationBody, app.Body.Name, nil)
		}
		if r.RequireApproval && !ValidApproval(app.Body.Approval) {
			bad("body.approval", ReasonNoApproval, app.Body.Name, nil)
		}
	}
	if !app.Mode.Valid() {
		bad("mode", ReasonMissing, "", nil)
	} else if r.Mode.Valid() && !app.Mode.AtLeast(r.Mode) {
		bad("mode", ReasonModeTooWeak, app.Mode.String(), nil)
	}
	if err := checkDate("decided", app.Decided); err != nil {
		errs = append(errs, err)
	}
	if r.ValidityMonths <= 0 || r.ValidityMonths > maxValidityMonths {
		bad("rules.validity", ReasonInvalid, strconv.Itoa(r.ValidityMonths), nil)
	}
	if len(errs) > 0 {
		return Certificate{}, errors.Join(errs...)
	}
	expires := app.Decided.AddDate(0, r.ValidityMonths, 0)
	body := app.Body
	if m, ok := AllianceMember(body.Name); ok && r.RequireAlliance {
		// Keep what the caller knows (approval number), fill what we know.
		m.Approval, m.Accreditation = body.Approval, body.Accreditation
		body = m
	}
	c := Certificate{
		Number:    strings.TrimSpace(app.Number),
		Scheme:    r.Scheme,
		Holder:    Holder{Name: strings.TrimSpace(app.Holder.Name), Code: code},
		Product:   strings.TrimSpace(app.Product),
		Scope:     app.Scope,
		Standards: append([]standard.Number(nil), app.Standards...),
		Body:      body,
		Mode:      app.Mode,
		Issued:    app.Decided,
		Expires:   expires,
		History:   []Event{{Action: Issue, At: app.Decided, Expires: expires}},
	}
	// What Issue returns passes Validate: it can be stored and written as
	// JSON (an end of validity past year 9999, a holder name or standard
	// the checks above do not see, …).
	if err := c.Validate(); err != nil {
		return Certificate{}, err
	}
	return c, nil
}

// maxValidityMonths bounds Rules.ValidityMonths: a hundred years, far
// beyond any scheme's validity, short of overflowing a date.
const maxValidityMonths = 1200

// Schedule says what a certificate's keeper must do next.
type Schedule struct {
	Status Status
	// Surveillance is when the next surveillance is due; zero when none is
	// (the certificate is not valid, or it expires first).
	Surveillance time.Time
	// SurveillanceOverdue is true when Surveillance has passed.
	SurveillanceOverdue bool
	// Expires is the end of validity in force at the time asked
	// ([Certificate.ExpiresAt]).
	Expires time.Time
	// SuspensionLimit is, for a suspended certificate, when the longest
	// allowed suspension ends; SuspensionOverdue is true once it has, and
	// the certificate is to be revoked.
	SuspensionLimit   time.Time
	SuspensionOverdue bool
}

// Due says when surveillance of c is due at time t, and whether it is
// overdue: the next surveillance falls SurveillanceMonths after the last
// one (or the issue date). For a suspended certificate it gives the end of
// the longest allowed suspension.
func (r Rules) Due(c Certificate, t time.Time) Schedule {
	s := Schedule{Status: c.StatusAt(t), Expires: c.ExpiresAt(t)}
	switch s.Status {
	case Valid:
		if r.SurveillanceMonths <= 0 {
			return s
		}
		from := c.Issued
		if last, ok := c.LastSurveillance(t); ok {
			from = last
		}
		next := from.AddDate(0, r.SurveillanceMonths, 0)
		if next.Before(s.Expires) {
			s.Surveillance = next
			s.SurveillanceOverdue = t.After(next)
		}
	case Suspended:
		if r.MaxSuspensionMonths <= 0 {
			return s
		}
		var since time.Time
		for _, e := range c.History {
			if e.Action == Suspend && !e.At.After(t) {
				since = e.At
			}
		}
		if !since.IsZero() {
			s.SuspensionLimit = since.AddDate(0, r.MaxSuspensionMonths, 0)
			s.SuspensionOverdue = t.After(s.SuspensionLimit)
		}
	}
	return s
}

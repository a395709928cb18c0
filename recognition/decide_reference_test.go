package recognition

// The reference implementations: Agreement.Check, Format.build and
// parseDate as they were before the allocations were taken out of them
// (issue 14), kept word for word (renamed) so that the differential tests
// and fuzz targets of decide_test.go hold the fast code equal to them.

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/certification/creditcode"
	"github.com/jxgreen/jxgreen/recognition/internal/schema"
	"github.com/jxgreen/jxgreen/standard"
)

func refCheck(a Agreement, r Record, at time.Time, opts ...CheckOption) Decision {
	var o checkOptions
	if len(opts) > 0 {
		o = applyOptions(opts)
	}
	d := Decision{Scheme: r.Scheme, Number: r.Number, Recognizer: a.Recognizer.ID, Agreement: a.Ref(), Outcome: Recognized}
	if a.none {
		refAdd(&d, Rejected, ReasonNoAgreement, brandName(a.Recognizer), brandName(a.Scheme))
		return d
	}
	if !a.InForce(at) {
		refAdd(&d, Rejected, ReasonAgreementNotInForce, a.Ref().String(), refDate(at), openDate(a.From), lastDay(a.Until))
	}
	if r.Scheme != a.Scheme.ID {
		refAdd(&d, Rejected, ReasonSchemeMismatch, string(r.Scheme), string(a.Scheme.ID))
	}
	if r.Integrity != IntegrityNone && r.Integrity != IntegrityChecked {
		refAdd(&d, Conditional, ReasonIntegrityUnverified)
	}

	st := r.StatusAt(at)
	if r.Scheme == a.Recognizer.ID && a.Recognizer.ID != "" {
		st = refCheckClaim(a, r, at, o.lookup, &d, st)
	}
	switch st {
	case certification.Valid:
	case 0:
		if r.StatusText != "" {
			refAdd(&d, Rejected, ReasonStatusUnrecognized, r.StatusText)
		} else {
			refAdd(&d, Rejected, ReasonStatusUnknown)
		}
	case certification.Pending:
		refAdd(&d, Rejected, ReasonNotYetValid, refDate(r.Issued))
	case certification.Expired:
		refAdd(&d, Rejected, ReasonExpired, refDate(r.Expires))
	case certification.Suspended:
		refAdd(&d, Rejected, ReasonSuspended)
	case certification.Revoked:
		refAdd(&d, Rejected, ReasonRevoked)
	case certification.Cancelled:
		refAdd(&d, Rejected, ReasonCancelled)
	default: // no status of certification.Status
		refAdd(&d, Rejected, ReasonStatusUnknown)
	}
	if r.Expires.IsZero() {
		refAdd(&d, Rejected, ReasonNoValidity)
	}
	if _, err := creditcode.Parse(string(r.Holder.Code)); err != nil {
		refAdd(&d, Rejected, ReasonHolderInvalid, string(r.Holder.Code))
	}

	// A record covers what its scheme assesses and what our standard it
	// meets covers; not what it claims on its own.
	assessed := a.Assessed
	if assessed == nil {
		assessed = a.Scheme.Attributes
	}
	covered := append(slices.Clone(assessed), refCheckStandard(a, r, &d)...)

	// Certification mode and body.
	if r.Mode == 0 {
		adds := a.EvaluationAdds
		if adds == 0 {
			adds = a.MinMode.Includes()
		}
		switch {
		case !a.AcceptEvaluation:
			refAdd(&d, Rejected, ReasonEvaluationNotAccepted)
		case adds != 0:
			d.Add |= adds
			refAdd(&d, Conditional, ReasonEvaluationOnly, adds)
		}
		if strings.TrimSpace(r.Body.Name) == "" {
			refAdd(&d, Rejected, ReasonBodyMissing)
		}
	} else {
		if a.MinMode.Valid() && !r.Mode.AtLeast(a.MinMode) {
			missing := a.MinMode.Includes() &^ r.Mode.Includes()
			d.Add |= missing
			refAdd(&d, Conditional, ReasonModeWeaker, r.Mode, a.MinMode, missing)
		}
		switch {
		case strings.TrimSpace(r.Body.Name) == "":
			refAdd(&d, Rejected, ReasonBodyMissing)
		case !r.Body.Certifies:
			refAdd(&d, Rejected, ReasonBodyNotCertifier, r.Body.Name)
		case a.RequireApproval && !certification.ValidApproval(r.Body.Approval) && !refKnownAllianceBody(r.Body):
			refAdd(&d, Rejected, ReasonBodyNotApproved, r.Body.Name)
		}
	}

	// Brand attributes.
	want := a.Attributes
	if want == nil {
		want = a.Recognizer.Attributes
	}
	if missing := brand.Missing(want, covered); len(missing) > 0 {
		d.Assess = missing
		refAdd(&d, Conditional, ReasonAttributesUncovered, brand.List(missing))
	}
	return d
}
func refCheckClaim(a Agreement, r Record, at time.Time, l certification.Lookup, d *Decision, st certification.Status) certification.Status {
	if l == nil {
		refAdd(d, Conditional, ReasonClaimUnverified, r.Number)
		return st
	}
	c, ok := l.Certificate(r.Number)
	if !ok {
		refAdd(d, Rejected, ReasonClaimUnknown, r.Number)
		return st
	}
	var diff claimFields
	if c.Scheme != "" && c.Scheme != r.Scheme {
		diff = append(diff, "scheme")
	}
	if c.Holder.Code != r.Holder.Code {
		diff = append(diff, "holder")
	}
	if foldProduct(c.Product) != foldProduct(r.Product) {
		diff = append(diff, "product")
	}
	if !sameNumbers(c.Standards, r.Standards) {
		diff = append(diff, "standards")
	}
	// What the terms then judge by the record must be the certificate's
	// too: a claim cannot raise its mode, change its body or outlast the
	// certificate. A format that records no mode gives none (0).
	if r.Mode != 0 && r.Mode != c.Mode {
		diff = append(diff, "mode")
	}
	if r.Body.Name != "" && foldProduct(r.Body.Name) != foldProduct(c.Body.Name) {
		diff = append(diff, "body")
	}
	if end := c.ExpiresAt(at); !end.IsZero() && r.Expires.After(end) {
		diff = append(diff, "validity")
	}
	if len(diff) > 0 {
		refAdd(d, Rejected, ReasonClaimMismatch, r.Number, diff)
	}
	return c.StatusAt(at)
}
func refCheckStandard(a Agreement, r Record, d *Decision) []brand.Attribute {
	cat := a.catalog()
	// 同标: the record cites one of our standards, and its product falls
	// under the standard's subject; every standard of ours that it cites
	// must cover the product.
	if cat != nil {
		var match standard.Standard
		found, outside := false, false
		for _, n := range r.Standards {
			s, ok := cat.Heading(n) // number, title, subject, attributes: all this needs
			switch {
			case !ok:
			case !s.Covers(r.Product):
				refAdd(d, Rejected, ReasonProductOutsideStandard, r.Product, s.Label())
				outside = true
			case !found:
				match, found = s, true
			}
		}
		if outside {
			return nil
		}
		if found {
			d.Standard, d.StandardTitle = match.Number, match.Title
			return match.Attributes
		}
	}
	// An agreed equivalence.
	for _, e := range a.Equivalences {
		if !e.matches(&r) {
			continue
		}
		d.Standard, d.StandardTitle = e.Ours, e.OursTitle
		var ours standard.Standard
		var known bool
		if cat != nil {
			if !e.Ours.IsZero() {
				ours, known = cat.Lookup(e.Ours)
			} else if e.OursTitle != "" {
				if found := cat.Find(e.OursTitle); len(found) == 1 {
					ours, known = found[0], true
				}
			}
		}
		if e.Degree == standard.NEQ {
			refAdd(d, Conditional, ReasonStandardNotEquivalent, e.label())
		}
		if known && !ours.Covers(r.Product) {
			refAdd(d, Rejected, ReasonProductOutsideStandard, r.Product, ours.Label())
			return nil
		}
		if known {
			if theirs, ok := theirDoc(&r, e.Theirs); ok && len(ours.Requirements) > 0 {
				refCompareIndicators(theirs, ours, d)
			}
			return ours.Attributes
		}
		return nil
	}
	// Our standard for the same product, if we have one.
	if cat == nil {
		refAdd(d, Conditional, ReasonStandardUnverified, "“"+a.Recognizer.Name+"”")
		return nil
	}
	ours, ok := cat.Subject(r.Product)
	if !ok {
		refAdd(d, Rejected, ReasonNoStandard, a.Recognizer.Name, r.Product)
		return nil
	}
	d.Standard, d.StandardTitle = ours.Number, ours.Title
	if theirs, ok := theirDoc(&r, standard.Number{}); ok && len(ours.Requirements) > 0 {
		if refCompareIndicators(theirs, ours, d) {
			return ours.Attributes
		}
		return nil
	}
	refAdd(d, Conditional, ReasonStandardUnverified, ours.Label())
	return nil
}
func refCompareIndicators(theirs, ours standard.Standard, d *Decision) bool {
	c := standard.Compare(theirs, ours)
	for _, it := range c.Items {
		switch it.Relation {
		case standard.Looser:
			d.Indicators = append(d.Indicators, it.Name)
			refAdd(d, Conditional, ReasonIndicatorLooser, it.Name, ours.Label(), it.Ours.String(), it.Theirs.String())
		case standard.Missing:
			d.Indicators = append(d.Indicators, it.Name)
			refAdd(d, Conditional, ReasonIndicatorMissing, ours.Label(), it.Name)
		case standard.Incomparable:
			d.Indicators = append(d.Indicators, it.Name)
			refAdd(d, Conditional, ReasonIndicatorIncomparable, it.Name, ours.Label())
		}
	}
	return c.AtLeastAsStrict
}

func refAdd(d *Decision, o Outcome, code ReasonCode, args ...any) {
	d.Reasons = append(d.Reasons, Reason{Code: code, Outcome: o, Args: args})
	if o > d.Outcome {
		d.Outcome = o
	}
}

func refBuild(f Format, n nativeFields) (Record, error) {
	scheme := string(f.Scheme)
	code, err := creditcode.Parse(n.holderCode)
	if err != nil {
		return Record{}, schema.ValueError(scheme, ptr(f.HolderCode), err)
	}
	r := Record{
		Scheme:  f.Scheme,
		Number:  n.number,
		Holder:  certification.Holder{Name: n.holderName, Code: code},
		Product: n.product,
		Body:    certification.Body{Name: n.body, Approval: n.approval, Certifies: f.Certifies},
	}
	if f.Certifies {
		r.Body.Alliance = f.Scheme
	}
	r.Standards = make([]standard.Number, len(n.standards))
	for i, s := range n.standards {
		if r.Standards[i], err = standard.Parse(s); err != nil {
			return Record{}, schema.ValueError(scheme, ptr(f.Standards)+"/"+fmt.Sprint(i), err)
		}
	}
	if f.Mode != "" {
		if r.Mode, err = certification.ParseMode(n.mode); err != nil {
			return Record{}, schema.ValueError(scheme, ptr(f.Mode), err)
		}
	}
	if r.Issued, err = refParseDate(n.issued); err != nil {
		return Record{}, schema.ValueError(scheme, ptr(f.Issued), err)
	}
	last, err := refParseDate(n.expires)
	if err != nil {
		return Record{}, schema.ValueError(scheme, ptr(f.Expires), err)
	}
	// "有效期至" names the last valid day; Expires is the first instant after.
	r.Expires = last.AddDate(0, 0, 1)
	if !r.Expires.After(r.Issued) {
		return Record{}, schema.ValueError(scheme, ptr(f.Expires), schema.NewFault("recognition.fault.validity", n.expires, n.issued))
	}
	if r.Status = refStatusOf(&f, n.status); r.Status == 0 {
		r.StatusText = n.status // decided as status unknown, not refused
	}
	if len(n.attributes) > 0 {
		r.Attributes = make([]brand.Attribute, len(n.attributes))
		for i, s := range n.attributes {
			if r.Attributes[i], err = brand.ParseAttribute(s); err != nil {
				return Record{}, schema.ValueError(scheme, ptr(f.Attributes)+"/"+fmt.Sprint(i), err)
			}
		}
	}
	return r, nil
}

func refParseDate(s string) (time.Time, error) {
	t, err := time.ParseInLocation(time.DateOnly, s, brand.ChinaTime())
	if err != nil {
		return time.Time{}, schema.NewFault("recognition.fault.date", s)
	}
	return t, nil
}

func refKnownAllianceBody(b certification.Body) bool {
	m, ok := certification.AllianceMember(b.Name)
	return ok && m.Certifies
}

func refDate(t time.Time) string { return t.In(brand.ChinaTime()).Format(time.DateOnly) }

func refStatusOf(f *Format, word string) certification.Status {
	word = strings.TrimFunc(word, unicode.IsSpace)
	for _, w := range f.Statuses {
		if w.Word == word {
			return w.Status
		}
	}
	return 0
}

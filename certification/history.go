package certification

import (
	"slices"
	"strconv"
	"time"

	"github.com/jxgreen/jxgreen/certification/creditcode"
)

// retractWindow is how long after a step's own date it can still be
// retracted ([Certificate.Retract]): 30 days.
//
// A retraction corrects a recording error; it is not a way to undo a
// decision. A revocation or cancellation is final ([Certificate.Revoke]):
// a label scanned while it was in force was refused, and the record must
// go on saying so. Within the window a step recorded against the wrong
// certificate or with a wrong date is corrected promptly; a step dated in
// the future by mistake can be retracted at any time before its date and
// up to 30 days after it. Past the window the history stands: what
// follows is recorded as new steps (a new certificate after a revocation).
const retractWindow = 30 * 24 * time.Hour

// Retract takes the last step out of the history, to correct a step that
// was recorded wrongly: most often one dated in the future by mistake,
// which would otherwise refuse every step dated before it. The step is
// kept in Retracted with at (when it is retracted) and the reason, which
// is required (a reason of spaces or invisible characters is none);
// retracting a renewal restores the end of validity it replaced. It
// returns the retracted step.
//
// Only the last step can be retracted, so that the history stays in date
// order: to correct an earlier step, retract the steps after it first,
// then record them again with their right dates. The issue step cannot be
// retracted ([ErrRetract]): a certificate issued by mistake is cancelled
// or revoked.
//
// Retract is a correction, not a lifecycle step, and it is bounded so that
// "final" stays final: at must not be before the issue date nor before the
// previous retraction, and it must be no later than the retraction window (30
// days) after the retracted step's own date; a later retraction is refused
// with a [*FieldError] wrapping [ErrRetract]. So a revocation recorded
// against the wrong certificate can be taken back within 30 days of its
// date, never a revocation that has been in force for longer. Who may call
// Retract is a matter for the keeper of the registry; the retraction
// itself stays on record.
func (c *Certificate) Retract(at time.Time, reason string) (Event, error) {
	n := len(c.History)
	if n == 0 || c.History[n-1].Action == Issue {
		return Event{}, ErrRetract
	}
	if err := c.checkRetraction("retracted", c.History[n-1], at, reason); err != nil {
		return Event{}, err
	}
	if m := len(c.Retracted); m > 0 && at.Before(c.Retracted[m-1].At) {
		return Event{}, &FieldError{Field: "retracted.at", Reason: ReasonOutOfOrder, Value: at.Format(time.RFC3339)}
	}
	e := c.History[n-1]
	if e.Action == Renew {
		prev := e.Replaced
		if prev.IsZero() {
			// A renewal recorded before Replaced existed: the end of
			// validity that the earlier steps set, if they say.
			_, prev = Certificate{Expires: c.Expires, History: c.History[:n-1]}.replayAll()
			if prev.Equal(c.Expires) {
				return Event{}, &FieldError{Field: "history.replaced", Reason: ReasonMissing}
			}
		}
		c.Expires = prev
	}
	c.History = slices.Clip(c.History[:n-1])
	c.Retracted = append(c.Retracted, Retraction{Event: e, At: at, Reason: reason})
	return e, nil
}

// replayAll runs the whole history, ignoring dates, and returns the status
// it leaves (Valid, Suspended, Revoked or Cancelled) and the end of
// validity it sets (Expires when the history sets none).
func (c Certificate) replayAll() (Status, time.Time) {
	var last time.Time
	if n := len(c.History); n > 0 {
		last = c.History[n-1].At
	}
	return c.replay(last)
}

// Validate reports the first thing that makes c unfit to be stored or
// trusted, as a [*FieldError] naming the field: a missing number, or a
// number or product holding a control, format or other invisible character
// (the package's one rule for them is documented on [Registry]); an
// unknown certification mode (the zero Mode, not stated, is allowed); a
// missing issue date or end of validity,
// or an end of validity not after the issue date; a date that the JSON form
// cannot write (a year outside 1–9999, a zone offset of 24 hours or more or
// not in whole minutes); a history out of date order, with a step dated
// before the issue date, an issue step that is not the first, a step that
// the status at its date does not allow (a reinstatement after a
// revocation, …), a renewal that does not extend the validity, or an end of
// validity that disagrees with the last renewal; a step carrying a field
// that only another kind of step has (a surveillance result on a
// suspension, …); retracted steps checked as history steps are, and
// retractions out of order, dated before the issue date or after the
// correction window (30 days after the step's date), or without a reason. A certificate
// that the lifecycle methods built from [Rules.Issue] always passes, and a
// certificate that passes can be written as JSON and read back.
//
// [Registry.Add], [Registry.Update], [Rules.Issue] and the JSON decoder run
// it, so a stored certificate's history is always in order.
func (c Certificate) Validate() error {
	if _, err := numberKey(c.Number, "number"); err != nil {
		return err
	}
	if c.Holder.Code != "" {
		if _, err := creditcode.Parse(string(c.Holder.Code)); err != nil {
			return &FieldError{Field: "holder.code", Reason: ReasonInvalid, Value: string(c.Holder.Code), Err: err}
		}
	}
	if badText(c.Product) {
		return &FieldError{Field: "product", Reason: ReasonControl, Value: c.Product}
	}
	if err := checkDate("issued", c.Issued); err != nil {
		return err
	}
	if err := checkDate("expires", c.Expires); err != nil {
		return err
	}
	if !c.Expires.After(c.Issued) {
		return &FieldError{Field: "expires", Reason: ReasonDates, Value: c.Expires.Format(time.RFC3339)}
	}
	// Mode 0 is a mode not stated (a partner scheme's certificate that does
	// not say); any other value must be a mode the JSON form can write.
	if c.Mode != 0 && !c.Mode.Valid() {
		return &FieldError{Field: "mode", Reason: ReasonInvalid, Value: c.Mode.String(), Err: ErrMode}
	}
	for i, e := range c.History {
		f := "history[" + strconv.Itoa(i) + "]"
		if err := c.checkEvent(f, e); err != nil {
			return err
		}
		switch {
		case i > 0 && e.At.Before(c.History[i-1].At):
			return &FieldError{Field: f + ".at", Reason: ReasonOutOfOrder, Value: e.At.Format(time.RFC3339)}
		case e.Action == Issue && i != 0:
			return &FieldError{Field: f + ".action", Reason: ReasonIssueNotFirst, Value: e.Action.String()}
		case e.Action == Issue && !e.At.Equal(c.Issued):
			return &FieldError{Field: f + ".at", Reason: ReasonDates, Value: e.At.Format(time.RFC3339)}
		}
	}
	// The steps in order: each must be one the status at its date allows.
	st, expires := Valid, c.origin()
	for i, e := range c.History {
		f := "history[" + strconv.Itoa(i) + "]"
		if e.Action == Issue {
			continue
		}
		// The status at the step's date, as StatusAt would give it.
		at := st
		if (st == Valid || st == Suspended) && !e.At.Before(expires) {
			at = Expired
		}
		if !slices.Contains(allowed[e.Action], at) {
			return &FieldError{Field: f + ".action", Reason: ReasonTransition, Value: e.Action.String(),
				Err: &TransitionError{Number: c.Number, Action: e.Action, Status: at}}
		}
		if s, ok := leaves(e.Action); ok {
			st = s
		}
		if e.Action == Renew {
			if !e.Expires.After(expires) || !e.Expires.After(e.At) ||
				(!e.Replaced.IsZero() && !e.Replaced.Equal(expires)) {
				return &FieldError{Field: f + ".expires", Reason: ReasonDates, Value: e.Expires.Format(time.RFC3339)}
			}
			expires = e.Expires
		}
	}
	if !expires.Equal(c.Expires) {
		return &FieldError{Field: "expires", Reason: ReasonDates, Value: c.Expires.Format(time.RFC3339)}
	}
	for i, r := range c.Retracted {
		f := "retracted[" + strconv.Itoa(i) + "]"
		if r.Event.Action == Issue {
			return &FieldError{Field: f + ".event.action", Reason: ReasonInvalid, Value: r.Event.Action.String(), Err: ErrRetract}
		}
		if err := c.checkEvent(f+".event", r.Event); err != nil {
			return err
		}
		if err := c.checkRetraction(f, r.Event, r.At, r.Reason); err != nil {
			return err
		}
		if i > 0 && r.At.Before(c.Retracted[i-1].At) {
			return &FieldError{Field: f + ".at", Reason: ReasonOutOfOrder, Value: r.At.Format(time.RFC3339)}
		}
	}
	return nil
}

// checkEvent checks what a step says by itself, in the history or among
// the retracted steps (field f): a known action, a date that is on or
// after the issue date and that JSON can write, and only the fields its
// kind of step has (one spelling for each step).
func (c Certificate) checkEvent(f string, e Event) error {
	switch {
	case !actionNames.Valid(int(e.Action)):
		return &FieldError{Field: f + ".action", Reason: ReasonInvalid, Value: e.Action.String(), Err: ErrStatus}
	case e.At.IsZero():
		return &FieldError{Field: f + ".at", Reason: ReasonMissing}
	case !writable(e.At):
		return &FieldError{Field: f + ".at", Reason: ReasonRange, Value: e.At.String()}
	case e.At.Before(c.Issued):
		return &FieldError{Field: f + ".at", Reason: ReasonBeforeIssue, Value: e.At.Format(time.RFC3339)}
	case e.Action != Issue && e.Action != Renew && !e.Expires.IsZero():
		return &FieldError{Field: f + ".expires", Reason: ReasonInvalid, Value: e.Expires.String()}
	case e.Action != Renew && !e.Replaced.IsZero():
		return &FieldError{Field: f + ".replaced", Reason: ReasonInvalid, Value: e.Replaced.String()}
	case e.Action != Surveil && e.Passed:
		return &FieldError{Field: f + ".passed", Reason: ReasonInvalid, Value: "true"}
	case !e.Expires.IsZero() && !writable(e.Expires):
		return &FieldError{Field: f + ".expires", Reason: ReasonRange, Value: e.Expires.String()}
	case !e.Replaced.IsZero() && !writable(e.Replaced):
		return &FieldError{Field: f + ".replaced", Reason: ReasonRange, Value: e.Replaced.String()}
	}
	return nil
}

// checkRetraction checks a retraction of step e at time at (field f): the
// rule that [Certificate.Retract] applies and that [Certificate.Validate]
// checks again on what was stored or loaded.
func (c Certificate) checkRetraction(f string, e Event, at time.Time, reason string) error {
	switch {
	case at.IsZero():
		return &FieldError{Field: f + ".at", Reason: ReasonMissing}
	case !writable(at):
		return &FieldError{Field: f + ".at", Reason: ReasonRange, Value: at.String()}
	case at.Before(c.Issued):
		return &FieldError{Field: f + ".at", Reason: ReasonBeforeIssue, Value: at.Format(time.RFC3339)}
	case at.After(e.At.Add(retractWindow)):
		return &FieldError{Field: f + ".at", Reason: ReasonRetractLate, Value: e.At.Format(time.RFC3339), Err: ErrRetract}
	case blank(reason):
		return &FieldError{Field: f + ".reason", Reason: ReasonMissing}
	}
	return nil
}

// checkDate checks a required date of the certificate (field f): present
// and one that JSON can write.
func checkDate(f string, t time.Time) error {
	if t.IsZero() {
		return &FieldError{Field: f, Reason: ReasonMissing}
	}
	if !writable(t) {
		return &FieldError{Field: f, Reason: ReasonRange, Value: t.String()}
	}
	return nil
}

// writable reports whether encoding/json can write t as RFC 3339 and read
// back the same instant: a year from 1 to 9999 in t's own zone, and a zone
// offset under 24 hours in whole minutes (RFC 3339 has no seconds in an
// offset, so an offset with seconds would move the instant).
func writable(t time.Time) bool {
	if y := t.Year(); y < 1 || y > 9999 {
		return false
	}
	_, off := t.Zone()
	return off > -24*3600 && off < 24*3600 && off%60 == 0
}

// origin returns the end of validity set at issue: the issue step's, or
// the one the first renewal replaced, or Expires.
func (c Certificate) origin() time.Time {
	for _, e := range c.History {
		switch e.Action {
		case Issue:
			if !e.Expires.IsZero() {
				return e.Expires
			}
		case Renew:
			if !e.Replaced.IsZero() {
				return e.Replaced
			}
			return c.Expires
		}
	}
	return c.Expires
}

package certification

import (
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Retract takes the last step out of the history, to correct a step that
// was recorded wrongly: most often one dated in the future by mistake,
// which would otherwise refuse every step dated before it. The step is
// kept in Retracted with at (when it is retracted) and the reason, which
// is required; retracting a renewal restores the end of validity it
// replaced. It returns the retracted step.
//
// Only the last step can be retracted, so that the history stays in date
// order: to correct an earlier step, retract the steps after it first,
// then record them again with their right dates. The issue step cannot be
// retracted ([ErrRetract]): a certificate issued by mistake is cancelled
// or revoked.
//
// Retract is a correction, not a lifecycle step: it can take back any last
// step, a revocation recorded against the wrong certificate included, so
// whoever may call it is a matter for the keeper of the registry; the
// retraction itself stays on record.
func (c *Certificate) Retract(at time.Time, reason string) (Event, error) {
	n := len(c.History)
	if n == 0 || c.History[n-1].Action == Issue {
		return Event{}, ErrRetract
	}
	if at.IsZero() {
		return Event{}, &FieldError{Field: "retracted.at", Reason: "missing"}
	}
	if strings.TrimSpace(reason) == "" {
		return Event{}, &FieldError{Field: "retracted.reason", Reason: "missing"}
	}
	if m := len(c.Retracted); m > 0 && at.Before(c.Retracted[m-1].At) {
		return Event{}, &FieldError{Field: "retracted.at", Reason: "out-of-order", Value: at.Format(time.RFC3339)}
	}
	e := c.History[n-1]
	if e.Action == Renew {
		prev := e.Replaced
		if prev.IsZero() {
			// A renewal recorded before Replaced existed: the end of
			// validity that the earlier steps set, if they say.
			_, prev = Certificate{Expires: c.Expires, History: c.History[:n-1]}.replayAll()
			if prev.Equal(c.Expires) {
				return Event{}, &FieldError{Field: "history.replaced", Reason: "missing"}
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
// trusted, as a [*FieldError] naming the field: a missing number or one
// with control characters; a missing issue date or end of validity, or an
// end of validity not after the issue date; a history out of date order,
// with a step dated before the issue date, an issue step that is not the
// first, a step that the status at its date does not allow (a
// reinstatement after a revocation, …), a renewal that does not extend the
// validity, or an end of validity that disagrees with the last renewal; a
// step carrying a field that only another kind of step has (a surveillance
// result on a suspension, …);
// retractions out of order or without a reason. A certificate that the
// lifecycle methods built from [Rules.Issue] always passes.
//
// [Registry.Add], [Registry.Update] and the JSON decoder run it, so a
// stored certificate's history is always in order.
func (c Certificate) Validate() error {
	if _, err := numberKey(c.Number, "number"); err != nil {
		return err
	}
	if c.Holder.Code != "" {
		if _, err := ParseCreditCode(string(c.Holder.Code)); err != nil {
			return &FieldError{Field: "holder.code", Reason: "invalid", Value: string(c.Holder.Code), Err: err}
		}
	}
	if badText(c.Product) {
		return &FieldError{Field: "product", Reason: "control", Value: c.Product}
	}
	if c.Issued.IsZero() {
		return &FieldError{Field: "issued", Reason: "missing"}
	}
	if c.Expires.IsZero() {
		return &FieldError{Field: "expires", Reason: "missing"}
	}
	if !c.Expires.After(c.Issued) {
		return &FieldError{Field: "expires", Reason: "dates", Value: c.Expires.Format(time.RFC3339)}
	}
	for i, e := range c.History {
		f := "history[" + strconv.Itoa(i) + "]"
		switch {
		case !actionNames.Valid(int(e.Action)):
			return &FieldError{Field: f + ".action", Reason: "invalid", Value: e.Action.String()}
		case e.At.IsZero():
			return &FieldError{Field: f + ".at", Reason: "missing"}
		case e.At.Before(c.Issued):
			return &FieldError{Field: f + ".at", Reason: "before-issue", Value: e.At.Format(time.RFC3339)}
		case i > 0 && e.At.Before(c.History[i-1].At):
			return &FieldError{Field: f + ".at", Reason: "out-of-order", Value: e.At.Format(time.RFC3339)}
		case e.Action == Issue && i != 0:
			return &FieldError{Field: f + ".action", Reason: "issue-not-first", Value: e.Action.String()}
		case e.Action == Issue && !e.At.Equal(c.Issued):
			return &FieldError{Field: f + ".at", Reason: "dates", Value: e.At.Format(time.RFC3339)}
		// Fields that only some steps have: one spelling for each step.
		case e.Action != Issue && e.Action != Renew && !e.Expires.IsZero():
			return &FieldError{Field: f + ".expires", Reason: "invalid", Value: e.Expires.Format(time.RFC3339)}
		case e.Action != Renew && !e.Replaced.IsZero():
			return &FieldError{Field: f + ".replaced", Reason: "invalid", Value: e.Replaced.Format(time.RFC3339)}
		case e.Action != Surveil && e.Passed:
			return &FieldError{Field: f + ".passed", Reason: "invalid", Value: "true"}
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
			return &FieldError{Field: f + ".action", Reason: "transition", Value: e.Action.String(),
				Err: &TransitionError{Number: c.Number, Action: e.Action, Status: at}}
		}
		if s, ok := leaves(e.Action); ok {
			st = s
		}
		if e.Action == Renew {
			if !e.Expires.After(expires) || !e.Expires.After(e.At) ||
				(!e.Replaced.IsZero() && !e.Replaced.Equal(expires)) {
				return &FieldError{Field: f + ".expires", Reason: "dates", Value: e.Expires.Format(time.RFC3339)}
			}
			expires = e.Expires
		}
	}
	if !expires.Equal(c.Expires) {
		return &FieldError{Field: "expires", Reason: "dates", Value: c.Expires.Format(time.RFC3339)}
	}
	for i, r := range c.Retracted {
		f := "retracted[" + strconv.Itoa(i) + "]"
		switch {
		case !actionNames.Valid(int(r.Event.Action)) || r.Event.Action == Issue:
			return &FieldError{Field: f + ".event.action", Reason: "invalid", Value: r.Event.Action.String()}
		case r.At.IsZero():
			return &FieldError{Field: f + ".at", Reason: "missing"}
		case i > 0 && r.At.Before(c.Retracted[i-1].At):
			return &FieldError{Field: f + ".at", Reason: "out-of-order", Value: r.At.Format(time.RFC3339)}
		case strings.TrimSpace(r.Reason) == "":
			return &FieldError{Field: f + ".reason", Reason: "missing"}
		}
	}
	return nil
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

// badText reports whether s is not valid UTF-8 or holds a control or
// format character (C0, DEL, C1, zero-width and bidirectional marks), which
// make two strings that print alike differ.
func badText(s string) bool {
	for i := 0; i < len(s); i++ {
		if b := s[i]; b < 0x20 || b == 0x7f {
			return true
		} else if b >= utf8.RuneSelf {
			return badRunes(s[i:])
		}
	}
	return false
}

func badRunes(s string) bool {
	if !utf8.ValidString(s) {
		return true
	}
	for _, r := range s {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return true
		}
	}
	return false
}

package certification

import (
	"slices"
	"time"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/brand/i18n/enum"
	"github.com/jxgreen/jxgreen/standard"
)

// Status is the state of a certificate at a moment.
type Status int

// The statuses. Suspended, Revoked and Cancelled follow the general Chinese
// rules (《认证证书和认证标志管理办法》 and CCC practice).
const (
	Valid     Status = iota + 1 // 有效
	Suspended                   // 暂停: misuse, rule breach, non-conformity found in surveillance
	Revoked                     // 撤销: not corrected during suspension, serious defect, major accident
	Cancelled                   // 注销: discontinued, expired without renewal, holder asks, cannot meet changed rules
	Expired                     // 过期: past its validity
	Pending                     // 未生效: before the issue date, or never validly issued (no issue date or no end of validity)
)

var statusNames = enum.New("Status", "certification.status.",
	[3]string{"valid", "有效", "valid"},
	[3]string{"suspended", "暂停", "suspended"},
	[3]string{"revoked", "撤销", "revoked"},
	[3]string{"cancelled", "注销", "cancelled"},
	[3]string{"expired", "过期", "expired"},
	[3]string{"pending", "未生效", "not yet valid"},
)

// String returns the stable code of the status: "valid", "suspended",
// "revoked", "cancelled", "expired" or "pending". [Status.Localize] gives
// its name for a person ("暂停").
func (s Status) String() string { return statusNames.Code(int(s)) }

// Localize names the status in the language that best matches tag.
func (s Status) Localize(tag language.Tag) string { return statusNames.Localize(int(s), tag) }

// ParseStatus reads a status code, its Chinese name or its English name.
func ParseStatus(v string) (Status, error) {
	if s, ok := statusNames.Parse(v); ok {
		return Status(s), nil
	}
	return 0, ErrStatus.With("certification.case.status", v)
}

// MarshalText encodes the status as its code.
func (s Status) MarshalText() ([]byte, error) {
	if !statusNames.Valid(int(s)) {
		return nil, ErrStatus.With("certification.case.encode", s)
	}
	return []byte(s.String()), nil
}

// UnmarshalText decodes exactly what [Status.MarshalText] writes (a
// status code: "valid", "suspended", …), so that an encoded status has one
// spelling; [ParseStatus] also reads the Chinese and English names.
func (s *Status) UnmarshalText(b []byte) error {
	for v := Valid; v <= Pending; v++ {
		if string(b) == v.String() {
			*s = v
			return nil
		}
	}
	return ErrStatus.With("certification.case.status", string(b))
}

// Action is a step in a certificate's life.
type Action int

// The actions.
const (
	Issue Action = iota + 1
	Surveil
	Suspend
	Reinstate
	Revoke
	Cancel
	Renew
)

var actionNames = enum.New("Action", "certification.action.",
	[3]string{"issue", "颁发", "issue"},
	[3]string{"surveil", "监督", "surveillance"},
	[3]string{"suspend", "暂停", "suspend"},
	[3]string{"reinstate", "恢复", "reinstate"},
	[3]string{"revoke", "撤销", "revoke"},
	[3]string{"cancel", "注销", "cancel"},
	[3]string{"renew", "换证（再认证）", "renew"},
)

// The English TransitionError messages need a verb phrase ("cannot carry
// out a surveillance") and a noun ("the suspension is dated …") for each
// action; Chinese uses the action's name in both places.
var actionPhrases = [...][2]string{
	Issue:     {"issue it", "issue"},
	Surveil:   {"carry out a surveillance", "surveillance"},
	Suspend:   {"suspend it", "suspension"},
	Reinstate: {"reinstate it", "reinstatement"},
	Revoke:    {"revoke it", "revocation"},
	Cancel:    {"cancel it", "cancellation"},
	Renew:     {"renew it", "renewal"},
}

func init() {
	i18n.Set("certification.TransitionError", "证书 %[1]s 在“%[2]s”状态下不能%[3]s", "certificate %[1]s: cannot %[3]s while it is %[2]s")
	i18n.Set("certification.TransitionError.time", "证书 %s：%s的日期早于上一事件", "certificate %s: the %s is dated before the previous event")
	for a := Issue; a <= Renew; a++ {
		zh := actionNames.Chinese(int(a))
		i18n.Set("certification.action.verb."+a.String(), zh, actionPhrases[a][0])
		i18n.Set("certification.action.noun."+a.String(), zh, actionPhrases[a][1])
	}
}

// String returns the stable code of the action, for example "suspend".
func (a Action) String() string { return actionNames.Code(int(a)) }

// Localize names the action in the language that best matches tag.
func (a Action) Localize(tag language.Tag) string { return actionNames.Localize(int(a), tag) }

// MarshalText encodes the action as its code.
func (a Action) MarshalText() ([]byte, error) { return []byte(a.String()), nil }

// UnmarshalText decodes exactly what [Action.MarshalText] writes (an
// action code: "surveil", "suspend", …), so that an encoded action has one
// spelling.
func (a *Action) UnmarshalText(b []byte) error {
	for v := Issue; v <= Renew; v++ {
		if string(b) == v.String() {
			*a = v
			return nil
		}
	}
	return ErrStatus.With("certification.case.action", string(b))
}

// Event is one recorded step of a certificate's life.
type Event struct {
	Action Action    `json:"action"`
	At     time.Time `json:"at"`
	Reason string    `json:"reason,omitempty"`
	// Passed is the result of a surveillance.
	Passed bool `json:"passed,omitempty"`
	// Expires is the new end of validity set by a renewal (and, on the
	// issue step, the end of validity it set).
	Expires time.Time `json:"expires,omitzero"`
	// Replaced is, on a renewal, the end of validity the renewal replaced,
	// so that retracting the renewal ([Certificate.Retract]) restores it.
	Replaced time.Time `json:"replaced,omitzero"`
}

// Retraction is a step taken out of a certificate's history because it was
// recorded wrongly (a wrong date, the wrong certificate): the step as it was
// recorded, when it was retracted and why. See [Certificate.Retract].
type Retraction struct {
	Event  Event     `json:"event"`
	At     time.Time `json:"at"`
	Reason string    `json:"reason"`
}

// Certificate is a certificate of 江西绿色生态 or of a partner scheme.
//
// A certificate has no stored status: [Certificate.StatusAt] computes it
// from the dates and the history, and it is the one answer that every API
// of the module gives. A certificate with Issued and Expires and no history
// is valid between those dates. A certificate without Issued or without
// Expires has never been validly issued and is never valid: StatusAt
// reports [Pending] (未生效) for it at every time, and a [Registry] or the
// JSON decoder refuses it.
//
// History is kept in date order: a lifecycle step dated before the last one
// is refused, and so is a history out of order when it is loaded (JSON,
// [Registry.Add], [Registry.Update]; see [Certificate.Validate]). A step
// recorded with a wrong date is corrected with [Certificate.Retract], which
// takes the last step out of the history (keeping it, with the time and the
// reason, in Retracted); the right step is then recorded again. So a step
// dated in the future by mistake never blocks the steps that follow.
//
// Change a certificate only through its lifecycle methods, which keep the
// dates and the history consistent.
type Certificate struct {
	Number    string            `json:"number"`
	Scheme    brand.ID          `json:"scheme"`
	Holder    Holder            `json:"holder"`
	Product   string            `json:"product"`
	Scope     string            `json:"scope,omitempty"`
	Standards []standard.Number `json:"standards"`
	Body      Body              `json:"body"`
	// Mode is the ISO/IEC 17067 scheme type; zero when the certificate
	// does not state it (a partner scheme's), and then the JSON form
	// leaves "mode" out.
	Mode   Mode      `json:"mode,omitzero"`
	Issued time.Time `json:"issued"`
	// Expires is the end of validity in force after the last step of the
	// history: the first instant at which the certificate is no longer
	// valid. [LastValidDay] gives the date printed after 有效期至.
	Expires time.Time `json:"expires"`
	History []Event   `json:"history,omitempty"`
	// Retracted are the steps taken out of the history by
	// [Certificate.Retract], in the order they were retracted. They do not
	// count for the status.
	Retracted []Retraction `json:"retracted,omitempty"`
}

// Clone returns a deep copy of c.
func (c Certificate) Clone() Certificate {
	c.Standards = slices.Clone(c.Standards)
	c.History = slices.Clone(c.History)
	c.Retracted = slices.Clone(c.Retracted)
	return c
}

// StatusAt returns the status of the certificate at time t, replaying its
// history: Pending before the issue date, Expired from the end of validity
// in force at t, otherwise the status that the last step at or before t
// left. Once revoked or cancelled a certificate stays so, even past its
// expiry, whatever steps follow. A certificate without Issued or without
// Expires is Pending at every time: it has never been validly issued.
//
// StatusAt is the only source of a certificate's status: the registry,
// package mark and package recognition all ask it.
func (c Certificate) StatusAt(t time.Time) Status {
	if c.Issued.IsZero() || c.Expires.IsZero() || t.Before(c.Issued) {
		return Pending
	}
	st, expires := c.replay(t)
	if (st == Valid || st == Suspended) && !t.Before(expires) {
		return Expired
	}
	return st
}

// ExpiresAt returns the end of validity in force at time t: the one set by
// the last renewal at or before t, or the original one. It is zero when the
// certificate has no Expires.
func (c Certificate) ExpiresAt(t time.Time) time.Time {
	if c.Expires.IsZero() {
		return time.Time{}
	}
	_, expires := c.replay(t)
	return expires
}

// replay runs the history up to and including t, ignoring expiry, and
// returns the status it leaves and the end of validity in force.
func (c Certificate) replay(t time.Time) (Status, time.Time) {
	st, expires := Valid, c.origin()
	for _, e := range c.History {
		if e.At.After(t) || st == Revoked || st == Cancelled {
			break
		}
		if (e.Action == Issue || e.Action == Renew) && !e.Expires.IsZero() {
			expires = e.Expires
		}
		if s, ok := leaves(e.Action); ok {
			st = s
		}
	}
	return st, expires
}

// leaves returns the status that a step leaves, for the steps that change
// it.
func leaves(a Action) (Status, bool) {
	switch a {
	case Suspend:
		return Suspended, true
	case Reinstate:
		return Valid, true
	case Revoke:
		return Revoked, true
	case Cancel:
		return Cancelled, true
	}
	return 0, false
}

// LastValidDay returns the last day on which a validity that ends at
// expires still holds, as midnight China time: the date that certificates
// print after 有效期至 ("valid until"). Expires is the first instant at which
// the certificate is no longer valid, so a certificate printed
// "有效期至 2028-01-09" expires at 2028-01-10 00:00 China time. Every date
// shown to a person as an end of validity comes from here. A zero expires
// gives the zero time.
func LastValidDay(expires time.Time) time.Time {
	if expires.IsZero() {
		return time.Time{}
	}
	d := expires.Add(-time.Nanosecond).In(brand.ChinaTime())
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, brand.ChinaTime())
}

// TransitionError reports a lifecycle step that the certificate's status
// does not allow, or a step dated before the previous one (if that previous
// step bears a wrong date, [Certificate.Retract] takes it out). It wraps
// [ErrTransition].
type TransitionError struct {
	Number string
	Action Action
	Status Status // the status at the time of the step
	// Backdated is true when the step is dated before the last event.
	Backdated bool
}

// Error returns the English description of the error.
func (e *TransitionError) Error() string {
	return "certification: " + e.Localize(language.English)
}

// Unwrap returns [ErrTransition].
func (e *TransitionError) Unwrap() error { return ErrTransition }

// Localize describes the error in the language that best matches tag.
func (e *TransitionError) Localize(tag language.Tag) string {
	if e.Backdated {
		return i18n.Sprintf(tag, "certification.TransitionError.time", e.Number, e.phrase(tag, "noun"))
	}
	return i18n.Sprintf(tag, "certification.TransitionError", e.Number, e.Status.Localize(tag), e.phrase(tag, "verb"))
}

// phrase names the action as a verb or a noun for a sentence.
func (e *TransitionError) phrase(tag language.Tag, kind string) string {
	if !actionNames.Valid(int(e.Action)) {
		return e.Action.String()
	}
	return i18n.Sprintf(tag, "certification.action."+kind+"."+e.Action.String())
}

// allowed lists, for each action, the statuses at the time of the step
// from which it may be taken.
var allowed = map[Action][]Status{
	Surveil:   {Valid},
	Suspend:   {Valid},
	Reinstate: {Suspended},
	Revoke:    {Valid, Suspended},
	// A certificate that expired without renewal is cancelled (注销).
	Cancel: {Valid, Suspended, Expired},
	Renew:  {Valid},
}

func (c *Certificate) step(a Action, at time.Time, ev Event) error {
	if n := len(c.History); n > 0 && at.Before(c.History[n-1].At) {
		return &TransitionError{Number: c.Number, Action: a, Status: c.StatusAt(at), Backdated: true}
	}
	st := c.StatusAt(at)
	if !slices.Contains(allowed[a], st) {
		return &TransitionError{Number: c.Number, Action: a, Status: st}
	}
	ev.Action, ev.At = a, at
	c.History = append(c.History, ev)
	return nil
}

// Surveil records a surveillance at time at and its result. A failed
// surveillance is recorded; suspending the certificate is a separate step
// ([Certificate.Suspend]) because the body decides it.
func (c *Certificate) Surveil(at time.Time, passed bool, note string) error {
	return c.step(Surveil, at, Event{Passed: passed, Reason: note})
}

// Suspend suspends a valid certificate (暂停).
func (c *Certificate) Suspend(at time.Time, reason string) error {
	return c.step(Suspend, at, Event{Reason: reason})
}

// Reinstate restores a suspended certificate that has not expired (恢复).
func (c *Certificate) Reinstate(at time.Time, reason string) error {
	return c.step(Reinstate, at, Event{Reason: reason})
}

// Revoke revokes a valid or suspended certificate (撤销). It is final: no
// step follows it, and only a revocation recorded by mistake can be taken
// back, by [Certificate.Retract] within the retraction window (30 days) of its
// date.
func (c *Certificate) Revoke(at time.Time, reason string) error {
	return c.step(Revoke, at, Event{Reason: reason})
}

// Cancel cancels a certificate (注销) that is valid, suspended or expired.
// It is final, as a revocation is ([Certificate.Revoke]).
func (c *Certificate) Cancel(at time.Time, reason string) error {
	return c.step(Cancel, at, Event{Reason: reason})
}

// Renew extends a valid certificate's validity to until (换证 after
// recertification). until must lie after the current end of validity.
func (c *Certificate) Renew(at, until time.Time, reason string) error {
	if !until.After(c.Expires) || !until.After(at) {
		return &FieldError{Field: "expires", Reason: ReasonDates, Value: until.Format(time.DateOnly)}
	}
	if err := c.step(Renew, at, Event{Reason: reason, Expires: until, Replaced: c.Expires}); err != nil {
		return err
	}
	c.Expires = until
	return nil
}

// LastSurveillance returns the time of the last surveillance at or before
// t, and false when there was none.
func (c Certificate) LastSurveillance(t time.Time) (time.Time, bool) {
	var last time.Time
	for _, e := range c.History {
		if e.Action == Surveil && !e.At.After(t) {
			last = e.At
		}
	}
	return last, !last.IsZero()
}

package certification

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"
)

// TestRetractWindow: a step can be retracted up to retractWindow (30 days)
// after its own date, never later, so a revocation or cancellation in
// force for longer stays final; a retraction is never dated before the
// issue date.
func TestRetractWindow(t *testing.T) {
	revoked := day(2026, 3, 1)
	for _, tc := range []struct {
		name   string
		step   func(*Certificate) error
		at     time.Time
		ok     bool
		reason string
	}{
		{"revocation in force for 15 months", func(c *Certificate) error { return c.Revoke(revoked, "重大质量事故") }, day(2027, 6, 1), false, "retract-late"},
		{"revocation, 31 days later", func(c *Certificate) error { return c.Revoke(revoked, "x") }, revoked.Add(retractWindow + time.Nanosecond), false, "retract-late"},
		{"revocation, 30 days later", func(c *Certificate) error { return c.Revoke(revoked, "x") }, revoked.Add(retractWindow), true, ""},
		{"revocation, the same day", func(c *Certificate) error { return c.Revoke(revoked, "x") }, revoked.Add(time.Hour), true, ""},
		{"cancellation in force for 2 years", func(c *Certificate) error { return c.Cancel(revoked, "holder asks") }, day(2028, 6, 1), false, "retract-late"},
		{"surveillance dated in the future by mistake", func(c *Certificate) error { return c.Surveil(day(2028, 12, 24), true, "") }, day(2026, 12, 25), true, ""},
		{"retracted in 1970", func(c *Certificate) error { return c.Surveil(revoked, true, "") }, time.Unix(0, 0), false, "before-issue"},
		{"retracted a second before the issue", func(c *Certificate) error { return c.Surveil(revoked, true, "") }, day(2026, 1, 10).Add(-time.Second), false, "before-issue"},
		{"retracted in year 10000", func(c *Certificate) error { return c.Surveil(revoked, true, "") }, time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), false, "range"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := issue(t, synthetic(1))
			require.NoError(t, tc.step(&c))
			before := c.Clone()
			probe := day(2026, 9, 1)
			_, err := c.Retract(tc.at, "录入错误")
			if tc.ok {
				require.NoError(t, err)
				assert.Len(t, c.Retracted, 1)
				assert.NoError(t, c.Validate())
				return
			}
			var fe *FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, Reason(tc.reason), fe.Reason)
			assert.Equal(t, "retracted.at", fe.Field)
			if tc.reason == "retract-late" {
				assert.ErrorIs(t, err, ErrRetract)
				assert.Contains(t, fe.Localize(language.Chinese), "30 天")
			}
			assert.Equal(t, before, c, "a refused retraction changes nothing")
			assert.Equal(t, before.StatusAt(probe), c.StatusAt(probe))
		})
	}
	// The same rule holds for what is loaded: a retraction stored past the
	// window does not load.
	c := issue(t, synthetic(1))
	c.Retracted = []Retraction{{Event: Event{Action: Revoke, At: revoked}, At: revoked.Add(retractWindow + time.Hour), Reason: "x"}}
	var fe *FieldError
	require.ErrorAs(t, c.Validate(), &fe)
	assert.Equal(t, "retracted[0].at", fe.Field)
	assert.Equal(t, Reason("retract-late"), fe.Reason)
}

// TestRetractRefusesBlankReason: a reason of spaces or invisible
// characters of any kind is no reason, in Retract and in Validate.
func TestRetractRefusesBlankReason(t *testing.T) {
	for _, reason := range []string{"", " ", "\u3000", "\u00a0", "\v", "\f", "\x00", "\u200b", " \u3000 ", "\u2800", "\u3164\ufe0f"} {
		c := issue(t, synthetic(1))
		require.NoError(t, c.Surveil(day(2026, 6, 1), true, ""))
		_, err := c.Retract(day(2026, 6, 2), reason)
		var fe *FieldError
		require.ErrorAs(t, err, &fe, "reason %q accepted", reason)
		assert.Equal(t, "retracted.reason", fe.Field)
		assert.Equal(t, Reason("missing"), fe.Reason)
		assert.Len(t, c.History, 2)

		c.Retracted = []Retraction{{Event: Event{Action: Surveil, At: day(2026, 6, 1), Passed: true}, At: day(2026, 6, 2), Reason: reason}}
		require.ErrorAs(t, c.Validate(), &fe, "reason %q validates", reason)
		assert.Equal(t, "retracted[0].reason", fe.Field)
	}
	c := issue(t, synthetic(1))
	require.NoError(t, c.Surveil(day(2026, 6, 1), true, ""))
	_, err := c.Retract(day(2026, 6, 2), "\u3000日期录入错误")
	assert.NoError(t, err)
}

// TestRetractedStepsAreValidated: a retracted step is checked as a history
// step is (the fields its kind of step has, a date on or after the issue),
// and the retraction by the rule Retract applies.
func TestRetractedStepsAreValidated(t *testing.T) {
	s := issuedJSON(t)
	for _, tc := range []struct{ name, event, at, ptr, reason string }{
		{"passed on a suspension", `{"action":"suspend","at":"2026-03-01T00:00:00+08:00","passed":true}`, "2026-03-02", "/retracted/0/event/passed", "invalid"},
		{"expires on a surveillance", `{"action":"surveil","at":"2026-03-01T00:00:00+08:00","expires":"2030-01-01T00:00:00+08:00"}`, "2026-03-02", "/retracted/0/event/expires", "invalid"},
		{"replaced on a revocation", `{"action":"revoke","at":"2026-03-01T00:00:00+08:00","replaced":"2030-01-01T00:00:00+08:00"}`, "2026-03-02", "/retracted/0/event/replaced", "invalid"},
		{"no date", `{"action":"suspend"}`, "2026-03-02", "/retracted/0/event/at", "missing"},
		{"before the issue", `{"action":"suspend","at":"1990-03-01T00:00:00+08:00"}`, "2026-03-02", "/retracted/0/event/at", "before-issue"},
		{"the issue step", `{"action":"issue","at":"2026-01-10T00:00:00+08:00"}`, "2026-01-11", "/retracted/0/event/action", "invalid"},
		{"no action", `{"at":"2026-03-01T00:00:00+08:00"}`, "2026-03-02", "/retracted/0/event/action", "invalid"},
		{"retracted too late", `{"action":"revoke","at":"2026-03-01T00:00:00+08:00"}`, "2027-06-01", "/retracted/0/at", "retract-late"},
		{"retracted before the issue", `{"action":"surveil","at":"2026-03-01T00:00:00+08:00"}`, "2025-12-01", "/retracted/0/at", "before-issue"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := strings.TrimSuffix(s, "}") + `,"retracted":[{"event":` + tc.event + `,"at":"` + tc.at + `T00:00:00+08:00","reason":"录入错误"}]}`
			_, fe, err := decodeJSON(in)
			require.Error(t, err)
			require.NotNil(t, fe, "%v", err)
			assert.Equal(t, tc.ptr, fe.Pointer)
			assert.Equal(t, Reason(tc.reason), fe.Reason)
		})
	}
	// A good retraction loads.
	in := strings.TrimSuffix(s, "}") + `,"retracted":[{"event":{"action":"surveil","at":"2026-03-01T00:00:00+08:00","passed":true},"at":"2026-03-02T00:00:00+08:00","reason":"录入错误"}]}`
	c, _, err := decodeJSON(in)
	require.NoError(t, err)
	assert.Len(t, c.Retracted, 1)
}

// TestTransitionErrorEnglish: the English message uses a verb for the
// step refused and a noun for the step misdated, for every action.
func TestTransitionErrorEnglish(t *testing.T) {
	verbs := map[Action]string{Surveil: "carry out a surveillance", Suspend: "suspend it", Reinstate: "reinstate it",
		Revoke: "revoke it", Cancel: "cancel it", Renew: "renew it"}
	nouns := map[Action]string{Surveil: "surveillance", Suspend: "suspension", Reinstate: "reinstatement",
		Revoke: "revocation", Cancel: "cancellation", Renew: "renewal"}
	for a := Surveil; a <= Renew; a++ {
		e := &TransitionError{Number: "JX-1", Action: a, Status: Revoked}
		assert.Equal(t, "certificate JX-1: cannot "+verbs[a]+" while it is revoked", e.Localize(language.English))
		assert.Equal(t, "certification: certificate JX-1: cannot "+verbs[a]+" while it is revoked", e.Error())
		assert.Equal(t, "证书 JX-1 在“撤销”状态下不能"+a.Localize(language.Chinese), e.Localize(language.Chinese))
		e.Backdated = true
		assert.Equal(t, "certificate JX-1: the "+nouns[a]+" is dated before the previous event", e.Localize(language.English))
		assert.Equal(t, "证书 JX-1："+a.Localize(language.Chinese)+"的日期早于上一事件", e.Localize(language.Chinese))
	}
	// From the lifecycle methods.
	c := issue(t, synthetic(1))
	require.NoError(t, c.Suspend(day(2026, 3, 1), "x"))
	var te *TransitionError
	require.ErrorAs(t, c.Surveil(day(2026, 4, 1), true, ""), &te)
	assert.Equal(t, "certificate JXGE-TEST-0001: cannot carry out a surveillance while it is suspended", te.Localize(language.English))
	require.ErrorAs(t, c.Suspend(day(2026, 2, 1), "x"), &te)
	assert.Equal(t, "certificate JXGE-TEST-0001: the suspension is dated before the previous event", te.Localize(language.English))
	assert.NotContains(t, (&TransitionError{Action: 99}).Error(), "%!")
}

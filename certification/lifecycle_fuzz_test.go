package certification

import (
	"encoding/json"
	"testing"
	"time"
)

// FuzzLifecycle: any sequence of lifecycle steps and retractions on a
// certificate from Rules.Issue leaves it passing Validate, writable as
// JSON and read back with the same status and end of validity at every
// probe time, and storable in a registry. Each pair of bytes is an
// operation and a date in weeks from 20 weeks before the issue date.
func FuzzLifecycle(f *testing.F) {
	for _, seed := range [][]byte{
		{0, 10, 1, 20, 2, 30, 6, 40, 50, 7, 5},         // surveil, suspend, reinstate, renew, retract
		{5, 200, 6, 201, 202, 7, 7, 7, 3, 100},         // renewals out of order, retractions
		{0, 250, 7, 0, 0, 30, 7, 0},                    // future-dated surveillance, retracted, recorded again
		{3, 30, 7, 0, 7, 0},                            // revocation retracted within the window
		{1, 25, 4, 26, 7, 0, 2, 27},                    // suspension, cancellation retracted, reinstatement
		{0, 21, 0, 22, 0, 23, 0, 24, 7, 0, 7, 0, 7, 0}, // several retractions in a row
		{5, 180, 5, 181, 6, 182, 7, 0, 7, 0},           // renewals retracted: validity restored
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, ops []byte) {
		c, err := GreenEcologyRules().Issue(application())
		if err != nil {
			t.Fatal(err)
		}
		base := c.Issued
		at := func(b byte) time.Time { return base.Add(time.Duration(int(b)-20) * 7 * 24 * time.Hour) }
		retractAt := base
		for i := 0; i+1 < len(ops) && i < 64; i += 2 {
			op, tb := ops[i]%8, ops[i+1]
			before := c.Clone()
			var err error
			switch op {
			case 0:
				err = c.Surveil(at(tb), tb%2 == 0, "")
			case 1:
				err = c.Suspend(at(tb), "s")
			case 2:
				err = c.Reinstate(at(tb), "r")
			case 3:
				err = c.Revoke(at(tb), "v")
			case 4:
				err = c.Cancel(at(tb), "c")
			case 5:
				err = c.Renew(at(tb), at(tb).AddDate(3, 0, 0), "n")
			case 6:
				err = c.Renew(at(tb), c.Expires.AddDate(0, int(tb%40)+1, 0), "n")
			case 7:
				retractAt = retractAt.Add(time.Duration(tb) * time.Hour)
				_, err = c.Retract(retractAt, "fix")
			}
			if err != nil && !equalCertificates(before, c) {
				t.Fatalf("op %d refused (%v) but changed the certificate", op, err)
			}
			if verr := c.Validate(); verr != nil {
				t.Fatalf("after op %d at %v: Validate: %v\n%+v", op, at(tb), verr, c.History)
			}
		}
		b, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		var back Certificate
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("round trip: %v\n%s", err, b)
		}
		for w := -30; w < 400; w += 3 {
			tt := base.Add(time.Duration(w) * 7 * 24 * time.Hour)
			if c.StatusAt(tt) != back.StatusAt(tt) || !c.ExpiresAt(tt).Equal(back.ExpiresAt(tt)) {
				t.Fatalf("status differs at %v", tt)
			}
		}
		if err := NewRegistry().Add(c); err != nil {
			t.Fatal(err)
		}
	})
}

// equalCertificates reports whether a and b record the same history,
// retractions and end of validity.
func equalCertificates(a, b Certificate) bool {
	if len(a.History) != len(b.History) || len(a.Retracted) != len(b.Retracted) || !a.Expires.Equal(b.Expires) {
		return false
	}
	for i := range a.History {
		if a.History[i] != b.History[i] {
			return false
		}
	}
	for i := range a.Retracted {
		if a.Retracted[i] != b.Retracted[i] {
			return false
		}
	}
	return true
}

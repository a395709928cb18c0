package certification

import (
	"encoding/json"
	"testing"
	"time"
)

// FuzzZZLifecycle: any sequence of lifecycle calls on a certificate from
// Rules.Issue leaves it passing Validate, writable and readable as JSON,
// with the same status at every probe time.
func FuzzZZLifecycle(f *testing.F) {
	f.Add([]byte{0, 10, 1, 20, 2, 30, 6, 40, 50, 7, 5})
	f.Add([]byte{5, 200, 6, 201, 202, 7, 7, 7, 3, 100})
	f.Fuzz(func(t *testing.T, ops []byte) {
		c, err := GreenEcologyRules.Issue(Application{
			Number: "JX-F", Holder: synthetic(1), Product: "金溪蜜梨",
			Standards: issue(t, synthetic(1)).Standards,
			Body:      Body{Name: "江西省检验检测认证总院"}, Mode: Type5, Decided: day(2026, 1, 10),
		})
		if err != nil {
			t.Fatal(err)
		}
		base := c.Issued
		at := func(b byte) time.Time { return base.Add(time.Duration(int(b)-20) * 7 * 24 * time.Hour) }
		retractAt := base
		for i := 0; i+1 < len(ops) && i < 64; i += 2 {
			op, tb := ops[i]%8, ops[i+1]
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
				retractAt = retractAt.Add(time.Hour)
				_, err = c.Retract(retractAt, "fix")
			}
			_ = err
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
		r := NewRegistry()
		if err := r.Add(c); err != nil {
			t.Fatal(err)
		}
	})
}

package certification_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/certification/creditcode"
	"github.com/jxgreen/jxgreen/recognition"
	"github.com/jxgreen/jxgreen/standard"
)

// model is the test's own bookkeeping of a certificate's life, kept from
// the steps that succeeded, independent of StatusAt.
type model struct {
	issued time.Time
	steps  []modelStep
}

type modelStep struct {
	at     time.Time
	status certification.Status // 0: no change
	until  time.Time            // a renewal's new end of validity
}

func (m model) status(t time.Time, firstExpiry time.Time) certification.Status {
	if t.Before(m.issued) {
		return certification.Pending
	}
	st, until := certification.Valid, firstExpiry
	for _, s := range m.steps {
		if s.at.After(t) {
			break
		}
		if s.status != 0 {
			st = s.status
		}
		if !s.until.IsZero() {
			until = s.until
		}
	}
	if (st == certification.Valid || st == certification.Suspended) && !t.Before(until) {
		return certification.Expired
	}
	return st
}

// TestEveryStatusAPIAgreesWithStatusAt runs generated lifecycles (legal and
// illegal steps, backdated and future-dated ones, retractions; a seeded
// PRNG) through a Registry, and checks at many times that every API that
// reports a status says what StatusAt says: the registry's reads (by
// number, holder and product), Rules.Due, the JSON form, and
// recognition.FromCertificate (its Status and its StatusAt); and that
// StatusAt says what the test's own model of the steps says.
func TestEveryStatusAPIAgreesWithStatusAt(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(8, 2026))
	china := brand.ChinaTime()
	reg := certification.NewRegistry()
	seen := map[certification.Status]int{}
	refused, retracted := 0, 0
	for n := 0; n < 200; n++ {
		code, err := creditcode.Complete(fmt.Sprintf("91360100MA8%06d", n))
		require.NoError(t, err)
		decided := time.Date(2026, time.Month(1+rng.IntN(12)), 1+rng.IntN(28), rng.IntN(24), 0, 0, 0, china)
		c, err := certification.GreenEcologyRules().Issue(certification.Application{
			Number:    fmt.Sprintf("JXGE-SYN-GEN-%04d", n), // synthetic
			Holder:    certification.Holder{Name: "合成样例企业有限公司", Code: code},
			Product:   []string{"金溪蜜梨", "桑椹", "黑木耳"}[n%3],
			Standards: []standard.Number{standard.MustParse([]string{"T/JGE 0039-2023", "T/JGE 0073-2023", "T/JGE 0067-2023"}[n%3])},
			Body:      certification.Body{Name: "江西省检验检测认证总院"},
			Mode:      certification.Type5,
			Decided:   decided,
		})
		require.NoError(t, err)
		require.NoError(t, reg.Add(c))
		m := model{issued: c.Issued}
		firstExpiry := c.Expires
		at := decided
		for s := 0; s < 12; s++ {
			// Mostly forward, sometimes backdated, sometimes far ahead.
			switch rng.IntN(10) {
			case 0:
				at = at.Add(-time.Duration(rng.IntN(90*24)) * time.Hour)
			case 1:
				at = at.Add(time.Duration(rng.IntN(5*365*24)) * time.Hour)
			default:
				at = at.Add(time.Duration(rng.IntN(200*24)) * time.Hour)
			}
			var step modelStep
			err := reg.Update(c.Number, func(c *certification.Certificate) error {
				switch rng.IntN(8) {
				case 0:
					step = modelStep{at: at}
					return c.Surveil(at, rng.IntN(2) == 0, "")
				case 1:
					step = modelStep{at: at, status: certification.Suspended}
					return c.Suspend(at, "")
				case 2:
					step = modelStep{at: at, status: certification.Valid}
					return c.Reinstate(at, "")
				case 3:
					step = modelStep{at: at, status: certification.Revoked}
					return c.Revoke(at, "")
				case 4:
					step = modelStep{at: at, status: certification.Cancelled}
					return c.Cancel(at, "")
				case 5, 6:
					until := c.Expires.AddDate(0, 6+rng.IntN(36), 0)
					step = modelStep{at: at, until: until}
					return c.Renew(at, until, "")
				default:
					step = modelStep{at: time.Time{}} // a retraction
					_, err := c.Retract(at, "生成的更正")
					return err
				}
			})
			if err != nil {
				refused++
				continue
			}
			if step.at.IsZero() {
				m.steps = m.steps[:len(m.steps)-1]
				retracted++
				continue
			}
			m.steps = append(m.steps, step)
		}
		stored, ok := reg.Certificate(c.Number)
		require.True(t, ok)
		require.NoError(t, stored.Validate())
		b, err := json.Marshal(stored)
		require.NoError(t, err)
		var decoded certification.Certificate
		require.NoError(t, json.Unmarshal(b, &decoded), "%s", b)

		times := []time.Time{decided.Add(-time.Nanosecond), decided, stored.Expires, stored.Expires.Add(-time.Nanosecond)}
		for _, e := range stored.History {
			times = append(times, e.At, e.At.Add(-time.Nanosecond), e.At.Add(time.Nanosecond), e.Expires)
		}
		for range 20 {
			times = append(times, decided.Add(time.Duration(rng.Int64N(int64(12*365*24*time.Hour)))-24*time.Hour))
		}
		for _, when := range times {
			want := stored.StatusAt(when)
			seen[want]++
			what := fmt.Sprintf("%s at %s; history %+v", c.Number, when, stored.History)
			require.Equal(t, m.status(when, firstExpiry), want, "model: "+what)
			require.Equal(t, want, decoded.StatusAt(when), "JSON: "+what)
			require.Equal(t, want, certification.GreenEcologyRules().Due(stored, when).Status, "Due: "+what)
			rec := recognition.FromCertificate(stored, brand.Core(), when)
			require.Equal(t, want, rec.Status, "FromCertificate: "+what)
			require.Equal(t, want, rec.StatusAt(when), "Record.StatusAt: "+what)
			for _, byHolder := range reg.ByHolder(stored.Holder.Code) {
				require.Equal(t, want, byHolder.StatusAt(when), "ByHolder: "+what)
			}
			for _, byProduct := range reg.ByProduct(stored.Product) {
				if byProduct.Number == stored.Number {
					require.Equal(t, want, byProduct.StatusAt(when), "ByProduct: "+what)
				}
			}
		}
	}
	for _, st := range []certification.Status{certification.Pending, certification.Valid, certification.Suspended,
		certification.Revoked, certification.Cancelled, certification.Expired} {
		require.Positive(t, seen[st], "the lifecycles reach %s", st.String())
	}
	require.Positive(t, refused, "some generated steps are illegal")
	require.Positive(t, retracted, "some steps are retracted")
}

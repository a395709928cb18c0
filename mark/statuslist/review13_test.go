package statuslist_test

// Adversarial review of issue 13's status list. Each test here shows a
// defect: it fails on the code as it stands. Keys and certificates are
// synthetic (statuslist_test.go).

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/mark/statuslist"
)

// TestReview13_BuildRefusesARegisterThatAnswersWithAnotherCertificate:
// Build takes the status of whatever certificate the register returns for
// an indexed number, without checking that it is that certificate. A
// register that matches loosely (a SQL LIKE, a prefix search), that
// aggregates several schemes (a partner's certificate with the same
// number), or that is simply wrong, answers for a revoked certificate with
// a valid one, and the published, brand-signed list then calls the revoked
// certificate valid to every offline scanner. mark.Verifier.WithLookup
// refuses exactly this (ErrMismatch: another number or scheme); Build must
// refuse it too (ErrBuild), as it refuses a number the register does not
// know.
func TestReview13_BuildRefusesARegisterThatAnswersWithAnotherCertificate(t *testing.T) {
	t.Parallel()
	for name, answer := range map[string]func(asked certification.Certificate) certification.Certificate{
		"another number": func(certification.Certificate) certification.Certificate {
			return certificate(9) // valid
		},
		"another scheme": func(asked certification.Certificate) certification.Certificate {
			other := certificate(9)
			other.Number, other.Scheme = asked.Number, brand.Shenzhen
			return other
		},
	} {
		t.Run(name, func(t *testing.T) {
			m, x := fixture(t)
			revoked := certificate(1)
			lying := mapLookup{}
			for n, c := range m {
				lying[n] = c
			}
			lying[revoked.Number] = answer(m[revoked.Number])
			require.Equal(t, certification.Revoked, m[revoked.Number].StatusAt(day(2026, 7, 1)))

			l, err := statuslist.Build(lying, x, cred(day(2026, 7, 1), day(2026, 7, 2)))
			if err == nil {
				i, _ := x.Lookup(revoked.Number)
				st, _ := l.StatusAt(i, day(2026, 7, 1))
				t.Errorf("Build published %s for the revoked certificate %s from the register's answer about %s (%s)",
					st, revoked.Number, lying[revoked.Number].Number, lying[revoked.Number].Scheme)
			}
			assert.ErrorIs(t, err, statuslist.ErrBuild)
		})
	}
}

package mark

// Adversarial review of issue 13's status list in the verifier. The test
// here shows a defect: it fails on the code as it stands. Keys and
// certificates are synthetic (code_test.go, statuslist_test.go).

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/mark/statuslist"
)

// TestReview13_StatusListWithAnEnormousWindowIsRefused: a status list
// only helps against revocation if it goes stale: a copy kept from before
// a revocation is refused once its validUntil passes. Nothing bounds the
// window: Build signs, and Verifier.WithStatusList accepts, a list valid
// for ten years (a publisher's unit mistake, hours for days, or a
// "never expires" default is enough). Every copy of such a list, cached
// by a scanning app, a proxy or a forger, then keeps a certificate
// revoked the next day "not revoked" for ten years, and a forger who
// kept it replays it to any offline verifier. The window must be bounded
// (a documented maximum such as statuslist.MaxWindow, refused by Build
// and by Parse/WithStatusList); one year here stands for whatever bound
// the fix chooses (the recommendation's own default ttl is 5 minutes).
func TestReview13_StatusListWithAnEnormousWindowIsRefused(t *testing.T) {
	t.Parallel()
	r, x, codes, _ := listFixture(t)
	from := day(2026, 7, 1)
	for _, until := range []time.Time{from.AddDate(10, 0, 0), from.AddDate(1, 0, 1)} {
		l, err := statuslist.Build(r, x, statuslist.Credential{ID: listURL, Issuer: listIssuer, ValidFrom: from, ValidUntil: until})
		assert.ErrorIs(t, err, statuslist.ErrBuild, "Build of a list valid until %s", until.Format(time.DateOnly))
		if err != nil {
			continue
		}
		published, err := l.Sign(testKey)
		require.NoError(t, err)
		v, err := verifier(t, testKey).WithStatusList(published)
		if !assert.Error(t, err, "WithStatusList accepts a list valid until %s", until.Format(time.DateOnly)) {
			// What a replay gives: the list read 200 days later still answers.
			at := from.AddDate(0, 0, 200)
			_, err = v.Verify(codes["valid"], at)
			assert.Error(t, err, "a list signed on %s still answers on %s", from.Format(time.DateOnly), at.Format(time.DateOnly))
		}
	}
}

// TestReview13_ListRefusesACodeThatOutlivesItsCertificate: the list sets
// no bit for an expired certificate, because "a code states its own end of
// validity". That holds only while no code states a later end than the
// certificate has. Retract exists to take back a step recorded by
// mistake, and "retracting a renewal restores the end of validity it
// replaced": labels signed after a mistaken renewal keep the renewed end
// (here 2032), the certificate ends in 2029, and after 2029 every scan with
// the list says valid — the register says expired. The list must not call
// such a certificate valid (for example Build sets the revocation bit of a
// certificate whose end of validity was brought forward, or of an expired
// one), so that a verifier with the list refuses the code as a verifier
// with the register does.
func TestReview13_ListRefusesACodeThatOutlivesItsCertificate(t *testing.T) {
	t.Parallel()
	c := issue(t, "JXGE-SYN-R13-1", 31, "金溪蜜梨") // 2026-01-10 to 2029-01-10
	require.NoError(t, c.Renew(day(2028, 12, 1), day(2032, 1, 10), "合成：换证（误录）"))
	x := statuslist.NewIndex()
	code, err := signer(testKey).WithClock(clock(day(2028, 12, 2))).WithStatusIndex(x).Sign(c)
	require.NoError(t, err)
	_, err = c.Retract(day(2028, 12, 20), "合成：换证误录，撤回")
	require.NoError(t, err)
	r := certification.NewRegistry()
	require.NoError(t, r.Add(c))

	at := day(2029, 6, 1)
	require.Equal(t, certification.Expired, c.StatusAt(at))
	_, err = verifier(t, testKey).WithLookup(r).Verify(code, at)
	require.ErrorIs(t, err, ErrExpired, "the register says expired")

	published := publish(t, r, x, testKey, at.Add(-time.Hour), at.Add(23*time.Hour))
	claims, err := withList(t, verifier(t, testKey), published).Verify(code, at)
	assert.Error(t, err, "the list calls an expired certificate valid (claims: checked %v, status %s, code expires %s)",
		claims.Checked, claims.Status, claims.Expires.Format(time.DateOnly))
}

package mark

// Adversarial review of issue 13's status list in the verifier. The test
// here shows a defect: it fails on the code as it stands. Keys and
// certificates are synthetic (code_test.go, statuslist_test.go).

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

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

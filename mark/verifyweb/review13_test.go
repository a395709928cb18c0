package verifyweb

// Adversarial review of issue 13's verification page. Each test here shows
// a defect: it fails on the code as it stands and passes once the defect
// is fixed. Every certificate, holder and key is synthetic (fixture_test.go).

import (
	"context"
	"crypto/ed25519"
	"encoding/json"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/certification/sqlstore"
	"github.com/jxgreen/jxgreen/mark"
	"github.com/jxgreen/jxgreen/mark/statuslist"
)

// TestReview13_RegisterOutageIsNotUnknownCertificate: when the register
// (here the SQLite store of examples/verify) cannot answer — database
// closed, locked past its busy timeout, disk error — the page must say
// that the check cannot be made now (VerdictError, 503), not that the
// certificate "is not in the register: do not trust this label" in red.
// A database outage would otherwise tell every consumer and inspector
// that every genuine product is suspect, and a partner's machine reading
// the JSON would record real certificates as non-existent.
//
// The store's Certificate method turns every error into "not found"
// (certification.Lookup has no way to report an error), and
// mark.Verifier.check maps "not found" to ErrUnknownCertificate.
func TestReview13_RegisterOutageIsNotUnknownCertificate(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	store, err := sqlstore.OpenFile(ctx, filepath.Join(t.TempDir(), "register.db"))
	require.NoError(t, err)
	require.NoError(t, store.AddContext(ctx, f.certs[VerdictValid]))
	h, err := NewHandler(f.verifier(t), store, WithClock(func() time.Time { return checkDay }))
	require.NoError(t, err)
	code := f.codes[VerdictValid]

	// While the register answers, the page says valid.
	require.Equal(t, VerdictValid, h.Check(code).Verdict)

	// The register goes down.
	require.NoError(t, store.Close())
	res := h.Check(code)
	assert.NotEqual(t, VerdictUnknown, res.Verdict,
		"a register outage must not be shown as an unknown certificate (%s)", res.Message.English)
	assert.Equal(t, VerdictError, res.Verdict)

	w := get(h, "/api/v/"+code)
	assert.Equal(t, http.StatusServiceUnavailable, w.Code, "the JSON answer of an outage must be 503, not a verdict")
	var got Result
	require.NoError(t, json.Unmarshal(w.Body.Bytes(), &got))
	assert.NotEqual(t, VerdictUnknown, got.Verdict)
}

// TestReview13_JXG2CodeDodgesTheStatusListOnThePage: a page set up with
// the brand's status list (and no register) exists to refuse revoked
// certificates. A version 2 code (no status index) of a certificate that
// the list revokes is still shown in green as "Genuine · certificate
// valid" with "valid": true in the JSON: the holder of a revoked
// certificate keeps the labels printed before codes carried an index, and
// every scan passes. Whatever the code's version, a page must not state
// "certificate valid" (Valid, tone ok) for a status that nobody checked.
func TestReview13_JXG2CodeDodgesTheStatusListOnThePage(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	rev := f.certs[VerdictRevoked] // revoked on 2026-05-02 in the register
	signed := day(2026, 3, 2)

	// The brand signed the certificate's labels twice: first as version 2
	// (before the status list existed), then as version 3.
	x := statuslist.NewIndex()
	s, err := mark.NewSigner(testKey)
	require.NoError(t, err)
	s = s.WithClock(func() time.Time { return signed })
	v2, err := s.Sign(issue(t, rev.Number, rev.Product, "T/JGE 0041-2023", 0, day(2026, 3, 1)))
	require.NoError(t, err)
	v3, err := s.WithStatusIndex(x).Sign(issue(t, rev.Number, rev.Product, "T/JGE 0041-2023", 0, day(2026, 3, 1)))
	require.NoError(t, err)
	require.True(t, strings.HasPrefix(v2, "JXG2") && strings.HasPrefix(v3, "JXG3"))

	list, err := statuslist.Build(f.reg, x, statuslist.Credential{ID: "https://status.example/jxgreen/1",
		Issuer: "https://brand.example/jxgreen", ValidFrom: checkDay.Add(-time.Hour), ValidUntil: checkDay.Add(23 * time.Hour)})
	require.NoError(t, err)
	published, err := list.Sign(testKey)
	require.NoError(t, err)
	v, err := mark.NewVerifier(testKey.Public().(ed25519.PublicKey))
	require.NoError(t, err)
	v, err = v.WithStatusList(published)
	require.NoError(t, err)
	h, err := NewHandler(v, nil, WithClock(func() time.Time { return checkDay }))
	require.NoError(t, err)

	// The version 3 code is refused by the list, as it should be.
	require.Equal(t, VerdictRevoked, h.Check(v3).Verdict)

	// The version 2 code of the same revoked certificate.
	res := h.Check(v2)
	assert.False(t, res.Valid, "a revoked certificate's JXG2 code is shown as valid (verdict %q, checked %v)", res.Verdict, res.Checked)
	assert.NotEqual(t, "ok", res.Verdict.Tone(), "the page is green for a status nobody checked")
}

// hungLookup is a register that stops answering (a database stalled on a
// lock or a network partition) until release is closed; in counts the
// calls waiting in it.
type hungLookup struct {
	certification.Lookup
	in      *atomic.Int64
	release chan struct{}
}

func (l hungLookup) Certificate(n string) (certification.Certificate, bool) {
	l.in.Add(1)
	defer l.in.Add(-1)
	<-l.release
	return l.Lookup.Certificate(n)
}

// TestReview13_HungRegisterDoesNotPileUpRequests: when the register
// stalls, each request is answered 503 after the handler's timeout, but
// http.TimeoutHandler does not stop the handler: its goroutine stays
// blocked in the register (certification.Lookup takes no context), and
// nothing bounds how many do. Every scan during a stall (5 a second per
// client, 10,000 clients by default) adds one for good, with its buffers
// and, for a SQL register, a connection: a stall turns into memory and
// connection exhaustion. The number of checks waiting on the register
// must be bounded (a semaphore answering 503 at once when full, or a
// lookup that takes the request's context); 64 here stands for whatever
// bound the fix chooses.
func TestReview13_HungRegisterDoesNotPileUpRequests(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	var in atomic.Int64
	release := make(chan struct{})
	defer close(release)
	h, err := NewHandler(f.verifier(t), hungLookup{f.reg, &in, release}, WithClock(func() time.Time { return checkDay }),
		WithTimeout(5*time.Millisecond), WithRateLimit(0, 0))
	require.NoError(t, err)
	const scans = 300
	for i := 0; i < scans; i++ {
		require.Equal(t, http.StatusServiceUnavailable, get(h, "/v/"+f.codes[VerdictValid]).Code)
	}
	time.Sleep(100 * time.Millisecond) // let the last ones reach the register
	assert.LessOrEqual(t, in.Load(), int64(64), "checks still blocked in a stalled register after their requests were answered")
}

// TestReview13_ListCannotSayRevokedOfACancelledCertificate: the status
// list has one bit for "revoked or cancelled" (statuslist.Build sets it
// for both), and mark says so in its message ("revoked or cancelled").
// The page's headline and verdict, though, state "证书已撤销 / Certificate
// revoked" for a certificate the holder cancelled (注销) of their own
// accord: a sanction publicly attributed to a holder who was never
// sanctioned, by a page that cannot know. With a list and no register,
// the verdict of that bit must not be VerdictRevoked (a verdict that says
// "revoked or cancelled", or the cancellation where it is known).
func TestReview13_ListCannotSayRevokedOfACancelledCertificate(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	x := statuslist.NewIndex()
	s, err := mark.NewSigner(testKey)
	require.NoError(t, err)
	s = s.WithClock(func() time.Time { return day(2026, 3, 2) }).WithStatusIndex(x) // before the cancellation
	code, err := s.Sign(f.certs[VerdictCancelled])
	require.NoError(t, err)
	list, err := statuslist.Build(f.reg, x, statuslist.Credential{ID: "https://status.example/jxgreen/1",
		Issuer: "https://brand.example/jxgreen", ValidFrom: checkDay.Add(-time.Hour), ValidUntil: checkDay.Add(23 * time.Hour)})
	require.NoError(t, err)
	published, err := list.Sign(testKey)
	require.NoError(t, err)
	v, err := mark.NewVerifier(testKey.Public().(ed25519.PublicKey))
	require.NoError(t, err)
	v, err = v.WithStatusList(published)
	require.NoError(t, err)
	h, err := NewHandler(v, nil, WithClock(func() time.Time { return checkDay }))
	require.NoError(t, err)

	res := h.Check(code)
	require.True(t, res.Checked)
	assert.NotEqual(t, VerdictRevoked, res.Verdict, "a cancelled certificate is headlined %q / %q", res.Headline.Chinese, res.Headline.English)
	page := get(h, "/v/"+code).Body.String()
	if m := regexp.MustCompile(`<h1 id="headline">([^<]*)</h1>`).FindStringSubmatch(page); assert.Len(t, m, 2) {
		assert.NotEqual(t, "证书已撤销", m[1], "the page's headline")
	}
}

// TestReview13_StatusListIsReadableByAVerifierOnAnotherOrigin: the status
// list exists to be fetched by whoever checks a credential or a code:
// a partner's or a buyer's verifier, often a web wallet or a browser-based
// verifier on its own origin (the recommendation's verifiers dereference
// statusListCredential). Every response carries Cross-Origin-Resource-
// Policy: same-origin and no Access-Control-Allow-Origin, so a browser on
// any other origin is refused the list, even though it is public, signed
// and meant for everyone. The list (and the JSON verdict, which holds no
// secret either) needs CORS: Access-Control-Allow-Origin: * and a
// Cross-Origin-Resource-Policy of cross-origin on these two routes; the
// HTML page may keep same-origin.
func TestReview13_StatusListIsReadableByAVerifierOnAnotherOrigin(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	list := []byte("eyJhbGciOiJFZERTQSJ9.synthetic-status-list.sig")
	h := f.handler(t, WithStatusList(func(context.Context) ([]byte, string, error) {
		return list, "application/vc+jwt", nil
	}, time.Minute))
	for _, target := range []string{"/status/1", "/api/v/" + f.codes[VerdictValid]} {
		w := get(h, target, "Origin", "https://wallet.example")
		require.Equal(t, http.StatusOK, w.Code, target)
		assert.Equal(t, "*", w.Header().Get("Access-Control-Allow-Origin"), "%s: no CORS for a public resource", target)
		assert.NotEqual(t, "same-origin", w.Header().Get("Cross-Origin-Resource-Policy"), target)
	}
}

// TestReview13_RetiredKeyCodeIsNotCalledValidWithoutARegister: a key is
// most often retired because it leaked. Without a register (offline, or
// with the status list only), a code signed by a retired key for a
// certificate that exists nowhere — made up by whoever holds the leaked
// key — gets the verdict "retired-key", headlined "标签已停用 · 证书有效 /
// Withdrawn label · certificate valid", genuine: true, with the made-up
// number and product shown as facts. Nothing checked that certificate:
// the headline must not call it valid (with the status list the same
// holds for any index whose bits are clear).
func TestReview13_RetiredKeyCodeIsNotCalledValidWithoutARegister(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	// A certificate the brand never issued, signed with the retired key.
	fake := issue(t, "JXGE-FAKE-9999", "金溪蜜梨", "T/JGE 0039-2023", 1, day(2026, 3, 1))
	code := sign(t, retiredKey, fake, day(2026, 3, 2))

	h, err := NewHandler(f.verifier(t), nil, WithClock(func() time.Time { return checkDay }))
	require.NoError(t, err)
	res := h.Check(code)
	require.False(t, res.Checked, "nothing was asked about %s", fake.Number)
	assert.NotContains(t, res.Headline.Chinese, "证书有效", "verdict %q", res.Verdict)
	assert.NotContains(t, res.Headline.English, "certificate valid", "verdict %q", res.Verdict)
}

// listVerifier returns a verifier holding the brand's list of the
// fixture's register and index x, valid over [from, until).
func listVerifier(t *testing.T, f *fixture, x *statuslist.Index, from, until time.Time) *mark.Verifier {
	t.Helper()
	list, err := statuslist.Build(f.reg, x, statuslist.Credential{ID: "https://status.example/jxgreen/1",
		Issuer: "https://brand.example/jxgreen", ValidFrom: from, ValidUntil: until})
	require.NoError(t, err)
	published, err := list.Sign(testKey)
	require.NoError(t, err)
	v, err := mark.NewVerifier(testKey.Public().(ed25519.PublicKey))
	require.NoError(t, err)
	v, err = v.WithStatusList(published)
	require.NoError(t, err)
	return v
}

// TestReview13_HealthzFailsWhenTheStatusListHasExpired: /healthz says
// "ok" as long as the clock is set ("the one thing that can make every
// check fail is the clock"). A page that checks with the status list
// fails every version 3 scan with "cannot verify right now" (503) once
// the list passes its validUntil — and the handler cannot load a newer
// one — while /healthz keeps answering 200 "ok", so no load balancer or
// monitor notices that the service is down for every shopper.
func TestReview13_HealthzFailsWhenTheStatusListHasExpired(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	x := statuslist.NewIndex()
	s, err := mark.NewSigner(testKey)
	require.NoError(t, err)
	code, err := s.WithClock(func() time.Time { return day(2026, 3, 2) }).WithStatusIndex(x).Sign(f.certs[VerdictValid])
	require.NoError(t, err)
	v := listVerifier(t, f, x, checkDay.Add(-48*time.Hour), checkDay.Add(-24*time.Hour)) // expired a day ago
	h, err := NewHandler(v, nil, WithClock(func() time.Time { return checkDay }))
	require.NoError(t, err)

	require.Equal(t, http.StatusServiceUnavailable, get(h, "/api/v/"+code).Code, "every scan fails")
	w := get(h, "/healthz")
	assert.Equal(t, http.StatusServiceUnavailable, w.Code, "healthz says %q while every scan fails", w.Body.String())
}

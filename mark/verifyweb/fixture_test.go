package verifyweb

import (
	"crypto/ed25519"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/certification/creditcode"
	"github.com/jxgreen/jxgreen/mark"
	"github.com/jxgreen/jxgreen/standard"
)

// Every certificate, holder, credit code and key below is synthetic: made
// up for these tests, belonging to no real certificate or company.

func day(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, brand.ChinaTime())
}

// checkDay is the handler's clock in the tests.
var checkDay = day(2026, 6, 1)

var (
	testKey    = ed25519.NewKeyFromSeed([]byte("jxgreen verifyweb test key, open"))
	retiredKey = ed25519.NewKeyFromSeed([]byte("jxgreen verifyweb old key, open!"))
	strangeKey = ed25519.NewKeyFromSeed([]byte("not the brand's key, for forgery"))
)

// fixture is a register of synthetic certificates in every state, a code
// for each verdict and a handler over them.
type fixture struct {
	reg   *certification.Registry
	codes map[Verdict]string
	certs map[Verdict]certification.Certificate
}

func issue(t testing.TB, number, product, std string, holder int, decided time.Time) certification.Certificate {
	t.Helper()
	codes := []creditcode.Code{"91360100MA3000001E", "91360100MA3000002H"}
	c, err := certification.GreenEcologyRules().Issue(certification.Application{
		Number:    number,
		Holder:    certification.Holder{Name: "合成样例果业有限公司", Code: codes[holder%len(codes)]},
		Product:   product,
		Standards: []standard.Number{standard.MustParse(std)},
		Body:      certification.Body{Name: "江西省检验检测认证总院"}, // a real alliance member; the certificate is synthetic,
		Mode:      certification.Type5,
		Decided:   decided,
	})
	require.NoError(t, err)
	return c
}

func sign(t testing.TB, key ed25519.PrivateKey, c certification.Certificate, at time.Time) string {
	t.Helper()
	s, err := mark.NewSigner(key)
	require.NoError(t, err)
	code, err := s.WithClock(func() time.Time { return at }).Sign(c)
	require.NoError(t, err)
	return code
}

func newFixture(t testing.TB) *fixture {
	t.Helper()
	f := &fixture{reg: certification.NewRegistry(), codes: map[Verdict]string{}, certs: map[Verdict]certification.Certificate{}}
	signed := day(2026, 3, 2)
	add := func(v Verdict, c certification.Certificate, change func(*certification.Certificate) error) {
		if change != nil {
			require.NoError(t, change(&c))
		}
		require.NoError(t, f.reg.Add(c))
		f.certs[v] = c
	}
	valid := issue(t, "JXGE-TEST-0001", "金溪蜜梨", "T/JGE 0039-2023", 0, day(2026, 3, 1))
	add(VerdictValid, valid, nil)
	f.codes[VerdictValid] = sign(t, testKey, valid, signed)

	susp := issue(t, "JXGE-TEST-0002", "井冈蜜橘", "T/JGE 0023-2022", 1, day(2026, 3, 1))
	f.codes[VerdictSuspended] = sign(t, testKey, susp, signed)
	add(VerdictSuspended, susp, func(c *certification.Certificate) error {
		return c.Suspend(day(2026, 5, 1), "合成样例：监督不合格")
	})

	rev := issue(t, "JXGE-TEST-0003", "狗牯脑茶", "T/JGE 0041-2023", 0, day(2026, 3, 1))
	f.codes[VerdictRevoked] = sign(t, testKey, rev, signed)
	add(VerdictRevoked, rev, func(c *certification.Certificate) error {
		return c.Revoke(day(2026, 5, 2), "合成样例：违规使用标志")
	})

	canc := issue(t, "JXGE-TEST-0004", "资溪白茶", "T/JGE 0042-2023", 1, day(2026, 3, 1))
	f.codes[VerdictCancelled] = sign(t, testKey, canc, signed)
	add(VerdictCancelled, canc, func(c *certification.Certificate) error {
		return c.Cancel(day(2026, 5, 3), "合成样例：持有人申请注销")
	})

	old := issue(t, "JXGE-TEST-0005", "安福火腿", "T/JGE 0081-2024", 0, day(2022, 3, 1)) // valid until 2025-02-28
	f.codes[VerdictExpired] = sign(t, testKey, old, day(2022, 3, 2))
	add(VerdictExpired, old, nil)

	unknown := issue(t, "JXGE-TEST-0006", "桑椹", "T/JGE 0073-2023", 0, day(2026, 3, 1))
	f.codes[VerdictUnknown] = sign(t, testKey, unknown, signed) // never added

	retired := issue(t, "JXGE-TEST-0007", "饮用菊花", "T/JGE 0051-2023", 1, day(2026, 3, 1))
	f.codes[VerdictRetiredKey] = sign(t, retiredKey, retired, signed)
	add(VerdictRetiredKey, retired, nil)

	// The register's certificate of this number names another holder
	// than the code.
	mis := issue(t, "JXGE-TEST-0008", "黑木耳", "T/JGE 0067-2023", 0, day(2026, 3, 1))
	f.codes[VerdictMismatch] = sign(t, testKey, mis, signed)
	mis.Holder = certification.Holder{Name: "合成样例食品有限公司", Code: "91360100MA3000002H"}
	add(VerdictMismatch, mis, nil)

	f.codes[VerdictForged] = sign(t, strangeKey, valid, signed)
	f.codes[VerdictMalformed] = "JXG2-not-a-code"
	return f
}

func (f *fixture) verifier(t testing.TB) *mark.Verifier {
	t.Helper()
	v, err := mark.NewVerifier(testKey.Public().(ed25519.PublicKey))
	require.NoError(t, err)
	v, err = v.WithRetired(retiredKey.Public().(ed25519.PublicKey))
	require.NoError(t, err)
	return v
}

func (f *fixture) handler(t testing.TB, opts ...Option) *Handler {
	t.Helper()
	h, err := NewHandler(f.verifier(t), f.reg, append([]Option{WithClock(func() time.Time { return checkDay })}, opts...)...)
	require.NoError(t, err)
	return h
}

// get serves one request to h and returns the response.
func get(h http.Handler, target string, header ...string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(http.MethodGet, target, nil)
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

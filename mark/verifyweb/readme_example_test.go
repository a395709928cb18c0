package verifyweb_test

import (
	"context"
	"crypto/ed25519"
	"fmt"
	"net/http"
	"time"

	"github.com/jxgreen/jxgreen/mark"
	"github.com/jxgreen/jxgreen/mark/verifyweb"
)

// Example_readmeVerificationPage is the README's "Verification page"
// snippet. The certificate and the key are synthetic.
func Example_readmeVerificationPage() {
	store, _, code := exampleRegister()
	verifier, _ := mark.NewVerifier(exampleKey.Public().(ed25519.PublicKey))
	statusList := func(context.Context) ([]byte, string, error) { return []byte("…"), "application/vc+jwt", nil }
	at := func() time.Time { return day(2026, 6, 1) }

	// store: the register, any certification.Lookup (a Registry, a sqlstore.Store).
	h, err := verifyweb.NewHandler(verifier, store, // verifies with verifier.WithLookup(store)
		verifyweb.WithStatusList(statusList, 5*time.Minute), // GET /status/1 (optional)
		verifyweb.WithRateLimit(5, 20),                      // per client IP (the default)
		verifyweb.WithClock(at))                             // time.Now by default
	fmt.Println(err) // <nil>
	srv := &http.Server{Addr: "127.0.0.1:8080", Handler: h, ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout: 10 * time.Second, WriteTimeout: 15 * time.Second, IdleTimeout: time.Minute, MaxHeaderBytes: 8 << 10}
	// go srv.ListenAndServe()
	fmt.Println(srv.Addr) // 127.0.0.1:8080

	res := h.Check(code)                                                 // what GET /api/v/{code} answers
	fmt.Println(res.Verdict, res.Valid, res.Headline.Chinese)            // valid true 真品 · 证书有效
	fmt.Println(res.Certificate.Number, res.Certificate.ValidUntil)      // JXGE-EXAMPLE-001 2029-02-28
	fmt.Println(h.Check(code[:40]).Verdict, h.Check("<script>").Genuine) // malformed false
	// Output:
	// <nil>
	// 127.0.0.1:8080
	// valid true 真品 · 证书有效
	// JXGE-EXAMPLE-001 2029-02-28
	// malformed false
}

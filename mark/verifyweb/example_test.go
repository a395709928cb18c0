package verifyweb_test

import (
	"context"
	"crypto/ed25519"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/mark"
	"github.com/jxgreen/jxgreen/mark/verifyweb"
	"github.com/jxgreen/jxgreen/standard"
)

func day(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, brand.ChinaTime())
}

// A fixed demonstration key; a real issuer keeps its key secret.
var exampleKey = ed25519.NewKeyFromSeed([]byte("jxgreen example key, not secret!"))

// exampleRegister holds one synthetic certificate and returns the code on
// its label.
func exampleRegister() (*certification.Registry, certification.Certificate, string) {
	c, err := certification.GreenEcologyRules().Issue(certification.Application{
		Number:    "JXGE-EXAMPLE-001",                                                   // synthetic
		Holder:    certification.Holder{Name: "合成样例果业有限公司", Code: "91360100MA3000001E"}, // synthetic
		Product:   "金溪蜜梨",
		Standards: []standard.Number{standard.MustParse("T/JGE 0039-2023")},
		Body:      certification.Body{Name: "江西省检验检测认证总院"},
		Mode:      certification.Type5,
		Decided:   day(2026, 3, 1),
	})
	if err != nil {
		panic(err)
	}
	reg := certification.NewRegistry()
	if err := reg.Add(c); err != nil {
		panic(err)
	}
	signer, err := mark.NewSigner(exampleKey)
	if err != nil {
		panic(err)
	}
	code, err := signer.WithClock(func() time.Time { return day(2026, 3, 2) }).Sign(c)
	if err != nil {
		panic(err)
	}
	return reg, c, code
}

func ExampleNewHandler() {
	reg, c, code := exampleRegister()
	verifier, err := mark.NewVerifier(exampleKey.Public().(ed25519.PublicKey))
	if err != nil {
		fmt.Println(err)
		return
	}
	h, err := verifyweb.NewHandler(verifier, reg, verifyweb.WithClock(func() time.Time { return day(2026, 6, 1) }))
	if err != nil {
		fmt.Println(err)
		return
	}
	scan := func(target string, header ...string) *httptest.ResponseRecorder {
		r := httptest.NewRequest(http.MethodGet, target, nil)
		if len(header) == 2 {
			r.Header.Set(header[0], header[1])
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w
	}

	// A machine asks for JSON.
	var res verifyweb.Result
	_ = json.Unmarshal(scan("/api/v/"+code).Body.Bytes(), &res)
	fmt.Println(res.Verdict, res.Certificate.Product, res.Certificate.ValidUntil, res.Headline.English)

	// A person's phone asks for the page, in English.
	page := scan("/v/"+code, "Accept-Language", "en-GB,en;q=0.9").Body.String()
	fmt.Println(strings.Contains(page, "Genuine · certificate valid"))

	// The certificate is revoked; the next scan says so.
	_ = reg.Update(c.Number, func(c *certification.Certificate) error { return c.Revoke(day(2026, 5, 1), "合成样例") })
	_ = json.Unmarshal(scan("/api/v/"+code).Body.Bytes(), &res)
	fmt.Println(res.Verdict, res.Valid, res.Headline.Chinese)

	// An altered code is refused, and nothing it states is shown.
	altered := code[:len(code)-1] + "A"
	res = verifyweb.Result{}
	_ = json.Unmarshal(scan("/api/v/"+altered).Body.Bytes(), &res)
	fmt.Println(res.Verdict, res.Genuine, res.Certificate == nil)
	// Output:
	// valid 金溪蜜梨 2029-02-28 Genuine · certificate valid
	// true
	// revoked false 证书已撤销
	// forged false true
}

func ExampleHandler_Check() {
	reg, _, code := exampleRegister()
	verifier, _ := mark.NewVerifier(exampleKey.Public().(ed25519.PublicKey))
	h, _ := verifyweb.NewHandler(verifier, reg, verifyweb.WithClock(func() time.Time { return day(2030, 1, 1) }))
	res := h.Check(code)
	fmt.Println(res.Verdict, res.Verdict.Tone())
	fmt.Println(res.Message.English)
	// Output:
	// expired bad
	// certificate JXGE-EXAMPLE-001 was valid until 2029-02-28 and has expired
}

func ExampleWithStatusList() {
	reg, _, _ := exampleRegister()
	verifier, _ := mark.NewVerifier(exampleKey.Public().(ed25519.PublicKey))
	// The list as the brand publishes it (here a stand-in): a signed W3C
	// Bitstring Status List credential, kept up to date elsewhere.
	list := []byte("synthetic.status.list")
	h, _ := verifyweb.NewHandler(verifier, reg, verifyweb.WithStatusList(func(context.Context) ([]byte, string, error) {
		return list, "application/vc+jwt", nil
	}, 10*time.Minute))
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/status/1", nil))
	fmt.Println(w.Code, w.Header().Get("Content-Type"), w.Header().Get("Cache-Control"))
	// Output:
	// 200 application/vc+jwt public, max-age=600
}

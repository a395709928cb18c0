package mark_test

import (
	"crypto/ed25519"
	"errors"
	"fmt"
	"time"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/mark"
	"github.com/jxgreen/jxgreen/standard"
)

func day(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, brand.ChinaTime)
}

// exampleRegistry holds one synthetic certificate.
func exampleRegistry() (*certification.Registry, certification.Certificate) {
	c, err := certification.GreenEcologyRules.Issue(certification.Application{
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
	r := certification.NewRegistry()
	if err := r.Add(c); err != nil {
		panic(err)
	}
	return r, c
}

func ExampleCheck() {
	r, c := exampleRegistry()
	use := mark.Use{
		Kind:        mark.CertificationMark,
		Certificate: c.Number,
		NumberShown: false,
		Holder:      c.Holder,
		Product:     "南丰蜜桔",
		Medium:      mark.Packaging,
		ScaleX:      1.2, ScaleY: 1.0,
		BrandText: "江西綠色生態",
		At:        day(2026, 5, 1),
	}
	v := mark.Check(use, r, time.Time{})
	fmt.Println("allowed:", v.Allowed)
	for _, x := range v.Violations {
		fmt.Printf("%s: %s\n", x.Code, x.Message(language.English))
	}
	// Output:
	// allowed: false
	// number-not-shown: the certificate number is not shown with the certification mark
	// product-mismatch: product 南丰蜜桔 is not the certified product (金溪蜜梨)
	// distorted: the mark is distorted (aspect change 1.200)
	// look-alike-name: “江西綠色生態” imitates the brand name 江西绿色生态 (traditional, full-width, spaced-out or altered forms)
}

func ExampleSigner_Sign() {
	_, c := exampleRegistry()
	// A fixed demonstration key; a real issuer keeps its key secret.
	key := ed25519.NewKeyFromSeed([]byte("jxgreen example key, not secret!"))
	code, err := mark.NewSigner(key).Sign(c)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(code) < 200, code[:4])

	v := mark.NewVerifier(key.Public().(ed25519.PublicKey))
	claims, err := v.Verify(code, day(2026, 6, 1))
	fmt.Println(claims.Certificate, claims.Holder, claims.Product, claims.Expires.In(brand.ChinaTime).Format(time.DateOnly), err)

	tampered := code[:20] + string(code[20]^1) + code[21:]
	_, err = v.Verify(tampered, day(2026, 6, 1))
	fmt.Println(errors.Is(err, mark.ErrForged) || errors.Is(err, mark.ErrMalformed))

	_, err = v.Verify(code, day(2029, 3, 1))
	fmt.Println(errors.Is(err, mark.ErrExpired))
	// Output:
	// true JXG1
	// JXGE-EXAMPLE-001 91360100MA3000001E 金溪蜜梨 2029-03-01 <nil>
	// true
	// true
}

func ExampleDraw() {
	var holders []certification.Holder
	for _, s := range []string{"91360100MA3000001E", "91360100MA3000002H", "91360100MA3000003L"} {
		holders = append(holders, certification.Holder{Name: "合成样例 " + s[14:], Code: certification.CreditCode(s)})
	}
	inspectors := []mark.Inspector{
		{ID: "A", Excluded: []certification.CreditCode{"91360100MA3000001E"}},
		{ID: "B"}, {ID: "C"},
	}
	p1, _ := mark.Draw("2026-11-25 公开种子", holders, inspectors, 2, 1)
	p2, _ := mark.Draw("2026-11-25 公开种子", holders, inspectors, 2, 1)
	fmt.Println("reproducible:", fmt.Sprint(p1) == fmt.Sprint(p2), "drawn:", len(p1.Assignments))
	// Output: reproducible: true drawn: 2
}

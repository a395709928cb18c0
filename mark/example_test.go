package mark_test

import (
	"crypto/ed25519"
	"errors"
	"fmt"
	"time"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/mark"
	"github.com/jxgreen/jxgreen/mark/statuslist"
	"github.com/jxgreen/jxgreen/standard"
)

func day(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, brand.ChinaTime())
}

// exampleRegistry holds one synthetic certificate.
func exampleRegistry() (*certification.Registry, certification.Certificate) {
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
	// look-alike-name: “江西綠色生態” imitates the brand name 江西绿色生态 (traditional, full-width, spaced-out, look-alike or altered forms)
}

// A fixed demonstration key; a real issuer keeps its key secret.
var exampleKey = ed25519.NewKeyFromSeed([]byte("jxgreen example key, not secret!"))

func ExampleSigner_Sign() {
	_, c := exampleRegistry()
	// Sign judges the certificate at the signer's clock: time.Now unless
	// another clock is injected.
	signer, err := mark.NewSigner(exampleKey)
	if err != nil {
		fmt.Println(err)
		return
	}
	code, err := signer.WithClock(func() time.Time { return day(2026, 3, 2) }).Sign(c)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(code) < 200, code[:4])

	v, err := mark.NewVerifier(exampleKey.Public().(ed25519.PublicKey))
	if err != nil {
		fmt.Println(err)
		return
	}
	claims, err := v.Verify(code, day(2026, 6, 1))
	fmt.Println(claims.Certificate, claims.Holder, claims.Product, err)
	fmt.Println("有效期至", claims.ValidUntil().Format(time.DateOnly), "checked:", claims.Checked)

	tampered := code[:20] + string(code[20]^1) + code[21:]
	_, err = v.Verify(tampered, day(2026, 6, 1))
	fmt.Println(errors.Is(err, mark.ErrForged) || errors.Is(err, mark.ErrMalformed))

	_, err = v.Verify(code, day(2029, 3, 1))
	fmt.Println(i18n.Error(err, language.Chinese))
	// Output:
	// true JXG2
	// JXGE-EXAMPLE-001 91360100MA3000001E 金溪蜜梨 <nil>
	// 有效期至 2029-02-28 checked: false
	// true
	// 证书 JXGE-EXAMPLE-001 有效期至 2029-02-28，已过期
}

func ExampleVerifier_WithLookup() {
	r, c := exampleRegistry()
	signer, _ := mark.NewSigner(exampleKey)
	code, _ := signer.WithClock(func() time.Time { return day(2026, 3, 2) }).Sign(c)

	// The certification body revokes the certificate on 2026-08-01.
	_ = r.Update(c.Number, func(c *certification.Certificate) error {
		return c.Revoke(day(2026, 8, 1), "合成样例：监督抽样不合格且整改期满未改正")
	})

	v, _ := mark.NewVerifier(exampleKey.Public().(ed25519.PublicKey))
	online := v.WithLookup(r)

	claims, err := online.Verify(code, day(2026, 7, 1))
	fmt.Println("2026-07-01:", claims.Status, err)

	_, err = online.Verify(code, day(2026, 9, 1))
	fmt.Println("2026-09-01:", errors.Is(err, mark.ErrRevoked))
	fmt.Println(i18n.Error(err, language.Chinese))

	// Offline, only the signature and the dates are checked.
	claims, err = v.Verify(code, day(2026, 9, 1))
	fmt.Println("offline:", err, "checked:", claims.Checked)
	// Output:
	// 2026-07-01: valid <nil>
	// 2026-09-01: true
	// 证书 JXGE-EXAMPLE-001 已被撤销：该产品不得再使用“江西绿色生态”标志
	// offline: <nil> checked: false
}

// Key rotation: the issuer signs new labels with a new key and retires the
// old one. Old labels are then reported as signed by a retired key, not as
// forgeries.
func ExampleVerifier_WithRetired() {
	_, c := exampleRegistry()
	oldKey := exampleKey
	newKey := ed25519.NewKeyFromSeed([]byte("jxgreen example key 2, no secret"))
	at := func() time.Time { return day(2026, 3, 2) }
	oldSigner, _ := mark.NewSigner(oldKey)
	newSigner, _ := mark.NewSigner(newKey)
	oldCode, _ := oldSigner.WithClock(at).Sign(c)
	newCode, _ := newSigner.WithClock(at).Sign(c)

	v, err := mark.NewVerifier(newKey.Public().(ed25519.PublicKey))
	if err != nil {
		fmt.Println(err)
		return
	}
	v, err = v.WithRetired(oldKey.Public().(ed25519.PublicKey))
	if err != nil {
		fmt.Println(err)
		return
	}
	claims, err := v.Verify(newCode, day(2026, 6, 1))
	fmt.Println("new label:", err, claims.Key == mark.KeyIDOf(newKey.Public().(ed25519.PublicKey)))

	claims, err = v.Verify(oldCode, day(2026, 6, 1))
	fmt.Println("old label:", errors.Is(err, mark.ErrRetiredKey), errors.Is(err, mark.ErrForged), claims.Certificate)
	fmt.Println(i18n.Error(err, language.Chinese))

	_, err = mark.NewVerifier(oldKey.Public().(ed25519.PublicKey)[:31])
	fmt.Println(errors.Is(err, mark.ErrKey), i18n.Error(err, language.English))
	// Output:
	// new label: <nil> true
	// old label: true false JXGE-EXAMPLE-001
	// 验证码是真实的，但签发它的密钥已停用（证书 JXGE-EXAMPLE-001）：请向生产者索取换发的新标签
	// true key 1 is 31 bytes long; an Ed25519 public key has 32
}

// The real name, however it is wrapped or wherever it stands, is the brand
// itself; a look-alike is caught alone or inside a longer text.
func ExampleReadBrandName() {
	for _, s := range []string{
		"“江西绿色生态”", "江西绿色生态® Jiangxi Green", "本产品获江西绿色生态认证", "金溪蜜梨",
		"江酉绿色生态认证", "江西綠色生態", "江西纟录色生态", "江 西 绿 色 生 态",
	} {
		u := mark.ReadBrandName(s)
		fmt.Println(s, u, u.Localize(language.Chinese))
	}
	// Output:
	// “江西绿色生态” genuine 品牌名称
	// 江西绿色生态® Jiangxi Green genuine 品牌名称
	// 本产品获江西绿色生态认证 genuine 品牌名称
	// 金溪蜜梨 absent 未使用品牌名称
	// 江酉绿色生态认证 imitated 仿冒的品牌名称
	// 江西綠色生態 imitated 仿冒的品牌名称
	// 江西纟录色生态 imitated 仿冒的品牌名称
	// 江 西 绿 色 生 态 imitated 仿冒的品牌名称
}

// A label printed before the certificate was renewed: the register says
// the certificate is valid, so the scan says the label's code is outdated,
// not that the certificate expired.
func ExampleErrOutdatedCode() {
	r, c := exampleRegistry()
	signer, _ := mark.NewSigner(exampleKey)
	code, _ := signer.WithClock(func() time.Time { return day(2026, 3, 2) }).Sign(c)

	// Renewed before its end of validity, for three more years.
	_ = r.Update(c.Number, func(c *certification.Certificate) error {
		return c.Renew(c.Expires.AddDate(0, -1, 0), c.Expires.AddDate(3, 0, 0), "合成样例：复评换证")
	})

	v, _ := mark.NewVerifier(exampleKey.Public().(ed25519.PublicKey))
	claims, err := v.WithLookup(r).Verify(code, day(2029, 6, 1))
	fmt.Println(errors.Is(err, mark.ErrOutdatedCode), errors.Is(err, mark.ErrExpired), claims.Status)
	fmt.Println(i18n.Error(err, language.Chinese))
	fmt.Println(i18n.Error(err, language.English))
	// Output:
	// true false valid
	// 证书 JXGE-EXAMPLE-001 目前有效，但该标签的验证码已过时（验证码所载有效期至 2029-02-28）：请向生产者索取换发的新标签
	// certificate JXGE-EXAMPLE-001 is valid, but this label's code is outdated (it states validity until 2029-02-28): ask the producer for a label with a new code
}

// The brand publishes the status of its certificates; a phone or an
// inspector holding the list checks a label offline.
func ExampleVerifier_WithStatusList() {
	r, c := exampleRegistry()
	index := statuslist.NewIndex() // kept by the brand, beside its register
	signer, _ := mark.NewSigner(exampleKey)
	code, _ := signer.WithClock(func() time.Time { return day(2026, 3, 2) }).WithStatusIndex(index).Sign(c)

	_ = r.Update(c.Number, func(c *certification.Certificate) error {
		return c.Suspend(day(2026, 8, 1), "合成样例：监督抽样不合格")
	})
	list, _ := statuslist.Build(r, index, statuslist.Credential{
		ID: "https://status.example/jxgreen/1", Issuer: "https://brand.example/jxgreen", // synthetic addresses
		ValidFrom: day(2026, 8, 2), ValidUntil: day(2026, 8, 3),
	})
	published, _ := list.Sign(exampleKey)

	v, _ := mark.NewVerifier(exampleKey.Public().(ed25519.PublicKey))
	v, err := v.WithStatusList(published)
	fmt.Println(err)
	claims, err := v.Verify(code, day(2026, 8, 2).Add(10*time.Hour))
	fmt.Println(code[:4], claims.Checked, claims.Status, errors.Is(err, mark.ErrSuspended))
	fmt.Println(i18n.Error(err, language.Chinese))
	_, err = v.Verify(code, day(2026, 8, 5))
	fmt.Println(errors.Is(err, statuslist.ErrExpired))
	fmt.Println(i18n.Error(err, language.English))
	// Output:
	// <nil>
	// JXG3 true suspended true
	// 证书 JXGE-EXAMPLE-001 已被暂停：暂停期间该产品不得使用“江西绿色生态”标志
	// true
	// the current status of certificate JXGE-EXAMPLE-001 cannot be confirmed: the status list in use was valid until 2026-08-03 00:00 China time and has expired; fetch the current list or verify online
}

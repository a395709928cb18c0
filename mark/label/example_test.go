package label_test

import (
	"bytes"
	"crypto/ed25519"
	"errors"
	"fmt"
	"image/png"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/mark"
	"github.com/jxgreen/jxgreen/mark/label"
	"github.com/jxgreen/jxgreen/standard"
)

// exampleCode issues a synthetic certificate and signs its code with a
// synthetic key.
func exampleCode() (certification.Certificate, string, *mark.Verifier) {
	decided := time.Date(2026, 3, 1, 0, 0, 0, 0, brand.ChinaTime())
	c, err := certification.GreenEcologyRules().Issue(certification.Application{
		Number:    "JXGE-EXAMPLE-001",                                                   // synthetic
		Holder:    certification.Holder{Name: "合成样例果业有限公司", Code: "91360100MA3000001E"}, // synthetic
		Product:   "金溪蜜梨",
		Standards: []standard.Number{standard.MustParse("T/JGE 0039-2023")},
		Body:      certification.Body{Name: "江西省检验检测认证总院"},
		Mode:      certification.Type5,
		Decided:   decided,
	})
	if err != nil {
		panic(err)
	}
	key := ed25519.NewKeyFromSeed([]byte("jxgreen synthetic example key 01"))
	s, err := mark.NewSigner(key)
	if err != nil {
		panic(err)
	}
	code, err := s.WithClock(func() time.Time { return decided }).Sign(c)
	if err != nil {
		panic(err)
	}
	v, err := mark.NewVerifier(key.Public().(ed25519.PublicKey))
	if err != nil {
		panic(err)
	}
	return c, code, v
}

func ExamplePrinter_QR() {
	_, code, _ := exampleCode()
	p, err := label.NewPrinter("https://verify.example/v/")
	if err != nil {
		panic(err)
	}
	q, err := p.QR(code)
	if err != nil {
		panic(err)
	}
	fmt.Println(strings.HasPrefix(q.URL(), "https://verify.example/v/JXG2"))
	fmt.Printf("version %d, level %s, %d modules, %.1f mm with the quiet zone\n", q.Version(), label.Level, q.Size(), q.SideMM())

	var b bytes.Buffer
	if err := q.WritePNG(&b); err != nil {
		panic(err)
	}
	img, err := png.Decode(&b)
	if err != nil {
		panic(err)
	}
	fmt.Println("PNG", img.Bounds().Dx(), "px square")
	// Output:
	// true
	// version 11, level Q, 61 modules, 34.5 mm with the quiet zone
	// PNG 552 px square
}

func ExampleQR_WriteSVG() {
	_, code, _ := exampleCode()
	p, err := label.NewPrinter("https://verify.example/v/", label.ModuleSize(0.4))
	if err != nil {
		panic(err)
	}
	q, err := p.QR(code)
	if err != nil {
		panic(err)
	}
	var b bytes.Buffer
	if err := q.WriteSVG(&b); err != nil {
		panic(err)
	}
	svg := b.String()
	fmt.Println(svg[strings.Index(svg, "<svg"):strings.Index(svg, " viewBox")])
	// Output:
	// <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="27.6mm" height="27.6mm"
}

func ExampleNewLabel() {
	c, code, v := exampleCode()
	p, err := label.NewPrinter("https://verify.example/v/")
	if err != nil {
		panic(err)
	}
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, brand.ChinaTime())
	l := label.NewLabel(c, code, now)
	// Before printing: the text says what the code says.
	if err := l.Check(v, now); err != nil {
		panic(err)
	}
	var b bytes.Buffer
	if err := p.WriteLabel(&b, l, language.Chinese); err != nil {
		panic(err)
	}
	svg := b.String()
	fmt.Println(svg[strings.Index(svg, "<svg"):strings.Index(svg, " viewBox")])
	for _, line := range strings.Split(svg, "\n") {
		if strings.HasPrefix(line, "<text") {
			fmt.Println(line[strings.Index(line, ">")+1 : strings.Index(line, "</text>")])
		}
	}
	// Output:
	// <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="94.5mm" height="41.9mm"
	// 江西绿色生态
	// 证书编号
	// JXGE-EXAMPLE-001
	// 产品
	// 金溪蜜梨
	// 持证人
	// 合成样例果业有限公司
	// 有效期至
	// 2029-02-28
	// 扫码验证真伪与证书状态
	// verify.example
}

func ExampleLabel_Check() {
	c, code, v := exampleCode()
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, brand.ChinaTime())
	l := label.NewLabel(c, code, now)
	l.Product = "南丰蜜桔" // not the product the code was signed for
	err := l.Check(v, now)
	fmt.Println(errors.Is(err, label.ErrMismatch))
	fmt.Println(i18n.Error(err, language.Chinese))
	fmt.Println(i18n.Error(err, language.English))
	// Output:
	// true
	// 标签上的产品名称与验证码所载不符：该标签不能打印
	// the product name on the label differs from the code's: do not print this label
}

func ExampleNewPrinter() {
	for _, base := range []string{
		"https://verify.example/v/",
		"https://verify.example/v/?lang=en",
		"javascript:alert(1)//",
	} {
		_, err := label.NewPrinter(base)
		if err == nil {
			fmt.Printf("%-36q ok\n", base)
			continue
		}
		fmt.Printf("%-36q %v\n", base, i18n.Error(err, language.English))
	}
	// Output:
	// "https://verify.example/v/"          ok
	// "https://verify.example/v/?lang=en"  the verification base URL must not contain a query (?)
	// "javascript:alert(1)//"              the verification base URL must begin with https:// (http:// only for a loopback host)
}

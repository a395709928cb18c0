package recognition_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/certification/creditcode"
	"github.com/jxgreen/jxgreen/recognition"
	"github.com/jxgreen/jxgreen/standard"
)

func ExampleLookup() {
	for _, name := range []string{"浙江制造", "品字标", "圳品", "ganpo", "江西好礼"} {
		a, ok := recognition.Lookup(name)
		if !ok {
			fmt.Println(name, "-> no adapter")
			continue
		}
		b := a.Brand()
		fmt.Println(name, "->", b.ID, b.Name, b.Model)
	}
	// Output:
	// 浙江制造 -> zhejiang 品字标 certification
	// 品字标 -> zhejiang 品字标 certification
	// 圳品 -> shenzhen 圳品 evaluation
	// ganpo -> ganpo 赣鄱正品 evaluation
	// 江西好礼 -> no adapter
}

func ExampleAgreement_Check() {
	a, _ := recognition.Lookup("江苏精品")
	// A synthetic sample record, in 江苏精品's own format.
	native, err := os.ReadFile("../testdata/jiangsu/valid-conditional-standard-unverified.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	rec, err := a.Decode(native)
	if err != nil {
		fmt.Println(err)
		return
	}
	d := a.Agreement().Check(rec, day(2026, 6, 1))
	fmt.Println(rec.Number, rec.Product, "->", d.Outcome)
	for _, r := range d.Reasons {
		fmt.Println("-", r.Message(language.English))
	}
	// Output:
	// JSJP-SYN-0005 赣南脐橙 -> conditional
	// - their standard has not been shown to match 《江西绿色生态 赣南脐橙》: assess the product against its indicators
	// - the scheme does not cover these brand attributes, which need a supplementary assessment: resource saving, environmental protection, ecological harmony, quality leadership
}

func ExampleCover() {
	// 一次认证、多张证书: which partner certificates can one 江西绿色生态
	// assessment lead to? A synthetic certificate:
	c, _ := certification.GreenEcologyRules().Issue(certification.Application{
		Number:    "JXGE-EXAMPLE-COVER",
		Holder:    certification.Holder{Name: "合成样例果业有限公司", Code: "91360100MA3000001E"},
		Product:   "金溪蜜梨",
		Standards: []standard.Number{standard.MustParse("T/JGE 0039-2023")},
		Body:      certification.Body{Name: "江西省检验检测认证总院"},
		Mode:      certification.Type5,
		Decided:   day(2026, 3, 1),
	})
	rec := recognition.FromCertificate(c, brand.Core(), day(2026, 6, 1))
	for _, d := range recognition.Cover(rec, recognition.Reciprocals()...) {
		fmt.Printf("%-8s %-11s assess: %v\n", d.Recognizer, d.Outcome, d.Assess)
	}
	// Output:
	// ganchu   conditional assess: []
	// ganpo    conditional assess: []
	// jiangsu  conditional assess: []
	// shanghai conditional assess: [brand-leadership independent-innovation quality-excellence refined-management social-responsibility]
	// shenzhen conditional assess: [food-safety]
	// zhejiang conditional assess: [quality-excellence independent-innovation industrial-collaboration social-responsibility]
}

func ExampleChecker_Run() {
	in := strings.NewReader(strings.Join([]string{
		`{"scheme":"浙江制造","record":{"证书编号":"ZJM-SYN-EX","企业名称":"合成样例企业有限公司","统一社会信用代码":"91330100MA90000017",` +
			`"产品名称":"金溪蜜梨","认证标准":["T/JGE 0039-2023"],"认证机构":"合成样例认证有限公司","批准号":"CNCA-R-2099-001",` +
			`"认证模式":"5","颁证日期":"2025-01-10","有效期至":"2028-01-09","证书状态":"有效"}}`,
		``,
		`{"scheme":"江西好礼","record":{}}`,
	}, "\n") + "\n")
	c := recognition.Checker{At: day(2026, 6, 1), Lang: language.English}
	sum, err := c.Run(context.Background(), in, os.Stdout)
	fmt.Println(sum.Lines, sum.Count(recognition.Recognized), sum.ErrorLines(), err)
	// Output:
	// {"line":1,"scheme":"zhejiang","number":"ZJM-SYN-EX","outcome":"recognized","agreement":{"id":"default","version":"1"},"reasons":[]}
	// {"line":2,"scheme":"","number":"","outcome":"error","reasons":[],"error":"blank line"}
	// {"line":3,"scheme":"江西好礼","number":"","outcome":"error","reasons":[],"error":"unknown scheme \"江西好礼\""}
	// 3 1 2 <nil>
}

// A record that claims to be a 江西绿色生态 certificate, as a UNTP
// credential would carry it, is checked against the certificates that
// 江西绿色生态 holds; without them it is at most conditional.
func ExampleWithLookup() {
	code, _ := creditcode.Complete("91360100MA9000042")
	cert, err := certification.GreenEcologyRules().Issue(certification.Application{
		Number: "JXGE-SYN-0042", Holder: certification.Holder{Name: "合成样例茶业有限公司", Code: code},
		Product: "狗牯脑茶", Standards: []standard.Number{standard.MustParse("T/JGE 0041-2023")},
		Body: certification.Body{Name: "江西省检验检测认证总院"}, Mode: certification.Type5, Decided: day(2026, 1, 10),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	_ = cert.Revoke(day(2026, 3, 1), "合成样例")
	var registry certification.Registry
	_ = registry.Add(cert)

	// The claim, as it arrived: valid, it says.
	claim := recognition.Record{
		Scheme: brand.JiangxiGreen, Number: cert.Number, Holder: cert.Holder, Product: cert.Product,
		Standards: cert.Standards, Body: cert.Body, Mode: cert.Mode, Issued: cert.Issued, Expires: cert.Expires,
		Status: certification.Valid, Attributes: brand.Core(),
	}
	terms := recognition.DefaultAgreement(brand.JiangxiGreenEcology())
	for _, d := range []recognition.Decision{
		terms.Check(claim, day(2026, 6, 1)),
		terms.Check(claim, day(2026, 6, 1), recognition.WithLookup(&registry)),
	} {
		fmt.Println(d.Outcome)
		for _, r := range d.Reasons {
			fmt.Println("-", r.Message(language.English))
		}
	}
	// Output:
	// conditional
	// - the record claims to be the 江西绿色生态 certificate JXGE-SYN-0042, which was not checked against a certificate registry
	// rejected
	// - the certificate has been revoked
}

// A Format is validated before a schema is written or an adapter made:
// the error names the field, in Chinese and English.
func ExampleFormat_Validate() {
	f := recognition.Format{Scheme: "example", Number: "证书编号", HolderName: "企业名称", HolderCode: "统一社会信用代码",
		Product: "产品名称", Standards: "认证标准", Body: "认证机构", Issued: "颁证日期", Expires: "颁证日期",
		Status: "证书状态", Statuses: recognition.CommonStatuses()}
	err := f.Validate()
	fmt.Println(errors.Is(err, recognition.ErrFormat))
	fmt.Println(i18n.Error(err, language.English))
	fmt.Println(i18n.Error(err, language.Chinese))
	// Output:
	// true
	// the Format of scheme "example" is wrong: the fields Expires and Issued have the same key
	// 方案 "example" 的格式（Format）有误：字段 Expires 与 Issued 使用同一个键
}

package recognition_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/recognition"
	_ "github.com/jxgreen/jxgreen/recognition/zhejiang" // registers itself, like a database/sql driver
	"github.com/jxgreen/jxgreen/standard"
)

// Example_readmeRecognition is the README's "Recognition (互认)" snippet,
// with a synthetic sample record of 浙江制造 and a synthetic certificate.
func Example_readmeRecognition() {
	native, err := os.ReadFile("../testdata/zhejiang/valid-conditional-attributes-uncovered.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	cert, _ := certification.GreenEcologyRules().Issue(certification.Application{
		Number:    "JXGE-EXAMPLE-001",
		Holder:    certification.Holder{Name: "合成样例果业有限公司", Code: "91360100MA3000001E"},
		Product:   "金溪蜜梨",
		Standards: []standard.Number{standard.MustParse("T/JGE 0039-2023")},
		Body:      certification.Body{Name: "江西省检验检测认证总院"},
		Mode:      certification.Type5,
		Decided:   time.Date(2026, 3, 1, 0, 0, 0, 0, brand.ChinaTime()),
	})

	// native is a record in 浙江制造's own format; cert is a certificate of ours.
	now := time.Date(2026, 6, 1, 0, 0, 0, 0, brand.ChinaTime()) // the time of the check: time.Now() in a service
	a, ok := recognition.Lookup("浙江制造")                         // by id or any Chinese name: 品字标, 圳品, 上海品牌, …
	fmt.Println(a.Brand().ID, ok)                               // zhejiang true
	rec, err := a.Decode(native)                                // validate against the scheme's JSON Schema, then map
	// err is a *recognition.DecodeError with the JSON pointer and the rule broken
	fmt.Println(rec.Number, err) // ZJM-SYN-0012 <nil>
	d := a.Agreement().Check(rec, now)
	switch d.Outcome {
	case recognition.Recognized: // 互认
		fmt.Println("互认")
	case recognition.Conditional: // 需补充评价: d.Assess (attributes), d.Add (certification steps), d.Indicators
		fmt.Println("需补充评价", d.Assess) // 需补充评价 [resource-saving environmental-protection ecological-harmony quality-leading]
	case recognition.Rejected: // 不予互认
		fmt.Println("不予互认")
	}
	for _, r := range d.Reasons {
		fmt.Println(r.Code, r.Message(language.Chinese))
	}

	// 一次认证、多张证书: which partner certificates can one 江西绿色生态 assessment lead to?
	ours := recognition.FromCertificate(cert, brand.Core(), now) // our certificate as it stands at now
	for _, d := range recognition.Cover(ours, recognition.Reciprocals()...) {
		fmt.Println(d.Recognizer, d.Outcome, d.Assess)
	}

	// The other way round: a partner checks our certificate in its own format and terms.
	native, err = a.Encode(ours)         // the status StatusAt(now) gives
	fmt.Println(json.Valid(native), err) // true <nil>
	d = a.Agreement().Reverse().Check(ours, now)
	fmt.Println(d.Recognizer, d.Outcome) // zhejiang conditional
	// Output:
	// zhejiang true
	// ZJM-SYN-0012 <nil>
	// 需补充评价 [resource-saving environmental-protection ecological-harmony quality-leading]
	// standard-unverified 未确认对方标准与 T/JGE 0041-2023《江西绿色生态 狗牯脑茶》 同标：需按其指标补充评价
	// attributes-uncovered 对方方案未覆盖以下品牌属性，需补充评价：资源节约、环境保护、生态协同、质量引领
	// ganchu conditional []
	// ganpo conditional []
	// jiangsu conditional []
	// shanghai conditional [brand-leadership independent-innovation quality-excellence refined-management social-responsibility]
	// shenzhen conditional [food-safety]
	// zhejiang conditional [quality-excellence independent-innovation industrial-collaboration social-responsibility]
	// true <nil>
	// zhejiang conditional
}

// Example_readmeBatch is the README's "Batch checks" snippet, on two
// synthetic lines.
func Example_readmeBatch() {
	day := time.Date(2026, 6, 1, 0, 0, 0, 0, brand.ChinaTime())
	ctx := context.Background()
	input := strings.NewReader(`{"scheme":"浙江制造","record":{"证书编号":"ZJM-SYN-EX","企业名称":"合成样例企业有限公司","统一社会信用代码":"91330100MA90000017",` +
		`"产品名称":"金溪蜜梨","认证标准":["T/JGE 0039-2023"],"认证机构":"合成样例认证有限公司","批准号":"CNCA-R-2099-001",` +
		`"认证模式":"5","颁证日期":"2025-01-10","有效期至":"2028-01-09","证书状态":"有效"}}` + "\n" +
		`{"scheme":"江西好礼","record":{}}` + "\n")
	output := os.Stdout

	// input: NDJSON lines; output: where the decisions go; day: the date of the check.
	c := recognition.Checker{At: day, Lang: language.English} // Workers default: all cores
	sum, err := c.Run(ctx, input, output)                     // NDJSON in, NDJSON out, in input order
	fmt.Println(sum.Outcomes, sum.Errors, err)                // map[recognized:1] map[unknown-scheme:1] <nil>
	// Output:
	// {"line":1,"scheme":"zhejiang","number":"ZJM-SYN-EX","outcome":"recognized","agreement":{"id":"default","version":"1"},"reasons":[]}
	// {"line":2,"scheme":"江西好礼","number":"","outcome":"error","reasons":[],"error":"unknown scheme \"江西好礼\""}
	// map[recognized:1] map[unknown-scheme:1] <nil>
}

// Example_readmeAgreements is the README's "Agreements as data" snippet,
// with the synthetic sample agreement file and a synthetic record of
// 浙江制造 certified in mode 4.
func Example_readmeAgreements() {
	file, err := os.Open("../testdata/agreements/jxgreen-zhejiang.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer file.Close()
	adapter, _ := recognition.Lookup("zhejiang")
	native, _ := os.ReadFile("../testdata/zhejiang/valid-conditional-mode-weaker.json")
	rec, _ := adapter.Decode(native)
	day := time.Date(2026, 7, 1, 0, 0, 0, 0, brand.ChinaTime())

	// file: an agreement file; rec: a record decoded by adapter; day: the date of the decision.
	list, err := recognition.LoadAgreements(file) // at most 1 MiB; or ParseAgreements(data)
	// err is a *recognition.AgreementError: the JSON pointer, the rule, both languages
	set, err := recognition.NewAgreements(list...)           // versions of one pair must not overlap
	a, ok := set.At(brand.JiangxiGreen, brand.Zhejiang, day) // the version in force that day
	fmt.Println(a.Ref(), ok)                                 // sample-jxgreen-zhejiang 2026.2 true
	d := set.For("", adapter, rec, day).Check(rec, day)      // the file's terms, else the defaults
	fmt.Println(d.Agreement, d.Outcome)                      // sample-jxgreen-zhejiang 2026.2 recognized

	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// sample-jxgreen-zhejiang 2026.2 true
	// sample-jxgreen-zhejiang 2026.2 recognized
}

package recognition_test

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/recognition"
	"github.com/jxgreen/jxgreen/recognition/zhejiang"
	"github.com/jxgreen/jxgreen/standard"
)

// A scheme definition file makes an adapter at run time: here the
// synthetic city brand of the worked example, whose list says 停用 for a
// suspended certificate.
func ExampleLoadScheme() {
	f, err := os.Open("../testdata/schemes/shili.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	a, err := recognition.LoadScheme(f)
	if err != nil {
		fmt.Println(err)
		return
	}
	rec, err := a.Decode([]byte(`{"证书号码":"SHILI-SYN-0009","获证单位":"合成样例公司","社会信用代码":"91360100MA91000117",
		"产品（服务）名称":"金溪蜜梨","执行标准":["T/JGE 0039-2023"],"发证机构":"江西省检验检测认证总院","认证模式":"5",
		"发证日期":"2025-03-01","有效期截止":"2028-02-29","证书状态":"停用"}`))
	fmt.Println(a.Brand().ID, a.Brand().Name, rec.Number, rec.Status, err)

	// A definition that does not load says where, in both languages.
	data, _ := os.ReadFile("../testdata/schemes/shili.json")
	_, err = recognition.LoadScheme(strings.NewReader(strings.Replace(string(data), "质量引领", "好看", 1)))
	var se *recognition.SchemeError
	fmt.Println(errors.As(err, &se), se.Pointer, errors.Is(err, brand.ErrUnknownAttribute))
	fmt.Println(i18n.Error(err, i18n.Chinese()))
	// Output:
	// shili 示例市生态优品 SHILI-SYN-0009 suspended <nil>
	// true /attributes/3 true
	// 方案定义文件 /attributes/3 处：未知的品牌属性 "好看"
}

// Export hands our certificates to a partner in the partner's own list
// format, one NDJSON line a certificate.
func ExampleExport() {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, brand.ChinaTime()) }
	c, err := certification.GreenEcologyRules().Issue(certification.Application{
		Number:    "JXGE-SYN-EXPORT",
		Holder:    certification.Holder{Name: "合成样例果业有限公司", Code: "91360100MA91000117"},
		Product:   "金溪蜜梨",
		Standards: []standard.Number{standard.MustParse("T/JGE 0039-2023")},
		Body:      certification.Body{Name: "江西省检验检测认证总院"},
		Mode:      certification.Type5,
		Decided:   day(2026, 1, 10),
	})
	if err != nil {
		fmt.Println(i18n.Error(err, i18n.English()))
		return
	}
	n, err := recognition.Export(os.Stdout, zhejiang.Adapter(), day(2026, 6, 1), []certification.Certificate{c})
	fmt.Println(n, err)
	// Output:
	// {"scheme":"jxgreen@zhejiang","record":{"产品名称":"金溪蜜梨","企业名称":"合成样例果业有限公司","品牌属性":["资源节约","环境保护","生态协同","质量引领"],"备注":"江西绿色生态证书，按本方案格式导出","有效期至":"2029-01-09","统一社会信用代码":"91360100MA91000117","认证机构":"江西省检验检测认证总院","认证标准":["T/JGE 0039-2023"],"认证模式":"5","证书状态":"有效","证书编号":"JXGE-SYN-EXPORT","颁证日期":"2026-01-10"}}
	// 1 <nil>
}

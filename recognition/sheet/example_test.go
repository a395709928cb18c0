package sheet_test

import (
	"context"
	"fmt"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/recognition"
	_ "github.com/jxgreen/jxgreen/recognition/all" // every scheme's adapter
	"github.com/jxgreen/jxgreen/recognition/sheet"
)

// A partner's list as CSV in (the scheme's own column names; synthetic
// records), the results as CSV out: the input columns, then the outcome,
// the reasons, their codes and the error.
func ExampleConverter_Run() {
	list := "证书编号,企业名称,统一社会信用代码,产品名称,执行标准,评价机构,发证日期,有效期至,证书状态\n" +
		"SZ-SYN-1,合成样例企业有限公司,91320100MA90000026,金溪蜜梨,T/JGE 0039-2023,合成样例评价机构,2025/3/1,2028/2/28,撤销\n" +
		"SZ-SYN-2,合成样例企业有限公司,9.13201E+17,赣南脐橙,T/JGE 0039-2023,合成样例评价机构,2025/3/1,2028/2/28,有效\n"
	c := sheet.Converter{
		Checker: recognition.Checker{At: time.Date(2026, 6, 1, 0, 0, 0, 0, brand.ChinaTime()), Lang: language.English, Workers: 1},
		In:      sheet.CSV,
		Out:     sheet.CSV,
		Scheme:  "圳品",
		NoBOM:   true,
	}
	var out strings.Builder
	sum, err := c.Run(context.Background(), strings.NewReader(list), &out)
	fmt.Print(strings.ReplaceAll(out.String(), "\r\n", "\n")) // CSV lines end in CRLF, as Excel writes them
	fmt.Println(sum.Lines, sum.Outcomes, sum.ErrorLines(), err)
	// Output:
	// 证书编号,企业名称,统一社会信用代码,产品名称,执行标准,评价机构,发证日期,有效期至,证书状态,outcome,reasons,reason codes,error
	// SZ-SYN-1,合成样例企业有限公司,91320100MA90000026,金溪蜜梨,T/JGE 0039-2023,合成样例评价机构,2025/3/1,2028/2/28,撤销,rejected,"the certificate has been revoked
	// an evaluation, not a certification: add type testing, market sampling, factory sampling, production assessment, management-system audit","revoked
	// evaluation-only",
	// SZ-SYN-2,合成样例企业有限公司,9.13201E+17,赣南脐橙,T/JGE 0039-2023,合成样例评价机构,2025/3/1,2028/2/28,有效,error,,,"column C (""统一社会信用代码"") holds 9.13201E+17, a long number that Excel stored as a number with only 15 significant digits: the other digits are lost; format the column as text and enter or export it again"
	// 2 map[rejected:1] 1 <nil>
}

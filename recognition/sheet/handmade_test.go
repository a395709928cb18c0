package sheet

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// handmadeXLSX writes a minimal workbook by hand, as programs other than
// Excel and excelize write them: the sheet's XML is given, prefixed
// element names and all.
func handmadeXLSX(t testing.TB, sheetXML, sharedStrings, styles string) []byte {
	t.Helper()
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	add := func(name, body string) {
		w, err := z.Create(name)
		require.NoError(t, err)
		_, err = w.Write([]byte(body))
		require.NoError(t, err)
	}
	add("_rels/.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)
	add("xl/workbook.xml", `<?xml version="1.0"?><x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:workbookPr date1904="0"/><x:sheets><x:sheet name="名单" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`)
	rels := `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>`
	if sharedStrings != "" {
		rels += `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="/xl/sharedStrings.xml"/>`
		add("xl/sharedStrings.xml", sharedStrings)
	}
	if styles != "" {
		rels += `<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`
		add("xl/styles.xml", styles)
	}
	add("xl/_rels/workbook.xml.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+rels+`</Relationships>`)
	add("xl/worksheets/sheet1.xml", `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>`+sheetXML+`</x:sheetData></x:worksheet>`)
	require.NoError(t, z.Close())
	return b.Bytes()
}

// TestHandmadeXLSXCellTypes: prefixed element names, rows and cells
// without references, shared strings with phonetic guides, inline
// strings, booleans, ISO dates (t="d"), a date by a custom format, a
// formula error, and a cell reference that skips columns.
func TestHandmadeXLSXCellTypes(t *testing.T) {
	sst := `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>证书编号</t></si><si><r><t>合成样例</t></r><r><t>企业</t></r><rPh sb="0" eb="1"><t>ヨミ</t></rPh></si></sst>`
	styles := `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="170" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="170"/><xf numFmtId="4"/></cellXfs></styleSheet>`
	row := func(cells string) string { return "<x:row>" + cells + "</x:row>" }
	str := func(s string) string { return `<x:c t="inlineStr"><x:is><x:t>` + s + `</x:t></x:is></x:c>` }
	sheet := row(`<x:c t="s"><x:v>0</x:v></x:c>`+str("企业名称")+str("统一社会信用代码")+str("产品名称")+str("执行标准")+str("评价机构")+str("发证日期")+str("有效期至")+str("证书状态")+str("备注")) +
		row(str("SZ-SYN-1")+`<x:c t="s"><x:v>1</x:v></x:c>`+str(validCode)+str("金溪蜜梨")+str("T/JGE 0039-2023")+str("合成样例评价机构")+
			`<x:c s="1"><x:v>45717</x:v></x:c><x:c t="d"><x:v>2028-02-28T00:00:00</x:v></x:c>`+str("有效")+`<x:c t="b"><x:v>1</x:v></x:c>`) +
		row(str("SZ-SYN-2")+`<x:c t="e"><x:v>#N/A</x:v></x:c>`) +
		row(`<x:c r="A4" t="inlineStr"><x:is><x:t>SZ-SYN-3</x:t></x:is></x:c><x:c r="C4" s="2"><x:v>1234.5</x:v></x:c>`)
	out, _, err := run(t, Converter{In: XLSX, Out: CSV, Scheme: "shenzhen", NoBOM: true}, handmadeXLSX(t, sheet, sst, styles))
	require.NoError(t, err)
	recs := readCSV(t, out)
	require.Len(t, recs, 4)
	assert.Equal(t, "证书编号", recs[0][0], "a shared string")
	assert.Equal(t, "合成样例企业", recs[1][1], "runs joined, the phonetic guide left out")
	assert.Equal(t, "2025-03-01", recs[1][6], "a serial number with a custom date format")
	assert.Equal(t, "2028-02-28", recs[1][7], "an ISO date cell")
	assert.Equal(t, "TRUE", recs[1][9], "a boolean")
	assert.Empty(t, recs[1][13], "no error: %v", recs[1])
	assert.Contains(t, recs[2][13], "#N/A")
	assert.Equal(t, "SZ-SYN-3", recs[3][0])
	assert.Equal(t, "1234.5", recs[3][2], "a number with a number format, as its value")
}

// TestHostileXLSXCellOver16MiB: one cell of more than 16 MiB stops the
// read with an input error, the rows before it judged.
func TestHostileXLSXCellOver16MiB(t *testing.T) {
	head := `<x:row><x:c t="inlineStr"><x:is><x:t>方案</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>证书编号</x:t></x:is></x:c></x:row>`
	huge := `<x:row><x:c t="inlineStr"><x:is><x:t>` + strings.Repeat("x", 17<<20) + `</x:t></x:is></x:c></x:row>`
	first := `<x:row><x:c t="inlineStr"><x:is><x:t>圳品</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>SZ-SYN-1</x:t></x:is></x:c></x:row>`
	out, _, err := run(t, Converter{In: XLSX}, handmadeXLSX(t, head+first+huge, "", ""))
	assert.Len(t, outLines(t, out), 1, "the row before is judged")
	assert.ErrorIs(t, err, ErrWorkbook)
	assert.Contains(t, err.Error(), "over 16 MiB")
}

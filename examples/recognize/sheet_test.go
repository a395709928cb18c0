package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

const gbList = "../../recognition/sheet/testdata/shenzhen-synthetic-gb18030.csv"

// TestSpreadsheetInReportOut: a GB18030 CSV from Chinese Excel in, an XLSX
// report out (-o by extension), with a summary sheet; exit status 1 for
// the error rows.
func TestSpreadsheetInReportOut(t *testing.T) {
	report := filepath.Join(t.TempDir(), "结果.xlsx")
	var out, errb bytes.Buffer
	code := run(context.Background(), []string{"-at", "2026-06-01", "-scheme", "圳品", "-o", report, gbList}, nil, &out, &errb)
	assert.Equal(t, 1, code, "%s", errb.String())
	assert.Empty(t, out.String())
	assert.Contains(t, errb.String(), "错误行")
	f, err := excelize.OpenFile(report)
	require.NoError(t, err)
	defer f.Close()
	assert.Equal(t, []string{"结果", "汇总"}, f.GetSheetList())
	rows, err := f.GetRows("结果")
	require.NoError(t, err)
	require.Len(t, rows, 6)
	assert.Equal(t, "证书编号", rows[0][0])
	assert.Equal(t, "SZ-SYN-0002", rows[2][0])
	assert.Equal(t, "错误", rows[3][10], "the blank row")
	assert.Equal(t, "错误", rows[4][10], "the credit code Excel turned into a number")
	assert.Equal(t, "不予互认", rows[5][10], "revoked")
}

// TestSpreadsheetFlags: -in and -out override the extensions; NDJSON out
// has "row"; bad values are usage errors; -h lists the flags.
func TestSpreadsheetFlags(t *testing.T) {
	var out, errb bytes.Buffer
	code := run(context.Background(), []string{"-at", "2026-06-01", "-lang", "en", "-scheme", "shenzhen", "-in", "csv", gbList}, nil, &out, &errb)
	assert.Equal(t, 1, code, "%s", errb.String())
	assert.Contains(t, out.String(), `{"row":2,"scheme":"shenzhen","number":"SZ-SYN-0001"`)
	assert.Equal(t, 5, bytes.Count(out.Bytes(), []byte("\n")))

	out.Reset()
	code = run(context.Background(), []string{"-at", "2026-06-01", "-scheme", "shenzhen", "-out", "csv", "-bom=false", gbList}, nil, &out, &errb)
	assert.Equal(t, 1, code)
	assert.True(t, bytes.HasPrefix(out.Bytes(), []byte("证书编号,")), "no BOM with -bom=false")

	for _, args := range [][]string{
		{"-out", "xls", gbList},
		{"-scheme", "火星", gbList},
		{"-in", "xlsx", "-"},
		{gbList, gbList, "-scheme", "圳品"},
		{"-scheme", "圳品", "no-such-file.csv"},
		{"-scheme", "圳品", "../../testdata/recognition/sample.ndjson"},
	} {
		errb.Reset()
		assert.Equal(t, 2, run(context.Background(), args, bytes.NewReader(nil), &out, &errb), "%v: %s", args, errb.String())
	}
	// -o naming the input would truncate it before it is read.
	dir := t.TempDir()
	copyPath := filepath.Join(dir, "list.csv")
	data, err := os.ReadFile(gbList)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(copyPath, data, 0o644))
	errb.Reset()
	assert.Equal(t, 2, run(context.Background(), []string{"-scheme", "圳品", "-o", copyPath, copyPath}, nil, &out, &errb))
	assert.Contains(t, errb.String(), "覆盖输入文件")
	after, err := os.ReadFile(copyPath)
	require.NoError(t, err)
	assert.Equal(t, data, after)

	out.Reset()
	assert.Equal(t, 0, run(context.Background(), []string{"-h", "-lang", "en"}, nil, &out, &errb))
	for _, f := range []string{"-in FORMAT", "-out FORMAT", "-o FILE", "-sheet NAME", "-scheme SCHEME", "-bom=false"} {
		assert.Contains(t, out.String(), f)
	}
}

// TestNDJSONNamedTxtStaysNDJSON: an NDJSON export named .txt is read as
// before the spreadsheet flags: .txt names no table format.
func TestNDJSONNamedTxtStaysNDJSON(t *testing.T) {
	data, err := os.ReadFile(sample)
	require.NoError(t, err)
	name := filepath.Join(t.TempDir(), "excel-export.txt")
	require.NoError(t, os.WriteFile(name, data, 0o644))
	var out, errb bytes.Buffer
	run(context.Background(), []string{"-at", "2026-06-01", name}, nil, &out, &errb)
	assert.True(t, bytes.HasPrefix(out.Bytes(), []byte(`{"line":1,`)), "%.200s", out.String())
}

// -scheme is one flag for two things the issue names: a value ending in
// .json loads a scheme definition; any other names the scheme of a whole
// spreadsheet, once. Two different schemes for one input are refused.
func TestSchemeFlagLoadsDefinitionsAndNamesOneSchemeForTheWholeInput(t *testing.T) {
	var out, errb bytes.Buffer
	code := run(context.Background(), []string{"-lang", "en", "-scheme", "shenzhen", "-scheme", "zhejiang", "-in", "csv", gbList}, nil, &out, &errb)
	assert.Equal(t, exitFailure, code, errb.String())
	assert.Contains(t, errb.String(), "names one scheme for the whole input")

	out.Reset()
	errb.Reset()
	code = run(context.Background(), []string{"-at", "2026-06-01", "-lang", "en", "-scheme", exampleScheme, "-scheme", "shenzhen", "-in", "csv", gbList}, nil, &out, &errb)
	assert.NotEqual(t, exitFailure, code, errb.String())
	assert.Contains(t, errb.String(), "loaded the scheme definition")
}

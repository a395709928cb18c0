package sheet

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

// TestHostileCSVCellOf10MB: a 10 MB cell is an error row (the line is
// over the Checker's limit), the rows around it are judged, CSV output
// keeps the cell, XLSX output cuts it to what a cell holds and says so.
func TestHostileCSVCellOf10MB(t *testing.T) {
	lines := strings.Split(shenzhenCSV, "\r\n")
	huge := strings.Repeat("备", 10<<20/3)
	in := lines[0] + "\n" + lines[1] + "\n" +
		"SZ-SYN-9,合成样例企业有限公司,91320100MA90000026,赣南脐橙,T/JGE 0039-2023,合成样例评价机构,2025-03-01,2028-02-28,有效," + huge + "\n" +
		lines[1] + "\n"
	out, sum, err := run(t, Converter{In: CSV, Scheme: "shenzhen"}, []byte(in))
	require.NoError(t, err)
	ls := outLines(t, out)
	require.Len(t, ls, 3)
	assert.NotEqual(t, "error", ls[0]["outcome"])
	assert.Equal(t, "error", ls[1]["outcome"])
	assert.Equal(t, 1, sum.Errors["too-long"])
	assert.NotEqual(t, "error", ls[2]["outcome"])

	var x bytes.Buffer
	_, err = (&Converter{Checker: checker("en"), In: CSV, Out: XLSX, Scheme: "shenzhen"}).Run(context.Background(), strings.NewReader(in), &x)
	require.NoError(t, err)
	f, err := excelize.OpenReader(bytes.NewReader(x.Bytes()))
	require.NoError(t, err)
	defer f.Close()
	v, err := f.GetCellValue("Results", "J3")
	require.NoError(t, err)
	assert.LessOrEqual(t, utf16Len(v), maxCellChars)
	assert.True(t, strings.HasSuffix(v, "… (cut; 3,495,253 characters in all)"), "ends %q", v[max(0, len(v)-80):])
}

// TestHostileCSV100kColumns: a header of 100,000 columns is refused by
// the first unknown name; a row of 100,000 cells under a right header is
// an error row; neither takes the run down.
func TestHostileCSV100kColumns(t *testing.T) {
	var names strings.Builder
	names.WriteString("证书编号")
	for i := range 100_000 {
		names.WriteString(",x" + strconv.Itoa(i))
	}
	_, _, err := run(t, Converter{In: CSV, Scheme: "shenzhen"}, []byte(names.String()+"\n"))
	var ie *InputError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, "B", ie.ColumnRef)
	assert.Equal(t, "x0", ie.Column)
	_, _, err = run(t, Converter{In: CSV, Scheme: "shenzhen"}, []byte("证书编号"+strings.Repeat(",x", 100_000)+"\n"))
	require.ErrorAs(t, err, &ie)
	assert.Contains(t, err.Error(), "appears twice")
	many := strings.Repeat(",x", 100_000)

	lines := strings.Split(shenzhenCSV, "\r\n")
	out, sum, err := run(t, Converter{In: CSV, Scheme: "shenzhen"}, []byte(lines[0]+"\n"+lines[1]+many+"\n"+lines[1]+"\n"))
	require.NoError(t, err)
	ls := outLines(t, out)
	require.Len(t, ls, 2)
	assert.Equal(t, "error", ls[0]["outcome"])
	assert.Contains(t, ls[0]["error"], "column K has no header")
	assert.Equal(t, 1, sum.Errors["extra-cell"])
	assert.NotEqual(t, "error", ls[1]["outcome"])
}

// TestHostileXLSX: a file that is not a zip, a zip without a workbook, and
// a truncated workbook are input errors, not panics.
func TestHostileXLSX(t *testing.T) {
	dir := t.TempDir()
	good := writeXLSX(t, dir, [][]any{shenzhenCols, shenzhenRow("SZ-SYN-1", validCode, "2025-03-01", "2028-02-28")}, 14)
	b, err := os.ReadFile(good)
	require.NoError(t, err)
	for name, data := range map[string][]byte{
		"not a zip": []byte("证书编号,企业名称\n"),
		"truncated": b[:len(b)/2],
		"empty":     nil,
	} {
		t.Run(name, func(t *testing.T) {
			_, _, err := run(t, Converter{In: XLSX, Scheme: "shenzhen"}, data)
			assert.ErrorIs(t, err, ErrWorkbook)
		})
	}
	_, err = (&Converter{In: XLSX}).Run(context.Background(), strings.NewReader(""), &bytes.Buffer{})
	assert.ErrorIs(t, err, ErrWorkbook)
	_, err = (&Converter{In: XLSX}).Run(context.Background(), bytes.NewBufferString("x"), &bytes.Buffer{})
	assert.ErrorIs(t, err, ErrWorkbook, "a pipe cannot be read as a zip")
}

// TestCoreDoesNotLinkExcelize: recognition and its adapters do not
// import the XLSX library; only this package does.
func TestCoreDoesNotLinkExcelize(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	require.NoError(t, err)
	pkgs := []string{"./recognition", "./recognition/all", "./brand/...", "./standard/...", "./certification", "./mark"}
	out, err := exec.Command("go", append([]string{"list", "-C", root, "-deps"}, pkgs...)...).CombinedOutput()
	require.NoError(t, err, "%s", out)
	assert.Contains(t, string(out), "github.com/jxgreen/jxgreen/recognition\n")
	assert.NotContains(t, string(out), "excelize")
	out, err = exec.Command("go", "list", "-C", root, "-deps", "./recognition/sheet").CombinedOutput()
	require.NoError(t, err, "%s", out)
	assert.Contains(t, string(out), "github.com/xuri/excelize/v2")
}

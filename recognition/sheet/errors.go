package sheet

import (
	"strings"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand/i18n"
)

// Sentinel errors, for errors.Is. Each typed error below wraps one.
var (
	// ErrFormat: a format name that is not ndjson, csv or xlsx.
	ErrFormat = i18n.NewSentinel("sheet.ErrFormat", "未知的表格格式", "unknown table format")
	// ErrHeader: the header row cannot be used (empty, a column named
	// twice, a column no scheme has, a required column missing).
	ErrHeader = i18n.NewSentinel("sheet.ErrHeader", "表头有误", "the header row is wrong")
	// ErrNoScheme: neither a scheme column nor Converter.Scheme says
	// which scheme the rows are of.
	ErrNoScheme = i18n.NewSentinel("sheet.ErrNoScheme", "未指明方案：表中没有“方案”（scheme）列，也没有用 -scheme 指定",
		"no scheme: the table has no \"scheme\" (方案) column and none was given with -scheme")
	// ErrScheme: Converter.Scheme names no registered scheme, or a scheme
	// whose records are not flat (UNTP credentials).
	ErrScheme = i18n.NewSentinel("sheet.ErrScheme", "方案不可用于表格", "the scheme cannot be read from a table")
	// ErrEncoding: CSV input that is neither UTF-8, UTF-16 with a byte
	// order mark, nor GB18030.
	ErrEncoding = i18n.NewSentinel("sheet.ErrEncoding", "无法识别 CSV 的编码", "the encoding of the CSV input is not recognised")
	// ErrWorkbook: XLSX input that cannot be read as a workbook.
	ErrWorkbook = i18n.NewSentinel("sheet.ErrWorkbook", "不是可读的 XLSX 工作簿", "not a readable XLSX workbook")
)

func init() {
	i18n.Table("sheet.", [][3]string{
		{"FormatError", "未知的表格格式 %q（应为 ndjson、csv 或 xlsx）", "unknown table format %q (ndjson, csv or xlsx)"},
		{"header.empty", "表中没有表头（至少有两个不同值的一行）", "the table has no header row (a row with two different values)"},
		{"header.duplicate", "表头中列“%s”出现两次（第 %s 列和第 %s 列）", "the column \"%s\" appears twice in the header (columns %s and %s)"},
		{"header.unknown", "表头第 %s 列“%s”不是%s的字段", "column %s of the header, \"%s\", is not a field of %s"},
		{"header.unknown-any", "任何方案", "any scheme"},
		{"header.syntax", "表头（第 %s 行）不是有效的 CSV：%s", "the header (line %s) is not valid CSV: %s"},
		{"header.missing", "缺少必填列“%s”（%s）", "the required column \"%s\" is missing (%s)"},
		{"header.no-name", "第 %s 列没有表头，却有内容（第 %d 行）", "column %s has no header but row %d has a value in it"},
		{"scheme.unknown", "未知的方案 %q", "unknown scheme %q"},
		{"scheme.nested", "方案 %s 的记录不是平面表格（字段 %q 是嵌套对象），不能从表格读取", "the records of %s are not flat (the field %q is an object), so they cannot be read from a table"},
		{"encoding.unknown", "CSV 既不是 UTF-8，也不是 GB18030/GBK（第 %d 字节）", "the CSV is neither UTF-8 nor GB18030/GBK (byte %d)"},
		{"encoding.name", "-encoding 应为 utf-8、gb18030 或 utf-16，而不是 %q", "the encoding must be utf-8, gb18030 or utf-16, not %q"},
		{"workbook", "XLSX 工作簿无法读取：%s", "the XLSX workbook cannot be read: %s"},
		{"workbook.sheet", "工作簿中没有名为 %q 的工作表（有：%s）", "the workbook has no sheet named %q (it has: %s)"},
		{"workbook.empty", "工作簿中没有工作表", "the workbook has no sheet"},
		{"workbook.seek", "XLSX 输入必须是可随机读取的文件，不能是管道", "XLSX input must be a file that can be read at any offset, not a pipe"},
	})
}

// FormatError reports a format name that is not known.
type FormatError struct {
	Name string
}

// Error returns the English description.
func (e *FormatError) Error() string { return "sheet: " + e.Localize(i18n.English()) }

// Localize describes the error in the language that best matches tag.
func (e *FormatError) Localize(tag language.Tag) string {
	return i18n.Sprintf(tag, "sheet.FormatError", e.Name)
}

// Unwrap returns [ErrFormat].
func (e *FormatError) Unwrap() error { return ErrFormat }

// InputError reports input that cannot be read as a table at all: a bad
// header, an unknown scheme, an encoding or a workbook that cannot be read.
// Column names the column at fault (as the header writes it) where there
// is one, ColumnRef its letter (A, B, …, AA); Row the row, counting the
// header as 1, where there is one.
type InputError struct {
	Column    string
	ColumnRef string
	Row       int
	key       string
	args      []any
	Err       error // one of the sentinels above
}

func inputError(sentinel error, key string, args ...any) *InputError {
	return &InputError{Err: sentinel, key: key, args: args}
}

// Error returns the English description.
func (e *InputError) Error() string { return "sheet: " + e.Localize(i18n.English()) }

// Localize describes the error in the language that best matches tag.
func (e *InputError) Localize(tag language.Tag) string {
	if e.key == "" {
		return i18n.Error(e.Err, tag)
	}
	return i18n.Sprintf(tag, "sheet."+e.key, e.args...)
}

// Unwrap returns the sentinel.
func (e *InputError) Unwrap() error { return e.Err }

// colRef returns the spreadsheet letter of the 0-based column i: A, …, Z,
// AA, ….
func colRef(i int) string {
	var b []byte
	for i++; i > 0; i = (i - 1) / 26 {
		b = append(b, byte('A'+(i-1)%26))
	}
	for l, r := 0, len(b)-1; l < r; l, r = l+1, r-1 {
		b[l], b[r] = b[r], b[l]
	}
	return string(b)
}

// joinNames lists names for a message.
func joinNames(names []string) string { return strings.Join(names, ", ") }

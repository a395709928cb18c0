package sheet

import (
	"bufio"
	"encoding/csv"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/recognition"
)

func init() {
	i18n.Table("sheet.out.", [][3]string{
		{"outcome", "结果", "outcome"},
		{"reasons", "原因", "reasons"},
		{"codes", "原因代码", "reason codes"},
		{"error", "错误", "error"},
		{"error-outcome", "错误", "error"},
		{"line", "行号", "line"},
		{"scheme", "方案", "scheme"},
		{"number", "证书编号", "number"},
		{"results", "结果", "Results"},
		{"summary", "汇总", "Summary"},
		{"rows", "行数", "rows"},
		{"count", "次数", "count"},
		{"reason-code", "原因代码", "reason code"},
		{"error-kind", "错误类型", "kind of error"},
		{"total", "合计", "total"},
		{"truncated", "…（已截断，原文 %d 字符）", "… (cut; %d characters in all)"},
	})
}

// tableWriter writes the output rows of CSV or XLSX output.
type tableWriter interface {
	row(e *entry, r *result) error
	flush() error
	close(sum recognition.Summary) error
}

// newTableWriter starts CSV or XLSX output with its header row, which in
// XLSX output is at the row of the input's header (headRow), so that each
// output row is at the row of its input row.
func newTableWriter(f Format, out io.Writer, lang language.Tag, header []string, headRow int, noBOM bool) (tableWriter, error) {
	t := func(key string) string { return i18n.Sprintf(lang, "sheet.out."+key) }
	cols := append(slices.Clone(header), t("outcome"), t("reasons"), t("codes"), t("error"))
	switch f {
	case CSV:
		bw := bufio.NewWriterSize(out, 64<<10)
		if !noBOM {
			bw.WriteString(bom)
		}
		w := &csvWriter{bw: bw, cw: csv.NewWriter(bw), lang: lang, width: len(header)}
		w.cw.UseCRLF = true
		w.rec = neutralise(cols)
		if err := w.cw.Write(w.rec); err != nil {
			return nil, err
		}
		return w, nil
	case XLSX:
		return newXLSXWriter(out, lang, cols, len(header), headRow)
	}
	return nil, &FormatError{Name: f.String()}
}

func ndjsonColumns(lang language.Tag) []string {
	t := func(key string) string { return i18n.Sprintf(lang, "sheet.out."+key) }
	return []string{t("line"), t("scheme"), t("number")}
}

// outputCells returns the cells that follow the input columns.
func outputCells(lang language.Tag, r *result) [4]string {
	var out [4]string
	switch r.outcome {
	case "error":
		out[0] = i18n.Sprintf(lang, "sheet.out.error-outcome")
	default:
		out[0] = r.outcome
		for _, o := range []recognition.Outcome{recognition.Recognized, recognition.Conditional, recognition.Rejected} {
			if o.String() == r.outcome {
				out[0] = o.Localize(lang)
			}
		}
	}
	var msgs, codes []string
	for _, x := range r.reasons {
		msgs = append(msgs, x.Message)
		codes = append(codes, x.Code)
	}
	out[1] = strings.Join(msgs, "\n")
	out[2] = strings.Join(codes, "\n")
	out[3] = r.err
	return out
}

// neutralise makes each cell safe to open in a spreadsheet: a cell that
// starts with = + - @, a tab or a carriage return gets a leading
// apostrophe, so that it is shown as text and never run as a formula
// (OWASP, "CSV Injection"). It changes cells in place and returns them.
func neutralise(cells []string) []string {
	for i, c := range cells {
		cells[i] = neutral(c)
	}
	return cells
}

func neutral(c string) string {
	if c == "" {
		return c
	}
	switch c[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + c
	}
	// Full-width forms that a spreadsheet may fold to ASCII.
	switch r, _ := utf8.DecodeRuneInString(c); r {
	case '＝', '＋', '－', '＠':
		return "'" + c
	}
	return c
}

type csvWriter struct {
	bw    *bufio.Writer
	cw    *csv.Writer
	lang  language.Tag
	width int
	rec   []string
}

func (w *csvWriter) row(e *entry, r *result) error {
	w.rec = w.rec[:0]
	for i := range w.width {
		v := ""
		if i < len(e.cells) {
			v = e.cells[i]
		}
		w.rec = append(w.rec, v)
	}
	oc := outputCells(w.lang, r)
	w.rec = append(w.rec, oc[:]...)
	return w.cw.Write(neutralise(w.rec))
}

func (w *csvWriter) flush() error {
	w.cw.Flush()
	if err := w.cw.Error(); err != nil {
		return err
	}
	return w.bw.Flush()
}

func (w *csvWriter) close(recognition.Summary) error { return w.flush() }

// maxCellChars is the most characters (UTF-16 units) an XLSX cell holds.
const maxCellChars = 32767

type xlsxWriter struct {
	out   io.Writer
	f     *excelize.File
	sw    *excelize.StreamWriter
	lang  language.Tag
	width int
	bold  int
	wrap  int
	vals  []any
}

func newXLSXWriter(out io.Writer, lang language.Tag, cols []string, width, headRow int) (*xlsxWriter, error) {
	f := excelize.NewFile()
	name := i18n.Sprintf(lang, "sheet.out.results")
	if err := f.SetSheetName("Sheet1", name); err != nil {
		return nil, err
	}
	w := &xlsxWriter{out: out, f: f, lang: lang, width: width}
	var err error
	if w.bold, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}}); err != nil {
		return nil, err
	}
	if w.wrap, err = f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}); err != nil {
		return nil, err
	}
	if w.sw, err = f.NewStreamWriter(name); err != nil {
		return nil, err
	}
	if err := w.sw.SetColWidth(1, len(cols), 16); err != nil {
		return nil, err
	}
	if err := w.sw.SetColWidth(width+2, width+2, 60); err != nil {
		return nil, err
	}
	top, err := excelize.CoordinatesToCellName(1, headRow+1)
	if err != nil {
		return nil, err
	}
	if err := w.sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: headRow, TopLeftCell: top, ActivePane: "bottomLeft"}); err != nil {
		return nil, err
	}
	vals := make([]any, len(cols))
	for i, c := range neutralise(cols) {
		vals[i] = excelize.Cell{StyleID: w.bold, Value: c}
	}
	if err := w.sw.SetRow("A"+strconv.Itoa(headRow), vals); err != nil {
		return nil, err
	}
	return w, nil
}

// cellText makes a cell value fit an XLSX cell: neutralised, and cut to
// maxCellChars with a note of the length.
func (w *xlsxWriter) cellText(s string) string {
	s = neutral(s)
	if len(s) <= maxCellChars || utf16Len(s) <= maxCellChars {
		return s
	}
	n := utf8.RuneCountInString(s)
	note := i18n.Sprintf(w.lang, "sheet.out.truncated", n)
	keep := maxCellChars - utf16Len(note)
	units := 0
	for i, r := range s {
		units += utf16.RuneLen(r)
		if units > keep {
			return s[:i] + note
		}
	}
	return s
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

func (w *xlsxWriter) row(e *entry, r *result) error {
	w.vals = w.vals[:0]
	for i := range w.width {
		v := ""
		if i < len(e.cells) {
			v = e.cells[i]
		}
		w.vals = append(w.vals, w.cellText(v))
	}
	oc := outputCells(w.lang, r)
	for i, v := range oc {
		if i == 1 {
			w.vals = append(w.vals, excelize.Cell{StyleID: w.wrap, Value: w.cellText(v)})
			continue
		}
		w.vals = append(w.vals, w.cellText(v))
	}
	cell, err := excelize.CoordinatesToCellName(1, e.row)
	if err != nil {
		return err
	}
	return w.sw.SetRow(cell, w.vals)
}

func (w *xlsxWriter) flush() error { return nil }

// close writes the summary sheet, then the workbook.
func (w *xlsxWriter) close(sum recognition.Summary) error {
	defer w.f.Close()
	if err := w.sw.Flush(); err != nil {
		return err
	}
	t := func(key string) string { return i18n.Sprintf(w.lang, "sheet.out."+key) }
	name := t("summary")
	if _, err := w.f.NewSheet(name); err != nil {
		return err
	}
	sw, err := w.f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	if err := sw.SetColWidth(1, 1, 28); err != nil {
		return err
	}
	if err := sw.SetColWidth(2, 2, 60); err != nil {
		return err
	}
	row := 0
	add := func(vals ...any) error {
		row++
		cell, _ := excelize.CoordinatesToCellName(1, row)
		return sw.SetRow(cell, vals)
	}
	bold := func(s string) excelize.Cell { return excelize.Cell{StyleID: w.bold, Value: s} }
	if err := add(bold(t("outcome")), bold(""), bold(t("rows"))); err != nil {
		return err
	}
	total := 0
	for _, o := range []recognition.Outcome{recognition.Recognized, recognition.Conditional, recognition.Rejected} {
		n := outcomeCount(sum, o.String())
		total += n
		if err := add(o.String(), o.Localize(w.lang), n); err != nil {
			return err
		}
	}
	n := outcomeCount(sum, "error")
	total += n
	if err := add("error", t("error-outcome"), n); err != nil {
		return err
	}
	if err := add(bold(t("total")), "", total); err != nil {
		return err
	}
	for _, part := range []struct {
		title, prefix string
		counts        map[string]int
	}{
		{t("reason-code"), "recognition.reason.", reasonCounts(sum)},
		{t("error-kind"), "", errorCounts(sum)},
	} {
		if len(part.counts) == 0 {
			continue
		}
		row++
		if err := add(bold(part.title), bold(""), bold(t("count"))); err != nil {
			return err
		}
		keys := make([]string, 0, len(part.counts))
		for k := range part.counts {
			keys = append(keys, k)
		}
		slices.SortFunc(keys, func(a, b string) int {
			if part.counts[a] != part.counts[b] {
				return part.counts[b] - part.counts[a]
			}
			return strings.Compare(a, b)
		})
		for _, k := range keys {
			if err := add(k, gist(w.lang, k, part.prefix), part.counts[k]); err != nil {
				return err
			}
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return w.f.Write(w.out)
}

// gist names a reason code or an error kind in the language of lang: its
// message with the arguments left out.
func gist(lang language.Tag, code, prefix string) string {
	keys := []string{prefix + code}
	if prefix == "" {
		keys = []string{"recognition.batch." + code, "sheet.row." + code}
	}
	for _, key := range keys {
		if zh, en, ok := i18n.Texts(key); ok {
			s := en
			if i18n.Match(lang) == i18n.Chinese() {
				s = zh
			}
			return elide(s)
		}
	}
	return code
}

// elide replaces the verbs of a format string with "…".
func elide(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			b.WriteByte(s[i])
			continue
		}
		j := i + 1
		for j < len(s) && strings.IndexByte("0123456789.[]+-# *", s[j]) >= 0 {
			j++
		}
		if j < len(s) && s[j] == '%' {
			b.WriteByte('%')
		} else {
			b.WriteString("…")
		}
		i = j
	}
	return b.String()
}

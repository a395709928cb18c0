package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/recognition"
	"github.com/jxgreen/jxgreen/recognition/sheet"
)

// sheetFlags are the flags of spreadsheet input and output (package
// recognition/sheet).
type sheetFlags struct {
	in, out, o, sheet *string
	scheme            *string // set from -scheme when it names a scheme, not a file (see schemeFlag)
	bom               *bool
}

func addSheetFlags(fs *flag.FlagSet) *sheetFlags {
	return &sheetFlags{
		in:     fs.String("in", "", ""),
		out:    fs.String("out", "", ""),
		o:      fs.String("o", "", ""),
		sheet:  fs.String("sheet", "", ""),
		scheme: new(string),
		bom:    fs.Bool("bom", true, ""),
	}
}

// formats returns the input format of the file name (by -in, else by its
// extension, else NDJSON) and the output format (by -out, else by the
// extension of -o, else NDJSON).
func (f *sheetFlags) formats(name string) (in, out sheet.Format, err error) {
	in, out = sheet.NDJSON, sheet.NDJSON
	if *f.in != "" {
		if in, err = sheet.ParseFormat(*f.in); err != nil {
			return
		}
	} else if ext, ok := sheet.FormatOf(name); ok {
		in = ext
	}
	if *f.out != "" {
		out, err = sheet.ParseFormat(*f.out)
	} else if ext, ok := sheet.FormatOf(*f.o); ok {
		out = ext
	}
	return
}

// active reports whether the run needs the spreadsheet path: an input or
// output that is not NDJSON, an output file, a sheet or a scheme for the
// whole input.
func (f *sheetFlags) active(names []string) bool {
	if *f.o != "" || *f.sheet != "" || *f.scheme != "" || *f.in != "" || *f.out != "" {
		return true
	}
	for _, n := range names {
		if in, _, err := f.formats(n); err == nil && in != sheet.NDJSON {
			return true
		}
	}
	return false
}

func init() {
	i18n.Table("recognize.sheet.", [][3]string{
		{"one-input", "表格输入或输出（-in、-out、-o、-sheet、-scheme）一次只处理一个输入文件", "spreadsheet input or output (-in, -out, -o, -sheet, -scheme) takes one input at a time"},
		{"ndjson-scheme", "-scheme 和 -sheet 只用于 CSV 和 XLSX 输入（NDJSON 每行自带方案）", "-scheme and -sheet apply to CSV and XLSX input (each NDJSON line names its scheme)"},
		{"xlsx-stdin", "XLSX 输入须为文件，不能从标准输入读取", "XLSX input must be a file, not standard input"},
		{"same-file", "-o %s 会覆盖输入文件", "-o %s would overwrite the input"},
		{"create", "无法创建输出文件：%v", "cannot create the output file: %v"},
		{"input", "输入无法作为表格读取：%s", "the input cannot be read as a table: %s"},
	})
	i18n.Set("recognize.help-sheet", helpSheetZH, helpSheetEN)
}

// runSheet checks one table and writes the results as a table.
func (f *sheetFlags) run(ctx context.Context, c recognition.Checker, names []string, encoding string, stdin io.Reader, stdout, stderr io.Writer, tag language.Tag) int {
	say := func(key string, a ...any) int {
		fmt.Fprintln(stderr, "recognize: "+i18n.Sprintf(tag, key, a...))
		fmt.Fprintln(stderr, i18n.Sprintf(tag, "recognize.usage"))
		return exitFailure
	}
	if len(names) > 1 {
		return say("recognize.sheet.one-input")
	}
	name := "-"
	if len(names) == 1 {
		name = names[0]
	}
	in, out, err := f.formats(name)
	if err != nil {
		return say("recognize.exit2", i18n.Error(err, tag))
	}
	if in == sheet.NDJSON && (*f.scheme != "" || *f.sheet != "") {
		return say("recognize.sheet.ndjson-scheme")
	}
	var r io.Reader = stdin
	if name != "-" {
		file, err := os.Open(name)
		if err != nil {
			return say("recognize.open", err)
		}
		defer file.Close()
		r = file
	} else if in == sheet.XLSX {
		return say("recognize.sheet.xlsx-stdin")
	}
	var w io.Writer = stdout
	var file *os.File
	if *f.o != "" && *f.o != "-" {
		if src, ok := r.(*os.File); ok && name != "-" {
			fi, err1 := src.Stat()
			fo, err2 := os.Stat(*f.o)
			if err1 == nil && err2 == nil && os.SameFile(fi, fo) {
				return say("recognize.sheet.same-file", *f.o)
			}
		}
		if file, err = os.Create(*f.o); err != nil {
			return say("recognize.sheet.create", err)
		}
		w = file
	}
	start := time.Now()
	c.ProgressEvery = 50_000
	c.Progress = func(p recognition.Progress) {
		if el := time.Since(start); el >= progressAfter {
			fmt.Fprintln(stderr, i18n.Sprintf(tag, "recognize.progress", p.Lines, float64(p.Lines)/el.Seconds()))
		}
	}
	conv := sheet.Converter{Checker: c, In: in, Out: out, Scheme: *f.scheme, Sheet: *f.sheet, Encoding: encoding, NoBOM: !*f.bom}
	sum, runErr := conv.Run(ctx, r, w)
	if file != nil {
		if cerr := file.Close(); cerr != nil && runErr == nil {
			runErr = &recognition.WriteError{Err: cerr}
		}
	}
	if sum.Outcomes == nil {
		sum = recognition.Summary{Outcomes: map[recognition.Outcome]int{}, Schemes: map[string]int{}, Reasons: map[recognition.ReasonCode]int{}, Errors: map[string]int{}}
	}
	sum.Elapsed = time.Since(start)
	var ie *sheet.InputError
	if runErr != nil && errors.As(runErr, &ie) {
		fmt.Fprintln(stderr, i18n.Sprintf(tag, "recognize.exit2", i18n.Sprintf(tag, "recognize.sheet.input", ie.Localize(tag))))
		return exitFailure
	}
	printSummary(stderr, sum, tag)
	var we *recognition.WriteError
	switch {
	case runErr == nil && sum.ErrorLines() > 0:
		fmt.Fprintln(stderr, i18n.Sprintf(tag, "recognize.exit1", sum.ErrorLines()))
		return exitErrorLines
	case runErr == nil:
		return exitOK
	case errors.Is(runErr, context.Canceled) || errors.Is(runErr, context.DeadlineExceeded):
		fmt.Fprintln(stderr, i18n.Sprintf(tag, "recognize.exit2", i18n.Sprintf(tag, "recognize.interrupted")))
	case errors.As(runErr, &we):
		fmt.Fprintln(stderr, i18n.Sprintf(tag, "recognize.exit2", i18n.Sprintf(tag, "recognize.write-error", we.Err)))
	default:
		fmt.Fprintln(stderr, i18n.Sprintf(tag, "recognize.exit2", i18n.Sprintf(tag, "recognize.read-error", name, i18n.Error(runErr, tag))))
	}
	return exitFailure
}

const helpSheetZH = `
表格（CSV、XLSX）：
  -in 格式         输入格式 ndjson、csv 或 xlsx（默认按文件扩展名，标准输入为 ndjson）
  -out 格式        输出格式 ndjson、csv 或 xlsx（默认按 -o 的扩展名，否则 ndjson）
  -o 文件          输出写入该文件（默认标准输出）
  -sheet 名称      XLSX 的工作表（默认第一个）
  -scheme 方案     没有“方案”（scheme）列时，整个文件的方案（代号或中文名）；
                   有该列时，用于该列为空的行
  -bom=false       CSV 输出不加 UTF-8 BOM（默认加，以便中文 Excel 正确打开）
  表头用方案自己的字段名（如 证书编号、企业名称、统一社会信用代码）；
  CSV 可为 UTF-8（含或不含 BOM）、UTF-16 或 GB18030，自动识别，或用 -encoding 指定。
  每个输入行输出一行，按顺序；表格输出先列出输入各列，再列出结果、原因、原因代码和错误；
  XLSX 输出另有“汇总”工作表。
  例：recognize -scheme 圳品 -o 结果.xlsx 名单.xlsx
`

const helpSheetEN = `
Spreadsheets (CSV, XLSX):
  -in FORMAT       input format: ndjson, csv or xlsx (default: by the file's
                   extension; ndjson for standard input)
  -out FORMAT      output format: ndjson, csv or xlsx (default: by the
                   extension of -o, else ndjson)
  -o FILE          write the output to FILE (default: standard output)
  -sheet NAME      the XLSX worksheet (default: the first)
  -scheme SCHEME   the scheme (id or Chinese name) of the whole file when it
                   has no "scheme" (方案) column, else of the rows that leave
                   it empty
  -bom=false       no UTF-8 byte order mark before CSV output (by default
                   there is one, so that Chinese Excel opens it right)
  The header row names the scheme's own fields (证书编号, 企业名称, …). CSV may
  be UTF-8 (with or without a BOM), UTF-16 or GB18030, told apart by itself
  or named with -encoding. One output row per input row, in order; table
  output repeats the input columns, then outcome, reasons, reason codes and
  error; XLSX output has a Summary sheet as well.
  Example: recognize -scheme shenzhen -o results.xlsx list.xlsx
`

// explicitEncoding returns -encoding when it was given, and "" (tell it
// from the input) when not.
func explicitEncoding(fs *flag.FlagSet) string {
	enc := ""
	fs.Visit(func(fl *flag.Flag) {
		if fl.Name == "encoding" {
			enc = fl.Value.String()
		}
	})
	return enc
}

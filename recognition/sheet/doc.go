// Package sheet reads partner lists as spreadsheets (CSV and XLSX) and
// writes the recognition results as spreadsheets, around the one batch
// [recognition.Checker] that judges NDJSON: each row of a sheet becomes the
// native JSON record of its scheme and goes through the Checker as a line,
// so a row is judged exactly as the same record in NDJSON would be.
//
// The main entry point is [Converter.Run]: it reads a table (CSV, XLSX or
// NDJSON), checks every row, and writes one output row per input row, in
// order (NDJSON, CSV or XLSX, the last with a summary sheet), with memory
// that does not grow with the number of rows.
//
// # Columns
//
// The header row names each column with the scheme's own
// field name, as its lists print them and as the adapter's JSON Schema
// names the properties of the native record (圳品: 证书编号, 企业名称,
// 统一社会信用代码, …). A column headed "scheme" or "方案" names each row's
// scheme (id or Chinese name); [Converter.Scheme] names it for rows that
// leave it empty, or for the whole file. A column the scheme does not know,
// a column named twice, or a required column that is missing is an error
// that names the column, before any row is read; with a scheme column, a
// column that no scheme knows is, and a row whose scheme lacks a required
// column is an error row naming it. The header row is the first row with two
// different values: rows above it (blank rows, a title or a note in one
// cell, often merged across the columns, as official lists begin) are not
// rows of the table. An array property (the standards a product
// meets) is one cell, its items separated by 、，,；; or line breaks.
//
// # Cells that are not text
//
//   - A date: an XLSX cell holding an Excel date is written YYYY-MM-DD
//     whatever its display format, since that is the one form the adapters
//     accept. In a column whose property is a date (format "date" in the
//     schema), text dates as Chinese Excel writes them are normalised too:
//     2026/3/1, 2026-3-1, 2026.3.1 and 2026年3月1日, with at most a
//     midnight time (2026/3/1 0:00). Anything else is left as written, for
//     the schema to refuse.
//   - A number: an XLSX number cell is written as Excel shows it in the
//     General format (4, 2025001, 0.3). A number of more than 15 significant
//     digits cannot be held by Excel exactly: such a cell (a credit code
//     or certificate number typed as a number), and a CSV cell written in
//     Excel's exponent form (9.13201E+17), makes an error row that names
//     the column, never a record with the wrong digits.
//   - An XLSX cell holding a formula error (#N/A) makes an error row; a
//     formula's cached value is read as the value.
//   - Merged cells: the value of a merged area (which Excel stores in its
//     first cell and shows across the area) is read in every cell of it.
//
// # Rows
//
// Every input row gives exactly one output row, in order. A row whose cells
// are all empty is an error row ("blank", as a blank NDJSON line is), so
// that output row N is input row N; blank rows after the last row that is
// not blank are not rows (Excel leaves formatted empty rows at the end of
// sheets, and CSV files end with line breaks). A CSV row that is not valid
// CSV (a stray quote) is an error row, and the rows after it are read. A
// cell beyond the header, or
// in a column that the row's scheme does not have, makes an error row when
// it is not empty.
//
// # Encodings
//
// CSV input may be UTF-8 with or without a byte order mark, UTF-16 with a
// byte order mark (Excel's "Unicode text", tab-separated), or GB18030/GBK
// (Chinese Excel's "CSV"), told apart from the first 64 KiB or named with
// [Converter.Encoding]. A byte order mark is no proof of UTF-8: what follows
// it is judged. Fields separated by tabs are recognised from the header.
//
// # Output
//
// NDJSON output is the Checker's own line with "row" (the row of the sheet,
// as Excel numbers it) in place of "line". CSV and XLSX output repeat the
// input columns, then the outcome, the reasons, their codes and the error,
// in the language of the Checker. A cell that starts with = + - @ or a tab
// or carriage return is written with a leading apostrophe, so that no
// spreadsheet runs it as a formula (OWASP, "CSV Injection"). CSV output
// starts with a UTF-8 byte order mark unless [Converter.NoBOM] is set:
// Chinese Excel opens a CSV without one as GBK and shows mojibake, and every
// program that reads UTF-8 CSV (this package too) skips it.
//
// # The XLSX library
//
// XLSX is written with github.com/xuri/excelize/v2, the maintained and
// most used Go library for the format, through its StreamWriter, which
// spills rows to a temporary file instead of holding the sheet in memory.
// XLSX is read by this package's own streaming reader over archive/zip and
// encoding/xml: excelize's Rows iterator gives each cell as a string
// without its type, so a credit code typed as a number (913201001234568000)
// could not be told from text, and it holds a worksheet of up to 16 MB in
// memory. The reader decompresses the worksheet as it goes; what it keeps is
// the shared strings table (every distinct text of the workbook, as Excel
// stores them) and the number formats. Only this package imports excelize:
// importers of recognition and its adapters do not link it.
package sheet

package sheet

import (
	"path/filepath"
	"strings"
)

// Format is the format of a table: its input or its output.
type Format int

// The formats.
const (
	NDJSON Format = iota // one JSON object a line; the Checker's own format
	CSV                  // comma- (or tab-) separated values, RFC 4180
	XLSX                 // Office Open XML workbook (Excel 2007 and later)
)

var formatNames = [...]string{NDJSON: "ndjson", CSV: "csv", XLSX: "xlsx"}

// String returns "ndjson", "csv" or "xlsx".
func (f Format) String() string {
	if f < 0 || int(f) >= len(formatNames) {
		return "format(?)"
	}
	return formatNames[f]
}

// ParseFormat parses a format name: ndjson (or jsonl, json), csv, xlsx,
// in any case.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "ndjson", "jsonl", "json":
		return NDJSON, nil
	case "csv", "tsv":
		return CSV, nil
	case "xlsx", "xlsm":
		return XLSX, nil
	}
	return 0, &FormatError{Name: s}
}

// FormatOf returns the format a file name's extension says (.ndjson,
// .jsonl, .json, .csv, .tsv, .xlsx, .xlsm), and false when it says none
// (.txt says none: NDJSON and Excel's "Unicode text" both use it).
func FormatOf(name string) (Format, bool) {
	ext := strings.TrimPrefix(filepath.Ext(name), ".")
	if ext == "" {
		return 0, false
	}
	f, err := ParseFormat(ext)
	return f, err == nil
}

package sheet

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/recognition"
	_ "github.com/jxgreen/jxgreen/recognition/all"
)

// judgeAt is the date the tests judge validity on.
var judgeAt = time.Date(2026, 6, 1, 0, 0, 0, 0, brand.ChinaTime())

// sample reads a synthetic sample record of the repository's testdata as
// a map of its native fields.
func sample(t testing.TB, scheme, name string) map[string]any {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", scheme, name))
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(b, &m))
	return m
}

// samples returns the valid sample records of a scheme, by file name.
func samples(t testing.TB, scheme string) []string {
	t.Helper()
	names, err := filepath.Glob(filepath.Join("..", "..", "testdata", scheme, "valid-*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, names)
	for i, n := range names {
		names[i] = filepath.Base(n)
	}
	return names
}

// header returns the union of the records' keys, sorted.
func header(recs []map[string]any) []string {
	var h []string
	for _, r := range recs {
		for k := range r {
			if !slices.Contains(h, k) {
				h = append(h, k)
			}
		}
	}
	slices.Sort(h)
	return h
}

// cellOf writes a native value as a person writes it in a cell.
func cellOf(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case []any:
		var parts []string
		for _, x := range v {
			parts = append(parts, cellOf(x))
		}
		return strings.Join(parts, "、")
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// table makes the rows of a table from records: the header, then one row
// each.
func table(recs []map[string]any, cols []string) [][]string {
	rows := [][]string{cols}
	for _, r := range recs {
		row := make([]string, len(cols))
		for i, c := range cols {
			row[i] = cellOf(r[c])
		}
		rows = append(rows, row)
	}
	return rows
}

func csvBytes(t testing.TB, rows [][]string) []byte {
	t.Helper()
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	require.NoError(t, w.WriteAll(rows))
	return b.Bytes()
}

// ndjsonOf writes records as the Checker's NDJSON input.
func ndjsonOf(t testing.TB, scheme string, recs []map[string]any) []byte {
	t.Helper()
	var b bytes.Buffer
	for _, r := range recs {
		line, err := json.Marshal(map[string]any{"scheme": scheme, "record": r})
		require.NoError(t, err)
		b.Write(line)
		b.WriteByte('\n')
	}
	return b.Bytes()
}

func checker(lang string) recognition.Checker {
	tag := i18n.Chinese()
	if lang == "en" {
		tag = i18n.English()
	}
	return recognition.Checker{At: judgeAt, Lang: tag, Workers: 2}
}

// run converts in and returns the output.
func run(t testing.TB, c Converter, in []byte) ([]byte, recognition.Summary, error) {
	t.Helper()
	if c.Checker.At.IsZero() {
		c.Checker = checker("en")
	}
	var out bytes.Buffer
	sum, err := c.Run(context.Background(), bytes.NewReader(in), &out)
	return out.Bytes(), sum, err
}

// outLines parses NDJSON output.
func outLines(t testing.TB, out []byte) []map[string]any {
	t.Helper()
	var res []map[string]any
	for _, l := range bytes.Split(bytes.TrimSuffix(out, []byte("\n")), []byte("\n")) {
		if len(l) == 0 {
			continue
		}
		var m map[string]any
		require.NoError(t, json.Unmarshal(l, &m), string(l))
		res = append(res, m)
	}
	return res
}

func readCSV(t testing.TB, b []byte) [][]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte(bom))))
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	require.NoError(t, err)
	return recs
}

func chinese() language.Tag { return i18n.Chinese() }
func english() language.Tag { return i18n.English() }

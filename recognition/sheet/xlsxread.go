package sheet

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The reader keeps at most this many merged areas of a sheet in memory.
const maxMerges = 1 << 16

// xlsxSource streams the rows of one worksheet of an XLSX workbook.
type xlsxSource struct {
	dec      *xml.Decoder
	body     io.ReadCloser
	strings  sst    // the shared strings table
	dateXF   []bool // by cell style: the number format is a date
	date1904 bool
	merges   []merge // sorted by top row
	active   []*merge
	nextM    int

	row        int // the row last given
	cells      []cell
	pending    []cell // a row read ahead, given after the missing rows before it
	pendRow    int
	hasPending bool
	done       bool
}

// merge is a merged area, 0-based and inclusive, and its value.
type merge struct {
	r0, c0, r1, c1 int
	val            cell
}

// openXLSX opens the worksheet named sheet (the first when "") of the
// workbook in r.
func openXLSX(r io.ReaderAt, size int64, sheet string) (*xlsxSource, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, inputError(ErrWorkbook, "workbook", err.Error())
	}
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[strings.TrimPrefix(f.Name, "/")] = f
	}
	wbPath := "xl/workbook.xml"
	if rels, err := readRels(files, "_rels/.rels", ""); err == nil {
		for _, rel := range rels {
			if strings.HasSuffix(rel.typ, "/officeDocument") {
				wbPath = rel.target
			}
		}
	}
	var wb struct {
		Pr struct {
			Date1904 string `xml:"date1904,attr"`
		} `xml:"workbookPr"`
		Sheets []struct {
			Name  string     `xml:"name,attr"`
			Attrs []xml.Attr `xml:",any,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := decodePart(files, wbPath, &wb); err != nil {
		return nil, err
	}
	if len(wb.Sheets) == 0 {
		return nil, inputError(ErrWorkbook, "workbook.empty")
	}
	pick := 0
	if sheet != "" {
		pick = -1
		var names []string
		for i, s := range wb.Sheets {
			names = append(names, s.Name)
			if s.Name == sheet {
				pick = i
			}
		}
		if pick < 0 {
			return nil, inputError(ErrWorkbook, "workbook.sheet", sheet, joinNames(names))
		}
	}
	var rid string
	for _, a := range wb.Sheets[pick].Attrs {
		if a.Name.Local == "id" {
			rid = a.Value
		}
	}
	rels, err := readRels(files, path.Join(path.Dir(wbPath), "_rels", path.Base(wbPath)+".rels"), path.Dir(wbPath))
	if err != nil {
		return nil, err
	}
	var sheetPath, sstPath, stylesPath string
	for _, rel := range rels {
		switch {
		case rel.id == rid:
			sheetPath = rel.target
		case strings.HasSuffix(rel.typ, "/sharedStrings"):
			sstPath = rel.target
		case strings.HasSuffix(rel.typ, "/styles"):
			stylesPath = rel.target
		}
	}
	if files[sheetPath] == nil {
		return nil, inputError(ErrWorkbook, "workbook", "no part "+sheetPath)
	}
	s := &xlsxSource{date1904: wb.Pr.Date1904 == "1" || wb.Pr.Date1904 == "true"}
	if sstPath != "" && files[sstPath] != nil {
		if s.strings, err = readSharedStrings(files[sstPath]); err != nil {
			return nil, err
		}
	}
	if stylesPath != "" && files[stylesPath] != nil {
		if s.dateXF, err = readDateStyles(files, stylesPath); err != nil {
			return nil, err
		}
	}
	if s.merges, err = readMerges(files[sheetPath]); err != nil {
		return nil, err
	}
	if s.body, err = files[sheetPath].Open(); err != nil {
		return nil, inputError(ErrWorkbook, "workbook", err.Error())
	}
	s.dec = xml.NewDecoder(bufio.NewReaderSize(s.body, 64<<10))
	return s, nil
}

func (s *xlsxSource) close() error {
	if s.body != nil {
		return s.body.Close()
	}
	return nil
}

type rel struct{ id, typ, target string }

// readRels reads a relationships part; targets are made paths in the zip,
// relative to dir.
func readRels(files map[string]*zip.File, name, dir string) ([]rel, error) {
	var rs struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := decodePart(files, name, &rs); err != nil {
		return nil, err
	}
	out := make([]rel, 0, len(rs.Rels))
	for _, r := range rs.Rels {
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join(dir, t)
		}
		out = append(out, rel{r.ID, r.Type, t})
	}
	return out, nil
}

// maxPart bounds the parts read whole (the workbook, relationships and
// styles), against a zip bomb.
const maxPart = 32 << 20

func decodePart(files map[string]*zip.File, name string, v any) error {
	f := files[name]
	if f == nil {
		return inputError(ErrWorkbook, "workbook", "no part "+name)
	}
	rc, err := f.Open()
	if err != nil {
		return inputError(ErrWorkbook, "workbook", err.Error())
	}
	defer rc.Close()
	if err := xml.NewDecoder(io.LimitReader(rc, maxPart)).Decode(v); err != nil {
		return inputError(ErrWorkbook, "workbook", name+": "+err.Error())
	}
	return nil
}

// sst is the shared strings table, kept as one string and the end of
// each item in it: 4 bytes an item besides its text, for a table that
// holds every distinct text of the workbook.
type sst struct {
	all  string
	ends []uint32
}

func (t *sst) len() int { return len(t.ends) }

func (t *sst) get(i int) string {
	start := uint32(0)
	if i > 0 {
		start = t.ends[i-1]
	}
	return t.all[start:t.ends[i]]
}

// Bounds against a workbook made to exhaust memory: the shared strings
// table (its text and 4 bytes an item) and one cell's text. Excel itself
// holds at most 32,767 characters in a cell.
const (
	maxSST  = 1 << 30
	maxCell = 16 << 20
)

// readSharedStrings reads the shared strings table: the text of each <si>,
// its runs joined, without phonetic guides (<rPh>).
func readSharedStrings(f *zip.File) (sst, error) {
	rc, err := f.Open()
	if err != nil {
		return sst{}, inputError(ErrWorkbook, "workbook", err.Error())
	}
	defer rc.Close()
	dec := xml.NewDecoder(bufio.NewReaderSize(rc, 64<<10))
	var b strings.Builder
	var ends []uint32
	inSI, inT, inPh := false, false, 0
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			return sst{all: b.String(), ends: ends}, nil
		}
		if err != nil {
			return sst{}, inputError(ErrWorkbook, "workbook", "shared strings: "+err.Error())
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				inSI = true
			case "rPh":
				inPh++
			case "t":
				inT = inSI && inPh == 0
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "si":
				inSI = false
				ends = append(ends, uint32(b.Len()))
				if b.Len()+4*len(ends) > maxSST {
					return sst{}, inputError(ErrWorkbook, "workbook", "the shared strings table is over 1 GiB")
				}
			case "rPh":
				inPh--
			case "t":
				inT = false
			}
		case xml.CharData:
			if inT {
				if b.Len()+4*len(ends)+len(t) > maxSST {
					return sst{}, inputError(ErrWorkbook, "workbook", "the shared strings table is over 1 GiB")
				}
				b.Write(t)
			}
		}
	}
}

// readDateStyles tells, for each cell style (xf) of the workbook, whether
// its number format shows a date.
func readDateStyles(files map[string]*zip.File, name string) ([]bool, error) {
	var st struct {
		NumFmts []struct {
			ID   int    `xml:"numFmtId,attr"`
			Code string `xml:"formatCode,attr"`
		} `xml:"numFmts>numFmt"`
		XFs []struct {
			NumFmtID int `xml:"numFmtId,attr"`
		} `xml:"cellXfs>xf"`
	}
	if err := decodePart(files, name, &st); err != nil {
		return nil, err
	}
	custom := map[int]string{}
	for _, f := range st.NumFmts {
		custom[f.ID] = f.Code
	}
	out := make([]bool, len(st.XFs))
	for i, xf := range st.XFs {
		if code, ok := custom[xf.NumFmtID]; ok {
			out[i] = isDateFormat(code)
		} else {
			out[i] = builtinDate(xf.NumFmtID)
		}
	}
	return out, nil
}

// builtinDate reports whether a built-in number format (ECMA-376 Part 1,
// 18.8.30, and the East Asian ones Excel adds) shows a date.
func builtinDate(id int) bool {
	switch {
	case id >= 14 && id <= 17, id == 22:
		return true
	case id >= 27 && id <= 36, id >= 50 && id <= 58:
		return true // East Asian date formats (yyyy"年"m"月"d"日", …)
	}
	return false
}

// isDateFormat reports whether a custom number format code shows a date:
// it has y, d or (not as minutes) m outside quotes, escapes and brackets.
func isDateFormat(code string) bool {
	if i := strings.IndexByte(code, ';'); i >= 0 {
		code = code[:i]
	}
	inQuote, inBracket := false, false
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch {
		case inQuote:
			inQuote = c != '"'
		case inBracket:
			inBracket = c != ']'
		case c == '"':
			inQuote = true
		case c == '[':
			inBracket = true
		case c == '\\' || c == '_' || c == '*':
			i++
		case c == 'y' || c == 'Y' || c == 'd' || c == 'D' || c == 'e':
			return true
		case c == 'm' || c == 'M':
			// m next to h or s is minutes; otherwise months.
			prev := strings.TrimRight(strings.ToLower(code[:i]), ":[] ")
			if !strings.HasSuffix(prev, "h") && !strings.HasPrefix(strings.TrimLeft(strings.ToLower(code[i:]), "m:"), "s") {
				return true
			}
		}
	}
	return false
}

// readMerges reads the merged areas of a worksheet, which come after its
// rows: a first pass over the part's bytes, without parsing the rows.
func readMerges(f *zip.File) ([]merge, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, inputError(ErrWorkbook, "workbook", err.Error())
	}
	defer rc.Close()
	var out []merge
	const tag = "mergeCell "
	buf := make([]byte, 0, 128<<10)
	chunk := make([]byte, 64<<10)
	for {
		n, rerr := rc.Read(chunk)
		buf = append(buf, chunk[:n]...)
		for {
			i := bytes.Index(buf, []byte(tag))
			if i < 0 {
				break
			}
			j := bytes.IndexByte(buf[i:], '>')
			if j < 0 {
				break // the element goes on in the next chunk
			}
			el := buf[i : i+j]
			if k := bytes.Index(el, []byte(`ref="`)); k >= 0 {
				ref := el[k+5:]
				if e := bytes.IndexByte(ref, '"'); e >= 0 {
					if m, ok := parseRange(string(ref[:e])); ok {
						if len(out) >= maxMerges {
							return nil, inputError(ErrWorkbook, "workbook", fmt.Sprintf("more than %d merged areas", maxMerges))
						}
						out = append(out, m)
					}
				}
			}
			buf = buf[i+j:]
		}
		// Keep only what may begin an element cut by the chunk's end.
		if len(buf) > 256 {
			buf = append(buf[:0], buf[len(buf)-256:]...)
		}
		if rerr == io.EOF {
			break
		}
		if rerr != nil {
			return nil, inputError(ErrWorkbook, "workbook", rerr.Error())
		}
	}
	slices.SortFunc(out, func(a, b merge) int { return a.r0 - b.r0 })
	return out, nil
}

// parseRange parses "A1:C3" into a 0-based inclusive area.
func parseRange(s string) (merge, bool) {
	a, b, ok := strings.Cut(s, ":")
	if !ok {
		return merge{}, false
	}
	c0, r0, ok1 := parseRef(a)
	c1, r1, ok2 := parseRef(b)
	if !ok1 || !ok2 || r1 < r0 || c1 < c0 {
		return merge{}, false
	}
	return merge{r0: r0, c0: c0, r1: r1, c1: c1}, true
}

// maxCols is the number of columns of an Excel sheet (XFD).
const maxCols = 16384

// parseRef parses a cell reference ("B7") into its 0-based column and
// row.
func parseRef(s string) (col, row int, ok bool) {
	i := 0
	for i < len(s) && s[i] >= 'A' && s[i] <= 'Z' {
		col = col*26 + int(s[i]-'A'+1)
		i++
		if col > maxCols {
			return 0, 0, false
		}
	}
	if i == 0 || i == len(s) {
		return 0, 0, false
	}
	n, err := strconv.Atoi(s[i:])
	if err != nil || n < 1 || n > 1<<20 {
		return 0, 0, false
	}
	return col - 1, n - 1, true
}

// next returns the next row of the sheet; rows the sheet leaves out are
// given as rows without cells.
func (s *xlsxSource) next() (int, []cell, error) {
	if !s.hasPending {
		if s.done {
			return 0, nil, io.EOF
		}
		n, cells, err := s.readRow()
		if err != nil {
			return 0, nil, err
		}
		s.pending, s.pendRow, s.hasPending = cells, n, true
	}
	s.row++
	if s.row < s.pendRow {
		return s.row, s.fill(s.row-1, nil), nil
	}
	s.cells = s.fill(s.row-1, s.pending)
	s.pending, s.hasPending = nil, false
	return s.row, s.cells, nil
}

// fill gives the cells of merged areas that cover row r (0-based) the
// value of the area.
func (s *xlsxSource) fill(r int, cells []cell) []cell {
	for s.nextM < len(s.merges) && s.merges[s.nextM].r0 <= r {
		m := &s.merges[s.nextM]
		s.nextM++
		if m.r0 == r && m.c0 < len(cells) {
			m.val = cells[m.c0]
		}
		s.active = append(s.active, m)
	}
	keep := s.active[:0]
	for _, m := range s.active {
		if m.r1 < r {
			continue
		}
		keep = append(keep, m)
		if m.val.v == "" && m.val.kind == kindText {
			continue
		}
		for len(cells) <= m.c1 {
			cells = append(cells, cell{})
		}
		for c := m.c0; c <= m.c1; c++ {
			cells[c] = m.val
		}
	}
	s.active = keep
	return cells
}

// readRow parses the next <row> element.
func (s *xlsxSource) readRow() (int, []cell, error) {
	cells := s.cells[:0]
	rowNum := 0
	inRow := false
	col := -1
	var typ, val string
	var style int
	var inV, inIS, inT bool
	var vb, tb strings.Builder
	phonetic := 0
	for {
		tok, err := s.dec.RawToken()
		if err == io.EOF {
			s.done = true
			if inRow {
				return 0, nil, inputError(ErrWorkbook, "workbook", "the sheet ends inside a row")
			}
			return 0, nil, io.EOF
		}
		if err != nil {
			return 0, nil, inputError(ErrWorkbook, "workbook", err.Error())
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "row":
				inRow = true
				rowNum = s.row + 1
				for _, a := range t.Attr {
					if a.Name.Local == "r" {
						if n, err := strconv.Atoi(a.Value); err == nil && n > 0 && n <= 1<<20 {
							rowNum = n
						}
					}
				}
				if rowNum <= s.row {
					return 0, nil, inputError(ErrWorkbook, "workbook", fmt.Sprintf("row %d comes after row %d", rowNum, s.row))
				}
			case "c":
				if !inRow {
					continue
				}
				typ, style = "", 0
				next := len(cells)
				for _, a := range t.Attr {
					switch a.Name.Local {
					case "r":
						if c, _, ok := parseRef(a.Value); ok {
							next = c
						}
					case "t":
						typ = a.Value
					case "s":
						style, _ = strconv.Atoi(a.Value)
					}
				}
				if next < len(cells) {
					return 0, nil, inputError(ErrWorkbook, "workbook", fmt.Sprintf("cells out of order in row %d", rowNum))
				}
				if next >= maxCols {
					return 0, nil, inputError(ErrWorkbook, "workbook", fmt.Sprintf("a cell beyond column %d", maxCols))
				}
				col = next
				vb.Reset()
				tb.Reset()
			case "v":
				inV = col >= 0
			case "is":
				inIS = col >= 0
			case "rPh":
				phonetic++
			case "t":
				inT = inIS && phonetic == 0
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "v":
				inV = false
			case "is":
				inIS = false
			case "rPh":
				phonetic--
			case "t":
				inT = false
			case "c":
				if col < 0 {
					continue
				}
				val = vb.String()
				if typ == "inlineStr" {
					val = tb.String()
				}
				c := s.cellOf(typ, val, style)
				for len(cells) < col {
					cells = append(cells, cell{})
				}
				cells = append(cells, c)
				col = -1
			case "row":
				return rowNum, cells, nil
			case "sheetData":
				s.done = true
				return 0, nil, io.EOF
			}
		case xml.CharData:
			if vb.Len()+tb.Len()+len(t) > maxCell {
				return 0, nil, inputError(ErrWorkbook, "workbook", fmt.Sprintf("a cell of row %d is over 16 MiB", rowNum))
			}
			switch {
			case inV:
				vb.Write(t)
			case inT:
				tb.Write(t)
			}
		}
	}
}

// cellOf reads a cell's value as Excel shows it, within what the adapters
// accept (see the package documentation).
func (s *xlsxSource) cellOf(typ, v string, style int) cell {
	switch typ {
	case "s":
		i, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || i < 0 || i >= s.strings.len() {
			return cell{v: v, kind: kindFormulaError}
		}
		return cell{v: s.strings.get(i)}
	case "str", "inlineStr":
		return cell{v: v}
	case "b":
		if v == "1" {
			return cell{v: "TRUE"}
		}
		return cell{v: "FALSE"}
	case "e":
		return cell{v: v, kind: kindFormulaError}
	case "d":
		// An ISO 8601 date (strict OOXML).
		if t, err := time.Parse("2006-01-02T15:04:05", v); err == nil {
			return cell{v: dateText(t)}
		}
		if len(v) >= 10 {
			return cell{v: v[:10]}
		}
		return cell{v: v}
	}
	v = strings.TrimSpace(v)
	if v == "" {
		return cell{}
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return cell{v: v}
	}
	if style >= 0 && style < len(s.dateXF) && s.dateXF[style] {
		return cell{v: s.serialDate(f)}
	}
	if math.Abs(f) >= 1e15 {
		// More digits than Excel keeps: a code typed as a number.
		return cell{v: strconv.FormatFloat(f, 'G', 15, 64), kind: kindLostDigits}
	}
	// Excel shows at most 15 significant digits.
	g, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'g', 15, 64), 64)
	return cell{v: strconv.FormatFloat(g, 'f', -1, 64)}
}

// serialDate turns an Excel date serial number into YYYY-MM-DD (with the
// time when it is not midnight).
func (s *xlsxSource) serialDate(f float64) string {
	base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC) // 1900 system, past its 29 Feb 1900
	if s.date1904 {
		base = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	if f < 0 || f > 2958465 { // 9999-12-31
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	days := math.Floor(f)
	secs := math.Round((f - days) * 86400)
	t := base.AddDate(0, 0, int(days)).Add(time.Duration(secs) * time.Second)
	return dateText(t)
}

func dateText(t time.Time) string {
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
		return t.Format(time.DateOnly)
	}
	return t.Format(time.DateTime)
}

package sheet

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/recognition"
	"github.com/jxgreen/jxgreen/recognition/internal/jsonscan"
)

func init() {
	i18n.Table("sheet.row.", [][3]string{
		{"lost-digits", "第 %s 列“%s”的值 %s 是 Excel 当作数值保存的长数字，只保留了 15 位有效数字，其余数字已丢失：请把该列设为文本格式，重新录入或导出",
			"column %s (\"%s\") holds %s, a long number that Excel stored as a number with only 15 significant digits: the other digits are lost; format the column as text and enter or export it again"},
		{"encoding", "第 %s 列“%s”第 %d 字节起不是 UTF-8 编码", "column %s (\"%s\") is not UTF-8 from byte %d"},
		{"csv-syntax", "第 %s 行不是有效的 CSV：%s", "line %s is not valid CSV: %s"},
		{"formula-error", "第 %s 列“%s”是公式错误 %s", "column %s (\"%s\") holds the formula error %s"},
		{"extra-cell", "第 %s 列没有表头，却有内容 %q", "column %s has no header but holds %q"},
		{"not-field", "第 %s 列“%s”不是方案 %s 的字段，本行却填了 %q", "column %s (\"%s\") is not a field of scheme %s, but this row holds %q in it"},
		{"missing-column", "表中缺少方案 %s 的必填列：%s", "the table lacks required columns of scheme %s: %s"},
		{"not-flat", "方案 %s 的记录不是平面表格（字段 %q 是嵌套对象），不能从表格读取", "the records of scheme %s are not flat (the field %q is an object), so they cannot be read from a table"},
	})
}

// rowError is why a row could not become a record: it becomes an error
// row, of the kind the summary counts.
type rowError struct {
	kind   string
	args   []any
	scheme string // the row's scheme id, when it is known
}

func (e *rowError) message(tag language.Tag) string {
	return i18n.Sprintf(tag, "sheet.row."+e.kind, e.args...)
}

// mapper turns rows into the Checker's input lines.
type mapper struct {
	header    []string
	schemeCol int
	fixed     string // the scheme for rows that name none
	plans     map[string]*plan
	last      string // the scheme of the last row, and its plan
	lastPlan  *plan
}

// plan says how the columns of the header become one scheme's record.
type plan struct {
	id      string
	name    string // the scheme's Chinese name, for messages
	cols    []prop // by column of the header
	missing []string
	nested  string
}

// maxPlans bounds the plans kept, by scheme as written, so that hostile
// input cannot grow the cache.
const maxPlans = 256

func newMapper(header []cell, fixed string) (*mapper, error) {
	m := &mapper{schemeCol: -1, fixed: strings.TrimSpace(fixed), plans: map[string]*plan{}}
	seen := map[string]int{}
	empty := true
	for i, c := range header {
		name := cleanHeader(c.v)
		m.header = append(m.header, name)
		if name == "" {
			continue
		}
		empty = false
		if j, dup := seen[name]; dup {
			return nil, &InputError{Column: name, ColumnRef: colRef(i), Row: 1, Err: ErrHeader,
				key: "header.duplicate", args: []any{name, colRef(j), colRef(i)}}
		}
		seen[name] = i
		if m.schemeCol < 0 && isSchemeColumn(name) {
			m.schemeCol = i
		}
	}
	if empty {
		return nil, inputError(ErrHeader, "header.empty")
	}
	if m.fixed == "" && m.schemeCol < 0 {
		return nil, inputError(ErrNoScheme, "")
	}
	if m.fixed != "" {
		a, ok := recognition.Lookup(m.fixed)
		if !ok {
			return nil, inputError(ErrScheme, "scheme.unknown", m.fixed)
		}
		p := m.plan(m.fixed)
		if p.nested != "" {
			return nil, inputError(ErrScheme, "scheme.nested", a.Brand().Name, p.nested)
		}
		if m.schemeCol < 0 {
			for i, name := range m.header {
				if name != "" && p.cols[i].kind == notField {
					return nil, &InputError{Column: name, ColumnRef: colRef(i), Row: 1, Err: ErrHeader,
						key: "header.unknown", args: []any{colRef(i), name, p.name}}
				}
			}
			if len(p.missing) > 0 {
				return nil, &InputError{Column: p.missing[0], Row: 1, Err: ErrHeader,
					key: "header.missing", args: []any{p.missing[0], p.name}}
			}
		}
	}
	if m.schemeCol >= 0 {
		// Each column must be a field of some scheme.
		known := map[string]bool{}
		for _, a := range recognition.Adapters() {
			for name := range fieldsOf(a).props {
				known[name] = true
			}
		}
		for i, name := range m.header {
			if name != "" && i != m.schemeCol && !known[name] {
				return nil, &InputError{Column: name, ColumnRef: colRef(i), Row: 1, Err: ErrHeader,
					key: "header.unknown", args: []any{colRef(i), name, i18nText("sheet.header.unknown-any")}}
			}
		}
	}
	return m, nil
}

// i18nText is a message key given as an argument: it renders in the
// language of the message.
type i18nText string

func (t i18nText) Localize(tag language.Tag) string { return i18n.Sprintf(tag, string(t)) }

// plan returns the plan for a scheme as written, or nil when no adapter
// knows it.
func (m *mapper) plan(scheme string) *plan {
	if m.lastPlan != nil && scheme == m.last {
		return m.lastPlan
	}
	if p, ok := m.plans[scheme]; ok {
		m.last, m.lastPlan = scheme, p
		return p
	}
	a, ok := recognition.Lookup(scheme)
	var p *plan
	if ok {
		f := fieldsOf(a)
		p = &plan{id: string(f.id), name: a.Brand().Name, cols: make([]prop, len(m.header)), nested: f.nested}
		have := map[string]bool{}
		for i, name := range m.header {
			p.cols[i] = f.props[name]
			have[name] = true
		}
		for _, r := range f.required {
			if !have[r] {
				p.missing = append(p.missing, r)
			}
		}
	}
	if len(m.plans) < maxPlans {
		m.plans[scheme] = p
	}
	return p
}

// line appends the Checker's input line for a row. A blank row is a blank
// line; a row that cannot become a record gives a blank line too (so that
// the Checker's lines stay one per row) and its error.
func (m *mapper) line(dst []byte, cells []cell) ([]byte, *rowError) {
	if n := len(cells); n > 0 && cells[n-1].kind == kindSyntax {
		line, why, _ := strings.Cut(cells[n-1].v, "\x00")
		return append(dst, '\n'), &rowError{"csv-syntax", []any{line, why}, ""}
	}
	if blank(cells) {
		return append(dst, '\n'), nil
	}
	for i, c := range cells {
		if !utf8.ValidString(c.v) {
			name := ""
			if i < len(m.header) {
				name = m.header[i]
			}
			return append(dst, '\n'), &rowError{"encoding", []any{colRef(i), name, firstBad(c.v) + 1}, ""}
		}
	}
	scheme := m.fixed
	if m.schemeCol >= 0 && m.schemeCol < len(cells) {
		if s := strings.TrimSpace(cells[m.schemeCol].v); s != "" {
			scheme = s
		}
	}
	if scheme == "" {
		// The Checker says the line names no scheme.
		return append(dst, "{\"record\":{}}\n"...), nil
	}
	p := m.plan(scheme)
	if p == nil {
		dst = append(dst, `{"scheme":`...)
		dst = jsonscan.AppendString(dst, scheme)
		return append(dst, ",\"record\":{}}\n"...), nil
	}
	if p.nested != "" {
		return append(dst, '\n'), &rowError{"not-flat", []any{p.name, p.nested}, p.id}
	}
	for i, c := range cells {
		if i == m.schemeCol || (c.v == "" && c.kind == kindText) {
			continue
		}
		switch {
		case i >= len(m.header) || m.header[i] == "":
			return append(dst, '\n'), &rowError{"extra-cell", []any{colRef(i), clip(c.v)}, p.id}
		case p.cols[i].kind == notField:
			return append(dst, '\n'), &rowError{"not-field", []any{colRef(i), m.header[i], p.name, clip(c.v)}, p.id}
		case c.kind == kindLostDigits:
			return append(dst, '\n'), &rowError{"lost-digits", []any{colRef(i), m.header[i], c.v}, p.id}
		case c.kind == kindFormulaError:
			return append(dst, '\n'), &rowError{"formula-error", []any{colRef(i), m.header[i], clip(c.v)}, p.id}
		}
	}
	if len(p.missing) > 0 {
		return append(dst, '\n'), &rowError{"missing-column", []any{p.name, strings.Join(p.missing, "、")}, p.id}
	}
	dst = append(dst, `{"scheme":`...)
	dst = jsonscan.AppendString(dst, p.id)
	dst = append(dst, `,"record":{`...)
	first := true
	for i, c := range cells {
		if i == m.schemeCol || c.v == "" {
			continue
		}
		if !first {
			dst = append(dst, ',')
		}
		first = false
		dst = jsonscan.AppendString(dst, m.header[i])
		dst = append(dst, ':')
		dst = appendValue(dst, p.cols[i], c.v)
	}
	return append(dst, "}}\n"...), nil
}

// appendValue appends a cell as the JSON value of a property.
func appendValue(dst []byte, p prop, v string) []byte {
	switch p.kind {
	case asArray:
		dst = append(dst, '[')
		n := 0
		for item := range strings.FieldsFuncSeq(v, isListSeparator) {
			item = strings.TrimSpace(item)
			if item == "" {
				continue
			}
			if n > 0 {
				dst = append(dst, ',')
			}
			n++
			dst = jsonscan.AppendString(dst, item)
		}
		return append(dst, ']')
	case asNumber:
		if isJSONNumber(v) {
			return append(dst, v...)
		}
	case asBool:
		switch strings.ToLower(strings.TrimSpace(v)) {
		case "true", "是", "1":
			return append(dst, "true"...)
		case "false", "否", "0":
			return append(dst, "false"...)
		}
	}
	if p.date {
		v = normDate(v)
	}
	return jsonscan.AppendString(dst, v)
}

// isListSeparator reports whether r separates the items of a list in a
// cell: 、，,；; and line breaks.
func isListSeparator(r rune) bool {
	switch r {
	case '、', '，', ',', '；', ';', '\n', '\r':
		return true
	}
	return false
}

func isJSONNumber(v string) bool {
	if v == "" {
		return false
	}
	_, err := strconv.ParseFloat(v, 64)
	return err == nil && !strings.ContainsAny(v, "xXpP_iInN") && v[0] != '+' && v[0] != '.'
}

// normDate writes a text date as YYYY-MM-DD when it is one of the forms
// Chinese Excel writes (2026/3/1, 2026-3-1, 2026.3.1, 2026年3月1日, with
// at most a midnight time), and a real day; otherwise it leaves it as it
// is.
func normDate(v string) string {
	if isISODate(v) {
		return v
	}
	s := strings.TrimSpace(v)
	if d, t, ok := strings.Cut(s, " "); ok {
		switch strings.TrimSpace(t) {
		case "0:00", "00:00", "0:00:00", "00:00:00":
			s = d
		default:
			return v
		}
	}
	s = strings.TrimSuffix(s, "日")
	var parts [3]int
	n := 0
	num := -1
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r >= '0' && r <= '9':
			if num < 0 {
				num = 0
			}
			num = num*10 + int(r-'0')
			if num > 9999 {
				return v
			}
		case r == '/' || r == '-' || r == '.' || r == '年' || r == '月':
			if num < 0 || n >= 2 {
				return v
			}
			parts[n], num = num, -1
			n++
		default:
			return v
		}
	}
	if n != 2 || num < 0 {
		return v
	}
	parts[2] = num
	y, mo, d := parts[0], parts[1], parts[2]
	if y < 1000 || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) {
		return v
	}
	b := make([]byte, 0, 10)
	b = strconv.AppendInt(b, int64(y), 10)
	b = append(b, '-', byte('0'+mo/10), byte('0'+mo%10), '-', byte('0'+d/10), byte('0'+d%10))
	return string(b)
}

// isISODate reports whether v has the form YYYY-MM-DD (the day is for
// the schema to judge).
func isISODate(v string) bool {
	if len(v) != 10 || v[4] != '-' || v[7] != '-' {
		return false
	}
	for i := range 10 {
		if i != 4 && i != 7 && (v[i] < '0' || v[i] > '9') {
			return false
		}
	}
	return true
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// firstBad returns the offset of the first byte of s that is not UTF-8.
func firstBad(s string) int {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, n := utf8.DecodeRuneInString(s[i:]); n <= 1 {
				return i
			}
		}
	}
	return -1
}

// clip shortens a value quoted in a message to 40 characters.
func clip(s string) string {
	if utf8.RuneCountInString(s) <= 40 {
		return s
	}
	n := 0
	for i := range s {
		if n == 39 {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

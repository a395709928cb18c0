package recognition

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/brand/jsonpointer"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/certification/creditcode"
	"github.com/jxgreen/jxgreen/recognition/internal/fastpath"
	"github.com/jxgreen/jxgreen/recognition/internal/schema"
	"github.com/jxgreen/jxgreen/standard"
)

// Format describes a partner scheme's native record when it is one flat
// JSON object, as the Chinese schemes publish their certificate and
// evaluation lists: each field of [Record] under the key the scheme uses.
// From a Format come both the JSON Schema of the native record
// ([Format.JSONSchema]) and its decoding and encoding, so the two cannot
// drift apart.
type Format struct {
	Scheme brand.ID
	// Keys of the native record. Approval and Mode are "" for schemes that
	// evaluate rather than certify; Attributes and Note are optional.
	Number, HolderName, HolderCode, Product, Standards, Body, Approval, Mode string
	Issued, Expires, Status, Attributes, Note                                string
	// Statuses maps the scheme's status words to statuses; the first word
	// of each status is the one Encode writes.
	Statuses []StatusWord
	// Certifies says whether the scheme's bodies are certification bodies.
	Certifies bool
	// Title and Description go into the generated schema.
	Title, Description string
}

func init() {
	i18n.Table("recognition.fault.", [][3]string{
		{"validity", "有效期截止日 %s 早于发证日期 %s", "validity ends (%s) before the issue date (%s)"},
		{"date", "不是日期：%q", "not a date: %q"},
	})
}

// commonStatuses is the table of CommonStatuses.
var commonStatuses = func() []StatusWord {
	// The words Encode writes are the statuses' own Chinese names, whose
	// home is certification.Status; then the other spellings of real lists.
	var words []StatusWord
	for _, s := range []certification.Status{certification.Valid, certification.Suspended, certification.Revoked, certification.Cancelled, certification.Expired} {
		words = append(words, StatusWord{s.Localize(i18n.Chinese()), s})
	}
	return append(words, []StatusWord{
		{"正常", certification.Valid},
		{"有效期内", certification.Valid},
		{"撤消", certification.Revoked},
		{"已撤销", certification.Revoked},
		{"已撤消", certification.Revoked},
		{"已注销", certification.Cancelled},
		{"已暂停", certification.Suspended},
		{"已过期", certification.Expired},
		{"过期失效", certification.Expired},
		{"失效", certification.Expired},
	}...)
}()

// CommonStatuses returns the status words of Chinese certificate lists, the
// one table of them that the flat adapters, their fast path and their
// generated JSON Schemas read (a copy: changing it changes no adapter): 有效,
// 暂停, 撤销, 注销, 过期 (the words Encode writes), and the other ways
// real lists write them: 正常 and 有效期内 for valid; 撤消 (the older
// spelling of 撤销), 已撤销 and 已撤消; 已注销; 已暂停; 已过期, 过期失效
// (the CNCA information platform's word) and 失效 (a certificate no longer
// in force, which the lists use for one that lapsed). A word not in a
// scheme's list is not an error: the record's status is unknown, and it is
// never recognised.
func CommonStatuses() []StatusWord { return slices.Clone(commonStatuses) }

// StatusWord is one way a scheme writes a status.
type StatusWord struct {
	Word   string
	Status certification.Status
}

// JSONSchema returns the draft 2020-12 JSON Schema of the native record.
func (f Format) JSONSchema() []byte {
	text := func(desc string) map[string]any {
		return map[string]any{"type": "string", "minLength": 1, "maxLength": fastpath.MaxText, "description": desc}
	}
	date := func(desc string) map[string]any {
		return map[string]any{"type": "string", "format": "date", "pattern": `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`, "description": desc}
	}
	props := map[string]any{
		f.Number:     text("certificate or evaluation number"),
		f.HolderName: text("holder's name"),
		f.HolderCode: map[string]any{"type": "string", "pattern": fastpath.CreditPattern(), "description": "holder's unified social credit code (GB 32100-2015)"},
		f.Product:    text("product or service"),
		f.Standards: map[string]any{"type": "array", "minItems": 1, "maxItems": fastpath.MaxStandards, "description": "standards the product meets",
			"items": map[string]any{"type": "string", "minLength": 2, "maxLength": fastpath.MaxStdLen}},
		f.Body:    text("certification or evaluation body"),
		f.Issued:  date("issue date, China time"),
		f.Expires: date("last day of validity, China time"),
		f.Status: map[string]any{"type": "string", "minLength": 1, "maxLength": fastpath.MaxStatus,
			"examples": f.statusWords(), "description": "status, in the scheme's words; a word the scheme is not known to use gives a record whose status is unknown"},
	}
	required := []string{f.Number, f.HolderName, f.HolderCode, f.Product, f.Standards, f.Body, f.Issued, f.Expires, f.Status}
	if f.Approval != "" {
		props[f.Approval] = map[string]any{"type": "string", "pattern": certification.ApprovalPattern, "description": "CNCA approval number of the body"}
	}
	if f.Mode != "" {
		props[f.Mode] = map[string]any{"enum": fastpath.ModeCodes(), "description": "ISO/IEC 17067 scheme type"}
		required = append(required, f.Mode)
	}
	if f.Attributes != "" {
		var names []string
		for _, a := range brand.Attributes() {
			names = append(names, a.Localize(i18n.Chinese()))
		}
		props[f.Attributes] = map[string]any{"type": "array", "maxItems": len(names), "uniqueItems": true,
			"items": map[string]any{"type": "string", "minLength": 1, "maxLength": fastpath.MaxAttributeName, "examples": names,
				"description": "a brand attribute, in any spelling of the brand package (canonical names, the older names 生态协调 and 质量领先, English names, codes); an unknown name is a value error"},
			"description": "brand attributes claimed"}
	}
	if f.Note != "" {
		props[f.Note] = map[string]any{"type": "string", "maxLength": fastpath.MaxText, "description": "remarks"}
	}
	slices.Sort(required)
	s := map[string]any{
		"$schema":              "https://json-schema.org/draft/2020-12/schema",
		"$id":                  "https://jxgreen.example/schema/" + string(f.Scheme) + ".json",
		"title":                f.Title,
		"description":          f.Description,
		"type":                 "object",
		"properties":           props,
		"required":             required,
		"additionalProperties": false,
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	_ = enc.Encode(s) // maps of strings and numbers always encode
	return b.Bytes()
}

func (f Format) statusWords() []string {
	var out []string
	for _, w := range f.Statuses {
		out = append(out, w.Word)
	}
	return out
}

// statusOf returns the status a word names in the scheme, ignoring spaces
// around it; 0 when the scheme does not use the word.
func (f *Format) statusOf(word string) certification.Status {
	word = trimSpace(word)
	for _, w := range f.Statuses {
		if w.Word == word {
			return w.Status
		}
	}
	return 0
}

// trimSpace is strings.TrimFunc(s, unicode.IsSpace), its common case (a
// word that neither begins nor ends with white space) answered by its
// first and last runes alone. FuzzTrimSpaceAgreesWithStrings holds the two
// equal.
func trimSpace(s string) string {
	if s == "" {
		return s
	}
	if first, _ := utf8.DecodeRuneInString(s); !isSpace(first) {
		if last, _ := utf8.DecodeLastRuneInString(s); !isSpace(last) {
			return s
		}
	}
	return strings.TrimFunc(s, unicode.IsSpace)
}

// isSpace is unicode.IsSpace, which no rune above U+3000 (the ideographic
// space) is: the Chinese characters of a status word are answered without
// searching the table. TestIsSpaceIsUnicodeIsSpace holds the two equal
// over every rune.
func isSpace(r rune) bool { return r <= '\u3000' && unicode.IsSpace(r) }

func (f Format) word(s certification.Status) (string, bool) {
	for _, w := range f.Statuses {
		if w.Status == s {
			return w.Word, true
		}
	}
	return "", false
}

// FlatAdapter is an [Adapter] for a scheme whose native record a [Format]
// describes. Adapter packages make one with [NewFlatAdapter] and register
// it; the zero value is not usable. Like a database/sql driver it is
// immutable once made: its accessors hand out copies.
type FlatAdapter struct {
	format    Format
	scheme    brand.Brand
	terms     Agreement
	schema    *schema.Schema
	rawSchema []byte
	base      *FlatAdapter // the adapter of the format, for records of another scheme in it ([Lookup])
}

// NewFlatAdapter validates the format ([Format.Validate]), compiles the
// embedded schema and returns the adapter, which keeps copies of its
// arguments. The embedded file is the published contract; it must equal
// f.JSONSchema(), which package adaptertest checks (and regenerates with
// JXGREEN_UPDATE_GOLDEN=1). It panics, with the [*FormatError], when the
// format is not valid, and when the schema does not compile: programming
// errors found at start-up, before any record is read.
func NewFlatAdapter(f Format, b brand.Brand, terms Agreement, embedded []byte) *FlatAdapter {
	if err := f.Validate(); err != nil {
		panic(err)
	}
	return &FlatAdapter{format: f.clone(), scheme: b.Clone(), terms: terms.clone(),
		schema: schema.MustCompile(string(f.Scheme), embedded), rawSchema: bytes.Clone(embedded)}
}

// Format returns (a copy of) the format of the scheme's native record.
func (a *FlatAdapter) Format() Format { return a.format.clone() }

func (f Format) clone() Format {
	f.Statuses = slices.Clone(f.Statuses)
	return f
}

// Brand describes the scheme.
func (a *FlatAdapter) Brand() brand.Brand { return a.scheme.Clone() }

// Schema returns the JSON Schema of the native record.
func (a *FlatAdapter) Schema() []byte { return bytes.Clone(a.rawSchema) }

// Agreement returns the default terms on which 江西绿色生态 recognises the
// scheme.
func (a *FlatAdapter) Agreement() Agreement { return a.terms.clone() }

// Decode validates native against the scheme's schema, then maps it. A
// value that the schema admits but that is wrong all the same (a credit
// code with a wrong check character, a standard number that does not
// parse, an expiry before the issue date) is a [*DecodeError] with rule
// "value" and the JSON pointer of the field.
//
// Records of the common shape take a fast path that applies the schema's
// rules directly; anything else is validated by the compiled schema, which
// also words the errors. Both give the same result ([FlatAdapter.DecodeBySchema]
// is the slow path alone).
func (a *FlatAdapter) Decode(native []byte) (Record, error) {
	return a.decode(native, false)
}

// decode is Decode for an input known to be valid UTF-8 when valid is
// true: the batch checks each line once, and the fast path need not check
// its strings again.
func (a *FlatAdapter) decode(native []byte, valid bool) (Record, error) {
	if r, decided, err := a.format.decodeFastValid(native, valid); decided {
		if err != nil {
			return Record{}, err
		}
		return r, nil
	}
	return a.DecodeBySchema(native)
}

// DecodeBySchema is Decode without the fast path: the input is validated
// by the compiled JSON Schema, then mapped.
func (a *FlatAdapter) DecodeBySchema(native []byte) (Record, error) {
	v, err := a.schema.Parse(native)
	if err != nil {
		return Record{}, err
	}
	if err := a.schema.ValidateValue(v); err != nil {
		return Record{}, err
	}
	m, _ := v.(map[string]any) // the schema requires an object
	return a.format.fromMap(m)
}

func (f Format) fromMap(m map[string]any) (Record, error) {
	str := func(k string) string { s, _ := m[k].(string); return s }
	var strs []string
	if list, ok := m[f.Standards].([]any); ok {
		for _, x := range list {
			s, _ := x.(string)
			strs = append(strs, s)
		}
	}
	var attrs []string
	if f.Attributes != "" {
		if list, ok := m[f.Attributes].([]any); ok {
			for _, x := range list {
				s, _ := x.(string)
				attrs = append(attrs, s)
			}
		}
	}
	return f.build(&nativeFields{
		number: str(f.Number), holderName: str(f.HolderName), holderCode: str(f.HolderCode), product: str(f.Product),
		standards: strs, body: str(f.Body), approval: str(f.Approval), mode: str(f.Mode),
		issued: str(f.Issued), expires: str(f.Expires), status: str(f.Status), attributes: attrs,
	})
}

// nativeFields are the values of a native record, after the schema
// admitted it.
type nativeFields struct {
	number, holderName, holderCode, product, body, approval, mode string
	issued, expires, status                                       string
	standards, attributes                                         []string
}

func ptr(key string) string { return "/" + jsonpointer.Escape(key) }

// build maps admitted native values to a record, checking what the schema
// cannot.
func (f *Format) build(n *nativeFields) (Record, error) {
	scheme := string(f.Scheme)
	code, err := creditcode.Parse(n.holderCode)
	if err != nil {
		return Record{}, schema.ValueError(scheme, ptr(f.HolderCode), err)
	}
	r := Record{
		Scheme:  f.Scheme,
		Number:  n.number,
		Holder:  certification.Holder{Name: n.holderName, Code: code},
		Product: n.product,
		Body:    certification.Body{Name: n.body, Approval: n.approval, Certifies: f.Certifies},
	}
	if f.Certifies {
		r.Body.Alliance = f.Scheme
	}
	r.Standards = make([]standard.Number, len(n.standards))
	for i, s := range n.standards {
		if r.Standards[i], err = standard.Parse(s); err != nil {
			return Record{}, schema.ValueError(scheme, ptr(f.Standards)+"/"+fmt.Sprint(i), err)
		}
	}
	if f.Mode != "" {
		if r.Mode, err = certification.ParseMode(n.mode); err != nil {
			return Record{}, schema.ValueError(scheme, ptr(f.Mode), err)
		}
	}
	issued, ok := dayNumber(n.issued)
	if !ok {
		return Record{}, schema.ValueError(scheme, ptr(f.Issued), schema.NewFault("recognition.fault.date", n.issued))
	}
	last, ok := dayNumber(n.expires)
	if !ok {
		return Record{}, schema.ValueError(scheme, ptr(f.Expires), schema.NewFault("recognition.fault.date", n.expires))
	}
	// "有效期至" names the last valid day; Expires is the first instant
	// after: midnight of the next day.
	r.Issued, r.Expires = chinaMidnight(issued), chinaMidnight(last+1)
	if !r.Expires.After(r.Issued) {
		return Record{}, schema.ValueError(scheme, ptr(f.Expires), schema.NewFault("recognition.fault.validity", n.expires, n.issued))
	}
	if r.Status = f.statusOf(n.status); r.Status == 0 {
		r.StatusText = n.status // decided as status unknown, not refused
	}
	if len(n.attributes) > 0 {
		r.Attributes = make([]brand.Attribute, len(n.attributes))
		for i, s := range n.attributes {
			if r.Attributes[i], err = brand.ParseAttribute(s); err != nil {
				return Record{}, schema.ValueError(scheme, ptr(f.Attributes)+"/"+fmt.Sprint(i), err)
			}
		}
	}
	return r, nil
}

// wholeDays returns the first and the last day, as midnight China time,
// on which a validity from issued until expires holds all day: the dates a
// list prints as 发证日期 and 有效期至, read as from the start of the one
// and through the end of the other. A validity that starts or ends within
// a day (a certificate decided at 10:00 expires at 10:00) is written
// without that part day, so that the record read back is never valid
// where the certificate is not; at midnight, the last day is
// [certification.LastValidDay].
func wholeDays(issued, expires time.Time) (first, last time.Time) {
	midnight := func(t time.Time) time.Time {
		t = t.In(brand.ChinaTime())
		return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, brand.ChinaTime())
	}
	first = midnight(issued)
	if first.Before(issued) {
		first = first.AddDate(0, 0, 1)
	}
	return first, midnight(expires).AddDate(0, 0, -1)
}

// parseDate reads YYYY-MM-DD as a date in China time: what
// time.ParseInLocation(time.DateOnly, s, brand.ChinaTime()) reads, to the
// same time.Time (FuzzParseDateAgreesWithTime holds them equal), without
// its general layout machinery, which is a tenth of a flat record's build.
func parseDate(s string) (time.Time, error) {
	days, ok := dayNumber(s)
	if !ok {
		return time.Time{}, schema.NewFault("recognition.fault.date", s)
	}
	return chinaMidnight(days), nil
}

// dayNumber reads YYYY-MM-DD as dateParts does and returns the number of
// the day: days since 1970-01-01 in the proleptic Gregorian calendar.
func dayNumber(s string) (int64, bool) {
	y, m, d, ok := dateParts(s)
	if !ok {
		return 0, false
	}
	return daysFromCivil(int64(y), int64(m), int64(d)), true
}

// daysFromCivil returns the number of the day d of month m of year y: days
// since 1970-01-01 (H. Hinnant, "chrono-Compatible Low-Level Date
// Algorithms", days_from_civil).
func daysFromCivil(y, m, d int64) int64 {
	if m <= 2 {
		y--
	}
	era := y
	if era < 0 {
		era -= 399
	}
	era /= 400
	yoe := y - era*400
	mp := (m + 9) % 12 // March is 0
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// chinaOffset is the offset of China time from UTC, in seconds: China has
// kept one offset, without summer time, since 1991, and brand.ChinaTime
// is that fixed zone.
var chinaOffset = func() int64 {
	_, off := time.Unix(0, 0).In(brand.ChinaTime()).Zone()
	return int64(off)
}()

// chinaMidnight returns midnight China time at the start of the day
// numbered days (see dayNumber): the time.Time that
// time.Date(y, m, d, 0, 0, 0, 0, brand.ChinaTime()) returns for it, ==
// included, without time.Date's work of normalising and of looking up the
// zone's offset.
func chinaMidnight(days int64) time.Time {
	return time.Unix(days*86400-chinaOffset, 0).In(brand.ChinaTime())
}

// dateParts splits YYYY-MM-DD (ASCII digits, each part of fixed width)
// into a year, a month and a day that exists in that month of that year.
func dateParts(s string) (y int, m time.Month, d int, ok bool) {
	if len(s) != len(time.DateOnly) || s[4] != '-' || s[7] != '-' {
		return 0, 0, 0, false
	}
	for _, i := range [...]int{0, 1, 2, 3, 5, 6, 8, 9} {
		if s[i] < '0' || s[i] > '9' {
			return 0, 0, 0, false
		}
	}
	digit := func(i int) int { return int(s[i] - '0') }
	y = digit(0)*1000 + digit(1)*100 + digit(2)*10 + digit(3)
	m = time.Month(digit(5)*10 + digit(6))
	d = digit(8)*10 + digit(9)
	if m < time.January || m > time.December || d < 1 || d > daysIn(m, y) {
		return 0, 0, 0, false
	}
	return y, m, d, true
}

// daysIn returns the number of days of month m of year y, in the
// proleptic Gregorian calendar that package time uses.
func daysIn(m time.Month, y int) int {
	switch m {
	case time.February:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// Encode writes r in the scheme's native format. Dates are written as
// China-time dates: the first and the last whole day of validity, so that
// a validity that starts or ends within a day loses that part day rather
// than gaining the rest of it (a list reads 有效期至 as through the end of
// the day); a record whose fields the format cannot hold, or that is not
// valid for one whole day, is refused with an [*EncodeError]
// (errors.Is(err, ErrEncode)).
func (a *FlatAdapter) Encode(r Record) ([]byte, error) { return a.encode(r, "") }

// EncodeError reports a record that a scheme's native format cannot hold,
// and why. It unwraps to [ErrEncode].
type EncodeError struct {
	Scheme brand.ID // the scheme whose format was asked for
	Number string   // the record's number
	// Problem says what the format cannot hold: "status" (the status has
	// no word in the scheme), "mode-unrecorded", "no-mode",
	// "approval-unrecorded", "standards", "dates", "attributes-unrecorded",
	// "too-long" (Field too long), "schema" (the result breaks the
	// scheme's schema: Err says how).
	Problem string
	Field   string // the native key at fault, for "too-long"
	Status  certification.Status
	Err     error // for "schema", the validation error
}

func init() {
	i18n.Set("recognition.EncodeError", "记录 %q 无法按方案 %s 的格式写出：%s", "record %q cannot be written in the format of scheme %s: %s")
	i18n.Table("recognition.encode.", [][3]string{
		{"status", "状态“%s”在该方案中没有对应的词", "the status %s has no word in the scheme"},
		{"mode-unrecorded", "该方案不记录认证模式", "the scheme records no certification mode"},
		{"no-mode", "缺少认证模式", "no certification mode"},
		{"approval-unrecorded", "该方案不记录批准号", "the scheme records no approval number"},
		{"standards", "标准须有 1 至 16 项", "needs 1 to 16 standards"},
		{"dates", "缺少发证日期或有效期", "needs issue and expiry dates"},
		{"attributes-unrecorded", "该方案不记录品牌属性", "the scheme records no attributes of its own"},
		{"too-long", "字段 %s 过长", "%s is too long"},
		{"schema", "结果不符合该方案的 JSON Schema：%s", "the result breaks the scheme's JSON Schema: %s"},
	})
}

// Error returns the English description of the error.
func (e *EncodeError) Error() string { return "recognition: " + e.Localize(i18n.English()) }

// Localize describes the error in the language that best matches tag.
func (e *EncodeError) Localize(tag language.Tag) string {
	var why string
	switch e.Problem {
	case "status":
		why = i18n.Sprintf(tag, "recognition.encode.status", e.Status.Localize(tag))
	case "too-long":
		why = i18n.Sprintf(tag, "recognition.encode.too-long", e.Field)
	case "schema":
		why = i18n.Sprintf(tag, "recognition.encode.schema", i18n.Error(e.Err, tag))
	default:
		why = i18n.Sprintf(tag, "recognition.encode."+e.Problem)
	}
	return i18n.Sprintf(tag, "recognition.EncodeError", e.Number, string(e.Scheme), why)
}

// Unwrap returns [ErrEncode] and, for "schema", the validation error.
func (e *EncodeError) Unwrap() []error {
	if e.Err != nil {
		return []error{ErrEncode, e.Err}
	}
	return []error{ErrEncode}
}

// encode is Encode, with note written under the format's Note key when
// both are set.
func (a *FlatAdapter) encode(r Record, note string) ([]byte, error) {
	f := a.format
	fail := func(e EncodeError) ([]byte, error) {
		e.Scheme, e.Number = f.Scheme, r.Number
		return nil, &e
	}
	word, ok := f.word(r.Status)
	switch {
	case !ok:
		return fail(EncodeError{Problem: "status", Status: r.Status})
	case f.Mode == "" && r.Mode != 0:
		return fail(EncodeError{Problem: "mode-unrecorded"})
	case f.Mode != "" && !r.Mode.Valid():
		return fail(EncodeError{Problem: "no-mode"})
	case f.Approval == "" && r.Body.Approval != "":
		return fail(EncodeError{Problem: "approval-unrecorded"})
	case len(r.Standards) == 0 || len(r.Standards) > fastpath.MaxStandards:
		return fail(EncodeError{Problem: "standards"})
	case r.Issued.IsZero() || r.Expires.IsZero():
		return fail(EncodeError{Problem: "dates"})
	}
	first, last := wholeDays(r.Issued, r.Expires)
	if last.Before(first) { // not one whole day of validity
		return fail(EncodeError{Problem: "dates"})
	}
	m := map[string]any{
		f.Number: r.Number, f.HolderName: r.Holder.Name, f.HolderCode: string(r.Holder.Code), f.Product: r.Product,
		f.Body: r.Body.Name, f.Status: word,
		f.Issued:  first.Format(time.DateOnly),
		f.Expires: last.Format(time.DateOnly),
	}
	stds := make([]string, len(r.Standards))
	for i, n := range r.Standards {
		stds[i] = n.String()
	}
	m[f.Standards] = stds
	if f.Mode != "" {
		m[f.Mode] = r.Mode.String()
	}
	if f.Approval != "" && r.Body.Approval != "" {
		m[f.Approval] = r.Body.Approval
	}
	if f.Attributes != "" && len(r.Attributes) > 0 {
		names := make([]string, len(r.Attributes))
		for i, at := range r.Attributes {
			names[i] = at.Localize(i18n.Chinese())
		}
		m[f.Attributes] = names
	} else if len(r.Attributes) > 0 && !sameSet(r.Attributes, a.scheme.Attributes) {
		return fail(EncodeError{Problem: "attributes-unrecorded"})
	}
	if f.Note != "" && note != "" {
		m[f.Note] = note
	}
	for k, v := range m {
		if s, ok := v.(string); ok && utf8.RuneCountInString(s) > fastpath.MaxText {
			return fail(EncodeError{Problem: "too-long", Field: k})
		}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(m); err != nil {
		return fail(EncodeError{Problem: "schema", Err: err})
	}
	out := bytes.TrimSpace(b.Bytes())
	// What we write must be what we read: validate against our own schema.
	// The fast path applies the schema's rules (a differential fuzz test
	// holds them equal); what it declines, the compiled schema judges.
	// encoding/json writes valid UTF-8.
	if _, decided, _ := f.decodeFastValid(out, true); !decided {
		if err := a.schema.Validate(out); err != nil {
			return fail(EncodeError{Problem: "schema", Err: err})
		}
	}
	return out, nil
}

func sameSet(a, b []brand.Attribute) bool {
	return len(brand.Missing(a, b)) == 0 && len(brand.Missing(b, a)) == 0
}

func (f *Format) keys() fastpath.Keys {
	return fastpath.Keys{f.Number, f.HolderName, f.HolderCode, f.Product, f.Standards, f.Body,
		f.Approval, f.Mode, f.Issued, f.Expires, f.Status, f.Attributes, f.Note}
}

// decodeFast reports decided=false when the fast path declines the input;
// otherwise it returns the record or the value error, as the slow path
// would.
func (f *Format) decodeFast(native []byte) (r Record, decided bool, err error) {
	return f.decodeFastValid(native, false)
}

// decodeFastValid is decodeFast for an input known to be valid UTF-8 when
// valid is true.
func (f *Format) decodeFastValid(native []byte, valid bool) (r Record, decided bool, err error) {
	keys := f.keys()
	s, ok := fastpath.Scan(&keys, native, valid)
	if !ok {
		return Record{}, false, nil
	}
	r, err = f.build(&nativeFields{
		number: s[fastpath.Number].S, holderName: s[fastpath.HolderName].S, holderCode: s[fastpath.HolderCode].S,
		product: s[fastpath.Product].S, standards: s[fastpath.Standards].Arr, body: s[fastpath.Body].S,
		approval: s[fastpath.Approval].S, mode: s[fastpath.Mode].S, issued: s[fastpath.Issued].S, expires: s[fastpath.Expires].S,
		status: s[fastpath.Status].S, attributes: s[fastpath.Attributes].Arr,
	})
	return r, true, err
}

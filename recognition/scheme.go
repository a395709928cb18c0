package recognition

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/brand/source"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/recognition/internal/schema"
)

// schemeSchemaJSON is the JSON Schema of a scheme definition file.
//
//go:embed scheme.schema.json
var schemeSchemaJSON []byte

var schemeSchema = schema.MustCompile("scheme-definition", schemeSchemaJSON)

// SchemeSchema returns the JSON Schema (draft 2020-12) of a scheme
// definition file, the contract that [ParseScheme] validates against.
func SchemeSchema() []byte { return bytes.Clone(schemeSchemaJSON) }

// Scheme is a scheme definition: the facts of a brand scheme and the
// [Format] of its native record, as a scheme definition file states them.
// [ParseScheme] reads one; [Scheme.Adapter] makes its adapter.
type Scheme struct {
	Brand  brand.Brand
	Format Format
	// Synthetic is set on a made-up example scheme and says so, in the
	// words the definition gives; "" for a real scheme.
	Synthetic string
}

// Adapter makes the scheme's adapter, with the JSON Schema its Format
// generates and the documented default terms of [DefaultAgreement]. The
// definition was checked by [ParseScheme], so the Format is valid. A
// scheme whose facts rest on a document outside the source register
// ([OwnDocumentLabel]) is taken to assess none of the attributes it
// declares: its records cover what the standards they meet cover, and
// the rest needs an assessment, until an agreement file says otherwise
// ("assessed").
func (s Scheme) Adapter() *FlatAdapter {
	terms := DefaultAgreement(s.Brand)
	if strings.HasSuffix(s.Brand.Source, OwnDocumentLabel) {
		terms.Assessed = []brand.Attribute{}
	}
	return NewFlatAdapter(s.Format, s.Brand, terms, s.Format.JSONSchema())
}

// LoadScheme reads a scheme definition file (at most [MaxSchemeSize]
// bytes) and makes its adapter, as [ReadScheme] and [Scheme.Adapter] do.
// The adapter is not registered: the caller registers it ([Register]) when
// records of the scheme are to be read by name, as recognize -scheme does
// ([RegisterScheme]). An error of r is returned as it is; every other
// error is a [*SchemeError] with the JSON pointer of the fault.
func LoadScheme(r io.Reader) (*FlatAdapter, error) {
	s, err := ReadScheme(r)
	if err != nil {
		return nil, err
	}
	return s.Adapter(), nil
}

// ReadScheme reads a scheme definition file of at most [MaxSchemeSize]
// bytes, as [ParseScheme] does: a larger one is a [*SchemeError] of rule
// "bound", worded in both languages. An error of r is returned as it is.
func ReadScheme(r io.Reader) (Scheme, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxSchemeSize+1))
	if err != nil {
		return Scheme{}, err
	}
	if len(data) > MaxSchemeSize {
		return Scheme{}, &SchemeError{Rule: "bound", Cause: schema.NewFault("recognition.scheme.size", MaxSchemeSize)}
	}
	return ParseScheme(data)
}

// MustParseScheme is [ParseScheme] and [NewFlatAdapter] for a definition
// and a schema compiled into a program, as the built-in adapters embed
// theirs (scheme.json, schema.json): it panics on a definition that does
// not load, a programming error found at start-up.
func MustParseScheme(definition, embeddedSchema []byte) *FlatAdapter {
	s, err := ParseScheme(definition)
	if err != nil {
		panic(err)
	}
	return NewFlatAdapter(s.Format, s.Brand, DefaultAgreement(s.Brand), embeddedSchema)
}

// SchemeError reports a scheme definition that does not load, and where.
// It unwraps to [ErrSchemeDefinition] and to its cause: a [*DecodeError]
// (with [ErrSyntax], [ErrSchema], [ErrDuplicateKey] or [ErrTooLarge]) when
// the file breaks the JSON Schema of [SchemeSchema], otherwise the error
// of the value ([*FormatError], a [*brand.AttributeError], a
// [*source.CitationError], …).
type SchemeError struct {
	// Pointer is the JSON pointer (RFC 6901) of the fault in the
	// definition file; "" for the whole file.
	Pointer string
	// Rule is the JSON Schema keyword that failed, or "syntax", "value",
	// "bound".
	Rule  string
	Cause error
}

func init() {
	i18n.Set("recognition.SchemeError", "方案定义文件 %s 处：%s", "scheme definition at %s: %s")
	i18n.Table("recognition.scheme.", [][3]string{
		{"size", "文件超过 %d 字节上限", "the file is larger than %d bytes"},
		{"role", "未知的角色", "unknown role"},
		{"at-sign", "名称不能含有 @：“方案@格式”表示按另一方案格式写出的记录", "a name cannot hold @: \"scheme@format\" names records written in another scheme's format"},
		{"invisible", "名称含有不可见字符 %s，会与看起来相同的名称混淆", "the name holds the invisible character %s, which would make it look like another name"},
		{"word-status", "状态词的状态无效", "the status of the word is not a status"},
		{"word-conflict", "状态词 %[1]q 在通用状态词表中表示“%[2]s”，任何方案都不能另作他义",
			"the status word %[1]q means %[3]s in the common table of status words, and no scheme can give it another status"},
		{"word-valid", "状态词 %[1]q 含有 %[2]q（%[3]s），不能表示“有效”",
			"the status word %[1]q contains %[2]q (%[3]s) and cannot mean valid"},
	})
}

// Error returns the English description of the error.
func (e *SchemeError) Error() string { return "recognition: " + e.Localize(i18n.English()) }

// Localize describes the error in the language that best matches tag.
func (e *SchemeError) Localize(tag language.Tag) string {
	ptr := e.Pointer
	if ptr == "" {
		ptr = "/"
	}
	var what string
	var de *DecodeError
	switch {
	case errors.As(e.Cause, &de) && de.Cause != nil:
		what = i18n.Error(de.Cause, tag)
	case errors.As(e.Cause, &de):
		key := "recognition.rule." + de.Rule
		if !i18n.Has(key) {
			key = "recognition.rule.other"
		}
		what = i18n.Sprintf(tag, key)
		if i18n.Match(tag) == i18n.English() && de.Detail != "" {
			what += " (" + de.Detail + ")"
		}
	case e.Cause != nil:
		what = i18n.Error(e.Cause, tag)
	default:
		what = i18n.Sprintf(tag, "recognition.rule.other")
	}
	return i18n.Sprintf(tag, "recognition.SchemeError", ptr, what)
}

// Unwrap returns [ErrSchemeDefinition] and the cause.
func (e *SchemeError) Unwrap() []error {
	if e.Cause == nil {
		return []error{ErrSchemeDefinition}
	}
	return []error{ErrSchemeDefinition, e.Cause}
}

// schemeFile is a scheme definition file as JSON.
type schemeFile struct {
	ID          string     `json:"id"`
	Name        string     `json:"name"`
	Aliases     []string   `json:"aliases,omitempty"`
	EnglishName string     `json:"english_name"`
	Region      string     `json:"region,omitempty"`
	Owner       string     `json:"owner"`
	Model       string     `json:"model"`
	Attributes  []string   `json:"attributes,omitempty"`
	Governance  []orgFile  `json:"governance,omitempty"`
	Facts       []factFile `json:"facts,omitempty"`
	Source      string     `json:"source,omitempty"`
	Document    *docFile   `json:"document,omitempty"`
	Synthetic   string     `json:"synthetic,omitempty"`
	Record      recordFile `json:"record"`
}

type orgFile struct {
	Role   string `json:"role"`
	Name   string `json:"name"`
	Note   string `json:"note,omitempty"`
	Source string `json:"source,omitempty"`
}

type factFile struct {
	Text   string `json:"text"`
	Source string `json:"source"`
}

type docFile struct {
	Title  string `json:"title"`
	Number string `json:"number,omitempty"`
	Issuer string `json:"issuer,omitempty"`
	Date   string `json:"date,omitempty"`
}

type recordFile struct {
	Title          string       `json:"title"`
	Description    string       `json:"description,omitempty"`
	Fields         fieldsFile   `json:"fields"`
	Statuses       []statusFile `json:"statuses,omitempty"`
	CommonStatuses bool         `json:"common_statuses,omitempty"`
}

type fieldsFile struct {
	Number     string `json:"number"`
	HolderName string `json:"holder_name"`
	HolderCode string `json:"holder_code"`
	Product    string `json:"product"`
	Standards  string `json:"standards"`
	Body       string `json:"body"`
	Approval   string `json:"approval,omitempty"`
	Mode       string `json:"mode,omitempty"`
	Issued     string `json:"issued"`
	Expires    string `json:"expires"`
	Status     string `json:"status"`
	Attributes string `json:"attributes,omitempty"`
	Note       string `json:"note,omitempty"`
}

type statusFile struct {
	Word   string `json:"word"`
	Status string `json:"status"`
}

// fieldPointers maps the fields of a Format, as a [FormatError] names
// them, to their place in the definition file.
var fieldPointers = map[string]string{
	"Scheme": "/id", "Number": "/record/fields/number", "HolderName": "/record/fields/holder_name",
	"HolderCode": "/record/fields/holder_code", "Product": "/record/fields/product",
	"Standards": "/record/fields/standards", "Body": "/record/fields/body", "Approval": "/record/fields/approval",
	"Mode": "/record/fields/mode", "Issued": "/record/fields/issued", "Expires": "/record/fields/expires",
	"Status": "/record/fields/status", "Attributes": "/record/fields/attributes", "Note": "/record/fields/note",
	"Statuses": "/record/statuses",
}

// ParseScheme reads a scheme definition file: one JSON object that
// [SchemeSchema] admits (no duplicate keys, no unknown members), whose
// attributes are attributes of package brand, whose source citations name
// documents of the register of package brand/source, and whose record
// keys and status words make a valid [Format] ([Format.Validate]). The
// scheme's own status words come first; with "common_statuses" the words
// of [CommonStatuses] that it does not give follow. A word of that table
// given another status (撤销 as valid), with or without "common_statuses",
// and a word given the status valid that contains a word of the table for
// another status (证书已撤销) are refused: they would turn a revoked
// certificate into a valid one. A scheme of model "certification" has
// certification bodies ([Format.Certifies]).
//
// A UTF-8 byte order mark before the file is skipped. Every error is a
// [*SchemeError] with the JSON pointer of the fault.
func ParseScheme(data []byte) (Scheme, error) {
	data = bytes.TrimPrefix(data, []byte(bom)) // Notepad saves UTF-8 with a mark
	v, err := schemeSchema.Parse(data)
	if err == nil {
		err = schemeSchema.ValidateValue(v)
	}
	if err != nil {
		var de *DecodeError
		if errors.As(err, &de) {
			return Scheme{}, &SchemeError{Pointer: de.Pointer, Rule: de.Rule, Cause: err}
		}
		return Scheme{}, &SchemeError{Rule: "other", Cause: err}
	}
	var f schemeFile
	if err := json.Unmarshal(data, &f); err != nil { // the schema admitted it: cannot fail
		return Scheme{}, &SchemeError{Rule: "syntax", Cause: err}
	}
	return f.scheme()
}

func valueError(pointer string, err error) error {
	return &SchemeError{Pointer: pointer, Rule: "value", Cause: err}
}

func (f *schemeFile) scheme() (Scheme, error) {
	names := [][2]string{{"/id", f.ID}, {"/name", f.Name}, {"/english_name", f.EnglishName}}
	for i, a := range f.Aliases {
		names = append(names, [2]string{fmt.Sprintf("/aliases/%d", i), a})
	}
	for _, n := range names {
		if r, bad := invisibleIn(n[1]); bad {
			return Scheme{}, valueError(n[0], schema.NewFault("recognition.scheme.invisible", fmt.Sprintf("U+%04X", r)))
		}
		if strings.Contains(n[1], "@") { // Lookup reads "scheme@format" (FormatKey)
			return Scheme{}, valueError(n[0], schema.NewFault("recognition.scheme.at-sign"))
		}
	}
	b := brand.Brand{
		ID: brand.ID(f.ID), Name: f.Name, Aliases: f.Aliases, EnglishName: f.EnglishName,
		Region: f.Region, Owner: f.Owner, Source: f.Source,
	}
	b.Model = brand.Certification
	if f.Model == "evaluation" {
		b.Model = brand.Evaluation
	}
	for i, s := range f.Attributes {
		a, err := brand.ParseAttribute(s)
		if err != nil {
			return Scheme{}, valueError(fmt.Sprintf("/attributes/%d", i), err)
		}
		b.Attributes = append(b.Attributes, a)
	}
	for i, a := range b.Attributes {
		for _, other := range b.Attributes[:i] {
			if a == other { // two spellings of one attribute
				return Scheme{}, valueError(fmt.Sprintf("/attributes/%d", i), schema.NewFault("recognition.fault.duplicate", f.Attributes[i]))
			}
		}
	}
	cite := func(pointer, s string) error {
		if s == "" {
			return nil
		}
		if _, err := source.Resolve(s); err != nil {
			return valueError(pointer, err)
		}
		return nil
	}
	if err := cite("/source", f.Source); err != nil {
		return Scheme{}, err
	}
	if f.Source == "" && f.Document != nil {
		b.Source = f.Document.cite()
	}
	for i, o := range f.Governance {
		role, ok := parseRole(o.Role)
		if !ok { // the schema's enumeration is out of step with package brand
			return Scheme{}, valueError(fmt.Sprintf("/governance/%d/role", i), schema.NewFault("recognition.scheme.role"))
		}
		if err := cite(fmt.Sprintf("/governance/%d/source", i), o.Source); err != nil {
			return Scheme{}, err
		}
		b.Governance = append(b.Governance, brand.Organisation{Role: role, Name: o.Name, Note: o.Note, Source: o.Source})
	}
	for i, x := range f.Facts {
		if err := cite(fmt.Sprintf("/facts/%d/source", i), x.Source); err != nil {
			return Scheme{}, err
		}
		b.Facts = append(b.Facts, brand.Fact{Text: x.Text, Source: x.Source})
	}

	r := f.Record
	k := r.Fields
	format := Format{
		Scheme: b.ID, Number: k.Number, HolderName: k.HolderName, HolderCode: k.HolderCode, Product: k.Product,
		Standards: k.Standards, Body: k.Body, Approval: k.Approval, Mode: k.Mode, Issued: k.Issued, Expires: k.Expires,
		Status: k.Status, Attributes: k.Attributes, Note: k.Note,
		Certifies: b.Model == brand.Certification, Title: r.Title, Description: r.Description,
	}
	own := map[string]bool{}
	for i, w := range r.Statuses {
		var st certification.Status
		if err := st.UnmarshalText([]byte(w.Status)); err != nil {
			return Scheme{}, valueError(fmt.Sprintf("/record/statuses/%d/status", i), schema.NewFault("recognition.scheme.word-status"))
		}
		if err := statusWordConflict(w.Word, st); err != nil {
			return Scheme{}, valueError(fmt.Sprintf("/record/statuses/%d/status", i), err)
		}
		format.Statuses = append(format.Statuses, StatusWord{Word: w.Word, Status: st})
		own[w.Word] = true
	}
	if r.CommonStatuses {
		for _, w := range commonStatuses {
			if !own[w.Word] {
				format.Statuses = append(format.Statuses, w)
			}
		}
	}
	if err := format.Validate(); err != nil {
		ptr := "/record"
		var fe *FormatError
		if errors.As(err, &fe) {
			if p, ok := fieldPointers[fe.Field]; ok {
				ptr = p
			} else if n, ok := strings.CutPrefix(fe.Field, "Statuses["); ok {
				ptr = "/record/statuses/" + strings.TrimSuffix(n, "]")
			}
		}
		return Scheme{}, valueError(ptr, err)
	}
	return Scheme{Brand: b, Format: format, Synthetic: f.Synthetic}, nil
}

// OwnDocumentLabel ends the Source of a scheme whose definition file
// cites a document outside the register of package brand/source: the
// citation is the file's own statement, which the library has not
// checked, and is never to be read as an official one.
const OwnDocumentLabel = "（方案定义文件自述，未经来源登记册核对 / as the scheme file states it, not checked against the source register）"

// cite writes a document outside the register as a citation: its number,
// or its title in 《》, then its issuer and date, then [OwnDocumentLabel].
func (d *docFile) cite() string {
	parts := []string{"《" + d.Title + "》"}
	if d.Number != "" {
		parts = append([]string{d.Number}, parts...)
	}
	for _, s := range []string{d.Issuer, d.Date} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " ") + OwnDocumentLabel
}

// invisibleIn returns the first character of s that prints as a blank or
// as nothing, other than the two blanks names use (U+0020, U+3000): a
// no-break space, a zero-width space or joiner, a word joiner, another
// format character, a control, a variation selector. Such a character in
// a scheme's name ("圳\u200b品") would make a scheme that reads like a
// registered one; the rule is certification's for certificate texts.
func invisibleIn(s string) (rune, bool) {
	for _, r := range s {
		switch {
		case r == ' ' || r == '\u3000':
			continue
		case r < 0x20 || r == 0x7f || r == '\u2800' || r == utf8.RuneError:
			return r, true
		case r < 0x80:
			continue
		}
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || unicode.Is(unicode.White_Space, r) ||
			unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r) || unicode.Is(unicode.Variation_Selector, r) {
			return r, true
		}
	}
	return 0, false
}

// statusWordConflict refuses a scheme's status word that would make a
// certificate that is not in force read as one that is, or the other way
// round: a word of the common table ([CommonStatuses]: 撤销, 注销, 暂停,
// 过期, 已撤销, …) given another status, with or without
// "common_statuses", and a word given the status valid that contains a
// word of the table for a status that is not valid ("证书已撤销").
func statusWordConflict(word string, st certification.Status) error {
	for _, w := range commonStatuses {
		if w.Word == word && w.Status != st {
			return schema.NewFault("recognition.scheme.word-conflict", w.Word, w.Status.Localize(i18n.Chinese()), w.Status.String())
		}
	}
	if st != certification.Valid {
		return nil
	}
	for _, w := range commonStatuses {
		if w.Status != certification.Valid && strings.Contains(word, w.Word) {
			return schema.NewFault("recognition.scheme.word-valid", word, w.Word, w.Status.String())
		}
	}
	return nil
}

// parseRole reads the code of a role ("owner", "certifier", …).
func parseRole(code string) (brand.Role, bool) {
	for r := brand.Owner; !strings.Contains(r.String(), "("); r++ {
		if r.String() == code {
			return r, true
		}
	}
	return 0, false
}

// MarshalJSON writes the scheme definition file of s, indented, which
// [ParseScheme] reads back: so a scheme written in Go can be handed on as
// data. A Format whose status words are exactly [CommonStatuses] is
// written with "common_statuses"; a brand Source that cites no document of
// the register is written as it is, and will not load.
func (s Scheme) MarshalJSON() ([]byte, error) {
	b, f := s.Brand, s.Format
	out := schemeFile{
		ID: string(b.ID), Name: b.Name, Aliases: b.Aliases, EnglishName: b.EnglishName, Region: b.Region,
		Owner: b.Owner, Model: b.Model.String(), Source: b.Source, Synthetic: s.Synthetic,
	}
	for _, a := range b.Attributes {
		out.Attributes = append(out.Attributes, a.Localize(i18n.Chinese()))
	}
	for _, o := range b.Governance {
		out.Governance = append(out.Governance, orgFile{Role: o.Role.String(), Name: o.Name, Note: o.Note, Source: o.Source})
	}
	for _, x := range b.Facts {
		out.Facts = append(out.Facts, factFile{Text: x.Text, Source: x.Source})
	}
	out.Record = recordFile{Title: f.Title, Description: f.Description, Fields: fieldsFile{
		Number: f.Number, HolderName: f.HolderName, HolderCode: f.HolderCode, Product: f.Product,
		Standards: f.Standards, Body: f.Body, Approval: f.Approval, Mode: f.Mode, Issued: f.Issued,
		Expires: f.Expires, Status: f.Status, Attributes: f.Attributes, Note: f.Note,
	}}
	if slices.Equal(f.Statuses, commonStatuses) {
		out.Record.CommonStatuses = true
	} else {
		for _, w := range f.Statuses {
			out.Record.Statuses = append(out.Record.Statuses, statusFile{Word: w.Word, Status: w.Status.String()})
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// SchemeTakenError reports a scheme that [RegisterScheme] cannot register:
// its id, or one of its names, belongs to a registered scheme.
type SchemeTakenError struct {
	Scheme brand.ID // the scheme being registered
	Name   string   // its id or name that is taken
	Other  brand.ID // the scheme that holds it
}

func init() {
	i18n.Set("recognition.SchemeTakenError", "方案 %s 的编号或名称 %q 已被方案 %s 占用", "the id or name %[2]q of scheme %[1]s is taken by scheme %[3]s")
}

// Error returns the English description of the error.
func (e *SchemeTakenError) Error() string { return "recognition: " + e.Localize(i18n.English()) }

// Localize describes the error in the language that best matches tag.
func (e *SchemeTakenError) Localize(tag language.Tag) string {
	return i18n.Sprintf(tag, "recognition.SchemeTakenError", string(e.Scheme), e.Name, string(e.Other))
}

// Unwrap returns [ErrSchemeTaken].
func (e *SchemeTakenError) Unwrap() error { return ErrSchemeTaken }

// RegisterScheme registers an adapter made at run time from a scheme
// definition ([LoadScheme]), as recognize -scheme does. Where [Register]
// panics on what is a programming error in an adapter package, a file can
// be wrong: RegisterScheme returns a [*SchemeTakenError] when the
// scheme's id or one of its names is taken, and registers nothing. A
// scheme the same definition registered already (same facts, same format)
// is left as it is, so that loading one file twice is no error.
func RegisterScheme(a *FlatAdapter) error {
	if a == nil {
		return ErrSchemeDefinition
	}
	b := a.Brand()
	registryMu.Lock()
	defer registryMu.Unlock()
	if old, dup := adapters[b.ID]; dup {
		if fa, ok := old.(*FlatAdapter); ok && reflect.DeepEqual(fa.scheme, a.scheme) && reflect.DeepEqual(fa.format, a.format) {
			return nil
		}
		return &SchemeTakenError{Scheme: b.ID, Name: string(b.ID), Other: b.ID}
	}
	if name, other, taken := nameTaken(b); taken {
		return &SchemeTakenError{Scheme: b.ID, Name: name, Other: other}
	}
	add(a, b)
	return nil
}

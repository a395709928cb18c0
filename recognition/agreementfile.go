package recognition

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/recognition/internal/schema"
	"github.com/jxgreen/jxgreen/standard"
)

// The agreement file format: the JSON that [ParseAgreements] reads and
// [MarshalAgreements] writes, held to the embedded JSON Schema
// ([AgreementSchema]). A file holds one or more versions:
//
//	{"agreements": [{
//	  "id": "…", "version": "…", "recognizer": "jxgreen", "scheme": "zhejiang",
//	  "in_force": {"from": "2026-01-01", "until": "2026-12-31"},
//	  "basis": {"title": "…", "number": "…", "date": "2025-12-20", "note": "…"},
//	  "equivalences": [{"theirs": "T/ZZB …", "ours": "T/JGE …", "degree": "MOD"}],
//	  "min_mode": "5",
//	  "evaluations": {"accepted": true, "add": ["type-testing"]},
//	  "require_approval": true,
//	  "attributes": ["resource-saving", …], "assessed": ["quality-leading", …],
//	  "standards": ["T/JGE 0039-2023", …]}]}
//
// Every enumeration is written as its stable code (String): modes "1a" …
// "6", degrees IDT/MOD/NEQ, certification components and brand attributes
// by code.

//go:embed agreement.schema.json
var agreementSchemaJSON []byte

var agreementSchema = schema.MustCompile("agreement", agreementSchemaJSON)

// AgreementSchema returns the JSON Schema (draft 2020-12) of agreement
// files, which [ParseAgreements] holds every file to.
func AgreementSchema() []byte { return bytes.Clone(agreementSchemaJSON) }

// AgreementError reports why an agreement file, or a set of agreements,
// was refused, and where: the JSON pointer (RFC 6901) of the offending
// value in the file ("" for the whole file, or for a conflict between
// agreements given as Go values), the rule that failed (a JSON Schema
// keyword, or "syntax", "encoding", "duplicateKey", "bound", "value",
// "overlap"), and its cause. errors.Is(err, ErrAgreement) holds, and so
// does errors.Is with the kind: ErrSyntax, ErrSchema, ErrValue,
// ErrDuplicateKey, ErrTooLarge or ErrOverlap.
type AgreementError struct {
	// File names the file, when the caller sets it ([LoadAgreements]
	// does not know it).
	File    string
	Pointer string
	Rule    string
	// Detail says more, in English.
	Detail string
	// Cause is the error of the value, when there is one: a
	// *standard.ParseError, a fault the schema cannot see.
	Cause error
	Err   error // the kind
}

func init() {
	i18n.Set("recognition.AgreementError", "协议文件%s %s 处：%s", "agreement file%s at %s: %s")
	i18n.Set("recognition.AgreementError.detail", "协议文件%s %s 处：%s（%s）", "agreement file%s at %s: %s (%s)")
	// The rules agreement files add to those of records, under a prefix
	// of their own.
	i18n.Table("recognition.agreement.rule.", [][3]string{
		{"overlap", "版本冲突", "conflicting versions"},
		{"minProperties", "缺少内容", "is empty"},
		{"anyOf", "不符合任一允许的形式", "matches none of the allowed forms"},
		{"allOf", "不符合规定的形式", "does not match the required form"},
		{"format.date", "不是有效的日期（YYYY-MM-DD）", "not a valid date (YYYY-MM-DD)"},
	})
	i18n.Table("recognition.agreement.", [][3]string{
		{"too-large", "文件超过 %d 字节上限", "the file is larger than %d bytes"},
		{"unknown-scheme", "未知的方案 %q：请先载入它的适配器或方案文件", "unknown scheme %q: load its adapter or scheme file first"},
		{"envelope", "%s 是交换格式，不是品牌方案，不能作为认可方", "%s is an exchange format, not a brand scheme: it cannot recognise"},
		{"envelope-scheme", "%s 是交换格式，不是品牌方案：经它读入的记录属于证书本身的方案，请为该方案订立协议", "%s is an exchange format, not a brand scheme: the records read through it belong to the scheme of the certificate, so write the terms for that scheme"},
		{"until-before-from", "截止日 %s 早于起始日 %s", "the last day %s is before the first day %s"},
		{"overlap", "协议 %s 与 %s 在 %s 同时有效（%s 互认 %s）", "the agreements %s and %s are both in force on %s (%s recognising %s)"},
		{"duplicate-version", "协议 %s 的版本 %s 出现两次", "the agreement %s has version %s twice"},
		{"degree", "等效程度 %q 无效", "%q is no degree"},
		{"enum", "允许的取值为 %s", "the allowed values are %s"},
		{"not-encodable", "协议 %s 无法写成协议文件：%s", "the agreement %s cannot be written as an agreement file: %s"},
	})
}

// Error returns the English description of the error.
func (e *AgreementError) Error() string {
	return "recognition: " + e.Localize(i18n.English())
}

// Unwrap returns ErrAgreement, the kind and the cause.
func (e *AgreementError) Unwrap() []error {
	errs := []error{ErrAgreement}
	if e.Err != nil {
		errs = append(errs, e.Err)
	}
	if e.Cause != nil {
		errs = append(errs, e.Cause)
	}
	return errs
}

// Localize describes the error in the language that best matches tag. The
// schema validator's own detail is English, so the Chinese text gives the
// rule and the pointer; a value's cause is given in either language.
func (e *AgreementError) Localize(tag language.Tag) string {
	ptr := e.Pointer
	if ptr == "" {
		ptr = "/"
	}
	file := ""
	if e.File != "" {
		file = " " + e.File
	}
	key := "recognition.agreement.rule." + e.Rule
	if !i18n.Has(key) {
		key = "recognition.rule." + e.Rule
	}
	if !i18n.Has(key) {
		key = "recognition.rule.other"
	}
	switch {
	case e.Cause != nil:
		return i18n.Sprintf(tag, "recognition.AgreementError.detail", file, ptr, i18n.Sprintf(tag, key), i18n.Error(e.Cause, tag))
	case i18n.Match(tag) == i18n.English() && e.Detail != "":
		return i18n.Sprintf(tag, "recognition.AgreementError.detail", file, ptr, i18n.Sprintf(tag, key), e.Detail)
	}
	return i18n.Sprintf(tag, "recognition.AgreementError", file, ptr, i18n.Sprintf(tag, key))
}

// fault returns an AgreementError for what the schema cannot see.
func fault(pointer, rule string, kind error, key string, args ...any) *AgreementError {
	f := schema.NewFault("recognition.agreement."+key, args...)
	return &AgreementError{Pointer: pointer, Rule: rule, Detail: f.Error(), Cause: f, Err: kind}
}

// The file's JSON, as the schema admits it. Pointers to slices keep a
// missing list (nil: the default) apart from an empty one.
type agreementFile struct {
	Schema     string          `json:"$schema,omitempty"`
	Agreements []agreementJSON `json:"agreements"`
}

type agreementJSON struct {
	ID              string            `json:"id"`
	Version         string            `json:"version"`
	Recognizer      string            `json:"recognizer"`
	Scheme          string            `json:"scheme"`
	InForce         *inForceJSON      `json:"in_force,omitempty"`
	Basis           basisJSON         `json:"basis"`
	Equivalences    []equivalenceJSON `json:"equivalences,omitempty"`
	MinMode         string            `json:"min_mode,omitempty"`
	Evaluations     *evaluationsJSON  `json:"evaluations,omitempty"`
	RequireApproval *bool             `json:"require_approval,omitempty"`
	Attributes      *[]string         `json:"attributes,omitempty"`
	Assessed        *[]string         `json:"assessed,omitempty"`
	Standards       *[]string         `json:"standards,omitempty"`
}

type inForceJSON struct {
	From  string `json:"from,omitempty"`
	Until string `json:"until,omitempty"`
}

type basisJSON struct {
	Title  string `json:"title,omitempty"`
	Number string `json:"number,omitempty"`
	Date   string `json:"date,omitempty"`
	Note   string `json:"note,omitempty"`
}

type equivalenceJSON struct {
	Theirs    string `json:"theirs,omitempty"`
	Product   string `json:"product,omitempty"`
	Ours      string `json:"ours,omitempty"`
	OursTitle string `json:"ours_title,omitempty"`
	Degree    string `json:"degree"`
	Source    string `json:"source,omitempty"`
}

type evaluationsJSON struct {
	Accepted bool     `json:"accepted"`
	Add      []string `json:"add,omitempty"`
}

// LoadAgreements reads an agreement file from r, at most
// [MaxAgreementFile] bytes, and parses it with [ParseAgreements]. A larger
// file is refused with ErrTooLarge before it is parsed.
func LoadAgreements(r io.Reader) ([]Agreement, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxAgreementFile+1))
	if err != nil {
		return nil, fmt.Errorf("recognition: reading an agreement file: %w", err)
	}
	return ParseAgreements(data)
}

// ParseAgreements reads an agreement file: it holds the file to the
// agreement schema ([AgreementSchema]) and refuses, with an
// [*AgreementError] that carries the JSON pointer of the fault, a file
// that is not JSON or not UTF-8, that has a key twice in an object (RFC
// 7493), that is larger than [MaxAgreementFile], that breaks the schema
// (an unknown code is an "enum" fault), whose recognizer or scheme is no
// scheme known to the library (the adapter registry, or 江西绿色生态), whose
// recognizer or scheme is an exchange format ([Envelope]: the records it
// carries belong to the scheme of the certificate), whose standard numbers do not parse ([standard.Parse]), whose "until" is
// before its "from", or whose versions conflict: two versions between the
// same two schemes in force on one day, or with the same id and version.
// One id may cover several pairs of schemes (one document agreed between
// several).
//
// A UTF-8 byte order mark before the file is skipped. The agreements come
// back in the order of the file. A scheme's brand is
// the registered adapter's ([Lookup]), so the adapters of the schemes a
// file names must be registered first (import recognition/all). The
// standards of an agreement are those of the 江西绿色生态 catalogue
// ([standard.Catalogue]) under the numbers it lists, and, for a number the
// catalogue does not have, a standard that is known by its number alone.
func ParseAgreements(data []byte) ([]Agreement, error) {
	if len(data) > MaxAgreementFile {
		f := schema.NewFault("recognition.agreement.too-large", MaxAgreementFile)
		return nil, &AgreementError{Rule: "bound", Detail: f.Error(), Cause: f, Err: ErrTooLarge}
	}
	// Windows editors (Notepad among them) put a byte order mark before
	// the UTF-8 text they save.
	data = bytes.TrimPrefix(data, []byte(bom))
	tree, err := agreementSchema.Parse(data)
	if err == nil {
		err = agreementSchema.ValidateValue(tree)
	}
	if err != nil {
		var de *DecodeError
		if !errors.As(err, &de) {
			return nil, &AgreementError{Rule: "other", Detail: err.Error(), Err: ErrSchema}
		}
		e := &AgreementError{Pointer: de.Pointer, Rule: de.Rule, Detail: de.Detail, Cause: de.Cause, Err: de.Err}
		if e.Rule == "format" && strings.Contains(e.Detail, "date") {
			e.Rule = "format.date"
		}
		if _, list, ok := strings.Cut(e.Detail, "value must be one of "); ok && e.Rule == "enum" && e.Cause == nil {
			// The codes allowed, in either language.
			e.Cause = schema.NewFault("recognition.agreement.enum", list)
		}
		return nil, e
	}
	var file agreementFile
	if err := json.Unmarshal(data, &file); err != nil {
		// The schema admitted what the types cannot hold: a mismatch
		// between the two, which the tests exist to catch.
		return nil, &AgreementError{Rule: "type", Detail: err.Error(), Err: ErrSchema}
	}
	out := make([]Agreement, 0, len(file.Agreements))
	for i, aj := range file.Agreements {
		a, err := aj.agreement("/agreements/" + strconv.Itoa(i))
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	if i, err := conflicts(out); err != nil {
		err.Pointer = "/agreements/" + strconv.Itoa(i) + err.Pointer
		return nil, err
	}
	return out, nil
}

// agreement maps one entry of the file, whose pointer is at.
func (aj agreementJSON) agreement(at string) (Agreement, error) {
	a := Agreement{ID: aj.ID, Version: aj.Version, Basis: aj.Basis.Note}
	var ok bool
	if a.Recognizer, ok = schemeBrand(aj.Recognizer); !ok {
		return a, fault(at+"/recognizer", "value", ErrValue, "unknown-scheme", aj.Recognizer)
	}
	if ad, _ := Lookup(aj.Recognizer); ad != nil {
		if _, env := ad.(Envelope); env {
			// An exchange format carries records; it recognises nothing.
			return a, fault(at+"/recognizer", "value", ErrValue, "envelope", aj.Recognizer)
		}
	}
	if a.Scheme, ok = schemeBrand(aj.Scheme); !ok {
		return a, fault(at+"/scheme", "value", ErrValue, "unknown-scheme", aj.Scheme)
	}
	if ad, _ := Lookup(aj.Scheme); ad != nil {
		if _, env := ad.(Envelope); env {
			// No record has an exchange format as its scheme: terms for
			// it would never apply, and the defaults would go on.
			return a, fault(at+"/scheme", "value", ErrValue, "envelope-scheme", aj.Scheme)
		}
	}
	if f := aj.InForce; f != nil {
		if f.From != "" {
			a.From = day(f.From)
		}
		if f.Until != "" {
			a.Until = day(f.Until).AddDate(0, 0, 1)
			if !a.From.IsZero() && a.Until.Before(a.From.AddDate(0, 0, 1)) {
				return a, fault(at+"/in_force/until", "value", ErrValue, "until-before-from", f.Until, f.From)
			}
		}
	}
	a.Document = Document{Title: aj.Basis.Title, Number: aj.Basis.Number}
	if aj.Basis.Date != "" {
		a.Document.Date = day(aj.Basis.Date)
	}
	for j, ej := range aj.Equivalences {
		p := at + "/equivalences/" + strconv.Itoa(j)
		e := Equivalence{Product: ej.Product, OursTitle: ej.OursTitle, Source: ej.Source}
		var err error
		if e.Theirs, err = optionalNumber(ej.Theirs, p+"/theirs"); err != nil {
			return a, err
		}
		if e.Ours, err = optionalNumber(ej.Ours, p+"/ours"); err != nil {
			return a, err
		}
		if e.Degree, ok = parseDegree(ej.Degree); !ok {
			return a, fault(p+"/degree", "value", ErrValue, "degree", ej.Degree)
		}
		a.Equivalences = append(a.Equivalences, e)
	}
	// What the file leaves out of the mode and the approval is as the
	// documented defaults between the two schemes: a new version that
	// means to change only the dates does not weaken them.
	def := documentedTerms(a.Recognizer, a.Scheme)
	switch aj.MinMode {
	case "":
		a.MinMode = def.MinMode
	case "any":
	default:
		var err error
		if a.MinMode, err = certification.ParseMode(aj.MinMode); err != nil {
			return a, &AgreementError{Pointer: at + "/min_mode", Rule: "value", Detail: err.Error(), Cause: err, Err: ErrValue}
		}
	}
	a.RequireApproval = def.RequireApproval
	if aj.RequireApproval != nil {
		a.RequireApproval = *aj.RequireApproval
	}
	if ev := aj.Evaluations; ev != nil {
		a.AcceptEvaluation = ev.Accepted
		for _, c := range ev.Add {
			a.EvaluationAdds |= parseComponent(c) // the schema admits only their codes
		}
	}
	var err error
	if a.Attributes, err = attributes(aj.Attributes, at+"/attributes"); err != nil {
		return a, err
	}
	if a.Assessed, err = attributes(aj.Assessed, at+"/assessed"); err != nil {
		return a, err
	}
	if aj.Standards != nil {
		stds := make([]standard.Standard, 0, len(*aj.Standards))
		for j, s := range *aj.Standards {
			n, err := optionalNumber(s, at+"/standards/"+strconv.Itoa(j))
			if err != nil {
				return a, err
			}
			if full, ok := standard.Catalogue().Lookup(n); ok && full.Number == n {
				stds = append(stds, full)
			} else {
				stds = append(stds, standard.Standard{Number: n, Kind: n.Kind()})
			}
		}
		a.Standards = standard.NewCatalog(stds)
	}
	return a, nil
}

// documentedTerms returns the documented default terms on which
// recognizer recognises scheme, which fill what an agreement file leaves
// out: for 江西绿色生态, the scheme's adapter's defaults ([AgreementFor]);
// for a partner judging a 江西绿色生态 record, the mirror of its adapter's
// defaults ([Agreement.Reverse]); otherwise [DefaultAgreement], the
// strictest documented terms.
func documentedTerms(recognizer, scheme brand.Brand) Agreement {
	plain := func(id brand.ID) (Adapter, bool) {
		a, ok := Lookup(string(id))
		if !ok || a.Brand().ID != id {
			return nil, false
		}
		_, env := a.(Envelope)
		return a, !env
	}
	switch {
	case recognizer.ID == brand.JiangxiGreen:
		if a, ok := plain(scheme.ID); ok {
			return a.Agreement()
		}
	case scheme.ID == brand.JiangxiGreen:
		if a, ok := plain(recognizer.ID); ok {
			return a.Agreement().Reverse()
		}
	}
	return DefaultAgreement(scheme)
}

// day reads a date the schema admitted as the first instant of that day in
// China time.
func day(s string) time.Time {
	t, err := time.ParseInLocation(time.DateOnly, s, brand.ChinaTime())
	if err != nil {
		return time.Time{} // the schema asserts the format: not reached
	}
	return t
}

// schemeBrand returns the brand of a scheme id: 江西绿色生态's, or the
// registered adapter's.
func schemeBrand(id string) (brand.Brand, bool) {
	if id == string(brand.JiangxiGreen) {
		if a, ok := Lookup(id); ok && a.Brand().ID == brand.JiangxiGreen {
			return a.Brand(), true
		}
		return brand.JiangxiGreenEcology(), true
	}
	a, ok := Lookup(id)
	if !ok || string(a.Brand().ID) != id {
		return brand.Brand{}, false
	}
	return a.Brand(), true
}

func optionalNumber(s, pointer string) (standard.Number, error) {
	if s == "" {
		return standard.Number{}, nil
	}
	n, err := standard.Parse(s)
	if err != nil {
		return n, &AgreementError{Pointer: pointer, Rule: "value", Detail: err.Error(), Cause: err, Err: ErrValue}
	}
	return n, nil
}

func parseDegree(s string) (standard.Degree, bool) {
	for d := standard.IDT; d <= standard.NEQ; d++ {
		if d.String() == s {
			return d, true
		}
	}
	return 0, false
}

// components are the certification components, one bit each.
var components = func() []certification.Component {
	var out []certification.Component
	for c := certification.TypeTesting; c <= certification.ServiceAssessment; c <<= 1 {
		out = append(out, c)
	}
	return out
}()

func parseComponent(s string) certification.Component {
	for _, c := range components {
		if c.String() == s {
			return c
		}
	}
	return 0
}

// attributes maps a list of attribute codes; nil stays nil.
func attributes(codes *[]string, pointer string) ([]brand.Attribute, error) {
	if codes == nil {
		return nil, nil
	}
	out := make([]brand.Attribute, 0, len(*codes))
	for j, c := range *codes {
		a, err := brand.ParseAttribute(c)
		if err != nil || a.String() != c {
			if err == nil {
				err = &brand.AttributeError{Input: c}
			}
			return nil, &AgreementError{Pointer: pointer + "/" + strconv.Itoa(j), Rule: "value", Detail: err.Error(), Cause: err, Err: ErrValue}
		}
		out = append(out, a)
	}
	return out, nil
}

// conflicts finds the first agreement of list that conflicts with one
// before it between the same two schemes: the same id and version twice,
// or two agreements in force on one day. It returns its index and the error, whose Pointer is
// relative to the agreement.
func conflicts(list []Agreement) (int, *AgreementError) {
	for i, b := range list {
		for _, a := range list[:i] {
			if a.Recognizer.ID != b.Recognizer.ID || a.Scheme.ID != b.Scheme.ID {
				// One agreement (one id) may cover several pairs of
				// schemes, as the defaults do.
				continue
			}
			switch {
			case a.ID == b.ID && a.Version == b.Version:
				return i, fault("/version", "overlap", ErrOverlap, "duplicate-version", b.ID, b.Version)
			case overlap(a, b):
				first := a.From
				if b.From.After(first) {
					first = b.From
				}
				if first.IsZero() { // both open at the start: the day before the first end
					for _, u := range []time.Time{a.Until, b.Until} {
						if !u.IsZero() && (first.IsZero() || u.Before(first)) {
							first = u
						}
					}
					if !first.IsZero() {
						first = first.Add(-time.Nanosecond)
					}
				}
				on := "…"
				if !first.IsZero() {
					on = date(first)
				}
				return i, fault("/in_force", "overlap", ErrOverlap, "overlap", a.Ref().String(), b.Ref().String(), on,
					string(b.Recognizer.ID), string(b.Scheme.ID))
			}
		}
	}
	return 0, nil
}

// overlap reports whether the periods of a and b share an instant.
func overlap(a, b Agreement) bool {
	beforeEnd := func(t time.Time, x Agreement) bool { return x.Until.IsZero() || t.Before(x.Until) }
	// Each starts before the other ends.
	return beforeEnd(a.From, b) && beforeEnd(b.From, a)
}

// MarshalAgreements writes agreements as an agreement file, which
// [ParseAgreements] reads back to the same terms. It fails with an
// [*AgreementError] wrapping ErrEncode for terms that the format cannot
// hold: no id or version, a scheme without an id, a date that is not the
// start of a day in China time, a standard without a number in
// Standards, or the terms of a pair that has no agreement.
func MarshalAgreements(list ...Agreement) ([]byte, error) {
	file := agreementFile{Agreements: make([]agreementJSON, 0, len(list))}
	for i, a := range list {
		aj, why := a.file()
		if why != "" {
			e := fault("/agreements/"+strconv.Itoa(i), "value", ErrEncode, "not-encodable", a.Ref().String(), why)
			return nil, e
		}
		file.Agreements = append(file.Agreements, aj)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(file); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// file maps a to the file's JSON, or says why it cannot.
func (a Agreement) file() (agreementJSON, string) {
	switch {
	case a.none:
		return agreementJSON{}, "no agreement"
	case a.ID == "" || a.Version == "":
		return agreementJSON{}, "no id or version"
	case a.Recognizer.ID == "" || a.Scheme.ID == "":
		return agreementJSON{}, "a scheme without an id"
	}
	aj := agreementJSON{ID: a.ID, Version: a.Version, Recognizer: string(a.Recognizer.ID), Scheme: string(a.Scheme.ID),
		Basis: basisJSON{Title: a.Document.Title, Number: a.Document.Number, Note: a.Basis}, RequireApproval: &a.RequireApproval}
	var ok bool
	if !a.Document.Date.IsZero() {
		if aj.Basis.Date, ok = dayOf(a.Document.Date, 0); !ok {
			return aj, "a date that is not a day"
		}
	}
	if !a.From.IsZero() || !a.Until.IsZero() {
		aj.InForce = &inForceJSON{}
		if !a.From.IsZero() {
			if aj.InForce.From, ok = dayOf(a.From, 0); !ok {
				return aj, "a date that is not a day"
			}
		}
		if !a.Until.IsZero() {
			if aj.InForce.Until, ok = dayOf(a.Until, -1); !ok {
				return aj, "a date that is not a day"
			}
		}
	}
	for _, e := range a.Equivalences {
		ej := equivalenceJSON{Product: e.Product, OursTitle: e.OursTitle, Degree: e.Degree.String(), Source: e.Source}
		if !e.Theirs.IsZero() {
			ej.Theirs = e.Theirs.String()
		}
		if !e.Ours.IsZero() {
			ej.Ours = e.Ours.String()
		}
		aj.Equivalences = append(aj.Equivalences, ej)
	}
	aj.MinMode = "any"
	if a.MinMode != 0 {
		aj.MinMode = a.MinMode.String()
	}
	if a.AcceptEvaluation || a.EvaluationAdds != 0 {
		aj.Evaluations = &evaluationsJSON{Accepted: a.AcceptEvaluation}
		for _, c := range components {
			if a.EvaluationAdds&c != 0 {
				aj.Evaluations.Add = append(aj.Evaluations.Add, c.String())
			}
		}
	}
	aj.Attributes, aj.Assessed = attributeCodes(a.Attributes), attributeCodes(a.Assessed)
	if a.Standards != nil {
		nums := []string{}
		for _, s := range a.Standards.All() {
			if s.Number.IsZero() {
				return aj, "a standard without a number"
			}
			nums = append(nums, s.Number.String())
		}
		slices.Sort(nums)
		aj.Standards = &nums
	}
	return aj, ""
}

// dayOf writes t, moved by days, as a day in China time, when it is the
// first instant of one.
func dayOf(t time.Time, days int) (string, bool) {
	c := t.In(brand.ChinaTime())
	if c.Hour() != 0 || c.Minute() != 0 || c.Second() != 0 || c.Nanosecond() != 0 {
		return "", false
	}
	return c.AddDate(0, 0, days).Format(time.DateOnly), true
}

func attributeCodes(as []brand.Attribute) *[]string {
	if as == nil {
		return nil
	}
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.String()
	}
	return &out
}

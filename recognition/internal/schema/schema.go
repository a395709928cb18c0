// Package schema holds the compiled JSON Schemas of the recognition
// adapters and the errors of decoding a native record: [DecodeError], its
// sentinels, and [Fault] for a value the schema admits but that is wrong
// all the same. Package recognition re-exports the error types and
// sentinels its users branch on; adapters use the rest.
package schema

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v5"
	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/brand/jsonpointer"
	"github.com/jxgreen/jxgreen/recognition/internal/jsonscan"
)

// Sentinel errors of decoding; a [*DecodeError] wraps one of them.
var (
	// ErrSyntax: the input is not JSON (or is truncated).
	ErrSyntax = i18n.NewSentinel("recognition.ErrSyntax", "不是有效的 JSON", "not valid JSON")
	// ErrSchema: the JSON does not conform to the scheme's JSON Schema.
	ErrSchema = i18n.NewSentinel("recognition.ErrSchema", "记录不符合该方案的 JSON Schema", "the record does not conform to the scheme's JSON Schema")
	// ErrValue: a value conforms to the schema but is wrong all the same
	// (a credit code with a wrong check character, expiry before issue).
	ErrValue = i18n.NewSentinel("recognition.ErrValue", "字段取值有误", "a field's value is wrong")
)

// DecodeError reports why a native record was refused, and where.
type DecodeError struct {
	Scheme string // the scheme's id
	// Pointer is the JSON pointer (RFC 6901) of the offending value; "" for
	// the whole document.
	Pointer string
	// Rule is the JSON Schema keyword that failed ("required", "pattern",
	// "format", …), or "syntax" or "value".
	Rule string
	// Detail says more, in English: the validator's message, or the parse
	// error.
	Detail string
	// Cause is, for a value error, the error of the value (a
	// *creditcode.Error, a *standard.ParseError, a *Fault).
	Cause error
	Err   error // ErrSyntax, ErrSchema or ErrValue
}

// Error returns the English description of the error.
func (e *DecodeError) Error() string {
	ptr := e.Pointer
	if ptr == "" {
		ptr = "/"
	}
	return fmt.Sprintf("recognition: %s record at %s: %s: %s", e.Scheme, ptr, e.Rule, e.Detail)
}

// Unwrap returns the sentinel and, for a value error, its cause.
func (e *DecodeError) Unwrap() []error {
	if e.Cause != nil {
		return []error{e.Err, e.Cause}
	}
	return []error{e.Err}
}

// Localize describes the error in the language that best matches tag. The
// validator's own detail is English, so the Chinese text gives the rule
// and the pointer; a value error's cause is given in either language.
func (e *DecodeError) Localize(tag language.Tag) string {
	ptr := e.Pointer
	if ptr == "" {
		ptr = "/"
	}
	key := "recognition.rule." + e.Rule
	if !i18n.Has(key) {
		key = "recognition.rule.other"
	}
	switch {
	case e.Cause != nil:
		return i18n.Sprintf(tag, "recognition.DecodeError.detail", e.Scheme, ptr, i18n.Sprintf(tag, key), i18n.Error(e.Cause, tag))
	case i18n.Match(tag) == i18n.English() && e.Detail != "":
		return i18n.Sprintf(tag, "recognition.DecodeError.detail", e.Scheme, ptr, i18n.Sprintf(tag, key), e.Detail)
	}
	return i18n.Sprintf(tag, "recognition.DecodeError", e.Scheme, ptr, i18n.Sprintf(tag, key))
}

func init() {
	i18n.Set("recognition.DecodeError", "%s 记录 %s 处：%s", "%s record at %s: %s")
	i18n.Set("recognition.DecodeError.detail", "%s 记录 %s 处：%s（%s）", "%s record at %s: %s (%s)")
	i18n.Table("recognition.rule.", [][3]string{
		{"syntax", "JSON 语法错误", "JSON syntax error"},
		{"encoding", "含有非 UTF-8 编码的字节", "holds bytes that are not UTF-8"},
		{"required", "缺少必填字段", "a required field is missing"},
		{"additionalProperties", "有方案未定义的字段", "a field the scheme does not define"},
		{"type", "类型错误", "wrong type"},
		{"pattern", "格式不符", "does not match the format"},
		{"format", "格式不符", "wrong format"},
		{"enum", "不是允许的取值", "not an allowed value"},
		{"const", "不是规定的取值", "not the required value"},
		{"minLength", "过短", "too short"},
		{"maxLength", "过长", "too long"},
		{"minItems", "条目过少", "too few items"},
		{"maxItems", "条目过多", "too many items"},
		{"uniqueItems", "条目重复", "repeated items"},
		{"contains", "缺少规定的条目", "lacks a required item"},
		{"prefixItems", "开头的条目不符", "the leading items do not match"},
		{"oneOf", "不符合任一允许的形式", "matches none of the allowed forms"},
		{"minimum", "数值过小", "too small"},
		{"maximum", "数值过大", "too large"},
		{"value", "取值有误", "wrong value"},
		{"other", "不符合规则", "breaks a rule"},
	})
}

// Fault is what is wrong with a value that the schema admits: a message
// registered with package i18n, and its arguments. Adapters return one,
// wrapped by [ValueError], for the checks a schema cannot make.
type Fault struct {
	Key  string
	Args []any
}

// NewFault returns a fault with the message key, which must be registered.
func NewFault(key string, args ...any) *Fault { return &Fault{Key: key, Args: args} }

// Error returns the English description of the error.
func (f *Fault) Error() string { return i18n.Sprintf(i18n.English(), f.Key, f.Args...) }

// Localize says the fault in the language that best matches tag.
func (f *Fault) Localize(tag language.Tag) string { return i18n.Sprintf(tag, f.Key, f.Args...) }

// Sentinel errors of reading JSON, besides [ErrSyntax].
var (
	// ErrDuplicateKey: an object has the same key twice. RFC 7493 (I-JSON)
	// forbids it, and encoding/json would silently keep the last one: a
	// record that says both 撤销 and 有效 must not be read as either.
	ErrDuplicateKey = i18n.NewSentinel("recognition.ErrDuplicateKey", "JSON 对象中有重复的键（RFC 7493）", "a JSON object has a duplicate key (RFC 7493)")
	// ErrTooLarge: an array, object, string or nesting goes past the
	// bounds of package jsonscan (items, members, string bytes, depth).
	ErrTooLarge = i18n.NewSentinel("recognition.ErrTooLarge", "JSON 值超出读取上限", "a JSON value is past the bounds of what is read")
)

func init() {
	i18n.Table("recognition.fault.", [][3]string{
		{"duplicate", "键 %q 重复出现", "the key %q appears twice"},
		{"bound.items", "数组超过 %d 项上限", "an array of more than %d items"},
		{"bound.members", "对象超过 %d 个字段上限", "an object of more than %d members"},
		{"bound.string", "字符串超过 %d 字节上限", "a string of more than %d bytes"},
		{"bound.depth", "嵌套超过 %d 层上限", "nesting deeper than %d levels"},
	})
	i18n.Table("recognition.rule.", [][3]string{
		{"duplicateKey", "重复的键", "duplicate key"},
		{"bound", "超出上限", "past a bound"},
	})
}

// treeError turns e into the error Parse returns.
func treeError(scheme string, e *jsonscan.TreeError) *DecodeError {
	if e.Kind() == "duplicate" {
		return &DecodeError{Scheme: scheme, Pointer: e.Pointer(), Rule: "duplicateKey",
			Detail: "duplicate key " + strconv.Quote(e.Key()), Cause: NewFault("recognition.fault.duplicate", e.Key()), Err: ErrDuplicateKey}
	}
	f := NewFault("recognition.fault.bound."+e.Kind(), e.Bound())
	return &DecodeError{Scheme: scheme, Pointer: e.Pointer(), Rule: "bound", Detail: f.Error(), Cause: f, Err: ErrTooLarge}
}

// Schema is a compiled JSON Schema of a scheme's native record. Adapters
// compile theirs once, at init, with [MustCompile].
type Schema struct {
	scheme   string
	raw      []byte
	compiled *jsonschema.Schema
	flat     *flatWords // nil unless the top level is a plain object
}

// MustCompile compiles a draft 2020-12 JSON Schema, asserting formats
// such as "date". It panics on a schema that does not compile: schemas are
// embedded at build time, so that is a programming error.
func MustCompile(scheme string, raw []byte) *Schema {
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	c.AssertFormat = true
	url := "https://jxgreen.example/schema/" + scheme + ".json"
	if err := c.AddResource(url, bytes.NewReader(raw)); err != nil {
		panic(fmt.Sprintf("recognition: schema of %s: %v", scheme, err))
	}
	s, err := c.Compile(url)
	if err != nil {
		panic(fmt.Sprintf("recognition: schema of %s: %v", scheme, err))
	}
	sch := &Schema{scheme: scheme, raw: raw, compiled: s}
	sch.prepareFlat()
	return sch
}

// Raw returns the schema's source.
func (s *Schema) Raw() []byte { return bytes.Clone(s.raw) }

// Validate checks native against the schema. It returns nil, or a
// [*DecodeError] with the JSON pointer and rule of the first fault.
func (s *Schema) Validate(native []byte) error {
	v, err := s.Parse(native)
	if err != nil {
		return err
	}
	return s.ValidateValue(v)
}

// Parse decodes native into the generic tree the validator reads (numbers
// as json.Number), refusing anything but exactly one JSON value with a
// [*DecodeError]: [ErrSyntax] for what is not JSON or not UTF-8 (rule
// "encoding": encoding/json would read the bytes as U+FFFD), [ErrDuplicateKey] for
// an object with a key twice (RFC 7493), [ErrTooLarge] for a value past
// the bounds of package jsonscan; the
// first fault in document order is reported.
func (s *Schema) Parse(native []byte) (any, error) {
	v, ok, terr := jsonscan.Tree(native) // the common case, without encoding/json's reflection
	if terr != nil {
		return nil, treeError(s.scheme, terr)
	}
	if ok {
		return v, nil
	}
	if !utf8.Valid(native) {
		// encoding/json would read the bytes as U+FFFD, and a record with
		// a number or name it never had would be decided.
		return nil, &DecodeError{Scheme: s.scheme, Rule: "encoding",
			Detail: fmt.Sprintf("not UTF-8 at byte %d", jsonscan.FirstInvalid(native)), Err: ErrSyntax}
	}
	v, terr, err := jsonscan.SlowTree(native)
	switch {
	case terr != nil:
		return nil, treeError(s.scheme, terr)
	case err == jsonscan.ErrMoreValues:
		return nil, &DecodeError{Scheme: s.scheme, Rule: "syntax", Detail: "more than one JSON value", Err: ErrSyntax}
	case err != nil:
		return nil, s.syntax(err)
	}
	return v, nil
}

// ValidateValue checks a tree made by [Schema.Parse] against the schema.
func (s *Schema) ValidateValue(v any) error {
	if err := s.compiled.Validate(v); err != nil {
		return s.fault(err, "")
	}
	return nil
}

// fault turns the validator's error into a [*DecodeError]: the first
// fault, by location, of the value at the JSON pointer at (escaped as the
// validator escapes it: "" for the whole document).
func (s *Schema) fault(err error, at string) *DecodeError {
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return &DecodeError{Scheme: s.scheme, Rule: "other", Detail: err.Error(), Err: ErrSchema}
	}
	// Follow the causes to a leaf. The validator walks properties in map
	// order, so choose among causes by location, for the same error on
	// every run.
	leaf := ve
	for len(leaf.Causes) > 0 {
		first := leaf.Causes[0]
		for _, c := range leaf.Causes[1:] {
			if c.InstanceLocation < first.InstanceLocation ||
				c.InstanceLocation == first.InstanceLocation && c.KeywordLocation < first.KeywordLocation {
				first = c
			}
		}
		leaf = first
	}
	rule := leaf.KeywordLocation
	if i := strings.LastIndexByte(rule, '/'); i >= 0 {
		rule = rule[i+1:]
	}
	// The validator writes the pointer as a URI fragment, with non-ASCII
	// percent-encoded; a JSON pointer is plain text.
	pointer := at + leaf.InstanceLocation
	if p, err := url.PathUnescape(pointer); err == nil {
		pointer = p
	}
	detail := leaf.Message
	if rule == "required" || rule == "additionalProperties" {
		// The fault is a property of the object: name it in the pointer.
		// The validator lists the names in map order; sort them.
		var names []string
		detail, names = sortQuoted(detail)
		if len(names) > 0 {
			pointer += "/" + jsonpointer.Escape(names[0])
		}
	}
	return &DecodeError{Scheme: s.scheme, Pointer: pointer, Rule: rule, Detail: detail, Err: ErrSchema}
}

// sortQuoted sorts the list of 'quoted' names in a validator message, such
// as "additionalProperties 'b', 'a' not allowed", and returns the message
// with the list sorted, and the names.
func sortQuoted(msg string) (string, []string) {
	i, j := strings.IndexByte(msg, '\''), strings.LastIndexByte(msg, '\'')
	if i < 0 || j <= i {
		return msg, nil
	}
	names := strings.Split(msg[i+1:j], "', '")
	slices.Sort(names)
	return msg[:i+1] + strings.Join(names, "', '") + msg[j:], names
}

func (s *Schema) syntax(err error) error {
	detail := err.Error()
	var se *json.SyntaxError
	if errors.As(err, &se) {
		detail = fmt.Sprintf("%s at byte %d", se.Error(), se.Offset)
	}
	return &DecodeError{Scheme: s.scheme, Rule: "syntax", Detail: detail, Err: ErrSyntax}
}

// Decode validates native against the schema and, when it conforms,
// unmarshals it into v. It is the slow, sure path every adapter can use:
// the schema is the published contract.
func (s *Schema) Decode(native []byte, v any) error {
	if err := s.Validate(native); err != nil {
		return err
	}
	if err := json.Unmarshal(native, v); err != nil {
		// The schema accepted what the type cannot hold: a mismatch between
		// the two that the differential tests exist to catch.
		return &DecodeError{Scheme: s.scheme, Rule: "type", Detail: err.Error(), Err: ErrSchema}
	}
	return nil
}

// ValueError returns a [*DecodeError] for a value that passed the schema
// but is wrong all the same, at pointer; cause is kept in the chain.
func ValueError(scheme, pointer string, cause error) error {
	return &DecodeError{Scheme: scheme, Pointer: pointer, Rule: "value", Detail: cause.Error(), Cause: cause, Err: ErrValue}
}

// FlatFault returns the error [Schema.Validate] gives a flat object, and
// whether it could tell without validating the whole object: an object
// whose members are keys[i]: values[i] (each a string or a []any of
// strings) and that [Schema.Parse] reads without fault (see
// jsonscan.FlatMembers). It tells only for a schema whose top level
// asserts nothing but the type object, its properties, required
// properties and additionalProperties, and only when every key is one of
// the properties: then the validator's first fault, by location, is that
// of "required" at the top level when a required property is missing,
// else the first fault of the property whose location comes first among
// those that fail. It words that fault itself, as the validator does, for
// a property whose schema asserts only type, a string enum, the date
// format, minLength, maxLength, pattern, minItems, maxItems, uniqueItems
// and items of these (the faults of a dirty batch); it validates the
// value of any other property alone. A nil fault with known true means
// that the object conforms.
//
// Validating the whole object costs more than the rest of a line (the
// validator writes the location of every property it visits), and a
// dirty batch repeats such records: a missing field, a malformed code.
// FuzzFlatFaultAgreesWithReference holds it to the validator.
func (s *Schema) FlatFault(keys []string, values []any) (fault *DecodeError, known bool) {
	if s.flat == nil || len(keys) != len(values) || len(keys) > maxFlatMembers {
		return nil, false
	}
	var members [maxFlatMembers]flatMember
	var seen uint64
	next := 0
	for i, k := range keys {
		p := s.flat.findString(k, &next)
		if p == nil || seen&p.bit != 0 {
			return nil, false
		}
		seen |= p.bit
		members[i].p = p
	}
	n := 0
	for _, v := range values {
		if l, ok := v.([]any); ok {
			n += len(l)
		}
	}
	// One array for the items of every array: the pattern matcher keeps
	// what it reads, for all escape analysis knows, so it is on the heap.
	items := make([]string, 0, n)
	for i := range keys {
		m := &members[i]
		switch v := values[i].(type) {
		case string:
			m.str = v
		case []any:
			start := len(items)
			for _, x := range v {
				s, ok := x.(string)
				if !ok {
					return nil, false
				}
				items = append(items, s)
			}
			m.isArr, m.items = true, items[start:len(items):len(items)]
		default:
			return nil, false
		}
	}
	return s.flatFault(members[:len(keys)], seen, func(i int) any { return values[i] })
}

// Bounds of the objects FlatFault and FlatFaultOf read: more members and
// items than the flat records of any scheme have, held on the stack.
const (
	maxFlatMembers = 32
	maxFlatItems   = 64
)

// flatMember is a member of a flat object: the property of its key, and a
// string or (isArr) an array of strings.
type flatMember struct {
	p     *propWords // the property of its key
	str   string
	items []string
	isArr bool
}

// flatFault is FlatFault for the members of an object, seen the set of
// their properties (each member's p); value gives the
// value of member i as Parse gives it, for the validator to word what
// wordNode does not.
func (s *Schema) flatFault(members []flatMember, seen uint64, value func(i int) any) (*DecodeError, bool) {
	if fault := s.missing(seen); fault != nil {
		return fault, true
	}
	var first *propWords
	var firstWords wording
	var firstErr error
	for i := range members {
		m := &members[i]
		p := m.p
		if first != nil && p.at >= first.at {
			continue // a fault here would not come first
		}
		if n := p.node; n != nil && (!m.isArr || n.arrays) {
			var w wording
			var bad bool
			if m.isArr {
				w, bad = n.wordArray(m.items)
			} else {
				w, bad = n.wordString(m.str)
			}
			if bad {
				first, firstWords, firstErr = p, w, nil
			}
			continue
		}
		if v := value(i); !sureValid(p.c, v) {
			if err := p.c.Validate(v); err != nil {
				first, firstErr = p, err
			}
		}
	}
	switch {
	case first == nil:
		return nil, true
	case firstErr != nil:
		return s.fault(firstErr, first.at), true
	}
	return &DecodeError{Scheme: s.scheme, Pointer: first.pointer + firstWords.inst, Rule: firstWords.rule,
		Detail: firstWords.detail, Err: ErrSchema}, true
}

// missing returns the validator's fault of an object of the properties
// seen when it lacks a required property, as ValidateValue reports it (the names
// sorted, the pointer at the first), else nil.
func (s *Schema) missing(seen uint64) *DecodeError {
	has := func(r *requiredName) bool { return seen&r.bit != 0 }
	var first *requiredName
	size := 0
	for i := range s.flat.required {
		if r := &s.flat.required[i]; !has(r) {
			if first == nil {
				first = r
			}
			size += len(r.quoted) + 4
		}
	}
	if first == nil {
		return nil
	}
	var b strings.Builder
	b.Grow(len("missing properties: ") + size)
	b.WriteString("missing properties: ")
	sep := ""
	for i := range s.flat.required {
		if r := &s.flat.required[i]; !has(r) {
			b.WriteString(sep)
			b.WriteByte('\'')
			b.WriteString(r.quoted)
			b.WriteByte('\'')
			sep = ", "
		}
	}
	return &DecodeError{Scheme: s.scheme, Pointer: first.pointer, Rule: "required", Detail: b.String(), Err: ErrSchema}
}

// escapeLocation escapes a key as the validator writes it in an instance
// location: a JSON pointer token, percent-encoded.
func escapeLocation(key string) string {
	return url.PathEscape(jsonpointer.Escape(key))
}

// plainObject reports whether the top level of the schema asserts nothing
// but the type object, properties, required and additionalProperties.
func (s *Schema) plainObject() bool {
	c := s.compiled
	if c.Always != nil || c.Ref != nil || c.RecursiveRef != nil || c.DynamicRef != nil ||
		c.Constant != nil || c.Enum != nil || c.Not != nil || c.AllOf != nil || c.AnyOf != nil || c.OneOf != nil || c.If != nil ||
		c.Format != "" || c.MinProperties != -1 || c.MaxProperties != -1 || c.PropertyNames != nil || c.RegexProperties ||
		len(c.PatternProperties) > 0 || len(c.Dependencies) > 0 || len(c.DependentRequired) > 0 || len(c.DependentSchemas) > 0 ||
		c.UnevaluatedProperties != nil || c.ContentSchema != nil {
		return false
	}
	if len(c.Types) > 0 && !slices.Contains(c.Types, "object") {
		return false
	}
	switch ap := c.AdditionalProperties.(type) {
	case nil:
	case bool:
		if ap {
			return false // true admits anything, but say nothing of schemas we did not see
		}
	default:
		return false
	}
	return true
}

// quote is the validator's quoting of a name in its messages.
func quote(s string) string {
	s = fmt.Sprintf("%q", s)
	s = strings.ReplaceAll(s, `\"`, `"`)
	s = strings.ReplaceAll(s, `'`, `\'`)
	return "'" + s[1:len(s)-1] + "'"
}

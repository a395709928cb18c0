package recognition

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v5"
	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand/i18n"
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
	// ErrEncode: a record cannot be put in a scheme's native format.
	ErrEncode = i18n.NewSentinel("recognition.ErrEncode", "记录无法转换为该方案的格式", "the record cannot be expressed in the scheme's format")
	// ErrUnknownScheme: no adapter is registered under that name.
	ErrUnknownScheme = i18n.NewSentinel("recognition.ErrUnknownScheme", "未知的品牌方案", "unknown scheme")
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
	Err    error // ErrSyntax, ErrSchema or ErrValue, possibly wrapping a cause
}

func (e *DecodeError) Error() string {
	ptr := e.Pointer
	if ptr == "" {
		ptr = "/"
	}
	return fmt.Sprintf("recognition: %s record at %s: %s: %s", e.Scheme, ptr, e.Rule, e.Detail)
}

// Unwrap returns the sentinel cause.
func (e *DecodeError) Unwrap() error { return e.Err }

// Localize describes the error in the language that best matches tag.
func (e *DecodeError) Localize(tag language.Tag) string {
	ptr := e.Pointer
	if ptr == "" {
		ptr = "/"
	}
	key := "recognition.rule." + e.Rule
	if !i18n.Has(key) {
		key = "recognition.rule.other"
	}
	return i18n.Sprintf(tag, "recognition.DecodeError", e.Scheme, ptr, i18n.Sprintf(tag, key, e.Detail))
}

func init() {
	i18n.Set("recognition.DecodeError", "%s 记录 %s 处：%s", "%s record at %s: %s")
	i18n.Table("recognition.rule.", [][3]string{
		{"syntax", "JSON 语法错误（%s）", "JSON syntax error (%s)"},
		{"required", "缺少必填字段（%s）", "a required field is missing (%s)"},
		{"additionalProperties", "有方案未定义的字段（%s）", "a field the scheme does not define (%s)"},
		{"type", "类型错误（%s）", "wrong type (%s)"},
		{"pattern", "格式不符（%s）", "does not match the format (%s)"},
		{"format", "格式不符（%s）", "wrong format (%s)"},
		{"enum", "不是允许的取值（%s）", "not an allowed value (%s)"},
		{"const", "不是规定的取值（%s）", "not the required value (%s)"},
		{"minLength", "过短（%s）", "too short (%s)"},
		{"maxLength", "过长（%s）", "too long (%s)"},
		{"minItems", "条目过少（%s）", "too few items (%s)"},
		{"maxItems", "条目过多（%s）", "too many items (%s)"},
		{"minimum", "数值过小（%s）", "too small (%s)"},
		{"maximum", "数值过大（%s）", "too large (%s)"},
		{"value", "取值有误（%s）", "wrong value (%s)"},
		{"other", "不符合规则（%s）", "breaks a rule (%s)"},
	})
}

// Schema is a compiled JSON Schema of a scheme's native record. Adapters
// compile theirs once, at init, with [MustCompileSchema].
type Schema struct {
	scheme   string
	raw      []byte
	compiled *jsonschema.Schema
}

// MustCompileSchema compiles a draft 2020-12 JSON Schema, asserting formats
// such as "date". It panics on a schema that does not compile: schemas are
// embedded at build time, so that is a programming error.
func MustCompileSchema(scheme string, raw []byte) *Schema {
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
	return &Schema{scheme: scheme, raw: raw, compiled: s}
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
// [*DecodeError].
func (s *Schema) Parse(native []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(native))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, s.syntax(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, &DecodeError{Scheme: s.scheme, Rule: "syntax", Detail: "more than one JSON value", Err: ErrSyntax}
	}
	return v, nil
}

// ValidateValue checks a tree made by [Schema.Parse] against the schema.
func (s *Schema) ValidateValue(v any) error {
	if err := s.compiled.Validate(v); err != nil {
		var ve *jsonschema.ValidationError
		if !errors.As(err, &ve) {
			return &DecodeError{Scheme: s.scheme, Rule: "other", Detail: err.Error(), Err: ErrSchema}
		}
		leaf := ve
		for len(leaf.Causes) > 0 {
			leaf = leaf.Causes[0]
		}
		rule := leaf.KeywordLocation
		if i := strings.LastIndexByte(rule, '/'); i >= 0 {
			rule = rule[i+1:]
		}
		pointer := leaf.InstanceLocation
		if rule == "required" || rule == "additionalProperties" {
			// The fault is a property of the object: name it in the pointer.
			if name, ok := quoted(leaf.Message); ok {
				pointer += "/" + escapePointer(name)
			}
		}
		return &DecodeError{Scheme: s.scheme, Pointer: pointer, Rule: rule, Detail: leaf.Message, Err: ErrSchema}
	}
	return nil
}

// quoted returns the first 'quoted' name in a validator message, such as
// "missing properties: '证书编号'".
func quoted(msg string) (string, bool) {
	i := strings.IndexByte(msg, '\'')
	if i < 0 {
		return "", false
	}
	j := strings.IndexByte(msg[i+1:], '\'')
	if j < 0 {
		return "", false
	}
	return msg[i+1 : i+1+j], true
}

// escapePointer escapes a property name for a JSON pointer (RFC 6901).
func escapePointer(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
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
	return &DecodeError{Scheme: scheme, Pointer: pointer, Rule: "value", Detail: cause.Error(), Err: errors.Join(ErrValue, cause)}
}

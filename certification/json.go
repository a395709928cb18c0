package certification

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/jxgreen/jxgreen/brand/jsonpointer"
)

// UnmarshalJSON decodes a certificate from its JSON form, the one that
// encoding/json writes for a Certificate, and checks it with
// [Certificate.Validate]: a certificate without an issue date or an end of
// validity, or with a history out of date order, does not load. A
// certificate without "mode" loads with the zero Mode (not stated), as
// encoding/json writes it. Values have one spelling each: a mode, a status
// and an action are read exactly as MarshalText writes them ("5", not
// "type 5" or "类型5"). Objects and arrays nest at most 32 deep. The JSON
// form carries no status (it is computed, see [Certificate.StatusAt]). A
// "status" member, which older versions wrote, is accepted only when it
// names the status that the history leaves, expiry aside ("valid",
// "suspended", "revoked" or "cancelled"), so that a record saying
// "revoked" without the step that revoked it cannot load as valid.
//
// The decoder is strict about member names: each must be, once JSON
// escapes are decoded, exactly a name that encoding/json writes for its
// object (no case folding), and none may occur twice in an object
// (encoding/json alone would match "Product" or even "ſcope" and keep the
// last of duplicates, so two readers could see two certificates). Every refusal is a
// [*FieldError] whose Pointer is the JSON pointer of the culprit. Following
// the encoding/json convention, null leaves c unchanged.
func (c *Certificate) UnmarshalJSON(b []byte) error {
	if string(bytes.TrimSpace(b)) == "null" {
		return nil
	}
	if err := checkMembers(b); err != nil {
		return err
	}
	var w struct {
		plain
		Status *Status `json:"status"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		// Find the culprit member by member, only now that there is one:
		// encoding/json does not say which member an UnmarshalText error
		// came from, and names embedded types in its type errors.
		if fe := locate(b, reflect.ValueOf(&w).Elem(), "", ""); fe != nil {
			return fe
		}
		return decodeError(err)
	}
	v := Certificate(w.plain)
	if err := v.Validate(); err != nil {
		var fe *FieldError
		if errors.As(err, &fe) {
			fe.Pointer = pointerOf(fe.Field)
		}
		return err
	}
	if w.Status != nil {
		if st, _ := v.replayAll(); st != *w.Status {
			return &FieldError{Field: "status", Pointer: "/status", Reason: ReasonStatus, Value: w.Status.String()}
		}
	}
	*c = v
	return nil
}

// plain is a Certificate without its UnmarshalJSON method.
type plain Certificate

// locate decodes the JSON value b into v member by member and element by
// element and returns a [*FieldError] for the first value that does not
// decode, at its JSON pointer ptr (field names the Go field for
// [FieldError.Field]), or nil if every value decodes. It runs only after
// encoding/json has refused a document that checkMembers accepted, so the
// names are known and unique. A value whose type decodes itself (a mode, a
// date, a credit code, …) is decoded whole.
func locate(b []byte, v reflect.Value, ptr, field string) *FieldError {
	t := v.Type()
	self := reflect.PointerTo(t).Implements(unmarshalerType) || reflect.PointerTo(t).Implements(textUnmarshalerType)
	switch {
	case !self && t.Kind() == reflect.Struct:
		var members map[string]json.RawMessage
		if err := json.Unmarshal(b, &members); err != nil {
			return valueError(err, b, ptr, field)
		}
		return locateFields(members, v, ptr, field)
	case !self && t.Kind() == reflect.Slice && t.Elem().Kind() != reflect.Uint8:
		var elems []json.RawMessage
		if err := json.Unmarshal(b, &elems); err != nil {
			return valueError(err, b, ptr, field)
		}
		for i, e := range elems {
			n := strconv.Itoa(i)
			if fe := locate(e, reflect.New(t.Elem()).Elem(), ptr+"/"+n, field+"["+n+"]"); fe != nil {
				return fe
			}
		}
		return nil
	}
	if err := json.Unmarshal(b, v.Addr().Interface()); err != nil {
		return valueError(err, b, ptr, field)
	}
	return nil
}

// locateFields runs locate on each member of an object decoded into the
// struct v, embedded structs included.
func locateFields(members map[string]json.RawMessage, v reflect.Value, ptr, field string) *FieldError {
	t := v.Type()
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Anonymous && f.Type.Kind() == reflect.Struct {
			if fe := locateFields(members, v.Field(i), ptr, field); fe != nil {
				return fe
			}
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		raw, ok := members[name]
		if !ok || name == "" || name == "-" {
			continue
		}
		sub := name
		if field != "" {
			sub = field + "." + name
		}
		fv := v.Field(i)
		if fv.Kind() == reflect.Pointer {
			fv = reflect.New(fv.Type().Elem()).Elem()
		}
		if fe := locate(raw, fv, ptr+"/"+jsonpointer.Escape(name), sub); fe != nil {
			return fe
		}
	}
	return nil
}

var (
	unmarshalerType     = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// valueError is the [*FieldError] for the JSON value b at ptr that
// encoding/json refused with err: a type error names the JSON type found;
// any other error (a mode, status, date or code that does not parse) is an
// invalid value, with the value as written.
func valueError(err error, b []byte, ptr, field string) *FieldError {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return &FieldError{Field: field, Pointer: ptr, Reason: ReasonType, Value: te.Value, Err: err}
	}
	val := string(b)
	var str string
	if json.Unmarshal(b, &str) == nil {
		val = str
	}
	return &FieldError{Field: field, Pointer: ptr, Reason: ReasonInvalid, Value: val, Err: err}
}

// decodeError turns an encoding/json error into a [*FieldError].
func decodeError(err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return &FieldError{Field: "", Pointer: "/", Reason: ReasonSyntax, Value: strconv.FormatInt(se.Offset, 10), Err: err}
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		f := strings.TrimPrefix(te.Field, "plain.") // the embedded type is no member
		return &FieldError{Field: f, Pointer: "/" + strings.ReplaceAll(f, ".", "/"), Reason: ReasonType, Value: te.Value, Err: err}
	}
	return &FieldError{Field: "", Pointer: "/", Reason: ReasonInvalid, Err: err}
}

// pointerOf turns a Validate field name ("history[2].at") into the JSON
// pointer of the field ("/history/2/at").
func pointerOf(field string) string {
	if field == "holder.code" {
		return "/holder/credit_code"
	}
	r := strings.NewReplacer("[", "/", "]", "", ".", "/")
	return "/" + r.Replace(field)
}

var eventNames = names("action", "at", "reason", "passed", "expires", "replaced")

// jsonNames are the member names that each object of a certificate's JSON
// form may have, by the path of the object with array indexes left out.
var jsonNames = map[string]map[string]bool{
	"": names("number", "scheme", "holder", "product", "scope", "standards", "body", "mode",
		"issued", "expires", "history", "retracted", "status"),
	"holder":          names("name", "credit_code"),
	"body":            names("name", "approval", "accreditation", "certifies", "alliance", "position", "source"),
	"history":         eventNames,
	"retracted":       names("event", "at", "reason"),
	"retracted/event": eventNames,
}

func names(s ...string) map[string]bool {
	m := make(map[string]bool, len(s))
	for _, n := range s {
		m[n] = true
	}
	return m
}

// checkMembers walks the JSON document b and refuses a member whose name
// is not one that its object may have, spelled exactly, or that occurs
// twice in its object; and a document that is not one object.
// encoding/json would match names without regard to case (even "ſcope"
// for "scope") and keep the last of duplicates, so one certificate would
// have many spellings.
func checkMembers(b []byte) error {
	if !json.Valid(b) {
		var v any
		err := json.Unmarshal(b, &v)
		var se *json.SyntaxError
		off := int64(len(b))
		if errors.As(err, &se) {
			off = se.Offset
		}
		return &FieldError{Pointer: "/", Reason: ReasonSyntax, Value: strconv.FormatInt(off, 10), Err: err}
	}
	s := scanner{b: b}
	s.space()
	if s.b[s.i] != '{' {
		return &FieldError{Pointer: "/", Reason: ReasonType, Value: "not an object"}
	}
	return s.value("")
}

// scanner walks a document that json.Valid accepted, keeping the path of
// member names and indexes to the value it is in, for the JSON pointer of
// an error.
type scanner struct {
	b     []byte
	i     int
	path  []string
	depth int
}

// maxDepth is how deeply objects and arrays may nest in a certificate's
// JSON form; the deepest that encoding/json writes is 4
// (/retracted/0/event/at). A bound keeps a hostile document from costing
// more than its size.
const maxDepth = 32

func (s *scanner) space() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

// str reads a string at s.i and returns its raw contents and whether they
// hold an escape.
func (s *scanner) str() ([]byte, bool) {
	s.i++ // '"'
	start, esc := s.i, false
	for {
		switch s.b[s.i] {
		case '\\':
			esc = true
			s.i += 2
		case '"':
			s.i++
			return s.b[start : s.i-1], esc
		default:
			s.i++
		}
	}
}

// pointer returns the JSON pointer of the path, with name appended.
func (s *scanner) pointer(name string) string {
	var p strings.Builder
	for _, seg := range append(s.path, name) {
		p.WriteByte('/')
		p.WriteString(jsonpointer.Escape(seg))
	}
	return p.String()
}

// here returns the JSON pointer of the path.
func (s *scanner) here() string {
	if len(s.path) == 0 {
		return "/"
	}
	var p strings.Builder
	for _, seg := range s.path {
		p.WriteByte('/')
		p.WriteString(jsonpointer.Escape(seg))
	}
	return p.String()
}

// value walks the value at s.i; ctx is the key of jsonNames for an object.
func (s *scanner) value(ctx string) error {
	s.space()
	if c := s.b[s.i]; c == '{' || c == '[' {
		if s.depth == maxDepth {
			return &FieldError{Field: strings.Join(s.path, "."), Pointer: s.here(), Reason: ReasonTooDeep, Value: strconv.Itoa(maxDepth)}
		}
		s.depth++
		defer func() { s.depth-- }()
	}
	switch s.b[s.i] {
	case '{':
		s.i++
		var seen []string
		for {
			s.space()
			if s.b[s.i] == '}' {
				s.i++
				return nil
			}
			if s.b[s.i] == ',' {
				s.i++
				s.space()
			}
			raw, esc := s.str()
			name := string(raw)
			if esc || !utf8.Valid(raw) { // the name as encoding/json reads it
				_ = json.Unmarshal(s.b[s.i-len(raw)-2:s.i], &name)
			}
			if slices.Contains(seen, name) {
				return &FieldError{Field: name, Pointer: s.pointer(name), Reason: ReasonDuplicate, Value: name}
			}
			if !jsonNames[ctx][name] {
				return &FieldError{Field: name, Pointer: s.pointer(name), Reason: ReasonUnknown, Value: name}
			}
			seen = append(seen, name)
			s.space()
			s.i++ // ':'
			child := name
			if ctx != "" {
				child = ctx + "/" + name
			}
			s.path = append(s.path, name)
			if err := s.value(child); err != nil {
				return err
			}
			s.path = s.path[:len(s.path)-1]
		}
	case '[':
		s.i++
		for n := 0; ; n++ {
			s.space()
			if s.b[s.i] == ']' {
				s.i++
				return nil
			}
			if s.b[s.i] == ',' {
				s.i++
			}
			s.path = append(s.path, strconv.Itoa(n))
			if err := s.value(ctx); err != nil {
				return err
			}
			s.path = s.path[:len(s.path)-1]
		}
	case '"':
		s.str()
	default: // a number, true, false or null
		for s.i < len(s.b) && !strings.ContainsRune(",]} \t\n\r", rune(s.b[s.i])) {
			s.i++
		}
	}
	return nil
}

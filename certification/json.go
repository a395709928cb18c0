package certification

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// UnmarshalJSON decodes a certificate from its JSON form, the one that
// encoding/json writes for a Certificate, and checks it with
// [Certificate.Validate]: a certificate without an issue date or an end of
// validity, or with a history out of date order, does not load; nor does
// one without a certification mode, which the JSON form always has. The JSON
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
		return decodeError(err)
	}
	v := Certificate(w.plain)
	if !v.Mode.Valid() { // the JSON form always has one: Mode(0) cannot be written
		return &FieldError{Field: "mode", Pointer: "/mode", Reason: "missing"}
	}
	if err := v.Validate(); err != nil {
		var fe *FieldError
		if errors.As(err, &fe) {
			fe.Pointer = pointerOf(fe.Field)
		}
		return err
	}
	if w.Status != nil {
		if st, _ := v.replayAll(); st != *w.Status {
			return &FieldError{Field: "status", Pointer: "/status", Reason: "status", Value: w.Status.Code()}
		}
	}
	*c = v
	return nil
}

// plain is a Certificate without its UnmarshalJSON method.
type plain Certificate

// decodeError turns an encoding/json error into a [*FieldError].
func decodeError(err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return &FieldError{Field: "", Pointer: "/", Reason: "syntax", Value: strconv.FormatInt(se.Offset, 10), Err: err}
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return &FieldError{Field: te.Field, Pointer: "/" + strings.ReplaceAll(te.Field, ".", "/"), Reason: "type", Value: te.Value, Err: err}
	}
	return &FieldError{Field: "", Pointer: "/", Reason: "invalid", Value: err.Error(), Err: err}
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
		return &FieldError{Pointer: "/", Reason: "syntax", Value: strconv.FormatInt(off, 10), Err: err}
	}
	s := scanner{b: b}
	s.space()
	if s.b[s.i] != '{' {
		return &FieldError{Pointer: "/", Reason: "type", Value: "not an object"}
	}
	return s.value("")
}

// scanner walks a document that json.Valid accepted, keeping the path of
// member names and indexes to the value it is in, for the JSON pointer of
// an error.
type scanner struct {
	b    []byte
	i    int
	path []string
}

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
		p.WriteString(escapePointer(seg))
	}
	return p.String()
}

// value walks the value at s.i; ctx is the key of jsonNames for an object.
func (s *scanner) value(ctx string) error {
	s.space()
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
				return &FieldError{Field: name, Pointer: s.pointer(name), Reason: "duplicate", Value: name}
			}
			if !jsonNames[ctx][name] {
				return &FieldError{Field: name, Pointer: s.pointer(name), Reason: "unknown", Value: name}
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

// escapePointer escapes a member name for a JSON pointer (RFC 6901).
func escapePointer(s string) string {
	if !strings.ContainsAny(s, "~/") {
		return s
	}
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(s)
}

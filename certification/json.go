package certification

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"
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
// The decoder accepts one spelling: member names exactly as written by
// encoding/json (no case folding), no unknown and no duplicate members
// (encoding/json would keep the last of duplicates). Every refusal is a
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
	type frame struct {
		obj       bool
		expectKey bool
		ptr, path string
		key       string
		idx       int
		seen      map[string]bool
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var stack []*frame
	started := false
	done := func() { // a value of the top frame is complete
		if n := len(stack); n > 0 {
			if f := stack[n-1]; f.obj {
				f.expectKey = true
			} else {
				f.idx++
			}
		}
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			if !started || len(stack) > 0 {
				return &FieldError{Pointer: "/", Reason: "syntax", Value: strconv.FormatInt(dec.InputOffset(), 10), Err: io.ErrUnexpectedEOF}
			}
			return nil
		}
		if err != nil {
			return &FieldError{Pointer: "/", Reason: "syntax", Value: strconv.FormatInt(dec.InputOffset(), 10), Err: err}
		}
		if started && len(stack) == 0 { // data after the certificate
			return &FieldError{Pointer: "/", Reason: "syntax", Value: strconv.FormatInt(dec.InputOffset(), 10)}
		}
		var top *frame
		if n := len(stack); n > 0 {
			top = stack[n-1]
		}
		if top != nil && top.obj && top.expectKey {
			if tok == json.Delim('}') {
				stack = stack[:len(stack)-1]
				done()
				continue
			}
			k, _ := tok.(string)
			ptr := top.ptr + "/" + escapePointer(k)
			if top.seen[k] {
				return &FieldError{Field: k, Pointer: ptr, Reason: "duplicate", Value: k}
			}
			if !jsonNames[top.path][k] {
				return &FieldError{Field: k, Pointer: ptr, Reason: "unknown", Value: k}
			}
			top.seen[k], top.key, top.expectKey = true, k, false
			continue
		}
		if !started {
			if tok != json.Delim('{') {
				return &FieldError{Pointer: "/", Reason: "type", Value: "not an object"}
			}
			started = true
			stack = append(stack, &frame{obj: true, expectKey: true, seen: map[string]bool{}})
			continue
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			ptr, path := "", ""
			if top.obj {
				ptr = top.ptr + "/" + escapePointer(top.key)
				path = top.key
				if top.path != "" {
					path = top.path + "/" + top.key
				}
			} else {
				ptr, path = top.ptr+"/"+strconv.Itoa(top.idx), top.path
			}
			f := &frame{obj: tok == json.Delim('{'), expectKey: true, ptr: ptr, path: path}
			if f.obj {
				f.seen = map[string]bool{}
			}
			stack = append(stack, f)
		case json.Delim(']'):
			stack = stack[:len(stack)-1]
			done()
		default:
			done()
		}
	}
}

// escapePointer escapes a member name for a JSON pointer (RFC 6901).
func escapePointer(s string) string {
	if !strings.ContainsAny(s, "~/") {
		return s
	}
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(s)
}

package certification

import (
	"bytes"
	"encoding/json"
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/jxgreen/jxgreen/brand/jsonpointer"
)

// FuzzCheckMembers holds the hand-written walk of checkMembers to a walk
// with encoding/json's Decoder.Token: the same inputs refused, with the
// same reason and pointer.
func FuzzCheckMembers(f *testing.F) {
	f.Add(readFixture(f))
	for _, s := range []string{`{}`, `[]`, `{"a":1}`, `{"number":"x","number":"y"}`, `{"holder":{"name":"a","name":"b"}}`,
		`{"history":[{"at":1},{"at":2,"x":3}]}`, `{"\u0070roduct":"x","product":"y"}`, `{"history":[[{"a":1}]]}`,
		`{"body":{"name":"a\"b","certifies":true}, "standards":["x",{"y":1}]}`, ` {"retracted":[{"event":{"action":"x","bad":1}}]} `,
		`{"scope":` + strings.Repeat("[", 40) + strings.Repeat("]", 40) + `}`, `{"history":[` + strings.Repeat(`[`, 31) + strings.Repeat(`]`, 31) + `]}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if !json.Valid(b) {
			if checkMembers(b) == nil {
				t.Fatalf("accepted invalid JSON %q", b)
			}
			return
		}
		got, want := checkMembers(b), checkMembersTokens(b)
		if (got == nil) != (want == nil) {
			t.Fatalf("%q: walk %v, tokens %v", b, got, want)
		}
		if got != nil {
			g, w := got.(*FieldError), want.(*FieldError)
			if g.Pointer != w.Pointer || g.Reason != w.Reason {
				t.Fatalf("%q: walk %s %s, tokens %s %s", b, g.Pointer, g.Reason, w.Pointer, w.Reason)
			}
		}
	})
}

// checkMembers walks the JSON document b and refuses a member whose name
// is not one that its object may have, spelled exactly, or that occurs
// twice in its object; and a document that is not one object.
// encoding/json would match names without regard to case (even "ſcope"
// for "scope") and keep the last of duplicates, so one certificate would
// have many spellings.
func checkMembersTokens(b []byte) error {
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
			ptr := top.ptr + "/" + jsonpointer.Escape(k)
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
				ptr = top.ptr + "/" + jsonpointer.Escape(top.key)
				path = top.key
				if top.path != "" {
					path = top.path + "/" + top.key
				}
			} else {
				ptr, path = top.ptr+"/"+strconv.Itoa(top.idx), top.path
			}
			if len(stack) == maxDepth {
				if ptr == "" {
					ptr = "/"
				}
				return &FieldError{Pointer: ptr, Reason: "too-deep", Value: strconv.Itoa(maxDepth)}
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

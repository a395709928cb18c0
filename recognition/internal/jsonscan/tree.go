package jsonscan

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/jxgreen/jxgreen/brand/jsonpointer"
)

// Bounds of any JSON the tree readers read, applied while it is parsed and
// before it is validated, so that a hostile line costs no more than a
// normal one of the same size: no schema of the library admits more, and
// a value past a bound is refused at once with a [*TreeError] that names
// the JSON pointer.
const (
	MaxDepth   = 32       // nesting of objects and arrays
	MaxItems   = 256      // items of one array
	MaxMembers = 256      // members of one object
	MaxString  = 16 << 10 // bytes of one string or key, after unescaping
)

// pathSeg is one step of a JSON pointer: a key (as a string, or as the
// input's bytes), or an array index.
type pathSeg struct {
	key   string
	raw   []byte
	idx   int
	isIdx bool
}

// TreeError is why a tree reader refused its input, and where.
type TreeError struct {
	kind    string // "duplicate", "items", "members", "string", "depth"
	key     string // the duplicate key
	pointer string
}

func pointerOf(path []pathSeg) string {
	var b strings.Builder
	for _, p := range path {
		b.WriteByte('/')
		if p.isIdx {
			b.WriteString(strconv.Itoa(p.idx))
		} else if p.raw != nil {
			b.WriteString(jsonpointer.Escape(string(p.raw)))
		} else {
			b.WriteString(jsonpointer.Escape(p.key))
		}
	}
	return b.String()
}

func (s *scanner) pointer() string { return pointerOf(s.path) }

// SlowTree reads any JSON with encoding/json's tokenizer, with the rules
// of tree: numbers as json.Number, duplicate keys and values past the
// bounds refused at the first in document order. It is the reader for
// what Tree declines (escapes, invalid UTF-8, syntax errors).
func SlowTree(b []byte) (any, *TreeError, error) {
	r := tokenReader{dec: json.NewDecoder(bytes.NewReader(b))}
	r.dec.UseNumber()
	v, terr, err := r.value(0)
	if terr != nil || err != nil {
		return nil, terr, err
	}
	if _, err := r.dec.Token(); err != io.EOF {
		return nil, nil, ErrMoreValues
	}
	return v, nil, nil
}

var (
	// ErrMoreValues: the input holds more than one JSON value.
	ErrMoreValues      = errors.New("more than one JSON value")
	errUnexpectedDelim = errors.New("unexpected delimiter")
)

type tokenReader struct {
	dec  *json.Decoder
	path []pathSeg
}

func (r *tokenReader) value(depth int) (any, *TreeError, error) {
	tok, err := r.dec.Token()
	if err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return nil, nil, err
	}
	switch t := tok.(type) {
	case string:
		if len(t) > MaxString {
			return nil, &TreeError{kind: "string", pointer: pointerOf(r.path)}, nil
		}
		return t, nil, nil
	case json.Delim:
		if depth >= MaxDepth {
			return nil, &TreeError{kind: "depth", pointer: pointerOf(r.path)}, nil
		}
		switch t {
		case '{':
			m := map[string]any{}
			for r.dec.More() {
				kt, err := r.dec.Token()
				if err != nil {
					return nil, nil, err
				}
				key, _ := kt.(string) // the tokenizer allows only strings here
				if len(key) > MaxString {
					return nil, &TreeError{kind: "string", pointer: pointerOf(r.path)}, nil
				}
				if _, dup := m[key]; dup {
					return nil, &TreeError{kind: "duplicate", key: key, pointer: pointerOf(append(r.path, pathSeg{key: key}))}, nil
				}
				if len(m) == MaxMembers {
					return nil, &TreeError{kind: "members", pointer: pointerOf(r.path)}, nil
				}
				r.path = append(r.path, pathSeg{key: key})
				v, terr, err := r.value(depth + 1)
				r.path = r.path[:len(r.path)-1]
				if terr != nil || err != nil {
					return nil, terr, err
				}
				m[key] = v
			}
			if _, err := r.dec.Token(); err != nil {
				return nil, nil, err
			}
			return m, nil, nil
		case '[':
			l := []any{}
			for r.dec.More() {
				if len(l) == MaxItems {
					return nil, &TreeError{kind: "items", pointer: pointerOf(r.path)}, nil
				}
				r.path = append(r.path, pathSeg{idx: len(l), isIdx: true})
				v, terr, err := r.value(depth + 1)
				r.path = r.path[:len(r.path)-1]
				if terr != nil || err != nil {
					return nil, terr, err
				}
				l = append(l, v)
			}
			if _, err := r.dec.Token(); err != nil {
				return nil, nil, err
			}
			return l, nil, nil
		}
		return nil, nil, errUnexpectedDelim // the tokenizer reports these itself
	}
	return tok, nil, nil
}

// Kind is why the reader refused: "duplicate" (a key twice), "items",
// "members", "string" or "depth" (a bound).
func (e *TreeError) Kind() string { return e.kind }

// Key is the duplicate key, for kind "duplicate".
func (e *TreeError) Key() string { return e.key }

// Pointer is the JSON pointer (RFC 6901) of the fault.
func (e *TreeError) Pointer() string { return e.pointer }

// Bound is the bound that was passed, for the kinds of a bound; 0 for a
// duplicate key.
func (e *TreeError) Bound() int {
	return map[string]int{"items": MaxItems, "members": MaxMembers, "string": MaxString, "depth": MaxDepth}[e.kind]
}

// FirstInvalid returns the offset of the first byte of b that is not
// part of valid UTF-8; len(b) when there is none.
func FirstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(b)
}

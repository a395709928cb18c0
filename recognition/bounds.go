package recognition

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/jxgreen/jxgreen/brand/i18n"
)

// Bounds of any JSON a [Schema] reads, applied while it is parsed and
// before it is validated, so that a hostile line costs no more than a
// normal one of the same size: no schema of the library admits more, and
// a value past a bound is refused at once with an [ErrTooLarge]
// [*DecodeError] that names the JSON pointer and the bound.
const (
	MaxDepth   = 32       // nesting of objects and arrays
	MaxItems   = 256      // items of one array
	MaxMembers = 256      // members of one object
	MaxString  = 16 << 10 // bytes of one string or key, after unescaping
)

// Sentinel errors of reading JSON, besides [ErrSyntax].
var (
	// ErrDuplicateKey: an object has the same key twice. RFC 7493 (I-JSON)
	// forbids it, and encoding/json would silently keep the last one: a
	// record that says both 撤销 and 有效 must not be read as either.
	ErrDuplicateKey = i18n.NewSentinel("recognition.ErrDuplicateKey", "JSON 对象中有重复的键（RFC 7493）", "a JSON object has a duplicate key (RFC 7493)")
	// ErrTooLarge: an array, object, string or nesting goes past the
	// bounds ([MaxItems], [MaxMembers], [MaxString], [MaxDepth]).
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

// pathSeg is one step of a JSON pointer: a key (as a string, or as the
// input's bytes), or an array index.
type pathSeg struct {
	key   string
	raw   []byte
	idx   int
	isIdx bool
}

// treeError is why a tree reader refused its input, and where.
type treeError struct {
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
			b.WriteString(escapePointer(string(p.raw)))
		} else {
			b.WriteString(escapePointer(p.key))
		}
	}
	return b.String()
}

func (s *scanner) pointer() string { return pointerOf(s.path) }

// decodeError turns e into the error Parse returns.
func (e *treeError) decodeError(scheme string) *DecodeError {
	if e.kind == "duplicate" {
		return &DecodeError{Scheme: scheme, Pointer: e.pointer, Rule: "duplicateKey",
			Detail: "duplicate key " + strconv.Quote(e.key), Cause: NewFault("recognition.fault.duplicate", e.key), Err: ErrDuplicateKey}
	}
	bound := map[string]int{"items": MaxItems, "members": MaxMembers, "string": MaxString, "depth": MaxDepth}[e.kind]
	f := NewFault("recognition.fault.bound."+e.kind, bound)
	return &DecodeError{Scheme: scheme, Pointer: e.pointer, Rule: "bound", Detail: f.Error(), Cause: f, Err: ErrTooLarge}
}

// slowTree reads any JSON with encoding/json's tokenizer, with the rules
// of tree: numbers as json.Number, duplicate keys and values past the
// bounds refused at the first in document order. It is the reader for
// what tree declines (escapes, invalid UTF-8, syntax errors).
func slowTree(b []byte) (any, *treeError, error) {
	r := tokenReader{dec: json.NewDecoder(bytes.NewReader(b))}
	r.dec.UseNumber()
	v, terr, err := r.value(0)
	if terr != nil || err != nil {
		return nil, terr, err
	}
	if _, err := r.dec.Token(); err != io.EOF {
		return nil, nil, errMoreValues
	}
	return v, nil, nil
}

var (
	errMoreValues      = errors.New("more than one JSON value")
	errUnexpectedDelim = errors.New("unexpected delimiter")
)

type tokenReader struct {
	dec  *json.Decoder
	path []pathSeg
}

func (r *tokenReader) value(depth int) (any, *treeError, error) {
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
			return nil, &treeError{kind: "string", pointer: pointerOf(r.path)}, nil
		}
		return t, nil, nil
	case json.Delim:
		if depth >= MaxDepth {
			return nil, &treeError{kind: "depth", pointer: pointerOf(r.path)}, nil
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
					return nil, &treeError{kind: "string", pointer: pointerOf(r.path)}, nil
				}
				if _, dup := m[key]; dup {
					return nil, &treeError{kind: "duplicate", key: key, pointer: pointerOf(append(r.path, pathSeg{key: key}))}, nil
				}
				if len(m) == MaxMembers {
					return nil, &treeError{kind: "members", pointer: pointerOf(r.path)}, nil
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
					return nil, &treeError{kind: "items", pointer: pointerOf(r.path)}, nil
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

// Package enum gives the module's enumerations their codes, names and
// parsing from one table each: [Names] is the one implementation of the
// convention that String is the stable code and Localize the name.
package enum

import (
	"fmt"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand/i18n"

	"github.com/jxgreen/jxgreen/brand/fold"
)

// Names is the table of names of an enumeration whose values count from 1:
// for each, a stable code and its Chinese and English names. It gives an
// enumeration type its String, Code, Localize and parsing in one line each.
type Names struct {
	typ, prefix string
	t           [][3]string
}

// New registers the names of the enumeration typ as messages
// prefix+code and returns the table. Entry i-1 names value i.
func New(typ, prefix string, t ...[3]string) Names {
	i18n.Table(prefix, t)
	return Names{typ: typ, prefix: prefix, t: t}
}

// Valid reports whether i is a value of the enumeration.
func (n Names) Valid(i int) bool { return i >= 1 && i <= len(n.t) }

// Code returns the stable code of value i, or "Type(i)" for a value out of
// range, so that a bad value shows itself.
func (n Names) Code(i int) string {
	if !n.Valid(i) {
		return fmt.Sprintf("%s(%d)", n.typ, i)
	}
	return n.t[i-1][0]
}

// Chinese returns the Chinese name of value i, or "Type(i)".
func (n Names) Chinese(i int) string {
	if !n.Valid(i) {
		return n.Code(i)
	}
	return n.t[i-1][1]
}

// Localize returns the name of value i in the language that best matches
// tag, or "Type(i)".
func (n Names) Localize(i int, tag language.Tag) string {
	if !n.Valid(i) {
		return n.Code(i)
	}
	return i18n.Sprintf(tag, n.prefix+n.t[i-1][0])
}

// ParseFolded returns the value whose code, Chinese or English name is s
// once both are folded as words ([fold.Word]: width, case, spaces and
// hyphens), for reading what people type.
func (n Names) ParseFolded(s string) (int, bool) {
	f := fold.Word(s)
	for i, e := range n.t {
		if f == fold.Word(e[0]) || f == fold.Word(e[1]) || f == fold.Word(e[2]) {
			return i + 1, true
		}
	}
	return 0, false
}

// Parse returns the value whose code, Chinese or English name is s.
func (n Names) Parse(s string) (int, bool) {
	for i, e := range n.t {
		if s == e[0] || s == e[1] || s == e[2] {
			return i + 1, true
		}
	}
	return 0, false
}

// Register registers the messages of a code table (findings, violations,
// reasons) as the i18n messages prefix+code: for each code, its Chinese and
// English format strings in the sense of fmt. It is for package init, like
// [i18n.Set].
func Register[C ~string](prefix string, t map[C][2]string) {
	for code, m := range t {
		i18n.Set(prefix+string(code), m[0], m[1])
	}
}

package schema

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/jxgreen/jxgreen/brand/jsonpointer"
	"github.com/jxgreen/jxgreen/recognition/internal/fastpath"
	"github.com/jxgreen/jxgreen/recognition/internal/jsonscan"
)

// flatWords is what [Schema.FlatFault] reads of a schema whose top level
// is a plain object (see plainObject), prepared once when the schema is
// compiled: each property's location and pointer, and for the properties
// whose schema asserts only the keywords wordNode reads, the validator's
// messages for them, so that the common faults of a dirty record (a
// pattern, a missing field, a length, a type) are worded without running
// the validator. It is read-only after MustCompile.
type flatWords struct {
	props    []*propWords   // by key
	required []requiredName // by quoted, as sortQuoted orders them
}

// find returns the property of key, or nil; it looks first at props[*next]
// (records list their keys in about the same order) and leaves *next after
// what it finds. It compares the first eight bytes and the length of
// each key before the key.
func (fw *flatWords) find(key []byte, next *int) *propWords {
	head := prefix8(key)
	i := *next
	for range fw.props {
		if i >= len(fw.props) {
			i = 0
		}
		if p := fw.props[i]; p.head == head && len(p.key) == len(key) && p.key == string(key) {
			*next = i + 1
			return p
		}
		i++
	}
	return nil
}

// findString is find for a key as a string.
func (fw *flatWords) findString(key string, next *int) *propWords {
	for n := range fw.props {
		i := (*next + n) % len(fw.props)
		if p := fw.props[i]; p.key == key {
			*next = i + 1
			return p
		}
	}
	return nil
}

// prefix8 returns the first eight bytes of b (fewer, zero-padded) as a
// number.
func prefix8[T string | []byte](b T) uint64 {
	var x uint64
	for i := 0; i < 8 && i < len(b); i++ {
		x |= uint64(b[i]) << (8 * i)
	}
	return x
}

// propWords is a property of a plain object.
type propWords struct {
	key     string
	head    uint64 // prefix8(key)
	bit     uint64 // its bit in a set of properties
	c       *jsonschema.Schema
	at      string     // its instance location, as the validator escapes it
	pointer string     // at, unescaped as Schema.fault unescapes it
	node    *nodeWords // nil: the validator words its faults
}

// requiredName is a required property: its name, its quoting in the
// validator's message (without the outer quotes) and the pointer that
// Schema.fault makes of that quoting.
type requiredName struct {
	name, quoted, pointer string
	bit                   uint64 // the property's bit; 0 for a name that is not a property
}

// nodeWords is a schema that asserts nothing of a string or an array of
// strings but type, enum (of strings), the date format, minLength,
// maxLength, pattern, minItems, maxItems, uniqueItems and items (a schema
// of these keywords too), with the validator's messages that do not
// depend on the value.
type nodeWords struct {
	c                     *jsonschema.Schema
	typeString, typeArray string            // the type fault of a string, an array; "" when the type admits it
	enum                  string            // the enum fault; "" for no enum
	date                  bool              // asserts the "date" format
	pattern               string            // the pattern fault; "" for no pattern
	match                 func(string) bool // the pattern's MatchString, or its hand-written check (fastpath.Shape)
	arrays                bool              // an array is worded (no enum, format or pattern on one)
	items                 *nodeWords
}

// prepareFlat reads what FlatFault needs of s, when its top level is a
// plain object.
func (s *Schema) prepareFlat() {
	if !s.plainObject() {
		return
	}
	c := s.compiled
	if len(c.Properties) > 64 {
		return // more than a set of them holds
	}
	fw := &flatWords{}
	for k, p := range c.Properties {
		at := "/" + escapeLocation(k)
		pointer := at
		if u, err := url.PathUnescape(at); err == nil {
			pointer = u
		}
		fw.props = append(fw.props, &propWords{key: k, head: prefix8(k), c: p, at: at, pointer: pointer, node: wordNode(p, 0)})
	}
	slices.SortFunc(fw.props, func(a, b *propWords) int { return strings.Compare(a.key, b.key) })
	for i, p := range fw.props {
		p.bit = 1 << i
	}
	for _, name := range c.Required {
		q := quote(name)
		q = q[1 : len(q)-1]
		r := requiredName{name: name, quoted: q, pointer: "/" + jsonpointer.Escape(q)}
		if p := fw.findString(name, new(int)); p != nil {
			r.bit = p.bit
		}
		fw.required = append(fw.required, r)
	}
	slices.SortStableFunc(fw.required, func(a, b requiredName) int { return strings.Compare(a.quoted, b.quoted) })
	s.flat = fw
}

// wordNode returns the words of c, or nil when the validator is to word
// its faults.
func wordNode(c *jsonschema.Schema, depth int) *nodeWords {
	if c == nil || depth > 4 || c.Ref != nil || !onlyKnownKeywords(c) || c.Items != nil ||
		c.Format != "" && c.Format != "date" {
		return nil
	}
	n := &nodeWords{c: c, date: c.Format == "date"}
	if !typeAllows(c.Types, "string") {
		n.typeString = "expected " + strings.Join(c.Types, " or ") + ", but got string"
	}
	if !typeAllows(c.Types, "array") {
		n.typeArray = "expected " + strings.Join(c.Types, " or ") + ", but got array"
	}
	if c.Enum != nil {
		msg, ok := enumMessage(c.Enum)
		if !ok {
			return nil
		}
		n.enum = msg
	}
	if c.Pattern != nil {
		n.pattern = "does not match pattern " + quote(c.Pattern.String())
		if n.match = fastpath.Shape(c.Pattern.String()); n.match == nil {
			n.match = c.Pattern.MatchString
		}
	}
	n.arrays = c.Enum == nil && c.Format == "" && c.Pattern == nil
	if c.Items2020 != nil {
		if n.items = wordNode(c.Items2020, depth+1); n.items == nil {
			n.arrays = false
		}
	}
	return n
}

// enumMessage is the validator's message for a value outside an enum of
// strings (its compiler's enumError, which the validator then uses as a
// format without arguments). ok is false for an enum of anything but
// strings, or whose message holds a %: the validator words those.
func enumMessage(enum []any) (string, bool) {
	quoted := make([]string, len(enum))
	for i, e := range enum {
		s, ok := e.(string)
		if !ok {
			return "", false
		}
		quoted[i] = strconv.Quote(s) // fmt's %#v of a string
	}
	var msg string
	if len(quoted) == 1 {
		msg = "value must be " + quoted[0]
	} else {
		msg = "value must be one of " + strings.Join(quoted, ", ")
	}
	if strings.ContainsRune(msg, '%') {
		return "", false
	}
	return msg, true
}

// wording is a fault as the validator's leaf error gives it: the instance
// location under the property ("" or "/i" for item i), the keyword and the
// message.
type wording struct {
	inst, rule, detail string
}

// wordString returns the validator's first fault of the string v against
// n, and whether there is one. The validator reports a type fault alone;
// otherwise its first leaf, by keyword location, is the first of enum,
// format, maxLength, minLength, pattern that fails.
func (n *nodeWords) wordString(v string) (wording, bool) {
	c := n.c
	if n.typeString != "" {
		return wording{rule: "type", detail: n.typeString}, true
	}
	if n.enum != "" && !slices.ContainsFunc(c.Enum, func(e any) bool { s, _ := e.(string); return s == v }) {
		return wording{rule: "enum", detail: n.enum}, true
	}
	if n.date {
		// fastpath.IsDate is time.Parse(time.DateOnly, v) == nil, as the
		// validator's format reads it, without an error that keeps v.
		if !fastpath.IsDate(v) {
			// A copy, so that v (a piece of a caller's stack array, for all
			// escape analysis knows) does not leak into fmt.
			return wording{rule: "format", detail: quote(strings.Clone(v)) + " is not valid 'date'"}, true
		}
	}
	if c.MinLength != -1 || c.MaxLength != -1 {
		length := utf8.RuneCountInString(v)
		if c.MaxLength != -1 && length > c.MaxLength {
			return wording{rule: "maxLength", detail: lengthFault("length must be <= ", c.MaxLength, length)}, true
		}
		if c.MinLength != -1 && length < c.MinLength {
			return wording{rule: "minLength", detail: lengthFault("length must be >= ", c.MinLength, length)}, true
		}
	}
	if n.pattern != "" && !n.match(v) {
		return wording{rule: "pattern", detail: n.pattern}, true
	}
	return wording{}, false
}

// lengthFault is the validator's "length must be >= %d, but got %d" and
// its maxLength twin, with one allocation.
func lengthFault(head string, bound, got int) string {
	var buf [64]byte
	b := append(buf[:0], head...)
	b = strconv.AppendInt(b, int64(bound), 10)
	b = append(b, ", but got "...)
	return string(strconv.AppendInt(b, int64(got), 10))
}

// wordArray is wordString for an array of strings, which n.arrays admits
// to word. The validator's faults of the array itself (its location is
// the array's) come before those of its items; among them, the first by
// keyword is that of maxItems, minItems, then uniqueItems; among the
// items, the first by location (as text: "/10" before "/2").
func (n *nodeWords) wordArray(v []string) (wording, bool) {
	c := n.c
	if n.typeArray != "" {
		return wording{rule: "type", detail: n.typeArray}, true
	}
	if c.MaxItems != -1 && len(v) > c.MaxItems {
		return wording{rule: "maxItems", detail: itemsFault("maximum ", c.MaxItems, len(v))}, true
	}
	if c.MinItems != -1 && len(v) < c.MinItems {
		return wording{rule: "minItems", detail: itemsFault("minimum ", c.MinItems, len(v))}, true
	}
	if c.UniqueItems {
		for i := 1; i < len(v); i++ {
			for j := range i {
				if v[i] == v[j] {
					return wording{rule: "uniqueItems", detail: "items at index " + strconv.Itoa(j) + " and " + strconv.Itoa(i) + " are equal"}, true
				}
			}
		}
	}
	if n.items == nil {
		return wording{}, false
	}
	first := -1
	var firstAt, at [24]byte
	var firstLoc []byte
	var w wording
	for i, x := range v {
		iw, bad := n.items.wordString(x)
		if !bad {
			continue
		}
		loc := strconv.AppendInt(append(at[:0], '/'), int64(i), 10)
		if first < 0 || string(loc) < string(firstLoc) {
			first, w = i, iw
			firstLoc = append(firstAt[:0], loc...)
		}
	}
	if first < 0 {
		return wording{}, false
	}
	w.inst = string(firstLoc)
	return w, true
}

// itemsFault is the validator's "minimum %d items required, but found %d
// items" and its maxItems twin.
func itemsFault(head string, bound, got int) string {
	var buf [80]byte
	b := append(buf[:0], head...)
	b = strconv.AppendInt(b, int64(bound), 10)
	b = append(b, " items required, but found "...)
	b = strconv.AppendInt(b, int64(got), 10)
	return string(append(b, " items"...))
}

// FlatFaultOf is [Schema.FlatFault] for the flat object native, which it
// reads itself, with jsonscan.FlatSpans, rather than through the keys and
// []any values of jsonscan.FlatMembers: it knows what FlatFault knows of
// the members FlatMembers would give, and declines (known false) whatever
// FlatMembers declines (a value but a plain string or an array of them, a
// key twice, a string past jsonscan.MaxString), and objects of more
// members or items than a flat record has. valid says that native is known
// to be valid UTF-8.
//
// A dirty batch's refused records cost it a copy of the record, the items
// of its arrays and the error, where FlatMembers puts each value in an
// interface.
func (s *Schema) FlatFaultOf(native []byte, valid bool) (fault *DecodeError, known bool) {
	if s.flat == nil {
		return nil, false
	}
	var spans [maxFlatMembers]jsonscan.FlatMember
	var itemSpans [maxFlatItems]jsonscan.Span
	n, nItems, ok := jsonscan.FlatSpans(native, valid, spans[:], itemSpans[:])
	if !ok {
		return nil, false
	}
	var members [maxFlatMembers]flatMember
	var seen uint64
	next := 0
	for i := range n {
		m := &spans[i]
		key := native[m.Key.Start:m.Key.End]
		if len(key) > jsonscan.MaxString || !m.IsArr && m.Value.End-m.Value.Start > jsonscan.MaxString {
			return nil, false
		}
		p := s.flat.find(key, &next)
		if p == nil {
			return nil, false // FlatFault does not know
		}
		if seen&p.bit != 0 {
			return nil, false // Parse refuses it: ErrDuplicateKey
		}
		seen |= p.bit
		members[i].p = p
	}
	for _, it := range itemSpans[:nItems] {
		if it.End-it.Start > jsonscan.MaxString {
			return nil, false
		}
	}
	// One copy of the values, which the pattern matcher and the validator
	// read as strings.
	size := 0
	for _, sp := range spans[:n] {
		if !sp.IsArr {
			size += sp.Value.End - sp.Value.Start
		}
	}
	for _, it := range itemSpans[:nItems] {
		size += it.End - it.Start
	}
	var b strings.Builder
	b.Grow(size)
	take := func(sp jsonscan.Span) string {
		at := b.Len()
		b.Write(native[sp.Start:sp.End])
		return b.String()[at:]
	}
	var items []string
	if nItems > 0 {
		items = make([]string, nItems)
		for i, it := range itemSpans[:nItems] {
			items[i] = take(it)
		}
	}
	for i := range n {
		sp, m := &spans[i], &members[i]
		if sp.IsArr {
			m.isArr, m.items = true, items[sp.First:sp.First+sp.N:sp.First+sp.N]
		} else {
			m.str = take(sp.Value)
		}
	}
	return s.flatFault(members[:n], seen, func(i int) any {
		m := &members[i]
		if !m.isArr {
			return m.str
		}
		l := make([]any, len(m.items))
		for j, x := range m.items {
			l[j] = x
		}
		return l
	})
}

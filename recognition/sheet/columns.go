package sheet

import (
	"encoding/json"
	"slices"
	"strings"
	"sync"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/recognition"
)

// propKind is how a cell becomes a property of the native record.
type propKind uint8

const (
	notField propKind = iota // the scheme has no such property
	asString
	asArray  // of strings: the cell is split on list separators
	asNumber // a JSON number when the cell is one
	asBool
	nested // an object: the scheme's records are not flat
)

// prop is one property of a scheme's native record.
type prop struct {
	kind     propKind
	date     bool // format "date": text dates are normalised
	required bool
}

// fields reads the properties of an adapter's native record from its JSON
// Schema: the schema is the published contract of the native record, and
// its property names are the scheme's own field names.
type fields struct {
	id       brand.ID
	props    map[string]prop
	required []string // in schema order is not kept by JSON; sorted
	nested   string   // a property that is an object, if any
}

var (
	fieldsMu    sync.Mutex
	fieldsCache = map[brand.ID]*fields{}
)

// fieldsOf returns the fields of an adapter, cached by scheme id.
func fieldsOf(a recognition.Adapter) *fields {
	id := a.Brand().ID
	fieldsMu.Lock()
	defer fieldsMu.Unlock()
	if f, ok := fieldsCache[id]; ok {
		return f
	}
	f := parseFields(id, a.Schema())
	fieldsCache[id] = f
	return f
}

type schemaNode struct {
	Type       any                    `json:"type"`
	Ref        string                 `json:"$ref"`
	AllOf      []*schemaNode          `json:"allOf"`
	AnyOf      []*schemaNode          `json:"anyOf"`
	OneOf      []*schemaNode          `json:"oneOf"`
	Format     string                 `json:"format"`
	Items      *schemaNode            `json:"items"`
	Properties map[string]*schemaNode `json:"properties"`
	Required   []string               `json:"required"`
}

func (n *schemaNode) types() []string {
	switch t := n.Type.(type) {
	case string:
		return []string{t}
	case []any:
		var out []string
		for _, v := range t {
			if s, ok := v.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// complex reports whether a schema node may be an object, or is defined
// elsewhere: either way, not a cell.
func (n *schemaNode) complex() bool {
	return slices.Contains(n.types(), "object") || n.Properties != nil || n.Ref != "" ||
		len(n.AllOf) > 0 || len(n.AnyOf) > 0 || len(n.OneOf) > 0
}

func parseFields(id brand.ID, schema []byte) *fields {
	f := &fields{id: id, props: map[string]prop{}}
	var root schemaNode
	if json.Unmarshal(schema, &root) != nil {
		return f
	}
	for name, n := range root.Properties {
		if n == nil {
			continue
		}
		p := prop{kind: asString, date: n.Format == "date"}
		ts := n.types()
		switch {
		case n.complex():
			p.kind = nested
		case slices.Contains(ts, "array"):
			p.kind = asArray
			if n.Items != nil && n.Items.complex() {
				p.kind = nested
			}
		case slices.Contains(ts, "string") || len(ts) == 0:
		case slices.Contains(ts, "number"), slices.Contains(ts, "integer"):
			p.kind = asNumber
		case slices.Contains(ts, "boolean"):
			p.kind = asBool
		}
		if p.kind == nested && (f.nested == "" || name < f.nested) {
			f.nested = name
		}
		f.props[name] = p
	}
	for _, r := range root.Required {
		if p, ok := f.props[r]; ok {
			p.required = true
			f.props[r] = p
			f.required = append(f.required, r)
		}
	}
	slices.Sort(f.required)
	return f
}

// isSchemeColumn reports whether a header names the scheme column:
// "scheme", "方案", or both ("方案/scheme", "方案（scheme）").
func isSchemeColumn(name string) bool {
	s := strings.ToLower(name)
	s = strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\u3000', '/', '(', ')', '（', '）', '_', '-':
			return -1
		}
		return r
	}, s)
	switch s {
	case "scheme", "方案", "方案scheme", "scheme方案":
		return true
	}
	return false
}

// cleanHeader trims a header cell: spaces, ideographic spaces, and a byte
// order mark that a program left on the first cell.
func cleanHeader(s string) string {
	return strings.TrimSpace(strings.Trim(strings.TrimPrefix(s, bom), " \u3000\t\r\n"))
}

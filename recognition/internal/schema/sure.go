package schema

import (
	"time"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v5"
)

// sureValid reports whether v, a string or a []any of strings (a flat
// record's value, see [Schema.FlatFault]), surely conforms to c, without
// the validator: c asserts nothing but the keywords read here (type,
// minLength, maxLength, pattern, the "date" format, a string enum, and
// for arrays minItems, maxItems, uniqueItems and one items schema of
// those), $ref'd schemas included, and v meets every one of them. It reads
// each keyword at least as strictly as the validator, so that true is
// always the validator's answer; false means "ask the validator", which
// words the fault. Most values of a dirty record are fine, and validating
// each costs several allocations.
func sureValid(c *jsonschema.Schema, v any) bool {
	return sure(c, v, 0)
}

func sure(c *jsonschema.Schema, v any, depth int) bool {
	if c == nil || depth > 8 || !onlyKnownKeywords(c) {
		return false
	}
	if c.Ref != nil && !sure(c.Ref, v, depth+1) {
		return false
	}
	switch x := v.(type) {
	case string:
		if !typeAllows(c.Types, "string") {
			return false
		}
		if c.MinLength >= 0 || c.MaxLength >= 0 {
			n := utf8.RuneCountInString(x)
			if c.MinLength >= 0 && n < c.MinLength || c.MaxLength >= 0 && n > c.MaxLength {
				return false
			}
		}
		if c.Pattern != nil && !c.Pattern.MatchString(x) {
			return false
		}
		switch c.Format {
		case "":
		case "date":
			if _, err := time.Parse(time.DateOnly, x); err != nil {
				return false
			}
		default:
			return false
		}
		if c.Enum != nil {
			found := false
			for _, e := range c.Enum {
				if s, ok := e.(string); ok && s == x {
					found = true
					break
				}
			}
			if !found {
				return false
			}
		}
		return true
	case []any:
		if !typeAllows(c.Types, "array") || c.Pattern != nil || c.Format != "" || c.Enum != nil {
			return false // an enum of arrays or the like: the validator's to say
		}
		if c.MinItems >= 0 && len(x) < c.MinItems || c.MaxItems >= 0 && len(x) > c.MaxItems {
			return false
		}
		items := c.Items2020 // "items" of draft 2020-12
		if c.Items != nil {
			it, ok := c.Items.(*jsonschema.Schema) // of the drafts before
			if !ok || items != nil {
				return false
			}
			items = it
		}
		for i, e := range x {
			s, ok := e.(string)
			if !ok {
				return false
			}
			if c.UniqueItems {
				for _, f := range x[:i] {
					if f == s {
						return false
					}
				}
			}
			if items != nil && !sure(items, s, depth+1) {
				return false
			}
		}
		return true
	}
	return false
}

// typeAllows reports whether the type keyword (none, or a list) admits t.
func typeAllows(types []string, t string) bool {
	if len(types) == 0 {
		return true
	}
	for _, x := range types {
		if x == t {
			return true
		}
	}
	return false
}

// onlyKnownKeywords reports whether c asserts nothing that sure does not
// read (object and number keywords do not apply to strings and arrays).
func onlyKnownKeywords(c *jsonschema.Schema) bool {
	return c.Always == nil && c.RecursiveRef == nil && c.DynamicRef == nil &&
		c.Constant == nil && c.Not == nil && c.AllOf == nil && c.AnyOf == nil && c.OneOf == nil && c.If == nil &&
		c.AdditionalItems == nil && c.PrefixItems == nil && c.Contains == nil && c.UnevaluatedItems == nil &&
		c.ContentEncoding == "" && c.ContentMediaType == "" && c.ContentSchema == nil &&
		len(c.Extensions) == 0
}

package schema

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jxgreen/jxgreen/brand/jsonpointer"
	"github.com/jxgreen/jxgreen/recognition/internal/jsonscan"
)

// flatFaultReference is FlatFault as it was before it worded the common
// faults itself (wordNode): every property's value that sureValid does not
// vouch for is validated, and the validator words the fault. It is the
// reference FuzzFlatFaultAgreesWithReference holds FlatFault to.
func flatFaultReference(s *Schema, keys []string, values []any) (fault *DecodeError, known bool) {
	c := s.compiled
	if !s.plainObject() || len(keys) != len(values) {
		return nil, false
	}
	for _, k := range keys {
		if _, ok := c.Properties[k]; !ok {
			return nil, false
		}
	}
	var missing []string
	for _, name := range c.Required {
		if !slices.Contains(keys, name) {
			missing = append(missing, quote(name))
		}
	}
	if len(missing) > 0 {
		detail, names := sortQuoted("missing properties: " + strings.Join(missing, ", "))
		pointer := ""
		if len(names) > 0 {
			pointer = "/" + jsonpointer.Escape(names[0])
		}
		return &DecodeError{Scheme: s.scheme, Pointer: pointer, Rule: "required", Detail: detail, Err: ErrSchema}, true
	}
	var firstAt string
	var firstErr error
	for i, k := range keys {
		if sureValid(c.Properties[k], values[i]) {
			continue
		}
		if err := c.Properties[k].Validate(values[i]); err != nil {
			if at := "/" + escapeLocation(k); firstErr == nil || at < firstAt {
				firstAt, firstErr = at, err
			}
		}
	}
	if firstErr == nil {
		return nil, true
	}
	return s.fault(firstErr, firstAt), true
}

// faultSchema is a synthetic flat schema with every keyword FlatFault
// words itself, several on one value (so that the validator's order
// among them shows), and some it leaves to the validator; its keys need
// escaping in a pointer and quoting in a message.
const faultSchema = `{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "type": "object",
  "additionalProperties": false,
  "required": ["code", "a/b~c", "it's", "名称", "date", "list"],
  "$defs": {"text": {"type": "string", "minLength": 1, "maxLength": 5}},
  "properties": {
    "text": {"$ref": "#/$defs/text"},
    "code": {"type": "string", "pattern": "^[0-9]{3}$", "minLength": 2, "maxLength": 4},
    "a/b~c": {"type": "string", "maxLength": 3},
    "it's": {"type": ["string", "null"], "minLength": 2},
    "名称": {"type": "string", "minLength": 1, "maxLength": 4},
    "date": {"type": "string", "format": "date", "pattern": "^2", "maxLength": 10},
    "mode": {"enum": ["1a", "2", "x\"y"]},
    "mixed": {"enum": ["1a", 3]},
    "one": {"enum": ["only"]},
    "list": {"type": "array", "minItems": 1, "maxItems": 12, "uniqueItems": true, "items": {"type": "string", "minLength": 2, "pattern": "^[a-z]+$"}},
    "plain": {"type": "array", "items": {"type": "number"}},
    "any": {},
    "number": {"type": "number"},
    "constant": {"const": "x"},
    "either": {"anyOf": [{"type": "string"}, {"type": "array"}]},
    "email": {"type": "string", "format": "email"},
    "100%": {"type": "string", "enum": ["50%"]}
  }
}`

// faultValues are the values FuzzFlatFaultAgreesWithReference gives each
// property, made of its two strings.
func faultValues(a, b string) []any {
	return []any{a, b, []any{}, []any{a}, []any{a, b}, []any{b, a, a},
		[]any{a, b, a + b, b + a, a + a, b + b, a + "x", b + "x", "x" + a, "x" + b, a + "y", b + "y", "zz"}}
}

// TestFlatFaultWordsAsTheValidator checks FlatFault on synthetic
// records of faultSchema against the reference and the validator, and
// that it words each keyword itself (without the validator).
func TestFlatFaultWordsAsTheValidator(t *testing.T) {
	s := MustCompile("synthetic", []byte(faultSchema))
	require.NotNil(t, s.flat)
	valid := map[string]any{"code": "123", "a/b~c": "ab", "it's": "ab", "名称": "合成", "date": "2026-02-28", "list": []any{"ab", "cd"}}
	spoils := map[string][]any{
		"code":  {"12", "1", "12345", "12a", []any{"1"}},
		"a/b~c": {"abcd", []any{}},
		"it's":  {"a", []any{"ab"}},
		"名称":    {"", "合成样例记录"},
		"date":  {"2026-02-30", "1999-01-01", "2026-02-300", "x"},
		"list":  {[]any{}, []any{"ab", "ab"}, []any{"a", "B", "cd"}, "ab", []any{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m"}},
		"mode":  {"1b", "x\"y", []any{"2"}},
		"mixed": {"3", "1a"},
		"one":   {"other"},
		"plain": {[]any{"1"}},
		"text":  {"", "abcdef"},
		"100%":  {"50"},
	}
	words := map[string]int{}
	for key, vs := range spoils {
		for _, v := range vs {
			m := map[string]any{}
			for k, x := range valid {
				m[k] = x
			}
			m[key] = v
			keys, values := membersOf(m)
			got, known := s.FlatFault(keys, values)
			ref, refKnown := flatFaultReference(s, keys, values)
			require.Equal(t, refKnown, known, "%s: %v", key, v)
			require.True(t, known, "%s: %v", key, v)
			assertSameFault(t, s, m, ref, got)
			if got != nil && s.flat.findString(key, new(int)).node != nil {
				words[got.Rule]++
			}
		}
	}
	for _, rule := range []string{"type", "enum", "format", "maxLength", "minLength", "pattern", "minItems", "maxItems", "uniqueItems"} {
		assert.Positive(t, words[rule], "FlatFault words %s itself", rule)
	}
	// A missing field, the names sorted as the validator's message is.
	m := map[string]any{"code": "123"}
	keys, values := membersOf(m)
	got, known := s.FlatFault(keys, values)
	require.True(t, known)
	assert.Equal(t, "required", got.Rule)
	assert.Equal(t, `missing properties: 'a/b~c', 'date', 'it\'s', 'list', '名称'`, got.Detail)
	assert.Equal(t, "/a~1b~0c", got.Pointer)
	assertSameFault(t, s, m, nil, got)
}

// membersOf returns the members of m in sorted order, as FlatFault takes
// them.
func membersOf(m map[string]any) ([]string, []any) {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	values := make([]any, len(keys))
	for i, k := range keys {
		values[i] = m[k]
	}
	return keys, values
}

// assertSameFault checks got against the reference's fault (when ref is
// not nil) and against the validator's answer for the whole object m, in
// every field and in both languages.
func assertSameFault(t *testing.T, s *Schema, m map[string]any, ref, got *DecodeError) {
	t.Helper()
	if ref != nil {
		require.NotNil(t, got, "%v", m)
		assert.Equal(t, *ref, *got, "%v", m)
	}
	err := s.ValidateValue(m)
	if got == nil {
		assert.NoError(t, err, "%v", m)
		return
	}
	var want *DecodeError
	require.True(t, errors.As(err, &want), "%v: %v", m, err)
	assert.Equal(t, *want, *got, "%v", m)
	assert.Equal(t, want.Error(), got.Error())
}

// FuzzFlatFaultAgreesWithReference holds FlatFault, which words the
// common keyword faults itself, to the reference that asks the validator,
// and both to the validator on the whole object, for records of
// faultSchema made of two strings: keys chosen by the bits of present,
// values by the digits of shape.
func FuzzFlatFaultAgreesWithReference(f *testing.F) {
	f.Add("123", "ab", uint32(0xffff), uint64(0))
	f.Add("12a", "2026-02-30", uint32(0x3f), uint64(0x12345))
	f.Add("ab", "ab", uint32(0x1ff), uint64(0x555555))
	f.Add("合成样例记录", "", uint32(0xfff), uint64(0x6543210))
	f.Add("2026-02-28", "x\"y", uint32(0x7fff), uint64(0x66666666))
	f.Add("a'b", "50%", uint32(0x10041), uint64(0x1000000))
	s := MustCompile("synthetic", []byte(faultSchema))
	var props []string
	for k := range s.compiled.Properties {
		props = append(props, k)
	}
	slices.Sort(props)
	f.Fuzz(func(t *testing.T, a, b string, present uint32, shape uint64) {
		values := faultValues(a, b)
		m := map[string]any{}
		for i, k := range props {
			if present&(1<<i) != 0 {
				m[k] = values[shape%uint64(len(values))]
				shape /= uint64(len(values))
			}
		}
		keys, vals := membersOf(m)
		got, known := s.FlatFault(keys, vals)
		ref, refKnown := flatFaultReference(s, keys, vals)
		require.Equal(t, refKnown, known, fmt.Sprint(m))
		if !known {
			return
		}
		if (ref == nil) != (got == nil) {
			t.Fatalf("%v: FlatFault %v, reference %v", m, got, ref)
		}
		assertSameFault(t, s, m, ref, got)
	})
}

// flatFaultOfSeeds are records for FlatFaultOf: synthetic records of
// faultSchema, valid and not, and what FlatMembers declines or Parse
// refuses (a key twice, an escape, a nested value, a number, trailing
// text, an unknown key).
var flatFaultOfSeeds = []string{
	`{"code":"123","a/b~c":"ab","it's":"ab","名称":"合成","date":"2026-02-28","list":["ab","cd"]}`,
	`{"code":"12a","a/b~c":"abcd","it's":"a","名称":"","date":"2026-02-30","list":["ab","ab"],"mode":"1b"}`,
	` { "list" : [ ] , "code" : "1" } `,
	`{"code":"123"}`,
	`{}`,
	`{"code":"123","code":"124"}`,
	`{"code":"1\"23"}`,
	`{"code":{"a":"b"}}`,
	`{"code":12}`,
	`{"code":"123"} x`,
	`{"unknown":"x"}`,
	`{"plain":["1"],"mixed":"3","one":"other","100%":"50","text":""}`,
	`{"list":["a","b","c","d","e","f","g","h","i","j","k","l","m"],"名称":"合成样例记录"}`,
}

// FuzzFlatFaultOfAgreesWithFlatMembers holds FlatFaultOf, which reads
// the record itself, to FlatFault of the members jsonscan.FlatMembers
// reads, and both to the validator on the whole record (Validate), for
// any record and faultSchema: when it knows, FlatMembers reads the record
// and FlatFault knows the same fault; when FlatFault knows (within the
// members and items FlatFaultOf holds), it knows too.
func FuzzFlatFaultOfAgreesWithFlatMembers(f *testing.F) {
	for _, s := range flatFaultOfSeeds {
		f.Add([]byte(s), true)
		f.Add([]byte(s), false)
	}
	s := MustCompile("synthetic", []byte(faultSchema))
	f.Fuzz(func(t *testing.T, native []byte, valid bool) {
		if valid && !utf8.Valid(native) {
			valid = false // valid promises UTF-8
		}
		got, known := s.FlatFaultOf(native, valid)
		keys, values, ok := jsonscan.FlatMembers(native, valid)
		var ref *DecodeError
		refKnown := false
		if ok {
			ref, refKnown = s.FlatFault(keys, values)
		}
		if !known {
			items := 0
			for _, v := range values {
				if l, isArr := v.([]any); isArr {
					items += len(l)
				}
			}
			if refKnown && len(keys) <= maxFlatMembers && items <= maxFlatItems {
				t.Fatalf("%q: FlatFault knows %v, FlatFaultOf does not", native, ref)
			}
			return
		}
		require.True(t, ok, "%q: FlatFaultOf knows what FlatMembers declines", native)
		require.True(t, refKnown, "%q", native)
		if (ref == nil) != (got == nil) {
			t.Fatalf("%q: FlatFaultOf %v, FlatFault %v", native, got, ref)
		}
		err := s.Validate(native)
		if got == nil {
			require.NoError(t, err, "%q", native)
			return
		}
		assert.Equal(t, *ref, *got, "%q", native)
		var want *DecodeError
		require.True(t, errors.As(err, &want), "%q: %v", native, err)
		assert.Equal(t, *want, *got, "%q", native)
	})
}

// TestFlatFaultOfAgreesWithFlatMembers runs the fuzz target's checks on
// its seeds, and checks that FlatFaultOf knows the faults of the synthetic
// records at all.
func TestFlatFaultOfAgreesWithFlatMembers(t *testing.T) {
	s := MustCompile("synthetic", []byte(faultSchema))
	for _, seed := range flatFaultOfSeeds[:4] {
		_, known := s.FlatFaultOf([]byte(seed), true)
		assert.True(t, known, seed)
	}
	fault, known := s.FlatFaultOf([]byte(flatFaultOfSeeds[1]), true)
	require.True(t, known)
	require.NotNil(t, fault)
	// The validator orders faults by their location, percent-encoded:
	// "/%E5%90%8D%E7%A7%B0" comes before "/a~1b~0c".
	assert.Equal(t, "/名称", fault.Pointer)
	assert.Equal(t, "minLength", fault.Rule)
	for _, seed := range flatFaultOfSeeds[5:11] {
		_, known := s.FlatFaultOf([]byte(seed), true)
		assert.False(t, known, seed)
	}
}

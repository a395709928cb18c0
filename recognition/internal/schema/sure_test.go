package schema

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sureSchema is a synthetic flat schema with every keyword sureValid
// reads, and some it must leave to the validator: a $ref, an enum, a
// pattern, the date format, arrays with items, uniqueness and bounds, a
// constant, an anyOf and a format it does not know.
const sureSchema = `{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "type": "object",
  "additionalProperties": false,
  "$defs": {"text": {"type": "string", "minLength": 1, "maxLength": 5}},
  "properties": {
    "text": {"$ref": "#/$defs/text"},
    "refAndMore": {"$ref": "#/$defs/text", "pattern": "^a"},
    "code": {"type": "string", "pattern": "^[0-9]{3}$"},
    "date": {"type": "string", "format": "date"},
    "mode": {"enum": ["1a", "2", 3]},
    "list": {"type": "array", "minItems": 1, "maxItems": 3, "uniqueItems": true, "items": {"type": "string", "minLength": 2}},
    "anyList": {"type": "array"},
    "number": {"type": "number"},
    "constant": {"const": "x"},
    "either": {"anyOf": [{"type": "string"}, {"type": "array"}]},
    "email": {"type": "string", "format": "email"}
  }
}`

// sureCases are values for each property of sureSchema: valid ones that
// sureValid must vouch for, and invalid ones it must leave to the
// validator.
var sureCases = []struct {
	key   string
	value any
	sure  bool // sureValid must say yes (the value is valid and every keyword read)
}{
	{"text", "ab", true},
	{"text", "合成样例", true},
	{"text", "", false},
	{"text", "abcdef", false},
	{"text", []any{"a"}, false},
	{"refAndMore", "abc", true},
	{"refAndMore", "bc", false},
	{"refAndMore", "abcdefg", false},
	{"code", "123", true},
	{"code", "12", false},
	{"code", "1234", false},
	{"date", "2026-02-28", true},
	{"date", "2026-02-29", false},
	{"date", "2026-2-28", false},
	{"mode", "1a", true},
	{"mode", "3", false},
	{"mode", "1b", false},
	{"list", []any{"ab", "cd"}, true},
	{"list", []any{}, false},
	{"list", []any{"ab", "ab"}, false},
	{"list", []any{"ab", "c"}, false},
	{"list", []any{"ab", "cd", "ef", "gh"}, false},
	{"list", "ab", false},
	{"anyList", []any{"x", "x"}, true},
	{"number", "1", false},
	{"constant", "x", false}, // valid, but const is the validator's to read
	{"constant", "y", false},
	{"either", "x", false},
	{"email", "a@example.com", false},
}

// TestSureValidIsTheValidatorsAnswer checks FlatFault's shortcut for the
// values of a dirty record: sureValid vouches for a value only when the
// validator admits it, and it does vouch for the valid values of the
// keywords it reads.
func TestSureValidIsTheValidatorsAnswer(t *testing.T) {
	s := MustCompile("synthetic", []byte(sureSchema))
	for _, tc := range sureCases {
		prop := s.compiled.Properties[tc.key]
		require.NotNil(t, prop, tc.key)
		got := sureValid(prop, tc.value)
		assert.Equal(t, tc.sure, got, "%s: %v", tc.key, tc.value)
		if got {
			assert.NoError(t, prop.Validate(tc.value), "%s: %v", tc.key, tc.value)
		}
	}
}

// FuzzSureValidAgreesWithValidator holds sureValid to the validator on
// any string, and any pair of strings as an array, for each property of
// sureSchema: whatever it vouches for, the validator admits.
func FuzzSureValidAgreesWithValidator(f *testing.F) {
	for _, tc := range sureCases {
		switch v := tc.value.(type) {
		case string:
			f.Add(v, "")
		case []any:
			if len(v) == 2 {
				f.Add(v[0].(string), v[1].(string))
			}
		}
	}
	s := MustCompile("synthetic", []byte(sureSchema))
	f.Fuzz(func(t *testing.T, a, b string) {
		for key, prop := range s.compiled.Properties {
			for _, v := range []any{a, []any{a}, []any{a, b}} {
				if sureValid(prop, v) {
					assert.NoError(t, prop.Validate(v), "%s: %q", key, v)
				}
			}
		}
	})
}

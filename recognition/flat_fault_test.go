package recognition

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jxgreen/jxgreen/recognition/internal/jsonscan"
)

// flatSamples returns every flat adapter, each with the native records of
// its testdata directory.
func flatSamples(tb testing.TB) map[*FlatAdapter][][]byte {
	out := map[*FlatAdapter][][]byte{}
	for _, a := range Adapters() {
		f, ok := a.(*FlatAdapter)
		if !ok {
			continue
		}
		files, err := filepath.Glob(filepath.Join("..", "testdata", string(f.format.Scheme), "*.json"))
		require.NoError(tb, err)
		for _, name := range files {
			b, err := os.ReadFile(name)
			require.NoError(tb, err)
			out[f] = append(out[f], b)
		}
	}
	require.NotEmpty(tb, out, "the adapters are registered by the package's external tests")
	return out
}

// assertDecodeFlatIsDecode checks decodeFlat against the adapter's own
// Decode: the same record, or the same error, worded the same in every
// language.
func assertDecodeFlatIsDecode(t *testing.T, a *FlatAdapter, native []byte) {
	want, wantErr := a.Decode(native)
	got, gotErr := decodeFlat(a, native)
	if (wantErr == nil) != (gotErr == nil) {
		t.Fatalf("%s %s: decodeFlat %v, Decode %v", a.format.Scheme, native, gotErr, wantErr)
	}
	if wantErr != nil {
		var wd, gd *DecodeError
		if errors.As(wantErr, &wd) != errors.As(gotErr, &gd) || wantErr.Error() != gotErr.Error() {
			t.Fatalf("%s %s: decodeFlat %v, Decode %v", a.format.Scheme, native, gotErr, wantErr)
		}
		if wd != nil {
			assert.Equal(t, *wd, *gd, "%s", native)
		}
		return
	}
	assert.Equal(t, want, got, "%s", native)
}

// TestDecodeFlatIsDecode (the checker's shortcut for flat records the
// fast path declines) removes every field, alone and in pairs, from every
// sample record of every flat adapter, alone and beside values the schema
// refuses (by type, pattern, length, format, enum, items), an unknown key
// and a duplicate key, and compares the result with the adapter's Decode.
func TestDecodeFlatIsDecode(t *testing.T) {
	shortcuts, rules := 0, map[string]int{}
	for a, samples := range flatSamples(t) {
		for _, native := range samples {
			var m map[string]any
			if json.Unmarshal(native, &m) != nil {
				assertDecodeFlatIsDecode(t, a, native)
				continue
			}
			keys := make([]string, 0, len(m))
			for k := range m {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			for i, k1 := range keys {
				for _, k2 := range keys[i:] {
					spoils := []func(map[string]any){
						func(map[string]any) {},
						func(m map[string]any) { m[a.format.HolderCode] = "not a credit code" },
						func(m map[string]any) { m[a.format.Standards] = []any{} },
						func(m map[string]any) { m[a.format.Number] = 12 },
						func(m map[string]any) { m["未知字段"] = "x" },
						func(m map[string]any) { m[a.format.Product] = strings.Repeat("长", 201) },
						func(m map[string]any) { m[a.format.Issued] = "2025-02-30" },
						func(m map[string]any) { m[a.format.Expires] = "2025/01/01"; m[a.format.Status] = "" },
						func(m map[string]any) { m[a.format.Standards] = []any{"T", "GB/T 1-2020", "GB/T 1-2020"} },
						func(m map[string]any) { m[a.format.HolderCode] = "91330100716105852f "; m[a.format.Body] = []any{} },
						func(m map[string]any) {
							if a.format.Mode != "" {
								m[a.format.Mode] = "9"
							}
							if a.format.Approval != "" {
								m[a.format.Approval] = "CNCA-R-02-1"
							}
							if a.format.Attributes != "" {
								m[a.format.Attributes] = []any{"绿色", "绿色", ""}
							}
						},
					}
					if k2 != k1 {
						spoils = spoils[:1] // pairs without a spoil: the cost grows fast
					}
					for _, spoil := range spoils {
						c := map[string]any{}
						for k, v := range m {
							c[k] = v
						}
						delete(c, k1)
						delete(c, k2)
						spoil(c)
						b, err := json.Marshal(c)
						require.NoError(t, err)
						assertDecodeFlatIsDecode(t, a, b)
						if keys, values, ok := jsonscan.FlatMembers(b, true); ok {
							if fault, known := a.schema.FlatFault(keys, values); known && fault != nil {
								shortcuts++
								rules[fault.Rule]++
							}
						}
						// The same record with its first key twice: a fault of
						// the tree reader, which comes first.
						if len(b) > 2 {
							for k := range c {
								dup := append([]byte(`{`+mustJSON(t, k)+`:"x",`), b[1:]...)
								assertDecodeFlatIsDecode(t, a, dup)
								break
							}
						}
					}
				}
			}
		}
	}
	assert.Greater(t, shortcuts, 100)
	t.Logf("faults worded without validating the whole record, by rule: %v", rules)
	for _, rule := range []string{"required", "pattern", "type", "minItems", "maxLength", "format", "minLength", "uniqueItems", "enum"} {
		assert.Positive(t, rules[rule], rule)
	}
}

func mustJSON(t *testing.T, v any) string {
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}

// FuzzFlatFaultAgreesWithSchema holds the checker's decoding of flat
// records (decodeFlat, with its shortcut for a record that lacks a
// required field) to each flat adapter's Decode, on any record.
func FuzzFlatFaultAgreesWithSchema(f *testing.F) {
	for _, samples := range flatSamples(f) {
		for _, native := range samples {
			f.Add(native)
		}
	}
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"证书编号":"x"}`))
	samples := flatSamples(f)
	f.Fuzz(func(t *testing.T, native []byte) {
		if !utf8.Valid(native) {
			return // the checker decodes only lines of valid UTF-8
		}
		for a := range samples {
			assertDecodeFlatIsDecode(t, a, native)
		}
	})
}

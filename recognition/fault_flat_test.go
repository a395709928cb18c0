package recognition

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/recognition/internal/jsonscan"
)

// assertSameDecode checks a decoding's answer against the adapter's own
// Decode: the same record, or the same error in every field and both
// languages.
func assertSameDecode(t *testing.T, a *FlatAdapter, native []byte, got Record, gotErr error) {
	t.Helper()
	want, wantErr := a.Decode(native)
	if (wantErr == nil) != (gotErr == nil) {
		t.Fatalf("%s %s: got %v, Decode %v", a.format.Scheme, native, gotErr, wantErr)
	}
	if wantErr == nil {
		assert.Equal(t, want, got, "%s", native)
		return
	}
	var wd, gd *DecodeError
	if errors.As(wantErr, &wd) != errors.As(gotErr, &gd) {
		t.Fatalf("%s %s: got %v, Decode %v", a.format.Scheme, native, gotErr, wantErr)
	}
	if wd != nil {
		assert.Equal(t, *wd, *gd, "%s", native)
	}
	for _, tag := range []language.Tag{language.English, language.SimplifiedChinese} {
		w := worker{lang: tag}
		assert.Equal(t, w.decodeMessage(wantErr), w.decodeMessage(gotErr), "%s", native)
	}
}

// TestFlatFaultOfIsDecode removes each field of every sample record of
// every flat adapter, and spoils each by type, pattern, length, format,
// items and an unknown or a repeated key, and checks that decoding with
// schema.FlatFaultOf (decodeFlatSlow) gives what the adapter's Decode
// gives, and that FlatFaultOf words most of those faults itself.
func TestFlatFaultOfIsDecode(t *testing.T) {
	known := 0
	for a, samples := range flatSamples(t) {
		for _, native := range samples {
			var m map[string]any
			if json.Unmarshal(native, &m) != nil {
				got, err := decodeFlatSlow(a, native)
				assertSameDecode(t, a, native, got, err)
				continue
			}
			keys := make([]string, 0, len(m))
			for k := range m {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			spoils := []func(map[string]any){
				func(m map[string]any) { m[a.format.HolderCode] = "not a credit code" },
				func(m map[string]any) { m[a.format.Standards] = []any{} },
				func(m map[string]any) { m[a.format.Standards] = []any{"T", "GB/T 1-2020"} },
				func(m map[string]any) { m[a.format.Number] = 12 },
				func(m map[string]any) { m["未知字段"] = "x" },
				func(m map[string]any) { m[a.format.Product] = strings.Repeat("长", 201) },
				func(m map[string]any) { m[a.format.Issued] = "2025-02-30" },
				func(m map[string]any) { m[a.format.Status] = "" },
			}
			for _, k := range append(keys, "") {
				for _, spoil := range spoils {
					c := map[string]any{}
					for k, v := range m {
						c[k] = v
					}
					delete(c, k)
					spoil(c)
					b, err := json.Marshal(c)
					require.NoError(t, err)
					got, gotErr := decodeFlatSlow(a, b)
					assertSameDecode(t, a, b, got, gotErr)
					if _, ok := a.schema.FlatFaultOf(b, true); ok {
						known++
					}
					dup := append([]byte(`{`+mustJSON(t, a.format.Number)+`:"x",`), b[1:]...)
					got, gotErr = decodeFlatSlow(a, dup)
					assertSameDecode(t, a, dup, got, gotErr)
				}
			}
		}
	}
	assert.Greater(t, known, 200)
}

// FuzzFlatFaultOfAgreesWithDecode holds decoding with schema.FlatFaultOf
// (decodeFlatSlow) to each flat adapter's Decode, on any record of
// valid UTF-8 (the checker decodes only such lines).
func FuzzFlatFaultOfAgreesWithDecode(f *testing.F) {
	samples := flatSamples(f)
	for _, s := range samples {
		for _, native := range s {
			f.Add(native)
		}
	}
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"证书编号":"x","证书编号":"y"}`))
	f.Fuzz(func(t *testing.T, native []byte) {
		if !utf8.Valid(native) {
			return
		}
		for a := range samples {
			got, err := decodeFlatSlow(a, native)
			assertSameDecode(t, a, native, got, err)
		}
	})
}

// dirtyRecords returns the record of the first line of the bundled sample
// whose output says want, and its adapter.
func dirtyRecord(tb testing.TB, want string) (*FlatAdapter, []byte) {
	sample, err := os.ReadFile("../testdata/recognition/sample.ndjson")
	require.NoError(tb, err)
	w := worker{c: &Checker{}, at: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), lang: language.English, maxLine: defaultMaxLine}
	for _, l := range bytes.Split(sample, []byte("\n")) {
		s := newSummary()
		if !strings.Contains(string(w.checkLine(nil, 1, l, &s)), want) {
			continue
		}
		scheme, record, _, ok, _ := jsonscan.EnvelopeLazyUnchecked(l)
		require.True(tb, ok)
		a, found := Lookup(string(scheme))
		require.True(tb, found)
		flat, isFlat := a.(*FlatAdapter)
		require.True(tb, isFlat)
		return flat, record
	}
	tb.Fatalf("no line of the sample says %s", want)
	return nil, nil
}

// BenchmarkFaultDecode decodes the records of the bundled sample that
// lack a required field or whose credit code breaks the schema's pattern,
// as the checker does after the fast path declines them: with
// decodeFlatSlow (jsonscan.FlatMembers and schema.FlatFault) and with
// decodeFlatSlow (schema.FlatFaultOf).
func BenchmarkFaultDecode(b *testing.B) {
	for _, kind := range []struct{ name, want string }{
		{"missing-field", "missing properties"},
		{"bad-pattern", "does not match pattern"},
	} {
		a, record := dirtyRecord(b, kind.want)
		for _, d := range []struct {
			name   string
			decode func(*FlatAdapter, []byte) (Record, error)
		}{{"FlatMembers", decodeFlatSlow}, {"FlatFaultOf", decodeFlatSlow}} {
			b.Run(kind.name+"/"+d.name, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := d.decode(a, record); err == nil {
						b.Fatal("no fault")
					}
				}
			})
		}
	}
}

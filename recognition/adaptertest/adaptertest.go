// Package adaptertest holds the tests every recognition adapter must pass,
// in the spirit of net/http/httptest: the adapter packages call them from
// their own tests with their own sample records.
//
// Each adapter's test passes the directory of its samples; the adapters of
// this module keep theirs in testdata/<scheme id>/ at the module root. One
// native record a file, named for what they are:
//
//	valid-<outcome>-<what>.json    decodes; checks to <outcome>
//	                               (recognized, conditional, rejected); when
//	                               <what> is a reason code, the decision gives it
//	bad-<kind>-<what>.json         is refused with Err<kind>
//	                               (syntax, schema, value; duplicate for
//	                               ErrDuplicateKey, bound for ErrTooLarge)
package adaptertest

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/recognition"
)

// updateEnv names the environment variable that makes [CheckSchema]
// rewrite the schema file: JXGREEN_UPDATE_GOLDEN=1 go test ./recognition/...
// The package defines no flags, so it adds none to its importers' tests.
const updateEnv = "JXGREEN_UPDATE_GOLDEN"

// at is the date the samples are checked on: 2026-06-01, China time.
var at = time.Date(2026, 6, 1, 0, 0, 0, 0, brand.ChinaTime())

// CheckSchema checks that the adapter's embedded schema file (path) is the
// one its Format generates, so that a checked-in schema that differs from
// what the generator writes fails; with JXGREEN_UPDATE_GOLDEN=1 in the
// environment it rewrites the file first.
func CheckSchema(t *testing.T, f recognition.Format, path string) {
	t.Helper()
	want := f.JSONSchema()
	if os.Getenv(updateEnv) == "1" {
		require.NoError(t, os.WriteFile(path, want, 0o644))
	}
	got, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got), "%s is stale: run JXGREEN_UPDATE_GOLDEN=1 go test", path)
}

// CheckDefinition checks that the scheme definition file at path (the
// scheme.json a built-in flat adapter embeds) loads with
// [recognition.ParseScheme], makes an adapter with a's brand and format,
// and is written in the form [recognition.Scheme.MarshalJSON] gives it, so
// that a definition file and the adapter cannot drift apart.
func CheckDefinition(t *testing.T, a *recognition.FlatAdapter, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	s, err := recognition.ParseScheme(data)
	require.NoError(t, err)
	assert.Equal(t, a.Brand(), s.Brand)
	assert.Equal(t, a.Format(), s.Format)
	assert.Empty(t, s.Synthetic, "a built-in scheme is a real one")
	canonical, err := s.MarshalJSON()
	require.NoError(t, err)
	assert.Equal(t, string(canonical), string(data), "%s is not in canonical form", path)
}

// Samples decodes every sample of dir with a and checks it does what its
// name says; valid ones must also survive Encode and Decode unchanged and
// check to the outcome their name gives, at 2026-06-01.
func Samples(t *testing.T, a recognition.Adapter, dir string) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files, "no samples in %s", dir)
	outcomes := map[string]bool{}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".json")
		t.Run(name, func(t *testing.T) {
			native, err := os.ReadFile(file)
			require.NoError(t, err)
			parts := strings.SplitN(name, "-", 3)
			require.Len(t, parts, 3, "sample names are valid-<outcome>-<what> or bad-<kind>-<what>")
			rec, err := a.Decode(native)
			switch parts[0] {
			case "valid":
				require.NoError(t, err)
				assert.NotEmpty(t, rec.Scheme)
				if rec.Status != 0 { // an unknown status cannot be written down
					RoundTrip(t, a, rec)
				}
				d := recognition.AgreementFor(a, rec).Check(rec, at)
				assert.Equal(t, parts[1], d.Outcome.String(), "reasons: %v", codes(d))
				if code := recognition.ReasonCode(parts[2]); code.Valid() {
					assert.True(t, d.Has(code), "want reason %s, got %v", parts[2], codes(d))
				}
				for _, r := range d.Reasons {
					zh, en := r.Message(language.Chinese), r.Message(language.English)
					assert.NotContains(t, zh+en, "%!", r.Code)
					assert.NotEqual(t, zh, en, r.Code)
				}
				outcomes[parts[1]] = true
			case "bad":
				require.Error(t, err)
				assert.Equal(t, recognition.Record{}, rec, "no half-filled record")
				var de *recognition.DecodeError
				require.ErrorAs(t, err, &de)
				want := map[string]error{"syntax": recognition.ErrSyntax, "schema": recognition.ErrSchema, "value": recognition.ErrValue,
					"duplicate": recognition.ErrDuplicateKey, "bound": recognition.ErrTooLarge}[parts[1]]
				require.NotNil(t, want, "unknown kind %q", parts[1])
				assert.ErrorIs(t, err, want, "%v", err)
				if parts[1] != "syntax" {
					assert.NotEmpty(t, de.Pointer, "%v", err)
				}
				zh := i18n.Error(err, language.Chinese)
				assert.Contains(t, zh, "记录")
				assert.NotEqual(t, zh, i18n.Error(err, language.English))
			default:
				t.Fatalf("sample %s is neither valid- nor bad-", name)
			}
		})
	}
	for _, o := range []string{"recognized", "conditional", "rejected"} {
		if !outcomes[o] {
			t.Logf("%s: no valid sample checks to %s", dir, o)
		}
	}
}

// RoundTrip checks that Encode then Decode gives rec back.
func RoundTrip(t *testing.T, a recognition.Adapter, rec recognition.Record) {
	t.Helper()
	native, err := a.Encode(rec)
	require.NoError(t, err)
	back, err := a.Decode(native)
	require.NoError(t, err, "%s", native)
	assert.Equal(t, rec, back)
}

// junk is input every Decode must refuse with a *DecodeError, never a
// panic: empty, null, arrays, truncated, deeply nested, huge, wrong types.
func junk() [][]byte {
	deep := strings.Repeat("[", 100000) + strings.Repeat("]", 100000)
	return [][]byte{
		nil, []byte(""), []byte("null"), []byte("[]"), []byte("[{}]"), []byte("{}"), []byte("{"), []byte(`{"a":`),
		[]byte("123"), []byte(`"text"`), []byte("true"), []byte(deep), []byte(`{"x":` + deep + `}`),
		[]byte(`{"a":"` + strings.Repeat("长", 1<<16) + `"}`), []byte("\xff\xfe"), []byte("{} {}"),
	}
}

// Refuses checks that a refuses every piece of junk: input every Decode must refuse.
func Refuses(t *testing.T, a recognition.Adapter) {
	t.Helper()
	for _, in := range junk() {
		rec, err := a.Decode(in)
		require.Error(t, err, "%.40q", in)
		var de *recognition.DecodeError
		assert.True(t, errors.As(err, &de), "%.40q: %T %v", in, err, err)
		assert.Equal(t, recognition.Record{}, rec)
	}
}

// Fuzz runs a's Decode on fuzzed input seeded with the samples of dir and
// the junk: it must never panic, must refuse with a *DecodeError, and what
// it accepts must survive Encode and Decode.
func Fuzz(f *testing.F, a recognition.Adapter, dir string) {
	files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	for _, file := range files {
		if b, err := os.ReadFile(file); err == nil {
			f.Add(b)
		}
	}
	for _, j := range junk()[:10] {
		f.Add(j)
	}
	// An adapter with a fast path also offers the schema-only path; the two
	// must agree.
	flat, _ := a.(interface {
		DecodeBySchema([]byte) (recognition.Record, error)
	})
	f.Fuzz(func(t *testing.T, native []byte) {
		rec, err := a.Decode(native)
		if flat != nil {
			// The fast path and the schema must agree.
			slow, slowErr := flat.DecodeBySchema(native)
			if (err == nil) != (slowErr == nil) || (err != nil && err.Error() != slowErr.Error()) || !equal(rec, slow) {
				t.Fatalf("Decode and DecodeBySchema disagree on %q:\n%v\n%v", native, err, slowErr)
			}
		}
		if err != nil {
			var de *recognition.DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("Decode error is %T, want *DecodeError: %v", err, err)
			}
			return
		}
		if rec.Status == 0 { // an unknown status cannot be written down
			return
		}
		out, err := a.Encode(rec)
		if err != nil {
			t.Fatalf("accepted %q but cannot encode it: %v", native, err)
		}
		back, err := a.Decode(out)
		if err != nil {
			t.Fatalf("own encoding %q refused: %v", out, err)
		}
		if !equal(rec, back) {
			t.Fatalf("round trip changed the record:\n%+v\n%+v", rec, back)
		}
	})
}

func equal(a, b recognition.Record) bool {
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	return bytes.Equal(ja, jb)
}

func codes(d recognition.Decision) []string {
	var out []string
	for _, r := range d.Reasons {
		out = append(out, string(r.Code))
	}
	return out
}

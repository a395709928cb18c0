package recognition_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/brand/source"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/recognition"
	"github.com/jxgreen/jxgreen/recognition/adaptertest"
)

// exampleScheme is the synthetic city brand of the worked example.
const exampleScheme = "../testdata/schemes/shili.json"

// loadExample loads the synthetic city brand. It is not registered here:
// the registry is global, and the other tests of the package count the
// adapters (examples/recognize tests the registration, by -scheme).
func loadExample(t testing.TB) *recognition.FlatAdapter {
	t.Helper()
	f, err := os.Open(exampleScheme)
	require.NoError(t, err)
	defer f.Close()
	a, err := recognition.LoadScheme(f)
	require.NoError(t, err)
	return a
}

// TestSchemeFileAddsAScheme: a scheme definition file makes an adapter at
// run time that reads the scheme's records by its own field names and
// status words, and passes the conformance suite every adapter passes.
func TestSchemeFileAddsAScheme(t *testing.T) {
	a := loadExample(t)
	b := a.Brand()
	assert.Equal(t, brand.ID("shili"), b.ID)
	assert.Equal(t, brand.Certification, b.Model)
	assert.Equal(t, brand.Core(), b.Attributes)
	assert.Equal(t, []string{"示例市生态优品", "示例优品"}, b.Names())
	// The schema is the one its Format generates, and it compiles.
	assert.JSONEq(t, string(a.Format().JSONSchema()), string(a.Schema()))
	assert.True(t, a.Format().Certifies)
	adaptertest.Samples(t, a, "../testdata/schemes/shili")
	adaptertest.Refuses(t, a)

	// Its own status word 停用 reads as suspended, the common 已撤销 too.
	native, err := os.ReadFile("../testdata/schemes/shili/valid-rejected-suspended.json")
	require.NoError(t, err)
	rec, err := a.Decode(native)
	require.NoError(t, err)
	assert.Equal(t, certification.Suspended, rec.Status)
	// Encode writes a status by the scheme's first word for it.
	rec.Status = certification.Valid
	out, err := a.Encode(rec)
	require.NoError(t, err)
	assert.Contains(t, string(out), `"证书状态":"在用"`)
}

// TestCityBrandExampleServesItem23: the worked example is a made-up
// Jiangxi city brand, labelled so in both languages, citing 赣标〔2021〕1号
// item 23 of the task list; a city brand brought into line (同线同标同质:
// our standards, the alliance's bodies) has its certificates recognised as
// they stand, one on a standard of its own is conditional, a suspended one
// rejected.
func TestCityBrandExampleServesItem23(t *testing.T) {
	data, err := os.ReadFile(exampleScheme)
	require.NoError(t, err)
	s, err := recognition.ParseScheme(data)
	require.NoError(t, err)
	assert.Contains(t, s.Synthetic, "虚构")
	assert.Contains(t, s.Synthetic, "synthetic")
	assert.Contains(t, s.Brand.EnglishName, "synthetic")
	assert.Contains(t, s.Brand.Owner, "虚构")
	cs, err := source.Resolve(s.Brand.Source)
	require.NoError(t, err)
	assert.Equal(t, "重点任务清单 第23项", cs[0].Part)
	assert.Equal(t, "赣标〔2021〕1号", cs[0].Document.Ref)

	a := s.Adapter()
	at := time.Date(2026, 6, 1, 0, 0, 0, 0, brand.ChinaTime())
	for file, want := range map[string]recognition.Outcome{
		"valid-recognized-same-standard":        recognition.Recognized,
		"valid-conditional-standard-unverified": recognition.Conditional,
		"valid-rejected-suspended":              recognition.Rejected,
	} {
		native, err := os.ReadFile("../testdata/schemes/shili/" + file + ".json")
		require.NoError(t, err)
		assert.Contains(t, string(native), "合成样例", "every sample says it is synthetic")
		rec, err := a.Decode(native)
		require.NoError(t, err)
		d := a.Agreement().Check(rec, at)
		assert.Equal(t, want, d.Outcome, "%s: %v", file, d.Reasons)
	}
}

// TestSchemeMarshalJSONRoundTrips: a scheme written with MarshalJSON
// reads back as the same scheme.
func TestSchemeMarshalJSONRoundTrips(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(exampleScheme)
	require.NoError(t, err)
	s, err := recognition.ParseScheme(data)
	require.NoError(t, err)
	out, err := s.MarshalJSON()
	require.NoError(t, err)
	back, err := recognition.ParseScheme(out)
	require.NoError(t, err)
	assert.Equal(t, s, back)
}

// TestSchemeSchemaIsShipped: the JSON Schema of definition files is a
// draft 2020-12 schema that names every field a definition may have.
func TestSchemeSchemaIsShipped(t *testing.T) {
	t.Parallel()
	var doc map[string]any
	require.NoError(t, json.Unmarshal(recognition.SchemeSchema(), &doc))
	assert.Equal(t, "https://json-schema.org/draft/2020-12/schema", doc["$schema"])
	props := doc["properties"].(map[string]any)
	for _, k := range []string{"id", "name", "english_name", "owner", "model", "attributes", "source", "document", "record", "synthetic"} {
		assert.Contains(t, props, k)
	}
	// A copy: changing it changes nothing.
	s := recognition.SchemeSchema()
	s[0] = 'x'
	assert.NotEqual(t, s[0], recognition.SchemeSchema()[0])
}

// TestBadSchemeFileNamesItsPointer: a definition that does not load is a
// *SchemeError with the JSON pointer of the fault, in both languages.
func TestBadSchemeFileNamesItsPointer(t *testing.T) {
	t.Parallel()
	good, err := os.ReadFile(exampleScheme)
	require.NoError(t, err)
	edit := func(f func(m map[string]any)) []byte {
		var m map[string]any
		require.NoError(t, json.Unmarshal(good, &m))
		f(m)
		b, err := json.Marshal(m)
		require.NoError(t, err)
		return b
	}
	record := func(m map[string]any) map[string]any { return m["record"].(map[string]any) }
	fields := func(m map[string]any) map[string]any { return record(m)["fields"].(map[string]any) }
	for _, tc := range []struct {
		name    string
		in      []byte
		pointer string
		is      error
	}{
		{"not JSON", good[:len(good)/2], "", recognition.ErrSyntax},
		{"not an object", []byte(`[]`), "", recognition.ErrSchema},
		{"duplicate key", bytes.Replace(good, []byte(`"id": "shili",`), []byte(`"id": "shili", "id": "zhejiang",`), 1), "/id", recognition.ErrDuplicateKey},
		{"missing name", edit(func(m map[string]any) { delete(m, "name") }), "", recognition.ErrSchema},
		{"unknown member", edit(func(m map[string]any) { m["colour"] = "green" }), "", recognition.ErrSchema},
		{"bad id", edit(func(m map[string]any) { m["id"] = "Shi Li" }), "/id", recognition.ErrSchema},
		{"bad model", edit(func(m map[string]any) { m["model"] = "listing" }), "/model", recognition.ErrSchema},
		{"no source", edit(func(m map[string]any) { delete(m, "source") }), "", recognition.ErrSchema},
		{"missing status key", edit(func(m map[string]any) { delete(fields(m), "status") }), "/record/fields/status", recognition.ErrSchema},
		{"unknown attribute", edit(func(m map[string]any) { m["attributes"] = []string{"资源节约", "好看"} }), "/attributes/1", brand.ErrUnknownAttribute},
		{"attribute twice", edit(func(m map[string]any) { m["attributes"] = []string{"生态协同", "生态协调"} }), "/attributes/1", recognition.ErrSchemeDefinition},
		{"uncited source", edit(func(m map[string]any) { m["source"] = "某某日报 2099-01-01" }), "/source", source.ErrUnknownSource},
		{"uncited fact", edit(func(m map[string]any) {
			m["facts"] = []any{map[string]any{"text": "x", "source": "无此文件"}}
		}), "/facts/0/source", source.ErrUnknownSource},
		{"two fields one key", edit(func(m map[string]any) { fields(m)["product"] = "证书号码" }), "/record/fields/product", recognition.ErrFormat},
		{"status word twice", edit(func(m map[string]any) {
			record(m)["statuses"] = []any{map[string]any{"word": "在用", "status": "valid"}, map[string]any{"word": "在用", "status": "revoked"}}
		}), "/record/statuses/1", recognition.ErrFormat},
		{"common word given another status", edit(func(m map[string]any) {
			record(m)["statuses"] = []any{map[string]any{"word": "在用", "status": "valid"}, map[string]any{"word": "撤销", "status": "valid"}}
		}), "/record/statuses/1/status", recognition.ErrSchemeDefinition},
		{"no status words", edit(func(m map[string]any) { delete(record(m), "statuses"); delete(record(m), "common_statuses") }), "/record/statuses", recognition.ErrFormat},
		{"unknown status", edit(func(m map[string]any) {
			record(m)["statuses"] = []any{map[string]any{"word": "在用", "status": "fine"}}
		}), "/record/statuses/0/status", recognition.ErrSchema},
		{"huge text", edit(func(m map[string]any) { m["owner"] = strings.Repeat("长", 300) }), "/owner", recognition.ErrSchema},
		{"deep nesting", []byte(strings.Repeat(`{"a":`, 100) + "1" + strings.Repeat("}", 100)), "", recognition.ErrTooLarge},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := recognition.ParseScheme(tc.in)
			require.Error(t, err)
			assert.Equal(t, recognition.Scheme{}, s)
			var se *recognition.SchemeError
			require.True(t, errors.As(err, &se), "%T %v", err, err)
			assert.ErrorIs(t, err, recognition.ErrSchemeDefinition)
			assert.ErrorIs(t, err, tc.is, "%v", err)
			if tc.pointer != "" || tc.name == "not JSON" {
				assert.Equal(t, tc.pointer, se.Pointer, "%v", err)
			}
			zh, en := i18n.Error(err, language.Chinese), i18n.Error(err, language.English)
			assert.Contains(t, zh, "方案定义文件")
			assert.Contains(t, en, "scheme definition")
			assert.NotEqual(t, zh, en)
			assert.NotContains(t, zh+en, "%!")
			// LoadScheme gives the same error.
			_, lerr := recognition.LoadScheme(bytes.NewReader(tc.in))
			assert.Equal(t, err.Error(), lerr.Error())
		})
	}
}

// TestLoadSchemeRefusesOversizedFiles: a definition past MaxSchemeSize is
// refused without being parsed.
func TestLoadSchemeRefusesOversizedFiles(t *testing.T) {
	t.Parallel()
	big := bytes.Repeat([]byte(" "), recognition.MaxSchemeSize+1)
	_, err := recognition.LoadScheme(bytes.NewReader(big))
	var se *recognition.SchemeError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, "bound", se.Rule)
	assert.Contains(t, i18n.Error(err, language.Chinese), "字节上限")
}

// TestSchemeFromADocumentOutsideTheRegisterIsLabelledAsItsOwn: a partner province cites its
// own document by title, number and date instead of the register; the
// citation says it is the file's own, unchecked.
func TestSchemeFromADocumentOutsideTheRegisterIsLabelledAsItsOwn(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(exampleScheme)
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(data, &m))
	delete(m, "source")
	delete(m, "facts")
	delete(m, "governance")
	m["document"] = map[string]any{"title": "示例市生态优品认证管理办法（虚构）", "number": "示例〔2099〕1号", "date": "2099-01-01"}
	data, err = json.Marshal(m)
	require.NoError(t, err)
	s, err := recognition.ParseScheme(data)
	require.NoError(t, err)
	// Labelled as the file's own statement, never as an official citation
	// (review of issue 11).
	assert.Equal(t, "示例〔2099〕1号 《示例市生态优品认证管理办法（虚构）》 2099-01-01"+recognition.OwnDocumentLabel, s.Brand.Source)
	// Its self-declared attributes count for nothing under the default
	// terms: the file's own statement is not checked.
	assert.NotNil(t, s.Adapter().Agreement().Assessed)
	assert.Empty(t, s.Adapter().Agreement().Assessed)
	plain, err := recognition.ParseScheme(mutatedScheme(t, func(map[string]any) {}))
	require.NoError(t, err)
	assert.Nil(t, plain.Adapter().Agreement().Assessed, "a scheme citing the register keeps its attributes")
}

// FuzzParseScheme: no input makes ParseScheme panic; every refusal is a
// *SchemeError, and what it accepts makes an adapter and writes back to
// the same scheme. Minimizing a new 2 KB definition under coverage
// instrumentation takes minutes, so run it with -fuzzminimizetime 1x:
//
//	go test ./recognition -run X -fuzz FuzzParseScheme -fuzztime 45s -fuzzminimizetime 1x
func FuzzParseScheme(f *testing.F) {
	data, err := os.ReadFile(exampleScheme)
	if err == nil {
		f.Add(data)
	}
	for _, p := range []string{"shenzhen", "zhejiang", "ganpo"} {
		if b, err := os.ReadFile(p + "/scheme.json"); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`{}`))
	f.Fuzz(func(t *testing.T, in []byte) {
		s, err := recognition.ParseScheme(in)
		if err != nil {
			var se *recognition.SchemeError
			if !errors.As(err, &se) {
				t.Fatalf("%T %v", err, err)
			}
			return
		}
		_ = s.Adapter()
		out, err := s.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		back, err := recognition.ParseScheme(out)
		if err != nil {
			t.Fatalf("own output refused: %v\n%s", err, out)
		}
		if back.Brand.ID != s.Brand.ID || !assert.ObjectsAreEqual(back.Format, s.Format) {
			t.Fatalf("round trip changed the scheme")
		}
	})
}

func BenchmarkParseScheme(b *testing.B) {
	data, err := os.ReadFile(exampleScheme)
	require.NoError(b, err)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := recognition.ParseScheme(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoadScheme(b *testing.B) {
	data, err := os.ReadFile(exampleScheme)
	require.NoError(b, err)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := recognition.LoadScheme(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzLoadedSchemeDecode: an adapter loaded from a file, with keys unlike
// the built-in ones (全角 brackets, its own status words), takes the same
// fast path as the built-in ones, and the fast path and its schema agree.
func FuzzLoadedSchemeDecode(f *testing.F) {
	data, err := os.ReadFile(exampleScheme)
	if err != nil {
		f.Fatal(err)
	}
	s, err := recognition.ParseScheme(data)
	if err != nil {
		f.Fatal(err)
	}
	adaptertest.Fuzz(f, s.Adapter(), "../testdata/schemes/shili")
}

// BenchmarkDecodeLoadedScheme: a loaded scheme decodes as fast as a
// built-in one (BenchmarkDecodeBuiltInScheme, same record).
func BenchmarkDecodeLoadedScheme(b *testing.B) {
	a := loadExample(b)
	native, err := os.ReadFile("../testdata/schemes/shili/valid-recognized-same-standard.json")
	require.NoError(b, err)
	benchmarkDecode(b, a, native)
}

func BenchmarkDecodeBuiltInScheme(b *testing.B) {
	a, ok := recognition.Lookup("zhejiang")
	require.True(b, ok)
	// The same record as BenchmarkDecodeLoadedScheme's, in 品字标's format.
	sample, err := os.ReadFile("../testdata/schemes/shili/valid-recognized-same-standard.json")
	require.NoError(b, err)
	rec, err := loadExample(b).Decode(sample)
	require.NoError(b, err)
	native, err := a.Encode(rec)
	require.NoError(b, err)
	benchmarkDecode(b, a, native)
}

func benchmarkDecode(b *testing.B, a recognition.Adapter, native []byte) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := a.Decode(native); err != nil {
			b.Fatal(err)
		}
	}
}

// TestSchemeFileCannotMapRevokedToValid: a scheme definition that
// lists its own status words without "common_statuses" may give 撤销
// (revoked), 注销, 暂停 or 过期 — the statuses' own Chinese names, the words
// Encode writes — the status "valid". A careless or hostile file then turns
// a revoked certificate into a recognised one: "a record that is expired,
// suspended, revoked or cancelled is never recognised" no longer holds.
// (Review of issue 11: the check once ran only with common_statuses.)
func TestSchemeFileCannotMapRevokedToValid(t *testing.T) {
	at := time.Date(2026, 6, 1, 0, 0, 0, 0, brand.ChinaTime())
	for _, word := range []string{"撤销", "注销", "暂停", "过期", "已撤销", "证书已撤销", "失效"} {
		t.Run(word, func(t *testing.T) {
			def := mutatedScheme(t, func(m map[string]any) {
				r := m["record"].(map[string]any)
				delete(r, "common_statuses")
				r["statuses"] = []any{
					map[string]any{"word": "在用", "status": "valid"},
					map[string]any{"word": word, "status": "valid"},
				}
			})
			s, err := recognition.ParseScheme(def)
			if err == nil {
				// Loaded: show what it does to a record in that status.
				rec := `{"证书号码":"SHILI-SYN-R11","获证单位":"合成样例企业（synthetic）","社会信用代码":"91360100MA91000117",` +
					`"产品（服务）名称":"金溪蜜梨","执行标准":["T/JGE 0039-2023"],"发证机构":"江西省检验检测认证总院","认证模式":"5",` +
					`"发证日期":"2025-03-01","有效期截止":"2028-02-29","证书状态":"` + word + `"}`
				a := s.Adapter()
				r, derr := a.Decode([]byte(rec))
				require.NoError(t, derr)
				d := a.Agreement().Check(r, at)
				assert.NotEqual(t, recognition.Recognized, d.Outcome, "a record whose status is %s is recognised", word)
			}
			require.Error(t, err, "a definition that gives %s the status valid must be refused", word)
			assert.ErrorIs(t, err, recognition.ErrSchemeDefinition)
		})
	}
}

// TestSchemeFileWithBOMLoads: Windows editors (Notepad among
// them) save UTF-8 with a byte order mark. ParseAgreements skips it ("A
// UTF-8 byte order mark before the file is skipped"); ParseScheme and
// LoadScheme once refused the same definition with "JSON syntax error (invalid
// character 'ï' … at byte 1)", which tells a clerk nothing about the
// cause.
func TestSchemeFileWithBOMLoads(t *testing.T) {
	b, err := os.ReadFile(exampleScheme)
	require.NoError(t, err)
	withBOM := append([]byte("\ufeff"), b...)
	s, err := recognition.ParseScheme(withBOM)
	if assert.NoError(t, err) {
		assert.Equal(t, brand.ID("shili"), s.Brand.ID)
	}
	_, err = recognition.LoadScheme(bytes.NewReader(withBOM))
	assert.NoError(t, err)
}

// TestSchemeNameWithInvisibleCharacterIsRefused: a name, alias, English
// name or id holding a character that prints as nothing or as a blank
// (no-break space, zero-width space, word joiner, BOM, variation
// selector) would read like another scheme's: it is refused where it is.
func TestSchemeNameWithInvisibleCharacterIsRefused(t *testing.T) {
	for _, tc := range []struct{ key, value, pointer string }{
		{"name", "示例市\u00a0生态优品", "/name"},
		{"name", "示例市\u200b生态优品", "/name"},
		{"name", "示例市\u2060生态优品", "/name"},
		{"name", "示例市\ufeff生态优品", "/name"},
		{"name", "示例市生态优品\ufe0f", "/name"},
		{"english_name", "Example\u200bCity (synthetic)", "/english_name"},
		{"aliases", "示例\u200d优品", "/aliases/0"},
	} {
		t.Run(tc.pointer+" "+tc.value, func(t *testing.T) {
			def := mutatedScheme(t, func(m map[string]any) {
				if tc.key == "aliases" {
					m["aliases"] = []any{tc.value}
				} else {
					m[tc.key] = tc.value
				}
			})
			_, err := recognition.ParseScheme(def)
			require.ErrorIs(t, err, recognition.ErrSchemeDefinition)
			var se *recognition.SchemeError
			require.ErrorAs(t, err, &se)
			assert.Equal(t, tc.pointer, se.Pointer)
			assert.Contains(t, se.Localize(i18n.Chinese()), "不可见字符")
			assert.Contains(t, se.Localize(language.English), "invisible character")
		})
	}
	// "@" is refused too: Lookup reads "scheme@format".
	_, err := recognition.ParseScheme(mutatedScheme(t, func(m map[string]any) { m["aliases"] = []any{"示例@优品"} }))
	var se *recognition.SchemeError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, "/aliases/0", se.Pointer)
	// The two blanks names use are no such characters.
	_, err = recognition.ParseScheme(mutatedScheme(t, func(m map[string]any) { m["name"] = "示例市　生态 优品" }))
	assert.NoError(t, err)
}

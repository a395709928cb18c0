package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	exampleScheme  = "../../testdata/schemes/shili.json"
	exampleRecords = "../../testdata/schemes/shili-records.ndjson"
)

// TestSchemeFlagAddsAScheme: -scheme FILE registers a scheme defined in a
// file for the run; its records are then judged like any partner's, and
// the run says which scheme it loaded, with the label of a made-up one.
// Without the flag the same lines are error lines.
func TestSchemeFlagAddsAScheme(t *testing.T) {
	var out, errb bytes.Buffer
	code := run(context.Background(), []string{"-at", "2026-06-01", "-lang", "en", "-scheme", exampleScheme, exampleRecords}, nil, &out, &errb)
	require.Equal(t, exitOK, code, errb.String())
	var outcomes []string
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var v struct{ Scheme, Number, Outcome string }
		require.NoError(t, json.Unmarshal([]byte(line), &v))
		assert.Equal(t, "shili", v.Scheme, "a line naming the scheme by its Chinese name too")
		outcomes = append(outcomes, v.Outcome)
	}
	assert.Equal(t, []string{"recognized", "recognized", "conditional", "rejected", "rejected"}, outcomes)
	assert.Contains(t, errb.String(), "loaded the scheme definition")
	assert.Contains(t, errb.String(), "synthetic example, not a real brand")

	// The same file twice is one scheme; the run is the same.
	var out2 bytes.Buffer
	errb.Reset()
	code = run(context.Background(), []string{"-at", "2026-06-01", "-lang", "en", "-scheme", exampleScheme, "-scheme", exampleScheme, exampleRecords}, nil, &out2, &errb)
	require.Equal(t, exitOK, code, errb.String())
	assert.Equal(t, out.String(), out2.String())
	assert.Equal(t, 2, strings.Count(errb.String(), "loaded the scheme definition"))
}

// TestRecordsOfAnUnloadedSchemeAreErrorLines: the scheme is known only in
// the runs that load it. (It runs in a process of its own: the registry
// is global, and another test of this package loads the scheme.)
func TestRecordsOfAnUnloadedSchemeAreErrorLines(t *testing.T) {
	if os.Getenv("JXGREEN_SCHEME_CHILD") != "1" {
		cmd := exec.Command(os.Args[0], "-test.run=^TestRecordsOfAnUnloadedSchemeAreErrorLines$", "-test.count=1")
		cmd.Env = append(os.Environ(), "JXGREEN_SCHEME_CHILD=1")
		b, err := cmd.CombinedOutput()
		require.NoError(t, err, "%s", b)
		assert.Contains(t, string(b), "PASS")
		return
	}
	var out, errb bytes.Buffer
	code := run(context.Background(), []string{"-at", "2026-06-01", exampleRecords}, nil, &out, &errb)
	assert.Equal(t, exitErrorLines, code)
	assert.Equal(t, 5, strings.Count(out.String(), `"outcome":"error"`))
}

// TestSchemeFlagRefusesABadFile: a definition that does not load stops the
// run before any record is read, with the JSON pointer of the fault in
// the language of -lang; so does one that takes a built-in scheme's id or
// name, and a file that does not exist.
func TestSchemeFlagRefusesABadFile(t *testing.T) {
	good, err := os.ReadFile(exampleScheme)
	require.NoError(t, err)
	dir := t.TempDir()
	write := func(name string, fromTo ...string) string {
		p := filepath.Join(dir, name)
		b := good
		for i := 0; i < len(fromTo); i += 2 {
			b = bytes.Replace(b, []byte(fromTo[i]), []byte(fromTo[i+1]), 1)
		}
		require.NoError(t, os.WriteFile(p, b, 0o644))
		return p
	}
	for _, tc := range []struct {
		name, file string
		zh, en     []string
	}{
		{"unknown attribute", write("attr.json", `"质量引领"`, `"好看"`),
			[]string{"/attributes/3", "方案定义文件"}, []string{"/attributes/3", "scheme definition"}},
		{"missing key", write("key.json", `"status": "证书状态",`, ``),
			[]string{"/record/fields/status", "缺少必填字段"}, []string{"/record/fields/status", "required field"}},
		{"taken id", write("taken.json", `"id": "shili"`, `"id": "zhejiang"`),
			[]string{"zhejiang", "已被方案"}, []string{"zhejiang", "is taken by"}},
		{"taken name", write("name.json", `"id": "shili"`, `"id": "shili-two"`, `"name": "示例市生态优品"`, `"name": "示例县优品"`,
			`"示例优品"`, `"品字标"`, `"english_name": "Example City Eco Products (synthetic)"`, `"english_name": "Example County (synthetic)"`),
			[]string{"品字标", "已被方案 zhejiang"}, []string{"品字标", "taken by scheme zhejiang"}},
		{"no such file", filepath.Join(dir, "none.json"), []string{"none.json"}, []string{"none.json"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for lang, want := range map[string][]string{"zh": tc.zh, "en": tc.en} {
				var out, errb bytes.Buffer
				code := run(context.Background(), []string{"-lang", lang, "-scheme", tc.file, exampleRecords}, nil, &out, &errb)
				assert.Equal(t, exitFailure, code, lang)
				assert.Empty(t, out.String(), "no record is judged")
				for _, w := range want {
					assert.Contains(t, errb.String(), w, lang)
				}
			}
		})
	}
}

// TestOversizedSchemeFileIsRefusedInBothLanguages: every message
// a person reads exists in Chinese and English, but -scheme with a file
// past recognition.MaxSchemeSize says why in English whatever -lang is
// ("1048577+ bytes > 1048576", examples/recognize/schemes.go readScheme),
// where recognition.LoadScheme has the catalogue's "文件超过 %d 字节上限".
func TestOversizedSchemeFileIsRefusedInBothLanguages(t *testing.T) {
	p := filepath.Join(t.TempDir(), "huge.json")
	require.NoError(t, os.WriteFile(p, []byte(`{"id":"huge","name":"`+strings.Repeat("大", 400_000)+`"}`), 0o644))
	for lang, want := range map[string]string{"zh": "字节", "en": "bytes"} {
		var out, errb bytes.Buffer
		code := run(context.Background(), []string{"-lang", lang, "-scheme", p, exampleRecords}, nil, &out, &errb)
		assert.Equal(t, exitFailure, code, lang)
		assert.Empty(t, out.String())
		assert.Contains(t, errb.String(), want, lang)
		if lang == "zh" {
			assert.NotContains(t, errb.String(), "bytes", "an English reason in the Chinese message: %s", errb.String())
		}
	}
}

// TestSchemeLookAlikeNameIsRefused: -scheme refuses a definition
// that takes a built-in scheme's name (品字标), but not one that writes the
// name with a no-break space or a zero-width space inside (圳\u00a0品,
// 圳\u200b品), which every terminal, spreadsheet and message shows as 圳品:
// the registry's folding (fold.Title) drops ASCII and ideographic spaces
// only. The loaded look-alike is registered beside 圳品, and its records'
// reasons and the run's "loaded" line name it 圳品. (In a process of its
// own: the registry is global.)
func TestSchemeLookAlikeNameIsRefused(t *testing.T) {
	if os.Getenv("JXGREEN_LOOKALIKE_CHILD") != "1" {
		cmd := exec.Command(os.Args[0], "-test.run=^TestSchemeLookAlikeNameIsRefused$", "-test.count=1", "-test.v")
		cmd.Env = append(os.Environ(), "JXGREEN_LOOKALIKE_CHILD=1")
		b, err := cmd.CombinedOutput()
		require.NoError(t, err, "%s", b)
		return
	}
	good, err := os.ReadFile(exampleScheme)
	require.NoError(t, err)
	dir := t.TempDir()
	for i, name := range []string{"圳\u00a0品", "圳\u200b品", "品字\u2060标"} {
		p := filepath.Join(dir, "lookalike.json")
		b := bytes.Replace(good, []byte(`"id": "shili"`), []byte(`"id": "lookalike`+string(rune('a'+i))+`"`), 1)
		b = bytes.Replace(b, []byte(`"name": "示例市生态优品"`), []byte(`"name": "`+name+`"`), 1)
		b = bytes.Replace(b, []byte(`"示例优品"`), []byte(`"示例优品`+string(rune('a'+i))+`"`), 1)
		b = bytes.Replace(b, []byte(`"english_name": "Example City Eco Products (synthetic)"`), []byte(`"english_name": "Look-alike `+string(rune('a'+i))+` (synthetic)"`), 1)
		require.NoError(t, os.WriteFile(p, b, 0o644))
		var out, errb bytes.Buffer
		code := run(context.Background(), []string{"-lang", "zh", "-scheme", p, exampleRecords}, nil, &out, &errb)
		assert.Equal(t, exitFailure, code, "%q was loaded beside the built-in scheme it looks like:\n%s", name, errb.String())
	}
}

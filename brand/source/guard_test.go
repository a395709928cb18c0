package source_test

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/pilot"
	"github.com/jxgreen/jxgreen/brand/source"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/recognition"
	_ "github.com/jxgreen/jxgreen/recognition/ganchu"
	_ "github.com/jxgreen/jxgreen/recognition/ganpo"
	_ "github.com/jxgreen/jxgreen/recognition/jiangsu"
	_ "github.com/jxgreen/jxgreen/recognition/shanghai"
	_ "github.com/jxgreen/jxgreen/recognition/shenzhen"
	_ "github.com/jxgreen/jxgreen/recognition/untp"
	_ "github.com/jxgreen/jxgreen/recognition/zhejiang"
	"github.com/jxgreen/jxgreen/standard"
)

// moduleRoot is the directory of go.mod above the test's directory.
func moduleRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	require.NoError(t, err)
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		require.NotEqual(t, parent, dir, "no go.mod above the test")
		dir = parent
	}
}

// shipped calls f with every .go, .json and .md file of the module, its
// tests, testdata and README included, and its path relative to the root.
func shipped(t *testing.T, f func(rel string, data []byte)) {
	t.Helper()
	root := moduleRoot(t)
	n := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "vendor") {
				return filepath.SkipDir
			}
			// A nested module (another go.mod) is not part of this one.
			if path != root {
				if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
					return filepath.SkipDir
				}
			}
			return nil
		}
		switch filepath.Ext(path) {
		case ".go", ".json", ".md":
		default:
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		n++
		f(filepath.ToSlash(rel), data)
		return nil
	})
	require.NoError(t, err)
	require.Greater(t, n, 50, "the walk found too few files to be the module")
}

// outside are the ways a text can point at files that are not in the
// module: the project's working notes and policy-document copies, and the
// "pub" shorthand that named a report without saying which. The patterns
// are split so that this file does not match itself.
var outside = []*regexp.Regexp{
	regexp.MustCompile(`DOMAIN` + `\.md`),
	regexp.MustCompile(`DOMAIN` + ` §`),
	regexp.MustCompile(`(?i)\bseeds?` + ` 0\d\d`),
	regexp.MustCompile(`(?i)\bseeds? ` + `\d{3}\b`),
	regexp.MustCompile(`(?i)\bthe ` + `seeds\b`),
	regexp.MustCompile(`(?i)\bseeds` + `'`),
	regexp.MustCompile(`\d{3}_[0-9a-f]{16}` + `\.txt`),
	regexp.MustCompile(`\.\./` + `shared`),
	regexp.MustCompile(`/work/` + `shared`),
	regexp.MustCompile(`\bshared` + `/`),
	regexp.MustCompile(`\bresearch/2026-` + `\d`),
	regexp.MustCompile(`\bpub` + ` \(`),
	regexp.MustCompile(`\(pub` + `[,)]`),
	regexp.MustCompile(`"pub` + `:`),
}

// No shipped string, comment or document mentions files that are not in the
// module.
func TestNoReferencesOutsideModule(t *testing.T) {
	t.Parallel()
	shipped(t, func(rel string, data []byte) {
		for i, line := range strings.Split(string(data), "\n") {
			for _, re := range outside {
				if m := re.FindString(line); m != "" {
					t.Errorf("%s:%d mentions %q, which is not in the module: cite the source register instead", rel, i+1, m)
				}
			}
		}
	})
}

// The test above must catch each form it forbids.
func TestOutsidePatternsCatchTheOldForms(t *testing.T) {
	t.Parallel()
	for _, bad := range []string{
		"pu" + "b (DOM" + "AIN.md §2)", "se" + "ed 001: 知识问答", "as the se" + "eds describe it", "se" + "eds 001-003",
		"../" + "sha" + "red/seeds", "sha" + "red/" + "reference/untp-0.7.0/MODEL.md", `"source": "pu` + `b: 中国质量新闻网"`,
		"(seed " + "003)", "000_79a700e6ae7c28b5" + ".txt",
	} {
		hit := false
		for _, re := range outside {
			hit = hit || re.MatchString(bad)
		}
		assert.True(t, hit, bad)
	}
	for _, good := range []string{"赣标〔2021〕1号 三(六)", "the published seed of the draw", "func seeds(tb testing.TB)", "seeded with real inputs"} {
		for _, re := range outside {
			assert.False(t, re.MatchString(good), "%q matches %s", good, re)
		}
	}
}

// sourceValues returns, from v and everything it contains, the values of
// string fields named Source, with where each was found.
func sourceValues(where string, v reflect.Value, out map[string]string) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			sourceValues(where, v.Elem(), out)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			f := v.Type().Field(i)
			if !f.IsExported() {
				continue
			}
			if f.Name == "Source" && f.Type.Kind() == reflect.String {
				if s := v.Field(i).String(); s != "" {
					out[s] = where
				}
				continue
			}
			sourceValues(where+"."+f.Name, v.Field(i), out)
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			sourceValues(where+"["+strconv.Itoa(i)+"]", v.Index(i), out)
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			sourceValues(where+"["+k.String()+"]", v.MapIndex(k), out)
		}
	}
}

// Every Source value the module ships, in its data, its Go literals and its
// JSON files, cites documents of the register.
func TestSourceValuesResolve(t *testing.T) {
	t.Parallel()
	values := map[string]string{}
	sourceValues("brand.JiangxiGreenEcology()", reflect.ValueOf(brand.JiangxiGreenEcology()), values)
	sourceValues("brand.Principles()", reflect.ValueOf(brand.Principles()), values)
	sourceValues("brand.Arrangements()", reflect.ValueOf(brand.Arrangements()), values)
	sourceValues("pilot.Xunwu()", reflect.ValueOf(pilot.Xunwu()), values)
	sourceValues("certification.Alliance()", reflect.ValueOf(certification.Alliance()), values)
	sourceValues("standard.Catalogue()", reflect.ValueOf(standard.Catalogue().All()), values)
	adapters := recognition.Adapters()
	require.GreaterOrEqual(t, len(adapters), 7)
	for _, a := range adapters {
		id := string(a.Brand().ID)
		sourceValues(id+".Brand()", reflect.ValueOf(a.Brand()), values)
		ag := a.Agreement()
		sourceValues(id+".Agreement().Equivalences", reflect.ValueOf(ag.Equivalences), values)
		sourceValues(id+".Agreement().Scheme", reflect.ValueOf(ag.Scheme), values)
	}

	// Go composite literals with a Source key and a string literal value,
	// and JSON objects with a "source" key, anywhere in the module.
	shipped(t, func(rel string, data []byte) {
		switch filepath.Ext(rel) {
		case ".go":
			if strings.HasSuffix(rel, "_test.go") {
				return
			}
			f, err := parser.ParseFile(token.NewFileSet(), rel, data, 0)
			require.NoError(t, err, rel)
			ast.Inspect(f, func(n ast.Node) bool {
				kv, ok := n.(*ast.KeyValueExpr)
				if !ok {
					return true
				}
				if k, ok := kv.Key.(*ast.Ident); ok && k.Name == "Source" {
					if lit, ok := kv.Value.(*ast.BasicLit); ok && lit.Kind == token.STRING {
						s, err := strconv.Unquote(lit.Value)
						require.NoError(t, err)
						values[s] = rel
					}
				}
				return true
			})
		case ".json":
			var doc any
			if json.Unmarshal(data, &doc) != nil {
				return // malformed fixtures are test inputs, not data
			}
			var walk func(any)
			walk = func(x any) {
				switch x := x.(type) {
				case map[string]any:
					for k, v := range x {
						if s, ok := v.(string); ok && strings.EqualFold(k, "source") && s != "" {
							values[s] = rel
						}
						walk(v)
					}
				case []any:
					for _, v := range x {
						walk(v)
					}
				}
			}
			walk(doc)
		}
	})

	require.Greater(t, len(values), 40)
	cited := map[source.ID]bool{}
	for s, where := range values {
		cs, err := source.Resolve(s)
		if !assert.NoError(t, err, "%s: %q", where, s) {
			continue
		}
		for _, c := range cs {
			cited[c.Document.ID] = true
		}
	}
	// Every entry of the register is used: cited by a Source value or named
	// in a comment or document outside the register and the README's list.
	var text strings.Builder
	shipped(t, func(rel string, data []byte) {
		if !strings.HasPrefix(rel, "brand/source/") && rel != "README.md" {
			text.Write(data)
		}
	})
	for _, d := range source.All() {
		if !cited[d.ID] {
			assert.Contains(t, text.String(), d.Ref, "%s is cited nowhere in the module", d.ID)
		}
	}
}

// The README lists the register: every entry's citation appears in it.
func TestReadmeListsTheRegister(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(filepath.Join(moduleRoot(t), "README.md"))
	require.NoError(t, err)
	for i, d := range source.All() {
		title, date := d.Title, d.Date
		if title == "" {
			title = "—"
		}
		if date == "" {
			date = "—"
		}
		row := "| " + d.Ref + " | " + title + " | " + date + " |"
		if i < 5 { // the five policy documents have a table of their own
			row = "| " + d.Ref + " | " + title + " | "
		}
		assert.True(t, strings.Contains(string(data), row), "README.md does not list %s as the register has it: want a row %q", d.ID, row)
	}
}

// go.mod's go line is a minimum for every importer: it names a language
// version or its first release (1.26 or 1.26.0), never a patch release that
// would force a newer toolchain on every consumer.
func TestGoModNamesNoPatchRelease(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(filepath.Join(moduleRoot(t), "go.mod"))
	require.NoError(t, err)
	line := regexp.MustCompile(`(?m)^go (\S+)$`).FindStringSubmatch(string(data))
	require.NotNil(t, line, "go.mod has no go line")
	assert.Regexp(t, `^1\.\d+(\.0)?$`, line[1])
	assert.NotRegexp(t, `(?m)^toolchain `, string(data))
}

var (
	stdNumberRE = regexp.MustCompile(`\b(?:GB/T|GB|NY/T|QB/T|DB\d{2,4}/T|DB\d{2,4}|T/[A-Z]+|ZJM)[ -]?[\d.]+(?:-\d{3,4})*-\d{4}\b`)
	bigNumberRE = regexp.MustCompile(`\b\d{1,3}(?:,\d{3})+\b`)
)

// The facts of the brands trace to their sources: every standard or rule
// number and every large figure in a fact's text appears in a document the
// fact cites. Among them the facts this module took from public research:
// DB31/T 1048-2020 as the 上海品牌 general requirements, the ZJM rule
// numbers, DB36/T 1704.1-2025 with its title, DB36/T 1491-2021.
func TestBrandFactsTraceToTheirSources(t *testing.T) {
	t.Parallel()
	facts := append([]brand.Fact{}, brand.JiangxiGreenEcology().Facts...)
	facts = append(facts, brand.Arrangements()...)
	byID := map[brand.ID]brand.Brand{}
	for _, a := range recognition.Adapters() {
		b := a.Brand()
		byID[b.ID] = b
		facts = append(facts, b.Facts...)
	}
	checked := 0
	for _, f := range facts {
		cs, err := source.Resolve(f.Source)
		require.NoError(t, err, f.Text)
		var text strings.Builder
		for _, c := range cs {
			d := c.Document
			text.WriteString(d.Ref + " " + d.Number + " " + d.Title + " " + d.About + "\n")
		}
		for _, tok := range append(stdNumberRE.FindAllString(f.Text, -1), bigNumberRE.FindAllString(f.Text, -1)...) {
			checked++
			assert.Contains(t, text.String(), tok, "%q: %s is in none of its sources", f.Text, tok)
		}
	}
	assert.Greater(t, checked, 15)

	has := func(id brand.ID, want string) {
		t.Helper()
		for _, f := range byID[id].Facts {
			if strings.Contains(f.Text, want) {
				return
			}
		}
		t.Errorf("%s states no fact with %q", id, want)
	}
	has(brand.Shanghai, "DB31/T 1048-2020《“上海品牌”认证通用要求》")
	has(brand.Zhejiang, "ZJM-NNN-NNNN-YYYY")
	has(brand.Zhejiang, "ZJM-002-4732-2016")
	has(brand.Ganpo, "DB36/T 1704.1-2025《“赣鄱正品”品牌培育 第1部分：通用要求》")
	for _, id := range []brand.ID{brand.Shanghai, brand.Zhejiang, brand.Ganpo, brand.Jiangsu, brand.Shenzhen, brand.Ganchu} {
		for _, f := range byID[id].Facts {
			assert.NotContains(t, f.Text, "DB31/T 1048-2017《上海品牌评价通用要求》及团体标准", "the 2017 edition is not the current basis")
		}
	}
}

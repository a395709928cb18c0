package readme

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// root is the module's root directory, relative to this package.
const root = "../../.."

// snippet is a ```go block of the README.
type snippet struct {
	heading string // the section it is in
	line    int    // of the block's first line of code
	code    string // without its import declaration
	imports []string
}

// example is a function or a whole file of a readme_example_test.go: the
// text a snippet may be part of.
type example struct {
	name    string   // "brand: Example_readmeBrand", or the file's path
	text    string   // the body of an example, or the declarations of a file
	output  []string // the lines of the example's // Output:, nil for a file
	imports []string // of the file
}

var importPath = regexp.MustCompile(`"([^"]+)"`)

// readmeSnippets returns the ```go blocks of README.md.
func readmeSnippets(t *testing.T) []snippet {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, "README.md"))
	require.NoError(t, err)
	var out []snippet
	var cur *snippet
	var code []string
	heading := ""
	inImport := false
	for i, l := range strings.Split(string(b), "\n") {
		switch {
		case cur == nil && strings.HasPrefix(l, "#"):
			heading = strings.TrimSpace(strings.TrimLeft(l, "#"))
		case cur == nil && l == "```go":
			cur = &snippet{heading: heading, line: i + 2}
			code = nil
		case cur != nil && l == "```":
			cur.code = strings.Join(code, "\n")
			out = append(out, *cur)
			cur = nil
		case cur != nil && inImport:
			if strings.TrimSpace(l) == ")" {
				inImport = false
			} else if c, _, _ := strings.Cut(l, "//"); importPath.MatchString(c) {
				cur.imports = append(cur.imports, importPath.FindStringSubmatch(c)[1])
			}
		case cur != nil && strings.HasPrefix(l, "import ("):
			inImport = true
		case cur != nil && strings.HasPrefix(l, "import "):
			cur.imports = append(cur.imports, importPath.FindStringSubmatch(l)[1])
		case cur != nil:
			code = append(code, l)
		}
	}
	require.Nil(t, cur, "README ends inside a ```go block")
	return out
}

// readmeExamples parses every readme_example_test.go of the module.
func readmeExamples(t *testing.T) []example {
	t.Helper()
	var out []example
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || (d.Name() != "readme_example_test.go" && d.Name() != "readme_example.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, src, parser.ParseComments)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		var imports []string
		for _, s := range f.Imports {
			p, _ := strconv.Unquote(s.Path.Value)
			imports = append(imports, p)
		}
		// The whole file after its imports, for package-level snippets.
		start := f.Name.End()
		if len(f.Imports) > 0 {
			start = f.Decls[0].End()
		}
		out = append(out, example{name: rel, text: string(src[fset.Position(start).Offset:]), imports: imports})
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || !strings.HasPrefix(fn.Name.Name, "Example") || fn.Body == nil {
				continue
			}
			body := string(src[fset.Position(fn.Body.Lbrace).Offset+1 : fset.Position(fn.Body.Rbrace).Offset])
			ex := example{name: filepath.Dir(rel) + ": " + fn.Name.Name, imports: imports}
			text, output, found := strings.Cut(body, "// Output:")
			ex.text = text
			if found {
				for _, l := range strings.Split(output, "\n") {
					l = strings.TrimSpace(l)
					if l == "" {
						continue
					}
					l = strings.TrimPrefix(strings.TrimPrefix(l, "//"), " ")
					ex.output = append(ex.output, l)
				}
			}
			out = append(out, ex)
		}
		return nil
	})
	require.NoError(t, err)
	return out
}

// squeeze makes every run of white space one space, so that indentation
// and gofmt's alignment of comments do not matter.
func squeeze(s string) string { return strings.Join(strings.Fields(s), " ") }

// printed returns the comment after each print call of code.
func printed(code string) []string {
	var out []string
	for _, l := range strings.Split(code, "\n") {
		if !strings.Contains(l, "fmt.Print") {
			continue
		}
		if _, c, ok := strings.Cut(l, "// "); ok {
			out = append(out, strings.TrimSpace(c))
		}
	}
	return out
}

// matches reports whether an output line is what a printed comment says,
// "…" standing for any text.
func matches(comment, line string) bool {
	parts := strings.Split(comment, "…")
	for i := range parts {
		parts[i] = regexp.QuoteMeta(parts[i])
	}
	return regexp.MustCompile("^" + strings.Join(parts, ".*") + "$").MatchString(line)
}

// holds reports whether text holds code, modulo white space; a comment
// /* … */ in code stands for any text.
func holds(text, code string) bool {
	parts := strings.Split(squeeze(code), "/* … */")
	for i := range parts {
		parts[i] = regexp.QuoteMeta(parts[i])
	}
	return regexp.MustCompile(strings.Join(parts, ".*?")).MatchString(squeeze(text))
}

// find returns the examples whose text holds the snippet's code.
func find(s snippet, examples []example) []example {
	var out []example
	for _, e := range examples {
		if holds(e.text, s.code) {
			out = append(out, e)
		}
	}
	return out
}

// TestReadmeSnippetsAreExampleTests: every ```go block of the README is
// the body of an example test (or part of a readme_example_test.go file,
// for package-level code), so it compiles, and the file imports what the
// snippet imports.
func TestReadmeSnippetsAreExampleTests(t *testing.T) {
	snippets, examples := readmeSnippets(t), readmeExamples(t)
	require.NotEmpty(t, snippets)
	for _, s := range snippets {
		found := find(s, examples)
		if !assert.NotEmpty(t, found, "README line %d (%s): the snippet is in no readme_example_test.go:\n%s", s.line, s.heading, s.code) {
			continue
		}
		for _, p := range s.imports {
			assert.Contains(t, found[0].imports, p, "README line %d (%s): %s does not import %s", s.line, s.heading, found[0].name, p)
		}
	}
}

// TestReadmeSnippetsPrintWhatTheySay: in every snippet, the comment after
// a print is a line of the output that `go test` checks for the example
// the snippet is.
func TestReadmeSnippetsPrintWhatTheySay(t *testing.T) {
	snippets, examples := readmeSnippets(t), readmeExamples(t)
	n := 0
	for _, s := range snippets {
		found := find(s, examples)
		for _, c := range printed(s.code) {
			n++
			ok := false
			for _, e := range found {
				for _, l := range e.output {
					ok = ok || matches(c, l)
				}
			}
			assert.True(t, ok, "README line %d (%s): %q is printed by no example holding the snippet", s.line, s.heading, c)
		}
	}
	assert.Positive(t, n, "the README's snippets show no printed output")
}

// TestEveryReadmeExampleIsInTheReadme: each example of a
// readme_example_test.go, and each readme_example.go, holds a snippet of
// the README, so that an example left behind when the README changes is
// found.
func TestEveryReadmeExampleIsInTheReadme(t *testing.T) {
	snippets, examples := readmeSnippets(t), readmeExamples(t)
	for _, e := range examples {
		if !strings.Contains(e.name, ": Example") && !strings.HasSuffix(e.name, "readme_example.go") {
			continue // a whole readme_example_test.go: its examples are checked
		}
		used := false
		for _, s := range snippets {
			used = used || holds(e.text, s.code)
		}
		assert.True(t, used, "%s holds no snippet of the README", e.name)
	}
}

// TestHolds checks the comparison of snippets with examples.
func TestHolds(t *testing.T) {
	for _, tc := range []struct {
		text, code string
		want       bool
	}{
		{"a := 1\n\tfmt.Println(a)   // 1", "a := 1\nfmt.Println(a) // 1", true},
		{"a := 1\nfmt.Println(a)", "a := 2\nfmt.Println(a)", false},
		{"var F = T{A: 1, B: 2,\n\tC: 3, D: 4}", "var F = T{A: 1, /* … */\n\tD: 4}", true},
		{"var F = T{A: 1, B: 2}", "var F = T{A: 1, /* … */ D: 4}", false},
		{"x.y", "x(y", false},
	} {
		assert.Equal(t, tc.want, holds(tc.text, tc.code), "%q in %q", tc.code, tc.text)
	}
}

// TestMatches checks the comparison of printed comments with output lines.
func TestMatches(t *testing.T) {
	for _, tc := range []struct {
		comment, line string
		want          bool
	}{
		{"true <nil>", "true <nil>", true},
		{"true <nil>", "false <nil>", false},
		{"true", "true <nil>", false},
		{"江西省质量和标准化研究院（…） — 八", "江西省质量和标准化研究院（江西省标准技术审评中心） — 八", true},
		{"a … b", "a b", false},
		{"a.b", "axb", false},
	} {
		assert.Equal(t, tc.want, matches(tc.comment, tc.line), "%q ~ %q", tc.comment, tc.line)
	}
}

// Package codetest checks the tables of stable codes (findings, violations,
// reasons): every constant of a code type is documented and has its message
// in both languages, and every message of the table belongs to a declared
// code. The module's code tables use it in their tests; a package that adds
// its own table of codes can do the same.
package codetest

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/jxgreen/jxgreen/brand/i18n"
)

// Check parses the Go files of dir (tests excluded), finds the constants
// of type typ and reports, through t, each one without a doc comment that
// starts with its name, each whose message prefix+value lacks its Chinese
// or English text, and each registered message under prefix that no
// constant declares. It returns the values found.
func Check(t testing.TB, dir, typ, prefix string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	declared := map[string]bool{}
	var values []string
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), filepath.Join(dir, name), nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.CONST {
				continue
			}
			for _, s := range g.Specs {
				vs := s.(*ast.ValueSpec)
				if id, ok := vs.Type.(*ast.Ident); !ok || id.Name != typ || len(vs.Values) != 1 {
					continue
				}
				lit, ok := vs.Values[0].(*ast.BasicLit)
				if !ok {
					t.Errorf("%s: %s is not a string literal", name, vs.Names[0].Name)
					continue
				}
				v, _ := strconv.Unquote(lit.Value)
				c := vs.Names[0].Name
				if vs.Doc == nil || !strings.HasPrefix(vs.Doc.Text(), c) {
					t.Errorf("%s: %s has no doc comment starting with its name", name, c)
				}
				if declared[v] {
					t.Errorf("%s: the code %q is declared twice", name, v)
				}
				declared[v] = true
				values = append(values, v)
				zh, en, ok := i18n.Texts(prefix + v)
				if !ok || zh == "" || en == "" {
					t.Errorf("%s (%q) lacks its Chinese or English message %s", c, v, prefix+v)
				}
			}
		}
	}
	if len(values) == 0 {
		t.Errorf("no constant of type %s in %s", typ, dir)
	}
	for _, k := range i18n.Keys() {
		if strings.HasPrefix(k, prefix) && !declared[strings.TrimPrefix(k, prefix)] {
			t.Errorf("message %s belongs to no %s constant", k, typ)
		}
	}
	return values
}

// WalkShipped parses every shipped Go file (tests excluded) of the module
// below root, skipping testdata and hidden folders, and calls fn with each file's path
// relative to root, in slash form. It fails t when it reads fewer than 20
// files, so that a wrong root cannot make a check pass.
func WalkShipped(t testing.TB, root string, fn func(rel string, f *ast.File)) {
	t.Helper()
	files := 0
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if rel == "testdata" || (rel != "." && strings.HasPrefix(d.Name(), ".")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), p, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		files++
		fn(rel, f)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 20 {
		t.Fatalf("read %d Go files below %s: the walk must reach the module's packages", files, root)
	}
}

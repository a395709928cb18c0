package brand

import (
	"go/ast"
	"go/token"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/jxgreen/jxgreen/brand/i18n/codetest"
)

// TestNoExportedMutablePackageVariables walks the module's packages,
// recognition and every adapter included, and fails on any exported
// package-level variable that is not a sentinel error: a default an
// importer could overwrite for everyone.
func TestNoExportedMutablePackageVariables(t *testing.T) {
	t.Parallel()
	var found []string
	codetest.WalkShipped(t, "..", func(rel string, f *ast.File) {
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.VAR {
				continue
			}
			for _, s := range g.Specs {
				for _, n := range s.(*ast.ValueSpec).Names {
					if n.IsExported() && !isSentinelName(n.Name) {
						found = append(found, rel+": "+n.Name)
					}
				}
			}
		}
	})
	assert.Empty(t, found, "exported package variables: make each a function that returns a copy")
}

// isSentinelName reports whether name follows Go's convention for sentinel
// errors (ErrX), the one kind of exported variable that stays.
func isSentinelName(name string) bool {
	return strings.HasPrefix(name, "Err") && len(name) > 3 && token.IsExported(name[3:])
}

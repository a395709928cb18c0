package fold

import (
	"go/ast"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/jxgreen/jxgreen/brand/i18n/codetest"
)

// TestEachRuleHasOneHome walks the module's shipped Go code and fails
// where a rule is written again outside its home: the GB 32100 credit-code
// alphabet (certification/creditcode), the mode codes
// (certification/mode.go), the escaping of JSON Pointer tokens
// (brand/jsonpointer), and text folding with width.Fold or NFKC (this
// package; mark's look-alike reading of the brand name is the one other
// purpose).
func TestEachRuleHasOneHome(t *testing.T) {
	t.Parallel()
	const root = "../.."
	homes := map[string]string{
		"credit alphabet": "certification/creditcode/creditcode.go",
		"mode codes":      "certification/mode.go",
		"width.Fold":      "brand/fold/fold.go",
		"norm.NFKC":       "mark/mark.go",
		"JSON pointer":    "brand/jsonpointer/jsonpointer.go",
	}
	var copies []string
	codetest.WalkShipped(t, root, func(rel string, f *ast.File) {
		found := func(rule string) {
			if homes[rule] != rel {
				copies = append(copies, rel+": "+rule)
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.BasicLit:
				if s, err := strconv.Unquote(n.Value); err == nil {
					if strings.Contains(s, "ABCDEFGHJKLMNPQRTUWXY") {
						found("credit alphabet")
					}
					if s == "1b" {
						found("mode codes")
					}
					if s == "~1" || s == "~0" {
						found("JSON pointer")
					}
				}
			case *ast.SelectorExpr:
				if x, ok := n.X.(*ast.Ident); ok {
					switch x.Name + "." + n.Sel.Name {
					case "width.Fold":
						found("width.Fold")
					case "norm.NFKC", "norm.NFKD":
						found("norm.NFKC")
					}
				}
			}
			return true
		})
	})
	assert.Empty(t, copies, "rules written outside their home")
}

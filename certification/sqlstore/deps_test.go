package sqlstore

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The SQL drivers are linked only by programs that import sqlstore: the
// core packages, which every importer links, stay free of them.
func TestCorePackagesDoNotLinkTheDrivers(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	out, err := exec.Command(gobin, "list", "-deps",
		"github.com/jxgreen/jxgreen/certification",
		"github.com/jxgreen/jxgreen/mark",
		"github.com/jxgreen/jxgreen/recognition").CombinedOutput()
	require.NoError(t, err, "%s", out)
	require.Contains(t, string(out), "github.com/jxgreen/jxgreen/certification\n")
	for _, dep := range strings.Fields(string(out)) {
		assert.False(t, strings.HasPrefix(dep, "modernc.org/") || strings.HasPrefix(dep, "github.com/jackc/"), "a core package links %s", dep)
	}
}

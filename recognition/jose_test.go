package recognition

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Issue 13: the integrity of signed credentials is decided in the UNTP
// adapter, which links the JOSE library; package recognition sees only
// Record.Integrity, so that the core, and every adapter but untp, links
// none.
func TestRecognitionLinksNoJOSELibrary(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	out, err := exec.Command(gobin, "list", "-deps", "github.com/jxgreen/jxgreen/recognition",
		"github.com/jxgreen/jxgreen/recognition/zhejiang").CombinedOutput()
	require.NoError(t, err, "%s", out)
	require.Contains(t, string(out), "github.com/jxgreen/jxgreen/recognition\n")
	for _, dep := range strings.Fields(string(out)) {
		assert.NotContains(t, dep, "jose", "recognition links %s", dep)
	}
	out, err = exec.Command(gobin, "list", "-deps", "github.com/jxgreen/jxgreen/recognition/untp").CombinedOutput()
	require.NoError(t, err, "%s", out)
	assert.Contains(t, string(out), "github.com/go-jose/go-jose/v4\n", "the adapter is where JOSE lives")
}

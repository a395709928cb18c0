package mark

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMarkLinksNoJOSELibrary: the status list's JWS is written and read
// with crypto/ed25519, so that every program that scans labels (it links
// mark and mark/statuslist) stays free of a JOSE library; go-jose checks
// the JWS in the tests only.
func TestMarkLinksNoJOSELibrary(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	out, err := exec.Command(gobin, "list", "-deps",
		"github.com/jxgreen/jxgreen/mark", "github.com/jxgreen/jxgreen/mark/statuslist").CombinedOutput()
	require.NoError(t, err, "%s", out)
	require.Contains(t, string(out), "github.com/jxgreen/jxgreen/mark/statuslist\n")
	for _, dep := range strings.Fields(string(out)) {
		assert.NotContains(t, dep, "jose", "mark links %s", dep)
	}
}

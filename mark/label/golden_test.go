package label_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/mark/label"
)

// updateGolden names the environment variable that rewrites the golden
// files instead of comparing with them:
//
//	JXGREEN_UPDATE_GOLDEN=1 go test ./mark/label -run TestGolden
const updateGolden = "JXGREEN_UPDATE_GOLDEN"

// TestGoldenLabel compares the label of a synthetic certificate (SVG) and
// its QR symbol (PNG) with testdata/label.svg and testdata/label-qr.png,
// byte for byte: codes are deterministic (Ed25519, a fixed key and clock),
// so any change in the output is a change of the package.
func TestGoldenLabel(t *testing.T) {
	t.Parallel()
	s := samples(t)[0]
	p := printer(t)
	var svg, qrPNG bytes.Buffer
	require.NoError(t, p.WriteLabel(&svg, label.NewLabel(s.cert, s.code, signDay), language.Chinese))
	q, err := p.QR(s.code)
	require.NoError(t, err)
	require.NoError(t, q.WritePNG(&qrPNG))
	for name, got := range map[string][]byte{"label.svg": svg.Bytes(), "label-qr.png": qrPNG.Bytes()} {
		path := filepath.Join("testdata", name)
		if os.Getenv(updateGolden) == "1" {
			require.NoError(t, os.WriteFile(path, got, 0o644))
			continue
		}
		want, err := os.ReadFile(path)
		require.NoError(t, err, "run with %s=1 to write it", updateGolden)
		assert.True(t, bytes.Equal(want, got), "%s differs from the golden file; run with %s=1 if the change is intended", name, updateGolden)
	}
}

package label_test

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/mark/label"
)

// zbar decodes the QR symbols of a PNG with zbarimg, an independent
// decoder (Debian's zbar-tools), and returns what it read, one symbol a
// line.
func zbar(t *testing.T, zbarimg, png string) []string {
	t.Helper()
	out, err := zbarOutput(zbarimg, png)
	require.NoError(t, err, "zbarimg %s found no QR symbol", png)
	return strings.Split(out, "\n")
}

// zbarOutput runs zbarimg on png, QR symbols only, and returns what it
// read without the final newline; the error is zbarimg's when it found
// none. -q: no statistics; --raw: the data only. zbarimg may print D-Bus
// noise on stderr, which is not read.
func zbarOutput(zbarimg, png string) (string, error) {
	out, err := exec.Command(zbarimg, "--raw", "-q", "-Sdisable", "-Sqrcode.enable", png).Output()
	return strings.TrimSuffix(string(out), "\n"), err
}

// rasterize renders an SVG file to PNG with rsvg-convert (Debian's
// librsvg2-bin), on white, at dpi dots per inch.
func rasterize(t *testing.T, rsvg, svg, dpi string) string {
	t.Helper()
	png := strings.TrimSuffix(svg, ".svg") + "-" + dpi + ".png"
	out, err := exec.Command(rsvg, "-d", dpi, "-p", dpi, "-b", "white", "-o", png, svg).CombinedOutput()
	require.NoError(t, err, "rsvg-convert: %s", out)
	return png
}

// TestZbarDecodesEveryRenderedQR decodes every QR symbol this package
// renders (the PNG; the SVG symbol and the SVG label rasterized by
// rsvg-convert at label-printer resolutions) with zbarimg and compares
// with the verification address of real signed codes, the longest
// included. It skips when the tools are missing, and fails then when
// CI_REQUIRE_TOOLS=1.
func TestZbarDecodesEveryRenderedQR(t *testing.T) {
	zbarimg := tool(t, "zbarimg")
	rsvg := tool(t, "rsvg-convert")
	for _, opts := range [][]label.Option{
		nil, // 0.5 mm modules, 8 px
		{label.ModuleSize(label.MinModuleMM), label.ModulePixels(2)},
	} {
		p := printer(t, opts...)
		for _, s := range samples(t) {
			want := testBase + s.code
			q, err := p.QR(s.code)
			require.NoError(t, err)

			var b bytes.Buffer
			require.NoError(t, q.WritePNG(&b))
			assert.Equal(t, []string{want}, zbar(t, zbarimg, writeTemp(t, s.name+".png", b.Bytes())), "%s PNG", s.name)

			b.Reset()
			require.NoError(t, q.WriteSVG(&b))
			svg := writeTemp(t, s.name+".svg", b.Bytes())
			for _, dpi := range []string{"203", "300"} {
				assert.Equal(t, []string{want}, zbar(t, zbarimg, rasterize(t, rsvg, svg, dpi)), "%s SVG at %s dpi", s.name, dpi)
			}

			for _, lang := range []language.Tag{language.Chinese, language.English} {
				b.Reset()
				require.NoError(t, p.WriteLabel(&b, label.NewLabel(s.cert, s.code, signDay), lang))
				svg := writeTemp(t, s.name+"-label.svg", b.Bytes())
				assert.Equal(t, []string{want}, zbar(t, zbarimg, rasterize(t, rsvg, svg, "300")), "%s label (%s)", s.name, lang)
			}
		}
	}
}

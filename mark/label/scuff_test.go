package label_test

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"testing"

	qr "github.com/piglig/go-qr"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jxgreen/jxgreen/mark/label"
)

// scratched draws a symbol of n modules (dark reports a module) with its
// quiet zone, px pixels a module, and a light scratch h modules high
// across its middle, between the finder patterns.
func scratched(n int, dark func(x, y int) bool, px, h int) []byte {
	side := (n + 8) * px
	img := image.NewPaletted(image.Rect(0, 0, side, side), color.Palette{color.Gray{Y: 0xff}, color.Gray{Y: 0}})
	for y := 0; y < side; y++ {
		for x := 0; x < side; x++ {
			mx, my := x/px-4, y/px-4
			inScratch := my >= n/2-h/2 && my < n/2-h/2+h && mx >= 9 && mx < n-9
			if dark(mx, my) && !inScratch {
				img.SetColorIndex(x, y, 1)
			}
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// TestZbarDecodesScuffedLabel scratches the printed symbol the way
// handling does and checks that zbarimg still reads the address: what
// level Q is chosen for. The same scratch, 11 modules high (18 % of a
// version 11 symbol), defeats symbols of the same addresses at level M
// (measured with zbar 0.23.92 when the level was chosen; the test checks
// it still does, so that it tells Q from M).
func TestZbarDecodesScuffedLabel(t *testing.T) {
	zbarimg := tool(t, "zbarimg")
	const h, px = 11, 8
	p := printer(t, label.ModulePixels(px))
	for _, s := range samples(t) {
		q, err := p.QR(s.code)
		require.NoError(t, err)
		want := []string{testBase + s.code}
		got := zbar(t, zbarimg, writeTemp(t, s.name+"-q.png", scratched(q.Size(), q.Dark, px, h)))
		assert.Equal(t, want, got, "%s: level Q reads through the scratch", s.name)

		seg, err := qr.MakeBytes([]byte(want[0]))
		require.NoError(t, err)
		m, err := qr.EncodeSegments([]*qr.QrSegment{seg}, qr.Medium, qr.MinVersion, qr.MaxVersion, -1, false)
		require.NoError(t, err)
		out, err := zbarOutput(zbarimg, writeTemp(t, s.name+"-m.png", scratched(m.Size(), m.Module, px, h)))
		assert.False(t, err == nil && out == want[0], "%s: the scratch no longer defeats level M; make it larger so that the test tells Q from M", s.name)
	}
}

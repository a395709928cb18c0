package label_test

import (
	"bytes"
	"image/png"
	"io"
	"math"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	qr "github.com/piglig/go-qr"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/mark"
	"github.com/jxgreen/jxgreen/mark/label"
)

func printer(t testing.TB, opts ...label.Option) *label.Printer {
	t.Helper()
	p, err := label.NewPrinter(testBase, opts...)
	require.NoError(t, err)
	return p
}

// assertLabelError checks that err is an *label.Error with the sentinel,
// field and reason, and that it reads differently in both languages
// without a formatting fault.
func assertLabelError(t *testing.T, err error, sentinel error, field, reason, name string) {
	t.Helper()
	require.Error(t, err, name)
	assert.ErrorIs(t, err, sentinel, name)
	var le *label.Error
	if assert.ErrorAs(t, err, &le, name) {
		assert.Equal(t, field, le.Field, name)
		assert.Equal(t, reason, le.Reason, name)
	}
	zh, en := i18n.Error(err, i18n.Chinese()), i18n.Error(err, i18n.English())
	assert.NotEqual(t, zh, en, name)
	assert.NotContains(t, zh+en, "%!", name)
	assert.NotContains(t, zh+en, "mark.label.", name, "a registered message")
}

func TestQREncodesVerificationAddress(t *testing.T) {
	t.Parallel()
	p := printer(t)
	for _, s := range samples(t) {
		q, err := p.QR(s.code)
		require.NoError(t, err, s.name)
		assert.Equal(t, testBase+s.code, q.URL(), s.name)
		u, err := p.URL(s.code)
		require.NoError(t, err)
		assert.Equal(t, q.URL(), u)
		// The code is printed as it is: its alphabet needs no escaping.
		assert.Equal(t, s.code, strings.TrimPrefix(u, testBase), s.name)

		var b bytes.Buffer
		require.NoError(t, q.WritePNG(&b), s.name)
		img, err := png.Decode(&b)
		require.NoError(t, err, s.name)
		got, err := qr.Decode(img)
		require.NoError(t, err, s.name)
		assert.Equal(t, testBase+s.code, got, s.name)
	}
}

func TestQRUsesLevelQ(t *testing.T) {
	t.Parallel()
	assert.Equal(t, "Q", label.Level)
	p := printer(t)
	for _, s := range samples(t) {
		q, err := p.QR(s.code)
		require.NoError(t, err)
		r, err := qr.DecodeDetailed(q.Image())
		require.NoError(t, err, s.name)
		assert.Equal(t, qr.Quartile, r.Ecc, s.name)
		assert.Equal(t, q.Version(), r.Version, s.name)
		assert.LessOrEqual(t, q.Version(), 15, s.name)
	}
	// The longest base URL and the longest code stay within version 15.
	long, err := label.NewPrinter("https://" + strings.Repeat("v", label.MaxBaseURL-10) + "/")
	require.NoError(t, err)
	q, err := long.QR(samples(t)[2].code)
	require.NoError(t, err)
	assert.LessOrEqual(t, q.Version(), 15)
}

func TestQRHasQuietZoneOfFourModules(t *testing.T) {
	t.Parallel()
	assert.Equal(t, 4, label.QuietZone)
	for _, px := range []int{1, 3, 8} {
		q, err := printer(t, label.ModulePixels(px)).QR(samples(t)[0].code)
		require.NoError(t, err)
		img := q.Image()
		side := (q.Size() + 8) * px
		require.Equal(t, side, img.Bounds().Dx(), "px=%d", px)
		require.Equal(t, side, img.Bounds().Dy(), "px=%d", px)
		// No dark pixel within 4 modules of any edge.
		for y := 0; y < side; y++ {
			for x := 0; x < side; x++ {
				inZone := x < 4*px || y < 4*px || x >= side-4*px || y >= side-4*px
				if inZone {
					require.Equal(t, uint8(0), img.ColorIndexAt(x, y), "dark pixel in the quiet zone at %d,%d (px=%d)", x, y, px)
				}
			}
		}
		// The top-left finder pattern starts right after the quiet zone.
		assert.Equal(t, uint8(1), img.ColorIndexAt(4*px, 4*px), "px=%d", px)
		assert.True(t, q.Dark(0, 0))
		assert.False(t, q.Dark(-1, 0), "outside the symbol")
		assert.False(t, q.Dark(q.Size(), 0), "outside the symbol")
	}
}

func TestQRSVGSizedInMillimetres(t *testing.T) {
	t.Parallel()
	code := samples(t)[0].code
	for _, mm := range []float64{label.MinModuleMM, 0.33, label.DefaultModuleMM, label.MaxModuleMM} {
		q, err := printer(t, label.ModuleSize(mm)).QR(code)
		require.NoError(t, err)
		var b bytes.Buffer
		require.NoError(t, q.WriteSVG(&b))
		root := parseSVG(t, b.Bytes())
		side := float64(q.Size()+2*label.QuietZone) * mm
		assert.InDelta(t, side, q.SideMM(), 1e-9)
		for _, attr := range []string{"width", "height"} {
			v := root.attr(attr)
			require.True(t, strings.HasSuffix(v, "mm"), v)
			assert.InDelta(t, side, parseFloat(t, strings.TrimSuffix(v, "mm")), 0.005, "mm=%v %s", mm, attr)
		}
	}
	p := printer(t)
	q, err := p.QR(code)
	require.NoError(t, err)
	assert.Equal(t, float64(q.Size()+8)*label.DefaultModuleMM, q.SideMM(), "the default module is 0.5 mm")
}

func TestNewPrinterValidatesBaseURL(t *testing.T) {
	t.Parallel()
	for _, good := range []string{
		"https://verify.example/v/",
		"https://verify.example/",
		"https://verify.example:8443/jxgreen/v/",
		"http://localhost:8080/v/",
		"http://127.0.0.1/v/",
		"http://[::1]:8080/",
		"HTTPS://Verify.Example/v/",
		"https://xn--fiq228c.example/v/",
		"https://verify.example/%E9%AA%8C/",
		"https://203.0.113.7/v/",
	} {
		p, err := label.NewPrinter(good)
		require.NoError(t, err, good)
		assert.Equal(t, good, p.BaseURL())
	}
	for raw, reason := range map[string]string{
		"":                                         "empty",
		"https://verify.example/v/?lang=en":        "query",
		"https://verify.example/v?":                "query",
		"https://verify.example/v/#top":            "fragment",
		"https://verify.example/v":                 "slash",
		"javascript:alert(1)//":                    "scheme",
		"JavaScript:alert(document.domain)/":       "scheme",
		"data:text/html,x/":                        "scheme",
		"data:text/html,<b>x</b>/":                 "chars",
		"file:///etc/":                             "scheme",
		"ftp://verify.example/":                    "scheme",
		"http://verify.example/v/":                 "scheme",
		"http://localhost.verify.example/v/":       "scheme",
		"//verify.example/v/":                      "scheme",
		"/v/":                                      "scheme",
		"https:/v/":                                "host",
		"https:///v/":                              "host",
		"https://user:pw@verify.example/v/":        "userinfo",
		"https://bank.example@evil.example/":       "userinfo",
		"https://verify.example/v /":               "chars",
		"https://verify.example/v/\n":              "chars",
		"https://绿色.example/v/":                    "chars",
		"https://verify.example/\xff/":             "chars",
		"https://verify.example/%zz/":              "parse",
		`https://evil.example\.verify.example/`:    "chars",
		"https://verify.example/<script>/":         "chars",
		`https://verify.example/"/`:                "chars",
		"https://verify.example/{x}/":              "chars",
		"https://evil_example.verify.example/":     "host",
		"https://verify.example./":                 "host",
		"https://-verify.example/":                 "host",
		"https://verify..example/":                 "host",
		"https://verify.example%2f.evil/":          "parse",
		"https://[::1/":                            "parse",
		"https://" + strings.Repeat("a", 60) + "/": "long",
	} {
		_, err := label.NewPrinter(raw)
		assertLabelError(t, err, label.ErrBaseURL, "base-url", reason, raw)
	}
}

func TestNewPrinterRefusesOutOfRangeSizes(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		opt    label.Option
		reason string
	}{
		"module too small": {label.ModuleSize(0.1), "module-mm"},
		"module too large": {label.ModuleSize(2.5), "module-mm"},
		"module NaN":       {label.ModuleSize(math.NaN()), "module-mm"},
		"module -Inf":      {label.ModuleSize(math.Inf(-1)), "module-mm"},
		"no pixels":        {label.ModulePixels(0), "module-px"},
		"negative pixels":  {label.ModulePixels(-8), "module-px"},
		"too many pixels":  {label.ModulePixels(label.MaxModulePixels + 1), "module-px"},
	} {
		_, err := label.NewPrinter(testBase, tc.opt)
		assertLabelError(t, err, label.ErrOption, tc.reason, tc.reason, name)
	}
	_, err := label.NewPrinter(testBase, nil, label.ModulePixels(label.MaxModulePixels))
	assert.NoError(t, err, "a nil option is ignored")
}

func TestQRRefusesInvalidOrOversizedCode(t *testing.T) {
	t.Parallel()
	p := printer(t)
	code := samples(t)[2].code
	for name, tc := range map[string]struct{ code, reason string }{
		"empty":           {"", "empty"},
		"one too long":    {code + "A", "long"},
		"100 kB":          {strings.Repeat("A", 100_000), "long"},
		"script":          {"<script>alert(1)</script>", "alphabet"},
		"slash":           {"JXG2../../admin", "alphabet"},
		"query":           {"JXG2abc?x=1", "alphabet"},
		"fragment":        {"JXG2abc#x", "alphabet"},
		"percent":         {"JXG2%2F", "alphabet"},
		"padding":         {"JXG2abc=", "alphabet"},
		"space":           {"JXG2 abc", "alphabet"},
		"newline":         {code[:50] + "\n" + code[51:], "alphabet"},
		"invalid UTF-8":   {"JXG2\xff\xfe", "alphabet"},
		"full-width":      {"ＪＸＧ２abc", "alphabet"},
		"standard base64": {"JXG2ab+/", "alphabet"},
	} {
		_, err := p.QR(tc.code)
		assertLabelError(t, err, label.ErrCode, "code", tc.reason, name)
		_, err = p.URL(tc.code)
		assert.ErrorIs(t, err, label.ErrCode, name)
		var b bytes.Buffer
		l := label.NewLabel(samples(t)[0].cert, tc.code, signDay)
		err = p.WriteLabel(&b, l, language.Chinese)
		assert.ErrorIs(t, err, label.ErrCode, name)
		assert.Zero(t, b.Len(), "nothing written: %s", name)
	}
}

func TestNilPrinterDoesNotPanic(t *testing.T) {
	t.Parallel()
	code := samples(t)[0].code
	for name, p := range map[string]*label.Printer{"nil": nil, "zero": {}} {
		_, err := p.QR(code)
		assert.ErrorIs(t, err, label.ErrBaseURL, name)
		_, err = p.URL(code)
		assert.ErrorIs(t, err, label.ErrBaseURL, name)
		err = p.WriteLabel(io.Discard, label.NewLabel(samples(t)[0].cert, code, signDay), language.Chinese)
		assert.ErrorIs(t, err, label.ErrBaseURL, name)
	}
}

func TestLabelShowsCertificateFields(t *testing.T) {
	t.Parallel()
	p := printer(t)
	for _, s := range samples(t) {
		l := label.NewLabel(s.cert, s.code, signDay)
		assert.Equal(t, certification.LastValidDay(s.cert.Expires), l.ValidUntil, "the one rule for the last valid day")
		last := certification.LastValidDay(s.cert.Expires).In(brand.ChinaTime()).Format("2006-01-02")
		for _, tc := range []struct {
			lang     language.Tag
			captions []string
		}{
			{language.Chinese, []string{"证书编号", "产品", "持证人", "有效期至"}},
			{language.SimplifiedChinese, []string{"证书编号", "产品", "持证人", "有效期至"}},
			{language.English, []string{"Certificate No.", "Product", "Certificate holder", "Valid until"}},
			{language.French, []string{"Certificate No.", "Product", "Certificate holder", "Valid until"}},
		} {
			var b bytes.Buffer
			require.NoError(t, p.WriteLabel(&b, l, tc.lang), s.name)
			root := parseSVG(t, b.Bytes())
			texts := root.texts()
			joined := strings.Join(texts, "")
			assert.Equal(t, mark.BrandName, texts[0], "the brand name comes first")
			for _, want := range append(tc.captions, s.cert.Number, s.cert.Holder.Name, last) {
				assert.Contains(t, texts, want, "%s %s", s.name, tc.lang)
			}
			assert.Contains(t, joined, s.cert.Product, "%s %s: the product, possibly on two lines", s.name, tc.lang)
			assert.True(t, strings.HasSuffix(root.attr("width"), "mm"))
			assert.True(t, strings.HasSuffix(root.attr("height"), "mm"))
			q, err := p.QR(s.code)
			require.NoError(t, err)
			assert.GreaterOrEqual(t, parseFloat(t, strings.TrimSuffix(root.attr("height"), "mm")), q.SideMM(), "the label holds the symbol")
		}
	}
}

func TestLabelLastValidDayFollowsRenewal(t *testing.T) {
	t.Parallel()
	c := samples(t)[0].cert
	renewed := c.Clone()
	require.NoError(t, renewed.Renew(day(2028, 12, 1), day(2031, 1, 10), "合成：复评合格"))
	before := label.NewLabel(renewed, "x", day(2028, 6, 1))
	after := label.NewLabel(renewed, "x", day(2029, 1, 20))
	assert.Equal(t, certification.LastValidDay(c.Expires), before.ValidUntil)
	assert.Equal(t, certification.LastValidDay(renewed.ExpiresAt(day(2029, 1, 20))), after.ValidUntil)
	assert.NotEqual(t, before.ValidUntil, after.ValidUntil)
}

func TestWriteLabelEscapesMarkup(t *testing.T) {
	t.Parallel()
	p := printer(t)
	s := samples(t)[0]
	for name, text := range map[string]string{
		"script":     `<script>alert("x")</script>`,
		"ampersand":  "A&B 果业 &amp; &#x3c;",
		"quotes":     `"双引号" 'single' ＂全角＂`,
		"cdata end":  "]]> <![CDATA[ x ]]>",
		"attribute":  `" onload="alert(1)`,
		"comment":    "<!-- x --> <?php ?>",
		"entity":     `&xxe; <!ENTITY x SYSTEM "f">`,
		"svg inject": `</text><image href="x"/><text>`,
	} {
		for _, field := range []string{"certificate", "product", "holder"} {
			l := label.NewLabel(s.cert, s.code, signDay)
			switch field {
			case "certificate":
				l.Certificate = text
			case "product":
				l.Product = text
			case "holder":
				l.Holder = text
			}
			var b bytes.Buffer
			require.NoError(t, p.WriteLabel(&b, l, language.Chinese), "%s in %s", name, field)
			out := b.String()
			assert.NotContains(t, out, "<script", "%s in %s", name, field)
			assert.NotContains(t, out, "<image", "%s in %s", name, field)
			assert.NotContains(t, out, "<!ENTITY", "%s in %s", name, field)
			root := parseSVG(t, b.Bytes())
			assert.Contains(t, strings.Join(root.texts(), ""), text, "%s in %s: shown exactly as given", name, field)
			assert.Subset(t, []string{"svg", "rect", "g", "path", "text"}, root.elements, "%s in %s: no element added", name, field)
		}
	}
}

func TestWriteLabelRefusesHostileFields(t *testing.T) {
	t.Parallel()
	p := printer(t)
	s := samples(t)[0]
	for name, tc := range map[string]struct {
		change        func(l *label.Label)
		field, reason string
	}{
		"invalid UTF-8 product":   {func(l *label.Label) { l.Product = "金溪\xff蜜梨" }, "product", "invalid-utf8"},
		"invalid UTF-8 holder":    {func(l *label.Label) { l.Holder = "\xc3\x28" }, "holder", "invalid-utf8"},
		"invalid UTF-8 number":    {func(l *label.Label) { l.Certificate = "JXGE\xed\xa0\x80" }, "certificate", "invalid-utf8"},
		"10 kB product":           {func(l *label.Label) { l.Product = strings.Repeat("梨", 3400) }, "product", "long"},
		"10 kB ASCII product":     {func(l *label.Label) { l.Product = strings.Repeat("x", 10240) }, "product", "long"},
		"product one too long":    {func(l *label.Label) { l.Product = strings.Repeat("梨", label.MaxProduct+1) }, "product", "long"},
		"holder one too long":     {func(l *label.Label) { l.Holder = strings.Repeat("司", label.MaxHolder+1) }, "holder", "long"},
		"number one too long":     {func(l *label.Label) { l.Certificate = strings.Repeat("N", label.MaxNumber+1) }, "certificate", "long"},
		"NUL":                     {func(l *label.Label) { l.Product = "金溪\x00蜜梨" }, "product", "unprintable"},
		"form feed (not XML 1.0)": {func(l *label.Label) { l.Holder = "合成\f果业" }, "holder", "unprintable"},
		"newline":                 {func(l *label.Label) { l.Holder = "合成\n果业" }, "holder", "unprintable"},
		"right-to-left override":  {func(l *label.Label) { l.Certificate = "JXGE-\u202eSYN" }, "certificate", "unprintable"},
		"zero-width space":        {func(l *label.Label) { l.Product = "金溪\u200b蜜梨" }, "product", "unprintable"},
		"private use":             {func(l *label.Label) { l.Product = "金溪\ue000蜜梨" }, "product", "unprintable"},
		"U+FFFE (not XML 1.0)":    {func(l *label.Label) { l.Product = "金溪\ufffe" }, "product", "unprintable"},
		"empty product":           {func(l *label.Label) { l.Product = "" }, "product", "empty"},
		"blank holder":            {func(l *label.Label) { l.Holder = " \u3000 " }, "holder", "empty"},
		"empty number":            {func(l *label.Label) { l.Certificate = "" }, "certificate", "empty"},
		"no last valid day":       {func(l *label.Label) { l.ValidUntil = time.Time{} }, "valid-until", "no-date"},
	} {
		l := label.NewLabel(s.cert, s.code, signDay)
		tc.change(&l)
		var b bytes.Buffer
		err := p.WriteLabel(&b, l, language.English)
		assertLabelError(t, err, label.ErrField, tc.field, tc.reason, name)
		assert.Zero(t, b.Len(), "nothing written: %s", name)
	}
}

func TestWriteLabelWrapsLongFields(t *testing.T) {
	t.Parallel()
	p := printer(t)
	s := samples(t)[0]
	for name, tc := range map[string]struct {
		holder    string
		lines     int
		condensed bool
	}{
		"short":                   {"合成样例果业有限公司", 1, false},
		"two lines":               {strings.Repeat("司", 30), 2, false},
		"longest, condensed":      {strings.Repeat("司", label.MaxHolder), 2, true},
		"nonspacing marks":        {strings.Repeat("司\u0301", 20), 2, false},
		"spacing marks":           {strings.Repeat("क\u093e", 20), 2, false},
		"latin, two lines":        {strings.Repeat("Ab ", 13) + "x", 2, false},
		"latin, longest, one cut": {strings.Repeat("W", label.MaxHolder), 2, false},
	} {
		l := label.NewLabel(s.cert, s.code, signDay)
		l.Holder = tc.holder
		var b bytes.Buffer
		require.NoError(t, p.WriteLabel(&b, l, language.Chinese), name)
		texts := parseSVG(t, b.Bytes()).texts()
		i := indexOf(texts, "持证人")
		require.GreaterOrEqual(t, i, 0, name)
		got := texts[i+1 : i+1+tc.lines]
		assert.Equal(t, tc.holder, strings.Join(got, ""), "%s: the holder on %d lines", name, tc.lines)
		for _, line := range got {
			r, _ := utf8.DecodeRuneInString(line)
			assert.False(t, unicode.Is(unicode.M, r), "%s: a line begins with a combining mark", name)
		}
		assert.Equal(t, tc.condensed, strings.Contains(b.String(), `lengthAdjust="spacingAndGlyphs"`), name)
	}
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// TestLabelPrintsTheVerificationHost (review of issue 13): the classic
// attack on a QR
// anti-counterfeiting label is not a forged code but a copied label whose
// QR opens the forger's own look-alike page, which says "genuine" for
// anything. The only defence a shopper has is to compare the address the
// phone opened with the one the label names — and the label names none:
// its texts are the brand, the four fields and "扫码验证真伪与证书状态".
// The label must print the verification site's host (for example
// "verify.example", under the symbol), in every language.
func TestLabelPrintsTheVerificationHost(t *testing.T) {
	t.Parallel()
	p := printer(t)
	s := samples(t)[0]
	for _, lang := range []language.Tag{language.Chinese, language.English} {
		var b bytes.Buffer
		require.NoError(t, p.WriteLabel(&b, label.NewLabel(s.cert, s.code, signDay), lang))
		texts := strings.Join(parseSVG(t, b.Bytes()).texts(), "\n")
		assert.Contains(t, texts, "verify.example", "%s: the label does not say which site its QR must open:\n%s", lang, texts)
	}
	// The host is the printer's, port included, never the code's.
	p2, err := label.NewPrinter("https://check.brand.example:8443/v/")
	require.NoError(t, err)
	assert.Equal(t, "check.brand.example:8443", p2.Host())
	var b bytes.Buffer
	require.NoError(t, p2.WriteLabel(&b, label.NewLabel(s.cert, s.code, signDay), language.English))
	texts := parseSVG(t, b.Bytes()).texts()
	assert.Contains(t, texts, "check.brand.example:8443")
	assert.NotContains(t, strings.Join(texts, "\n"), "verify.example")
}

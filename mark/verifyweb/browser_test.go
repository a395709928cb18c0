package verifyweb

import (
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// chromium returns the path of a headless-capable Chromium ($JXGREEN_CHROMIUM
// when set, else Debian's chromium), or skips the test when there is none,
// unless CI_REQUIRE_TOOLS=1 says the tools must be there (then it fails).
func chromium(t *testing.T) string {
	t.Helper()
	names := []string{"chromium", "/usr/bin/chromium", "chromium-browser"}
	if p := os.Getenv("JXGREEN_CHROMIUM"); p != "" {
		names = []string{p}
	}
	for _, name := range names {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI_REQUIRE_TOOLS") == "1" {
		t.Fatal("chromium is not installed, and CI_REQUIRE_TOOLS=1 requires it (apt-get install chromium)")
	}
	t.Skip("chromium is not installed (apt-get install chromium); CI_REQUIRE_TOOLS=1 makes this a failure")
	return ""
}

// artifacts returns the directory that screenshots are saved in:
// $JXGREEN_ARTIFACTS, or a temporary directory.
func artifacts(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("JXGREEN_ARTIFACTS")
	if dir == "" {
		return t.TempDir()
	}
	require.NoError(t, os.MkdirAll(dir, 0o755))
	return dir
}

// newBrowser starts a headless Chromium with the flags that work on the
// project's machines (as root, no GPU, no network of its own) and a fresh
// profile.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	exe := chromium(t)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-default-browser-check", true),
		chromedp.UserDataDir(t.TempDir()),
	)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	ctx, cancelTimeout := context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	return ctx
}

// TestPageInHeadlessChromiumOnAPhone opens the page in a real headless
// Chromium at a phone's viewport (390×844, mobile emulation) and checks the
// visible verdict for a valid, a revoked and a forged code in both
// languages, that the hashed inline style applied (the CSP let it through:
// the verdict is coloured) and that the page fits the phone's width; it
// saves a screenshot of each.
func TestPageInHeadlessChromiumOnAPhone(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a browser; not with -short")
	}
	ctx := newBrowser(t)
	f := newFixture(t)
	srv := httptest.NewServer(f.handler(t, WithNotice("演示：证书均为合成样例", "Demo: every certificate is synthetic")))
	defer srv.Close()
	dir := artifacts(t)
	require.NoError(t, chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile, chromedp.EmulateTouch)))

	for _, tc := range []struct {
		verdict  Verdict
		lang     string
		headline string
		message  string // a part of the message
		colour   string // the verdict box's background
		product  string // shown for a genuine code
	}{
		{VerdictValid, "zh-Hans", "真品 · 证书有效", "可以使用", "rgb(231, 245, 235)", "金溪蜜梨"},
		{VerdictValid, "en", "Genuine · certificate valid", "may carry the 江西绿色生态 mark", "rgb(231, 245, 235)", "金溪蜜梨"},
		{VerdictRevoked, "zh-Hans", "证书已撤销", "不得再使用", "rgb(253, 233, 231)", "狗牯脑茶"},
		{VerdictRevoked, "en", "Certificate revoked", "has been revoked", "rgb(253, 233, 231)", "狗牯脑茶"},
		{VerdictForged, "zh-Hans", "伪造或被篡改", "不是可信机构签发", "rgb(253, 233, 231)", ""},
		{VerdictForged, "en", "Forged or altered", "not signed by a trusted key", "rgb(253, 233, 231)", ""},
	} {
		name := string(tc.verdict) + "-" + tc.lang
		require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/v/"+f.codes[tc.verdict]+"?lang="+tc.lang)), name)
		headline, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#headline")))
		require.NoError(t, err, name)
		assert.Equal(t, tc.headline, strings.TrimSpace(headline), name)
		message, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#message")))
		require.NoError(t, err, name)
		assert.Contains(t, message, tc.message, name)
		page, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("body")))
		require.NoError(t, err, name)
		if tc.product != "" {
			assert.Contains(t, page, tc.product, name)
			assert.Contains(t, page, "2029-02-28", name)
		} else {
			assert.NotContains(t, page, "JXGE-TEST", name)
		}
		bg, err := chromedp.Run(ctx, chromedp.Evaluate[string](`getComputedStyle(document.getElementById("verdict")).backgroundColor`))
		require.NoError(t, err, name)
		assert.Equal(t, tc.colour, bg, "%s: the inline style applied", name)
		width, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.documentElement.scrollWidth + "x" + window.innerWidth`))
		require.NoError(t, err, name)
		assert.Equal(t, "390x390", width, "%s: no sideways scrolling", name)
		px, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`parseFloat(getComputedStyle(document.getElementById("headline")).fontSize)`))
		require.NoError(t, err, name)
		assert.GreaterOrEqual(t, px, 28.0, "%s: large verdict words", name)
		scripts, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.scripts.length`))
		require.NoError(t, err, name)
		assert.Zero(t, scripts, name)

		png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		require.NoError(t, err, name)
		require.True(t, len(png) > 8 && string(png[1:4]) == "PNG", name)
		file := filepath.Join(dir, "verify-"+name+".png")
		require.NoError(t, os.WriteFile(file, png, 0o644))
		t.Logf("screenshot: %s", file)
	}
}

package label_test

import (
	"crypto/ed25519"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/certification/creditcode"
	"github.com/jxgreen/jxgreen/mark"
	"github.com/jxgreen/jxgreen/mark/statuslist"
	"github.com/jxgreen/jxgreen/standard"
)

// The key is synthetic, derived from a fixed seed; it signs nothing real.
var testKey = ed25519.NewKeyFromSeed([]byte("jxgreen synthetic label key 001!"))

const testBase = "https://verify.example/v/"

func day(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, brand.ChinaTime())
}

// signDay is when the test codes are signed; checkDay is when they are
// checked: the certificates are valid on both.
var signDay, checkDay = day(2026, 2, 1), day(2026, 6, 1)

// issue returns a synthetic certificate issued on 2026-01-10 for the
// rules' validity. Numbers, names and credit codes belong to no real
// certificate or organisation.
func issue(t testing.TB, number, holder string, seq int, product, std string) certification.Certificate {
	t.Helper()
	code, err := creditcode.Complete("91360700MA3" + strings.Repeat("0", 6-len(itoa(seq))) + itoa(seq))
	require.NoError(t, err)
	c, err := certification.GreenEcologyRules().Issue(certification.Application{
		Number: number, Holder: certification.Holder{Name: holder, Code: code}, Product: product,
		Standards: []standard.Number{standard.MustParse(std)},
		Body:      certification.Body{Name: "江西省检验检测认证总院"},
		Mode:      certification.Type5, Decided: day(2026, 1, 10),
	})
	require.NoError(t, err)
	return c
}

func itoa(i int) string {
	s := ""
	for ; i > 0; i /= 10 {
		s = string(rune('0'+i%10)) + s
	}
	if s == "" {
		s = "0"
	}
	return s
}

func sign(t testing.TB, c certification.Certificate) string {
	t.Helper()
	s, err := mark.NewSigner(testKey)
	require.NoError(t, err)
	code, err := s.WithClock(func() time.Time { return signDay }).Sign(c)
	require.NoError(t, err)
	return code
}

func verifier(t testing.TB) *mark.Verifier {
	t.Helper()
	v, err := mark.NewVerifier(testKey.Public().(ed25519.PublicKey))
	require.NoError(t, err)
	return v
}

// sample is a synthetic certificate and its signed code.
type sample struct {
	name string
	cert certification.Certificate
	code string
}

// samples returns real signed codes of synthetic certificates: two
// ordinary ones and the longest code Sign makes (a 24-byte number and an
// 18-character product, signed with a status-list index:
// mark.MaxCodeLen characters).
func samples(t testing.TB) []sample {
	t.Helper()
	pear := issue(t, "JXGE-SYN-LBL-001", "合成样例果业有限公司", 1, "金溪蜜梨", "T/JGE 0039-2023")
	tea := issue(t, "JXGE-SYN-LBL-002", "合成样例茶业有限公司", 2, "狗牯脑茶", "T/JGE 0041-2023")
	long := pear.Clone()
	long.Number, long.Product = "JXGE-SYN-"+strings.Repeat("9", 15), strings.Repeat("梨", 18)
	out := []sample{{"pear", pear, ""}, {"tea", tea, ""}, {"longest", long, ""}}
	for i := range out {
		out[i].code = sign(t, out[i].cert)
	}
	// The longest codes are version 3: they carry a status-list index.
	s, err := mark.NewSigner(testKey)
	require.NoError(t, err)
	out[2].code, err = s.WithClock(func() time.Time { return signDay }).WithStatusIndex(statuslist.NewIndex()).Sign(long)
	require.NoError(t, err)
	require.Len(t, out[2].code, mark.MaxCodeLen, "the longest code")
	return out
}

// tool returns the path of an external program, or skips the test when it
// is missing, unless CI_REQUIRE_TOOLS=1, when a missing tool fails it.
func tool(t *testing.T, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err == nil {
		return path
	}
	if os.Getenv("CI_REQUIRE_TOOLS") == "1" {
		t.Fatalf("%s is not installed and CI_REQUIRE_TOOLS=1 (Debian: apt-get install zbar-tools librsvg2-bin)", name)
	}
	t.Skipf("%s is not installed (Debian: apt-get install zbar-tools librsvg2-bin)", name)
	return ""
}

// writeTemp writes data to a file in the test's temporary directory.
func writeTemp(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(p, data, 0o644))
	return p
}

package label_test

// Adversarial review of issue 13's labels. The test here shows a defect:
// it fails on the code as it stands. Certificates and keys are synthetic
// (helpers_test.go).

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/mark/label"
)

// TestReview13_NewLabelPrintsTheLastDayItsCodeStates: for a certificate
// whose validity ends during a China-time day — a record kept in UTC, as
// an imported or partner register writes "2029-01-10T00:00:00Z", 08:00 in
// China — the code ends at the China-time midnight before
// (mark.Claims.ValidUntil is 2029-01-09), but NewLabel prints
// certification.LastValidDay of the certificate, 2029-01-10. The printed
// label promises one more day than its code: on 2029-01-10 a shopper reads
// 有效期至 2029-01-10 and the scan says expired. Label.Check refuses
// NewLabel's own label of a genuine code, so a printing service that
// checks cannot print it at all.
func TestReview13_NewLabelPrintsTheLastDayItsCodeStates(t *testing.T) {
	t.Parallel()
	for _, ends := range []time.Time{
		time.Date(2029, 1, 10, 0, 0, 0, 0, time.UTC),  // 08:00 China time
		time.Date(2029, 1, 10, 15, 0, 0, 0, time.UTC), // 23:00 China time
	} {
		c := issue(t, "JXGE-SYN-LBL-UTC", "合成样例果业有限公司", 7, "金溪蜜梨", "T/JGE 0039-2023")
		c.History = nil // one period, as an imported record has it
		c.Expires = ends
		code := sign(t, c)
		v := verifier(t)
		claims, err := v.Verify(code, checkDay)
		require.NoError(t, err)

		l := label.NewLabel(c, code, signDay)
		assert.Equal(t, claims.ValidUntil().Format(time.DateOnly), l.ValidUntil.In(claims.Expires.Location()).Format(time.DateOnly),
			"the label's 有效期至 is not the code's last valid day (certificate ends %s)", ends)
		assert.NoError(t, l.Check(v, checkDay), "Check refuses NewLabel's label of a genuine code")
	}
}

// TestReview13_LabelPrintsTheVerificationHost: the classic attack on a QR
// anti-counterfeiting label is not a forged code but a copied label whose
// QR opens the forger's own look-alike page, which says "genuine" for
// anything. The only defence a shopper has is to compare the address the
// phone opened with the one the label names — and the label names none:
// its texts are the brand, the four fields and "扫码验证真伪与证书状态".
// The label must print the verification site's host (for example
// "verify.example", under the symbol), in every language.
func TestReview13_LabelPrintsTheVerificationHost(t *testing.T) {
	t.Parallel()
	p := printer(t)
	s := samples(t)[0]
	for _, lang := range []language.Tag{language.Chinese, language.English} {
		var b bytes.Buffer
		require.NoError(t, p.WriteLabel(&b, label.NewLabel(s.cert, s.code, signDay), lang))
		texts := strings.Join(parseSVG(t, b.Bytes()).texts(), "\n")
		assert.Contains(t, texts, "verify.example", "%s: the label does not say which site its QR must open:\n%s", lang, texts)
	}
}

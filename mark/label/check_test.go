package label_test

import (
	"crypto/ed25519"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/mark"
	"github.com/jxgreen/jxgreen/mark/label"
)

func TestCheckAcceptsLabelOfItsCode(t *testing.T) {
	t.Parallel()
	v := verifier(t)
	for _, s := range samples(t) {
		assert.NoError(t, label.NewLabel(s.cert, s.code, signDay).Check(v, checkDay), s.name)
	}
}

func TestCheckRefusesLabelOfAnotherCertificate(t *testing.T) {
	t.Parallel()
	v := verifier(t)
	ss := samples(t)
	pear, tea := ss[0], ss[1]
	// The tea's code printed beside the pear's text.
	l := label.NewLabel(pear.cert, tea.code, signDay)
	err := l.Check(v, checkDay)
	assertLabelError(t, err, label.ErrMismatch, "certificate", "mismatch", "another certificate's code")

	l = label.NewLabel(pear.cert, pear.code, signDay)
	l.Product = "南丰蜜桔"
	assertLabelError(t, l.Check(v, checkDay), label.ErrMismatch, "product", "mismatch", "another product")

	l = label.NewLabel(pear.cert, pear.code, signDay)
	l.ValidUntil = l.ValidUntil.AddDate(1, 0, 0)
	assertLabelError(t, l.Check(v, checkDay), label.ErrMismatch, "valid-until", "mismatch", "a later date than the code's")

	l = label.NewLabel(pear.cert, pear.code, signDay)
	l.Holder = "另一家合成样例公司"
	assert.NoError(t, l.Check(v, checkDay), "the holder's name is not in the code")
}

func TestCheckRefusesForgedCode(t *testing.T) {
	t.Parallel()
	v := verifier(t)
	s := samples(t)[0]
	l := label.NewLabel(s.cert, s.code, signDay)

	// One character changed in the signature.
	i := len(s.code) - 10
	c := byte('A')
	if s.code[i] == 'A' {
		c = 'B'
	}
	l.Code = s.code[:i] + string(c) + s.code[i+1:]
	err := l.Check(v, checkDay)
	assert.ErrorIs(t, err, mark.ErrForged)

	// Signed by a key the verifier does not trust.
	stranger := ed25519.NewKeyFromSeed([]byte("jxgreen synthetic stranger key!!"))
	signer, err := mark.NewSigner(stranger)
	require.NoError(t, err)
	code, err := signer.WithClock(func() time.Time { return signDay }).Sign(s.cert)
	require.NoError(t, err)
	l.Code = code
	assert.ErrorIs(t, l.Check(v, checkDay), mark.ErrForged)

	// Stripped, duplicated, not a code.
	for name, code := range map[string]string{
		"stripped":   s.code[:len(s.code)/2],
		"duplicated": s.code + s.code,
		"empty":      "",
		"script":     "<script>",
	} {
		l.Code = code
		err := l.Check(v, checkDay)
		assert.ErrorIs(t, err, mark.ErrMalformed, name)
		assert.NotEmpty(t, i18n.Error(err, i18n.Chinese()), name)
	}

	// Expired.
	l.Code = s.code
	assert.ErrorIs(t, l.Check(v, s.cert.Expires), mark.ErrExpired)
	// A nil verifier trusts nothing.
	assert.ErrorIs(t, l.Check(nil, checkDay), mark.ErrForged)
	assert.False(t, strings.Contains(s.code, "="))
}

func TestMessagesInBothLanguages(t *testing.T) {
	t.Parallel()
	n := 0
	for _, key := range i18n.Keys() {
		if !strings.HasPrefix(key, "mark.label.") {
			continue
		}
		n++
		zh, en, ok := i18n.Texts(key)
		require.True(t, ok, key)
		assert.NotEmpty(t, zh, key)
		assert.NotEmpty(t, en, key)
		assert.NotEqual(t, zh, en, key)
		assert.Regexp(t, `\p{Han}`, zh, "%s: the Chinese text is Chinese", key)
	}
	assert.Greater(t, n, 20)
}

// TestNewLabelPrintsTheLastDayItsCodeStates (review of issue 13): for a
// certificate
// whose validity ends during a China-time day — a record kept in UTC, as
// an imported or partner register writes "2029-01-10T00:00:00Z", 08:00 in
// China — the code ends at the China-time midnight before
// (mark.Claims.ValidUntil is 2029-01-09), but NewLabel prints
// certification.LastValidDay of the certificate, 2029-01-10. The printed
// label promises one more day than its code: on 2029-01-10 a shopper reads
// 有效期至 2029-01-10 and the scan says expired. Label.Check refuses
// NewLabel's own label of a genuine code, so a printing service that
// checks cannot print it at all.
func TestNewLabelPrintsTheLastDayItsCodeStates(t *testing.T) {
	t.Parallel()
	for _, ends := range []time.Time{
		time.Date(2029, 1, 10, 0, 0, 0, 0, time.UTC),                           // 08:00 China time
		time.Date(2029, 1, 10, 15, 0, 0, 0, time.UTC),                          // 23:00 China time
		time.Date(2029, 1, 9, 16, 0, 0, 0, time.UTC),                           // China midnight: the certificate's own last day
		time.Date(2029, 1, 9, 16, 0, 0, 1, time.UTC),                           // a nanosecond after it
		time.Date(2029, 1, 10, 0, 0, 0, 0, time.FixedZone("UTC-12", -12*3600)), // noon China time
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

package recognition_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/certification/creditcode"
	"github.com/jxgreen/jxgreen/recognition"
	"github.com/jxgreen/jxgreen/standard"
)

// TestFromCertificateAsksStatusAt: FromCertificate's status is the
// certificate's StatusAt at the time given, so a revocation dated later
// does not reach back, and a renewal dated later does not extend the
// record's validity before it.
func TestFromCertificateAsksStatusAt(t *testing.T) {
	t.Parallel()
	code, _ := creditcode.Complete("91360100MA9000019")
	c, err := certification.GreenEcologyRules().Issue(certification.Application{
		Number: "JXGE-SYN-FROM", Holder: certification.Holder{Name: "合成样例果业有限公司", Code: code},
		Product: "金溪蜜梨", Standards: []standard.Number{standard.MustParse("T/JGE 0039-2023")},
		Body: certification.Body{Name: "江西省检验检测认证总院"}, Mode: certification.Type5, Decided: day(2026, 1, 10),
	})
	require.NoError(t, err)
	first := c.Expires
	require.NoError(t, c.Renew(day(2028, 12, 1), day(2032, 1, 10), "再认证"))
	require.NoError(t, c.Revoke(day(2030, 6, 1), "重大质量事故"))

	ag := recognition.Reciprocals()[0]
	for _, tc := range []struct {
		at      string
		status  certification.Status
		expires string
	}{
		{"2026-01-09", certification.Pending, "2029-01-10"},
		{"2027-06-01", certification.Valid, "2029-01-10"},
		{"2029-06-01", certification.Valid, "2032-01-10"},
		{"2030-06-01", certification.Revoked, "2032-01-10"},
		{"2033-01-01", certification.Revoked, "2032-01-10"},
	} {
		at := parseDay(t, tc.at)
		rec := recognition.FromCertificate(c, brand.Core(), at)
		assert.Equal(t, tc.status, rec.Status, tc.at)
		assert.Equal(t, c.StatusAt(at), rec.Status, tc.at)
		assert.Equal(t, rec.Status, rec.StatusAt(at), tc.at)
		assert.True(t, parseDay(t, tc.expires).Equal(rec.Expires), "%s: expires %v", tc.at, rec.Expires)
		if tc.status != certification.Valid {
			assert.Equal(t, recognition.Rejected, ag.Check(rec, at).Outcome, tc.at)
		}
	}
	assert.True(t, first.Equal(parseDay(t, "2029-01-10")))
}

func parseDay(t *testing.T, s string) (d time.Time) {
	t.Helper()
	d, err := time.ParseInLocation(time.DateOnly, s, brand.ChinaTime())
	require.NoError(t, err)
	return d
}

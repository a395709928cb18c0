package recognition_test

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/recognition"
	"github.com/jxgreen/jxgreen/standard"
)

// TestFormatKeyReadsOneSchemeInAnothersFormat: "jxgreen@zhejiang" reads
// a record in 品字标's field names as a 江西绿色生态 record, with our brand
// and our default terms; a key that names an exchange format, an unknown
// scheme, or is broken finds nothing, and never panics.
func TestFormatKeyReadsOneSchemeInAnothersFormat(t *testing.T) {
	zj, ok := recognition.Lookup("zhejiang")
	require.True(t, ok)
	in, ok := recognition.Lookup(recognition.FormatKey(brand.JiangxiGreen, "zhejiang"))
	require.True(t, ok)
	assert.Equal(t, brand.JiangxiGreen, in.Brand().ID)
	assert.Equal(t, zj.Schema(), in.Schema(), "the partner's format")
	again, _ := recognition.Lookup("jxgreen@品字标")
	assert.Same(t, in, again, "made once, by any name of the format")

	same, ok := recognition.Lookup("zhejiang@zhejiang")
	require.True(t, ok)
	assert.Same(t, zj, same)
	assert.Equal(t, "zhejiang", recognition.FormatKey("zhejiang", "zhejiang"))

	for _, key := range []string{"jxgreen@untp", "untp@zhejiang", "nosuch@zhejiang", "jxgreen@nosuch", "@", "@zhejiang", "jxgreen@", "jxgreen@zhejiang@shanghai", "jxgreen@@zhejiang"} {
		a, ok := recognition.Lookup(key)
		assert.False(t, ok, key)
		assert.Nil(t, a, key)
	}
}

// TestPartnerJudgesOurExportInItsFormatAsOurs (review of issue 11; Export
// now writes {"scheme":"jxgreen@zhejiang",…}): Export of our certificates
// to a partner's native format once wrote lines of the
// partner's own scheme ({"scheme":"zhejiang",…}), the certificate's origin
// only in the free-text note. The partner runs its tool with its terms
// (-recognizer zhejiang, the bullet "a partner judges our certificates by
// its terms") on the file we handed it, and every certificate, the valid
// one included, is rejected "no-agreement" (没有“品字标”互认“品字标”的协议);
// the same certificates in our own list format get the partner's terms
// (default-reverse). And 江西绿色生态 reading the same file judges its own
// certificate as a 品字标 certificate and recognises it.
func TestPartnerJudgesOurExportInItsFormatAsOurs(t *testing.T) {
	at := time.Date(2026, 6, 1, 0, 0, 0, 0, brand.ChinaTime())
	certs := review11Certificates(t)[:1] // JXGE-SYN-C001, valid at the date
	require.Equal(t, certification.Valid, certs[0].StatusAt(at))

	ours := exportThenCheck(t, "jxgreen", "zhejiang", at, certs)
	require.Equal(t, "jxgreen", ours[0]["scheme"])
	require.NotEqual(t, "rejected", ours[0]["outcome"], "our list format, partner's terms: %v", ours[0])

	for _, to := range []string{"zhejiang", "shanghai", "jiangsu"} {
		t.Run(to, func(t *testing.T) {
			theirs := exportThenCheck(t, to, brand.ID(to), at, certs)
			got := theirs[0]
			assert.Equal(t, "jxgreen", got["scheme"], "the export of a 江西绿色生态 certificate read back as a certificate of %s: %v", to, got)
			assert.Equal(t, ours[0]["outcome"], got["outcome"], "the partner's decision on the same certificate depends on the file format: %v", got)
			assert.NotNil(t, got["agreement"], "no terms applied: %v", got)

			mine := exportThenCheck(t, to, "", at, certs)
			assert.NotEqual(t, to, mine[0]["scheme"], "江西绿色生态 judges its own certificate as one of %s: %v", to, mine[0])
		})
	}
}

// TestExportDoesNotExtendValidity: a certificate issued through
// Rules.Issue expires at the instant of day it was decided (Decided plus
// the validity), not at midnight. Export writes the last valid day as that
// day itself (certification.LastValidDay: review of issue 11, now the day
// before), and the partner reads 有效期至
// as valid through the end of the day: the exported record is valid for
// hours after the certificate expired, and a partner judging then sees a
// valid certificate where we have an expired one.
func TestExportDoesNotExtendValidity(t *testing.T) {
	c := review11Certificates(t)[0]
	c.Issued = time.Date(2025, 3, 1, 10, 0, 0, 0, brand.ChinaTime())
	c.Expires = time.Date(2028, 3, 1, 10, 0, 0, 0, brand.ChinaTime())
	c.History = []certification.Event{{Action: certification.Issue, At: c.Issued, Expires: c.Expires}}
	exported := time.Date(2026, 6, 1, 0, 0, 0, 0, brand.ChinaTime())

	for _, to := range []string{"jxgreen", "zhejiang", "shenzhen"} {
		t.Run(to, func(t *testing.T) {
			a, ok := recognition.Lookup(to)
			require.True(t, ok)
			var buf bytes.Buffer
			_, err := recognition.Export(&buf, a, exported, []certification.Certificate{c})
			require.NoError(t, err)
			var env struct{ Record json.RawMessage }
			require.NoError(t, json.Unmarshal(buf.Bytes(), &env))
			r, err := a.Decode(env.Record)
			require.NoError(t, err)
			for _, at := range []time.Time{
				time.Date(2028, 3, 1, 10, 0, 0, 0, brand.ChinaTime()),
				time.Date(2028, 3, 1, 23, 0, 0, 0, brand.ChinaTime()),
			} {
				require.Equal(t, certification.Expired, c.StatusAt(at))
				assert.NotEqual(t, certification.Valid, r.StatusAt(at),
					"at %s the certificate has expired, its export (有效期至 %s) is valid", at, r.Expires.Add(-time.Nanosecond).In(brand.ChinaTime()).Format(time.DateOnly))
			}
		})
	}
}

// TestExportWritesWholeDaysOfValidity: a validity that starts within a day
// is written from the next day; one shorter than a whole day cannot be
// written at all.
func TestExportWritesWholeDaysOfValidity(t *testing.T) {
	zj, ok := recognition.Lookup("zhejiang")
	require.True(t, ok)
	china := brand.ChinaTime()
	for _, tc := range []struct {
		name            string
		issued, expires time.Time
		first, last     string // "" when refused
	}{
		{"midnight", time.Date(2025, 3, 1, 0, 0, 0, 0, china), time.Date(2028, 3, 1, 0, 0, 0, 0, china), "2025-03-01", "2028-02-29"},
		{"within a day", time.Date(2025, 3, 1, 10, 0, 0, 0, china), time.Date(2028, 3, 1, 10, 0, 0, 0, china), "2025-03-02", "2028-02-29"},
		{"UTC midnight is 08:00 in China", time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(2028, 3, 1, 0, 0, 0, 0, time.UTC), "2025-03-02", "2028-02-29"},
		{"one whole day", time.Date(2025, 3, 1, 10, 0, 0, 0, china), time.Date(2025, 3, 3, 9, 0, 0, 0, china), "2025-03-02", "2025-03-02"},
		{"less than a whole day", time.Date(2025, 3, 1, 10, 0, 0, 0, china), time.Date(2025, 3, 2, 23, 0, 0, 0, china), "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := recognition.Record{
				Scheme: brand.JiangxiGreen, Number: "JXGE-SYN-DAYS", Product: "金溪蜜梨",
				Holder:    certification.Holder{Name: "合成样例企业（synthetic）", Code: "91360100MA91000117"},
				Standards: []standard.Number{standard.MustParse("T/JGE 0039-2023")},
				Body:      certification.Body{Name: "江西省检验检测认证总院", Certifies: true},
				Mode:      certification.Type5, Status: certification.Valid,
				Issued: tc.issued, Expires: tc.expires,
			}
			b, err := recognition.ExportRecord(zj, r)
			if tc.first == "" {
				require.ErrorIs(t, err, recognition.ErrEncode)
				return
			}
			require.NoError(t, err)
			var m map[string]any
			require.NoError(t, json.Unmarshal(b, &m))
			assert.Equal(t, tc.first, m["颁证日期"])
			assert.Equal(t, tc.last, m["有效期至"])
		})
	}
}

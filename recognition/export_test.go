package recognition_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"strings"
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
	certs := sampleCertificates(t)[:1] // JXGE-SYN-C001, valid at the date
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
	c := sampleCertificates(t)[0]
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

// TestExportRefusesAnAdapterThatWritesNoStatus: Export must give each
// certificate a line that says what the certificate is, or a reported
// error. To UNTP (the registered, stateless adapter) it refuses an expired
// certificate "because it would read back as valid", but writes the valid,
// the suspended, the revoked and the cancelled ones alike, without
// credentialStatus and without a word: read back, all four have no status
// (status-unknown), so the valid certificate is rejected by the partner
// and the revoked one cannot be told from it. Nothing in Export's result
// says that the statuses were dropped. (Review of issue 11: Export now
// refuses the stateless adapter, each certificate an ExportError wrapping
// ErrStatusNotCarried; untp.Issuer writes the status.)
func TestExportRefusesAnAdapterThatWritesNoStatus(t *testing.T) {
	at := time.Date(2026, 6, 1, 0, 0, 0, 0, brand.ChinaTime())
	var certs []certification.Certificate
	for _, c := range sampleCertificates(t) {
		if c.StatusAt(at) != certification.Expired {
			certs = append(certs, c)
		}
	}
	require.Len(t, certs, 4)
	to, ok := recognition.Lookup("untp")
	require.True(t, ok)
	var buf bytes.Buffer
	n, err := recognition.Export(&buf, to, at, certs)
	reported := 0
	if err != nil {
		reported = len(err.(interface{ Unwrap() []error }).Unwrap())
	}
	require.Equal(t, len(certs), n+reported, "every certificate is a line or an error")
	assert.ErrorIs(t, err, recognition.ErrStatusNotCarried)
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if n == 0 {
		lines = nil
	}
	for i, l := range lines {
		var env struct{ Record json.RawMessage }
		require.NoError(t, json.Unmarshal([]byte(l), &env))
		r, err := to.Decode(env.Record)
		require.NoError(t, err)
		c, ok := findCertificate(certs, r.Number)
		require.True(t, ok, "line %d", i+1)
		assert.Equal(t, c.StatusAt(at), r.StatusAt(at), "%s was written without a word, and reads back %s", r.Number, r.StatusAt(at))
	}
}

// The helpers below come from the review of issue 11; the certificates,
// schemes and agreements they make are synthetic.

// mutatedScheme is the synthetic city brand's definition, changed by mut.
func mutatedScheme(t *testing.T, mut func(m map[string]any)) []byte {
	t.Helper()
	b, err := os.ReadFile(exampleScheme)
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(b, &m))
	mut(m)
	out, err := json.Marshal(m)
	require.NoError(t, err)
	return out
}

// sampleCertificates reads the synthetic sample certificates.
func sampleCertificates(t *testing.T) []certification.Certificate {
	t.Helper()
	f, err := os.Open("../testdata/certificates/sample.ndjson")
	require.NoError(t, err)
	defer f.Close()
	var out []certification.Certificate
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var c certification.Certificate
		require.NoError(t, json.Unmarshal(sc.Bytes(), &c))
		out = append(out, c)
	}
	require.NoError(t, sc.Err())
	require.NotEmpty(t, out)
	return out
}

// exportThenCheck exports certs to the format of scheme to, and runs the
// Checker on the export as the partner recognizer would.
func exportThenCheck(t *testing.T, to string, recognizer brand.ID, at time.Time, certs []certification.Certificate) []map[string]any {
	t.Helper()
	a, ok := recognition.Lookup(to)
	require.True(t, ok, to)
	var buf bytes.Buffer
	n, err := recognition.Export(&buf, a, at, certs)
	require.NoError(t, err)
	require.Equal(t, len(certs), n)
	c := recognition.Checker{Workers: 1, At: at, Recognizer: recognizer}
	var out bytes.Buffer
	_, err = c.Run(context.Background(), &buf, &out)
	require.NoError(t, err)
	var lines []map[string]any
	for _, l := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var m map[string]any
		require.NoError(t, json.Unmarshal([]byte(l), &m))
		lines = append(lines, m)
	}
	require.Len(t, lines, len(certs))
	return lines
}

func findCertificate(certs []certification.Certificate, number string) (certification.Certificate, bool) {
	for _, c := range certs {
		if c.Number == number {
			return c, true
		}
	}
	return certification.Certificate{}, false
}

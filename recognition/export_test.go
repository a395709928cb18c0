package recognition_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/recognition"
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

// TestPartnerJudgesOurExportInItsFormatAsOurs: Export
// (review of issue 11; it now writes {"scheme":"jxgreen@zhejiang",…})
// of our certificates to a partner's native format once wrote lines of the
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

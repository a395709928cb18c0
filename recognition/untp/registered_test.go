package untp_test

import (
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/certification/creditcode"
	"github.com/jxgreen/jxgreen/recognition"
	"github.com/jxgreen/jxgreen/recognition/untp"
	"github.com/jxgreen/jxgreen/standard"
)

// syntheticRecord is a made-up record (synthetic holder, number and code).
func syntheticRecord(t testing.TB, n int) recognition.Record {
	code, err := creditcode.Complete("91360100MA9000077")
	require.NoError(t, err)
	return recognition.Record{
		Scheme: brand.JiangxiGreen, Number: fmt.Sprintf("JXGE/SYN %06d", n), Product: "狗牯脑茶",
		Holder:    certification.Holder{Name: "合成样例茶业有限公司", Code: code},
		Standards: []standard.Number{standard.MustParse("T/JGE 0041-2023")},
		Body:      certification.Body{Name: "合成样例认证机构", Certifies: true},
		Mode:      certification.Type5,
		Issued:    time.Date(2026, 1, 5, 0, 0, 0, 0, brand.ChinaTime()),
		Expires:   time.Date(2029, 1, 5, 0, 0, 0, 0, brand.ChinaTime()),
		Status:    certification.Revoked,
	}
}

// Issue 10, "Registered adapters are immutable and stateless": 200,000
// Encodes through the registered UNTP adapter leave no memory behind
// (before the issue, its status lists kept an index per credential: 22.7
// MiB).
func TestRegisteredAdapterEncodesWithoutAccumulatingState(t *testing.T) {
	got, ok := recognition.Lookup("untp")
	require.True(t, ok)
	a := got.(*untp.Adapter)
	n := 200_000
	if testing.Short() {
		n = 20_000
	}
	heap := func() uint64 {
		runtime.GC()
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	recs := make([]recognition.Record, 64)
	for i := range recs {
		recs[i] = syntheticRecord(t, i)
	}
	_, err := a.Encode(recs[0]) // warm the caches of the first call
	require.NoError(t, err)
	before := heap()
	for i := range n {
		r := recs[i%len(recs)]
		r.Number = fmt.Sprintf("JXGE/SYN %07d", i) // a new credential each time
		if _, err := a.Encode(r); err != nil {
			require.NoError(t, err)
		}
	}
	after := heap()
	grew := int64(after) - int64(before)
	t.Logf("%d encodes: heap %d -> %d bytes (%+d)", n, before, after, grew)
	assert.Less(t, grew, int64(256<<10), "the registered adapter keeps state")
}

// The registered adapter writes no credentialStatus (it publishes no list),
// so its credential decodes with status unknown; an Issuer's carries the
// entry of the certificate's place in the brand's list, which a verifier
// given the list reads.
func TestStatusListsBelongToTheIssuer(t *testing.T) {
	b := newBrand()
	c := ourCertificate(t, "JXGE-SYN-ISSUER-1")
	require.NoError(t, c.Revoke(time.Date(2026, 3, 1, 0, 0, 0, 0, brand.ChinaTime()), "合成样例"))
	b.add(t, c)
	r := recordOf(c, certification.Valid)
	native, err := registered.Encode(r)
	require.NoError(t, err)
	assert.NotContains(t, string(native), "credentialStatus")
	back, err := registered.Decode(native)
	require.NoError(t, err)
	assert.Equal(t, certification.Status(0), back.Status)

	native, err = b.issuer.Encode(r)
	require.NoError(t, err)
	i, ok := b.issuer.Index().Lookup(c.Number)
	require.True(t, ok)
	assert.Contains(t, string(native), fmt.Sprintf(`"statusListIndex": %d,`, i))
	assert.Contains(t, string(native), `"statusListCredential": "`+listURL+`"`)
	back, err = b.verifier(t, checkDay).Decode(native)
	require.NoError(t, err)
	assert.Equal(t, certification.Revoked, back.Status)
	// The registered adapter and the issuer itself read no list.
	for _, a := range []recognition.Adapter{registered, b.issuer} {
		back, err = a.Decode(native)
		require.NoError(t, err)
		assert.Equal(t, certification.Status(0), back.Status, "%T", a)
	}
	// A partner's record is written without status: the brand cannot
	// vouch for it.
	native, err = b.issuer.Encode(jiangsuRecord("JSJP-SYN-ISSUER", certification.Valid))
	require.NoError(t, err)
	assert.NotContains(t, string(native), "credentialStatus")
}

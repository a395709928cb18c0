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
// status, in lists it hands out to publish.
func TestStatusListsBelongToTheIssuer(t *testing.T) {
	r := syntheticRecord(t, 1)
	native, err := registered.Encode(r)
	require.NoError(t, err)
	assert.NotContains(t, string(native), "credentialStatus")
	back, err := registered.Decode(native)
	require.NoError(t, err)
	assert.Equal(t, certification.Status(0), back.Status)

	is := untp.NewIssuer("https://certs.example/status-issuer")
	native, err = is.Encode(r)
	require.NoError(t, err)
	assert.Contains(t, string(native), `"statusListCredential": "https://certs.example/status-issuer/revocation"`)
	back, err = is.Decode(native)
	require.NoError(t, err)
	assert.Equal(t, certification.Revoked, back.Status)
	rev, sus := is.StatusLists()
	i := rev.Index(back.Number) // not the credential id: a new index
	assert.Positive(t, i, "the issuer's list gave index 0 to the credential")
	set, err := rev.Get(0)
	require.NoError(t, err)
	assert.True(t, set, "revoked: the bit of index 0 is set")
	set, err = sus.Get(0)
	require.NoError(t, err)
	assert.False(t, set)
	// A second issuer's lists are its own.
	other := untp.NewIssuer("https://certs.example/status-other")
	back, err = other.Decode(native)
	require.NoError(t, err)
	assert.Equal(t, certification.Status(0), back.Status, "another issuer cannot read the first's lists")
}

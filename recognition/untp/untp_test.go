package untp_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/certification/creditcode"
	"github.com/jxgreen/jxgreen/recognition"
	"github.com/jxgreen/jxgreen/recognition/adaptertest"
	_ "github.com/jxgreen/jxgreen/recognition/shanghai"
	"github.com/jxgreen/jxgreen/recognition/untp"
	_ "github.com/jxgreen/jxgreen/recognition/zhejiang"
	"github.com/jxgreen/jxgreen/standard"
)

// withSampleLists returns an adapter that knows the synthetic status lists
// the samples point to; its own lists, for encoding, live elsewhere.
func withSampleLists(t testing.TB) *untp.Issuer {
	a := untp.NewIssuer("https://test.example/status/")
	raw, err := os.ReadFile(filepath.Join(samples, "status", "lists.json"))
	require.NoError(t, err)
	var lists map[string]string
	require.NoError(t, json.Unmarshal(raw, &lists))
	for _, purpose := range []string{"revocation", "suspension"} {
		l, err := untp.ParseStatusList("https://jxgreen.example/status/"+purpose, purpose, lists[purpose])
		require.NoError(t, err)
		a.AddStatusList(l)
	}
	return a
}

func TestSamples(t *testing.T) { adaptertest.Samples(t, withSampleLists(t), samples) }

func TestRefusesJunk(t *testing.T) { adaptertest.Refuses(t, registered) }

func FuzzDecode(f *testing.F) { adaptertest.Fuzz(f, withSampleLists(f), samples) }

func TestRegisteredUnderItsNames(t *testing.T) {
	for _, k := range []string{"untp", "UNTP数字合格证书", "UN Transparency Protocol Digital Conformity Credential"} {
		a, ok := recognition.Lookup(k)
		require.True(t, ok, k)
		assert.Equal(t, untp.ID, a.Brand().ID)
	}
}

func TestStatusTravelsThroughTheLists(t *testing.T) {
	a := untp.NewIssuer("https://certs.example/status")
	code, _ := creditcode.Complete("91360100MA9000077")
	r := recognition.Record{
		Scheme: brand.JiangxiGreen, Number: "JXGE/SYN 0077", Product: "狗牯脑茶",
		Holder:     certification.Holder{Name: "合成样例茶业有限公司", Code: code},
		Standards:  []standard.Number{standard.MustParse("T/JGE 0041-2023")},
		Body:       certification.Body{Name: "中国检验认证集团江西有限公司", Certifies: true},
		Mode:       certification.Type5,
		Issued:     time.Date(2026, 1, 5, 0, 0, 0, 0, brand.ChinaTime()),
		Expires:    time.Date(2029, 1, 5, 0, 0, 0, 0, brand.ChinaTime()),
		Status:     certification.Valid,
		Attributes: brand.Core(),
	}
	for _, st := range []certification.Status{certification.Valid, certification.Suspended, certification.Valid, certification.Revoked} {
		r.Status = st
		native, err := a.Encode(r)
		require.NoError(t, err)
		back, err := a.Decode(native)
		require.NoError(t, err)
		assert.Equal(t, r, back, "status %v", st)
	}
	// Cancelled cannot be told from revoked in UNTP.
	r.Status = certification.Cancelled
	native, err := a.Encode(r)
	require.NoError(t, err)
	back, err := a.Decode(native)
	require.NoError(t, err)
	assert.Equal(t, certification.Revoked, back.Status)

	// Another adapter that does not know these lists cannot tell the status.
	other, err := untp.NewIssuer("https://elsewhere.example/status").Decode(native)
	require.NoError(t, err)
	assert.Equal(t, certification.Status(0), other.Status)
	d := recognition.AgreementFor(registered, other).Check(other, time.Date(2026, 6, 1, 0, 0, 0, 0, brand.ChinaTime()))
	assert.Equal(t, recognition.Rejected, d.Outcome)
	assert.True(t, d.Has("status-unknown"))

	// A published list read back is the same list.
	rev, _ := a.StatusLists()
	again, err := untp.ParseStatusList(rev.URL, rev.Purpose, rev.EncodedList())
	require.NoError(t, err)
	i := rev.Index("urn:jxgreen:credential:jxgreen:JXGE%2FSYN%200077")
	set, err := again.Get(i)
	require.NoError(t, err)
	assert.True(t, set)
	set, err = rev.Get(i)
	require.NoError(t, err)
	assert.True(t, set)
	_, err = rev.Get(i + 1)
	assert.Error(t, err, "an index never given out is not known")
	_, err = untp.ParseStatusList("u", "revocation", "x")
	assert.Error(t, err)
	_, err = untp.ParseStatusList("u", "revocation", "uAAAA")
	assert.Error(t, err)
}

// registered is the adapter recognition.Lookup("untp") returns: stateless,
// so a fresh one is the same.
var registered = &untp.Adapter{}

// samples is the folder of the adapter's synthetic sample records.
const samples = "../../testdata/untp"

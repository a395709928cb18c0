package untp_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/mark/statuslist"
	"github.com/jxgreen/jxgreen/recognition"
	"github.com/jxgreen/jxgreen/recognition/adaptertest"
	_ "github.com/jxgreen/jxgreen/recognition/shanghai"
	"github.com/jxgreen/jxgreen/recognition/untp"
	_ "github.com/jxgreen/jxgreen/recognition/zhejiang"
)

// withSampleLists returns a verifier that trusts the synthetic sample
// issuer's key and knows the synthetic status list the samples point to,
// read on the day the samples are checked.
func withSampleLists(t testing.TB) sampleAdapter {
	keys, err := os.ReadFile(filepath.Join(samples, "status", "keys.jwks"))
	require.NoError(t, err)
	set, err := untp.ParseKeySet(keys)
	require.NoError(t, err)
	list, err := os.ReadFile(filepath.Join(samples, "status", "list.jwt"))
	require.NoError(t, err)
	v, err := untp.NewVerifier(set).WithStatusList(list)
	require.NoError(t, err)
	return sampleAdapter{Verifier: v.WithTime(checkDay), issuer: untp.NewIssuer(sampleListURL, sampleIndex(t))}
}

// sampleAdapter reads the samples with their proof and status, and writes
// records back with their places in the samples' list, so that a sample
// survives Encode and Decode.
type sampleAdapter struct {
	*untp.Verifier
	issuer *untp.Issuer
}

// Decode reads a credential with its proof and its status in the samples'
// list. A credential may point any number at a bit of the list; the
// status it reads there can be written back only for a number the
// samples' index places, so for any other the fuzz round trip does not
// apply to the status (adaptertest.Fuzz skips a record whose status is
// unknown). Only the brand's signature binds a number to its bit: an
// unsigned credential is never integrity-checked.
func (a sampleAdapter) Decode(native []byte) (recognition.Record, error) {
	return a.placed(a.Verifier.Decode(native))
}

// DecodeBySchema is Decode by the schema path, with the same rule.
func (a sampleAdapter) DecodeBySchema(native []byte) (recognition.Record, error) {
	return a.placed(a.Verifier.DecodeBySchema(native))
}

// placed forgets a status that the samples' index cannot write back.
func (a sampleAdapter) placed(r recognition.Record, err error) (recognition.Record, error) {
	if err == nil && r.Scheme != brand.JiangxiGreen {
		if _, placed := a.issuer.Index().Lookup(r.Number); !placed {
			r.Status = 0
		}
	}
	return r, err
}

// Encode signs a record read with its proof, with the samples' key.
func (a sampleAdapter) Encode(r recognition.Record) ([]byte, error) {
	if r.Integrity == recognition.IntegrityChecked {
		return a.issuer.Sign(r, sampleKey)
	}
	return a.issuer.Encode(r)
}

const sampleListURL = "https://jxgreen.example/status/1"

// sampleIndex places the samples' certificates UNTP-SYN-1 … 9 at the
// indexes 0, 2, … 16 of the samples' list.
func sampleIndex(t testing.TB) *statuslist.Index {
	idx := map[string]int{}
	for k := 1; k <= 9; k++ {
		idx[fmt.Sprintf("UNTP-SYN-%d", k)] = 2 * (k - 1)
	}
	raw, err := json.Marshal(idx)
	require.NoError(t, err)
	x := statuslist.NewIndex()
	require.NoError(t, x.UnmarshalJSON(raw))
	return x
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

// The status of a certificate travels through the brand's list: the
// credential carries the place, the register sets the bits, and a
// verifier given the published list reads valid, suspended or revoked
// (cancelled reads as revoked: UNTP cannot tell them apart).
func TestStatusTravelsThroughTheLists(t *testing.T) {
	b := newBrand()
	issued := map[certification.Status]certification.Certificate{}
	for _, st := range []certification.Status{certification.Valid, certification.Suspended, certification.Revoked, certification.Cancelled} {
		c := ourCertificate(t, "JXGE-SYN-TRAVEL-"+st.String())
		when := time.Date(2026, 3, 1, 0, 0, 0, 0, brand.ChinaTime())
		switch st {
		case certification.Suspended:
			require.NoError(t, c.Suspend(when, "合成样例"))
		case certification.Revoked:
			require.NoError(t, c.Revoke(when, "合成样例"))
		case certification.Cancelled:
			require.NoError(t, c.Cancel(when, "合成样例"))
		}
		b.add(t, c)
		issued[st] = c
	}
	v := b.verifier(t, checkDay)
	for st, c := range issued {
		native, err := b.issuer.Encode(recordOf(c, certification.Valid)) // the record's own word is not written
		require.NoError(t, err)
		back, err := v.Decode(native)
		require.NoError(t, err)
		want := st
		if st == certification.Cancelled {
			want = certification.Revoked
		}
		assert.Equal(t, want, back.Status, "%s", c.Number)
		token, err := b.issuer.Sign(recordOf(c, certification.Valid), b.key)
		require.NoError(t, err)
		back, err = v.Verify(token, checkDay)
		require.NoError(t, err)
		assert.Equal(t, want, back.Status, "%s, signed", c.Number)
		assert.Equal(t, recognition.IntegrityChecked, back.Integrity)

		// Another verifier, which does not know the list, cannot tell the
		// status: rejected, status unknown.
		other, err := untp.NewVerifier(untp.KeySet{}.Add(pub(b.key))).Verify(token, checkDay)
		require.NoError(t, err)
		assert.Equal(t, certification.Status(0), other.Status)
		d := recognition.AgreementFor(registered, other).Check(other, checkDay)
		assert.Equal(t, recognition.Rejected, d.Outcome)
		assert.True(t, d.Has("status-unknown"))
	}
}

// registered is the adapter recognition.Lookup("untp") returns: stateless,
// so a fresh one is the same.
var registered = &untp.Adapter{}

// samples is the folder of the adapter's synthetic sample records.
const samples = "../../testdata/untp"

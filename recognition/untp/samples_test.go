package untp_test

import (
	"crypto/ed25519"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	jose "github.com/go-jose/go-jose/v4"
	"github.com/stretchr/testify/require"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/mark/statuslist"
	"github.com/jxgreen/jxgreen/recognition/untp"
)

// sampleKey signs the synthetic status list of the samples and the signed
// sample credential (testdata/untp/status/keys.jwks holds its public key).
var sampleKey = ed25519.NewKeyFromSeed([]byte("jxgreen synthetic untp samples!!"))

// TestSampleStatusListIsCurrent writes, with JXGREEN_UPDATE_GOLDEN=1, the
// samples' synthetic status list (the certificates UNTP-SYN-1 … 9 at
// indexes 0, 2, … 16; SYN-3 revoked, SYN-4 suspended), its trusted key,
// and valid-recognized-signed.json (the unsigned
// valid-conditional-integrity-unverified.json, secured with the sample
// key); otherwise it checks that they are what it would write.
func TestSampleStatusListIsCurrent(t *testing.T) {
	dir := filepath.Join(samples, "status")
	index := sampleIndex(t)
	lookup := certification.Registry{}
	when := time.Date(2025, 6, 1, 0, 0, 0, 0, brand.ChinaTime())
	for k := 1; k <= 9; k++ {
		n := fmt.Sprintf("UNTP-SYN-%d", k)
		c := certification.Certificate{Number: n, Scheme: brand.JiangxiGreen, Issued: when, Expires: when.AddDate(5, 0, 0)}
		switch k {
		case 3:
			require.NoError(t, c.Revoke(when.AddDate(0, 1, 0), "合成样例"))
		case 4:
			require.NoError(t, c.Suspend(when.AddDate(0, 1, 0), "合成样例"))
		}
		require.NoError(t, lookup.Add(c))
	}
	l, err := statuslist.Build(&lookup, index, statuslist.Credential{ID: sampleListURL,
		Issuer: "https://jxgreen.example/brand", ValidFrom: time.Date(2026, 5, 29, 0, 0, 0, 0, brand.ChinaTime()),
		// A week, statuslist.MaxWindow: the tool's tests and the README judge on 2026-06-01.
		ValidUntil: time.Date(2026, 6, 5, 0, 0, 0, 0, brand.ChinaTime())})
	require.NoError(t, err)
	list, err := l.Sign(sampleKey)
	require.NoError(t, err)
	keys, err := json.MarshalIndent(untp.KeySet{}.Add(pub(sampleKey)), "", "  ")
	require.NoError(t, err)

	unsigned, err := os.ReadFile(filepath.Join(samples, "valid-conditional-integrity-unverified.json"))
	require.NoError(t, err)
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.EdDSA,
		Key: jose.JSONWebKey{Key: sampleKey, KeyID: untp.KeyID(pub(sampleKey))}},
		(&jose.SignerOptions{}).WithType(untp.HeaderType).WithContentType(untp.ContentType))
	require.NoError(t, err)
	obj, err := signer.Sign(compact(t, unsigned))
	require.NoError(t, err)
	token, err := obj.CompactSerialize()
	require.NoError(t, err)
	signed, _ := json.Marshal(token)

	files := map[string][]byte{
		filepath.Join(dir, "list.jwt"):                         list,
		filepath.Join(dir, "keys.jwks"):                        append(keys, '\n'),
		filepath.Join(samples, "valid-recognized-signed.json"): append(signed, '\n'),
	}
	for path, want := range files {
		if os.Getenv("JXGREEN_UPDATE_GOLDEN") != "" {
			require.NoError(t, os.WriteFile(path, want, 0o644))
			continue
		}
		got, err := os.ReadFile(path)
		require.NoError(t, err)
		require.Equal(t, string(want), string(got), "%s is stale: run JXGREEN_UPDATE_GOLDEN=1 go test", path)
	}
}

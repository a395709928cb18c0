package untp_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/certification/creditcode"
	"github.com/jxgreen/jxgreen/recognition"
	"github.com/jxgreen/jxgreen/recognition/untp"
	"github.com/jxgreen/jxgreen/standard"
)

var checkDay = time.Date(2026, 6, 1, 0, 0, 0, 0, brand.ChinaTime())

// ourCertificate issues a synthetic 江西绿色生态 certificate.
func ourCertificate(t testing.TB, number string) certification.Certificate {
	t.Helper()
	code, _ := creditcode.Complete("91360100MA9000099")
	c, err := certification.GreenEcologyRules().Issue(certification.Application{
		Number: number, Holder: certification.Holder{Name: "合成样例茶业有限公司", Code: code},
		Product: "狗牯脑茶", Standards: []standard.Number{standard.MustParse("T/JGE 0041-2023")},
		Body: certification.Body{Name: "江西省检验检测认证总院"}, Mode: certification.Type5,
		Decided: time.Date(2026, 1, 10, 0, 0, 0, 0, brand.ChinaTime()),
	})
	require.NoError(t, err)
	return c
}

func recordOf(c certification.Certificate, st certification.Status) recognition.Record {
	return recognition.Record{
		Scheme: c.Scheme, Number: c.Number, Holder: c.Holder, Product: c.Product, Standards: c.Standards,
		Body: c.Body, Mode: c.Mode, Issued: c.Issued, Expires: c.Expires, Status: st, Attributes: brand.Core(),
	}
}

// edit decodes a credential into a generic map, changes it and encodes it
// again.
func edit(t *testing.T, native []byte, fn func(m map[string]any)) []byte {
	t.Helper()
	var m map[string]any
	require.NoError(t, json.Unmarshal(native, &m))
	fn(m)
	out, err := json.Marshal(m)
	require.NoError(t, err)
	return out
}

// Issue 9, "UNTP status stripped": a credential of a revoked certificate
// whose credentialStatus is removed, emptied, or given another purpose
// decodes with status unknown, and is never recognised.
func TestUNTPStatusStrippedIsNeverRecognised(t *testing.T) {
	b := newBrand()
	c := ourCertificate(t, "JXGE-SYN-REVOKED")
	require.NoError(t, c.Revoke(time.Date(2026, 3, 1, 0, 0, 0, 0, brand.ChinaTime()), "合成样例"))
	b.add(t, c)
	v := b.verifier(t, checkDay)
	native, err := b.issuer.Encode(recordOf(c, certification.Valid))
	require.NoError(t, err)
	rec, err := v.Decode(native)
	require.NoError(t, err)
	require.Equal(t, certification.Revoked, rec.Status)

	for _, tc := range []struct {
		name string
		fn   func(m map[string]any)
	}{
		{"removed", func(m map[string]any) { delete(m, "credentialStatus") }},
		{"emptied array", func(m map[string]any) { m["credentialStatus"] = []any{} }},
		{"emptied object", func(m map[string]any) { m["credentialStatus"] = map[string]any{} }},
		{"null", func(m map[string]any) { m["credentialStatus"] = nil }},
		{"purpose suspension", func(m map[string]any) { m["credentialStatus"].(map[string]any)["statusPurpose"] = "suspension" }},
		{"purpose message", func(m map[string]any) { m["credentialStatus"].(map[string]any)["statusPurpose"] = "message" }},
		{"purpose refresh", func(m map[string]any) { m["credentialStatus"].(map[string]any)["statusPurpose"] = "refresh" }},
		{"unknown list", func(m map[string]any) {
			m["credentialStatus"].(map[string]any)["statusListCredential"] = "https://elsewhere.example/status/1"
		}},
		{"index outside the list", func(m map[string]any) { m["credentialStatus"].(map[string]any)["statusListIndex"] = 1 << 26 }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec, err := v.Decode(edit(t, native, tc.fn))
			if err != nil {
				return // refused outright: not recognised either
			}
			assert.Equal(t, certification.Status(0), rec.Status)
			d := recognition.AgreementFor(v, rec).Check(rec, checkDay, recognition.WithLookup(&certification.Registry{}))
			assert.Equal(t, recognition.Rejected, d.Outcome)
		})
	}
}

// Issue 9, "claims to be a 江西绿色生态 certificate": checked against a
// certification.Lookup when one is given (Agreement.Check option, Checker
// field); otherwise at most conditional, with a reason saying the claim
// was not verified.
func TestUNTPClaimOfOurCertificateIsChecked(t *testing.T) {
	// The brand's issuer signs credentials that carry their status; a
	// verifier trusts its key and reads its list.
	b := newBrand()
	valid := ourCertificate(t, "JXGE-SYN-CLAIM-1")
	revoked := ourCertificate(t, "JXGE-SYN-CLAIM-2")
	require.NoError(t, revoked.Revoke(time.Date(2026, 3, 1, 0, 0, 0, 0, brand.ChinaTime()), "合成样例"))
	b.add(t, valid)
	b.add(t, revoked)
	reg := b.reg
	v := b.verifier(t, checkDay)

	other := valid
	other.Number = "JXGE-SYN-CLAIM-3" // not registered
	forged := recordOf(valid, certification.Valid)
	forged.Product = "电视机" // the registered certificate is for 狗牯脑茶
	forged.Standards = nil
	forged.OtherStandards = []string{"ISO 9001:2015"}

	for _, tc := range []struct {
		name   string
		rec    recognition.Record
		lookup certification.Lookup
		want   recognition.Outcome
		reason recognition.ReasonCode
	}{
		{"no lookup", recordOf(valid, certification.Valid), nil, recognition.Conditional, "claim-unverified"},
		{"registered and valid", recordOf(valid, certification.Valid), reg, recognition.Recognized, ""},
		{"revoked in the registry, valid in the credential", recordOf(revoked, certification.Valid), reg, recognition.Rejected, "revoked"},
		{"not registered", recordOf(other, certification.Valid), reg, recognition.Rejected, "claim-unknown"},
		{"another product", forged, reg, recognition.Rejected, "claim-mismatch"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			token, err := b.issuer.Sign(tc.rec, b.key)
			require.NoError(t, err)
			rec, err := v.Decode(token)
			require.NoError(t, err)
			require.Equal(t, recognition.IntegrityChecked, rec.Integrity)
			ag := recognition.AgreementFor(v, rec)
			var d recognition.Decision
			if tc.lookup != nil {
				d = ag.Check(rec, checkDay, recognition.WithLookup(tc.lookup))
			} else {
				d = ag.Check(rec, checkDay)
			}
			assert.Equal(t, tc.want, d.Outcome, "%+v", d.Reasons)
			if tc.reason != "" {
				assert.True(t, d.Has(tc.reason), "%+v", d.Reasons)
			}
			for _, r := range d.Reasons {
				assert.NotEqual(t, r.Message(language.Chinese), r.Message(language.English))
				if r.Code == "claim-mismatch" {
					assert.Contains(t, r.Message(language.Chinese), "产品")
					assert.Contains(t, r.Message(language.English), "product")
				}
			}

			// The same through a Checker given the verifier, the token as
			// the record (a JSON string).
			line := `{"scheme":"untp","record":"` + string(token) + `"}` + "\n"
			var out bytes.Buffer
			ck := recognition.Checker{At: checkDay, Lookup: tc.lookup, Adapters: []recognition.Adapter{v},
				Agreement: func(recognition.Adapter, recognition.Record) recognition.Agreement { return ag }}
			_, err = ck.Run(context.Background(), strings.NewReader(line), &out)
			require.NoError(t, err)
			assert.Contains(t, out.String(), `"outcome":"`+tc.want.String()+`"`)

			// Through the registered adapter, which trusts no key, the
			// same token is unverified: never recognised.
			out.Reset()
			ck.Adapters = nil
			_, err = ck.Run(context.Background(), strings.NewReader(line), &out)
			require.NoError(t, err)
			assert.NotContains(t, out.String(), `"outcome":"recognized"`)
			assert.Contains(t, out.String(), `"integrity-unverified"`)
		})
	}
}

func compact(t *testing.T, b []byte) []byte {
	var out bytes.Buffer
	require.NoError(t, json.Compact(&out, b))
	return out.Bytes()
}

// Issue 9, "UNTP: other versions": a credential of UNTP 0.3–0.6 gets one
// clear error naming its version and the supported one, in both
// languages, not a missing-field message.
func TestUNTPOtherVersionsAreRefusedClearly(t *testing.T) {
	native, err := os.ReadFile(filepath.Join(samples, "valid-rejected-revoked.json"))
	require.NoError(t, err)
	for _, tc := range []struct{ context, version string }{
		{"https://test.uncefact.org/vocabulary/untp/dcc/0.5.0/", "0.5.0"},
		{"https://test.uncefact.org/vocabulary/untp/dcc/0.3.10/", "0.3.10"},
		{"https://test.uncefact.org/vocabulary/untp/dcc/0.6.0/", "0.6.0"},
		{"https://vocabulary.uncefact.org/untp/0.6.1/context/", "0.6.1"},
		{"https://test.uncefact.org/vocabulary/untp/dcc/working/", "working"},
	} {
		old := edit(t, native, func(m map[string]any) {
			m["@context"] = []any{"https://www.w3.org/ns/credentials/v2", tc.context}
			delete(m["credentialSubject"].(map[string]any), "conformityAssessment") // older shapes differ
		})
		for _, decode := range []func([]byte) (recognition.Record, error){registered.Decode, registered.DecodeBySchema} {
			_, err := decode(old)
			require.ErrorIs(t, err, untp.ErrVersion, tc.version)
			en := i18n.Error(err, language.English)
			assert.Contains(t, en, "UNTP version "+tc.version+" is not supported (supported: 0.7.0)")
			assert.Contains(t, i18n.Error(err, language.Chinese), "不支持 UNTP "+tc.version+" 版本")
		}
	}
}

// Issue 9, "UNTP: credentials from other countries": a v0.7.0 credential
// with a non-Chinese registeredId and international standards decodes
// and is decided, with reasons, not made an error line.
func TestUNTPForeignCredentialIsDecided(t *testing.T) {
	native, err := os.ReadFile(filepath.Join(samples, "valid-rejected-holder-invalid.json"))
	require.NoError(t, err)
	rec, err := registered.Decode(native)
	require.NoError(t, err)
	assert.Equal(t, creditcode.Code("12 345 678 901"), rec.Holder.Code)
	// International standards parse as their own kind; none is left over.
	assert.Equal(t, []standard.Number{standard.MustParse("ISO 14064-1:2018"), standard.MustParse("ISO/IEC 17065:2012")}, rec.Standards)
	assert.Empty(t, rec.OtherStandards)
	d := recognition.AgreementFor(registered, rec).Check(rec, checkDay)
	assert.Equal(t, recognition.Rejected, d.Outcome)
	assert.True(t, d.Has("holder-invalid"))
	assert.True(t, d.Has("status-unknown"), "its status list is not known here")

	line := `{"scheme":"untp","record":` + string(compact(t, native)) + "}\n"
	var out bytes.Buffer
	_, err = (&recognition.Checker{At: checkDay}).Run(context.Background(), strings.NewReader(line), &out)
	require.NoError(t, err)
	assert.Contains(t, out.String(), `"outcome":"rejected"`)

	// A Chinese-looking code with a wrong check character is still an error.
	bad := edit(t, native, func(m map[string]any) {
		m["credentialSubject"].(map[string]any)["issuedToParty"].(map[string]any)["registeredId"] = "91330100MA9000008X"
	})
	_, err = registered.Decode(bad)
	assert.ErrorIs(t, err, recognition.ErrValue)
}

// Issue 9, "UNTP output": one credentialStatus object with an integer
// statusListIndex, the even index of the certificate's revocation bit in
// the brand's list (its suspension bit follows), which a verifier reads
// for both.
func TestUNTPStatusIsOneEntryWithAnIntegerIndex(t *testing.T) {
	b := newBrand()
	for _, st := range []certification.Status{certification.Valid, certification.Suspended, certification.Revoked} {
		c := ourCertificate(t, "JXGE-SYN-ONE-ENTRY-"+st.String())
		switch st {
		case certification.Suspended:
			require.NoError(t, c.Suspend(time.Date(2026, 3, 1, 0, 0, 0, 0, brand.ChinaTime()), "合成样例"))
		case certification.Revoked:
			require.NoError(t, c.Revoke(time.Date(2026, 3, 1, 0, 0, 0, 0, brand.ChinaTime()), "合成样例"))
		}
		b.add(t, c)
	}
	v := b.verifier(t, checkDay)
	for _, st := range []certification.Status{certification.Valid, certification.Suspended, certification.Revoked} {
		c, _ := b.reg.Certificate("JXGE-SYN-ONE-ENTRY-" + st.String())
		native, err := b.issuer.Encode(recordOf(c, certification.Valid))
		require.NoError(t, err)
		var m map[string]any
		dec := json.NewDecoder(bytes.NewReader(native))
		dec.UseNumber()
		require.NoError(t, dec.Decode(&m))
		entry, ok := m["credentialStatus"].(map[string]any)
		require.True(t, ok, "one object, not an array")
		assert.Equal(t, "revocation", entry["statusPurpose"])
		assert.Equal(t, listURL, entry["statusListCredential"])
		n, isInt := entry["statusListIndex"].(json.Number)
		require.True(t, isInt, "an integer index")
		i, err := n.Int64()
		require.NoError(t, err)
		want, _ := b.issuer.Index().Lookup(c.Number)
		assert.Equal(t, int64(want), i)
		assert.Zero(t, i%2, "the even index of the revocation bit")
		back, err := v.Decode(native)
		require.NoError(t, err)
		assert.Equal(t, st, back.Status)
	}
}

// Issue 9, "Hostile input": a credential of about 1 MiB with 240,000 items
// in one array is refused at the bound, naming the pointer, without
// building the array.
func TestUNTPHostileCredentialIsBounded(t *testing.T) {
	native, err := os.ReadFile(filepath.Join(samples, "valid-rejected-revoked.json"))
	require.NoError(t, err)
	items := strings.TrimSuffix(strings.Repeat("{},", 240_000), ",")
	hostile := bytes.Replace(compact(t, native), []byte(`"assessedPerformance":[]`), []byte(`"assessedPerformance":[`+items+`]`), 1)
	require.Greater(t, len(hostile), 700_000)
	for _, decode := range []func([]byte) (recognition.Record, error){registered.Decode, registered.DecodeBySchema} {
		allocs := testing.AllocsPerRun(3, func() { _, err = decode(hostile) })
		require.ErrorIs(t, err, recognition.ErrTooLarge)
		var de *recognition.DecodeError
		require.ErrorAs(t, err, &de)
		assert.Equal(t, "/credentialSubject/conformityAssessment/0/assessedPerformance", de.Pointer)
		assert.Less(t, allocs, 2000.0, "the array is not built")
	}
}

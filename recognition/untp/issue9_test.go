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
func ourCertificate(t *testing.T, number string) certification.Certificate {
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
	a := untp.NewIssuer("https://certs.example/status")
	c := ourCertificate(t, "JXGE-SYN-REVOKED")
	native, err := a.Encode(recordOf(c, certification.Revoked))
	require.NoError(t, err)
	rec, err := a.Decode(native)
	require.NoError(t, err)
	require.Equal(t, certification.Revoked, rec.Status)

	rev, sus := a.StatusLists()
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
		{"index never given out", func(m map[string]any) { m["credentialStatus"].(map[string]any)["statusListIndex"] = 99999 }},
		// Pointed at the companion suspension list instead: read with its
		// pair, it is still revoked.
		{"swapped to the suspension list", func(m map[string]any) {
			e := m["credentialStatus"].(map[string]any)
			e["statusPurpose"], e["statusListCredential"] = "suspension", sus.URL
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec, err := a.Decode(edit(t, native, tc.fn))
			swapped := tc.name == "swapped to the suspension list"
			if err != nil && !swapped {
				return // refused outright: not recognised either
			}
			require.NoError(t, err)
			if swapped {
				assert.Equal(t, certification.Revoked, rec.Status)
			} else {
				assert.Equal(t, certification.Status(0), rec.Status)
			}
			d := recognition.AgreementFor(a, rec).Check(rec, checkDay, recognition.WithLookup(&certification.Registry{}))
			assert.Equal(t, recognition.Rejected, d.Outcome)
		})
	}
	assert.NotEqual(t, rev.URL, sus.URL)
}

// Issue 9, "claims to be a 江西绿色生态 certificate": checked against a
// certification.Lookup when one is given (Agreement.Check option, Checker
// field); otherwise at most conditional, with a reason saying the claim
// was not verified.
func TestUNTPClaimOfOurCertificateIsChecked(t *testing.T) {
	// An issuer, whose credentials carry their status; the Checker below
	// reads them through the registered adapter, which knows no status
	// list.
	a := untp.NewIssuer("https://certs.example/status-claim")
	valid := ourCertificate(t, "JXGE-SYN-CLAIM-1")
	revoked := ourCertificate(t, "JXGE-SYN-CLAIM-2")
	require.NoError(t, revoked.Revoke(time.Date(2026, 3, 1, 0, 0, 0, 0, brand.ChinaTime()), "合成样例"))
	var reg certification.Registry
	require.NoError(t, reg.Add(valid))
	require.NoError(t, reg.Add(revoked))

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
		{"registered and valid", recordOf(valid, certification.Valid), &reg, recognition.Recognized, ""},
		{"revoked in the registry, valid in the credential", recordOf(revoked, certification.Valid), &reg, recognition.Rejected, "revoked"},
		{"not registered", recordOf(other, certification.Valid), &reg, recognition.Rejected, "claim-unknown"},
		{"another product", forged, &reg, recognition.Rejected, "claim-mismatch"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			native, err := a.Encode(tc.rec)
			require.NoError(t, err)
			rec, err := a.Decode(native)
			require.NoError(t, err)
			ag := recognition.AgreementFor(a, rec)
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

			// The same through a Checker.
			line := `{"scheme":"untp","record":` + string(compact(t, native)) + "}\n"
			var out bytes.Buffer
			ck := recognition.Checker{At: checkDay, Lookup: tc.lookup, Agreement: func(recognition.Adapter, recognition.Record) recognition.Agreement { return ag }}
			_, err = ck.Run(context.Background(), strings.NewReader(line), &out)
			require.NoError(t, err)
			if tc.lookup == nil {
				// The registered adapter cannot read the issuer's status
				// list: status unknown, so rejected, and still unverified.
				assert.Contains(t, out.String(), `"outcome":"rejected"`)
				assert.Contains(t, out.String(), `"status-unknown"`)
				assert.Contains(t, out.String(), `"claim-unverified"`)
				return
			}
			assert.Contains(t, out.String(), `"outcome":"`+tc.want.String()+`"`)
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
// statusListIndex, which carries revocation and, through the companion
// list at the same index, suspension.
func TestUNTPStatusIsOneEntryWithAnIntegerIndex(t *testing.T) {
	a := untp.NewIssuer("https://certs.example/status")
	c := ourCertificate(t, "JXGE-SYN-ONE-ENTRY")
	for _, st := range []certification.Status{certification.Valid, certification.Suspended, certification.Valid, certification.Revoked} {
		native, err := a.Encode(recordOf(c, st))
		require.NoError(t, err)
		var m map[string]any
		dec := json.NewDecoder(bytes.NewReader(native))
		dec.UseNumber()
		require.NoError(t, dec.Decode(&m))
		entry, ok := m["credentialStatus"].(map[string]any)
		require.True(t, ok, "one object, not an array")
		assert.Equal(t, "revocation", entry["statusPurpose"])
		_, isInt := entry["statusListIndex"].(json.Number)
		assert.True(t, isInt, "an integer index")
		back, err := a.Decode(native)
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

package untp_test

// Forged, tampered and awkward credentials, from an adversarial review:
// every test asserts the behaviour such a credential must meet.

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
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
	"github.com/jxgreen/jxgreen/recognition/internal/schema"
	_ "github.com/jxgreen/jxgreen/recognition/shenzhen" // for the 圳品 test
	"github.com/jxgreen/jxgreen/recognition/untp"
	"github.com/jxgreen/jxgreen/standard"
)

func decideVia(t *testing.T, a recognition.Adapter, native []byte, lookup certification.Lookup) (recognition.Record, recognition.Decision, error) {
	t.Helper()
	rec, err := a.Decode(native)
	if err != nil {
		return rec, recognition.Decision{}, err
	}
	ag := recognition.AgreementFor(a, rec)
	if lookup != nil {
		return rec, ag.Check(rec, checkDay, recognition.WithLookup(lookup)), nil
	}
	return rec, ag.Check(rec, checkDay), nil
}

// A credential that claims to be a 江西绿色生态 certificate is checked as
// one however its referenceScheme spells the scheme (id in upper case or
// with a space, our name quoted or in English under another id): the
// forged certificate, registered nowhere, is rejected (claim-unknown) by
// Agreement.Check and by a Checker with a Lookup.
func TestClaimOfOurSchemeInAnySpellingIsChecked(t *testing.T) {
	forged := ourCertificate(t, "JXGE-SYN-FORGED-1") // never registered
	native, err := registered.Encode(recordOf(forged, certification.Valid))
	require.NoError(t, err)
	empty := &certification.Registry{}

	// Baseline: as encoded, the claim is checked and refused.
	_, d, err := decideVia(t, registered, native, empty)
	require.NoError(t, err)
	require.Equal(t, recognition.Rejected, d.Outcome)
	require.True(t, d.Has("claim-unknown"))

	for _, tc := range []struct {
		name      string
		id, name2 string
	}{
		{"id upper case", "urn:jxgreen:scheme:JXGREEN", "江西绿色生态"},
		{"id trailing space", "urn:jxgreen:scheme:jxgreen ", "江西绿色生态"},
		{"other id, name with a space", "https://example.org/scheme/jx", "江西绿色生态 "},
		{"other id, quoted name", "https://example.org/scheme/jx", "“江西绿色生态”"},
		{"other id, English name", "https://example.org/scheme/jx", "Jiangxi Green Ecology"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			variant := edit(t, native, func(m map[string]any) {
				m["credentialSubject"].(map[string]any)["referenceScheme"] = map[string]any{"id": tc.id, "name": tc.name2}
			})
			rec, d, err := decideVia(t, registered, variant, empty)
			require.NoError(t, err)
			assert.Equal(t, brand.JiangxiGreen, rec.Scheme)
			assert.Equal(t, recognition.Rejected, d.Outcome, "%v", d.Reasons)
			assert.True(t, d.Has("claim-unknown"), "%v", d.Reasons)
			// Without a registry: at most conditional, the claim unverified.
			_, d, err = decideVia(t, registered, variant, nil)
			require.NoError(t, err)
			assert.NotEqual(t, recognition.Recognized, d.Outcome)
			assert.True(t, d.Has("claim-unverified"), "%v", d.Reasons)

			line := `{"scheme":"untp","record":` + string(compact(t, variant)) + "}\n"
			var out bytes.Buffer
			_, err = (&recognition.Checker{At: checkDay, Lookup: empty}).Run(context.Background(), strings.NewReader(line), &out)
			require.NoError(t, err)
			assert.NotContains(t, out.String(), `"outcome":"recognized"`, "Checker with Lookup: %s", out.String())
		})
	}
}

// jiangsuRecord is a synthetic 江苏精品 certificate carried as a DCC.
func jiangsuRecord(number string, st certification.Status) recognition.Record {
	code, _ := creditcode.Complete("91320100MA9000001")
	return recognition.Record{
		Scheme: "jiangsu", Number: number, Holder: certification.Holder{Name: "合成样例企业1有限公司", Code: code},
		Product: "金溪蜜梨", Standards: []standard.Number{standard.MustParse("T/JGE 0039-2023")},
		Body: certification.Body{Name: "合成样例认证有限公司（江苏）", Approval: "CNCA-R-2099-001", Certifies: true},
		Mode: certification.Type5, Issued: time.Date(2025, 1, 10, 0, 0, 0, 0, brand.ChinaTime()),
		Expires: time.Date(2028, 1, 10, 0, 0, 0, 0, brand.ChinaTime()), Status: st,
	}
}

// A revoked certificate's credential whose statusListIndex is changed to
// the index of a valid one: signed, the change breaks the signature
// (refused, ErrSignature); unsigned, the credential reads valid but is
// never recognised on its own word (integrity-unverified).
func TestStatusIndexOfAnotherCredentialIsUnknown(t *testing.T) {
	b := newBrand()
	valid := ourCertificate(t, "JXGE-SYN-ZZ-VALID")
	revoked := ourCertificate(t, "JXGE-SYN-ZZ-REVOKED")
	require.NoError(t, revoked.Revoke(time.Date(2026, 3, 1, 0, 0, 0, 0, brand.ChinaTime()), "合成样例"))
	b.add(t, valid)
	b.add(t, revoked)
	v := b.verifier(t, checkDay)

	validToken, err := b.issuer.Sign(recordOf(valid, certification.Valid), b.key)
	require.NoError(t, err)
	revokedToken, err := b.issuer.Sign(recordOf(revoked, certification.Valid), b.key)
	require.NoError(t, err)
	rec, d, err := decideVia(t, v, validToken, b.reg)
	require.NoError(t, err)
	require.Equal(t, recognition.Recognized, d.Outcome, "%v", d.Reasons) // the honest valid one
	rec, d, err = decideVia(t, v, revokedToken, b.reg)
	require.NoError(t, err)
	require.Equal(t, certification.Revoked, rec.Status)
	require.Equal(t, recognition.Rejected, d.Outcome)

	validIndex, _ := b.issuer.Index().Lookup(valid.Number)
	revokedDCC, err := b.issuer.Encode(recordOf(revoked, certification.Valid))
	require.NoError(t, err)
	tampered := edit(t, revokedDCC, func(m map[string]any) {
		m["credentialStatus"].(map[string]any)["statusListIndex"] = validIndex
	})
	// Unsigned: read, but never recognised on its own word.
	_, d, err = decideVia(t, v, tampered, nil)
	require.NoError(t, err)
	assert.NotEqual(t, recognition.Recognized, d.Outcome, "%v", d.Reasons)
	assert.True(t, d.Has(recognition.ReasonIntegrityUnverified), "%v", d.Reasons)
	// Signed, then tampered: the signature no longer verifies.
	parts := strings.Split(string(revokedToken), ".")
	forged := parts[0] + "." + base64.RawURLEncoding.EncodeToString(compact(t, tampered)) + "." + parts[2]
	_, err = v.Verify([]byte(forged), checkDay)
	assert.ErrorIs(t, err, untp.ErrSignature)
	_, err = v.Decode([]byte(forged))
	assert.ErrorIs(t, err, untp.ErrSignature)
}

// Status entries of every hostile shape: none yields recognition, and
// none that the list cannot answer reads as valid.
func TestStatusEntryTricksAreNeverValid(t *testing.T) {
	b := newBrand()
	c := ourCertificate(t, "JXGE-SYN-ZZ-R2")
	require.NoError(t, c.Revoke(time.Date(2026, 3, 1, 0, 0, 0, 0, brand.ChinaTime()), "合成样例"))
	b.add(t, c)
	v := b.verifier(t, checkDay)
	revoked, err := b.issuer.Encode(recordOf(c, certification.Valid))
	require.NoError(t, err)
	entry := func(purpose string, idx any, url string) map[string]any {
		return map[string]any{"type": "BitstringStatusListEntry", "statusPurpose": purpose, "statusListIndex": idx, "statusListCredential": url}
	}
	own, _ := b.issuer.Index().Lookup(c.Number)
	for name, tc := range map[string]struct {
		cs      any
		unknown bool // the list cannot answer: status unknown
	}{
		"float 0.0":               {entry("revocation", json.Number("0.0"), listURL), false},
		"negative":                {entry("revocation", -1, listURL), true},
		"negative string":         {entry("revocation", "-1", listURL), true},
		"plus string":             {entry("revocation", "+0", listURL), true},
		"huge":                    {entry("revocation", json.Number("99999999999999999999"), listURL), true},
		"1e999":                   {entry("revocation", json.Number("1e999"), listURL), true},
		"fraction":                {entry("revocation", 0.5, listURL), true},
		"outside the list":        {entry("revocation", 1<<30, listURL), true},
		"unknown list":            {entry("revocation", own, otherList), true},
		"revocation at odd index": {entry("revocation", own+1, listURL), true},
		"suspension at own index": {entry("suspension", own, listURL), true},
		"two entries, both own":   {[]any{entry("suspension", own+1, listURL), entry("revocation", own, listURL)}, false},
		"refresh then own":        {[]any{entry("refresh", own, listURL), entry("revocation", own, listURL)}, false},
		"only message":            {[]any{entry("message", own, listURL)}, true},
		"purpose upper case":      {entry("Revocation", own, listURL), true},
		"purpose with space":      {entry("revocation ", own, listURL), true},
		"list URL trailing slash": {entry("revocation", own, listURL+"/"), true},
		"removed, validUntil far": {nil, true},
	} {
		t.Run(name, func(t *testing.T) {
			native := edit(t, revoked, func(m map[string]any) {
				if tc.cs == nil {
					delete(m, "credentialStatus")
					m["validUntil"] = "2999-01-01T00:00:00+08:00"
				} else {
					m["credentialStatus"] = tc.cs
				}
			})
			rec, d, err := decideVia(t, v, native, b.reg)
			if err != nil {
				return // refused outright: not recognised either
			}
			if tc.unknown {
				assert.Equal(t, certification.Status(0), rec.Status)
			}
			assert.NotEqual(t, recognition.Recognized, d.Outcome, "%v", d.Reasons)
		})
	}
	// A duplicate credentialStatus spelt with an escape is refused.
	dup := bytes.Replace(compact(t, revoked), []byte(`"credentialStatus":`), []byte(`"\u0063redentialStatus":{},"credentialStatus":`), 1)
	_, err = v.Decode(dup)
	assert.ErrorIs(t, err, recognition.ErrDuplicateKey)
}

// Issue 9: "every credential that Encode writes must validate against the
// official UNTP v0.7.0 DCC JSON Schema". Records with awkward but legal
// field values: Encode either refuses them or writes a valid credential.
func TestEncodeOddRecordsValidateAgainstOfficialSchema(t *testing.T) {
	official := compileOfficial(t)
	base := jiangsuRecord("JSJP-SYN-ZZ-ODD", certification.Valid)
	var cases []recognition.Record
	add := func(fn func(r *recognition.Record)) {
		r := base.Clone()
		fn(&r)
		cases = append(cases, r)
	}
	add(func(r *recognition.Record) { r.Number = "JSJP 0001 #2?x=1&y=%" })
	add(func(r *recognition.Record) { r.Number = "证书/编号\\001" })
	add(func(r *recognition.Record) { r.Product = "金溪蜜梨\n礼盒" })
	add(func(r *recognition.Record) { r.Body.Name = "合成 样例 认证" })
	add(func(r *recognition.Record) { r.Scheme = "my scheme" })                       // a scheme id with a space
	add(func(r *recognition.Record) { r.Scheme = "urn:x:a b" })                       // as decoded from a foreign credential
	add(func(r *recognition.Record) { r.Scheme = "https://example.org/scheme/jx?q" }) // as decoded from a foreign credential
	add(func(r *recognition.Record) { r.Holder.Code = "ABN 12 345 678 901" })
	for _, r := range cases {
		out, err := registered.Encode(r)
		if err != nil {
			t.Logf("%q/%q: refused: %v", r.Scheme, r.Number, err)
			continue
		}
		v, err := schema.MustCompile("untp", registered.Schema()).Parse(out)
		require.NoError(t, err)
		assert.NoError(t, official.Validate(v), "scheme %q number %q: Encode wrote a credential the official schema refuses", r.Scheme, r.Number)
	}
}

// The UNTP ConformityAssessment says whether the product conformed
// ("conformance": false is the CAB's finding that it did not), and may
// name several assessed products and several assessments: a credential
// recording non-conformance in any assessment, or naming a product that
// the cited standard does not cover (电视机 under the 金溪蜜梨 standard),
// is refused with a value error at the JSON pointer of the fault; another
// product the standard covers is admitted.
func TestNonConformanceAndProductsOutsideStandardAreRefused(t *testing.T) {
	a := untp.NewIssuer(listURL, nil)
	native, err := a.Encode(jiangsuRecord("JSJP-SYN-ZZ-CONF", certification.Valid))
	require.NoError(t, err)
	_, _, err = decideVia(t, a, native, nil)
	require.NoError(t, err, "the credential as written decodes")

	ca := func(m map[string]any) map[string]any {
		return m["credentialSubject"].(map[string]any)["conformityAssessment"].([]any)[0].(map[string]any)
	}
	for name, tc := range map[string]struct {
		fn      func(m map[string]any)
		pointer string
	}{
		"conformance false": {func(m map[string]any) { ca(m)["conformance"] = false }, "/credentialSubject/conformityAssessment/0/conformance"},
		"second product 电视机": {func(m map[string]any) {
			c := ca(m)
			c["assessedProduct"] = append(c["assessedProduct"].([]any),
				map[string]any{"product": map[string]any{"id": "urn:jxgreen:product:tv", "name": "电视机"}, "idVerifiedByCAB": false})
		}, "/credentialSubject/conformityAssessment/0/assessedProduct/1/product/name"},
		"second assessment of 电视机": {func(m map[string]any) {
			cs := m["credentialSubject"].(map[string]any)
			second := map[string]any{}
			for k, v := range ca(m) {
				second[k] = v
			}
			second["id"] = "urn:jxgreen:assessment:2"
			second["assessedProduct"] = []any{map[string]any{"product": map[string]any{"id": "urn:jxgreen:product:tv", "name": "电视机"}}}
			cs["conformityAssessment"] = append(cs["conformityAssessment"].([]any), second)
		}, "/credentialSubject/conformityAssessment/1/assessedProduct/0/product/name"},
		"second assessment of 电视机, conformance false": {func(m map[string]any) {
			cs := m["credentialSubject"].(map[string]any)
			second := map[string]any{}
			for k, v := range ca(m) {
				second[k] = v
			}
			second["id"] = "urn:jxgreen:assessment:2"
			second["assessedProduct"] = []any{map[string]any{"product": map[string]any{"id": "urn:jxgreen:product:tv", "name": "电视机"}}}
			second["conformance"] = false
			cs["conformityAssessment"] = append(cs["conformityAssessment"].([]any), second)
		}, "/credentialSubject/conformityAssessment/1/conformance"},
	} {
		t.Run(name, func(t *testing.T) {
			variant := edit(t, native, tc.fn)
			_, _, err := decideVia(t, a, variant, nil)
			require.ErrorIs(t, err, recognition.ErrValue)
			var de *recognition.DecodeError
			require.ErrorAs(t, err, &de)
			assert.Equal(t, tc.pointer, de.Pointer)
			assert.NotEqual(t, i18n.Error(err, language.Chinese), i18n.Error(err, language.English))
		})
	}
	// A second product that the standard covers, and one that is the same
	// product spelt otherwise, are admitted.
	variant := edit(t, native, func(m map[string]any) {
		c := ca(m)
		c["assessedProduct"] = append(c["assessedProduct"].([]any),
			map[string]any{"product": map[string]any{"id": "urn:jxgreen:product:gift", "name": "金溪蜜梨礼盒"}},
			map[string]any{"product": map[string]any{"id": "urn:jxgreen:product:same", "name": "金溪 蜜梨"}})
		c["conformance"] = true
	})
	_, d, err := decideVia(t, a, variant, nil)
	require.NoError(t, err)
	assert.False(t, d.Has("product-outside-standard"), "%v", d.Reasons)
}

// 圳品 is an evaluation scheme (brand.Evaluation): its native records have
// no certification mode, and are conditional on the certification steps
// they lack. The same record carried as a DCC that claims ISO/IEC 17067
// type 5 certification in referenceProfile is read as the evaluation it
// is: no mode, conditional (evaluation-only), as natively.
func TestEvaluationSchemeCannotClaimCertificationMode(t *testing.T) {
	a := untp.NewIssuer(listURL, nil)
	sz, ok := recognition.Lookup("shenzhen")
	require.True(t, ok)
	require.Equal(t, brand.Evaluation, sz.Brand().Model)
	r := jiangsuRecord("ZP-SYN-ZZ-MODE", certification.Valid)
	r.Scheme = sz.Brand().ID
	native, err := a.Encode(r)
	require.NoError(t, err)
	rec, d, err := decideVia(t, a, native, nil)
	require.NoError(t, err)
	assert.Zero(t, rec.Mode, "the mode an evaluation scheme's credential claims is not taken")
	assert.NotEqual(t, recognition.Recognized, d.Outcome, "a 圳品 evaluation claiming type 5 certification: %v", d.Reasons)
	assert.True(t, d.Has("evaluation-only"), "%v", d.Reasons)

	// Natively, the same 圳品 record is conditional (evaluation-only).
	r.Mode, r.Body.Approval, r.Body.Certifies = 0, "", false
	nat, err := sz.Encode(r)
	require.NoError(t, err)
	rec, err = sz.Decode(nat)
	require.NoError(t, err)
	assert.Equal(t, recognition.Conditional, sz.Agreement().Check(rec, checkDay).Outcome)
}

// A record whose list says 过期 (Expired) or 失效 before the end of its
// stated validity, or that is Pending: a DCC's status lists can say only
// revoked or suspended, so Encode refuses it with a StatusError (zh/en)
// rather than write a credential that would read back as valid.
func TestEncodeRefusesExpiredAndPendingStatus(t *testing.T) {
	a := untp.NewIssuer(listURL, nil)
	for _, st := range []certification.Status{certification.Expired, certification.Pending} {
		r := jiangsuRecord("JSJP-SYN-ZZ-"+st.String(), st)
		d := recognition.AgreementFor(a, r).Check(r, checkDay)
		require.Equal(t, recognition.Rejected, d.Outcome, "%v", d.Reasons)
		_, err := a.Encode(r)
		require.ErrorIs(t, err, untp.ErrStatus)
		require.ErrorIs(t, err, recognition.ErrEncode)
		var se *untp.StatusError
		require.ErrorAs(t, err, &se)
		assert.Equal(t, st, se.Status)
		zh, en := i18n.Error(err, language.Chinese), i18n.Error(err, language.English)
		assert.Contains(t, zh, st.String())
		assert.Contains(t, en, r.Number)
		assert.NotEqual(t, zh, en)
	}
}

// SchemeOf: any spelling of 江西绿色生态 in the id or the name is our
// scheme; a registered scheme's URN written exactly is exact; other
// spellings of it are that scheme, not exactly; anything else is kept as
// written.
func TestSchemeOfTreatsEverySpellingOfOurSchemeAsOurs(t *testing.T) {
	for _, tc := range []struct {
		id, name string
		want     brand.ID
		exact    bool
	}{
		{"urn:jxgreen:scheme:jxgreen", "江西绿色生态", brand.JiangxiGreen, true},
		{"urn:jxgreen:scheme:JXGREEN", "", brand.JiangxiGreen, false},
		{"URN:JXGREEN:SCHEME:jxgreen", "", brand.JiangxiGreen, false},
		{" urn:jxgreen:scheme:jxgreen ", "", brand.JiangxiGreen, false},
		{"https://example.org/scheme/jx", "“江西绿色生态”", brand.JiangxiGreen, false},
		{"https://example.org/scheme/jx", "《江西绿色生态》认证", brand.JiangxiGreen, false},
		{"https://example.org/scheme/jx", "JIANGXI GREEN-ECOLOGY", brand.JiangxiGreen, false},
		{"urn:jxgreen:scheme:jiangsu", "江西绿色生态", brand.JiangxiGreen, false}, // a claim of ours wins
		{"https://example.org/scheme/jx", "江西綠色生態", brand.JiangxiGreen, false},
		{"https://example.org/scheme/jx", "江西\u200b绿色生态", brand.JiangxiGreen, false},
		{"https://example.org/scheme/jx", "ＪＩＡＮＧＸＩ　ＧＲＥＥＮ　ＥＣＯＬＯＧＹ", brand.JiangxiGreen, false},
		{"https://example.org/scheme/jx", "JXGreen", brand.JiangxiGreen, false},
		{"JXGREEN", "", brand.JiangxiGreen, false},
		{"urn:jxgreen:scheme:shenzhen", "圳品", "shenzhen", true},
		{"urn:jxgreen:scheme:Shenzhen", "", "shenzhen", false},
		{"https://example.org/scheme/x", "圳品", "shenzhen", false},
		{"https://example.org/scheme/x", "Some Scheme", "https://example.org/scheme/x", false},
		{"", "Some Scheme", "Some Scheme", false},
	} {
		got, exact := untp.SchemeOf(tc.id, tc.name)
		assert.Equal(t, tc.want, got, "%q %q", tc.id, tc.name)
		assert.Equal(t, tc.exact, exact, "%q %q", tc.id, tc.name)
	}
}

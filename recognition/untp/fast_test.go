package untp

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/certification/creditcode"
	"github.com/jxgreen/jxgreen/recognition"
	"github.com/jxgreen/jxgreen/recognition/internal/schema"
	"github.com/jxgreen/jxgreen/standard"
)

// fastAgrees decodes native by the fast reader and by the tree path (the
// reference), with the status read in sr, and fails t unless the fast
// reader either declines or gives the same record and the same error: the
// same value (deeply), the same message in English and in Chinese, and the
// same answers to errors.Is and errors.As. It reports whether the fast
// reader took the input.
func fastAgrees(t *testing.T, native []byte, sr *statusReader) bool {
	t.Helper()
	var v dccView
	if !v.read(native) {
		return false
	}
	got, gotErr := v.record(sr)
	want, wantErr := decodeTree(native, sr, false)
	require.Equal(t, want, got, "record of %q", native)
	if wantErr == nil {
		require.NoError(t, gotErr, "%q", native)
		// What the fast reader admits, the compiled schema admits.
		require.NoError(t, dcc.Validate(native), "%q", native)
		return true
	}
	require.Error(t, gotErr, "the tree path refuses %q: %v", native, wantErr)
	require.Equal(t, wantErr, gotErr, "%q", native)
	require.Equal(t, wantErr.Error(), gotErr.Error())
	for _, tag := range []string{"en", "zh-Hans"} {
		lang := i18n.English()
		if tag != "en" {
			lang = i18n.Chinese()
		}
		require.Equal(t, i18n.Error(wantErr, lang), i18n.Error(gotErr, lang), "%s: %q", tag, native)
	}
	for _, sentinel := range []error{recognition.ErrValue, recognition.ErrSchema, recognition.ErrSyntax, ErrVersion,
		schema.ErrDuplicateKey, schema.ErrTooLarge, standard.ErrPrefix, creditcode.ErrCheck, creditcode.ErrLength,
		creditcode.ErrChar, brand.ErrUnknownAttribute} {
		require.Equal(t, errors.Is(wantErr, sentinel), errors.Is(gotErr, sentinel), "errors.Is %v: %q", sentinel, native)
	}
	var wd, gd *recognition.DecodeError
	require.Equal(t, errors.As(wantErr, &wd), errors.As(gotErr, &gd))
	if wd != nil {
		require.Equal(t, *wd, *gd)
	}
	var wf, gf *schema.Fault
	require.Equal(t, errors.As(wantErr, &wf), errors.As(gotErr, &gf))
	return true
}

// statusReaders are the ways Decode reads status: no list, the samples'
// list (synthetic) for a bare credential, and the same for a credential
// signed by the list's key and by another.
func statusReaders(tb testing.TB) []*statusReader {
	keys, err := os.ReadFile("../../testdata/untp/status/keys.jwks")
	require.NoError(tb, err)
	set, err := ParseKeySet(keys)
	require.NoError(tb, err)
	list, err := os.ReadFile("../../testdata/untp/status/list.jwt")
	require.NoError(tb, err)
	v, err := NewVerifier(set).WithStatusList(list)
	require.NoError(tb, err)
	var kid string
	for k := range set {
		kid = k
	}
	at := time.Date(2026, 6, 1, 0, 0, 0, 0, brand.ChinaTime())
	return []*statusReader{nil, {lists: v.lists, at: at}, {lists: v.lists, signer: kid, at: at},
		{lists: v.lists, signer: "another-kid", at: at}}
}

// credentials are the synthetic credentials of the repository: the UNTP
// samples (the payloads of the signed ones too), compacted as well as
// written, and the records of the batch sample's UNTP lines.
func credentials(tb testing.TB) [][]byte {
	var out [][]byte
	for _, s := range samples(tb) {
		if p := payloadOf(s); p != nil {
			s = p
		}
		out = append(out, s)
		var c bytes.Buffer
		if json.Compact(&c, s) == nil {
			out = append(out, c.Bytes())
		}
	}
	sample, err := os.ReadFile(filepath.Join("..", "..", "testdata", "recognition", "sample.ndjson"))
	require.NoError(tb, err)
	for l := range bytes.SplitSeq(sample, []byte("\n")) {
		var line struct {
			Scheme string          `json:"scheme"`
			Record json.RawMessage `json:"record"`
		}
		if json.Unmarshal(l, &line) == nil && line.Scheme == "untp" && len(line.Record) > 0 && line.Record[0] == '{' {
			out = append(out, line.Record)
		}
	}
	return out
}

// payloadOf returns the payload of a compact JWS written as a JSON string,
// or nil.
func payloadOf(s []byte) []byte {
	var token string
	if json.Unmarshal(s, &token) != nil {
		return nil
	}
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return nil
	}
	p, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		return nil
	}
	return p
}

func TestFastPathReady(t *testing.T) {
	assert.True(t, fastReady, "schema.json's patterns are not those the fast reader checks by hand")
}

// Issue 14, "a tree-free reader": every valid synthetic credential is
// taken by the fast reader, and decodes to the same record (or value
// error) as through the tree, whatever status lists are known.
func TestFastDecodeTakesTheSamples(t *testing.T) {
	creds := credentials(t)
	taken := 0
	for _, sr := range statusReaders(t) {
		for _, c := range creds {
			if fastAgrees(t, c, sr) {
				taken++
			}
			// The same through the API: Decode (fast) and DecodeBySchema
			// (the tree and the validator).
			r1, err1 := (&Verifier{}).Decode(c)
			r2, err2 := (&Verifier{}).DecodeBySchema(c)
			assert.Equal(t, r2, r1)
			assert.Equal(t, err2, err1)
		}
	}
	valid := 0
	for _, c := range creds {
		if _, err := decodeTree(c, nil, false); err == nil {
			valid++
		}
	}
	assert.GreaterOrEqual(t, valid, 20)
	assert.GreaterOrEqual(t, taken, 4*valid, "the fast reader takes every valid credential")
}

// hostile are variants of a valid credential that a reader must not get
// wrong; fast says whether the fast reader takes them (and then decodes
// them itself, value errors included) or declines them to the tree path.
var hostile = []struct {
	name string
	edit func(string) string
	fast bool
}{
	{"unchanged", same, true},
	{"duplicate-key-at-root", insert(`"id":`, `"id":"urn:x:1",`), false},
	{"duplicate-key-in-issuer", replace(`"issuer":{`, `"issuer":{"name":"某机构",`), false},
	{"duplicate-key-in-assessment", replace(`"assessmentDate":`, `"assessmentDate":"2022-01-01","assessmentDate":`), false},
	{"duplicate-key-in-product", replace(`"idVerifiedByCAB":false`, `"idVerifiedByCAB":false,"idVerifiedByCAB":true`), false},
	{"duplicate-key-in-unknown-member", insert(`"name":`, `"x":{"a":[{"b":1,"b":2}]},`), false},
	{"duplicate-key-by-escape", insert(`"id":`, `"\u0069d":"urn:x:1",`), false},
	{"escaped-key-alone", replace(`"validFrom":`, `"\u0076alidFrom":`), false},
	{"escaped-value", replace(`"name":"合成样例企业有限公司"`, `"name":"\u5408成样例企业有限公司"`), false},
	{"escaped-standard-name", replace(`"name":"T/JGE 0039-2023"}],"assessmentDate"`, `"name":"T\/JGE 0039-2023"}],"assessmentDate"`), false},
	{"invalid-utf8-in-string", replace(`合成样例企业有限公司`, "合成样例\xff企业有限公司"), false},
	{"invalid-utf8-in-key", insert(`"name":`, "\"k\xfe\":1,"), false},
	{"control-character-in-string", replace(`合成样例企业有限公司`, "合成样例\t企业有限公司"), false},
	{"number-where-string", replace(`"registeredId":"91330100MA9000006N"`, `"registeredId":91330100`), false},
	{"number-as-valid-from", replace(`"validFrom":"2022-01-01T00:00:00+08:00"`, `"validFrom":20220101`), false},
	{"string-as-conformance", replace(`"idVerifiedByCAB":false}]`, `"idVerifiedByCAB":false}],"conformance":"false"`), false},
	{"null-optional-member", replace(`"validUntil":"2025-01-01T00:00:00+08:00"`, `"validUntil":null`), false},
	{"object-as-array", replace(`"assessedPerformance":[]`, `"assessedPerformance":{}`), false},
	{"type-as-string", replace(`"type":["VerifiableCredential","DigitalConformityCredential"]`, `"type":"DigitalConformityCredential"`), false},
	{"type-without-dcc", replace(`"DigitalConformityCredential"`, `"ConformityCredential"`), false},
	{"missing-issuer", remove(`"issuer":{"type":["CredentialIssuer"],"id":"urn:jxgreen:body:%E5%90%88%E6%88%90%E6%A0%B7%E4%BE%8B%E8%AE%A4%E8%AF%81%E6%9C%89%E9%99%90%E5%85%AC%E5%8F%B8","name":"合成样例认证有限公司"},`), false},
	{"missing-assessment-date", remove(`"assessmentDate":"2022-01-01",`), false},
	{"missing-holder-name", remove(`"name":"合成样例企业有限公司",`), false},
	{"missing-product", replace(`{"product":{"id":"urn:jxgreen:product:%E9%87%91%E6%BA%AA%E8%9C%9C%E6%A2%A8","name":"金溪蜜梨"},"idVerifiedByCAB":false}`, `{"idVerifiedByCAB":false}`), false},
	{"empty-conformity-assessment", func(s string) string {
		i := strings.Index(s, `"conformityAssessment":[`) + len(`"conformityAssessment":[`)
		return s[:i] + "]}}"
	}, false},
	{"extra-members-everywhere", func(s string) string {
		s = insert(`"name":`, `"x-extension":{"note":["a",1,true,null,{"deep":[[[-1.5e3]]]}]},`)(s)
		s = replace(`"issuer":{`, `"issuer":{"description":"合成样例","x":[],`)(s)
		s = replace(`"assessedPerformance":[]`, `"assessedPerformance":[{"metric":"x","score":0.5},"free text",[1,2]]`)(s)
		return replace(`"idVerifiedByCAB":false`, `"idVerifiedByCAB":false,"x":{}`)(s)
	}, true},
	{"white-space-everywhere", func(s string) string {
		s = strings.ReplaceAll(s, `,"`, " ,\r\n\t\"")
		s = strings.ReplaceAll(s, `":`, "\" : ")
		return " \n" + s + "\n\t "
	}, true},
	{"seventeen-members", insert(`"name":`, `"a1":1,"a2":1,"a3":1,"a4":1,"a5":1,"a6":1,"a7":1,"a8":1,"a9":1,"a10":1,"a11":1,"a12":1,"a13":1,"a14":1,`), false},
	{"array-over-schema-bound", replace(`"assessedPerformance":[]`, `"assessedPerformance":[`+strings.Repeat(`1,`, 64)+`1]`), false},
	{"array-over-reader-bound", insert(`"name":`, `"x":[`+strings.Repeat(`1,`, 300)+`1],`), false},
	{"context-over-reader-bound", replace(`"https://vocabulary.uncefact.org/untp/0.7.0/context/"]`, `"https://vocabulary.uncefact.org/untp/0.7.0/context/"`+strings.Repeat(`,"c"`, 300)+`]`), false},
	{"nesting-within-bound", insert(`"name":`, `"x":`+strings.Repeat("[", 20)+strings.Repeat("]", 20)+`,`), true},
	{"nesting-past-bound", insert(`"name":`, `"x":`+strings.Repeat("[", 40)+strings.Repeat("]", 40)+`,`), false},
	{"string-past-schema-bound", replace(`"name":"品字标 UNTP-SYN-6","credentialSubject"`, `"name":"`+strings.Repeat("品", 501)+`","credentialSubject"`), false},
	{"string-past-reader-bound", insert(`"name":`, `"x":"`+strings.Repeat("a", 17<<10)+`",`), false},
	{"registered-id-past-bound", replace(`"registeredId":"91330100MA9000006N"`, `"registeredId":"`+strings.Repeat("9", 101)+`"`), false},
	{"type-past-bound", replace(`"type":["VerifiableCredential",`, `"type":["a","b","c","d","e","f","g","VerifiableCredential",`), false},
	{"other-untp-version", replace(`untp/0.7.0/context/`, `untp/0.8.0/context/`), false},
	{"older-untp-context-beside", replace(`"https://vocabulary.uncefact.org/untp/0.7.0/context/"]`, `"https://vocabulary.uncefact.org/untp/0.7.0/context/","https://test.uncefact.org/vocabulary/untp/dcc/0.5.0/"]`), false},
	{"extra-context", replace(`"https://vocabulary.uncefact.org/untp/0.7.0/context/"]`, `"https://vocabulary.uncefact.org/untp/0.7.0/context/","https://example.org/ctx"]`), true},
	{"wrong-first-context", replace(`"https://www.w3.org/ns/credentials/v2"`, `"https://www.w3.org/2018/credentials/v1"`), false},
	{"enum-value-unknown", replace(`"assessmentLevel":"scheme-cab"`, `"assessmentLevel":"scheme"`), false},
	{"uri-without-scheme", replace(`"id":"urn:jxgreen:credential:`, `"id":"jxgreen-credential:`), true},
	{"uri-bad", replace(`"id":"urn:jxgreen:credential:`, `"id":"1urn:jxgreen:credential:`), false},
	{"leap-second", replace(`"validFrom":"2022-01-01T00:00:00+08:00"`, `"validFrom":"2021-12-31T23:59:60Z"`), false},
	{"lower-case-t", replace(`2022-01-01T00:00:00+08:00`, `2022-01-01t00:00:00+08:00`), false},
	{"fraction-of-second", replace(`2022-01-01T00:00:00+08:00`, `2022-01-01T00:00:00.5+08:00`), false},
	{"utc", replace(`2022-01-01T00:00:00+08:00`, `2021-12-31T16:00:00Z`), true},
	{"no-such-date", replace(`"assessmentDate":"2022-01-01"`, `"assessmentDate":"2022-02-30"`), false},
	{"no-such-valid-from", replace(`2022-01-01T00:00:00+08:00`, `2022-02-30T00:00:00+08:00`), false},
	{"trailing-garbage", func(s string) string { return s + "x" }, false},
	{"two-values", func(s string) string { return s + "{}" }, false},
	{"byte-order-mark", func(s string) string { return "\ufeff" + s }, false},
	{"truncated", func(s string) string { return s[:len(s)/2] }, false},
	{"value-error-credit-code", replace(`91330100MA9000006N"`, `91330100MA9000006X"`), true},
	{"value-error-standard", replace(`"name":"T/JGE 0039-2023"}],"assessmentDate"`, `"name":"XX/JGE 0039"}],"assessmentDate"`), true},
	{"foreign-standard", replace(`"name":"T/JGE 0039-2023"}],"assessedProduct"`, `"name":"T/JGE 0039-2023"},{"id":"urn:x:iso","name":"ISO 14064-1:2018"}],"assessedProduct"`), true},
	{"value-error-nonconformance", replace(`"idVerifiedByCAB":false}]`, `"idVerifiedByCAB":false}],"conformance":false`), true},
	{"conformance-true", replace(`"idVerifiedByCAB":false}]`, `"idVerifiedByCAB":false}],"conformance":true`), true},
	{"value-error-validity", replace(`"validUntil":"2025-01-01T00:00:00+08:00"`, `"validUntil":"2021-01-01T00:00:00+08:00"`), true},
	{"value-error-attribute", replace(`attribute:quality-excellence`, `attribute:quality-nothing`), true},
	{"attribute-in-another-spelling", replace(`attribute:quality-excellence`, `attribute:Quality%20Excellence`), true},
	{"value-error-mode", replace(`iso17067:5`, `iso17067:9`), true},
	{"value-error-number", replace(`"id":"urn:jxgreen:certificate:zhejiang:UNTP-SYN-6"`, `"id":"urn:jxgreen:certificate:zhejiang:%zz"`), true},
	{"escaped-number", replace(`"id":"urn:jxgreen:certificate:zhejiang:UNTP-SYN-6"`, `"id":"urn:jxgreen:certificate:zhejiang:UNTP%2DSYN-6"`), true},
	{"no-product", replace(`"assessedProduct":[{"product":{"id":"urn:jxgreen:product:%E9%87%91%E6%BA%AA%E8%9C%9C%E6%A2%A8","name":"金溪蜜梨"},"idVerifiedByCAB":false}]`, `"assessedProduct":[]`), true},
	{"no-standard", replace(`,"referenceStandard":[{"id":"urn:jxgreen:standard:T%2FJGE%200039-2023","name":"T/JGE 0039-2023"}]`, ``), true},
	{"second-product-outside", replace(`"idVerifiedByCAB":false}]`, `"idVerifiedByCAB":false},{"product":{"id":"urn:x:p","name":"钢材"}}]`), true},
	{"second-product-same", replace(`"idVerifiedByCAB":false}]`, `"idVerifiedByCAB":false},{"product":{"id":"urn:x:p","name":"金溪 蜜梨"}}]`), true},
	{"second-assessment", replace(`"idVerifiedByCAB":false}]}]`, `"idVerifiedByCAB":false}]},{"id":"urn:x:2","name":"二","assessmentCriteria":[],"assessmentDate":"2022-01-01","assessedPerformance":[],"conformityTopic":[],"conformance":false}]`), true},
	{"two-authorisations-by-cnca", replace(`"authorisation":[{`, `"authorisation":[{"name":"CNCA-R-2099-002","issuingAuthority":{"id":"urn:jxgreen:authority:cnca","name":"某"}},{`), true},
	{"authorisation-by-another", replace(`"id":"urn:jxgreen:authority:cnca"`, `"id":"urn:x:authority"`), true},
	{"claims-our-scheme", replace(`"referenceScheme":{"id":"urn:jxgreen:scheme:zhejiang","name":"品字标"}`, `"referenceScheme":{"id":"urn:x:s","name":"江西 绿色生态"}`), true},
	{"no-profile", remove(`"referenceProfile":{"id":"urn:jxgreen:iso17067:5","name":"ISO/IEC 17067 type 5"},`), true},
	{"status-entry", insert(`"credentialSubject":`, `"credentialStatus":{"type":"BitstringStatusListEntry","statusPurpose":"revocation","statusListIndex":"4","statusListCredential":"https://jxgreen.example/status/1"},`), true},
	{"status-entries", insert(`"credentialSubject":`, `"credentialStatus":[{"type":"BitstringStatusListEntry","statusPurpose":"revocation","statusListIndex":4,"statusListCredential":"https://jxgreen.example/status/1"},{"type":"BitstringStatusListEntry","statusPurpose":"suspension","statusListIndex":"05","statusListCredential":"https://jxgreen.example/status/1"}],`), true},
	{"status-refresh-only", insert(`"credentialSubject":`, `"credentialStatus":[{"type":"BitstringStatusListEntry","statusPurpose":"refresh","statusListIndex":"4","statusListCredential":"https://jxgreen.example/status/1"}],`), true},
	{"status-empty", insert(`"credentialSubject":`, `"credentialStatus":[],`), true},
	{"status-index-float", insert(`"credentialSubject":`, `"credentialStatus":{"type":"BitstringStatusListEntry","statusPurpose":"revocation","statusListIndex":4.0,"statusListCredential":"https://jxgreen.example/status/1"},`), false},
	{"status-index-negative", insert(`"credentialSubject":`, `"credentialStatus":{"type":"BitstringStatusListEntry","statusPurpose":"revocation","statusListIndex":-4,"statusListCredential":"https://jxgreen.example/status/1"},`), false},
	{"status-index-too-long", insert(`"credentialSubject":`, `"credentialStatus":{"type":"BitstringStatusListEntry","statusPurpose":"revocation","statusListIndex":"12345678901","statusListCredential":"https://jxgreen.example/status/1"},`), false},
	{"status-entry-incomplete", insert(`"credentialSubject":`, `"credentialStatus":{"type":"BitstringStatusListEntry","statusPurpose":"revocation","statusListIndex":"4"},`), false},
	{"status-as-string", insert(`"credentialSubject":`, `"credentialStatus":"revoked",`), false},
	{"status-entries-past-bound", insert(`"credentialSubject":`, `"credentialStatus":[`+strings.Repeat(`{"type":"BitstringStatusListEntry","statusPurpose":"refresh","statusListIndex":"4","statusListCredential":"urn:x:l"},`, 8)+`{"type":"BitstringStatusListEntry","statusPurpose":"refresh","statusListIndex":"4","statusListCredential":"urn:x:l"}],`), false},
	{"names-past-fast-bound", replace(`"conformityTopic":[`, `"conformityTopic":[`+strings.Repeat(`{"id":"urn:x:t","name":"t"},`, 24)), false},
	{"names-within-fast-bound", replace(`"conformityTopic":[`, `"conformityTopic":[`+strings.Repeat(`{"id":"urn:x:t","name":"t"},`, 20)), true},
	{"refs-past-schema-bound", replace(`"assessmentCriteria":[`, `"assessmentCriteria":[`+strings.Repeat(`{"id":"urn:x:t","name":"t"},`, 32)), false},
	{"eight-status-entries", insert(`"credentialSubject":`, `"credentialStatus":[`+strings.Repeat(`{"type":"BitstringStatusListEntry","statusPurpose":"refresh","statusListIndex":"4","statusListCredential":"urn:x:l"},`, 7)+`{"type":"BitstringStatusListEntry","statusPurpose":"revocation","statusListIndex":"4","statusListCredential":"https://jxgreen.example/status/1"}],`), true},
	{"nine-assessments", replace(`"idVerifiedByCAB":false}]}]`, `"idVerifiedByCAB":false}]}`+strings.Repeat(`,{"id":"urn:x:2","name":"二","assessmentCriteria":[],"assessmentDate":"2022-01-01","assessedPerformance":[],"conformityTopic":[]}`, 8)+`]`), false},
	{"not-an-object", func(string) string { return `["a"]` }, false},
	{"empty", func(string) string { return `` }, false},
	{"empty-object", func(string) string { return `{}` }, false},
}

// baseCredential is the batch sample's credential UNTP-SYN-6 (synthetic),
// which the hostile variants edit.
func baseCredential(tb testing.TB) string {
	for _, c := range credentials(tb) {
		if bytes.HasPrefix(c, []byte(`{"@context"`)) && bytes.Contains(c, []byte(`:UNTP-SYN-6"`)) &&
			!bytes.Contains(c, []byte(`credentialStatus`)) {
			return string(c)
		}
	}
	tb.Fatal("no UNTP-SYN-6 in the batch sample")
	return ""
}

func same(s string) string { return s }

// insert puts text before the first occurrence of at.
func insert(at, text string) func(string) string {
	return func(s string) string { return strings.Replace(s, at, text+at, 1) }
}

// replace replaces the first occurrence of old.
func replace(old, new string) func(string) string {
	return func(s string) string { return strings.Replace(s, old, new, 1) }
}

func remove(old string) func(string) string { return replace(old, "") }

// Issue 14, "a unit table of hostile variants": each is decoded alike by
// the fast reader and the tree path, and the fast reader takes or
// declines it as it should.
func TestFastDecodeAgreesOnHostileVariants(t *testing.T) {
	base := baseCredential(t)
	readers := statusReaders(t)
	for _, tc := range hostile {
		t.Run(tc.name, func(t *testing.T) {
			native := []byte(tc.edit(base))
			if tc.name != "unchanged" {
				require.NotEqual(t, base, string(native), "the edit changed nothing")
			}
			for _, sr := range readers {
				assert.Equal(t, tc.fast, fastAgrees(t, native, sr), "the fast reader took it")
			}
		})
	}
}

// FuzzFastDecodeAgreesWithTree holds the fast reader equal to the tree
// path on any input: the same record, or the same error.
func FuzzFastDecodeAgreesWithTree(f *testing.F) {
	creds := credentials(f)
	for _, c := range creds {
		f.Add(c)
	}
	base := baseCredential(f)
	for _, tc := range hostile {
		f.Add([]byte(tc.edit(base)))
	}
	readers := statusReaders(f)
	f.Fuzz(func(t *testing.T, native []byte) {
		for _, sr := range readers {
			fastAgrees(t, native, sr)
		}
	})
}

// TestRunesInCountsRunesNotBytes checks the rune-length test of the fast
// reader at its bounds: a length in bytes bounds the runes from above
// only, so a lower bound above one must count them.
func TestRunesInCountsRunesNotBytes(t *testing.T) {
	for _, c := range []struct {
		s        string
		min, max int
		want     bool
	}{
		{"", 1, 5, false},
		{"a", 1, 1, true},
		{"金", 1, 1, true},
		{"金溪", 2, 6, true},
		{"金", 2, 6, false}, // three bytes, one rune
		{"abc", 2, 2, false},
		{"金溪蜜梨", 1, 3, false},
	} {
		assert.Equal(t, c.want, runesIn(c.s, c.min, c.max), "%q in [%d, %d]", c.s, c.min, c.max)
	}
}

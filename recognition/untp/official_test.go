package untp_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v5"
	"github.com/stretchr/testify/require"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/certification/creditcode"
	"github.com/jxgreen/jxgreen/recognition"
	"github.com/jxgreen/jxgreen/recognition/internal/schema"
	"github.com/jxgreen/jxgreen/standard"
)

// officialSchemaEnv names the environment variable that holds the path of
// the UNTP v0.7.0 Digital Conformity Credential JSON Schema as UN/CEFACT
// publishes it (untp-0.7.0-ConformityCredential.json, from
// https://test.uncefact.org/vocabulary/untp/dcc/0.7.0/). The module does
// not ship a copy; CI sets the variable, and the tests that need the schema
// skip when it is not set.
const officialSchemaEnv = "JXGREEN_UNTP_DCC_SCHEMA"

func compileOfficial(t *testing.T) *jsonschema.Schema {
	t.Helper()
	path := os.Getenv(officialSchemaEnv)
	if path == "" {
		t.Skipf("set %s to the official UNTP v0.7.0 DCC schema to run this test", officialSchemaEnv)
	}
	raw, err := os.ReadFile(path)
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	c.AssertFormat = true
	require.NoError(t, c.AddResource("https://untp.example/dcc.json", bytes.NewReader(raw)))
	s, err := c.Compile("https://untp.example/dcc.json")
	require.NoError(t, err)
	return s
}

// TestEncodeValidatesAgainstOfficialSchema encodes records of every status,
// with and without mode, approval, attributes and expiry, a foreign holder
// and foreign standards, and the valid samples decoded, and validates each
// credential against the official UNTP v0.7.0 DCC schema.
func TestEncodeValidatesAgainstOfficialSchema(t *testing.T) {
	official := compileOfficial(t)
	code, _ := creditcode.Complete("91360100MA9000088")
	base := recognition.Record{
		Scheme: brand.JiangxiGreen, Number: "JXGE/SYN 0088 合成", Product: "狗牯脑茶",
		Holder:     certification.Holder{Name: "合成样例茶业有限公司", Code: code},
		Standards:  []standard.Number{standard.MustParse("T/JGE 0041-2023")},
		Body:       certification.Body{Name: "中国检验认证集团江西有限公司", Approval: "CNCA-RF-2099-07", Certifies: true},
		Mode:       certification.Type5,
		Issued:     time.Date(2026, 1, 5, 0, 0, 0, 0, brand.ChinaTime()),
		Expires:    time.Date(2029, 1, 5, 0, 0, 0, 0, brand.ChinaTime()),
		Status:     certification.Valid,
		Attributes: brand.Core(),
	}
	var records []recognition.Record
	for _, st := range []certification.Status{certification.Valid, certification.Suspended, certification.Revoked, certification.Cancelled} { // Expired and Pending: refused (TestEncodeRefusesExpiredAndPendingStatus)
		r := base.Clone()
		r.Status = st
		records = append(records, r)
	}
	bare := base.Clone()
	bare.Mode, bare.Body.Approval, bare.Attributes, bare.Expires = 0, "", nil, time.Time{}
	bare.Body.Certifies = false
	foreign := base.Clone()
	foreign.Scheme, foreign.Holder.Code = "coppermark", "ABN 12 345 678 901"
	foreign.Standards, foreign.OtherStandards = nil, []string{"ISO 14064-1:2018", "ISO/IEC 17065:2012"}
	records = append(records, bare, foreign)

	a := withSampleLists(t)
	files, err := filepath.Glob(filepath.Join(samples, "valid-*.json"))
	require.NoError(t, err)
	for _, f := range files {
		native, err := os.ReadFile(f)
		require.NoError(t, err)
		r, err := a.Decode(native)
		require.NoError(t, err, f)
		if r.Status != 0 {
			records = append(records, r)
		}
	}
	for _, r := range records {
		out, err := registered.Encode(r)
		require.NoError(t, err, "%s %v", r.Number, r.Status)
		v, err := schema.MustCompile("untp", registered.Schema()).Parse(out)
		require.NoError(t, err)
		require.NoError(t, official.Validate(v), "%s %v:\n%s", r.Number, r.Status, out)
	}
}

// TestOfficialSchemaRefusesTheOldStatus shows that the test above can fail:
// the status as Encode wrote it before (an array of two entries, string
// indexes) is not valid UNTP v0.7.0.
func TestOfficialSchemaRefusesTheOldStatus(t *testing.T) {
	official := compileOfficial(t)
	native, err := os.ReadFile(filepath.Join(samples, "valid-rejected-suspended.json"))
	require.NoError(t, err)
	v, err := schema.MustCompile("untp", registered.Schema()).Parse(native)
	require.NoError(t, err)
	require.Error(t, official.Validate(v))
}

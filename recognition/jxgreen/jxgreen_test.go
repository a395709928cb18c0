package jxgreen_test

import (
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/certification/creditcode"
	"github.com/jxgreen/jxgreen/recognition"
	"github.com/jxgreen/jxgreen/recognition/adaptertest"
	"github.com/jxgreen/jxgreen/recognition/jxgreen"
	"github.com/jxgreen/jxgreen/standard"
)

func TestSchemaIsTheFormats(t *testing.T) {
	adaptertest.CheckSchema(t, jxgreen.Adapter().Format(), "schema.json")
}

// TestListFormatIsADefinition: our list's record is a scheme definition
// file whose facts are those of brand.JiangxiGreenEcology.
func TestListFormatIsADefinition(t *testing.T) {
	data, err := os.ReadFile("scheme.json")
	require.NoError(t, err)
	s, err := recognition.ParseScheme(data)
	require.NoError(t, err)
	want := brand.JiangxiGreenEcology()
	assert.Equal(t, jxgreen.Adapter().Format(), s.Format)
	got := s.Brand
	assert.Equal(t, []any{want.ID, want.Name, want.EnglishName, want.Region, want.Owner, want.Model, want.Attributes, want.Source},
		[]any{got.ID, got.Name, got.EnglishName, got.Region, got.Owner, got.Model, got.Attributes, got.Source})
	assert.Equal(t, want, jxgreen.Adapter().Brand())
	// The fields our certificate lists print.
	f := s.Format
	assert.Equal(t, []string{"证书编号", "获证组织", "统一社会信用代码", "产品名称", "依据标准", "认证机构", "批准号", "认证模式", "发证日期", "有效期至", "证书状态", "品牌属性", "备注"},
		[]string{f.Number, f.HolderName, f.HolderCode, f.Product, f.Standards, f.Body, f.Approval, f.Mode, f.Issued, f.Expires, f.Status, f.Attributes, f.Note})
	canonical, err := s.MarshalJSON()
	require.NoError(t, err)
	assert.Equal(t, string(canonical), string(data))
}

func TestRegisteredUnderOurNames(t *testing.T) {
	for _, key := range []string{"jxgreen", "江西绿色生态", "Jiangxi Green Ecology"} {
		a, ok := recognition.Lookup(key)
		require.True(t, ok, key)
		assert.Same(t, jxgreen.Adapter(), a, key)
	}
}

func TestSamples(t *testing.T) {
	adaptertest.Samples(t, jxgreen.Adapter(), samples)
}

func TestRefusesJunk(t *testing.T) { adaptertest.Refuses(t, jxgreen.Adapter()) }

func FuzzDecode(f *testing.F) {
	adaptertest.Fuzz(f, jxgreen.Adapter(), samples)
}

// samples is the folder of the adapter's synthetic sample records.
const samples = "../../testdata/jxgreen"

// TestOurListCheckedAgainstTheRegistry: a record of our own list is a
// claim: without the registry it is at most conditional; with it, a
// certificate the registry holds is recognised, and a record that differs
// from it (another holder) is rejected.
func TestOurListCheckedAgainstTheRegistry(t *testing.T) {
	at := time.Date(2026, 6, 1, 0, 0, 0, 0, brand.ChinaTime())
	code, err := creditcode.Complete("91360100MA9100018")
	require.NoError(t, err)
	c, err := certification.GreenEcologyRules().Issue(certification.Application{
		Number: "JXGE-SYN-REG-1", Holder: certification.Holder{Name: "合成样例果业有限公司", Code: code},
		Product: "金溪蜜梨", Standards: []standard.Number{standard.MustParse("T/JGE 0039-2023")},
		Body: certification.Body{Name: "江西省检验检测认证总院"}, Mode: certification.Type5,
		Decided: time.Date(2026, 1, 10, 0, 0, 0, 0, brand.ChinaTime()),
	})
	require.NoError(t, err)
	var reg certification.Registry
	require.NoError(t, reg.Add(c))

	a := jxgreen.Adapter()
	native, err := a.Encode(recognition.FromCertificate(c, brand.Core(), at))
	require.NoError(t, err)
	rec, err := a.Decode(native)
	require.NoError(t, err)
	ag := a.Agreement()

	d := ag.Check(rec, at)
	assert.Equal(t, recognition.Conditional, d.Outcome)
	assert.True(t, d.Has(recognition.ReasonClaimUnverified))

	d = ag.Check(rec, at, recognition.WithLookup(&reg))
	assert.Equal(t, recognition.Recognized, d.Outcome, "%v", d.Reasons)

	forged := rec.Clone()
	forged.Holder.Code, err = creditcode.Complete("91360100MA9100017")
	require.NoError(t, err)
	d = ag.Check(forged, at, recognition.WithLookup(&reg))
	assert.Equal(t, recognition.Rejected, d.Outcome)
	assert.True(t, d.Has(recognition.ReasonClaimMismatch))
}

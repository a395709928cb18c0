package recognition_test

import (
	"os"
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
	_ "github.com/jxgreen/jxgreen/recognition/ganchu"
	_ "github.com/jxgreen/jxgreen/recognition/ganpo"
	_ "github.com/jxgreen/jxgreen/recognition/jiangsu"
	_ "github.com/jxgreen/jxgreen/recognition/shanghai"
	_ "github.com/jxgreen/jxgreen/recognition/shenzhen"
	_ "github.com/jxgreen/jxgreen/recognition/untp"
	"github.com/jxgreen/jxgreen/recognition/zhejiang"
	"github.com/jxgreen/jxgreen/standard"
)

func day(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, brand.ChinaTime())
}

var at = day(2026, 6, 1)

func TestLookupByEveryName(t *testing.T) {
	t.Parallel()
	for key, want := range map[string]brand.ID{
		"shenzhen": brand.Shenzhen, "圳品": brand.Shenzhen,
		"jiangsu": brand.Jiangsu, "江苏精品": brand.Jiangsu,
		"zhejiang": brand.Zhejiang, "品字标": brand.Zhejiang, "浙江制造": brand.Zhejiang, "品字标浙江制造": brand.Zhejiang,
		"“品字标”": brand.Zhejiang, "Zhejiang Made": brand.Zhejiang, "ZHEJIANG": brand.Zhejiang,
		"shanghai": brand.Shanghai, "上海品牌": brand.Shanghai, "上品": brand.Shanghai,
		"ganchu": brand.Ganchu, "赣出精品": brand.Ganchu,
		"ganpo": brand.Ganpo, "赣鄱正品": brand.Ganpo, " 赣鄱 正品 ": brand.Ganpo, "ｇａｎｐｏ": brand.Ganpo,
		// Our own certificate list, for a partner judging our certificates.
		"jxgreen": brand.JiangxiGreen, "江西绿色生态": brand.JiangxiGreen,
	} {
		a, ok := recognition.Lookup(key)
		require.True(t, ok, key)
		assert.Equal(t, want, a.Brand().ID, key)
	}
	for _, key := range []string{"", "江西好礼", "nope"} {
		_, ok := recognition.Lookup(key)
		assert.False(t, ok, key)
	}
}

func TestAdaptersSorted(t *testing.T) {
	t.Parallel()
	var ids []brand.ID
	for _, a := range recognition.Adapters() {
		ids = append(ids, a.Brand().ID)
		ag := a.Agreement()
		assert.Equal(t, brand.JiangxiGreen, ag.Recognizer.ID)
		assert.Equal(t, a.Brand().ID, ag.Scheme.ID)
		assert.Contains(t, ag.Basis, "no recognition agreement", "every default says it is one")
		assert.NotEmpty(t, a.Schema())
	}
	assert.Equal(t, []brand.ID{"ganchu", "ganpo", "jiangsu", "jxgreen", "shanghai", "shenzhen", "untp", "zhejiang"}, ids)
}

type fake struct{ b brand.Brand }

func (f fake) Brand() brand.Brand                        { return f.b }
func (f fake) Schema() []byte                            { return []byte("{}") }
func (f fake) Decode([]byte) (recognition.Record, error) { return recognition.Record{}, nil }
func (f fake) Encode(recognition.Record) ([]byte, error) { return nil, nil }
func (f fake) Agreement() recognition.Agreement          { return recognition.Agreement{} }

func TestRegisterPanicsOnProgrammingErrors(t *testing.T) {
	t.Parallel()
	assert.Panics(t, func() { recognition.Register(nil) })
	assert.Panics(t, func() { recognition.Register(fake{}) })
	assert.Panics(t, func() { recognition.Register(fake{brand.Brand{ID: brand.Zhejiang}}) }, "duplicate id")
	assert.Panics(t, func() { recognition.Register(fake{brand.Brand{ID: "test-dup-name", Name: "浙江制造"}}) }, "name taken")
}

// record is a synthetic 品字标 record: every name and number is made up.
func record() recognition.Record {
	code, _ := creditcode.Complete("91330100MA9000001")
	return recognition.Record{
		Scheme:    brand.Zhejiang,
		Number:    "ZJM-SYN-TEST",
		Holder:    certification.Holder{Name: "合成样例企业有限公司", Code: code},
		Product:   "金溪蜜梨",
		Standards: []standard.Number{standard.MustParse("T/JGE 0039-2023")},
		Body:      certification.Body{Name: "合成样例认证有限公司", Approval: "CNCA-R-2099-001", Certifies: true, Alliance: brand.Zhejiang},
		Mode:      certification.Type5,
		Issued:    day(2025, 1, 10),
		Expires:   day(2028, 1, 10),
		Status:    certification.Valid,
	}
}

func TestCheckRecognizesTheSameStandard(t *testing.T) {
	t.Parallel()
	d := zhejiang.Adapter().Agreement().Check(record(), at)
	assert.Equal(t, recognition.Recognized, d.Outcome, "%+v", d.Reasons)
	assert.Equal(t, standard.MustParse("T/JGE 0039-2023"), d.Standard)
	assert.Empty(t, d.Reasons)
}

func TestCheckNeverRecognisesADeadRecord(t *testing.T) {
	t.Parallel()
	ag := zhejiang.Adapter().Agreement()
	for _, tc := range []struct {
		change func(*recognition.Record)
		code   recognition.ReasonCode
	}{
		{func(r *recognition.Record) { r.Expires = day(2026, 5, 1) }, "expired"},
		{func(r *recognition.Record) { r.Status = certification.Suspended }, "suspended"},
		{func(r *recognition.Record) { r.Status = certification.Revoked }, "revoked"},
		{func(r *recognition.Record) { r.Status = certification.Cancelled }, "cancelled"},
		{func(r *recognition.Record) { r.Status = certification.Expired }, "expired"},
		{func(r *recognition.Record) { r.Issued = day(2026, 7, 1) }, "not-yet-valid"},
		{func(r *recognition.Record) { r.Status = 0 }, "status-unknown"},
		{func(r *recognition.Record) { r.Expires = time.Time{} }, "no-validity"},
		{func(r *recognition.Record) { r.Scheme = brand.Shanghai }, "scheme-mismatch"},
		{func(r *recognition.Record) { r.Holder.Code = "91330100MA90000010" }, "holder-invalid"},
	} {
		r := record()
		tc.change(&r)
		d := ag.Check(r, at)
		assert.Equal(t, recognition.Rejected, d.Outcome, tc.code)
		assert.True(t, d.Has(tc.code), "%s: %+v", tc.code, d.Reasons)
	}
}

func TestCheckConditionalNamesWhatToAssess(t *testing.T) {
	t.Parallel()
	ag := zhejiang.Adapter().Agreement()
	r := record()
	r.Standards = []standard.Number{standard.MustParse("T/ZZB 9001-2099")} // synthetic
	d := ag.Check(r, at)
	assert.Equal(t, recognition.Conditional, d.Outcome)
	assert.True(t, d.Has("standard-unverified"))
	assert.True(t, d.Has("attributes-uncovered"))
	assert.Equal(t, brand.Core(), d.Assess, "品字标 claims none of the ecological attributes")
	var msg string
	for _, x := range d.Reasons {
		if x.Code == "attributes-uncovered" {
			msg = x.Message(language.Chinese)
		}
	}
	assert.Contains(t, msg, "资源节约、环境保护、生态协同、质量引领")

	r = record()
	r.Mode = certification.Type3
	d = ag.Check(r, at)
	assert.Equal(t, recognition.Conditional, d.Outcome)
	assert.True(t, d.Has("mode-weaker"))
	assert.Equal(t, certification.MarketSampling|certification.ManagementAudit, d.Add)
}

func TestCheckBody(t *testing.T) {
	t.Parallel()
	ag := zhejiang.Adapter().Agreement()
	r := record()
	r.Body.Approval = ""
	assert.True(t, ag.Check(r, at).Has("body-not-approved"))
	r.Body = certification.Body{Name: "方圆标志认证集团江西有限公司", Certifies: true}
	assert.Equal(t, recognition.Recognized, ag.Check(r, at).Outcome, "a 江西绿色生态 alliance body")
	r.Body = certification.Body{Name: "江西省认证认可协会", Certifies: false}
	assert.True(t, ag.Check(r, at).Has("body-not-certifier"))
	r.Body = certification.Body{}
	assert.True(t, ag.Check(r, at).Has("body-missing"))
}

func TestEquivalencesAndIndicators(t *testing.T) {
	t.Parallel()
	theirs := standard.MustParse("T/ZZB 9002-2099") // synthetic
	ag := zhejiang.Adapter().Agreement()
	ag.Equivalences = []recognition.Equivalence{{Theirs: theirs, Ours: standard.MustParse("T/JGE 0039-2023"), Degree: standard.MOD}}
	r := record()
	r.Standards = []standard.Number{theirs}
	d := ag.Check(r, at)
	assert.Equal(t, recognition.Recognized, d.Outcome, "%+v", d.Reasons)

	// With their indicators known, a looser one needs assessing.
	r.StandardDocs = []standard.Standard{{Number: theirs, Requirements: []standard.Requirement{
		{ID: "soluble-solids", Name: "可溶性固形物", Op: standard.AtLeast, Value: 11.2, Unit: "%"},
	}}}
	d = ag.Check(r, at)
	assert.Equal(t, recognition.Conditional, d.Outcome)
	assert.True(t, d.Has("indicator-looser"))
	assert.Equal(t, []string{"可溶性固形物"}, d.Indicators)

	r.StandardDocs[0].Requirements[0].Value = 12
	assert.Equal(t, recognition.Recognized, ag.Check(r, at).Outcome)

	ag.Equivalences[0].Degree = standard.NEQ
	d = ag.Check(r, at)
	assert.True(t, d.Has("standard-not-equivalent"))
	assert.Equal(t, recognition.Conditional, d.Outcome)

	// Without an equivalence, known indicators against our standard for the product.
	ag.Equivalences = nil
	d = ag.Check(r, at)
	assert.Equal(t, recognition.Recognized, d.Outcome, "%+v", d.Reasons)
	r.Product = "榴莲"
	assert.True(t, ag.Check(r, at).Has("no-standard"))
}

func TestReverseAndCover(t *testing.T) {
	t.Parallel()
	// A synthetic 江西绿色生态 certificate, checked on the partners' terms.
	code, _ := creditcode.Complete("91360100MA9000009")
	c, err := certification.GreenEcologyRules().Issue(certification.Application{
		Number: "JXGE-SYN-COVER", Holder: certification.Holder{Name: "合成样例果业有限公司", Code: code},
		Product: "金溪蜜梨", Standards: []standard.Number{standard.MustParse("T/JGE 0039-2023")},
		Body: certification.Body{Name: "江西省检验检测认证总院"}, Mode: certification.Type5, Decided: day(2026, 1, 10),
	})
	require.NoError(t, err)
	rec := recognition.FromCertificate(c, brand.Core(), at)

	zj := zhejiang.Adapter().Agreement().Reverse()
	assert.Equal(t, brand.Zhejiang, zj.Recognizer.ID)
	assert.Equal(t, brand.JiangxiGreen, zj.Scheme.ID)
	d := zj.Check(rec, at)
	assert.Equal(t, recognition.Conditional, d.Outcome, "%+v", d.Reasons)
	assert.Equal(t, zhejiang.Adapter().Brand().Attributes, d.Assess)

	decisions := recognition.Cover(rec, recognition.Reciprocals()...)
	require.Len(t, decisions, 6)
	for _, d := range decisions {
		assert.Equal(t, brand.JiangxiGreen, d.Scheme)
		assert.NotEqual(t, recognition.Rejected, d.Outcome, "%s: %+v", d.Recognizer, d.Reasons)
	}
	// Evaluation schemes ask for no certification mode and claim no
	// attributes we lack: 赣出精品 and 赣鄱正品 would recognise it outright
	// but for their unknown standards.
	for _, d := range decisions {
		if d.Recognizer == brand.Ganchu {
			assert.False(t, d.Has("mode-weaker"))
			assert.Empty(t, d.Assess)
		}
	}
	expired := recognition.CoverAt(rec, day(2030, 1, 1), recognition.Reciprocals()...)
	for _, d := range expired {
		assert.Equal(t, recognition.Rejected, d.Outcome)
	}
}

func TestDecodeErrorPointersArePlain(t *testing.T) {
	t.Parallel()
	a, _ := recognition.Lookup("jiangsu")
	native, err := os.ReadFile("../testdata/jiangsu/bad-schema-credit-forbidden-letter.json")
	require.NoError(t, err)
	_, err = a.Decode(native)
	var de *recognition.DecodeError
	require.ErrorAs(t, err, &de)
	assert.Equal(t, "/统一社会信用代码", de.Pointer)
	assert.Equal(t, "pattern", de.Rule)
	assert.Equal(t, "jiangsu 记录 /统一社会信用代码 处：格式不符", i18n.Error(err, language.Chinese))
}

// The validator walks properties in map order; the error it reports must
// not depend on it.
func TestDecodeErrorsAreDeterministic(t *testing.T) {
	t.Parallel()
	a, _ := recognition.Lookup("shenzhen")
	for _, native := range []string{
		`{"证书编号":"", "企业名称":"","统一社会信用代码":"","产品名称": "", "执行标准": [],"评价机构": "0", "发证日期": "", "有效期至": "","证书状态":""}`,
		`{"99":"","2":"7","x":[]}`, // several unknown properties, listed in map order by the validator
	} {
		_, first := a.Decode([]byte(native))
		require.Error(t, first)
		for range 50 {
			_, err := a.Decode([]byte(native))
			require.Equal(t, first.Error(), err.Error())
		}
	}
	_, err := a.Decode([]byte(`{"b":1,"a":2}`))
	var de *recognition.DecodeError
	require.ErrorAs(t, err, &de)
	assert.Equal(t, "/a", de.Pointer, "the first name in order")
}

// TestReverseKeepsTheProductOfAnEquivalence: an agreed
// equivalence by product ("their 茶 corresponds to our T/JGE 0041-2023")
// turned round by Agreement.Reverse keeps neither the product nor any
// standard of the partner: it becomes "our T/JGE 0041-2023 is identical to
// nothing", for every product. The partner's terms then take a 江西绿色生态
// record of any product citing the standard as matched by an agreed
// equivalence and drop the "standard-unverified" condition that the same
// terms without the equivalence give; and the reversed terms cannot be
// written as an agreement file that loads (the format requires "ours" or
// "ours_title").
func TestReverseKeepsTheProductOfAnEquivalence(t *testing.T) {
	zj, ok := recognition.Lookup("zhejiang")
	require.True(t, ok)
	forward := zj.Agreement()
	forward.ID, forward.Version = "review11-synthetic", "1"
	forward.Equivalences = []recognition.Equivalence{{
		Product: "茶", Ours: standard.MustParse("T/JGE 0041-2023"), Degree: standard.IDT,
	}}
	rev := forward.Reverse()
	plain := zj.Agreement().Reverse()

	at := time.Date(2026, 6, 1, 0, 0, 0, 0, brand.ChinaTime())
	r := recognition.Record{
		Scheme: brand.JiangxiGreen, Number: "JXGE-SYN-R11", Product: "大米（synthetic）",
		Holder:    certification.Holder{Name: "合成样例企业（synthetic）", Code: "91360100MA91000117"},
		Standards: []standard.Number{standard.MustParse("T/JGE 0041-2023")},
		Body:      certification.Body{Name: "江西省检验检测认证总院", Certifies: true},
		Mode:      certification.Type5, Status: certification.Valid,
		Issued:  time.Date(2025, 3, 1, 0, 0, 0, 0, brand.ChinaTime()),
		Expires: time.Date(2028, 3, 1, 0, 0, 0, 0, brand.ChinaTime()),
	}
	require.True(t, plain.Check(r, at).Has(recognition.ReasonStandardUnverified))
	d := rev.Check(r, at)
	assert.True(t, d.Has(recognition.ReasonStandardUnverified),
		"a 大米 record matched the reversed equivalence of 茶: %+v", d.Reasons)

	file, err := recognition.MarshalAgreements(rev)
	if assert.NoError(t, err) {
		_, err = recognition.ParseAgreements(file)
		assert.NoError(t, err, "the reversed terms do not load as an agreement file:\n%s", file)
	}
}

// TestReverseTurnsRoundAnEquivalenceWithItsProduct: an equivalence that
// names a standard on both sides is turned round with its product; one by
// product alone is left out. The partner's number is synthetic.
func TestReverseTurnsRoundAnEquivalenceWithItsProduct(t *testing.T) {
	theirs := standard.MustParse("T/SYN 0001-2026") // synthetic, no real standard
	ours := standard.MustParse("T/JGE 0041-2023")
	a := recognition.Agreement{Equivalences: []recognition.Equivalence{
		{Theirs: theirs, Product: "茶", Ours: ours, Degree: standard.MOD},
		{Product: "茶", Ours: ours, Degree: standard.IDT},
		{Theirs: theirs, OursTitle: "合成样例标准（synthetic）", Degree: standard.IDT},
	}}
	assert.Equal(t, []recognition.Equivalence{{Theirs: ours, Product: "茶", Ours: theirs, Degree: standard.MOD}}, a.Reverse().Equivalences)
}

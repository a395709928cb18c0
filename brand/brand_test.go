package brand

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/brand/source"
)

func TestParseAttributeAcceptsEverySpelling(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]Attribute{
		"资源节约":            ResourceSaving,
		"环境保护":            EnvironmentalProtection,
		"生态协同":            EcologicalHarmony,
		"生态协调":            EcologicalHarmony, // the 2022 Q&A
		"质量引领":            QualityLeading,    // 赣标〔2021〕1号
		"质量领先":            QualityLeading,    // the Q&A, the press conference, the 寻乌 plan
		"质量 领先":           QualityLeading,
		"Resource Saving": ResourceSaving,
		"resource-saving": ResourceSaving,
		"ＱＵＡＬＩＴＹ　ＬＥＡＤＩＮＧ": QualityLeading,
		"quality_leading":          QualityLeading,
		"品质卓越":                     QualityExcellence,
		"社会责任":                     SocialResponsibility,
		"food safety":              FoodSafety,
		"environmental protection": EnvironmentalProtection,
	} {
		got, err := ParseAttribute(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
}

func TestParseAttributeRejects(t *testing.T) {
	t.Parallel()
	for _, in := range []string{"", "绿色", "quality", "生态"} {
		_, err := ParseAttribute(in)
		require.Error(t, err, in)
		assert.ErrorIs(t, err, ErrUnknownAttribute)
		var ae *AttributeError
		require.ErrorAs(t, err, &ae)
		assert.Equal(t, in, ae.Input)
		assert.Contains(t, i18n.Error(err, language.Chinese), "未知的品牌属性")
	}
}

func TestAttributeNamesRoundTrip(t *testing.T) {
	t.Parallel()
	for _, a := range Attributes() {
		b, err := a.MarshalText()
		require.NoError(t, err)
		var back Attribute
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, a, back)
		assert.NotEqual(t, a.Localize(language.English), a.Localize(language.Chinese), a.String())
		assert.Equal(t, attrTable[a].code, a.String())
		assert.Equal(t, attrTable[a].zh, a.Localize(language.Chinese))
	}
	assert.Equal(t, "Attribute(99)", Attribute(99).String())
	_, err := Attribute(0).MarshalText()
	assert.Error(t, err)
	assert.Equal(t, "quality leadership", QualityLeading.Localize(language.English))
}

func TestJiangxiGreenEcology(t *testing.T) {
	t.Parallel()
	b := JiangxiGreenEcology()
	assert.Equal(t, JiangxiGreen, b.ID)
	assert.Equal(t, "360000", b.Region)
	assert.Equal(t, Certification, b.Model)
	assert.Equal(t, Core(), b.Attributes)
	for _, a := range Core() {
		assert.True(t, b.Covers(a))
	}
	assert.False(t, b.Covers(SocialResponsibility))
	for _, r := range []Role{Owner, StandardEvaluator, StandardPublisher, Promoter, Certifier, Supervisor} {
		assert.NotEmpty(t, b.In(r), r.String())
	}
	for _, o := range b.Governance {
		assert.NotEmpty(t, o.Source, o.Name)
	}
	for _, f := range append(b.Facts, Principles()...) {
		_, err := source.Resolve(f.Source)
		assert.NoError(t, err, f.Text)
	}
	assert.Equal(t, "江西省质量和标准化研究院（江西省标准技术审评中心）", b.In(StandardEvaluator)[0].Name)
	c := b.Clone()
	c.Attributes[0] = FoodSafety
	assert.Equal(t, ResourceSaving, JiangxiGreenEcology().Attributes[0], "Clone must not share slices")
}

func TestMissing(t *testing.T) {
	t.Parallel()
	got := Missing(Core(), []Attribute{QualityLeading, QualityExcellence, EnvironmentalProtection})
	assert.Equal(t, []Attribute{ResourceSaving, EcologicalHarmony}, got)
	assert.Empty(t, Missing(Core(), Core()))
}

func TestModelAndRoleNames(t *testing.T) {
	t.Parallel()
	assert.Equal(t, "认证", Certification.Localize(language.Chinese))
	assert.Equal(t, "evaluation", Evaluation.Localize(language.English))
	assert.Equal(t, "Model(0)", Model(0).String())
	assert.Equal(t, "certifier", Certifier.String())
	assert.Equal(t, "标准评价确认", StandardEvaluator.Localize(language.Chinese))
	assert.Equal(t, "Role(9)", Role(9).String())
}

func TestBrandFactsCiteTheRegister(t *testing.T) {
	t.Parallel()
	b := JiangxiGreenEcology()
	var cites []string
	for _, o := range b.Governance {
		cites = append(cites, o.Source)
	}
	for _, f := range append(append(b.Facts, Principles()...), Arrangements()...) {
		cites = append(cites, f.Source)
	}
	cites = append(cites, b.Source)
	used := map[source.ID]bool{}
	for _, c := range cites {
		got, err := source.Resolve(c)
		require.NoError(t, err, c)
		for _, g := range got {
			used[g.Document.ID] = true
		}
	}
	// The five policy documents the brand rests on are each cited, by their
	// own number or title.
	for _, id := range []source.ID{source.GanBiao2021No1, source.BrandQA2022, source.PressConference20211014,
		source.XunwuPilotPlan, source.SuZhengBanFa2022No21} {
		assert.True(t, used[id], "%s is not cited", id)
	}
	assert.Contains(t, JiangxiGreenEcology().Source, "赣标〔2021〕1号")
}

func TestArrangementsSayWhatTheyRecognise(t *testing.T) {
	t.Parallel()
	a := Arrangements()
	require.Len(t, a, 6)
	// Each names what it recognises (互认对象), or says it is no
	// recognition at all.
	for _, f := range a {
		assert.True(t, strings.Contains(f.Text, "互认对象") || strings.Contains(f.Text, "不是互认") ||
			strings.Contains(f.Text, "而非双边互认") || strings.Contains(f.Text, "认证结果互认"), f.Text)
		_, err := source.Resolve(f.Source)
		require.NoError(t, err)
	}
	a[0].Text = "changed"
	assert.NotEqual(t, "changed", Arrangements()[0].Text, "Arrangements must return a copy")
}

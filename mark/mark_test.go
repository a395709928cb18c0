package mark

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/brand/source"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/certification/creditcode"
	"github.com/jxgreen/jxgreen/standard"
)

func day(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, brand.ChinaTime())
}

// holder returns a synthetic holder; name and code belong to no real
// organisation.
func holder(i int) certification.Holder {
	code, err := creditcode.Complete(fmt.Sprintf("91360700MA3%06d", i))
	if err != nil {
		panic(err)
	}
	return certification.Holder{Name: fmt.Sprintf("合成样例农业%d有限公司", i), Code: code}
}

func registry(t testing.TB) *certification.Registry {
	t.Helper()
	r := certification.NewRegistry()
	// Each product on its own standard: Issue refuses a product outside
	// the subject of the standard it cites.
	for i, p := range []struct{ product, standard string }{{"金溪蜜梨", "T/JGE 0039-2023"}, {"狗牯脑茶", "T/JGE 0041-2023"}} {
		c, err := certification.GreenEcologyRules().Issue(certification.Application{
			Number:    fmt.Sprintf("JXGE-SYN-%03d", i+1),
			Holder:    holder(i + 1),
			Product:   p.product,
			Standards: []standard.Number{standard.MustParse(p.standard)},
			Body:      certification.Body{Name: "江西省检验检测认证总院"},
			Mode:      certification.Type5,
			Decided:   day(2026, 1, 10),
		})
		require.NoError(t, err)
		require.NoError(t, r.Add(c))
	}
	require.NoError(t, r.Update("JXGE-SYN-002", func(c *certification.Certificate) error {
		return c.Suspend(day(2026, 6, 1), "监督抽样不合格")
	}))
	other := certification.Certificate{Number: "ZP-SYN-001", Scheme: brand.Shenzhen, Holder: holder(9), Product: "大米",
		Issued: day(2026, 1, 1), Expires: day(2029, 1, 1)}
	require.NoError(t, r.Add(other))
	return r
}

func goodUse() Use {
	return Use{
		Kind: CertificationMark, Certificate: "JXGE-SYN-001", NumberShown: true,
		Holder: holder(1), Product: "金溪蜜梨", Medium: Label, ScaleX: 0.5, ScaleY: 0.5,
		Colours: []string{"#1A7F3C"}, BrandText: "江西绿色生态", At: day(2026, 3, 1),
	}
}

func TestCheckAllowsAGoodUse(t *testing.T) {
	t.Parallel()
	v := Check(goodUse(), registry(t), time.Time{})
	assert.True(t, v.Allowed, "%+v", v.Violations)
	assert.Empty(t, v.Violations)
}

func TestCheckRules(t *testing.T) {
	t.Parallel()
	r := registry(t)
	green := Spec{Tolerance: 0.02, Palette: []string{"#1a7f3c"}, Monochrome: true}
	for _, tc := range []struct {
		name   string
		change func(*Use)
		spec   *Spec
		at     time.Time
		code   ViolationCode
	}{
		{"no certificate", func(u *Use) { u.Certificate = "" }, nil, time.Time{}, "no-certificate"},
		{"unknown certificate", func(u *Use) { u.Certificate = "JXGE-SYN-999" }, nil, time.Time{}, "unknown-certificate"},
		{"suspended certificate", func(u *Use) { u.Certificate, u.Holder, u.Product = "JXGE-SYN-002", holder(2), "狗牯脑茶" }, nil, day(2026, 7, 1), "certificate-not-valid"},
		{"expired certificate", func(u *Use) {}, nil, day(2029, 2, 1), "certificate-not-valid"},
		{"not yet issued", func(u *Use) {}, nil, day(2025, 12, 1), "certificate-not-valid"},
		{"another scheme's certificate", func(u *Use) { u.Certificate, u.Holder, u.Product = "ZP-SYN-001", holder(9), "大米" }, nil, time.Time{}, "wrong-scheme"},
		{"someone else's certificate", func(u *Use) { u.Holder = holder(5) }, nil, time.Time{}, "holder-mismatch"},
		{"by name only, wrong", func(u *Use) { u.Holder = certification.Holder{Name: "别家公司"} }, nil, time.Time{}, "holder-mismatch"},
		{"another product", func(u *Use) { u.Product = "南丰蜜桔" }, nil, time.Time{}, "product-mismatch"},
		{"number not shown", func(u *Use) { u.NumberShown = false }, nil, time.Time{}, "number-not-shown"},
		{"certification mark in a standard", func(u *Use) { u.Medium = StandardText }, nil, time.Time{}, "wrong-medium"},
		{"stretched", func(u *Use) { u.ScaleX = 0.6 }, nil, time.Time{}, "distorted"},
		{"wrong colour", func(u *Use) { u.Colours = []string{"#FF0000"} }, &green, time.Time{}, "wrong-colour"},
		{"traditional name", func(u *Use) { u.BrandText = "江西綠色生態" }, nil, time.Time{}, "look-alike-name"},
		{"spaced-out name", func(u *Use) { u.BrandText = "江 西 绿 色 生 态" }, nil, time.Time{}, "look-alike-name"},
		{"dotted name", func(u *Use) { u.BrandText = "江西·绿色·生态" }, nil, time.Time{}, "look-alike-name"},
		{"radical forms", func(u *Use) { u.BrandText = "江西绿⾊⽣态" }, nil, time.Time{}, "look-alike-name"},
		{"no kind", func(u *Use) { u.Kind = 0 }, nil, time.Time{}, "no-kind"},
	} {
		u := goodUse()
		tc.change(&u)
		v := Checker{Spec: tc.spec}.Check(u, r, tc.at)
		assert.False(t, v.Allowed, tc.name)
		if tc.code != "" {
			assert.True(t, v.Has(tc.code), "%s: %+v", tc.name, v.Violations)
		}
		for _, x := range v.Violations {
			zh, en := x.Message(language.Chinese), x.Message(language.English)
			assert.NotContains(t, zh+en, "%!", tc.name)
			assert.NotEqual(t, zh, en, tc.name)
		}
	}
	u := goodUse()
	u.Certificate, u.Holder, u.Product, u.At = "JXGE-SYN-002", holder(2), "狗牯脑茶", day(2026, 7, 1)
	v := Check(u, r, time.Time{})
	require.True(t, v.Has("certificate-not-valid"))
	assert.Equal(t, "证书 JXGE-SYN-002 在使用时的状态为“暂停”", v.Violations[0].Message(language.Chinese))
	assert.Equal(t, "certificate JXGE-SYN-002 was suspended at the time of use", v.Violations[0].Message(language.English))

	u = goodUse()
	u.Colours = []string{"#ffffff", "#1A7F3C"}
	assert.True(t, Checker{Spec: &green}.Check(u, r, time.Time{}).Allowed, "monochrome and palette colours pass")
	assert.True(t, Check(u, nil, time.Time{}).Has("unknown-certificate"), "no lookup, nothing known")
}

func TestCheckStandardMark(t *testing.T) {
	t.Parallel()
	u := Use{Kind: StandardMark, Standard: standard.MustParse("T/JGE 0039-2023"), Medium: StandardText, At: day(2026, 1, 1)}
	assert.True(t, Check(u, nil, time.Time{}).Allowed)
	u.Standard = standard.MustParse("T/JGE 9999-2023")
	assert.True(t, Check(u, nil, time.Time{}).Has("standard-not-evaluated"))
	u.Standard = standard.Number{}
	assert.True(t, Check(u, nil, time.Time{}).Has("no-standard"))
	u.Standard = standard.MustParse("T/JGE 0039-2023")
	u.Medium = Packaging
	assert.True(t, Check(u, nil, time.Time{}).Has("wrong-medium"), "a standard mark certifies no product")
}

func TestLooksLikeBrandName(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"江西绿色生态", "江西綠色生態", "江西緑色生態", "江 西 绿 色 生 态", "江西　绿色生态", "江西-绿色-生态", "“江西绿色生态”"} {
		assert.True(t, LooksLikeBrandName(s), s)
	}
	for _, s := range []string{"江西绿色", "江西绿色生态产品", "浙江制造", "", "jiangxi green"} {
		assert.False(t, LooksLikeBrandName(s), s)
	}
}

func inspectors() []Inspector {
	var out []Inspector
	for i := 1; i <= 6; i++ {
		out = append(out, Inspector{ID: fmt.Sprintf("INS-%02d", i), Name: fmt.Sprintf("检查员%d（合成）", i)})
	}
	return out
}

func TestDraw(t *testing.T) {
	t.Parallel()
	var hs []certification.Holder
	for i := 1; i <= 20; i++ {
		hs = append(hs, holder(i))
	}
	ins := inspectors()
	ins[0].Excluded = []creditcode.Code{holder(1).Code, holder(2).Code, holder(3).Code}
	p, err := Draw("2026-11-25 县市场监管局公开随机种子", hs, ins, 5, 2)
	require.NoError(t, err)
	require.Len(t, p.Assignments, 5)
	seen := map[creditcode.Code]bool{}
	for _, a := range p.Assignments {
		assert.False(t, seen[a.Holder.Code], "a holder is drawn once")
		seen[a.Holder.Code] = true
		require.Len(t, a.Inspectors, 2)
		assert.NotEqual(t, a.Inspectors[0], a.Inspectors[1])
		if a.Holder.Code == holder(1).Code || a.Holder.Code == holder(2).Code || a.Holder.Code == holder(3).Code {
			assert.NotContains(t, a.Inspectors, "INS-01", "exclusion honoured")
		}
	}

	// Anyone can re-run it: same seed, same lists in another order.
	rev := slices.Clone(hs)
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	insRev := []Inspector{ins[5], ins[4], ins[3], ins[2], ins[1], ins[0]}
	again, err := Draw("2026-11-25 县市场监管局公开随机种子", rev, insRev, 5, 2)
	require.NoError(t, err)
	assert.Equal(t, p, again)

	other, err := Draw("another seed", hs, ins, 5, 2)
	require.NoError(t, err)
	assert.NotEqual(t, p.Assignments, other.Assignments)
	assert.Equal(t, p.Inputs, other.Inputs)

	fewer, err := Draw("2026-11-25 县市场监管局公开随机种子", hs[:19], ins, 5, 2)
	require.NoError(t, err)
	assert.NotEqual(t, p.Inputs, fewer.Inputs, "the digest binds the lists")
}

func TestDrawFairness(t *testing.T) {
	t.Parallel()
	var hs []certification.Holder
	for i := 0; i < 10; i++ {
		hs = append(hs, holder(i))
	}
	counts := map[creditcode.Code]int{}
	for s := 0; s < 2000; s++ {
		p, err := Draw(fmt.Sprint("seed-", s), hs, inspectors(), 1, 1)
		require.NoError(t, err)
		counts[p.Assignments[0].Holder.Code]++
	}
	for _, h := range hs {
		assert.InDelta(t, 200, counts[h.Code], 60, "every holder has the same chance")
	}
}

func TestDrawErrors(t *testing.T) {
	t.Parallel()
	hs := []certification.Holder{holder(1), holder(2)}
	ins := inspectors()[:2]
	ins[0].Excluded = []creditcode.Code{holder(1).Code}
	for name, call := range map[string]func() error{
		"empty seed":    func() error { _, err := Draw(" ", hs, ins, 1, 1); return err },
		"too many":      func() error { _, err := Draw("s", hs, ins, 3, 1); return err },
		"negative":      func() error { _, err := Draw("s", hs, ins, -1, 1); return err },
		"not eligible":  func() error { _, err := Draw("s", hs, ins, 2, 2); return err },
		"no inspectors": func() error { _, err := Draw("s", hs, nil, 1, 1); return err },
	} {
		assert.ErrorIs(t, call(), ErrDraw, name)
	}
}

func TestInfringementPublish(t *testing.T) {
	t.Parallel()
	rec := Infringement{
		Offence: Forgery, Party: holder(7), Certificate: "JXGE-SYN-777", Product: "金溪蜜梨",
		Facts: "在包装上印制伪造的“江西绿色生态”认证标志（合成样例）", Decided: day(2026, 9, 1),
		Authority: "某县市场监督管理局（合成样例）", Decision: "合成〔2026〕1号", Region: "361000", CrossRegion: true,
	}
	b, err := rec.Publish()
	require.NoError(t, err)
	var got map[string]any
	require.NoError(t, json.Unmarshal(b, &got))
	assert.Equal(t, "forgery", got["offence"])
	assert.Equal(t, "伪造", got["offence_name"])
	assert.Equal(t, string(holder(7).Code), got["credit_code"])
	assert.Equal(t, "2026-09-01", got["decided"])
	assert.Equal(t, "江西绿色生态", got["brand"])

	_, err = Infringement{Offence: Sale}.Publish()
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrRecord)
	for _, f := range []string{"party.name", "party.credit_code", "facts", "decided", "authority", "decision"} {
		assert.Contains(t, err.Error(), f)
	}
	var o Offence
	require.NoError(t, o.UnmarshalText([]byte("变造")))
	assert.Equal(t, Alteration, o)
	assert.Equal(t, "misuse", Misuse.Localize(language.English))
}

func TestPackedCreditCodesRoundTrip(t *testing.T) {
	t.Parallel()
	for i := 0; i < 3000; i++ {
		first := fmt.Sprintf("%c%c%06d%09d", creditcode.Alphabet[i%31], creditcode.Alphabet[(i/31)%31], i%999999, i*7919)
		code, err := creditcode.Complete(first[:17])
		require.NoError(t, err)
		back, ok := unpack(appendPacked(nil, code))
		require.True(t, ok)
		require.Equal(t, code, back)
	}
	_, ok := unpack([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xf8})
	assert.False(t, ok, "a 5-bit value of 31 is no character")
	_, ok = unpack(append(appendPacked(nil, holder(1).Code)[:10], 0x01))
	assert.False(t, ok, "padding bits must be zero")
}

func TestCheckQuotedBrandNameIsNotLookAlike(t *testing.T) {
	t.Parallel()
	r := registry(t)
	for _, name := range []string{
		"江西绿色生态", "“江西绿色生态”", "「江西绿色生态」", "《江西绿色生态》", `"江西绿色生态"`, "『江西绿色生态』",
		"江西绿色生态®", "江西绿色生态™", " 江西绿色生态 ", "\u3000江西绿色生态\n", "“江西绿色生态”®", "“江西绿色生态®”",
		" 《江西绿色生态》™ ",
	} {
		u := goodUse()
		u.BrandText = name
		v := Check(u, r, time.Time{})
		assert.True(t, v.Allowed, "%q: %+v", name, v.Violations)
		assert.True(t, IsBrandName(name), "%q", name)
	}
	for _, name := range []string{
		"“江西綠色生態”", "《江西绿色生态", "江西绿色生态》", "“江西绿色生态》", "®江西绿色生态", "江西 绿色生态", "“”江西绿色生态",
		"江西绿色生态\u200b", "“江西绿色生态”产品", "江西绿色生态江西绿色生态",
	} {
		assert.False(t, IsBrandName(name), "%q", name)
	}
	// A quoted look-alike is still a look-alike.
	u := goodUse()
	u.BrandText = "“江西綠色生態”®"
	assert.True(t, Check(u, r, time.Time{}).Has("look-alike-name"))
}

func TestCheckConfusableSubstitution(t *testing.T) {
	t.Parallel()
	r := registry(t)
	for _, name := range []string{
		"江酉绿色生态", "江西録色生态", "江西绿色土态", "汪西绿色生态", "江⻄绿色生态", "江覀绿色生态", "江西錄色生態",
		"江酉録色土态", "“江酉绿色生态”", "江 酉 绿 色 生 态", "江西淥色生态", "江西氯色生态",
		// Traditional forms, full width and spacing, as before.
		"江西綠色生態", "江西緑色生態", "江西绿⾊⽣态", "江西·绿色·生态",
	} {
		u := goodUse()
		u.BrandText = name
		v := Check(u, r, time.Time{})
		assert.True(t, v.Has("look-alike-name"), "%q: %+v", name, v.Violations)
		assert.False(t, v.Allowed, name)
	}
	for _, name := range []string{"江西绿色", "江西绿色生态产品", "浙江制造", "酉", "江酉", "赣南脐橙", "江西红色生态"} {
		u := goodUse()
		u.BrandText = name
		assert.False(t, Check(u, r, time.Time{}).Has("look-alike-name"), name)
	}
}

func TestConfusablesTableIsSourced(t *testing.T) {
	t.Parallel()
	table := Confusables()
	require.NotEmpty(t, table)
	kinds := map[string]bool{}
	for i, c := range table {
		assert.Contains(t, BrandName, string(c.To), "%c", c.From)
		assert.NotContains(t, BrandName, string(c.From), "%c is a character of the name itself", c.From)
		if c.Kind == "visual" {
			assert.Empty(t, c.Source, "%c", c.From)
			assert.NotEmpty(t, c.Judgement, "%c", c.From)
		} else {
			_, err := source.Resolve(c.Source)
			assert.NoError(t, err, "%c: the source must cite the register", c.From)
			assert.Empty(t, c.Judgement, "%c", c.From)
		}
		if i > 0 {
			assert.Less(t, table[i-1].From, c.From, "sorted, no duplicates")
		}
		kinds[c.Kind] = true
		// Each entry alone turns the name into a look-alike.
		name := strings.Replace(BrandName, string(c.To), string(c.From), 1)
		assert.True(t, LooksLikeBrandName(name), name)
		assert.False(t, IsBrandName(name), name)
	}
	for k := range kinds {
		assert.Contains(t, []string{"traditional", "variant", "radical", "visual"}, k)
	}
	// The issue's examples are in the table.
	for _, want := range [][2]rune{{'酉', '西'}, {'録', '绿'}, {'土', '生'}} {
		i := slices.IndexFunc(table, func(c Confusable) bool { return c.From == want[0] })
		require.GreaterOrEqual(t, i, 0, "%c", want[0])
		assert.Equal(t, want[1], table[i].To)
	}
}

func TestDrawDuplicateIDsRefused(t *testing.T) {
	t.Parallel()
	hs := []certification.Holder{holder(1), holder(2), holder(3)}
	ins := inspectors()
	for _, tc := range []struct {
		name string
		hs   []certification.Holder
		ins  []Inspector
		list string
		id   string
	}{
		{"same holder twice", append(slices.Clone(hs), holder(2)), ins, "holder", string(holder(2).Code)},
		{"two holders, one code", append(slices.Clone(hs), certification.Holder{Name: "另一家（合成）", Code: holder(1).Code}), ins, "holder", string(holder(1).Code)},
		{"holder without code", append(slices.Clone(hs), certification.Holder{Name: "无代码（合成）"}), ins, "holder", ""},
		{"two inspectors, one ID", hs, append(slices.Clone(ins), Inspector{ID: "INS-03", Name: "另一人（合成）", Excluded: []creditcode.Code{holder(1).Code}}), "inspector", "INS-03"},
		{"same inspector twice", hs, append(slices.Clone(ins), ins[0]), "inspector", "INS-01"},
		{"inspector without ID", hs, append(slices.Clone(ins), Inspector{Name: "无编号（合成）"}), "inspector", ""},
	} {
		_, err := Draw("seed", tc.hs, tc.ins, 2, 1)
		require.ErrorIs(t, err, ErrDuplicateID, tc.name)
		assert.ErrorIs(t, err, ErrDraw, tc.name)
		var de *DuplicateError
		require.ErrorAs(t, err, &de, tc.name)
		assert.Equal(t, tc.list, de.List, tc.name)
		assert.Equal(t, tc.id, de.ID, tc.name)
		zh, en := i18n.Error(err, language.Chinese), i18n.Error(err, language.English)
		assert.NotEqual(t, zh, en, tc.name)
		assert.NotContains(t, zh+en, "%!", tc.name)
		if tc.id != "" {
			assert.Contains(t, zh, tc.id, tc.name)
		}
	}
	_, err := Draw("seed", append(slices.Clone(hs), holder(2)), ins, 2, 1)
	assert.Equal(t, "mark: draw: the holder list names the credit code "+string(holder(2).Code)+" more than once: check the list first", err.Error())
}

// TestDrawIndependentOfInputOrder shuffles the lists many times: the plan
// never changes.
func TestDrawIndependentOfInputOrder(t *testing.T) {
	t.Parallel()
	var hs []certification.Holder
	for i := 1; i <= 12; i++ {
		hs = append(hs, holder(i))
	}
	ins := inspectors()
	ins[2].Excluded = []creditcode.Code{holder(3).Code, holder(1).Code, holder(3).Code}
	want, err := Draw("order", hs, ins, 6, 2)
	require.NoError(t, err)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 200; i++ {
		h2, i2 := slices.Clone(hs), slices.Clone(ins)
		rng.Shuffle(len(h2), func(a, b int) { h2[a], h2[b] = h2[b], h2[a] })
		rng.Shuffle(len(i2), func(a, b int) { i2[a], i2[b] = i2[b], i2[a] })
		i2[2].Excluded = slices.Clone(i2[2].Excluded)
		slices.Reverse(i2[2].Excluded)
		got, err := Draw("order", h2, i2, 6, 2)
		require.NoError(t, err)
		require.Equal(t, want, got, "shuffle %d", i)
	}
}

// FuzzBrandName: the name checks never panic; the brand name written as
// policy texts write it always reads as the brand name and is never an
// imitation; a text that reads as the name without holding it is one; and
// Check flags exactly the imitations.
func FuzzBrandName(f *testing.F) {
	for _, s := range []string{"江西绿色生态", "“江西绿色生态”®", " 《江西绿色生态》 ", "江酉绿色生态", "江西綠色生態", "“", "®", "\"\"", "''江西绿色生态''", "\xff", "",
		"【江西绿色生态】。", "江西绿色生态 Jiangxi Green", "江酉绿色生态认证", "江西纟录色生态", "江西绿色生态\u200b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		is, looks, imitates := IsBrandName(s), LooksLikeBrandName(s), ImitatesBrandName(s)
		if is && !looks {
			t.Fatalf("%q is the brand name but does not read as it", s)
		}
		if is && imitates {
			t.Fatalf("%q is the brand name but is reported as imitating it", s)
		}
		if looks && !strings.Contains(s, BrandName) && !imitates {
			t.Fatalf("%q reads as the brand name without holding it, yet is not an imitation", s)
		}
		u := goodUse()
		u.BrandText = s
		v := Check(u, nil, time.Time{})
		if v.Has("look-alike-name") != (s != "" && imitates) {
			t.Fatalf("%q: look-alike %v, imitates %v", s, v.Has("look-alike-name"), imitates)
		}
	})
}

// Forms of 西 and 绿 that the table lacked: 襾 (U+897E, radical 146 itself),
// ⾑ (KANGXI RADICAL WEST, which NFKC turns into 襾, not 西), ⻃ (CJK
// RADICAL WEST ONE) and 渌 (U+6E0C, the simplified form of 淥).
func TestLookAlikeFormsOfWestAndGreen(t *testing.T) {
	t.Parallel()
	r := registry(t)
	require.Equal(t, "襾", norm.NFKC.String("\u2F91"), "NFKC maps ⾑ to 襾")
	for _, name := range []string{
		"江襾绿色生态", "江\u2F91绿色生态", "江\u2EC3绿色生态", "江西渌色生态",
		"江西绿色生态\U000E0100", // a variation selector on the name
		"江西绿色生态\u0301",     // a combining mark on the name
		"\u200d江西绿色生态",     // a joiner before it
	} {
		u := goodUse()
		u.BrandText = name
		v := Check(u, r, time.Time{})
		assert.True(t, v.Has("look-alike-name"), "%q (%U): %+v", name, []rune(name), v.Violations)
		assert.True(t, ImitatesBrandName(name), "%q", name)
	}
}

// The real name in the brackets of shop titles, in parentheses, with a
// full stop, with its English name or with "(R)" is the brand itself.
func TestRealNameInBracketsIsNotLookAlike(t *testing.T) {
	t.Parallel()
	r := registry(t)
	for _, tc := range []struct {
		name string
		is   bool // IsBrandName: the name alone, in its wrapping
	}{
		{"【江西绿色生态】", true},
		{"（江西绿色生态）", true},
		{"(江西绿色生态)", true},
		{"〈江西绿色生态〉", true},
		{"江西绿色生态。", true},
		{"江西绿色生态，", true},
		{"江西绿色生态(R)", true},
		{"江西绿色生态（R）", true},
		{"【江西绿色生态®】。", true},
		{"江西绿色生态 Jiangxi Green", false},
		{"江西绿色生态 Jiangxi Green Ecology", false},
		{"江西绿色生态江西绿色生态", false},
	} {
		u := goodUse()
		u.BrandText = tc.name
		v := Check(u, r, time.Time{})
		assert.False(t, v.Has("look-alike-name"), "%q: %+v", tc.name, v.Violations)
		assert.True(t, v.Allowed, "%q: %+v", tc.name, v.Violations)
		assert.False(t, ImitatesBrandName(tc.name), "%q", tc.name)
		assert.Equal(t, tc.is, IsBrandName(tc.name), "%q", tc.name)
	}
	// The wrappings do not excuse a look-alike.
	for _, name := range []string{"【江酉绿色生态】", "（江西綠色生態）", "江西绿色土态(R)", "江酉绿色生态 Jiangxi Green"} {
		assert.True(t, ImitatesBrandName(name), "%q", name)
		assert.False(t, IsBrandName(name), "%q", name)
	}
}

// A look-alike inside a longer text is flagged: the check slides over the
// text once the real name's occurrences are set aside. The real name inside
// a longer text is not.
func TestLookAlikeInsideLongerText(t *testing.T) {
	t.Parallel()
	r := registry(t)
	for _, name := range []string{
		"江酉绿色生态认证", "江酉绿色生态产品", "江西綠色生態认证产品", "本产品获江酉绿色生态认证",
		"江西绿色生态与江酉绿色生态", "江酉绿色生态江西绿色生态", "有机大米【江 西 绿 色 生 态】", "金溪蜜梨 江西·绿色·生态 认证",
	} {
		u := goodUse()
		u.BrandText = name
		v := Check(u, r, time.Time{})
		assert.True(t, v.Has("look-alike-name"), "%q: %+v", name, v.Violations)
	}
	for _, name := range []string{
		"江西绿色生态认证", "本产品获江西绿色生态认证", "江西绿色生态产品", "“江西绿色生态”认证产品",
		"江西绿色生态农业", "赣南脐橙", "江西省绿色食品", "绿色生态江西",
	} {
		u := goodUse()
		u.BrandText = name
		v := Check(u, r, time.Time{})
		assert.False(t, v.Has("look-alike-name"), "%q: %+v", name, v.Violations)
	}
}

// Draw reads credit codes as ParseCreditCode does: one enterprise under two
// spellings is one holder (a duplicate), an exclusion written in lower
// case or with a space still excludes, and a code that does not parse is
// refused.
func TestDrawComparesCanonicalCreditCodes(t *testing.T) {
	t.Parallel()
	h := holder(1)
	lower := certification.Holder{Name: h.Name, Code: creditcode.Code(strings.ToLower(string(h.Code)))}
	spaced := creditcode.Code(string(h.Code[:9]) + " " + string(h.Code[9:]))

	_, err := Draw("seed", []certification.Holder{h, lower}, inspectors(), 2, 1)
	var de *DuplicateError
	require.ErrorAs(t, err, &de, "one enterprise in two spellings")
	assert.Equal(t, string(h.Code), de.ID)

	for _, excl := range []creditcode.Code{creditcode.Code(strings.ToLower(string(h.Code))), spaced} {
		ins := []Inspector{{ID: "I-1", Name: "合成甲", Excluded: []creditcode.Code{excl}}, {ID: "I-2", Name: "合成乙"}}
		for seed := 0; seed < 20; seed++ {
			plan, err := Draw(fmt.Sprint("seed", seed), []certification.Holder{h}, ins, 1, 1)
			require.NoError(t, err)
			assert.Equal(t, []string{"I-2"}, plan.Assignments[0].Inspectors, "exclusion spelled %q", excl)
		}
		// With the excluded inspector alone, nobody is eligible.
		_, err := Draw("seed", []certification.Holder{h}, ins[:1], 1, 1)
		var dr *DrawError
		require.ErrorAs(t, err, &dr, "exclusion spelled %q", excl)
		assert.Equal(t, "inspectors", dr.Reason)
	}

	// The plan names the holder by its canonical code, and the same lists
	// in other spellings make the same plan.
	a, err := Draw("seed", []certification.Holder{lower, holder(2)}, inspectors(), 2, 1)
	require.NoError(t, err)
	b, err := Draw("seed", []certification.Holder{h, holder(2)}, inspectors(), 2, 1)
	require.NoError(t, err)
	assert.Equal(t, b, a)
	for _, x := range a.Assignments {
		assert.True(t, x.Holder.Code.Valid(), "%q", x.Holder.Code)
	}

	for _, code := range []creditcode.Code{"x", " ", "\x00", h.Code[:17], h.Code + "0", "91360700MA3000001Y"} {
		hs := []certification.Holder{holder(2), {Name: "甲（合成）", Code: code}}
		_, err := Draw("seed", hs, inspectors(), 1, 1)
		require.ErrorIs(t, err, ErrDraw, "%q", code)
		var dr *DrawError
		var dup *DuplicateError
		if errors.As(err, &dup) {
			assert.Empty(t, dup.ID, "%q", code) // only an empty code is a DuplicateError
			continue
		}
		require.ErrorAs(t, err, &dr, "%q", code)
		assert.Equal(t, "holder-code", dr.Reason, "%q", code)
		ins := append(inspectors(), Inspector{ID: "I-X", Excluded: []creditcode.Code{code}})
		_, err = Draw("seed", []certification.Holder{h}, ins, 1, 1)
		require.ErrorAs(t, err, &dr, "%q", code)
		assert.Equal(t, "exclusion-code", dr.Reason, "%q", code)
		assert.Equal(t, "I-X", dr.Inspector)
	}
}

// Each refusal of Draw states its own cause, in Chinese and English, and
// names the holder that lacks eligible inspectors in both.
func TestDrawMessagesStateTheCause(t *testing.T) {
	t.Parallel()
	h := holder(1)
	for _, tc := range []struct {
		seed       string
		hs         []certification.Holder
		count, per int
		reason     string
		zh, en     string
	}{
		{"", []certification.Holder{h}, 1, 1, "seed", "种子为空", "seed is empty"},
		{" ", []certification.Holder{h}, 1, 1, "seed", "种子为空", "seed is empty"},
		{"seed", []certification.Holder{h}, -1, 1, "count", "负数", "negative"},
		{"seed", []certification.Holder{h}, 1, -2, "count", "负数", "negative"},
		{"seed", []certification.Holder{h}, 2, 1, "holders", "只有 1 个", "only 1"},
		{"seed", []certification.Holder{h}, 1, 99, "inspectors", string(h.Code), string(h.Code)},
		{"seed", []certification.Holder{{Name: "甲", Code: "x"}}, 1, 1, "holder-code", `"x"`, `"x"`},
	} {
		_, err := Draw(tc.seed, tc.hs, inspectors(), tc.count, tc.per)
		require.ErrorIs(t, err, ErrDraw, "%+v", tc)
		var dr *DrawError
		require.ErrorAs(t, err, &dr, "%+v", tc)
		assert.Equal(t, tc.reason, dr.Reason)
		zh, en := i18n.Error(err, language.Chinese), i18n.Error(err, language.English)
		assert.Contains(t, zh, tc.zh, "%+v", tc)
		assert.Contains(t, en, tc.en, "%+v", tc)
		assert.NotContains(t, zh+en, "%!", "%+v", tc)
		assert.Equal(t, "mark: draw: "+en, err.Error())
		if tc.reason != "holders" && tc.reason != "inspectors" {
			assert.NotContains(t, en, "not enough", "%+v", tc)
		}
	}
}

// The label's certificate number must be the register's number as the
// register matches numbers: "JXGE-ſYN-001" (long s) is not
// "JXGE-SYN-001", even for a Lookup that folds more than the Registry;
// the number in lower case or full width is the same number.
func TestCheckComparesNumberShownWithRegister(t *testing.T) {
	t.Parallel()
	r := registry(t)
	c, ok := r.Certificate("JXGE-SYN-001")
	require.True(t, ok)
	_, ok = r.Certificate("JXGE-ſYN-001")
	require.False(t, ok, "the registry does not fold ſ")
	loose := oneCertificate{c} // finds c under any number
	for _, tc := range []struct {
		shown string
		ok    bool
	}{
		{"JXGE-SYN-001", true},
		{"jxge-syn-001", true},
		{"ＪＸＧＥ－ＳＹＮ－００１", true},
		{"JXGE-ſYN-001", false},
		{"JXGE-SYN-0O1", false},
		{"JXGE-SYN-001\u200b", false},
	} {
		u := goodUse()
		u.Certificate = tc.shown
		v := Check(u, r, time.Time{})
		assert.Equal(t, tc.ok, v.Allowed, "%q with the registry: %+v", tc.shown, v.Violations)
		v = Check(u, loose, time.Time{})
		assert.Equal(t, tc.ok, v.Allowed, "%q with a loose lookup: %+v", tc.shown, v.Violations)
		assert.Equal(t, !tc.ok, v.Has("number-mismatch"), "%q", tc.shown)
	}
}

// The user's credit code is compared in canonical form: the holder's own
// code in lower case or with spaces is the holder.
func TestCheckComparesCanonicalHolderCodes(t *testing.T) {
	t.Parallel()
	r := registry(t)
	code := string(holder(1).Code)
	for _, tc := range []struct {
		code     string
		mismatch bool
	}{
		{code, false},
		{strings.ToLower(code), false},
		{code[:6] + " " + code[6:], false},
		{string(holder(2).Code), true},
		{"not a code", true},
	} {
		u := goodUse()
		u.Holder.Code = creditcode.Code(tc.code)
		v := Check(u, r, time.Time{})
		assert.Equal(t, tc.mismatch, v.Has("holder-mismatch"), "%q: %+v", tc.code, v.Violations)
	}
}

// Check with no time at all (at and u.At zero) does not judge the
// certificate "at year 1": it reports "no-time", in both languages.
func TestCheckWithoutTimeReportsNoTime(t *testing.T) {
	t.Parallel()
	u := goodUse()
	u.At = time.Time{}
	v := Check(u, registry(t), time.Time{})
	assert.False(t, v.Allowed)
	assert.True(t, v.Has("no-time"), "%+v", v.Violations)
	assert.False(t, v.Has("certificate-not-valid"), "a missing time is not the certificate's status")
	for _, x := range v.Violations {
		assert.NotEqual(t, x.Message(language.Chinese), x.Message(language.English))
	}
	// Either time is enough.
	assert.True(t, Check(u, registry(t), day(2026, 3, 1)).Allowed)
	u.At = day(2026, 3, 1)
	assert.True(t, Check(u, registry(t), time.Time{}).Allowed)
}

// Publish prints the decision date as the day in China time: the same
// instant given in any zone publishes the same record.
func TestPublishDatesInChinaTime(t *testing.T) {
	t.Parallel()
	decided := time.Date(2026, 3, 1, 0, 0, 0, 0, brand.ChinaTime())
	rec := Infringement{Offence: Forgery, Party: holder(1), Facts: "合成", Authority: "合成局", Decision: "合成〔2026〕1号"}
	var first string
	for _, at := range []time.Time{decided, decided.UTC(), decided.In(time.FixedZone("UTC-10", -10*3600))} {
		rec.Decided = at
		b, err := rec.Publish()
		require.NoError(t, err)
		var got map[string]any
		require.NoError(t, json.Unmarshal(b, &got))
		assert.Equal(t, "2026-03-01", got["decided"], "%v", at)
		if first == "" {
			first = string(b)
		}
		assert.Equal(t, first, string(b))
	}
}

// 绿 written as its two components side by side (纟录, 糸彔, …) reads as 绿:
// "江西纟录色生态" imitates the name; the components elsewhere do not.
func TestSplitComponentsAreLookAlike(t *testing.T) {
	t.Parallel()
	r := registry(t)
	for _, name := range []string{"江西纟录色生态", "江西糸彔色生态", "江西糹录色生态认证", "江 西 纟 录 色 生 态", "江西\u2F77录色生态"} {
		u := goodUse()
		u.BrandText = name
		assert.True(t, Check(u, r, time.Time{}).Has("look-alike-name"), "%q", name)
		assert.True(t, LooksLikeBrandName(strings.TrimSuffix(name, "认证")), "%q", name)
	}
	for _, name := range []string{"纟录", "记录江西绿色生态", "江西纟色生态", "江西录色生态"} {
		assert.False(t, ImitatesBrandName(name), "%q", name)
	}
	// Every entry of the components table, alone, makes a look-alike.
	for pair, to := range components {
		name := strings.Replace(BrandName, string(to), string(pair[:]), 1)
		assert.True(t, ImitatesBrandName(name), "%q", name)
	}
}

// FuzzDrawIndependentOfInputOrder: whatever the codes, IDs and counts,
// Draw does not panic and swapping list entries changes nothing.
func FuzzDrawIndependentOfInputOrder(f *testing.F) {
	f.Add("seed", "91360700MA3000001X", "I-1", "91360700MA3000001X", 1, 1)
	f.Fuzz(func(t *testing.T, seed, code, id, excl string, count, per int) {
		if count > 1000 || per > 1000 {
			return
		}
		hs := []certification.Holder{holder(1), {Name: "x", Code: creditcode.Code(code)}}
		ins := append(inspectors(), Inspector{ID: id, Excluded: []creditcode.Code{creditcode.Code(excl)}})
		p1, err1 := Draw(seed, hs, ins, count, per)
		hs[0], hs[1] = hs[1], hs[0]
		ins[0], ins[len(ins)-1] = ins[len(ins)-1], ins[0]
		p2, err2 := Draw(seed, hs, ins, count, per)
		if (err1 == nil) != (err2 == nil) || fmt.Sprint(p1) != fmt.Sprint(p2) {
			t.Fatalf("order matters: %v / %v", err1, err2)
		}
	})
}

// FuzzCheckSpeaksBothLanguages: Check does not panic and every violation
// has a Chinese and an English message.
func FuzzCheckSpeaksBothLanguages(f *testing.F) {
	f.Add("JXGE-SYN-001", "江西绿色生态", "金溪蜜梨", "91360700MA3000001X", 1.0, 1.0, int64(0))
	r := registry(f)
	f.Fuzz(func(t *testing.T, number, brandText, product, code string, sx, sy float64, sec int64) {
		u := goodUse()
		u.Certificate, u.BrandText, u.Product, u.Holder.Code, u.ScaleX, u.ScaleY = number, brandText, product, creditcode.Code(code), sx, sy
		v := Checker{Spec: &Spec{Tolerance: 0.02, Palette: []string{"#1A7F3C"}}}.Check(u, r, time.Unix(sec, 0))
		for _, x := range v.Violations {
			if x.Message(language.Chinese) == x.Message(language.English) {
				t.Fatalf("one language: %v", x)
			}
		}
	})
}

// Invisible, combining and compatibility characters inside the name make a
// look-alike; the real name in 《》, “”, with ® or ™, or in a sentence does
// not.
func TestHiddenCharactersMakeLookAlikes(t *testing.T) {
	for _, name := range []string{"江\u200d酉绿色生态", "江西\ufe0f绿色生态", "江西\u0301绿色生态", "江西綠色生態", "江西\uf93d色生态", "江西绿色生态\u200b", "江 西 绿 色 生 态", "Ｊ江西绿色生态"} {
		assert.True(t, LooksLikeBrandName(name) && !IsBrandName(name), "%q", name)
	}
	for _, name := range []string{"本产品获江西绿色生态认证", "《江西绿色生态》", "江西绿色生态®", "“江西绿色生态”™"} {
		u := goodUse()
		u.BrandText = name
		assert.False(t, Check(u, nil, time.Time{}).Has("look-alike-name"), "%q", name)
	}
}

func BenchmarkImitatesBrandName(b *testing.B) {
	for _, s := range []string{"江西绿色生态", "【江西绿色生态】", "本产品获江酉绿色生态认证，产地江西省抚州市金溪县（合成样例）"} {
		b.Run(s, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ImitatesBrandName(s)
			}
		})
	}
}

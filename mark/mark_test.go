package mark

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/brand/source"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/standard"
)

func day(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, brand.ChinaTime)
}

// holder returns a synthetic holder; name and code belong to no real
// organisation.
func holder(i int) certification.Holder {
	code, err := certification.CompleteCreditCode(fmt.Sprintf("91360700MA3%06d", i))
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
		c, err := certification.GreenEcologyRules.Issue(certification.Application{
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
		code   string
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
	ins[0].Excluded = []certification.CreditCode{holder(1).Code, holder(2).Code, holder(3).Code}
	p, err := Draw("2026-11-25 县市场监管局公开随机种子", hs, ins, 5, 2)
	require.NoError(t, err)
	require.Len(t, p.Assignments, 5)
	seen := map[certification.CreditCode]bool{}
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
	counts := map[certification.CreditCode]int{}
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
	ins[0].Excluded = []certification.CreditCode{holder(1).Code}
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
		first := fmt.Sprintf("%c%c%06d%09d", creditAlphabet[i%31], creditAlphabet[(i/31)%31], i%999999, i*7919)
		code, err := certification.CompleteCreditCode(first[:17])
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
		{"two inspectors, one ID", hs, append(slices.Clone(ins), Inspector{ID: "INS-03", Name: "另一人（合成）", Excluded: []certification.CreditCode{holder(1).Code}}), "inspector", "INS-03"},
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
	ins[2].Excluded = []certification.CreditCode{holder(3).Code, holder(1).Code, holder(3).Code}
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

// FuzzBrandName: the name checks never panic, and the brand name written
// as policy texts write it always reads as the brand name.
func FuzzBrandName(f *testing.F) {
	for _, s := range []string{"江西绿色生态", "“江西绿色生态”®", " 《江西绿色生态》 ", "江酉绿色生态", "江西綠色生態", "“", "®", "\"\"", "''江西绿色生态''", "\xff", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		is, looks := IsBrandName(s), LooksLikeBrandName(s)
		if is && !looks {
			t.Fatalf("%q is the brand name but does not read as it", s)
		}
		u := goodUse()
		u.BrandText = s
		v := Check(u, nil, time.Time{})
		if v.Has("look-alike-name") != (looks && !is) {
			t.Fatalf("%q: look-alike %v, is %v, looks %v", s, v.Has("look-alike-name"), is, looks)
		}
	})
}

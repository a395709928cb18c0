package mark

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"

	"github.com/jxgreen/jxgreen/brand"
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
		assert.True(t, looksLikeBrandName(s), s)
	}
	for _, s := range []string{"江西绿色", "江西绿色生态产品", "浙江制造", "", "jiangxi green"} {
		assert.False(t, looksLikeBrandName(s), s)
	}
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
		assert.True(t, isBrandName(name), "%q", name)
	}
	for _, name := range []string{
		"“江西綠色生態”", "《江西绿色生态", "江西绿色生态》", "“江西绿色生态》", "®江西绿色生态", "江西 绿色生态", "“”江西绿色生态",
		"江西绿色生态\u200b", "“江西绿色生态”产品", "江西绿色生态江西绿色生态",
	} {
		assert.False(t, isBrandName(name), "%q", name)
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
	table := confusableTable()
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
		assert.True(t, looksLikeBrandName(name), name)
		assert.False(t, isBrandName(name), name)
	}
	for k := range kinds {
		assert.Contains(t, []string{"traditional", "variant", "radical", "visual"}, k)
	}
	// The issue's examples are in the table.
	for _, want := range [][2]rune{{'酉', '西'}, {'録', '绿'}, {'土', '生'}} {
		i := slices.IndexFunc(table, func(c confusable) bool { return c.From == want[0] })
		require.GreaterOrEqual(t, i, 0, "%c", want[0])
		assert.Equal(t, want[1], table[i].To)
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
		is, looks, imitates := isBrandName(s), looksLikeBrandName(s), imitatesBrandName(s)
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
		assert.True(t, imitatesBrandName(name), "%q", name)
	}
}

// The real name in the brackets of shop titles, in parentheses, with a
// full stop, with its English name or with "(R)" is the brand itself.
func TestRealNameInBracketsIsNotLookAlike(t *testing.T) {
	t.Parallel()
	r := registry(t)
	for _, tc := range []struct {
		name string
		is   bool // isBrandName: the name alone, in its wrapping
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
		assert.False(t, imitatesBrandName(tc.name), "%q", tc.name)
		assert.Equal(t, tc.is, isBrandName(tc.name), "%q", tc.name)
	}
	// The wrappings do not excuse a look-alike.
	for _, name := range []string{"【江酉绿色生态】", "（江西綠色生態）", "江西绿色土态(R)", "江酉绿色生态 Jiangxi Green"} {
		assert.True(t, imitatesBrandName(name), "%q", name)
		assert.False(t, isBrandName(name), "%q", name)
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

// 绿 written as its two components side by side (纟录, 糸彔, …) reads as 绿:
// "江西纟录色生态" imitates the name; the components elsewhere do not.
func TestSplitComponentsAreLookAlike(t *testing.T) {
	t.Parallel()
	r := registry(t)
	for _, name := range []string{"江西纟录色生态", "江西糸彔色生态", "江西糹录色生态认证", "江 西 纟 录 色 生 态", "江西\u2F77录色生态"} {
		u := goodUse()
		u.BrandText = name
		assert.True(t, Check(u, r, time.Time{}).Has("look-alike-name"), "%q", name)
		assert.True(t, looksLikeBrandName(strings.TrimSuffix(name, "认证")), "%q", name)
	}
	for _, name := range []string{"纟录", "记录江西绿色生态", "江西纟色生态", "江西录色生态"} {
		assert.False(t, imitatesBrandName(name), "%q", name)
	}
	// Every entry of the components table, alone, makes a look-alike.
	for pair, to := range components {
		name := strings.Replace(BrandName, string(to), string(pair[:]), 1)
		assert.True(t, imitatesBrandName(name), "%q", name)
	}
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
		assert.True(t, looksLikeBrandName(name) && !isBrandName(name), "%q", name)
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
				imitatesBrandName(s)
			}
		})
	}
}

// TestReadBrandNameSaysWhich: issue 10's one question of a brand text —
// is the name absent, genuine or imitated? — answered by one function,
// and the answer agrees with the rules it merges and with Check.
func TestReadBrandNameSaysWhich(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		text string
		want NameUse
	}{
		{"", NameAbsent},
		{"金溪蜜梨", NameAbsent},
		{"江西绿色", NameAbsent},
		{"浙江制造", NameAbsent},
		{"江西绿色生态", NameGenuine},
		{"“江西绿色生态”", NameGenuine},
		{" 【江西绿色生态】。", NameGenuine},
		{"江西绿色生态(R)", NameGenuine},
		{"本产品获江西绿色生态认证", NameGenuine},
		{"江西绿色生态 Jiangxi Green Ecology", NameGenuine},
		{"江酉绿色生态", NameImitated},
		{"江西綠色生態产品", NameImitated},
		{"江 西 绿 色 生 态", NameImitated},
		{"江西纟录色生态", NameImitated},
		{"江西绿色生态\u200b", NameImitated},
		{"江西绿色生态与江西綠色生態", NameImitated},
	} {
		got := ReadBrandName(tc.text)
		assert.Equal(t, tc.want, got, "%q", tc.text)
		assert.Equal(t, got == NameImitated, imitatesBrandName(tc.text), "%q", tc.text)
		u := goodUse()
		u.BrandText = tc.text
		assert.Equal(t, got == NameImitated, Check(u, registry(t), time.Time{}).Has(ViolationLookAlikeName), "%q", tc.text)
	}
}

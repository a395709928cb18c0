package standard

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/source"
)

func TestCatalogueHoldsTheQAListAndLaterNumbers(t *testing.T) {
	t.Parallel()
	c := Catalogue()
	all := c.All()
	require.Equal(t, 41, c.Len(), "30 from the 2022 Q&A and 11 later standards")
	const qa = "《“江西绿色生态”品牌建设知识问答（2022版）》 附件1 第"
	items := map[string]bool{}
	kinds := map[Kind]int{}
	for _, s := range all {
		assert.True(t, strings.HasPrefix(s.Title, "江西绿色生态 "), s.Title)
		assert.Equal(t, brand.Core(), s.Attributes, s.Title)
		assert.Equal(t, Current, s.Status)
		assert.NotEmpty(t, s.Publisher)
		assert.NotEmpty(t, s.Subject)
		if i := strings.Index(s.Source, qa); i == 0 {
			item := strings.SplitN(s.Source[len(qa):], "项", 2)[0]
			assert.False(t, items[item], "item %s cited twice", item)
			items[item] = true
			kinds[s.Kind]++
		}
		if !s.Number.IsZero() {
			assert.Equal(t, s.Kind, s.Number.Kind(), s.Title)
		}
	}
	assert.Len(t, items, 30, "each item of the Q&A's list once")
	// The Q&A's list: 2 local standards, 28 group standards.
	assert.Equal(t, map[Kind]int{Local: 2, Group: 28}, kinds)
}

// Every source value of the catalogue, its entries' and their bases', cites
// documents of the source register.
func TestCatalogueSourcesResolve(t *testing.T) {
	t.Parallel()
	for _, s := range Catalogue().All() {
		for _, x := range append([]Standard{s}, s.Basis...) {
			_, err := source.Resolve(x.Source)
			assert.NoError(t, err, "%s: %q", x.Title, x.Source)
		}
	}
}

// A number, and a figure of a requirement, appears only where a cited source
// states it: each is found in the register entry of a document the entry
// cites (its number, title or summary).
func TestCatalogueFiguresAppearInTheirSources(t *testing.T) {
	t.Parallel()
	text := func(src string) string {
		cs, err := source.Resolve(src)
		require.NoError(t, err, src)
		var b strings.Builder
		for _, c := range cs {
			d := c.Document
			b.WriteString(d.Ref + " " + d.Number + " " + d.Title + " " + d.About + "\n")
		}
		return b.String()
	}
	for _, s := range Catalogue().All() {
		for _, x := range append([]Standard{s}, s.Basis...) {
			src := text(x.Source)
			if !x.Number.IsZero() {
				assert.Contains(t, src, x.Number.String(), "%s: its number is in none of its sources", x.Title)
			}
			for _, r := range x.Requirements {
				for _, v := range []float64{r.Value, r.Max} {
					if v == 0 {
						continue
					}
					assert.Contains(t, src, strconv.FormatFloat(v, 'f', -1, 64), "%s: %s", x.Title, r)
				}
			}
		}
	}
	// DB36/T 1138's year is public nowhere: no entry carries one.
	for _, s := range Catalogue().All() {
		assert.NotEqual(t, "DB36/T 1138", s.Number.WithoutYear().String(), s.Title)
	}
}

// T/JGE 0023-2022 井冈蜜橘: under 质量引领 its indicator table asks soluble
// solids ≥ 15 and a solids-to-acid ratio of 30–35:1, stricter than GB/T
// 12947-2008 and NY/T 426-2021 (the standard's 引言).
func TestCatalogueT_JGE0023Indicators(t *testing.T) {
	t.Parallel()
	s, ok := Catalogue().Lookup(MustParse("T/JGE 0023-2022"))
	require.True(t, ok)
	assert.Equal(t, "井冈蜜橘", s.Subject)
	ss, ok := s.Requirement("soluble-solids")
	require.True(t, ok)
	assert.Equal(t, brand.QualityLeading, ss.Attribute)
	assert.Equal(t, "可溶性固形物 ≥ 15 %", ss.String())
	ratio, ok := s.Requirement("solids-acid-ratio")
	require.True(t, ok)
	assert.Equal(t, "固酸比 30 ~ 35", ratio.String())
	require.Len(t, s.Basis, 2)
	for _, b := range s.Basis {
		c := Compare(s, b)
		assert.True(t, c.AtLeastAsStrict, "%s against %s", s.Number, b.Number)
		for _, it := range c.Items {
			assert.Equal(t, "stricter", it.Relation.String(), "%s: %s against %s", it.Name, s.Number, b.Number)
		}
	}
	// Only 质量引领 is backed by an indicator the sources give, so the
	// evaluation cannot confirm the positioning on the other three.
	e := Evaluate(s)
	assert.False(t, e.Passed)
	var blocking []string
	for _, f := range e.Findings {
		if f.Severity == Blocking {
			blocking = append(blocking, fmt.Sprint(f.Code, f.Args))
		}
	}
	assert.ElementsMatch(t, []string{
		fmt.Sprint("attribute", []any{brand.ResourceSaving}),
		fmt.Sprint("attribute", []any{brand.EnvironmentalProtection}),
		fmt.Sprint("attribute", []any{brand.EcologicalHarmony}),
	}, blocking, "only the positioning on the three attributes the sources give no indicator for")
}

// Every catalogue entry that names a base standard is, indicator by
// indicator, at least as strict as it: the "stricter than the national or
// industry standard" that 赣标〔2021〕1号 三(二) asks, as the sources report it.
func TestCatalogueEntriesAreAtLeastAsStrictAsTheirBasis(t *testing.T) {
	t.Parallel()
	withBasis := 0
	for _, s := range Catalogue().All() {
		for _, b := range s.Basis {
			withBasis++
			c := Compare(s, b)
			assert.True(t, c.AtLeastAsStrict, "%s against %s", s.Label(), b.Number)
			assert.NotEmpty(t, c.Items, "%s against %s: no indicator compared", s.Label(), b.Number)
		}
	}
	// 0023 (two bases), 0039, 0040, 0067, 0138.
	assert.Equal(t, 6, withBasis)
}

// DB36/T 1491-2021 is the number of the Q&A's 江西绿色生态 家庭农场, and
// DB36/T 1490-2021 that of its 农民专业合作社 (中国质量新闻网 2021-12-28).
func TestCatalogueDB36T1491FamilyFarm(t *testing.T) {
	t.Parallel()
	c := Catalogue()
	for n, subject := range map[string]string{"DB36/T 1491-2021": "家庭农场", "DB36/T 1490-2021": "农民专业合作社"} {
		s, ok := c.Lookup(MustParse(n))
		require.True(t, ok, n)
		assert.Equal(t, subject, s.Subject)
		assert.Equal(t, Local, s.Kind)
		assert.Contains(t, s.Source, "附件1", n)
	}
	found := c.Find("家庭农场")
	require.Len(t, found, 1)
	assert.Equal(t, "DB36/T 1491-2021", found[0].Number.String())
}

func TestCatalogueIsPinyinOrdered(t *testing.T) {
	t.Parallel()
	var subjects []string
	for _, s := range Catalogue().All() {
		subjects = append(subjects, s.Subject)
	}
	// a few fixed points of the pinyin order
	index := func(s string) int {
		for i, x := range subjects {
			if x == s {
				return i
			}
		}
		t.Fatalf("%s not in the catalogue", s)
		return -1
	}
	order := []string{"安福金兰柚", "饼干", "蚕桑研学旅行", "茶叶", "稻米", "赣南脐橙", "金溪蜜梨", "农民专业合作社", "油茶籽油", "竹筷"}
	for i := 1; i < len(order); i++ {
		assert.Less(t, index(order[i-1]), index(order[i]), "%s before %s", order[i-1], order[i])
	}
}

func TestCatalogueFind(t *testing.T) {
	t.Parallel()
	c := Catalogue()
	for q, want := range map[string][]string{
		"赣南脐橙": {"赣南脐橙"},
		"《江西绿色生态　赣南脐橙》":   {"赣南脐橙"},
		"江西绿色生态 赣南 脐橙":    {"赣南脐橙"},
		"脐橙":              {"冻干脐橙", "赣南脐橙"},
		"rtv-107":         {"RTV -107 室温硫化甲基硅橡胶"},
		"ＲＴＶ－１０７":         {"RTV -107 室温硫化甲基硅橡胶"},
		"铜":               {"电工铜母线", "电工用铜线坯", "阳极磷铜球"},
		"T/JGE 0039-2023": {"金溪蜜梨"},
		"t/jge0039":       {"金溪蜜梨"},
		"T/JGE 0039-2022": nil,
		"DB36/T 1490":     {"农民专业合作社"},
		"Ｄｂ３６／ｔ１４９０—２０２１": {"农民专业合作社"},
		"":                        nil,
		"   ":                     nil,
		"《》":                      nil,
		"榴莲":                      nil,
		"GB 2763-2021":            nil,
		"高安腐竹》":                   {"高安腐竹"},
		"\xff\xfe":                nil,
		strings.Repeat("茶", 1000): nil,
	} {
		var got []string
		for _, s := range c.Find(q) {
			got = append(got, s.Subject)
		}
		assert.Equal(t, want, got, "Find(%q)", q)
	}
}

func TestCatalogueReturnsCopies(t *testing.T) {
	t.Parallel()
	c := Catalogue()
	s, ok := c.Lookup(MustParse("T/JGE 0039"))
	require.True(t, ok)
	s.Requirements[0].Value = 0
	s.Basis[0].Requirements[0].Value = 99
	again, _ := c.Lookup(MustParse("T/JGE 0039-2023"))
	assert.Equal(t, 11.5, again.Requirements[0].Value)
	assert.Equal(t, 11.0, again.Basis[0].Requirements[0].Value)
	_, ok = c.Lookup(Number{})
	assert.False(t, ok)
	_, ok = c.Lookup(MustParse("T/JGE 9999-2023"))
	assert.False(t, ok)
}

func TestCatalogueJSONIsStrict(t *testing.T) {
	t.Parallel()
	// Every field of the embedded file is one the Standard type knows.
	dec := json.NewDecoder(strings.NewReader(string(catalogueJSON)))
	dec.DisallowUnknownFields()
	var doc struct {
		About     string     `json:"about"`
		Standards []Standard `json:"standards"`
	}
	require.NoError(t, dec.Decode(&doc))
	for _, s := range doc.Standards {
		for _, r := range s.Requirements {
			assert.NoError(t, r.Check())
		}
	}
}

func TestNewCatalogCopiesItsInput(t *testing.T) {
	t.Parallel()
	in := []Standard{{Title: "乙"}, {Title: "甲", Attributes: []brand.Attribute{brand.FoodSafety}}}
	c := NewCatalog(in)
	in[1].Attributes[0] = brand.ResourceSaving
	all := c.All()
	assert.Equal(t, "甲", all[0].Title)
	assert.Equal(t, brand.FoodSafety, all[0].Attributes[0])
}

func BenchmarkFind(b *testing.B) {
	c := Catalogue()
	b.ReportAllocs()
	for b.Loop() {
		_ = c.Find("《江西绿色生态 赣南脐橙》")
	}
}

func TestCatalogueSubject(t *testing.T) {
	t.Parallel()
	c := Catalogue()
	for product, want := range map[string]string{
		"金溪蜜梨":        "金溪蜜梨",
		"金溪蜜梨礼盒（5kg）": "金溪蜜梨",
		"蜜梨":          "金溪蜜梨",
		"ＲＴＶ－１０７":     "RTV -107 室温硫化甲基硅橡胶",
		"赣南脐橙":        "赣南脐橙",
		"茶叶":          "茶叶",
		"狗牯脑茶":        "狗牯脑茶",
		"榴莲":          "",
		"":            "",
	} {
		s, ok := c.Subject(product)
		assert.Equal(t, want != "", ok, product)
		assert.Equal(t, want, s.Subject, product)
	}
}

func TestCatalogueLookupAmendedNumberFindsBase(t *testing.T) {
	t.Parallel()
	cat := Catalogue()
	n := MustParse("T/JGE 0039-2023/XG1-2024")
	require.False(t, n.Amendment().IsZero())
	s, ok := cat.Lookup(n)
	require.True(t, ok)
	assert.Equal(t, "T/JGE 0039-2023", s.Number.String())
	found := cat.Find("T/JGE 0039-2023/XG1-2024")
	require.Len(t, found, 1)
	assert.Equal(t, s.Number, found[0].Number)
	// Another standard's amendment finds nothing.
	_, ok = cat.Lookup(MustParse("T/JGE 9999-2023/XG1-2024"))
	assert.False(t, ok)
}

// Heading is Lookup without the requirements, basis and clauses, and its
// attributes are the caller's own.
func TestCatalogueHeadingIsLookupWithoutRequirements(t *testing.T) {
	t.Parallel()
	cat := Catalogue()
	for _, s := range cat.All() {
		if s.Number.IsZero() {
			continue
		}
		h, ok := cat.Heading(s.Number)
		require.True(t, ok, s.Number.String())
		full, _ := cat.Lookup(s.Number)
		assert.Equal(t, full.Number, h.Number)
		assert.Equal(t, full.Title, h.Title)
		assert.Equal(t, full.Subject, h.Subject)
		assert.Equal(t, full.Label(), h.Label())
		assert.Equal(t, full.Attributes, h.Attributes)
		assert.Nil(t, h.Requirements)
		if len(h.Attributes) > 0 {
			h.Attributes[0] = 0
			again, _ := cat.Heading(s.Number)
			assert.Equal(t, full.Attributes, again.Attributes, "the attributes are a copy")
		}
	}
	_, ok := cat.Heading(MustParse("T/JGE 9999-2023"))
	assert.False(t, ok)
}

// SubjectOf names the standard Subject finds, for every subject of the
// catalogue, fragments and supersets of it, and products no standard
// covers; on the catalogue and on a catalogue of some of its standards.
func TestSubjectOfNamesWhatSubjectFinds(t *testing.T) {
	t.Parallel()
	all := Catalogue().All()
	var products []string
	for _, s := range all {
		runes := []rune(s.Subject)
		products = append(products, s.Subject, s.Title, string(runes[1:]), string(runes[:len(runes)-1]), s.Subject+"礼盒", "新鲜"+s.Subject)
	}
	products = append(products, "", "榴莲", "茶", "蜜梨", " 金溪 蜜梨 ")
	found := 0
	for _, c := range []*Catalog{Catalogue(), NewCatalog(all[len(all)/3:])} {
		for _, p := range products {
			want, wantOK := c.Subject(p)
			number, title, ok := c.SubjectOf(p)
			require.Equal(t, wantOK, ok, "%q", p)
			assert.Equal(t, want.Number, number, "%q", p)
			assert.Equal(t, want.Title, title, "%q", p)
			if ok {
				found++
			}
		}
	}
	assert.Greater(t, found, len(all))
}

// FuzzSubjectOfAgreesWithSubject holds SubjectOf to the number and title
// of what Subject returns, for any product.
func FuzzSubjectOfAgreesWithSubject(f *testing.F) {
	for _, p := range []string{"金溪蜜梨", "蜜梨", "金溪蜜梨礼盒（5kg）", "赣南脐橙", "冻干脐橙", "狗牯脑茶", "茶", "榴莲", "", "\xff", "ＲＴＶ－１０７"} {
		f.Add(p)
	}
	c := Catalogue()
	f.Fuzz(func(t *testing.T, product string) {
		want, wantOK := c.Subject(product)
		number, title, ok := c.SubjectOf(product)
		if ok != wantOK || number != want.Number || title != want.Title {
			t.Fatalf("%q: SubjectOf %v %q %v, Subject %v %q %v", product, number, title, ok, want.Number, want.Title, wantOK)
		}
	})
}

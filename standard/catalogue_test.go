package standard

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jxgreen/jxgreen/brand"
)

func TestCatalogueHoldsSeed001AndLaterNumbers(t *testing.T) {
	t.Parallel()
	c := Catalogue()
	all := c.All()
	require.Equal(t, 35, c.Len(), "30 from seed 001 and 5 later T/JGE standards")
	fromSeed := 0
	for _, s := range all {
		assert.NotEmpty(t, s.Source, s.Title)
		assert.True(t, strings.HasPrefix(s.Title, "江西绿色生态 "), s.Title)
		assert.Equal(t, brand.Core(), s.Attributes, s.Title)
		assert.Equal(t, Current, s.Status)
		assert.NotEmpty(t, s.Publisher)
		assert.NotEmpty(t, s.Subject)
		if strings.HasPrefix(s.Source, "seed 001") {
			fromSeed++
		}
		if !s.Number.IsZero() {
			assert.Equal(t, s.Kind, s.Number.Kind(), s.Title)
		}
	}
	assert.Equal(t, 30, fromSeed)
	// Seed 001: 2 local standards, 28 group standards.
	kinds := map[Kind]int{}
	for _, s := range all {
		if strings.HasPrefix(s.Source, "seed 001") {
			kinds[s.Kind]++
		}
	}
	assert.Equal(t, map[Kind]int{Local: 2, Group: 28}, kinds)
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
		"脐橙":              {"赣南脐橙"},
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

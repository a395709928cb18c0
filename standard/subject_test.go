package standard_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/standard"
)

// TestCoversUsualNameVariants: a product falls under a standard's subject
// as the subject, a longer name of it, a short name of two characters or
// more, or one of its usual other names; nothing else does.
func TestCoversUsualNameVariants(t *testing.T) {
	t.Parallel()
	cat := standard.Catalogue()
	for _, tc := range []struct {
		number, product string
		want            bool
	}{
		{"T/JGE 0039-2023", "金溪蜜梨", true},
		{"T/JGE 0039-2023", "《金溪蜜梨》礼盒", true},
		{"T/JGE 0039-2023", "金 溪 蜜 梨", true},
		{"T/JGE 0039-2023", "蜜梨", true},
		{"T/JGE 0039-2023", "梨", false}, // one character is too little
		{"T/JGE 0039-2023", "电视机", false},
		{"T/JGE 0039-2023", "", false},
		{"T/JGE 0073-2023", "桑葚", true},
		{"T/JGE 0073-2023", "新鲜桑椹", true},
		{"T/JGE 0066-2023", "中华鳖", true},
		{"T/JGE 0066-2023", "金溪蜜梨", false},
		{"T/JGE 0041-2023", "狗牯脑茶", true},
		{"T/JGE 0041-2023", "茶油", false},
	} {
		s, ok := cat.Lookup(standard.MustParse(tc.number))
		require.True(t, ok, tc.number)
		assert.Equal(t, tc.want, s.Covers(tc.product), "%s %q", tc.number, tc.product)
		err := s.CheckProduct(tc.product)
		assert.Equal(t, tc.want, err == nil, "%s %q", tc.number, tc.product)
		if err != nil {
			assert.ErrorIs(t, err, standard.ErrOutsideSubject)
			zh, en := i18n.Error(err, language.Chinese), i18n.Error(err, language.English)
			assert.Contains(t, zh, s.Subject)
			assert.Contains(t, en, s.Subject)
			assert.NotEqual(t, zh, en)
		}
	}
	// Every catalogue standard covers its own subject and title.
	for _, s := range cat.All() {
		assert.True(t, s.Covers(s.Subject), s.Title)
		assert.True(t, s.Covers(s.Title), s.Title)
	}
	assert.True(t, standard.Standard{}.Covers("anything"), "no subject, nothing known to the contrary")
}

// TestCoversRefusesMentionsFragmentsAndDerivatives: a product that merely
// mentions the subject (a flavoured drink, a juice, feed, a negation), a
// fragment of the subject, or a wider kind than the subject is not under
// the standard; the subject with a grade or pack word, fresh, or without
// its place of origin is.
func TestCoversRefusesMentionsFragmentsAndDerivatives(t *testing.T) {
	t.Parallel()
	cat := standard.Catalogue()
	for _, tc := range []struct {
		number, product string
		want            bool
	}{
		{"T/JGE 0039-2023", "金溪蜜梨味饮料", false},
		{"T/JGE 0039-2023", "非金溪蜜梨", false},
		{"T/JGE 0039-2023", "金溪蜜梨汁", false},
		{"T/JGE 0039-2023", "溪蜜", false},
		{"T/JGE 0039-2023", "金溪", false},
		{"T/JGE 0039-2023", "金溪蜜梨礼盒装", true},
		{"T/JGE 0039-2023", "金溪蜜梨（特级）", true},
		{"T/JGE 0039-2023", "江西绿色生态 金溪蜜梨", true},
		{"T/JGE 0039-2023", "礼盒", false},
		{"T/JGE 0066-2023", "甲鱼饲料", false},
		{"T/JGE 0066-2023", "鳖甲", false},
		{"T/JGE 0066-2023", "鳖", true},
		{"T/JGE 0138-2024", "脐橙", false},
		{"T/JGE 0138-2024", "冻干脐橙", true},
		{"T/JGE 0067-2023", "木耳", false},
		{"T/JGE 0067-2023", "黑木耳", true},
		{"T/JGE 0040-2023", "家用", false},
		{"T/JGE 0040-2023", "家用学习桌椅", true},
		{"T/JGE 0073-2023", "鲜桑葚", true},
		{"T/JGE 0073-2023", "桑椹酒", false},
	} {
		s, ok := cat.Lookup(standard.MustParse(tc.number))
		require.True(t, ok, tc.number)
		assert.Equal(t, tc.want, s.Covers(tc.product), "%s %q", tc.number, tc.product)
	}
}

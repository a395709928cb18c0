package standard

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jxgreen/jxgreen/brand/fold"
)

// subjectScan is Catalog.Subject's choice as it was before the index of
// runes, kept as the reference: every subject, in order, tried both ways.
func subjectScan(subjects []string, p string) int {
	if p == "" {
		return -1
	}
	best, bestLen := -1, 0
	for i, subj := range subjects {
		if subj == "" {
			continue
		}
		if (strings.Contains(p, subj) || strings.Contains(subj, p)) && len(subj) > bestLen {
			best, bestLen = i, len(subj)
		}
	}
	return best
}

// foldedCatalog is a catalogue of bare subjects, folded as NewCatalog
// folds them, for holding Subject's index to the scan.
func foldedCatalog(subjects ...string) *Catalog {
	c := &Catalog{subjects: make([]string, len(subjects))}
	for i, s := range subjects {
		c.subjects[i] = fold.Title(s)
	}
	c.indexSubjects()
	return c
}

// TestSubjectFindsWhatTheScanFinds: for the catalogue's own subjects, the
// products of the repository's samples, fragments and supersets of every
// subject, and subjects that share runes or contain one another, the index
// of runes picks the standard the scan of every subject picks.
func TestSubjectFindsWhatTheScanFinds(t *testing.T) {
	t.Parallel()
	c := Catalogue()
	var products []string
	for _, subj := range c.subjects {
		runes := []rune(subj)
		for i := range runes {
			for j := i + 1; j <= len(runes); j++ {
				products = append(products, string(runes[i:j]))
			}
		}
		products = append(products, subj+"礼盒", "新鲜"+subj, subj+subj, "非"+subj+"汁")
	}
	products = append(products, "", "榴莲", "茶", "水果", "金溪蜜梨礼盒（5kg）", "ＲＴＶ－１０７", "rtv-107", "赣南脐橙冻干脐橙")
	checked := 0
	for _, p := range products {
		fp := fold.Title(p)
		want := subjectScan(c.subjects, fp)
		got := c.subject(fp)
		require.Equal(t, want, got, "%q", p)
		if want >= 0 {
			checked++
		}
	}
	require.Greater(t, checked, 200)

	small := foldedCatalog("茶", "茶叶", "白茶", "资溪白茶", "茶茶", "梨", "蜜梨", "金溪蜜梨", "", "aa", "a")
	for _, p := range []string{"茶", "茶茶茶", "资溪白茶叶", "白茶叶", "叶", "蜜", "金溪蜜梨梨", "aaa", "a", "ba", "", "溪"} {
		fp := fold.Title(p)
		assert.Equal(t, subjectScan(small.subjects, fp), small.subject(fp), "%q", p)
	}
}

// FuzzSubjectAgreesWithScan holds Catalog.Subject's index of runes to the
// scan of every subject it replaces: for a product, on the catalogue and
// on a small catalogue with a subject of the fuzzer's choosing beside
// subjects that share its runes.
func FuzzSubjectAgreesWithScan(f *testing.F) {
	for _, pair := range [][2]string{
		{"金溪蜜梨", "蜜梨"}, {"蜜梨", "金溪蜜梨"}, {"金溪蜜梨礼盒（5kg）", "梨"}, {"ＲＴＶ－１０７", "RTV -107 室温硫化甲基硅橡胶"},
		{"狗牯脑茶", "茶叶"}, {"茶", "白茶"}, {"榴莲", ""}, {"", "茶"}, {"\xff", "\xfe"}, {"aaa", "aa"}, {"赣南脐橙", "冻干脐橙"},
	} {
		f.Add(pair[0], pair[1])
	}
	c := Catalogue()
	f.Fuzz(func(t *testing.T, product, subject string) {
		p := fold.Title(product)
		if got, want := c.subject(p), subjectScan(c.subjects, p); got != want {
			t.Fatalf("catalogue: Subject(%q) picks %d, the scan %d", product, got, want)
		}
		small := foldedCatalog(subject, "茶叶", subject+"茶", "蜜梨", product, "金溪"+subject)
		if got, want := small.subject(p), subjectScan(small.subjects, p); got != want {
			t.Fatalf("subject %q: Subject(%q) picks %d, the scan %d", subject, product, got, want)
		}
	})
}

// TestSubjectOfAnOversizedProduct: a product name of a megabyte, made of a
// subject repeated or of one rune that many subjects hold, is answered as
// the scan answers it, in time linear in its length.
func TestSubjectOfAnOversizedProduct(t *testing.T) {
	t.Parallel()
	c := Catalogue()
	for _, p := range []string{
		strings.Repeat("金溪蜜梨", 1<<16),
		strings.Repeat("茶", 1<<18),
		strings.Repeat("榴莲", 1<<17),
		strings.Repeat("ＲＴＶ－１０７", 1<<15),
	} {
		fp := fold.Title(p)
		assert.Equal(t, subjectScan(c.subjects, fp), c.subject(fp), "%.12q… (%d bytes)", p, len(p))
	}
}

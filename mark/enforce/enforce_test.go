package enforce

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

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/certification/creditcode"
)

// holder returns a synthetic holder; name and code belong to no real
// organisation.
func holder(i int) certification.Holder {
	code, err := creditcode.Complete(fmt.Sprintf("91360700MA3%06d", i))
	if err != nil {
		panic(err)
	}
	return certification.Holder{Name: fmt.Sprintf("合成样例农业%d有限公司", i), Code: code}
}

func day(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, brand.ChinaTime())
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
	assert.Equal(t, "enforce: draw: the holder list names the credit code "+string(holder(2).Code)+" more than once: check the list first", err.Error())
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

// Draw reads credit codes as creditcode.Parse does: one enterprise under two
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
		assert.Equal(t, "enforce: draw: "+en, err.Error())
		if tc.reason != "holders" && tc.reason != "inspectors" {
			assert.NotContains(t, en, "not enough", "%+v", tc)
		}
	}
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

// TestEveryEnforcementErrorSpeaksBothLanguages renders every sentinel and
// every reason a DrawError can carry in both languages.
func TestEveryEnforcementErrorSpeaksBothLanguages(t *testing.T) {
	t.Parallel()
	for _, s := range []*i18n.Sentinel{ErrDraw, ErrDuplicateID, ErrRecord, ErrOffence} {
		zh, en, ok := i18n.Texts(s.Code())
		require.True(t, ok, s.Code())
		assert.NotEqual(t, zh, en, s.Code())
	}
	for _, e := range []i18n.Localizer{
		&DrawError{Reason: "seed"}, &DrawError{Reason: "count", Need: -1, Have: 1}, &DrawError{Reason: "holders", Need: 3, Have: 2},
		&DrawError{Reason: "inspectors", Holder: holder(1).Code, Have: 1, Need: 2}, &DrawError{Reason: "holder-code", Code: "x"},
		&DrawError{Reason: "exclusion-code", Inspector: "I-1", Code: "x"},
		&DuplicateError{List: "holder", ID: "x"}, &DuplicateError{List: "inspector"},
	} {
		zh, en := e.Localize(language.Chinese), e.Localize(language.English)
		assert.NotEqual(t, zh, en, "%+v", e)
		assert.NotContains(t, zh+en, "%!", "%+v", e)
	}
}

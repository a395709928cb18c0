package standard

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
)

func req(id string, op Operator, v float64, unit string) Requirement {
	return Requirement{ID: id, Name: id, Op: op, Value: v, Unit: unit}
}

func rng(id string, lo, hi float64, unit string) Requirement {
	return Requirement{ID: id, Name: id, Op: Range, Value: lo, Max: hi, Unit: unit}
}

func TestRelate(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name         string
		ours, theirs Requirement
		want         Relation
	}{
		{"higher minimum is stricter", req("x", AtLeast, 11.5, "%"), req("x", AtLeast, 11.0, "%"), Stricter},
		{"lower minimum is looser", req("x", AtLeast, 10, "%"), req("x", AtLeast, 11.0, "%"), Looser},
		{"same minimum", req("x", AtLeast, 11, "%"), req("x", AtLeast, 11.0, "％"), Same},
		{"lower maximum is stricter", req("pb", AtMost, 0.1, "mg/kg"), req("pb", AtMost, 0.2, "mg/kg"), Stricter},
		{"converted: 0.1 mg/kg vs 0.0002 g/kg", req("pb", AtMost, 0.1, "mg/kg"), req("pb", AtMost, 0.0002, "g/kg"), Stricter},
		{"converted equal: 500 mg/kg = 0.05 %", req("x", AtMost, 500, "mg/kg"), req("x", AtMost, 0.05, "%"), Same},
		{"converted looser: 1 g/kg > 0.05 %", req("x", AtMost, 1, "g/kg"), req("x", AtMost, 0.05, "%"), Looser},
		{"µg/kg vs mg/kg", req("x", AtMost, 10, "μg/kg"), req("x", AtMost, 0.01, "mg/kg"), Same},
		{"different dimensions", req("x", AtMost, 1, "mg/L"), req("x", AtMost, 1, "mg/kg"), Incomparable},
		{"unknown unit", req("x", AtMost, 1, "furlongs"), req("x", AtMost, 1, "mg/kg"), Incomparable},
		{"range inside range", rng("ph", 6.5, 7.5, ""), rng("ph", 6.0, 8.5, ""), Stricter},
		{"range around range", rng("ph", 6.0, 8.5, ""), rng("ph", 6.5, 7.5, ""), Looser},
		{"overlapping ranges", rng("ph", 6.0, 7.0, ""), rng("ph", 6.5, 8.5, ""), Incomparable},
		{"range within a minimum", rng("x", 12, 14, "%"), req("x", AtLeast, 11, "%"), Stricter},
		{"minimum against a range: stricter below, looser above", req("x", AtLeast, 12, "%"), rng("x", 11, 14, "%"), Incomparable},
		{"minimum against a lower range", req("x", AtLeast, 10, "%"), rng("x", 11, 14, "%"), Looser},
		{"exact value in range", req("x", Equal, 7, ""), rng("x", 6, 8, ""), Stricter},
		{"different exact values", req("x", Equal, 7, ""), req("x", Equal, 8, ""), Incomparable},
		{"℃ and °C", req("t", AtMost, 4, "℃"), req("t", AtMost, 5, "°C"), Stricter},
		{"NaN is not comparable", req("x", AtMost, math.NaN(), "%"), req("x", AtMost, 1, "%"), Incomparable},
		{"a maximum is not a minimum", req("x", AtMost, 1, "%"), req("x", AtLeast, 1, "%"), Incomparable},
	} {
		assert.Equal(t, tc.want, relate(tc.ours, tc.theirs), tc.name)
	}
}

func TestCompareJinxiPear(t *testing.T) {
	t.Parallel()
	// The real case (中国质量新闻网 2023-04-28): 金溪蜜梨 asks soluble solids
	// ≥ 11.5 % where its base standard NY/T 844-2017 asks ≥ 11.0 %.
	pear, ok := Catalogue().Lookup(MustParse("T/JGE 0039-2023"))
	require.True(t, ok)
	require.Len(t, pear.Basis, 1)
	c := Compare(pear, pear.Basis[0])
	assert.Equal(t, MustParse("T/JGE 0039-2023"), c.Ours)
	assert.Equal(t, MustParse("NY/T 844-2017"), c.Theirs)
	require.Len(t, c.Items, 1)
	assert.Equal(t, Stricter, c.Items[0].Relation)
	assert.Equal(t, "可溶性固形物", c.Items[0].Name)
	assert.True(t, c.AtLeastAsStrict)
	assert.Equal(t, MOD, c.Degree)

	// Turned round, the base standard is looser than the brand standard.
	back := Compare(pear.Basis[0], pear)
	assert.Equal(t, Looser, back.Items[0].Relation)
	assert.False(t, back.AtLeastAsStrict)
}

func TestCompareDegrees(t *testing.T) {
	t.Parallel()
	theirs := Standard{Requirements: []Requirement{req("a", AtMost, 1, "mg/kg"), req("b", AtLeast, 10, "%")}}
	same := Standard{Requirements: []Requirement{req("b", AtLeast, 0.1, ""), req("a", AtMost, 1000, "ug/kg")}}
	same.Requirements[0].Unit = "%"
	same.Requirements[0].Value = 10

	c := Compare(same, theirs)
	assert.Equal(t, IDT, c.Degree)
	assert.True(t, c.AtLeastAsStrict)
	assert.Equal(t, 2, c.Count(Same))

	extra := same.Clone()
	extra.Requirements = append(extra.Requirements, req("c", AtMost, 3, "%"))
	c = Compare(extra, theirs)
	assert.Equal(t, MOD, c.Degree, "an additional indicator is a deviation")
	assert.True(t, c.AtLeastAsStrict)
	assert.Equal(t, Additional, c.Items[2].Relation)

	lacking := Standard{Requirements: []Requirement{req("a", AtMost, 0.5, "mg/kg")}}
	c = Compare(lacking, theirs)
	assert.Equal(t, NEQ, c.Degree)
	assert.False(t, c.AtLeastAsStrict)
	assert.Equal(t, Missing, c.Items[1].Relation)

	looser := Standard{Requirements: []Requirement{req("a", AtMost, 2, "mg/kg"), req("b", AtLeast, 12, "%")}}
	c = Compare(looser, theirs)
	assert.Equal(t, MOD, c.Degree)
	assert.False(t, c.AtLeastAsStrict)

	byName := Standard{Requirements: []Requirement{{ID: "other-id", Name: " a ", Op: AtMost, Value: 1, Unit: "mg/kg"}}}
	c = Compare(byName, Standard{Requirements: []Requirement{req("a", AtMost, 1, "mg/kg")}})
	assert.Equal(t, Same, c.Items[0].Relation, "falls back to the name")

	empty := Compare(Standard{}, Standard{})
	assert.Empty(t, empty.Items)
	assert.Equal(t, IDT, empty.Degree)
}

func TestRequirementCheckAndString(t *testing.T) {
	t.Parallel()
	r := Requirement{ID: "soluble-solids", Name: "可溶性固形物", Op: AtLeast, Value: 11.5, Unit: "%", Attribute: brand.QualityLeading}
	require.NoError(t, r.Check())
	assert.Equal(t, "可溶性固形物 ≥ 11.5 %", r.String())
	assert.Equal(t, "pH 6.5 ~ 8.5", Requirement{ID: "ph", Name: "pH", Op: Range, Value: 6.5, Max: 8.5}.String())
	for _, bad := range []Requirement{
		{Name: "x", Op: AtMost, Unit: "%"},
		{ID: "x", Op: AtMost, Unit: "%"},
		{ID: "x", Name: "x", Unit: "%"},
		{ID: "x", Name: "x", Op: AtMost, Value: math.Inf(1), Unit: "%"},
		{ID: "x", Name: "x", Op: Range, Value: 2, Max: 1, Unit: "%"},
		{ID: "x", Name: "x", Op: AtMost, Unit: "parsecs"},
		{ID: "x", Name: "x", Op: AtMost, Unit: "%", Attribute: 99},
	} {
		assert.ErrorIs(t, bad.Check(), ErrRequirement, "%+v", bad)
	}
	for in, want := range map[string]Operator{"<=": AtMost, "≥": AtLeast, "不低于": AtLeast, "=": Equal, "range": Range} {
		got, err := ParseOperator(in)
		require.NoError(t, err)
		assert.Equal(t, want, got)
	}
	_, err := ParseOperator("≈")
	assert.ErrorIs(t, err, ErrRequirement)
	assert.True(t, convertible("mg/kg", "%"))
	assert.False(t, convertible("mg/kg", "mg/L"))
	assert.Equal(t, "stricter", Stricter.String())
	assert.Equal(t, "严于", Stricter.Localize(language.Chinese))
	assert.Equal(t, "modified (MOD)", MOD.Localize(language.English))
}

func FuzzCompare(f *testing.F) {
	f.Add(11.5, 11.0, 0.0, 0.0, "%", "%", int8(AtLeast), int8(AtLeast))
	f.Add(1.0, 2.0, 3.0, 4.0, "mg/kg", "g/kg", int8(Range), int8(AtMost))
	f.Add(math.NaN(), math.Inf(1), 0.0, 0.0, "", "mg/L", int8(Equal), int8(9))
	f.Fuzz(func(t *testing.T, a, b, amax, bmax float64, ua, ub string, oa, ob int8) {
		ours := Standard{Requirements: []Requirement{{ID: "x", Name: "x", Op: Operator(oa), Value: a, Max: amax, Unit: ua}}}
		theirs := Standard{Requirements: []Requirement{{ID: "x", Name: "x", Op: Operator(ob), Value: b, Max: bmax, Unit: ub}}}
		c := Compare(ours, theirs)
		if len(c.Items) != 1 {
			t.Fatalf("want one item, got %d", len(c.Items))
		}
		// Swapping the sides swaps stricter and looser.
		r, back := c.Items[0].Relation, Compare(theirs, ours).Items[0].Relation
		switch {
		case r == Stricter && back != Looser, r == Looser && back != Stricter,
			r == Same && back != Same, r == Incomparable && back != Incomparable:
			t.Fatalf("relation %v one way, %v the other", r, back)
		}
	})
}

func BenchmarkCompare(b *testing.B) {
	pear, _ := Catalogue().Lookup(MustParse("T/JGE 0039-2023"))
	b.ReportAllocs()
	for b.Loop() {
		_ = Compare(pear, pear.Basis[0])
	}
}

// Issue 10, "one documented folding function per purpose": requirement IDs
// are matched as codes (fold.Code), so width, ASCII case and spaces do not
// matter, and no other character is folded.
func TestCompareMatchesRequirementIDsAsCodes(t *testing.T) {
	t.Parallel()
	ours := Standard{Requirements: []Requirement{{ID: "soluble-solids", Name: "可溶性固形物", Op: AtLeast, Value: 12, Unit: "%"}}}
	for _, tc := range []struct {
		id      string
		matched bool
	}{
		{"soluble-solids", true},
		{" SOLUBLE-SOLIDS ", true},
		{"ｓｏｌｕｂｌｅ－ｓｏｌｉｄｓ", true},
		{"soluble - solids", true},
		{"ſoluble-solids", false}, // long s: Unicode case folding would make it s
		{"soluble_solids", false},
	} {
		theirs := Standard{Requirements: []Requirement{{ID: tc.id, Name: "another name", Op: AtLeast, Value: 11, Unit: "%"}}}
		c := Compare(ours, theirs)
		if tc.matched {
			require.Len(t, c.Items, 1, tc.id)
			assert.Equal(t, Stricter, c.Items[0].Relation, tc.id)
		} else {
			assert.Len(t, c.Items, 2, tc.id)
		}
	}
}

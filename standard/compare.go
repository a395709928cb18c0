package standard

import (
	"math"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand/i18n/enum"

	"github.com/jxgreen/jxgreen/brand/fold"
)

// Relation is how one of our requirements stands to theirs.
type Relation int

// The relations.
const (
	// Stricter: ours admits only values that theirs admits, and fewer.
	Stricter Relation = iota + 1
	// Same: both admit the same values.
	Same
	// Looser: ours admits values that theirs refuses.
	Looser
	// Missing: theirs has an indicator that ours lacks.
	Missing
	// Incomparable: the two cannot be set side by side (units of different
	// dimensions, an unknown unit, or ranges that overlap without either
	// containing the other).
	Incomparable
	// Additional: ours has an indicator that theirs lacks.
	Additional
)

var relationNames = enum.New("Relation", "standard.relation.",
	[3]string{"stricter", "严于", "stricter"},
	[3]string{"equal", "等同", "equal"},
	[3]string{"looser", "宽于", "looser"},
	[3]string{"missing", "缺少", "missing"},
	[3]string{"incomparable", "不可比", "incomparable"},
	[3]string{"additional", "增加", "additional"},
)

// String returns the stable code: "stricter", "equal", "looser",
// "missing", "incomparable" or "additional".
func (r Relation) String() string { return relationNames.Code(int(r)) }

// Localize names the relation in the language that best matches tag.
func (r Relation) Localize(tag language.Tag) string { return relationNames.Localize(int(r), tag) }

// Degree is the degree of correspondence between two standards in the sense
// of GB/T 20000.2-2009 (MOD ISO/IEC Guide 21-1:2005).
type Degree int

// The degrees.
const (
	IDT Degree = iota + 1 // identical: same indicators, same limits
	MOD                   // modified: every indicator of theirs is matched, deviations identified
	NEQ                   // not equivalent: indicators missing or not comparable
)

var degreeNames = enum.New("Degree", "standard.degree.",
	[3]string{"IDT", "等同采用（IDT）", "identical (IDT)"},
	[3]string{"MOD", "修改采用（MOD）", "modified (MOD)"},
	[3]string{"NEQ", "非等效（NEQ）", "not equivalent (NEQ)"},
)

// String returns "IDT", "MOD" or "NEQ".
func (d Degree) String() string { return degreeNames.Code(int(d)) }

// Localize names the degree in the language that best matches tag.
func (d Degree) Localize(tag language.Tag) string { return degreeNames.Localize(int(d), tag) }

// Item is the comparison of one indicator. Ours or Theirs is the zero
// Requirement when that side lacks the indicator.
type Item struct {
	ID       string
	Name     string
	Ours     Requirement
	Theirs   Requirement
	Relation Relation
}

// Comparison is the result of [Compare].
type Comparison struct {
	Ours, Theirs Number
	// Items has one entry per indicator: theirs in their order, then the
	// ones only ours has.
	Items  []Item
	Degree Degree
	// AtLeastAsStrict is true when every indicator of theirs is matched by
	// one of ours that is stricter or equal.
	AtLeastAsStrict bool
}

// Count returns how many items stand in relation r.
func (c Comparison) Count(r Relation) int {
	n := 0
	for _, it := range c.Items {
		if it.Relation == r {
			n++
		}
	}
	return n
}

// Compare sets ours against theirs requirement by requirement. Indicators
// are matched by ID, or failing that by name (folded for width and
// spaces); values are converted between units of one dimension (mg/kg,
// g/kg, %, ‰, …) before they are compared. Compare never fails: what cannot
// be compared is reported as Incomparable.
func Compare(ours, theirs Standard) Comparison {
	c := Comparison{Ours: ours.Number, Theirs: theirs.Number}
	used := make([]bool, len(ours.Requirements))
	for _, t := range theirs.Requirements {
		j := match(ours.Requirements, used, t)
		if j < 0 {
			c.Items = append(c.Items, Item{ID: t.ID, Name: t.Name, Theirs: t, Relation: Missing})
			continue
		}
		used[j] = true
		o := ours.Requirements[j]
		c.Items = append(c.Items, Item{ID: t.ID, Name: t.Name, Ours: o, Theirs: t, Relation: relate(o, t)})
	}
	for j, o := range ours.Requirements {
		if !used[j] {
			c.Items = append(c.Items, Item{ID: o.ID, Name: o.Name, Ours: o, Relation: Additional})
		}
	}
	c.AtLeastAsStrict = c.Count(Looser)+c.Count(Missing)+c.Count(Incomparable) == 0
	switch {
	case c.Count(Missing)+c.Count(Incomparable) > 0:
		c.Degree = NEQ
	case c.Count(Same) == len(c.Items):
		c.Degree = IDT
	default:
		c.Degree = MOD
	}
	return c
}

// match finds the requirement of ours that t speaks of: the one with the
// same ID, folded as a code ([fold.Code]: width, ASCII case and spaces, and
// nothing else), or else the one with the same name, folded as a title.
func match(ours []Requirement, used []bool, t Requirement) int {
	id := fold.Code(t.ID)
	for j, o := range ours {
		if !used[j] && id != "" && fold.Code(o.ID) == id {
			return j
		}
	}
	name := fold.Title(t.Name)
	for j, o := range ours {
		if !used[j] && name != "" && fold.Title(o.Name) == name {
			return j
		}
	}
	return -1
}

// relate places ours against theirs: each requirement admits an interval of
// values, and ours is stricter when its interval lies inside theirs.
func relate(ours, theirs Requirement) Relation {
	olo, ohi, od, ok1 := ours.interval()
	tlo, thi, td, ok2 := theirs.interval()
	if !ok1 || !ok2 || od != td {
		return Incomparable
	}
	inside := func(alo, ahi, blo, bhi float64) bool { // a ⊆ b
		return geq(alo, blo) && geq(bhi, ahi)
	}
	oIn, tIn := inside(olo, ohi, tlo, thi), inside(tlo, thi, olo, ohi)
	switch {
	case oIn && tIn:
		return Same
	case oIn:
		return Stricter
	case tIn:
		return Looser
	}
	return Incomparable
}

// geq reports a ≥ b with a relative tolerance for the rounding that unit
// conversion brings.
func geq(a, b float64) bool {
	if math.IsInf(a, 0) || math.IsInf(b, 0) {
		return a >= b
	}
	return a >= b-1e-9*math.Max(math.Abs(a), math.Abs(b))
}

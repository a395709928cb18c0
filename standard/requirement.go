package standard

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/i18n"

	"github.com/jxgreen/jxgreen/brand/fold"
)

// Operator says how a requirement limits its indicator.
type Operator int

// The operators.
const (
	AtMost  Operator = iota + 1 // ≤ Value
	AtLeast                     // ≥ Value
	Equal                       // = Value
	Range                       // Value ≤ x ≤ Max
)

var opSymbols = [...]string{AtMost: "≤", AtLeast: "≥", Equal: "=", Range: "~"}

// String returns the symbol: "≤", "≥", "=" or "~".
func (o Operator) String() string {
	if o < AtMost || o > Range {
		return fmt.Sprintf("Operator(%d)", int(o))
	}
	return opSymbols[o]
}

func init() {
	i18n.Table("standard.operator.", [][3]string{
		{"≤", "不大于", "at most"},
		{"≥", "不小于", "at least"},
		{"=", "等于", "equal to"},
		{"~", "介于", "between"},
	})
}

// Localize names the operator in words, in the language that best matches
// tag: "不大于" or "at most".
func (o Operator) Localize(tag language.Tag) string {
	if o < AtMost || o > Range {
		return o.String()
	}
	return i18n.Sprintf(tag, "standard.operator."+opSymbols[o])
}

// ParseOperator accepts ≤ <= ≦ ≥ >= ≧ = == ~ and the words "at most",
// "at least", "equal", "range".
func ParseOperator(s string) (Operator, error) {
	switch fold.Word(s) { // "At most", "ＡＴ　ＭＯＳＴ", "＜＝" meet
	case "≤", "<=", "≦", "atmost", "不大于", "不高于", "不超过":
		return AtMost, nil
	case "≥", ">=", "≧", "atleast", "不小于", "不低于":
		return AtLeast, nil
	case "=", "==", "equal", "等于":
		return Equal, nil
	case "~", "range", "between", "范围":
		return Range, nil
	}
	return 0, ErrRequirement.With("standard.case.operator", s)
}

// MarshalText encodes the operator as its symbol.
func (o Operator) MarshalText() ([]byte, error) {
	if o < AtMost || o > Range {
		return nil, ErrRequirement.With("standard.case.encode", o)
	}
	return []byte(o.String()), nil
}

// UnmarshalText decodes anything [ParseOperator] accepts.
func (o *Operator) UnmarshalText(b []byte) error {
	v, err := ParseOperator(string(b))
	if err != nil {
		return err
	}
	*o = v
	return nil
}

// Requirement is one technical indicator of a standard, for example
// 可溶性固形物 ≥ 11.5 %.
type Requirement struct {
	// ID names the indicator across standards ("soluble-solids"), so that
	// the same indicator of two standards can be compared.
	ID        string          `json:"id"`
	Name      string          `json:"name"` // as the standard writes it
	Op        Operator        `json:"op"`
	Value     float64         `json:"value"`         // the limit; the lower bound of a Range
	Max       float64         `json:"max,omitempty"` // the upper bound of a Range
	Unit      string          `json:"unit"`          // as written: "%", "mg/kg", "℃", "" for a pure number
	Attribute brand.Attribute `json:"attribute,omitempty"`
}

// String formats the requirement the way standards print it:
// "可溶性固形物 ≥ 11.5 %" or "pH 6.5 ~ 8.5".
func (r Requirement) String() string {
	v := strconv.FormatFloat(r.Value, 'f', -1, 64)
	var s string
	if r.Op == Range {
		s = r.Name + " " + v + " ~ " + strconv.FormatFloat(r.Max, 'f', -1, 64)
	} else {
		s = r.Name + " " + r.Op.String() + " " + v
	}
	if r.Unit != "" {
		s += " " + r.Unit
	}
	return s
}

// Check reports what is wrong with the requirement itself: an empty ID or
// name, an unknown operator or unit, a value that is not a finite number,
// or a range whose bounds are reversed. It returns nil for a sound
// requirement.
func (r Requirement) Check() error {
	fault, args := "", []any{r.ID}
	switch {
	case strings.TrimSpace(r.ID) == "":
		fault = "no-id"
	case strings.TrimSpace(r.Name) == "":
		fault = "no-name"
	case r.Op < AtMost || r.Op > Range:
		fault = "no-operator"
	case math.IsNaN(r.Value) || math.IsInf(r.Value, 0) || math.IsNaN(r.Max) || math.IsInf(r.Max, 0):
		fault = "not-finite"
	case r.Op == Range && r.Max < r.Value:
		fault = "reversed"
	case !knownUnit(r.Unit):
		fault, args = "unit", append(args, r.Unit)
	case r.Attribute != 0 && !r.Attribute.Valid():
		fault = "attribute"
	default:
		return nil
	}
	return ErrRequirement.With("standard.case."+fault, args...)
}

// interval returns the set of admitted values in the base unit of the
// requirement's dimension.
func (r Requirement) interval() (lo, hi float64, dim dimension, ok bool) {
	u, ok := lookupUnit(r.Unit)
	if !ok || r.Check() != nil {
		return 0, 0, 0, false
	}
	v := r.Value * u.factor
	switch r.Op {
	case AtMost:
		return math.Inf(-1), v, u.dim, true
	case AtLeast:
		return v, math.Inf(1), u.dim, true
	case Equal:
		return v, v, u.dim, true
	default:
		return v, r.Max * u.factor, u.dim, true
	}
}

package standard

import (
	"github.com/jxgreen/jxgreen/brand/fold"
)

// dimension groups units that convert into each other.
type dimension int

const (
	ratio          dimension = iota + 1 // mass or volume fraction: %, ‰, mg/kg, g/100g, °Brix
	concentration                       // mass per volume: mg/L, g/L
	mass                                // g, kg
	length                              // mm, cm, m
	temperature                         // °C
	duration                            // s, min, h, d
	countPerMass                        // CFU/g
	countPerVolume                      // CFU/mL
	forcePerLength                      // N/m: peel strength of edge banding
	plain                               // a pure number: pH, a grade, a count
)

type unitInfo struct {
	dim    dimension
	factor float64 // multiply by factor to get the dimension's base unit
}

// units maps the folded spelling of a unit to its dimension and factor.
// Ratios are in parts per one; concentrations in mg/L; masses in g;
// lengths in mm; durations in s.
var units = map[string]unitInfo{
	"":         {plain, 1},
	"%":        {ratio, 1e-2},
	"g/100g":   {ratio, 1e-2},
	"°brix":    {ratio, 1e-2}, // 1 °Brix is 1 g of sucrose in 100 g of solution
	"brix":     {ratio, 1e-2},
	"‰":        {ratio, 1e-3},
	"g/kg":     {ratio, 1e-3},
	"mg/g":     {ratio, 1e-3},
	"mg/100g":  {ratio, 1e-5},
	"mg/kg":    {ratio, 1e-6},
	"ppm":      {ratio, 1e-6},
	"ug/kg":    {ratio, 1e-9},
	"ppb":      {ratio, 1e-9},
	"毫克/千克":    {ratio, 1e-6},
	"克/千克":     {ratio, 1e-3},
	"微克/千克":    {ratio, 1e-9},
	"g/l":      {concentration, 1e3},
	"mg/ml":    {concentration, 1e3},
	"g/100ml":  {concentration, 1e4},
	"mg/l":     {concentration, 1},
	"ug/ml":    {concentration, 1},
	"mg/100ml": {concentration, 10},
	"ug/l":     {concentration, 1e-3},
	"毫克/升":     {concentration, 1},
	"克/升":      {concentration, 1e3},
	"mg":       {mass, 1e-3},
	"g":        {mass, 1},
	"kg":       {mass, 1e3},
	"克":        {mass, 1},
	"千克":       {mass, 1e3},
	"um":       {length, 1e-3},
	"mm":       {length, 1},
	"cm":       {length, 10},
	"m":        {length, 1e3},
	"毫米":       {length, 1},
	"厘米":       {length, 10},
	"米":        {length, 1e3},
	"°c":       {temperature, 1},
	"s":        {duration, 1},
	"min":      {duration, 60},
	"h":        {duration, 3600},
	"d":        {duration, 86400},
	"cfu/g":    {countPerMass, 1},
	"cfu/kg":   {countPerMass, 1e-3},
	"cfu/ml":   {countPerVolume, 1},
	"cfu/l":    {countPerVolume, 1e-3},
	"n/m":      {forcePerLength, 1},
	"kn/m":     {forcePerLength, 1e3},
}

func lookupUnit(s string) (unitInfo, bool) {
	u, ok := units[fold.Unit(s)]
	return u, ok
}

// knownUnit reports whether Compare can convert values in unit s.
func knownUnit(s string) bool {
	_, ok := lookupUnit(s)
	return ok
}

// convertible reports whether values in unit a convert into unit b, as
// mg/kg into % do; mg/kg and mg/L do not.
func convertible(a, b string) bool {
	ua, oka := lookupUnit(a)
	ub, okb := lookupUnit(b)
	return oka && okb && ua.dim == ub.dim
}

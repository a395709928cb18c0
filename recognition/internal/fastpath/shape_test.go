package fastpath

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jxgreen/jxgreen/certification"
)

// shapePatterns are the patterns Shape knows.
var shapePatterns = []string{creditPattern, certification.ApprovalPattern, datePattern}

// shapeSeeds are values near each pattern's edges.
var shapeSeeds = []string{
	"91330100716105852F", "91330100716105852f", " 9133 0100 7161 0585 2F　", "9133010071610585", "91A30100716105852F",
	"９1330100716105852F", "9133010071610585\t2F", "CNCA-R-2002-001", "CNCA-RF-2002-07", "CNCA-R-02-001", "CNCA-R-2002-0011",
	"2026-02-28", "2026-02-30", "2026-2-28", "2026-02-28\n", "20260-2-28", "", "合成样例",
}

// TestShapeKnowsTheSchemasPatterns checks that Shape gives a check for each
// pattern of the flat schemas, and none for another.
func TestShapeKnowsTheSchemasPatterns(t *testing.T) {
	for _, p := range shapePatterns {
		require.NotNil(t, Shape(p), p)
	}
	assert.Nil(t, Shape(`^[0-9]{3}$`))
	for _, s := range shapeSeeds {
		for _, p := range shapePatterns {
			assert.Equal(t, regexp.MustCompile(p).MatchString(s), Shape(p)(s), "%q %s", s, p)
		}
	}
}

// FuzzShapesAgreeWithPatterns holds each check Shape gives to its
// compiled pattern, on any string.
func FuzzShapesAgreeWithPatterns(f *testing.F) {
	for _, s := range shapeSeeds {
		f.Add(s)
	}
	var res []*regexp.Regexp
	for _, p := range shapePatterns {
		res = append(res, regexp.MustCompile(p))
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i, p := range shapePatterns {
			if want, got := res[i].MatchString(s), Shape(p)(s); want != got {
				t.Fatalf("%q: %s says %v, its shape %v", s, p, want, got)
			}
		}
	})
}

package fold

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestWordFoldsWidthCaseAndSeparators(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want string }{
		{"Resource saving", "resourcesaving"},
		{"resource-saving", "resourcesaving"},
		{"ＲＥＳＯＵＲＣＥ　ＳＡＶＩＮＧ", "resourcesaving"},
		{"资源 节约", "资源节约"},
		{"type_5", "type5"},
		{"类型５", "类型5"},
		{"生态·协同", "生态协同"},
		{"《标题》", "《标题》"}, // brackets are Title's business
	} {
		assert.Equal(t, tc.want, Word(tc.in), tc.in)
	}
}

func TestTitleDropsBracketsQuotesAndDashes(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want string }{
		{"《江西绿色生态 赣南脐橙》", "江西绿色生态赣南脐橙"},
		{"“江西绿色生态”品牌评价通用要求", "江西绿色生态品牌评价通用要求"},
		{"〈Ｔｅａ〉—Green", "teagreen"},
		{"「范围」", "范围"},
	} {
		assert.Equal(t, tc.want, Title(tc.in), tc.in)
	}
}

func TestUnitSpellsMicroAndDegreeOneWay(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want string }{
		{"mg / kg", "mg/kg"},
		{"ｍｇ／ｋｇ", "mg/kg"},
		{"MG/KG", "mg/kg"},
		{"µg/kg", "ug/kg"},
		{"μg/kg", "ug/kg"},
		{"℃", "°c"},
	} {
		assert.Equal(t, tc.want, Unit(tc.in), tc.in)
	}
}

func TestCodeFoldsOnlyWidthCaseAndSpaces(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want string }{
		{"９１３６０１００ma3000001e", "91360100MA3000001E"},
		{"jxge - 001", "JXGE-001"},
		{"JX　GE\t001", "JXGE001"},
		// Nothing else meets: dashes, Greek and Cyrillic letters stay apart.
		{"JXGE—001", "JXGE—001"},
		{"JXGEα", "JXGEα"},
		{"ЈХ", "ЈХ"},
	} {
		assert.Equal(t, tc.want, Code(tc.in), tc.in)
	}
	assert.NotEqual(t, Code("JXGE-001"), Code("JXGE—001"))
}

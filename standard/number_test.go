package standard

import (
	"encoding/json"
	"errors"
	"strconv"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"
	"golang.org/x/text/width"

	"github.com/jxgreen/jxgreen/brand/i18n"
)

// Real standard numbers in the forms Chinese documents write them.
var parseCases = []struct {
	in, want string
	kind     Kind
	mand     bool
	region   string
	issuer   string
}{
	{"GB 2763-2021", "GB 2763-2021", National, true, "", ""},
	{"GB/T 1.1-2020", "GB/T 1.1-2020", National, false, "", ""},
	{"GB/T 20000.2-2009", "GB/T 20000.2-2009", National, false, "", ""},
	{"GB/Z 41305-2022", "GB/Z 41305-2022", National, false, "", ""},
	{"GB 32100-2015", "GB 32100-2015", National, true, "", ""},
	{"GB/T1.1—2020", "GB/T 1.1-2020", National, false, "", ""},
	{"ＧＢ／Ｔ　１．１—２０２０", "GB/T 1.1-2020", National, false, "", ""},
	{"gb/t 2260-2007", "GB/T 2260-2007", National, false, "", ""},
	{"GBT 1.1-2020", "GB/T 1.1-2020", National, false, "", ""},
	{"GB 2760—1996", "GB 2760-1996", National, true, "", ""},
	{"GB 5749-85", "GB 5749-1985", National, true, "", ""},
	{"GB 2763", "GB 2763", National, true, "", ""},
	{"  GB / T  1.1 – 2020  ", "GB/T 1.1-2020", National, false, "", ""},
	{"NY/T 391-2021", "NY/T 391-2021", Industry, false, "", ""},
	{"NY/T 844-2017", "NY/T 844-2017", Industry, false, "", ""},
	{"ny/t844－2017", "NY/T 844-2017", Industry, false, "", ""},
	{"NYT 844-2017", "NY/T 844-2017", Industry, false, "", ""},
	{"SN/T 0001-2016", "SN/T 0001-2016", Industry, false, "", ""},
	{"DB36/T 1138-2019", "DB36/T 1138-2019", Local, false, "36", ""},
	{"DB36/T 1138", "DB36/T 1138", Local, false, "36", ""},
	{"DB36/T1138—2019", "DB36/T 1138-2019", Local, false, "36", ""},
	{"DB 36/T 1490-2021", "DB36/T 1490-2021", Local, false, "36", ""},
	{"ＤＢ３６／Ｔ　１４９０－２０２１", "DB36/T 1490-2021", Local, false, "36", ""},
	{"db36/t 1490‐2021", "DB36/T 1490-2021", Local, false, "36", ""},
	{"DB4403/T 100-2020", "DB4403/T 100-2020", Local, false, "4403", ""},
	{"DB31/T 1048-2017", "DB31/T 1048-2017", Local, false, "31", ""},
	{"DB33/T 944-2014", "DB33/T 944-2014", Local, false, "33", ""},
	{"DB36/T 1704.1-2025", "DB36/T 1704.1-2025", Local, false, "36", ""},
	{"DB36 1234-2020", "DB36/ 1234-2020", Local, true, "36", ""},
	{"T/ZZB 0001-2015", "T/ZZB 0001-2015", Group, false, "", "ZZB"},
	{"T/ZZB 0001—2015", "T/ZZB 0001-2015", Group, false, "", "ZZB"},
	{"T/JGE 0039-2023", "T/JGE 0039-2023", Group, false, "", "JGE"},
	{"T/JGE0039-2023", "T/JGE 0039-2023", Group, false, "", "JGE"},
	{"t/jge 0041——2023", "T/JGE 0041-2023", Group, false, "", "JGE"},
	{"Ｔ／ＪＧＥ　００６６—２０２３", "T/JGE 0066-2023", Group, false, "", "JGE"},
	{"T / JGE 0073 - 2023", "T/JGE 0073-2023", Group, false, "", "JGE"},
	{"T/JGE 0073", "T/JGE 0073", Group, false, "", "JGE"},
	{"T/ZZB 0001.1-2015", "T/ZZB 0001.1-2015", Group, false, "", "ZZB"},
	{"Q/JXQY 0001S-2020", "Q/JXQY 0001S-2020", Enterprise, false, "", "JXQY"},
	{"Q/JXQY0001S—2020", "Q/JXQY 0001S-2020", Enterprise, false, "", "JXQY"},
	{"q/12gz 0001-2018", "Q/12GZ 0001-2018", Enterprise, false, "", "12GZ"},
	{"Q/3601ABC001-2021", "Q/3601ABC 001-2021", Enterprise, false, "", "3601ABC"},
}

func TestParse(t *testing.T) {
	t.Parallel()
	for _, tc := range parseCases {
		n, err := Parse(tc.in)
		require.NoError(t, err, "%q", tc.in)
		assert.Equal(t, tc.want, n.String(), "%q", tc.in)
		assert.Equal(t, tc.kind, n.Kind(), "%q", tc.in)
		assert.Equal(t, tc.mand, n.Mandatory(), "%q", tc.in)
		assert.Equal(t, tc.region, n.Region(), "%q", tc.in)
		assert.Equal(t, tc.issuer, n.Issuer(), "%q", tc.in)
		// The canonical form parses back to the same value.
		back, err := Parse(n.String())
		require.NoError(t, err)
		assert.Equal(t, n, back)
	}
}

// Mandatory local standards as the national local-standard information
// platform and the standards' covers write them ("DB12/ 617-2016"), and
// without the space or the slash: one value, printed the platform's way.
func TestParseMandatoryLocalSlashSpace(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want, region string }{
		{"DB12/ 617-2016", "DB12/ 617-2016", "12"},
		{"DB12/617-2016", "DB12/ 617-2016", "12"},
		{"DB12 617-2016", "DB12/ 617-2016", "12"},
		{"DB12/　617—2016", "DB12/ 617-2016", "12"},
		{"ＤＢ１２／　６１７－２０１６", "DB12/ 617-2016", "12"},
		{"DB43/344-2015", "DB43/ 344-2015", "43"},
		{"DB43/ 344-2015", "DB43/ 344-2015", "43"},
		{"db43 / 344 - 2015", "DB43/ 344-2015", "43"},
		{"DB11/ 1565-2018", "DB11/ 1565-2018", "11"},
		{"DB4403/ 100-2020", "DB4403/ 100-2020", "4403"},
		{"DB12/ 617", "DB12/ 617", "12"},
	} {
		n, err := Parse(tc.in)
		require.NoError(t, err, "%q", tc.in)
		assert.Equal(t, tc.want, n.String(), "%q", tc.in)
		assert.Equal(t, Local, n.Kind(), "%q", tc.in)
		assert.True(t, n.Mandatory(), "%q", tc.in)
		assert.Equal(t, tc.region, n.Region(), "%q", tc.in)
		assert.Equal(t, "DB"+tc.region+"/", n.Prefix(), "%q", tc.in)
		back, err := Parse(n.String())
		require.NoError(t, err)
		assert.Equal(t, n, back, "%q", tc.in)
	}
	// The slash with a space is not the recommended "/T": the two differ.
	assert.NotEqual(t, MustParse("DB12/ 617-2016"), MustParse("DB12/T 617-2016"))
	assert.False(t, MustParse("DB12/T 617-2016").Mandatory())
	assert.Equal(t, MustParse("DB43/344-2015"), MustParse("DB43 344-2015"))
}

// Amendment sheets (修改单): the number keeps the amendment, Base gives the
// edition it amends, and the canonical form round-trips.
func TestParseAmendment(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in, want, base string
		seq, year      int
	}{
		{"GB 20891-2014/XG1-2020", "GB 20891-2014/XG1-2020", "GB 20891-2014", 1, 2020},
		{"GB/T 15629.11-2003/XG1-2006", "GB/T 15629.11-2003/XG1-2006", "GB/T 15629.11-2003", 1, 2006},
		{"GB 2762-2017/XG2-2021", "GB 2762-2017/XG2-2021", "GB 2762-2017", 2, 2021},
		{"GB 20891—2014／XG1—2020", "GB 20891-2014/XG1-2020", "GB 20891-2014", 1, 2020},
		{"gb 20891-2014 / xg1-2020", "GB 20891-2014/XG1-2020", "GB 20891-2014", 1, 2020},
		{"GB 20891-2014/XG1-2014", "GB 20891-2014/XG1-2014", "GB 20891-2014", 1, 2014},
		{"DB36/T 1138-2019/XG1-2021", "DB36/T 1138-2019/XG1-2021", "DB36/T 1138-2019", 1, 2021},
		{"NY/T 391-2021/XG12-2024", "NY/T 391-2021/XG12-2024", "NY/T 391-2021", 12, 2024},
	} {
		n, err := Parse(tc.in)
		require.NoError(t, err, "%q", tc.in)
		assert.Equal(t, tc.want, n.String(), "%q", tc.in)
		assert.Equal(t, Amendment{Seq: tc.seq, Year: tc.year}, n.Amendment(), "%q", tc.in)
		assert.Equal(t, "XG"+strconv.Itoa(tc.seq)+"-"+strconv.Itoa(tc.year), n.Amendment().String())
		assert.Equal(t, MustParse(tc.base), n.Base(), "%q", tc.in)
		assert.True(t, n.Base().Amendment().IsZero())
		assert.NotEqual(t, n.Base(), n, "an amended number is not the bare edition")
		assert.True(t, n.SameStandard(MustParse(tc.base)), "%q", tc.in)
		assert.Equal(t, n.Base().Year(), n.Year(), "the year is the edition's, not the amendment's")
		back, err := Parse(n.String())
		require.NoError(t, err)
		assert.Equal(t, n, back)
	}
	plain := MustParse("GB 20891-2014")
	assert.Equal(t, plain, plain.Base())
	assert.Equal(t, "", plain.Amendment().String())
	assert.NotEqual(t, MustParse("GB 20891-2014/XG1-2020"), MustParse("GB 20891-2014/XG2-2020"))
}

// Separators seen on real labels and in file names.
func TestParseSeparators(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want string }{
		{"GB∕T 2260-2007", "GB/T 2260-2007"}, // U+2215 division slash
		{"GB⁄T 2260-2007", "GB/T 2260-2007"}, // U+2044 fraction slash
		{"GB_T 2260-2007", "GB/T 2260-2007"},
		{"GB_T_2260_2007", "GB/T 2260-2007"},
		{"GB_T2260-2007", "GB/T 2260-2007"},
		{"GB-T-2260-2007", "GB/T 2260-2007"},
		{"GB-T 2260-2007", "GB/T 2260-2007"},
		{"GB-30871-2014", "GB 30871-2014"},
		{"GB_30871-2014", "GB 30871-2014"},
		{"GB/T 2260 2007", "GB/T 2260-2007"},
		{"GB/T 2260　2007", "GB/T 2260-2007"},
		{"GB 30871 2014", "GB 30871-2014"},
		{"NY_T 391-2021", "NY/T 391-2021"},
		{"NY-T-391-2021", "NY/T 391-2021"},
		{"DB36_T 1138-2019", "DB36/T 1138-2019"},
		{"DB36-T-1138-2019", "DB36/T 1138-2019"},
		{"DB12-617-2016", "DB12/ 617-2016"},
		{"T_JGE 0039-2023", "T/JGE 0039-2023"},
		{"T/JGE 0039 2023", "T/JGE 0039-2023"},
		{"GB 20891 2014/XG1-2020", "GB 20891-2014/XG1-2020"},
	} {
		n, err := Parse(tc.in)
		require.NoError(t, err, "%q", tc.in)
		assert.Equal(t, tc.want, n.String(), "%q", tc.in)
		assert.Equal(t, MustParse(tc.want), n, "%q", tc.in)
	}
}

// International and foreign standards parse as their own kinds and print
// as their issuers write them.
func TestParseInternational(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in, want, prefix, code string
		kind                   Kind
		year                   int
	}{
		{"ISO 14064-1:2018", "ISO 14064-1:2018", "ISO", "14064-1", International, 2018},
		{"IEC 60335-1:2020", "IEC 60335-1:2020", "IEC", "60335-1", International, 2020},
		{"ISO/IEC 17065:2012", "ISO/IEC 17065:2012", "ISO/IEC", "17065", International, 2012},
		{"ISO/IEC 17067:2013", "ISO/IEC 17067:2013", "ISO/IEC", "17067", International, 2013},
		{"ISO 14001:2015", "ISO 14001:2015", "ISO", "14001", International, 2015},
		{"ISO 9001", "ISO 9001", "ISO", "9001", International, 0},
		{"ISO9001:2015", "ISO 9001:2015", "ISO", "9001", International, 2015},
		{"ISO 14001-2015", "ISO 14001:2015", "ISO", "14001", International, 2015},
		{"iso 14064-1：2018", "ISO 14064-1:2018", "ISO", "14064-1", International, 2018},
		{"ＩＳＯ　１４０６４－１：２０１８", "ISO 14064-1:2018", "ISO", "14064-1", International, 2018},
		{"ISO/TS 14067:2013", "ISO/TS 14067:2013", "ISO/TS", "14067", International, 2013},
		{"ISO/TR 14069:2013", "ISO/TR 14069:2013", "ISO/TR", "14069", International, 2013},
		{"IEC/TR 62635:2012", "IEC/TR 62635:2012", "IEC/TR", "62635", International, 2012},
		{"IEC TS 62443-1-1:2009", "IEC TS 62443-1-1:2009", "IEC TS", "62443-1-1", International, 2009},
		{"ISO/IEC Guide 21-1:2005", "ISO/IEC Guide 21-1:2005", "ISO/IEC Guide", "21-1", International, 2005},
		{"ISO/IEC TR 27019:2013", "ISO/IEC TR 27019:2013", "ISO/IEC TR", "27019", International, 2013},
		{"EN 71-3:2019", "EN 71-3:2019", "EN", "71-3", Foreign, 2019},
		{"BS EN 71-3:2019", "BS EN 71-3:2019", "BS EN", "71-3", Foreign, 2019},
		{"DIN EN ISO 14001:2015", "DIN EN ISO 14001:2015", "DIN EN ISO", "14001", Foreign, 2015},
		{"DIN EN 71-3", "DIN EN 71-3", "DIN EN", "71-3", Foreign, 0},
		{"EN ISO 14024:2018", "EN ISO 14024:2018", "EN ISO", "14024", Foreign, 2018},
		{"ASTM D6400-21", "ASTM D6400-21", "ASTM", "D6400", Foreign, 2021},
		{"ASTM E84-21a", "ASTM E84-21a", "ASTM", "E84", Foreign, 2021},
		{"ASTM F963-17", "ASTM F963-17", "ASTM", "F963", Foreign, 2017},
		{"ASTM D4169-99", "ASTM D4169-99", "ASTM", "D4169", Foreign, 1999},
		{"JIS Z 2801:2010", "JIS Z 2801:2010", "JIS", "Z 2801", Foreign, 2010},
		{"JIS Z2801:2010", "JIS Z 2801:2010", "JIS", "Z 2801", Foreign, 2010},
		{"AS/NZS 4020:2005", "AS/NZS 4020:2005", "AS/NZS", "4020", Foreign, 2005},
		{"UL 94", "UL 94", "UL", "94", Foreign, 0},
		{"IEEE 802.11-2020", "IEEE 802.11:2020", "IEEE", "802.11", Foreign, 2020},
		{"SAE J1939", "SAE J1939", "SAE", "J1939", Foreign, 0},
		{"EN 71-3:2019+A1:2021", "EN 71-3:2019+A1:2021", "EN", "71-3", Foreign, 2019},
		{"EN 71-3:2019 + A1:2021", "EN 71-3:2019+A1:2021", "EN", "71-3", Foreign, 2019},
		{"IEC 60335-1:2010+AMD1:2013+AMD2:2016", "IEC 60335-1:2010+AMD1:2013+AMD2:2016", "IEC", "60335-1", International, 2010},
		{"ISO 9001:2015/Amd 1:2024", "ISO 9001:2015/Amd 1:2024", "ISO", "9001", International, 2015},
		{"ISO 9001:2015/AMD1:2024", "ISO 9001:2015/Amd 1:2024", "ISO", "9001", International, 2015},
		{"ISO 14001:2015/Cor 1:2016", "ISO 14001:2015/Cor 1:2016", "ISO", "14001", International, 2015},
		{"EN 1176-1:2017+AC:2019", "EN 1176-1:2017+AC:2019", "EN", "1176-1", Foreign, 2017},
	} {
		n, err := Parse(tc.in)
		require.NoError(t, err, "%q", tc.in)
		assert.Equal(t, tc.want, n.String(), "%q", tc.in)
		assert.Equal(t, tc.kind, n.Kind(), "%q", tc.in)
		assert.Equal(t, tc.prefix, n.Prefix(), "%q", tc.in)
		assert.Equal(t, tc.code, n.Code(), "%q", tc.in)
		assert.Equal(t, tc.year, n.Year(), "%q", tc.in)
		assert.False(t, n.Mandatory(), "%q", tc.in)
		assert.Equal(t, "", n.Region(), "%q", tc.in)
		back, err := Parse(n.String())
		require.NoError(t, err)
		assert.Equal(t, n, back, "%q", tc.in)
	}
	assert.True(t, MustParse("ISO 14064-1:2018").SameStandard(MustParse("ISO 14064-1")))
	assert.False(t, MustParse("ISO 14064-1:2018").SameStandard(MustParse("ISO 14064-2:2018")))
	assert.True(t, MustParse("ASTM E84-21a").SameStandard(MustParse("ASTM E84-19")))
	amended := MustParse("EN 71-3:2019+A1:2021")
	assert.Equal(t, MustParse("EN 71-3:2019"), amended.Base())
	assert.NotEqual(t, amended.Base(), amended)
	assert.True(t, amended.SameStandard(MustParse("EN 71-3")))
	assert.Equal(t, "international standard", International.Localize(language.English))
	assert.Equal(t, "foreign", Foreign.String())
	assert.Equal(t, "国外标准", Foreign.Localize(language.Chinese))
	k, err := ParseKind("foreign")
	require.NoError(t, err)
	assert.Equal(t, Foreign, k)
}

func TestNumberParts(t *testing.T) {
	t.Parallel()
	n := MustParse("DB36/T 1138-2019")
	assert.Equal(t, "DB36/T", n.Prefix())
	assert.Equal(t, "1138", n.Code())
	assert.Equal(t, 2019, n.Year())
	assert.Equal(t, "DB36/T 1138", n.WithoutYear().String())
	assert.True(t, n.SameStandard(MustParse("DB36/T 1138")))
	assert.True(t, n.SameStandard(MustParse("DB36/T 1138-2030")))
	assert.False(t, n.SameStandard(MustParse("DB36/T 1139-2019")))
	assert.False(t, Number{}.SameStandard(Number{}))
	assert.Equal(t, "T/JGE", MustParse("T/JGE 0039-2023").Prefix())
	assert.Equal(t, "GB", MustParse("GB 2763-2021").Prefix())
	assert.Equal(t, "GB/Z", MustParse("GB/Z 41305-2022").Prefix())
	assert.Equal(t, "农业", MustParse("NY/T 844-2017").Sector())
	assert.Equal(t, "", MustParse("GB 2763").Sector())
	assert.Equal(t, "", Number{}.String())
	assert.True(t, Number{}.IsZero())
	assert.Equal(t, MustParse("GB/T 1.1-2020"), MustParse("gb/t1.1—2020"), "Numbers are comparable values")
}

func TestParseErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in     string
		err    error
		offset int
	}{
		{"", ErrEmpty, 0},
		{"   ", ErrEmpty, 3},
		{"　", ErrEmpty, 3},
		{"1138-2019", ErrPrefix, 0},
		{"XYZW 1-2020", ErrPrefix, 0},
		{"XY/T 1-2020", ErrPrefix, 0},
		{"XYZ 1-2020", ErrPrefix, 0},
		{"GB/X 1-2020", ErrPrefix, 3},
		{"DB/T 1138-2019", ErrRegion, 2},
		{"DB99/T 1-2020", ErrRegion, 2},
		{"DB361/T 1-2020", ErrRegion, 2},
		{"DB36/Z 1-2020", ErrPrefix, 5},
		{"DBT 1-2020", ErrPrefix, 0},
		{"T 0001-2015", ErrPrefix, 2},
		{"T/ 0001-2015", ErrIssuer, 3},
		{"T/", ErrIssuer, 2},
		{"T/JGE", ErrCode, 5},
		{"T/JGE 0039S-2023", ErrCode, 6},
		{"Q/0001S-2020", ErrIssuer, 2},
		{"GB/T -2020", ErrCode, 5},
		{"GB/T 1..1-2020", ErrCode, 5},
		{"GB/T 1.-2020", ErrCode, 5},
		{"GB/T .1-2020", ErrCode, 5},
		{"GB/T 1.1-", ErrYear, 9},
		{"GB/T 1.1-20", ErrYear, 9},
		{"GB/T 1.1-202", ErrYear, 9},
		{"GB/T 1.1-20201", ErrYear, 9},
		{"GB/T 1.1-1949", ErrYear, 9},
		{"GB/T 1.1-2100", ErrYear, 9},
		{"GB 2763-2021《食品安全国家标准》", ErrTrailing, 12},
		{"GB 2763-2021 GB 2762-2022", ErrTrailing, 13},
		{"GB/T 1.1-2020/XY1-2021", ErrAmendment, 14},
		{"GB/T 1.1/XG1-2021", ErrAmendment, 8},
		{"GB 20891-2014/XG0-2020", ErrAmendment, 16},
		{"GB 20891-2014/XG1-2013", ErrAmendment, 18},
		{"GB 20891-2014/XG1", ErrAmendment, 17},
		{"GB 20891-2014/XG1-20", ErrAmendment, 18},
		{"GB 20891-2014/XG1-2020/XG2-2021", ErrTrailing, 22},
		{"GB/T 2260 07", ErrYear, 10},
		{"GB/T 2260 2007 1", ErrTrailing, 15},
		{"GB/T -2020", ErrCode, 5},
		{"GB-TX 1-2020", ErrCode, 2},
		{"DB12/X 617-2016", ErrPrefix, 5},
		{"ISO", ErrCode, 3},
		{"ISO/IEC", ErrCode, 7},
		{"ISO 14064-1:18", ErrYear, 12},
		{"ISO 14064-1:2018x", ErrTrailing, 16},
		{"ISO 14064-1:2018/Amd 1:2017", ErrAmendment, 23},
		{"ISO 14064-1:2018/Amd:2024", ErrAmendment, 16},
		{"EN 71-3:2019+B1:2021", ErrAmendment, 12},
		{"EN 71-3:2019+A1", ErrAmendment, 15},
		{"EN 71-3+A1:2021", ErrTrailing, 7},
		{"IEC 1:2010+A1:2011+A2:2012+A3:2013+A4:2014+A5:2015", ErrAmendment, 42},
		{"ISOX 14064", ErrPrefix, 0},
		{"ASTM D6400-21ab", ErrTrailing, 14},
		{"EN 71-3 2019", ErrTrailing, 8},
		{"GB 2763\xff", ErrTrailing, 7},
		{"ＧＢ　２７６３－２０２１Ｘ", ErrTrailing, 36},
	} {
		_, err := Parse(tc.in)
		require.Error(t, err, "%q", tc.in)
		assert.ErrorIs(t, err, tc.err, "%q: %v", tc.in, err)
		var pe *ParseError
		require.True(t, errors.As(err, &pe), "%q", tc.in)
		assert.Equal(t, tc.in, pe.Input)
		assert.Equal(t, tc.offset, pe.Offset, "%q: %v", tc.in, err)
		assert.Contains(t, err.Error(), "standard: parsing")
		zh := i18n.Error(err, language.Chinese)
		assert.Contains(t, zh, "标准编号", "%q", tc.in)
		assert.NotEqual(t, zh, i18n.Error(err, language.English))
	}
}

// normal must agree with golang.org/x/text/width on every character a
// standard number can contain.
func TestNormalAgreesWithWidthFold(t *testing.T) {
	t.Parallel()
	for r := rune(0xFF01); r <= 0xFF5E; r++ {
		want := []rune(width.Fold.String(string(r)))[0]
		if want >= 'a' && want <= 'z' {
			want -= 'a' - 'A'
		}
		assert.Equal(t, want, normal(r), "%U", r)
	}
	assert.Equal(t, ' ', normal('\u3000'))
	assert.Equal(t, '-', normal('—'))
	assert.Equal(t, '-', normal('–'))
}

func TestNumberJSON(t *testing.T) {
	t.Parallel()
	type doc struct {
		Std  Number   `json:"std"`
		None Number   `json:"none"`
		List []Number `json:"list"`
	}
	in := doc{Std: MustParse("T/JGE 0039-2023"), List: []Number{MustParse("GB 2763-2021")}}
	b, err := json.Marshal(in)
	require.NoError(t, err)
	assert.JSONEq(t, `{"std":"T/JGE 0039-2023","none":"","list":["GB 2763-2021"]}`, string(b))
	var out doc
	require.NoError(t, json.Unmarshal(b, &out))
	assert.Equal(t, in, out)
	require.NoError(t, json.Unmarshal([]byte(`{"std":"ｔ／ｊｇｅ　００３９—２０２３"}`), &out))
	assert.Equal(t, in.Std, out.Std)
	err = json.Unmarshal([]byte(`{"std":"JGE 39"}`), &out)
	assert.ErrorIs(t, err, ErrPrefix)
}

func TestMustParsePanics(t *testing.T) {
	t.Parallel()
	assert.Panics(t, func() { MustParse("nonsense") })
}

func TestKind(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"团体标准", "团标", "group", "Group Standard", " group "} {
		k, err := ParseKind(s)
		require.NoError(t, err, s)
		assert.Equal(t, Group, k)
	}
	_, err := ParseKind("团体标注准")
	assert.ErrorIs(t, err, ErrKind)
	assert.Equal(t, "local", Local.String())
	assert.Equal(t, "地方标准", Local.Localize(language.Chinese))
	assert.Equal(t, "local standard", Local.Localize(language.English))
	assert.Equal(t, "Kind(0)", Kind(0).String())
	b, err := Enterprise.MarshalText()
	require.NoError(t, err)
	var k Kind
	require.NoError(t, k.UnmarshalText(b))
	assert.Equal(t, Enterprise, k)
	_, err = Kind(9).MarshalText()
	assert.Error(t, err)
}

func FuzzParse(f *testing.F) {
	for _, tc := range parseCases {
		f.Add(tc.in)
	}
	for _, s := range []string{"", "T/", "Q/S", "DB", "GB/T 1.1-", "GB/T 1.1—２０２０", "T/JGE0039", "\xff\xfe", "DB36/T 1138-2019 ",
		// Real forms of issue 9: mandatory local, amendments, separators,
		// international and foreign standards.
		"DB12/ 617-2016", "DB43/344-2015", "GB 20891-2014/XG1-2020", "GB/T 15629.11-2003/XG1-2006",
		"GB∕T 2260-2007", "GB_T 2260-2007", "GB-30871-2014", "GB/T 2260 2007",
		"ISO 14064-1:2018", "IEC 60335-1:2020", "ISO/IEC 17065:2012", "EN 71-3:2019", "ISO/TS 14067:2013",
		"IEC/TR 62635:2012", "BS EN 71-3:2019", "DIN EN ISO 14001:2015", "ASTM D6400-21", "ASTM E84-21a",
		"JIS Z 2801:2010", "ISO/IEC Guide 21-1:2005", "ISO 14001-2015", "EN 71-3:2019+A1:2021",
		"IEC 60335-1:2010+AMD1:2013+AMD2:2016", "ISO 9001:2015/Amd 1:2024", "EN 1176-1:2017+AC:2019"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := Parse(s)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("Parse(%q) returned %T, want *ParseError", s, err)
			}
			if pe.Offset < 0 || pe.Offset > len(s) {
				t.Fatalf("Parse(%q): offset %d out of range", s, pe.Offset)
			}
			if !n.IsZero() {
				t.Fatalf("Parse(%q) failed but returned %v", s, n)
			}
			return
		}
		c := n.String()
		if !utf8.ValidString(c) {
			t.Fatalf("Parse(%q).String() = %q is not UTF-8", s, c)
		}
		back, err := Parse(c)
		if err != nil || back != n {
			t.Fatalf("Parse(%q) = %q, which parses back to %v, %v", s, c, back, err)
		}
		if back.String() != c {
			t.Fatalf("canonical form not stable: %q -> %q", c, back.String())
		}
	})
}

func BenchmarkParse(b *testing.B) {
	inputs := []string{"DB36/T 1138-2019", "ＧＢ／Ｔ　１．１—２０２０", "T/JGE0039-2023", "NY/T 844-2017"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := Parse(inputs[i%len(inputs)]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseNewForms parses the forms issue 9 added.
func BenchmarkParseNewForms(b *testing.B) {
	inputs := []string{"DB12/ 617-2016", "GB 20891-2014/XG1-2020", "GB_T 2260-2007", "ISO 14064-1:2018", "ISO/IEC 17065:2012", "ASTM D6400-21"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := Parse(inputs[i%len(inputs)]); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkNumberString(b *testing.B) {
	n := MustParse("DB36/T 1138-2019")
	b.ReportAllocs()
	for b.Loop() {
		_ = n.String()
	}
}

package standard

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Number is a standard number such as "GB/T 1.1-2020", "NY/T 844-2017",
// "DB36/T 1490-2021", "DB12/ 617-2016", "T/JGE 0039-2023",
// "Q/JXQY 0001S-2020", "GB 20891-2014/XG1-2020" (with an amendment), or an
// international or foreign one: "ISO 14064-1:2018", "EN 71-3:2019". It is
// a small comparable value: two Numbers are == when they name the same
// edition of the same standard, with the same amendment. The zero Number
// is no number at all.
type Number struct {
	kind Kind
	// head is what stands between the kind's letters and the sequence
	// number: the industry code ("NY"), the division code ("36"), the
	// organisation or enterprise code ("JGE"); "GB" for national standards.
	// For international and foreign standards it is the whole designation
	// before the number ("ISO/IEC", "BS EN ISO", "ISO/TS").
	head string
	// suffix is 'T' (推荐性, recommended), 'Z' (指导性技术文件) or 0; for
	// an ASTM standard, the revision letter after the year ('A' in E84-21a).
	suffix byte
	code   string // sequence number with any part numbers: "1.1", "0039", "0001S", "14064-1"
	year   int    // 0 when the number was written without a year
	amend  Amendment
	// amends are the amendments and corrigenda of an international or
	// foreign number, in canonical form: "+A1:2021", "/Amd 1:2024".
	amends string
}

// Amendment is an amendment sheet (修改单) to an edition of a Chinese
// standard, written after it as "/XG1-2020": the first amendment, issued
// in 2020. The zero Amendment is none.
type Amendment struct {
	Seq  int // 1 for XG1
	Year int
}

// IsZero reports whether a is no amendment.
func (a Amendment) IsZero() bool { return a == Amendment{} }

// String returns the amendment as Chinese standard numbers cite it,
// "XG1-2020"; "" for none.
func (a Amendment) String() string {
	if a.IsZero() {
		return ""
	}
	return string(a.append(nil))
}

func (a Amendment) append(b []byte) []byte {
	b = strconv.AppendInt(append(b, "XG"...), int64(a.Seq), 10)
	return strconv.AppendInt(append(b, '-'), int64(a.Year), 10)
}

// Kind returns the level of the standard; 0 for the zero Number.
func (n Number) Kind() Kind { return n.kind }

// IsZero reports whether n is the zero Number.
func (n Number) IsZero() bool { return n.kind == 0 }

// Mandatory reports whether the standard is mandatory (强制性): a national
// standard "GB" or a local standard "DB…/" without "T". International and
// foreign standards are never mandatory in China by their number.
func (n Number) Mandatory() bool {
	return (n.kind == National || n.kind == Local) && n.suffix == 0
}

// Region returns the GB/T 2260 division code of a local standard as
// written ("36" for Jiangxi, "4403" for Shenzhen); "" for other kinds.
func (n Number) Region() string {
	if n.kind == Local {
		return n.head
	}
	return ""
}

// Issuer returns the organisation code of a group standard ("JGE", "ZZB")
// or the enterprise code of an enterprise standard; "" for other kinds.
func (n Number) Issuer() string {
	if n.kind == Group || n.kind == Enterprise {
		return n.head
	}
	return ""
}

// Prefix returns the standard code that precedes the sequence number, for
// example "GB/T", "NY/T", "DB36/T", "T/JGE" or "Q/JXQY".
func (n Number) Prefix() string {
	var buf [24]byte
	return string(n.appendPrefix(buf[:0]))
}

// Code returns the sequence number with any part numbers, for example "1.1"
// in "GB/T 1.1-2020" or "0001S" in "Q/JXQY 0001S-2020".
func (n Number) Code() string { return n.code }

// Year returns the year of the edition; 0 when the number has none.
func (n Number) Year() int { return n.year }

// WithoutYear returns n with the year and any amendment removed: the
// standard regardless of its edition.
func (n Number) WithoutYear() Number {
	n.year, n.amend, n.amends = 0, Amendment{}, ""
	if n.kind == Foreign {
		n.suffix = 0 // an ASTM revision letter belongs to the edition
	}
	return n
}

// Base returns the edition that an amended number amends: "GB 20891-2014"
// for "GB 20891-2014/XG1-2020", "EN 71-3:2019" for "EN 71-3:2019+A1:2021".
// A record that cites an amended number cites the base standard as
// amended, so look-ups by standard use Base. A number without an amendment
// is its own base.
func (n Number) Base() Number {
	n.amend, n.amends = Amendment{}, ""
	return n
}

// Amendment returns the amendment sheet (修改单) a Chinese number cites;
// the zero Amendment for none. The amendments of an international or
// foreign number ("+A1:2021", "/Amd 1:2024") are part of its String, and
// Base removes them.
func (n Number) Amendment() Amendment { return n.amend }

// SameStandard reports whether n and m name the same standard, perhaps in
// different editions. A number written without a year matches every
// edition.
func (n Number) SameStandard(m Number) bool {
	return !n.IsZero() && n.WithoutYear() == m.WithoutYear()
}

func (n Number) appendPrefix(b []byte) []byte {
	switch n.kind {
	case National, Industry:
		b = append(b, n.head...)
	case Local:
		b = append(append(b, "DB"...), n.head...)
		if n.suffix == 0 {
			// The mandatory local code keeps its slash: see Parse.
			return append(b, '/')
		}
	case International, Foreign:
		return append(b, n.head...)
	case Group:
		return append(append(b, "T/"...), n.head...)
	case Enterprise:
		return append(append(b, "Q/"...), n.head...)
	}
	if n.suffix != 0 {
		b = append(b, '/', n.suffix)
	}
	return b
}

// String returns the canonical form: half-width, upper case, one space
// before the sequence number and a hyphen before a four-digit year, for
// example "DB36/T 1490-2021", "DB12/ 617-2016" or "GB 20891-2014/XG1-2020".
// International and foreign standards print as their issuers write them:
// a colon before the year ("ISO 14064-1:2018"), ASTM's two-digit year
// ("ASTM D6400-21"). The zero Number gives "".
func (n Number) String() string {
	if n.IsZero() {
		return ""
	}
	var buf [80]byte
	return string(n.append(buf[:0]))
}

// append appends the canonical form of a non-zero n to b.
func (n Number) append(b []byte) []byte {
	b = append(n.appendPrefix(b), ' ')
	b = append(b, n.code...)
	switch {
	case n.year == 0:
	case n.kind == Foreign && n.head == "ASTM":
		b = append(b, '-', byte('0'+n.year/10%10), byte('0'+n.year%10))
		if n.suffix != 0 {
			b = append(b, n.suffix-'A'+'a')
		}
	case n.kind == International || n.kind == Foreign:
		b = strconv.AppendInt(append(b, ':'), int64(n.year), 10)
		b = append(b, n.amends...)
	default:
		b = strconv.AppendInt(append(b, '-'), int64(n.year), 10)
	}
	if !n.amend.IsZero() {
		b = n.amend.append(append(b, '/'))
	}
	return b
}

// MarshalText encodes n in its canonical form; the zero Number encodes as
// the empty string.
func (n Number) MarshalText() ([]byte, error) { return []byte(n.String()), nil }

// UnmarshalText decodes any form [Parse] accepts; the empty string decodes
// as the zero Number.
func (n *Number) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*n = Number{}
		return nil
	}
	v, err := Parse(string(b))
	if err != nil {
		return err
	}
	*n = v
	return nil
}

// MustParse is like [Parse] but panics on error. It is for package-level
// values and tests whose input is a constant.
func MustParse(s string) Number {
	n, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return n
}

// Parse reads a standard number in any of the forms Chinese documents use:
//
//	GB 2763-2021        GB/T 1.1-2020      GB/Z 41305-2022
//	NY/T 391-2021       DB36/T 1490-2021   DB4403/T 100-2020
//	DB12/ 617-2016      DB43/344-2015      DB36 1234-2020
//	T/ZZB 0001-2015     T/JGE 0039—2023    Q/JXQY 0001S-2020
//	GB 20891-2014/XG1-2020                 GB/T 15629.11-2003/XG1-2006
//
// and the international and foreign standards partners cite:
//
//	ISO 14064-1:2018    ISO/IEC 17065:2012 ISO/TS 14067:2013   IEC 60335-1:2020
//	EN 71-3:2019        BS EN 71-3:2019    DIN EN ISO 14001:2015
//	ASTM D6400-21       JIS Z 2801:2010    AS/NZS 4020:2005
//	EN 71-3:2019+A1:2021                   ISO 9001:2015/Amd 1:2024
//
// It accepts full-width characters (ＧＢ／Ｔ), the division slash ∕,
// ideographic and other spaces, em and en dashes, lower case, a missing or
// extra space ("GB/T1.1-2020", "DB 36/T 1138"), a missing year, an old
// two-digit year (read as 19YY), the file-name spellings GBT, NYT, GB_T
// and GB-30871-2014, and a space for the dash before a four-digit year
// ("GB/T 2260 2007").
//
// A mandatory local standard is written three ways. The local-standard
// rules (《地方标准管理办法》) make the code of a province's standards "DB"
// and its two GB/T 2260 digits, adding "/T" for recommended ones, which
// gives "DB43 344-2015"; the national local-standard information platform
// (dbba.sacinfo.org.cn) and the standards' covers print "DB12/ 617-2016",
// the slash kept where "/T" would stand, then the space that GB/T 1.1
// puts between code and sequence number; lists copy it as "DB43/344-2015".
// Parse accepts all three as one Number. The canonical form is the
// platform's, "DB12/ 617-2016": a number printed from it can be found on
// the platform as it is, and it differs from the recommended
// "DB12/T 617-2016" by the one letter that makes the difference.
//
// An amendment sheet (修改单) follows the edition it amends after a slash
// ("/XG1-2020"); see [Number.Base] and [Number.Amendment].
//
// The result prints in canonical form with [Number.String]. Bad input
// returns a [*ParseError] saying where and why; Parse never panics.
func Parse(s string) (Number, error) {
	if n, ok := canonical(s); ok {
		return n, nil
	}
	p := parser{s: s}
	n, err := p.number()
	if err != nil {
		return Number{}, err
	}
	return n, nil
}

// canonical reads a Chinese standard number written in canonical form
// without an amendment, the form catalogues and most partner records use:
// "GB 2763-2021", "GB/T 1.1-2020", "NY/T 844-2017", "DB36/T 1138-2019",
// "DB12/ 617-2016", "T/JGE 0039-2023", "Q/JXQY 0001S-2020". It returns
// what the parser returns for them, without its rune-by-rune reading, and
// false for anything else, which the parser then reads (a test holds the
// two to the same result).
func canonical(s string) (Number, bool) {
	sp := strings.IndexByte(s, ' ')
	if sp < 2 || len(s)-sp < 7 {
		return Number{}, false
	}
	prefix, rest := s[:sp], s[sp+1:]
	// The year: a hyphen and four digits at the end.
	y := len(rest) - 5
	if rest[y] != '-' {
		return Number{}, false
	}
	year := 0
	for i := y + 1; i < len(rest); i++ {
		c := rest[i]
		if c < '0' || c > '9' {
			return Number{}, false
		}
		year = year*10 + int(c-'0')
	}
	if year < 1950 || year > 2099 {
		return Number{}, false
	}
	n := Number{code: rest[:y], year: year}
	switch {
	case prefix == "GB":
		n.kind, n.head = National, "GB"
	case prefix == "GB/T" || prefix == "GB/Z":
		n.kind, n.head, n.suffix = National, "GB", prefix[3]
	case len(prefix) >= 5 && prefix[:2] == "DB":
		region, slash := prefix[2:], ""
		if i := strings.IndexByte(region, '/'); i >= 0 {
			region, slash = region[:i], region[i:]
		}
		if slash != "/T" && slash != "/" || len(region) != 2 && len(region) != 4 || !isProvince(region[:2]) {
			return Number{}, false
		}
		for i := 2; i < len(region); i++ {
			if region[i] < '0' || region[i] > '9' {
				return Number{}, false
			}
		}
		n.kind, n.head = Local, region
		if slash == "/T" {
			n.suffix = 'T'
		}
	case len(prefix) >= 3 && (prefix[:2] == "T/" || prefix[:2] == "Q/"):
		n.kind, n.head = Group, prefix[2:]
		if prefix[0] == 'Q' {
			n.kind = Enterprise
		}
		if len(n.head) > maxIssuer {
			return Number{}, false
		}
		letter := false
		for i := 0; i < len(n.head); i++ {
			switch c := n.head[i]; {
			case c >= 'A' && c <= 'Z':
				letter = true
			case c >= '0' && c <= '9':
			default:
				return Number{}, false
			}
		}
		if !letter {
			return Number{}, false
		}
		if n.kind == Enterprise {
			if code, ok := strings.CutSuffix(n.code, "S"); ok {
				return n, validCode(code)
			}
		}
	case len(prefix) == 2 || len(prefix) == 4 && prefix[2] == '/' && (prefix[3] == 'T' || prefix[3] == 'Z'):
		if !industryCode(prefix[:2]) {
			return Number{}, false
		}
		n.kind, n.head = Industry, prefix[:2]
		if len(prefix) == 4 {
			n.suffix = prefix[3]
		}
	default:
		return Number{}, false
	}
	return n, validCode(n.code)
}

// industryCodes are the codes of industry standards (行业标准代号) published
// by the Standardization Administration of China, with their sectors.
var industryCodes = map[string]string{
	"AQ": "安全生产", "BB": "包装", "CB": "船舶", "CH": "测绘", "CJ": "城镇建设", "CY": "新闻出版",
	"DA": "档案", "DL": "电力", "DZ": "地质矿产", "EJ": "核工业", "FZ": "纺织", "GA": "公共安全",
	"GH": "供销合作", "GM": "密码", "GY": "广播电影电视", "HB": "航空", "HG": "化工", "HJ": "环境保护",
	"HS": "海关", "HY": "海洋", "JB": "机械", "JC": "建材", "JG": "建筑工业", "JR": "金融", "JT": "交通",
	"JY": "教育", "LB": "旅游", "LD": "劳动和劳动安全", "LS": "粮食", "LY": "林业", "MH": "民用航空",
	"MT": "煤炭", "MZ": "民政", "NB": "能源", "NY": "农业", "QB": "轻工", "QC": "汽车", "QJ": "航天",
	"QX": "气象", "RB": "认证认可", "SB": "商业", "SC": "水产", "SF": "司法", "SH": "石油化工",
	"SJ": "电子", "SL": "水利", "SN": "出入境检验检疫", "SY": "石油天然气", "TB": "铁道", "TD": "土地管理",
	"TY": "体育", "WB": "物资管理", "WH": "文化", "WJ": "兵工民品", "WM": "外经贸", "WS": "卫生",
	"WW": "文物保护", "XB": "稀土", "XF": "消防", "YB": "黑色冶金", "YC": "烟草", "YD": "通信",
	"YS": "有色金属", "YY": "医药", "YZ": "邮政", "ZY": "中医药",
}

// industryCode reports whether code (upper case, as "NY") is the code of
// an industry standard.
func industryCode(code string) bool {
	_, ok := industryCodes[code]
	return ok
}

// Sector returns the sector of an industry standard ("农业" for NY/T …);
// "" for other kinds.
func (n Number) Sector() string {
	if n.kind != Industry {
		return ""
	}
	return industryCodes[n.head]
}

// isProvince reports whether s is a GB/T 2260 province-level division code,
// the first two digits of every division code.
func isProvince(s string) bool {
	switch s {
	case "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
		"41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
		"71", "81", "82":
		return true
	}
	return false
}

// Limits that keep a garbage input from passing as a number.
const (
	maxIssuer = 16
	maxCode   = 24
)

type parser struct {
	s string
	i int // byte offset of the next rune
}

func (p *parser) fail(at int, err error) error {
	return &ParseError{Input: p.s, Offset: at, Err: err}
}

// normal maps a rune to the half-width, upper-case form the grammar is
// written in: full-width ASCII to ASCII, every space to ' ', every dash to
// '-'. It is golang.org/x/text/width's folding restricted to what standard
// numbers contain, done by hand because Parse is on the hot path; a test
// checks it against width.Fold.
func normal(r rune) rune {
	switch {
	case r >= 'a' && r <= 'z':
		return r - 'a' + 'A'
	case r < 0x80:
		if r == '\t' {
			return ' '
		}
		return r
	case r >= 0xFF01 && r <= 0xFF5E: // full-width ASCII
		r -= 0xFEE0
		if r >= 'a' && r <= 'z' {
			r -= 'a' - 'A'
		}
		if r == '-' {
			return '-'
		}
		return r
	}
	switch r {
	case '\u3000', '\u00A0', '\u2002', '\u2003', '\u2009', '\u200A', '\u202F', '\u205F':
		return ' '
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFE58', '\uFE63', '\u30FC':
		return '-'
	case '\u2215', '\u2044': // division slash, fraction slash: "GB∕T" on labels
		return '/'
	}
	return r
}

// peek returns the next rune, normalised, and its width in bytes; (0, 0)
// at the end of the input.
func (p *parser) peek() (rune, int) {
	if p.i >= len(p.s) {
		return 0, 0
	}
	c := p.s[p.i]
	if c < 0x80 {
		return normal(rune(c)), 1
	}
	r, w := utf8.DecodeRuneInString(p.s[p.i:]) // invalid UTF-8: RuneError, which no rule accepts
	return normal(r), w
}

// skipSpace skips spaces and reports whether there were any.
func (p *parser) skipSpace() bool {
	start := p.i
	for {
		r, w := p.peek()
		if r != ' ' {
			return p.i > start
		}
		p.i += w
	}
}

// accept consumes the next rune if it is want (after normalisation).
func (p *parser) accept(want rune) bool {
	r, w := p.peek()
	if w > 0 && r == want {
		p.i += w
		return true
	}
	return false
}

// run consumes the longest run of runes for which ok holds and returns it,
// normalised.
//
// When the run is already in normal form, as it is in most real input, the
// result is a substring of the input and costs no allocation.
func (p *parser) run(ok func(rune) bool, limit int) (string, bool) {
	start, n := p.i, 0
	var b []byte // the normalised run, once it differs from the input
	for {
		r, w := p.peek()
		if w == 0 || !ok(r) {
			if b == nil {
				return p.s[start:p.i], true
			}
			return string(b), true
		}
		if n >= limit {
			return "", false
		}
		if b == nil && (w != 1 || rune(p.s[p.i]) != r) {
			b = append(make([]byte, 0, limit), p.s[start:p.i]...)
		}
		if b != nil {
			b = append(b, byte(r)) // ok only accepts ASCII
		}
		n++
		p.i += w
	}
}

func isLetter(r rune) bool { return r >= 'A' && r <= 'Z' }
func isDigit(r rune) bool  { return r >= '0' && r <= '9' }
func isAlnum(r rune) bool  { return isLetter(r) || isDigit(r) }
func isCode(r rune) bool   { return isDigit(r) || r == '.' }
func isToken(r rune) bool  { return isAlnum(r) || r == '.' }

func (p *parser) number() (Number, error) {
	p.skipSpace()
	if p.i >= len(p.s) {
		return Number{}, p.fail(p.i, ErrEmpty)
	}
	start := p.i
	letters, ok := p.run(isLetter, 8)
	if !ok || letters == "" {
		return Number{}, p.fail(start, ErrPrefix)
	}
	var n Number
	switch {
	case letters == "GB" || letters == "GBT" || letters == "GBZ":
		n.kind, n.head = National, "GB"
		if err := p.suffix(&n, letters[2:]); err != nil {
			return Number{}, err
		}
	case letters == "DB":
		n.kind = Local
		p.skipSpace()
		at := p.i
		region, _ := p.run(isDigit, 6)
		if (len(region) != 2 && len(region) != 4) || !isProvince(region[:2]) {
			return Number{}, p.fail(at, ErrRegion)
		}
		n.head = region
		if err := p.suffix(&n, ""); err != nil {
			return Number{}, err
		}
	case letters == "T" || letters == "Q":
		n.kind = Group
		if letters == "Q" {
			n.kind = Enterprise
		}
		p.skipSpace()
		if !p.slash() {
			return Number{}, p.fail(p.i, ErrPrefix)
		}
		return p.issuerAndRest(n)
	case (len(letters) == 2 || (len(letters) == 3 && (letters[2] == 'T' || letters[2] == 'Z'))) && industryCode(letters[:2]):
		n.kind, n.head = Industry, letters[:2]
		if err := p.suffix(&n, letters[2:]); err != nil {
			return Number{}, err
		}
	default:
		if _, ok := bodies[letters]; ok {
			return p.foreign(letters, start)
		}
		return Number{}, p.fail(start, ErrPrefix)
	}
	p.codeSep()
	at := p.i
	code, ok := p.run(isCode, maxCode)
	if !ok || !validCode(code) {
		return Number{}, p.fail(at, ErrCode)
	}
	n.code = code
	return p.rest(n)
}

// slash consumes a slash, or the underscore that stands for one in file
// names ("GB_T 2260-2007").
func (p *parser) slash() bool { return p.accept('/') || p.accept('_') }

// codeSep skips what separates the standard code from the sequence number:
// spaces, or one hyphen or underscore right after the code as file names
// write it ("GB-30871-2014", "GB_T_2260_2007"). A hyphen after a space is
// not a separator: "GB/T -2020" lacks its sequence number.
func (p *parser) codeSep() {
	switch r, w := p.peek(); r {
	case '-', '_':
		if d, _ := p.peekAt(p.i + w); isDigit(d) {
			p.i += w
		}
	case ' ':
		p.skipSpace()
	}
}

// peekAt is peek at byte offset i.
func (p *parser) peekAt(i int) (rune, int) {
	save := p.i
	p.i = i
	r, w := p.peek()
	p.i = save
	return r, w
}

// suffix reads "/T" or "/Z" after GB or an industry code, "/T" or the bare
// "/" of a mandatory standard after DB and its division code; glued is the
// letter already read when the slash was left out ("GBT"). The slash may
// be an underscore, or a hyphen before the letter ("GB-T"), as in file
// names.
func (p *parser) suffix(n *Number, glued string) error {
	if glued != "" {
		n.suffix = glued[0]
		return nil
	}
	// "GB-T 2260", "DB36-T 1138": a hyphen for the slash, right after the code.
	save := p.i
	r, w := p.peek()
	if r == '-' {
		l, lw := p.peekAt(p.i + w)
		if after, _ := p.peekAt(p.i + w + lw); (l == 'T' || l == 'Z' && n.kind != Local) && !isLetter(after) {
			p.i += w + lw
			n.suffix = byte(l)
		}
		return nil
	}
	if r == ' ' {
		p.skipSpace()
		r, w = p.peek()
	}
	switch r {
	case '/':
	case '_':
		if d, _ := p.peekAt(p.i + w); isDigit(d) {
			p.i = save
			return nil // "GB_30871-2014": the separator before the number
		}
	default:
		p.i = save
		return nil
	}
	p.i += w
	p.skipSpace()
	at := p.i
	switch {
	case p.accept('T'):
		n.suffix = 'T'
	case n.kind != Local && p.accept('Z'):
		n.suffix = 'Z'
	case n.kind == Local:
		// "DB12/ 617-2016": the slash of the mandatory local code.
		if r, _ := p.peek(); isLetter(r) {
			return p.fail(at, ErrPrefix)
		}
	default:
		return p.fail(at, ErrPrefix)
	}
	return nil
}

// issuerAndRest reads what follows "T/" or "Q/": the organisation or
// enterprise code, the sequence number and the year. The two may be written
// apart ("T/JGE 0039") or together ("T/JGE0039").
func (p *parser) issuerAndRest(n Number) (Number, error) {
	p.skipSpace()
	at := p.i
	tok, ok := p.run(isToken, maxIssuer+maxCode)
	if !ok || tok == "" {
		return Number{}, p.fail(at, ErrIssuer)
	}
	before := p.i
	p.skipSpace()
	if r, _ := p.peek(); isDigit(r) && !strings.Contains(tok, ".") {
		// Written apart: tok is the issuer.
		codeAt := p.i
		code, ok := p.run(func(r rune) bool { return isCode(r) || r == 'S' }, maxCode)
		if !ok || !p.validCodeFor(n.kind, code) {
			return Number{}, p.fail(codeAt, ErrCode)
		}
		n.head, n.code = tok, code
	} else {
		// Written together: split the sequence number off the end.
		p.i = before
		cut := len(tok)
		if n.kind == Enterprise && cut > 1 && tok[cut-1] == 'S' && isDigit(rune(tok[cut-2])) {
			cut--
		}
		for cut > 0 && isCode(rune(tok[cut-1])) {
			cut--
		}
		n.head, n.code = tok[:cut], tok[cut:]
		if !p.validCodeFor(n.kind, n.code) {
			return Number{}, p.fail(at+cut, ErrCode)
		}
	}
	if n.head == "" || len(n.head) > maxIssuer || strings.IndexFunc(n.head, func(r rune) bool { return isLetter(r) }) < 0 || strings.Contains(n.head, ".") {
		return Number{}, p.fail(at, ErrIssuer)
	}
	return p.rest(n)
}

func (p *parser) validCodeFor(k Kind, code string) bool {
	if k == Enterprise && strings.HasSuffix(code, "S") {
		code = code[:len(code)-1]
	}
	return validCode(code)
}

// validCode reports whether code is digits with optional ".digits" parts.
func validCode(code string) bool {
	if code == "" || len(code) > maxCode {
		return false
	}
	prevDot := true
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch {
		case c == '.':
			if prevDot {
				return false
			}
			prevDot = true
		case c >= '0' && c <= '9':
			prevDot = false
		default:
			return false
		}
	}
	return !prevDot
}

// rest reads the optional year ("-2019", "—2019", "_2019", " 2019") and
// amendment ("/XG1-2020"), and makes sure nothing follows.
func (p *parser) rest(n Number) (Number, error) {
	spaced := p.skipSpace()
	if r, w := p.peek(); r == '-' || r == '_' {
		p.i += w
		for p.accept('-') { // "——" is a doubled em dash
		}
		p.skipSpace()
		at := p.i
		digits, ok := p.run(isDigit, 4)
		if !ok {
			return Number{}, p.fail(at, ErrYear)
		}
		switch len(digits) {
		case 4:
			if n.year = atoi(digits); n.year < 1950 || n.year > 2099 {
				return Number{}, p.fail(at, ErrYear)
			}
		case 2:
			if n.year = 1900 + atoi(digits); n.year < 1950 {
				return Number{}, p.fail(at, ErrYear)
			}
		default:
			return Number{}, p.fail(at, ErrYear)
		}
		p.skipSpace()
	} else if r, _ := p.peek(); spaced && isDigit(r) {
		// "GB/T 2260 2007": a space for the dash, only before four digits.
		at := p.i
		digits, ok := p.run(isDigit, 4)
		if !ok || len(digits) != 4 {
			return Number{}, p.fail(at, ErrYear)
		}
		if n.year = atoi(digits); n.year < 1950 || n.year > 2099 {
			return Number{}, p.fail(at, ErrYear)
		}
		p.skipSpace()
	}
	if at := p.i; p.i < len(p.s) && p.accept('/') {
		if n.year == 0 {
			return Number{}, p.fail(at, ErrAmendment)
		}
		var err error
		if n.amend, err = p.amendment(n.year); err != nil {
			return Number{}, err
		}
	}
	if p.i < len(p.s) {
		return Number{}, p.fail(p.i, ErrTrailing)
	}
	return n, nil
}

// amendment reads "XG1-2020" after the slash that follows an edition of
// the given year.
func (p *parser) amendment(edition int) (Amendment, error) {
	p.skipSpace()
	at := p.i
	if !p.accept('X') || !p.accept('G') {
		return Amendment{}, p.fail(at, ErrAmendment)
	}
	p.skipSpace()
	at = p.i
	seq, ok := p.run(isDigit, 2)
	if !ok || seq == "" || seq[0] == '0' {
		return Amendment{}, p.fail(at, ErrAmendment)
	}
	p.skipSpace()
	at = p.i
	if !p.accept('-') {
		return Amendment{}, p.fail(at, ErrAmendment)
	}
	for p.accept('-') {
	}
	p.skipSpace()
	at = p.i
	digits, ok := p.run(isDigit, 4)
	a := Amendment{Seq: atoi(seq), Year: atoi(digits)}
	// An amendment is issued with or after the edition it amends.
	if !ok || len(digits) != 4 || a.Year < edition || a.Year > 2099 {
		return Amendment{}, p.fail(at, ErrAmendment)
	}
	p.skipSpace()
	return a, nil
}

// atoi converts a run of at most four ASCII digits.
func atoi(digits string) int {
	v := 0
	for i := 0; i < len(digits); i++ {
		v = v*10 + int(digits[i]-'0')
	}
	return v
}

// bodies are the standards bodies whose numbers partners and UNTP
// credentials cite, by the letters that open their numbers: the
// international ones (ISO, IEC) and regional or national ones abroad.
// seriesSpaced says the body writes a series letter before the number with
// a space ("JIS Z 2801", "KS C 9814", "GOST R 51074"); the others glue it
// ("ASTM D6400", "SAE J1939").
var bodies = map[string]struct {
	kind         Kind
	seriesSpaced bool
}{
	"ISO": {International, false}, "IEC": {International, false},
	"EN": {Foreign, false}, "CEN": {Foreign, false}, "CLC": {Foreign, false},
	"BS": {Foreign, false}, "DIN": {Foreign, false}, "NF": {Foreign, false}, "UNE": {Foreign, false},
	"UNI": {Foreign, false}, "NEN": {Foreign, false}, "SS": {Foreign, false},
	"ASTM": {Foreign, false}, "ANSI": {Foreign, false}, "UL": {Foreign, false}, "IEEE": {Foreign, false},
	"NSF": {Foreign, false}, "SAE": {Foreign, false}, "CSA": {Foreign, false},
	"AS": {Foreign, false}, "NZS": {Foreign, false},
	"JIS": {Foreign, true}, "KS": {Foreign, true}, "GOST": {Foreign, true},
}

// deliverables are the kinds of document that follow a body's code:
// ISO/TS 14067, IEC TR 62635, ISO/IEC Guide 21-1, PAS 2050 (canonical
// spelling by upper-case form).
var deliverables = map[string]string{"TS": "TS", "TR": "TR", "PAS": "PAS", "GUIDE": "Guide", "ISP": "ISP"}

// Limits of an international or foreign designation.
const (
	maxBodies = 4
	maxHead   = 24
)

// foreign reads an international or foreign standard number: the
// designation (one body or several, "ISO/IEC", "BS EN ISO", with any kind
// of deliverable, "ISO/TS"), the number with its parts ("14064-1", the
// series letter of "ASTM D6400", "JIS Z 2801") and the year, after a colon
// ("ISO 14064-1:2018") or a hyphen ("ISO 14001-2015", "ASTM D6400-21a").
// The separators inside the designation are kept as written, since the
// bodies themselves write both ("IEC/TS" before 2016, "IEC TS" now).
func (p *parser) foreign(first string, start int) (Number, error) {
	n := Number{kind: International}
	var hb [maxHead + 8]byte
	head := append(hb[:0], first...)
	if bodies[first].kind == Foreign {
		n.kind = Foreign
	}
	spaced := bodies[first].seriesSpaced
	for parts := 1; parts < maxBodies; parts++ {
		save := p.i
		p.skipSpace()
		sep := byte(' ')
		if p.accept('/') {
			sep = '/'
			p.skipSpace()
		}
		tok, ok := p.run(isLetter, 8)
		canon, known := deliverables[tok]
		if b, isBody := bodies[tok]; isBody {
			canon, known = tok, true
			if b.kind == Foreign {
				n.kind = Foreign
			}
			spaced = b.seriesSpaced
		}
		if !ok || !known || len(head)+1+len(canon) > maxHead {
			p.i = save
			break
		}
		head = append(append(head, sep), canon...)
	}
	if string(head) == p.s[start:start+min(len(head), len(p.s)-start)] {
		n.head = p.s[start : start+len(head)] // as written: no allocation
	} else {
		n.head = string(head)
	}
	astm := n.kind == Foreign && n.head == "ASTM"

	p.codeSep()
	codeAt := p.i
	var cb [maxCode + 8]byte
	code := cb[:0]
	if r, w := p.peek(); isLetter(r) {
		// A series letter: "ASTM D6400", "JIS Z 2801".
		p.i += w
		code = append(code, byte(r))
		if spaced {
			code = append(code, ' ')
		}
		p.skipSpace()
	}
	digits, _ := p.run(isDigit, maxCode)
	if digits == "" {
		return Number{}, p.fail(p.i, ErrCode)
	}
	code = append(code, digits...)
	// Parts ("-1", ".2") until the year.
	yearAt := 0
	for {
		r, w := p.peek()
		if r != '-' && r != '.' {
			break
		}
		save := p.i
		p.i += w
		d, ok := p.run(isDigit, maxCode)
		if !ok || d == "" {
			p.i = save
			break
		}
		if r == '-' {
			next, _ := p.peek()
			cont := next == '-' || next == '.' || next == ':' || isDigit(next)
			if astm && len(d) == 2 && !cont {
				// ASTM's edition year: D6400-21, E84-21a.
				n.year = 2000 + atoi(d)
				if n.year >= 2050 {
					n.year -= 100
				}
				if l, lw := p.peek(); isLetter(l) {
					p.i += lw
					n.suffix = byte(l)
				}
				break
			}
			if y := atoi(d); len(d) == 4 && y >= 1950 && y <= 2099 && !cont {
				n.year, yearAt = y, save+w // "ISO 14001-2015", as Chinese documents write it
				break
			}
		}
		if len(code)+1+len(d) > maxCode {
			return Number{}, p.fail(codeAt, ErrCode)
		}
		code = append(append(code, byte(r)), d...)
	}
	if len(code) > maxCode {
		return Number{}, p.fail(codeAt, ErrCode)
	}
	if end := codeAt + len(code); end <= len(p.s) && string(code) == p.s[codeAt:end] {
		n.code = p.s[codeAt:end]
	} else {
		n.code = string(code)
	}
	p.skipSpace()
	if n.year == 0 && p.accept(':') {
		p.skipSpace()
		at := p.i
		digits, ok := p.run(isDigit, 4)
		if n.year = atoi(digits); !ok || len(digits) != 4 || n.year < 1950 || n.year > 2099 {
			return Number{}, p.fail(at, ErrYear)
		}
		yearAt = at
		p.skipSpace()
	}
	if astm && n.year >= 2050 {
		// ASTM prints two digits, read as 1950–2049.
		return Number{}, p.fail(yearAt, ErrYear)
	}
	if n.year != 0 && !astm {
		var err error
		if n.amends, err = p.foreignAmendments(n.year); err != nil {
			return Number{}, err
		}
	}
	if p.i < len(p.s) {
		return Number{}, p.fail(p.i, ErrTrailing)
	}
	return n, nil
}

// maxForeignAmends is the most amendments and corrigenda one number cites.
const maxForeignAmends = 4

// foreignAmendments reads the amendments and corrigenda that follow a
// dated international or foreign number of the given year: "+A1:2021"
// (CEN), "+AMD1:2013+AMD2:2016" (IEC consolidated versions), "/Amd 1:2024"
// and "/Cor 1:2009" (ISO), "+AC:2009" (a CEN corrigendum). It returns them
// in canonical form.
func (p *parser) foreignAmendments(edition int) (string, error) {
	var buf [maxForeignAmends * 16]byte
	b := buf[:0]
	start := p.i
	for count := 0; ; count++ {
		r, w := p.peek()
		if r != '+' && r != '/' {
			break
		}
		at := p.i
		if count == maxForeignAmends {
			return "", p.fail(at, ErrAmendment)
		}
		p.i += w
		p.skipSpace()
		tok, _ := p.run(isLetter, 4)
		var canon string
		switch {
		case r == '+' && tok == "A":
			canon = "+A"
		case r == '+' && tok == "AMD":
			canon = "+AMD"
		case r == '+' && tok == "AC":
			canon = "+AC"
		case r == '/' && tok == "AMD":
			canon = "/Amd "
		case r == '/' && tok == "COR":
			canon = "/Cor "
		default:
			return "", p.fail(at, ErrAmendment)
		}
		p.skipSpace()
		seq, ok := p.run(isDigit, 2)
		if !ok || (seq == "" && tok != "AC") || (seq != "" && seq[0] == '0') {
			return "", p.fail(at, ErrAmendment)
		}
		p.skipSpace()
		if !p.accept(':') {
			return "", p.fail(p.i, ErrAmendment)
		}
		p.skipSpace()
		yearAt := p.i
		digits, ok := p.run(isDigit, 4)
		if y := atoi(digits); !ok || len(digits) != 4 || y < edition || y > 2099 {
			return "", p.fail(yearAt, ErrAmendment)
		}
		b = append(append(append(append(b, canon...), seq...), ':'), digits...)
		p.skipSpace()
	}
	if len(b) == 0 {
		return "", nil
	}
	if end := start + len(b); end <= len(p.s) && string(b) == p.s[start:end] {
		return p.s[start:end], nil
	}
	return string(b), nil
}

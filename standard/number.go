package standard

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Number is a Chinese standard number such as "GB/T 1.1-2020",
// "NY/T 844-2017", "DB36/T 1490-2021", "T/JGE 0039-2023" or
// "Q/JXQY 0001S-2020". It is a small comparable value: two Numbers are ==
// when they name the same edition of the same standard. The zero Number is
// no number at all.
type Number struct {
	kind Kind
	// head is what stands between the kind's letters and the sequence
	// number: the industry code ("NY"), the division code ("36"), the
	// organisation or enterprise code ("JGE"); "GB" for national standards.
	head string
	// suffix is 'T' (推荐性, recommended), 'Z' (指导性技术文件) or 0.
	suffix byte
	code   string // sequence number with any part numbers: "1.1", "0039", "0001S"
	year   int    // 0 when the number was written without a year
}

// Kind returns the level of the standard; 0 for the zero Number.
func (n Number) Kind() Kind { return n.kind }

// IsZero reports whether n is the zero Number.
func (n Number) IsZero() bool { return n.kind == 0 }

// Mandatory reports whether the standard is mandatory (强制性): a national
// standard "GB" or a local standard "DB…" without "/T".
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

// WithoutYear returns n with the year removed: the standard regardless of
// its edition.
func (n Number) WithoutYear() Number {
	n.year = 0
	return n
}

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
// example "DB36/T 1490-2021". The zero Number gives "".
func (n Number) String() string {
	if n.IsZero() {
		return ""
	}
	var buf [64]byte
	b := append(n.appendPrefix(buf[:0]), ' ')
	b = append(b, n.code...)
	if n.year != 0 {
		b = strconv.AppendInt(append(b, '-'), int64(n.year), 10)
	}
	return string(b)
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
//	NY/T 391-2021       DB36/T 1490-2021   DB4403/T 100-2020   DB36 1234-2020
//	T/ZZB 0001-2015     T/JGE 0039—2023    Q/JXQY 0001S-2020
//
// It accepts full-width characters (ＧＢ／Ｔ), ideographic and other
// spaces, em and en dashes, lower case, a missing or extra space
// ("GB/T1.1-2020", "DB 36/T 1138"), a missing year, an old two-digit year
// (read as 19YY) and the file-name spellings GBT and NYT. The result prints
// in canonical form with [Number.String]. Bad input returns a [*ParseError]
// saying where and why; Parse never panics.
func Parse(s string) (Number, error) {
	p := parser{s: s}
	n, err := p.number()
	if err != nil {
		return Number{}, err
	}
	return n, nil
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

// IndustryCode reports whether code (upper case, as "NY") is the code of
// an industry standard.
func IndustryCode(code string) bool {
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

func (p *parser) skipSpace() {
	for {
		r, w := p.peek()
		if r != ' ' {
			return
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
		if err := p.suffix(&n, letters[2:], start); err != nil {
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
		p.skipSpace()
		if p.accept('/') {
			p.skipSpace()
			at := p.i
			if !p.accept('T') {
				return Number{}, p.fail(at, ErrPrefix)
			}
			n.suffix = 'T'
		}
	case letters == "T" || letters == "Q":
		n.kind = Group
		if letters == "Q" {
			n.kind = Enterprise
		}
		p.skipSpace()
		if !p.accept('/') {
			return Number{}, p.fail(p.i, ErrPrefix)
		}
		return p.issuerAndRest(n)
	case (len(letters) == 2 || (len(letters) == 3 && (letters[2] == 'T' || letters[2] == 'Z'))) && IndustryCode(letters[:2]):
		n.kind, n.head = Industry, letters[:2]
		if err := p.suffix(&n, letters[2:], start); err != nil {
			return Number{}, err
		}
	default:
		return Number{}, p.fail(start, ErrPrefix)
	}
	p.skipSpace()
	at := p.i
	code, ok := p.run(isCode, maxCode)
	if !ok || !validCode(code) {
		return Number{}, p.fail(at, ErrCode)
	}
	n.code = code
	return p.rest(n)
}

// suffix reads "/T" or "/Z" after GB or an industry code; glued is the
// letter already read when the slash was left out ("GBT").
func (p *parser) suffix(n *Number, glued string, start int) error {
	if glued != "" {
		n.suffix = glued[0]
		return nil
	}
	p.skipSpace()
	if !p.accept('/') {
		return nil
	}
	p.skipSpace()
	at := p.i
	switch {
	case p.accept('T'):
		n.suffix = 'T'
	case p.accept('Z'):
		n.suffix = 'Z'
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

// rest reads the optional "-YYYY" and makes sure nothing follows.
func (p *parser) rest(n Number) (Number, error) {
	p.skipSpace()
	if p.accept('-') {
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
			n.year, _ = strconv.Atoi(digits)
			if n.year < 1950 || n.year > 2099 {
				return Number{}, p.fail(at, ErrYear)
			}
		case 2:
			y, _ := strconv.Atoi(digits)
			n.year = 1900 + y
			if n.year < 1950 {
				return Number{}, p.fail(at, ErrYear)
			}
		default:
			return Number{}, p.fail(at, ErrYear)
		}
		p.skipSpace()
	}
	if p.i < len(p.s) {
		return Number{}, p.fail(p.i, ErrTrailing)
	}
	return n, nil
}

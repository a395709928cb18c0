package standard

import (
	"strconv"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand/i18n"
)

// Sentinel errors, for callers to branch on with errors.Is; the typed error
// that wraps each one carries the details for errors.As. A [*ParseError]
// wraps one of the parse sentinels (ErrEmpty to ErrTrailing).
var (
	// ErrEmpty: the input holds no standard number at all.
	ErrEmpty = i18n.NewSentinel("standard.ErrEmpty", "标准编号为空", "empty standard number")
	// ErrPrefix: the standard code (GB, GB/T, NY/T, DB36/T, T/…, Q/…) is
	// missing or malformed.
	ErrPrefix = i18n.NewSentinel("standard.ErrPrefix",
		"标准代号无法识别（应为 GB、GB/T、GB/Z、行业代号如 NY/T、DB加行政区划代码、T/社会团体代号、Q/企业代号，或 ISO、IEC、EN、ASTM 等国际、国外标准代号）",
		"unrecognised standard code (want GB, GB/T, GB/Z, an industry code such as NY/T, DB with a division code, T/ with an organisation code, Q/ with an enterprise code, or an international or foreign code such as ISO, IEC, EN, ASTM)")
	// ErrRegion: the division code after DB is not a GB/T 2260 province
	// (2 digits) or city (4 digits) code.
	ErrRegion = i18n.NewSentinel("standard.ErrRegion",
		"DB 后的行政区划代码应为 2 位省级或 4 位市级代码（GB/T 2260）",
		"the division code after DB must be a 2-digit province or 4-digit city code (GB/T 2260)")
	// ErrIssuer: the organisation or enterprise code after T/ or Q/ is
	// missing or malformed.
	ErrIssuer = i18n.NewSentinel("standard.ErrIssuer",
		"T/ 或 Q/ 后缺少社会团体或企业代号",
		"missing organisation or enterprise code after T/ or Q/")
	// ErrCode: the sequence number is missing or malformed.
	ErrCode = i18n.NewSentinel("standard.ErrCode",
		"标准顺序号缺失或格式错误（应为数字，可带 .部分号）",
		"missing or malformed sequence number (want digits, optionally with .part numbers)")
	// ErrYear: the year after the dash is malformed or out of range.
	ErrYear = i18n.NewSentinel("standard.ErrYear",
		"年代号应为 4 位年份（1950–2099）或旧式 2 位年份",
		"the year must have four digits (1950–2099), or two in the old style")
	// ErrAmendment: what follows the slash after an edition is not an
	// amendment sheet "XG1-2020" of that edition or later.
	ErrAmendment = i18n.NewSentinel("standard.ErrAmendment",
		"修改单应写作“/XG序号-年份”，跟在带年代号的标准编号之后，且不早于该版本",
		"an amendment must be written \"/XG<n>-<year>\" after a dated standard number, and not predate that edition")
	// ErrTrailing: something follows a complete standard number.
	ErrTrailing = i18n.NewSentinel("standard.ErrTrailing",
		"标准编号后有多余内容", "unexpected text after the standard number")
	// ErrStatus: a status name is unknown.
	ErrStatus = i18n.NewSentinel("standard.ErrStatus", "未知的标准状态", "unknown status of standard")
	// ErrKind: a kind name is unknown.
	ErrKind = i18n.NewSentinel("standard.ErrKind", "未知的标准类别", "unknown kind of standard")
	// ErrRequirement: a requirement is incomplete or malformed (no id, name
	// or operator, a value that is not finite, an unknown unit, …).
	ErrRequirement = i18n.NewSentinel("standard.ErrRequirement", "技术要求不完整或有误", "malformed requirement")
	// ErrTransition: a step of the standard procedure that the project's
	// stage does not allow. A [*TransitionError] wraps it.
	ErrTransition = i18n.NewSentinel("standard.ErrTransition", "标准程序步骤不合法", "illegal step of the standard procedure")
	// ErrOutsideSubject: a product does not fall under the subject of the
	// standard it cites. A [*SubjectError] wraps it.
	ErrOutsideSubject = i18n.NewSentinel("standard.ErrOutsideSubject",
		"产品不在标准的适用对象之内", "the product is outside the subject of the standard")
)

// ParseError reports why and where a standard number failed to parse.
type ParseError struct {
	Input  string // the text given to Parse
	Offset int    // byte offset in Input where the problem was found
	Err    error  // one of ErrEmpty, ErrPrefix, ErrRegion, ErrIssuer, ErrCode, ErrYear, ErrAmendment, ErrTrailing
}

func init() {
	i18n.Set("standard.ParseError", "标准编号 %s 在第 %d 字节处有误：%s", "standard number %s, at byte %d: %s")
}

// Error returns the English description of the error.
func (e *ParseError) Error() string {
	return "standard: parsing " + strconv.Quote(e.Input) + ": at byte " + strconv.Itoa(e.Offset) + ": " + e.Err.Error()
}

// Unwrap returns the sentinel cause.
func (e *ParseError) Unwrap() error { return e.Err }

// Localize describes the error in the language that best matches tag.
func (e *ParseError) Localize(tag language.Tag) string {
	return i18n.Sprintf(tag, "standard.ParseError", strconv.Quote(e.Input), e.Offset, i18n.Error(e.Err, tag))
}

// Package enforce is the market regulator's side of the 江西绿色生态 mark:
// 双随机 supervision draws ([Draw]) and decided infringements published on
// the public credit platform ([Infringement]).
//
// It is apart from package mark because it is not the mark's own job: mark
// says what a use of the mark and a label code must be; enforce plans the
// checks of those uses (寻乌 pilot plan, 五(一): 双随机、一公开) and records
// what was decided against those who broke the rules (赣标〔2021〕1号
// 三(五): forgery, alteration and sale of the mark are punished and published
// on 信用中国（江西）). A program that scans labels needs neither.
package enforce

import "github.com/jxgreen/jxgreen/brand/i18n"

// Sentinel errors of the package.
var (
	// ErrDraw is the sentinel behind every error of [Draw]; a [*DrawError]
	// or a [*DuplicateError] says why.
	ErrDraw = i18n.NewSentinel("enforce.ErrDraw", "抽查无法完成", "the draw cannot be made")
	// ErrDuplicateID is returned when a list given to [Draw] names the
	// same holder or inspector twice, or names one without an ID. A
	// [*DuplicateError] says which.
	ErrDuplicateID = i18n.NewSentinel("enforce.ErrDuplicateID", "抽查名单中有重复或缺少编号的条目", "a list for the draw repeats an ID or has an entry without one")
	// ErrRecord is returned when an infringement record is incomplete.
	ErrRecord = i18n.NewSentinel("enforce.ErrRecord", "侵权记录不完整", "incomplete infringement record")
	// ErrOffence is returned for an unknown offence.
	ErrOffence = i18n.NewSentinel("enforce.ErrOffence", "未知的侵权类型", "unknown kind of infringement")
)

// Package mark models the 江西绿色生态 marks: the rules for using them, checks
// of observed uses, signed verification codes for labels, 双随机 supervision
// sampling and infringement records.
package mark

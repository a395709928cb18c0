package recognition

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jxgreen/jxgreen/certification"
)

// The fast path of FlatAdapter.Decode: it accepts exactly what the
// format's JSON Schema accepts, for inputs of plain strings, without
// building a generic JSON tree or running the validator. Whatever it
// declines goes the slow way, so a decline is never wrong, only slower; a
// differential fuzz test (FuzzFastPathAgreesWithSchema) shows that the two
// agree on acceptance.

type slot struct {
	set   bool
	isArr bool
	s     string
	arr   []string
}

// fields in the order of Format's keys.
const (
	fNumber = iota
	fHolderName
	fHolderCode
	fProduct
	fStandards
	fBody
	fApproval
	fMode
	fIssued
	fExpires
	fStatus
	fAttributes
	fNote
	nFields
)

func (f *Format) keys() [nFields]string {
	return [nFields]string{f.Number, f.HolderName, f.HolderCode, f.Product, f.Standards, f.Body,
		f.Approval, f.Mode, f.Issued, f.Expires, f.Status, f.Attributes, f.Note}
}

// decodeFast reports decided=false when it declines the input; otherwise
// it returns the record or the value error, as the slow path would.
func (f *Format) decodeFast(native []byte) (r Record, decided bool, err error) {
	return f.decodeFastValid(native, false)
}

// decodeFastValid is decodeFast for an input known to be valid UTF-8 when
// valid is true.
func (f *Format) decodeFastValid(native []byte, valid bool) (r Record, decided bool, err error) {
	keys := f.keys()
	var slots [nFields]slot
	unknown := false // or duplicate: the schema path words the error
	find := func(key []byte) int {
		for i, k := range keys {
			if k != "" && k == string(key) {
				if slots[i].set {
					unknown = true
					return -1
				}
				return i
			}
		}
		unknown = true
		return -1
	}
	ok := flatObject(native, valid,
		func(key []byte, val string) {
			if i := find(key); i >= 0 {
				slots[i] = slot{set: true, s: val}
			}
		},
		func(key []byte, vals []string) {
			if i := find(key); i >= 0 {
				slots[i] = slot{set: true, isArr: true, arr: vals}
			}
		})
	if !ok || unknown || !f.admits(&slots) {
		return Record{}, false, nil
	}
	r, err = f.build(nativeFields{
		number: slots[fNumber].s, holderName: slots[fHolderName].s, holderCode: slots[fHolderCode].s,
		product: slots[fProduct].s, standards: slots[fStandards].arr, body: slots[fBody].s,
		approval: slots[fApproval].s, mode: slots[fMode].s, issued: slots[fIssued].s, expires: slots[fExpires].s,
		status: slots[fStatus].s, attributes: slots[fAttributes].arr,
	})
	return r, true, err
}

// admits applies the rules of f.JSONSchema to the scanned fields.
func (f *Format) admits(s *[nFields]slot) bool {
	text := func(x slot) bool {
		n := utf8.RuneCountInString(x.s)
		return x.set && !x.isArr && n >= 1 && n <= maxText
	}
	date := func(x slot) bool {
		if !x.set || x.isArr || len(x.s) != 10 || !digitsAt(x.s, 0, 4) || x.s[4] != '-' || !digitsAt(x.s, 5, 2) || x.s[7] != '-' || !digitsAt(x.s, 8, 2) {
			return false
		}
		_, err := time.Parse(time.DateOnly, x.s)
		return err == nil
	}
	if !text(s[fNumber]) || !text(s[fHolderName]) || !text(s[fProduct]) || !text(s[fBody]) ||
		!date(s[fIssued]) || !date(s[fExpires]) {
		return false
	}
	if c := s[fHolderCode]; !c.set || c.isArr || !creditShape(c.s) {
		return false
	}
	if st := s[fStandards]; !st.set || !st.isArr || len(st.arr) < 1 || len(st.arr) > maxStandards {
		return false
	} else {
		for _, x := range st.arr {
			if n := utf8.RuneCountInString(x); n < 2 || n > maxStdLen {
				return false
			}
		}
	}
	if st := s[fStatus]; !st.set || st.isArr {
		return false
	} else if n := utf8.RuneCountInString(st.s); n < 1 || n > maxStatus {
		return false
	}
	if f.Approval != "" {
		if a := s[fApproval]; a.set && (a.isArr || !approvalShape(a.s)) {
			return false
		}
	}
	if f.Mode != "" {
		if m := s[fMode]; !m.set || m.isArr || !modeWord(m.s) {
			return false
		}
	}
	if f.Attributes != "" {
		if a := s[fAttributes]; a.set {
			if !a.isArr || len(a.arr) > len(attributeNames) {
				return false
			}
			for i, x := range a.arr {
				if x == "" || utf8.RuneCountInString(x) > maxAttributeName {
					return false // the schema's bounds; the name is brand's to read
				}
				for _, y := range a.arr[:i] {
					if x == y {
						return false // uniqueItems
					}
				}
			}
		}
	}
	if f.Note != "" {
		if n := s[fNote]; n.set && (n.isArr || utf8.RuneCountInString(n.s) > maxText) {
			return false
		}
	}
	return true
}

func digitsAt(s string, at, n int) bool {
	for i := at; i < at+n; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// creditShape is creditPattern by hand: 18 characters of the code's set,
// in either case, with ASCII or ideographic spaces anywhere.
func creditShape(s string) bool {
	n := 0
	for i := 0; i < len(s); {
		if s[i] == ' ' {
			i++
			continue
		}
		if strings.HasPrefix(s[i:], "\u3000") {
			i += len("\u3000")
			continue
		}
		c := s[i]
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		if c >= 128 || !creditChar[c] || n >= 2 && n < 8 && (c < '0' || c > '9') {
			return false
		}
		n++
		i++
	}
	return n == 18
}

var creditChar = func() (t [128]bool) {
	for _, c := range certification.CreditAlphabet {
		t[c] = true
	}
	return
}()

// approvalShape is certification.ApprovalPattern by hand:
// ^CNCA-[A-Z]{1,2}-[0-9]{4}-[0-9]{2,3}$.
func approvalShape(s string) bool {
	rest, ok := strings.CutPrefix(s, "CNCA-")
	if !ok {
		return false
	}
	letters := 0
	for letters < len(rest) && rest[letters] >= 'A' && rest[letters] <= 'Z' {
		letters++
	}
	if letters < 1 || letters > 2 {
		return false
	}
	rest = rest[letters:]
	if len(rest) != 8 && len(rest) != 9 || rest[0] != '-' || !digitsAt(rest, 1, 4) || rest[5] != '-' {
		return false
	}
	return digitsAt(rest, 6, len(rest)-6)
}

func modeWord(s string) bool { return slices.Contains(modeCodes, s) }

// modeCodes are the codes of certification.Modes, the one table of the
// ISO/IEC 17067 scheme types, as the schemas enumerate them.
var modeCodes = func() []string {
	var codes []string
	for _, m := range certification.Modes() {
		codes = append(codes, m.String())
	}
	return codes
}()

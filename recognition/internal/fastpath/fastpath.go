// Package fastpath holds the rules of the flat adapters' native records
// (the limits, the credit-code and approval-number shapes, the mode codes)
// in the two forms they take: the JSON Schema's patterns and a hand-written
// check of the same rules, the fast path of recognition.FlatAdapter.Decode.
// The schema generator and the fast path both read them here, so the two
// cannot drift apart; a differential fuzz test (FuzzFastPathAgreesWithSchema)
// shows that they agree.
package fastpath

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/certification/creditcode"
	"github.com/jxgreen/jxgreen/recognition/internal/jsonscan"
)

// Limits of native records, the same in the schema and the decoder.
const (
	MaxText      = 200 // characters of a text field
	MaxStandards = 16  // standards of one record
	MaxStdLen    = 40  // characters of one standard number
	MaxStatus    = 20  // characters of a status word
)

// MaxAttributeName is the longest attribute name a schema admits, in
// characters: longer than any spelling brand.ParseAttribute reads.
const MaxAttributeName = 64

// CreditPattern returns the schema's pattern of a unified social credit
// code (see creditPattern).
func CreditPattern() string { return creditPattern }

// creditPattern admits a unified social credit code as partner lists write
// it: the 18 characters of GB 32100-2015, in upper or lower case, with
// spaces (ASCII or ideographic) anywhere; the check character is the
// decoder's to verify, and it writes the code canonically.
// Its character class is written from creditcode.Alphabet, the
// one home of the GB 32100-2015 alphabet.
var creditPattern = func() string {
	letters := strings.TrimLeft(creditcode.Alphabet, "0123456789")
	class := "[" + charRanges(creditcode.Alphabet) + charRanges(strings.ToLower(letters)) + "]"
	return "^[ \u3000]*(?:" + class + "[ \u3000]*){2}(?:[0-9][ \u3000]*){6}(?:" + class + "[ \u3000]*){10}$"
}()

// charRanges writes the sorted ASCII characters of set as the body of a
// regular-expression class, runs of four or more as ranges ("0-9A-HJ-NPQR…").
func charRanges(set string) string {
	var b strings.Builder
	for i := 0; i < len(set); {
		j := i
		for j+1 < len(set) && set[j+1] == set[j]+1 {
			j++
		}
		if j-i >= 3 {
			b.WriteByte(set[i])
			b.WriteByte('-')
			b.WriteByte(set[j])
		} else {
			b.WriteString(set[i : j+1])
		}
		i = j + 1
	}
	return b.String()
}

// Slot is one field of a scanned record: a string, or an array of strings.
type Slot struct {
	Set   bool
	IsArr bool
	S     string
	Arr   []string
}

// Slots are the fields of a record, indexed as [Keys].
type Slots [NFields]Slot

// Keys are the native keys of a format, in the order of the field
// constants; "" for a field the format does not have.
type Keys [NFields]string

// The fields of a record, in the order of Format's keys.
const (
	Number = iota
	HolderName
	HolderCode
	Product
	Standards
	Body
	Approval
	Mode
	Issued
	Expires
	Status
	Attributes
	Note
	NFields
)

// Scan reads native as one flat object of the keys, and applies the rules
// of the format's JSON Schema to it. ok is false when it declines: the
// input is not plainly of that shape (escapes, an unknown or repeated key,
// a value the schema would refuse), and the caller takes the slow path.
// valid says that native is known to be valid UTF-8.
//
// The strings it gives share one copy of the values, and the arrays one
// backing array: two allocations a record, whatever its fields.
func Scan(keys *Keys, native []byte, valid bool) (slots Slots, ok bool) {
	// More members than fields is an unknown or repeated key, more items
	// than a record admits is refused: either declines.
	var members [NFields]jsonscan.FlatMember
	var items [maxItems]jsonscan.Span
	n, _, ok := jsonscan.FlatSpans(native, valid, members[:], items[:])
	if !ok {
		return Slots{}, false
	}
	var seen [NFields]bool   // the fields read
	var fieldOf [NFields]int // the field of each member
	next := 0                // records list their keys in about the order of Keys: look there first
	size, arrays, nItems := 0, false, 0
	for m := range n {
		mem := &members[m]
		key := native[mem.Key.Start:mem.Key.End]
		i := -1
		for k := range NFields {
			j := (next + k) % NFields
			if keys[j] != "" && keys[j] == string(key) {
				i = j
				break
			}
		}
		if i < 0 || seen[i] {
			return Slots{}, false // unknown or repeated: the schema path words the error
		}
		next, seen[i], fieldOf[m] = i+1, true, i
		if mem.IsArr {
			arrays = true
			nItems += mem.N
			for _, it := range items[mem.First : mem.First+mem.N] {
				size += it.End - it.Start
			}
		} else {
			size += mem.Value.End - mem.Value.Start
		}
	}
	if !mayAdmit(keys, native, &seen, &members, &fieldOf, n) {
		return Slots{}, false
	}
	var b strings.Builder
	b.Grow(size)
	for m := range n {
		mem := &members[m]
		if mem.IsArr {
			for _, it := range items[mem.First : mem.First+mem.N] {
				b.Write(native[it.Start:it.End])
			}
		} else {
			b.Write(native[mem.Value.Start:mem.Value.End])
		}
	}
	str := b.String()
	var arr []string
	if arrays {
		arr = make([]string, nItems)
	}
	at, ai := 0, 0
	take := func(sp jsonscan.Span) string {
		v := str[at : at+sp.End-sp.Start]
		at += sp.End - sp.Start
		return v
	}
	// The values were written in document order: read them back so.
	for m := range n {
		mem := &members[m]
		i := fieldOf[m]
		if mem.IsArr {
			a := arr[ai : ai+mem.N : ai+mem.N]
			for j, it := range items[mem.First : mem.First+mem.N] {
				a[j] = take(it)
			}
			ai += mem.N
			slots[i] = Slot{Set: true, IsArr: true, Arr: a}
		} else {
			slots[i] = Slot{Set: true, S: take(mem.Value)}
		}
	}
	if !admitsShaped(keys, &slots) {
		return Slots{}, false
	}
	return slots, true
}

// requiredFields are the fields admits requires of every format.
var requiredFields = [...]int{Number, HolderName, HolderCode, Product, Standards, Body, Issued, Expires, Status}

// mayAdmit applies, before Scan copies the values, what admits refuses
// most often in a dirty batch: a field it requires that is missing, and a
// credit code of the wrong shape. False means that admits would refuse
// the record; true, that admits is still to say.
func mayAdmit(keys *Keys, native []byte, seen *[NFields]bool, members *[NFields]jsonscan.FlatMember, fieldOf *[NFields]int, n int) bool {
	for _, f := range requiredFields {
		if !seen[f] {
			return false
		}
	}
	if keys[Mode] != "" && !seen[Mode] {
		return false
	}
	for m := range n {
		if fieldOf[m] == HolderCode {
			mem := &members[m]
			// A short code's conversion is on the stack.
			return mem.IsArr || creditShape(string(native[mem.Value.Start:mem.Value.End]))
		}
	}
	return true
}

// maxItems is the most items Scan reads in a record: more than the
// standards and attributes a schema admits together.
const maxItems = 64

// admitsShaped applies the rules of the format's JSON Schema to the
// scanned fields, but for the shape of a credit code that is a string,
// which mayAdmit checked.
func admitsShaped(keys *Keys, s *Slots) bool {
	text := func(x Slot) bool {
		return x.Set && !x.IsArr && runesWithin(x.S, 1, MaxText)
	}
	date := func(x Slot) bool { return x.Set && !x.IsArr && isDate(x.S) }
	if !text(s[Number]) || !text(s[HolderName]) || !text(s[Product]) || !text(s[Body]) ||
		!date(s[Issued]) || !date(s[Expires]) {
		return false
	}
	if c := s[HolderCode]; !c.Set || c.IsArr {
		return false
	}
	if st := s[Standards]; !st.Set || !st.IsArr || len(st.Arr) < 1 || len(st.Arr) > MaxStandards {
		return false
	} else {
		for _, x := range st.Arr {
			if n := utf8.RuneCountInString(x); n < 2 || n > MaxStdLen {
				return false
			}
		}
	}
	if st := s[Status]; !st.Set || st.IsArr {
		return false
	} else if !runesWithin(st.S, 1, MaxStatus) {
		return false
	}
	if keys[Approval] != "" {
		if a := s[Approval]; a.Set && (a.IsArr || !approvalShape(a.S)) {
			return false
		}
	}
	if keys[Mode] != "" {
		if m := s[Mode]; !m.Set || m.IsArr || !modeWord(m.S) {
			return false
		}
	}
	if keys[Attributes] != "" {
		if a := s[Attributes]; a.Set {
			if !a.IsArr || len(a.Arr) > nAttributes {
				return false
			}
			for i, x := range a.Arr {
				if !runesWithin(x, 1, MaxAttributeName) {
					return false // the schema's bounds; the name is brand's to read
				}
				for _, y := range a.Arr[:i] {
					if x == y {
						return false // uniqueItems
					}
				}
			}
		}
	}
	if keys[Note] != "" {
		if n := s[Note]; n.Set && (n.IsArr || !runesWithin(n.S, 0, MaxText)) {
			return false
		}
	}
	return true
}

// nAttributes is the number of brand attributes, the most a record lists.
var nAttributes = len(brand.Attributes())

// runesWithin reports whether s, valid UTF-8, has from lo to hi
// characters, as the schema's minLength and maxLength count them. It counts
// only when the length in bytes leaves the answer open: a character is one
// to four bytes.
func runesWithin(s string, lo, hi int) bool {
	if len(s) < lo {
		return false
	}
	if len(s) <= hi && len(s) >= 4*lo {
		return true
	}
	n := utf8.RuneCountInString(s)
	return n >= lo && n <= hi
}

// Shape returns the hand-written check of a pattern that the flat
// schemas use (creditPattern, certification.ApprovalPattern, and
// datePattern, the shape of a date), or nil for any other pattern. Each
// answers as the compiled pattern's MatchString does
// (FuzzShapesAgreeWithPatterns), without the regular expression's work.
func Shape(pattern string) func(string) bool {
	switch pattern {
	case creditPattern:
		return creditShape
	case certification.ApprovalPattern:
		return approvalShape
	case datePattern:
		return dateShape
	}
	return nil
}

// datePattern is the flat schemas' pattern of a date, beside its format.
const datePattern = `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`

// dateShape is datePattern by hand.
func dateShape(s string) bool {
	return len(s) == 10 && digitsAt(s, 0, 4) && s[4] == '-' && digitsAt(s, 5, 2) && s[7] == '-' && digitsAt(s, 8, 2)
}

// IsDate reports whether s is a full-date of RFC 3339 as time.Parse
// (time.DateOnly) and the schemas' "date" format admit it, without
// time.Parse's work (and its error, which keeps s).
func IsDate(s string) bool { return isDate(s) }

// isDate reports whether s is a full-date of RFC 3339 (YYYY-MM-DD, a day
// that exists), as time.Parse(time.DateOnly, s) and the schema's "date"
// format admit it; by hand, without time.Parse's work.
func isDate(s string) bool {
	if len(s) != 10 || !digitsAt(s, 0, 4) || s[4] != '-' || !digitsAt(s, 5, 2) || s[7] != '-' || !digitsAt(s, 8, 2) {
		return false
	}
	year := int(s[0]-'0')*1000 + int(s[1]-'0')*100 + int(s[2]-'0')*10 + int(s[3]-'0')
	month := int(s[5]-'0')*10 + int(s[6]-'0')
	day := int(s[8]-'0')*10 + int(s[9]-'0')
	if month < 1 || month > 12 || day < 1 {
		return false
	}
	days := daysIn[month]
	if month == 2 && year%4 == 0 && (year%100 != 0 || year%400 == 0) {
		days = 29
	}
	return day <= days
}

var daysIn = [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

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
	for _, c := range creditcode.Alphabet {
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

// ModeCodes returns the codes of certification.Modes, as the schemas
// enumerate them.
func ModeCodes() []string { return slices.Clone(modeCodes) }

// modeCodes are the codes of certification.Modes, the one table of the
// ISO/IEC 17067 scheme types, as the schemas enumerate them.
var modeCodes = func() []string {
	var codes []string
	for _, m := range certification.Modes() {
		codes = append(codes, m.String())
	}
	return codes
}()

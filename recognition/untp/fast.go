package untp

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/certification/creditcode"
	"github.com/jxgreen/jxgreen/recognition"
	"github.com/jxgreen/jxgreen/recognition/internal/jsonscan"
	"github.com/jxgreen/jxgreen/recognition/internal/schema"
	"github.com/jxgreen/jxgreen/standard"
)

// The fast path of Decode: a reader that walks a credential once, without
// building the generic tree (maps and slices of any) that the schema's
// validator reads. It applies, as it reads, the rules of schema.json that
// admits applies to the tree (required members, enumerations, patterns,
// lengths, formats), refuses nothing itself and declines (read returns
// false) whatever is not plainly a credential the schema admits: a key
// twice, a string with an escape or a byte that is not UTF-8, a value of
// the wrong type, a missing member, a bound of package jsonscan neared,
// a context of another UNTP version, anything it is not sure of. Declined
// input takes the tree path (parseDCC, fromTree), which is the reference:
// it says what is wrong in the schema's words. What read admits, record
// maps exactly as fromTree maps the tree, value errors included; the
// differential fuzz target FuzzFastDecodeAgreesWithTree holds the two
// paths equal on any input.

// dccView is what fromTree reads of a credential, as read takes it from
// the bytes: strings are pieces of one copy of the input.
type dccView struct {
	b []byte // the input, read while it is scanned
	s string // one copy of b: the strings below are pieces of it
	i int

	issuerName    string
	validFrom     string
	validUntil    string
	subjectID     string
	assessorLevel string
	attType       string
	holderName    string
	registeredID  string
	schemeID      string
	schemeName    string
	hasProfile    bool
	profileID     string
	approval      string // the name of the last authorisation by CNCA

	// conformityAssessment, in order; the assessedProduct names,
	// referenceStandard names and conformityTopic ids of cas; the
	// credentialStatus entries. Arrays, not slices of arrays of the view,
	// so that the view stays on its caller's stack; read declines a
	// credential with more names than fit, which the schema would admit.
	cas    [8]caView
	ncas   int
	names  [maxFastNames]string
	nnames int
	stat   [8]entryView
	nstat  int
}

// caView is one conformityAssessment: its conformance, and its product
// names, standard names and topic ids as spans of dccView.names.
type caView struct {
	nonconformance bool // "conformance": false
	products, stds span
	topics         span
}

type span struct{ from, to int }

// entryView is one credentialStatus entry.
type entryView struct {
	purpose  string
	index    string // as written: the string's value, or the number's digits
	indexNum bool   // index was a JSON number
	list     string // statusListCredential
}

// fastReady says that the schema's patterns are the ones read checks by
// hand; when schema.json changes them, the fast path declines everything
// until it learns the new ones (TestFastPathReady fails meanwhile).
var fastReady = uriPattern.String() == `^[A-Za-z][A-Za-z0-9+.-]*:` &&
	indexDigits.String() == `^[0-9]{1,10}$` && untpContext.MatchString(contexts[1])

// read reads native as a credential the schema admits, and reports
// whether it did; false says nothing of the input, which the tree path
// then reads.
func (v *dccView) read(native []byte) bool {
	if !fastReady || len(native) > maxFastInput || !bytes.HasPrefix(bytes.TrimLeft(native, " \t\r\n"), []byte("{")) {
		return false // not worth the copy
	}
	*v = dccView{b: native, s: string(native)}
	return v.root() && v.end()
}

// maxFastInput bounds the input read declines unseen: far more than a
// credential, and the bound past which jsonscan copies strings one by one.
const maxFastInput = 64 << 10

// maxFastNames is the most product names, standard names and topic ids
// read keeps; a credential with more is declined.
const maxFastNames = 24

// keep keeps a product name, standard name or topic id.
func (v *dccView) keep(s string) bool {
	if v.nnames == maxFastNames {
		return false
	}
	v.names[v.nnames] = s
	v.nnames++
	return true
}

// Scanning.

func (v *dccView) ws() {
	for v.i < len(v.b) {
		switch v.b[v.i] {
		case ' ', '\t', '\n', '\r':
			v.i++
		default:
			return
		}
	}
}

func (v *dccView) peek() byte {
	if v.i < len(v.b) {
		return v.b[v.i]
	}
	return 0
}

func (v *dccView) end() bool {
	v.ws()
	return v.i == len(v.b)
}

// str reads a string without escapes or control characters, of valid
// UTF-8 and no longer than jsonscan.MaxString bytes.
func (v *dccView) str() (string, bool) {
	if v.peek() != '"' {
		return "", false
	}
	start := v.i + 1
	j, high := jsonscan.PlainRun(v.b, start) // high bits zero: ASCII
	if j == len(v.b) || v.b[j] != '"' || j-start > jsonscan.MaxString {
		return "", false
	}
	v.i = j + 1
	s := v.s[start:j]
	return s, high&0x8080808080808080 == 0 || jsonscan.ValidUTF8(v.b[start:j])
}

// maxFastMembers is the most members of one object read takes; an object
// with more is declined. Keys are compared one by one for duplicates.
const maxFastMembers = 16

// object reads an object of distinct keys, calling member for each with
// the reader at its value.
func (v *dccView) object(member func(key string) bool) bool {
	v.ws()
	if v.peek() != '{' {
		return false
	}
	v.i++
	v.ws()
	if v.peek() == '}' {
		v.i++
		return true
	}
	var seen [maxFastMembers]string
	n := 0
	for {
		v.ws()
		k, ok := v.str()
		if !ok || n == maxFastMembers {
			return false
		}
		for _, s := range seen[:n] {
			if s == k {
				return false
			}
		}
		seen[n] = k
		n++
		v.ws()
		if v.peek() != ':' {
			return false
		}
		v.i++
		v.ws()
		if !member(k) {
			return false
		}
		v.ws()
		switch v.peek() {
		case ',':
			v.i++
		case '}':
			v.i++
			return true
		default:
			return false
		}
	}
}

// array reads an array of at most max items, calling item for each with
// the reader at it.
func (v *dccView) array(max int, item func(i int) bool) bool {
	v.ws()
	if v.peek() != '[' {
		return false
	}
	v.i++
	v.ws()
	if v.peek() == ']' {
		v.i++
		return true
	}
	for n := 0; ; n++ {
		v.ws()
		if n == max || !item(n) {
			return false
		}
		v.ws()
		switch v.peek() {
		case ',':
			v.i++
		case ']':
			v.i++
			return true
		default:
			return false
		}
	}
}

// skip steps over any value the tree reader reads without fault, at
// nesting depth (the root object's members are at depth 1).
func (v *dccView) skip(depth int) bool {
	v.ws()
	switch c := v.peek(); {
	case c == '"':
		_, ok := v.str()
		return ok
	case c == '{':
		return depth < jsonscan.MaxDepth-1 && v.object(func(string) bool { return v.skip(depth + 1) })
	case c == '[':
		return depth < jsonscan.MaxDepth-1 && v.array(jsonscan.MaxItems, func(int) bool { return v.skip(depth + 1) })
	case c == 't':
		return v.literal("true")
	case c == 'f':
		return v.literal("false")
	case c == 'n':
		return v.literal("null")
	case c == '-' || c >= '0' && c <= '9':
		_, ok := v.number()
		return ok
	}
	return false
}

func (v *dccView) literal(lit string) bool {
	if strings.HasPrefix(v.s[v.i:], lit) {
		v.i += len(lit)
		return true
	}
	return false
}

// boolean reads true or false.
func (v *dccView) boolean() (value, ok bool) {
	if v.literal("true") {
		return true, true
	}
	return false, v.literal("false")
}

// number reads a number in JSON's grammar and returns it as written.
func (v *dccView) number() (string, bool) {
	start := v.i
	digits := func() int {
		n := 0
		for v.i < len(v.b) && v.b[v.i] >= '0' && v.b[v.i] <= '9' {
			v.i++
			n++
		}
		return n
	}
	if v.peek() == '-' {
		v.i++
	}
	switch {
	case v.peek() == '0':
		v.i++
	case digits() == 0:
		return "", false
	}
	if v.peek() == '.' {
		v.i++
		if digits() == 0 {
			return "", false
		}
	}
	if c := v.peek(); c == 'e' || c == 'E' {
		v.i++
		if c := v.peek(); c == '+' || c == '-' {
			v.i++
		}
		if digits() == 0 {
			return "", false
		}
	}
	return v.s[start:v.i], true
}

// The schema's types, as admits checks them.

// runesIn reports whether s has min to max runes.
func runesIn(s string, min, max int) bool {
	if min <= 1 && len(s) >= min && len(s) <= max {
		return true // at most one rune a byte, and at least one when s is not empty
	}
	n := utf8.RuneCountInString(s)
	return n >= min && n <= max
}

// textOf reads a string of 1 to max runes.
func (v *dccView) textOf(max int) (string, bool) {
	s, ok := v.str()
	return s, ok && s != "" && runesIn(s, 1, max)
}

// uriOf reads a "uri" of the schema: 1 to 500 runes, a scheme and a colon.
func (v *dccView) uriOf() (string, bool) {
	s, ok := v.textOf(500)
	return s, ok && uriLike(s)
}

// uriLike is uriPattern, ^[A-Za-z][A-Za-z0-9+.-]*:, by hand.
func uriLike(s string) bool {
	if s == "" || !(s[0] >= 'A' && s[0] <= 'Z' || s[0] >= 'a' && s[0] <= 'z') {
		return false
	}
	for i := 1; i < len(s); i++ {
		switch c := s[i]; {
		case c == ':':
			return true
		case c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '.' || c == '-':
		default:
			return false
		}
	}
	return false
}

// enumOf reads a string that is one of values.
func (v *dccView) enumOf(values []string) (string, bool) {
	s, ok := v.str()
	if !ok {
		return "", false
	}
	for _, x := range values {
		if s == x {
			return s, true
		}
	}
	return "", false
}

// dateTimeOf reads a string of the one spelling of an RFC 3339 date-time
// the fast path takes, 2006-01-02T15:04:05 and Z or an offset ±07:00,
// which the schema's format date-time admits whenever the date is one;
// fractions of seconds, leap seconds and lower-case letters are declined.
func (v *dccView) dateTimeOf() (string, bool) {
	s, ok := v.str()
	if !ok || len(s) != 20 && len(s) != 25 || s[10] != 'T' || !isDate(s[:10]) ||
		!twoDigits(s[11:13], 23) || s[13] != ':' || !twoDigits(s[14:16], 59) || s[16] != ':' || !twoDigits(s[17:19], 59) {
		return "", false
	}
	if len(s) == 20 {
		return s, s[19] == 'Z'
	}
	return s, (s[19] == '+' || s[19] == '-') && twoDigits(s[20:22], 23) && s[22] == ':' && twoDigits(s[23:25], 59)
}

// twoDigits reports whether s is two decimal digits of a number up to max.
func twoDigits(s string, max int) bool {
	return len(s) == 2 && s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9' && int(s[0]-'0')*10+int(s[1]-'0') <= max
}

// isDate is the schema's format date: what time.Parse reads as a date.
func isDate(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

// party reads a "party" of the schema.
func (v *dccView) party(depth int, id, name, registeredID *string) bool {
	hasID, hasName := false, false
	return v.object(func(k string) bool {
		var ok bool
		switch k {
		case "id":
			var s string
			s, ok = v.uriOf()
			if id != nil {
				*id = s
			}
			hasID = true
		case "name":
			*name, ok = v.textOf(500)
			hasName = true
		case "registeredId":
			var s string
			s, ok = v.str()
			ok = ok && runesIn(s, 0, 100)
			if registeredID != nil {
				*registeredID = s
			}
		case "description":
			var s string
			s, ok = v.str()
			ok = ok && runesIn(s, 0, 2000)
		default:
			return v.skip(depth + 1)
		}
		return ok
	}) && hasID && hasName
}

// ref reads a "ref" of the schema: its id and name.
func (v *dccView) ref(depth int) (id, name string, ok bool) {
	hasID, hasName := false, false
	ok = v.object(func(k string) bool {
		var ok bool
		switch k {
		case "id":
			id, ok = v.uriOf()
			hasID = true
		case "name":
			name, ok = v.textOf(500)
			hasName = true
		default:
			return v.skip(depth + 1)
		}
		return ok
	}) && hasID && hasName
	return id, name, ok
}

// refs reads "refs" of the schema, keeping the name (or, when ids, the
// id) of each in v.names when keep.
func (v *dccView) refs(depth int, keep, ids bool) (span, bool) {
	sp := span{from: v.nnames}
	ok := v.array(32, func(int) bool {
		id, name, ok := v.ref(depth + 1)
		if keep {
			if ids {
				name = id
			}
			ok = ok && v.keep(name)
		}
		return ok
	})
	sp.to = v.nnames
	return sp, ok
}

// Members of the credential, as admits requires them.

const (
	hasContext = 1 << iota
	hasType
	hasID
	hasIssuer
	hasValidFrom
	hasName
	hasSubject
	rootRequired = hasContext | hasType | hasID | hasIssuer | hasValidFrom | hasName | hasSubject
)

// root reads the credential object.
func (v *dccView) root() bool {
	var has int
	return v.object(func(k string) bool {
		switch k {
		case "@context":
			has |= hasContext
			return v.contexts()
		case "type":
			has |= hasType
			isDCC := false
			return v.array(8, func(int) bool {
				s, ok := v.str()
				isDCC = isDCC || s == "DigitalConformityCredential"
				return ok && runesIn(s, 0, 100)
			}) && isDCC
		case "id":
			has |= hasID
			_, ok := v.uriOf()
			return ok
		case "issuer":
			has |= hasIssuer
			return v.party(1, nil, &v.issuerName, nil)
		case "validFrom":
			has |= hasValidFrom
			var ok bool
			v.validFrom, ok = v.dateTimeOf()
			return ok
		case "validUntil":
			var ok bool
			v.validUntil, ok = v.dateTimeOf()
			return ok
		case "name":
			has |= hasName
			_, ok := v.textOf(500)
			return ok
		case "credentialStatus":
			v.ws()
			if v.peek() == '[' {
				return v.array(len(v.stat), func(int) bool { return v.statusEntry(2) })
			}
			return v.statusEntry(1)
		case "credentialSubject":
			has |= hasSubject
			return v.attestation()
		}
		return v.skip(1)
	}) && has == rootRequired
}

// contexts reads @context: the credentials context, then a UNTP one, then
// any strings, none of which names another UNTP version (checkVersion
// reads those).
func (v *dccView) contexts() bool {
	n := 0
	return v.array(jsonscan.MaxItems, func(i int) bool {
		s, ok := v.str()
		n++
		switch {
		case !ok:
			return false
		case i == 0:
			return s == credentialsContext
		case i == 1 && s != contexts[1] && !untpContext.MatchString(s):
			return false
		case i >= 2 && !runesIn(s, 0, 500):
			return false
		}
		return s == contexts[1] || !strings.Contains(s, "untp/")
	}) && n >= 2
}

// statusEntry reads a "statusEntry" of the schema at depth.
func (v *dccView) statusEntry(depth int) bool {
	if depth >= jsonscan.MaxDepth-1 {
		return false
	}
	var e entryView
	var has int
	ok := v.object(func(k string) bool {
		var ok bool
		switch k {
		case "type":
			has |= 1
			var s string
			s, ok = v.str()
			ok = ok && s == "BitstringStatusListEntry"
		case "statusPurpose":
			has |= 2
			e.purpose, ok = v.enumOf(statusPurposes)
		case "statusListIndex":
			has |= 4
			v.ws()
			if v.peek() == '"' {
				e.index, ok = v.str()
			} else {
				e.index, ok = v.number()
				e.indexNum = true
			}
			ok = ok && digitsOnly(e.index, 10)
		case "statusListCredential":
			has |= 8
			e.list, ok = v.uriOf()
		default:
			return v.skip(depth + 1)
		}
		return ok
	}) && has == 15 && v.nstat < len(v.stat)
	if ok {
		v.stat[v.nstat] = e
		v.nstat++
	}
	return ok
}

// digitsOnly is indexDigits, ^[0-9]{1,max}$, by hand.
func digitsOnly(s string, max int) bool {
	if s == "" || len(s) > max {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

const (
	subjID = 1 << iota
	subjName
	subjAssessorLevel
	subjAssessmentLevel
	subjAttType
	subjParty
	subjScheme
	subjCAs
	subjRequired = subjID | subjName | subjAssessorLevel | subjAssessmentLevel | subjAttType | subjParty | subjScheme | subjCAs
)

// attestation reads credentialSubject, at depth 1.
func (v *dccView) attestation() bool {
	const depth = 1
	var has int
	return v.object(func(k string) bool {
		var ok bool
		switch k {
		case "id":
			has |= subjID
			v.subjectID, ok = v.uriOf()
		case "name":
			has |= subjName
			_, ok = v.textOf(500)
		case "assessorLevel":
			has |= subjAssessorLevel
			v.assessorLevel, ok = v.enumOf(assessorLevels)
		case "assessmentLevel":
			has |= subjAssessmentLevel
			_, ok = v.enumOf(assessmentLevels)
		case "attestationType":
			has |= subjAttType
			v.attType, ok = v.enumOf(attestationTypes)
		case "issuedToParty":
			has |= subjParty
			ok = v.party(depth+1, nil, &v.holderName, &v.registeredID)
		case "referenceScheme":
			has |= subjScheme
			v.schemeID, v.schemeName, ok = v.ref(depth + 1)
		case "referenceProfile":
			v.hasProfile = true
			v.profileID, _, ok = v.ref(depth + 1)
		case "authorisation":
			ok = v.array(8, func(int) bool { return v.authorisation(depth + 2) })
		case "conformityAssessment":
			has |= subjCAs
			ok = v.array(len(v.cas), func(int) bool { return v.assessment(depth + 2) }) && v.ncas > 0
		default:
			return v.skip(depth + 1)
		}
		return ok
	}) && has == subjRequired
}

// authorisation reads one endorsement, keeping its name when CNCA issued it.
func (v *dccView) authorisation(depth int) bool {
	var name, authority string
	hasName, hasAuthority := false, false
	ok := v.object(func(k string) bool {
		var ok bool
		switch k {
		case "name":
			hasName = true
			name, ok = v.textOf(500)
		case "issuingAuthority":
			hasAuthority = true
			var id string
			ok = v.party(depth+1, &id, new(string), nil)
			authority = id
		default:
			return v.skip(depth + 1)
		}
		return ok
	}) && hasName && hasAuthority
	if authority == urnCNCA {
		v.approval = name
	}
	return ok
}

const (
	caID = 1 << iota
	caName
	caCriteria
	caDate
	caPerformance
	caTopics
	caRequired = caID | caName | caCriteria | caDate | caPerformance | caTopics
)

// assessment reads one conformityAssessment at depth.
func (v *dccView) assessment(depth int) bool {
	var ca caView
	var has int
	ok := v.object(func(k string) bool {
		var ok bool
		switch k {
		case "id":
			has |= caID
			_, ok = v.uriOf()
		case "name":
			has |= caName
			_, ok = v.textOf(500)
		case "assessmentCriteria":
			has |= caCriteria
			_, ok = v.refs(depth+1, false, false)
		case "assessmentDate":
			has |= caDate
			var s string
			s, ok = v.str()
			ok = ok && isDate(s)
		case "assessedPerformance":
			has |= caPerformance
			ok = v.array(64, func(int) bool { return v.skip(depth + 2) })
		case "conformityTopic":
			has |= caTopics
			ca.topics, ok = v.refs(depth+1, true, true)
		case "referenceStandard":
			ca.stds, ok = v.refs(depth+1, true, false)
		case "assessedProduct":
			ca.products.from = v.nnames
			ok = v.array(8, func(int) bool { return v.assessedProduct(depth + 2) })
			ca.products.to = v.nnames
		case "conformance":
			var c bool
			c, ok = v.boolean()
			ca.nonconformance = !c
		default:
			return v.skip(depth + 1)
		}
		return ok
	}) && has == caRequired && v.ncas < len(v.cas)
	if ok {
		v.cas[v.ncas] = ca
		v.ncas++
	}
	return ok
}

// assessedProduct reads one item of assessedProduct, keeping the
// product's name.
func (v *dccView) assessedProduct(depth int) bool {
	hasProduct := false
	return v.object(func(k string) bool {
		switch k {
		case "product":
			hasProduct = true
			_, name, ok := v.ref(depth + 1)
			return ok && v.keep(name)
		case "idVerifiedByCAB":
			_, ok := v.boolean()
			return ok
		}
		return v.skip(depth + 1)
	}) && hasProduct
}

// Mapping.

func (v *dccView) list(sp span) []string { return v.names[sp.from:sp.to] }

// record maps a credential read admitted to a record, reading its status
// in the lists of sr (none when nil), as fromTree maps its tree.
func (v *dccView) record(sr *statusReader) (recognition.Record, error) {
	bad := func(ptr string, err error) (recognition.Record, error) {
		return recognition.Record{}, schema.ValueError(string(ID), ptr, err)
	}
	scheme, evaluation := schemeOfCached(v.schemeID, v.schemeName)
	r := recognition.Record{Scheme: scheme}

	r.Number = v.subjectID
	if rest, ok := strings.CutPrefix(r.Number, urnCertificate); ok {
		// urnCertificate + scheme + ":", without building that string.
		if rest, ok = strings.CutPrefix(rest, string(r.Scheme)); ok {
			if rest, ok = strings.CutPrefix(rest, ":"); ok {
				n, err := url.PathUnescape(rest)
				if err != nil || n == "" {
					return bad("/credentialSubject/id", schema.NewFault("untp.fault.number", rest))
				}
				r.Number = n
			}
		}
	}

	regID := v.registeredID
	code, err := creditcode.Parse(regID)
	switch {
	case err == nil:
	case looksLikeCreditCode(regID):
		return bad("/credentialSubject/issuedToParty/registeredId", err)
	default:
		code = creditcode.Code(regID)
	}
	r.Holder = certification.Holder{Name: v.holderName, Code: code}

	ca := v.cas[0]
	products := v.list(ca.products)
	if len(products) == 0 {
		return bad("/credentialSubject/conformityAssessment/0/assessedProduct", schema.NewFault("untp.fault.product"))
	}
	r.Product = products[0]
	stds := v.list(ca.stds)
	if len(stds) == 0 {
		return bad("/credentialSubject/conformityAssessment/0/referenceStandard", schema.NewFault("untp.fault.standard"))
	}
	for i, name := range stds {
		n, err := standard.Parse(name)
		switch {
		case err == nil:
			r.Standards = append(r.Standards, n)
		case errors.Is(err, standard.ErrPrefix) && foreignStandard(name):
			r.OtherStandards = append(r.OtherStandards, name)
		default:
			return bad(fmt.Sprintf("/credentialSubject/conformityAssessment/0/referenceStandard/%d/name", i), err)
		}
	}
	if ptr, err := v.checkAssessments(r.Product); err != nil {
		return bad(ptr, err)
	}
	for i, id := range v.list(ca.topics) {
		if codeName, ok := strings.CutPrefix(id, urnAttribute); ok {
			at, err := attributeOf(codeName)
			if err != nil {
				return bad(fmt.Sprintf("/credentialSubject/conformityAssessment/0/conformityTopic/%d/id", i), err)
			}
			r.Attributes = append(r.Attributes, at)
		}
	}

	r.Body = certification.Body{Name: v.issuerName, Approval: v.approval,
		Certifies: v.attType == "certification" && v.assessorLevel == "3rdParty"}
	if v.hasProfile && !evaluation {
		if m, ok := strings.CutPrefix(v.profileID, urnMode); ok {
			mode, err := certification.ParseMode(m)
			if err != nil {
				return bad("/credentialSubject/referenceProfile/id", err)
			}
			r.Mode = mode
		}
	}

	if r.Issued, err = time.Parse(time.RFC3339, v.validFrom); err != nil {
		return bad("/validFrom", err)
	}
	r.Issued = r.Issued.In(brand.ChinaTime())
	if vu := v.validUntil; vu != "" {
		if r.Expires, err = time.Parse(time.RFC3339, vu); err != nil {
			return bad("/validUntil", err)
		}
		r.Expires = r.Expires.In(brand.ChinaTime())
		if !r.Expires.After(r.Issued) {
			return bad("/validUntil", schema.NewFault("untp.fault.validity"))
		}
	}
	if r.Status, err = sr.statusOf(v.stat[:v.nstat]); err != nil {
		return bad("/credentialStatus", err)
	}
	return r, nil
}

// checkAssessments is checkAssessments over the view.
func (v *dccView) checkAssessments(product string) (string, error) {
	cat := standard.Catalogue()
	for i, ca := range v.cas[:v.ncas] {
		if ca.nonconformance {
			return "/credentialSubject/conformityAssessment/" + strconv.Itoa(i) + "/conformance", schema.NewFault("untp.fault.nonconformance")
		}
		for j, name := range v.list(ca.products) {
			if i == 0 && j == 0 || foldScheme(name) == foldScheme(product) {
				continue
			}
			if !coveredByCited(cat, v.list(ca.stds), name) {
				return fmt.Sprintf("/credentialSubject/conformityAssessment/%d/assessedProduct/%d/product/name", i, j),
					schema.NewFault("untp.fault.outside", name)
			}
		}
	}
	return "", nil
}

// statusOf is statusReader.status over the entries as read, by either
// reader: the one home of the rule.
func (sr *statusReader) statusOf(entries []entryView) (certification.Status, error) {
	st, read := certification.Valid, false
	for _, e := range entries {
		if e.purpose != "revocation" && e.purpose != "suspension" {
			continue
		}
		idx, err := indexOf(e.index, e.indexNum)
		if err != nil {
			return 0, err
		}
		if sr == nil {
			return 0, nil
		}
		sl, ok := sr.lists[e.list]
		if !ok || (sr.signer != "" && sl.kid != sr.signer) || (idx%2 == 1) != (e.purpose == "suspension") {
			return 0, nil
		}
		at := sr.at
		if at.IsZero() {
			at = time.Now()
		}
		s, err := sl.list.StatusAt(idx, at)
		if err != nil {
			// ErrExpired, ErrNotYetValid, ErrIndex: an out-of-date list
			// proves nothing.
			return 0, nil
		}
		switch s {
		case certification.Revoked:
			return certification.Revoked, nil
		case certification.Suspended:
			st = certification.Suspended
		}
		read = true
	}
	if !read {
		return 0, nil
	}
	return st, nil
}

// indexOf reads a statusListIndex as written: a base-10 string (W3C), or,
// when num says it was a JSON number, the number's spelling, which must be
// a whole number from 0 to 2^53.
func indexOf(s string, num bool) (int, error) {
	if !num {
		if i, err := strconv.Atoi(s); err == nil && i >= 0 {
			return i, nil
		}
	} else if f, err := strconv.ParseFloat(s, 64); err == nil && f >= 0 && f <= 1<<53 && f == math.Trunc(f) {
		return int(f), nil
	}
	return 0, schema.NewFault("untp.fault.index", s)
}

// attributeCodes are the attributes by their codes, the spelling Encode
// writes: brand.ParseAttribute folds its input first, which a code needs
// not.
var attributeCodes = func() map[string]brand.Attribute {
	m := map[string]brand.Attribute{}
	for _, a := range brand.Attributes() {
		if got, err := brand.ParseAttribute(a.String()); err == nil && got == a {
			m[a.String()] = a
		}
	}
	return m
}()

// attributeOf is brand.ParseAttribute, without folding a code.
func attributeOf(s string) (brand.Attribute, error) {
	if a, ok := attributeCodes[s]; ok {
		return a, nil
	}
	return brand.ParseAttribute(s)
}

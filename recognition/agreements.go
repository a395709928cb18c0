package recognition

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/recognition/internal/jsonscan"
)

// Agreements is a set of agreements, each in one or more dated versions:
// the terms loaded from agreement files, which replace the documented
// defaults for the pairs of schemes they cover. It is immutable, and safe
// for concurrent use; a nil *Agreements is an empty set.
type Agreements struct {
	all   []Agreement
	pairs map[[2]brand.ID][]Agreement // by recognizer and scheme, in order of From
}

// NewAgreements makes a set of the agreements, refusing with an
// [*AgreementError] (ErrOverlap; its Pointer is "/agreements/i/…", i
// counting in list) versions that conflict, as [ParseAgreements] does
// within one file: two versions between the same two schemes in force on
// the same day, or with the same id and version.
func NewAgreements(list ...Agreement) (*Agreements, error) {
	s := &Agreements{all: make([]Agreement, len(list)), pairs: map[[2]brand.ID][]Agreement{}}
	for i, a := range list {
		s.all[i] = a.clone()
	}
	if i, err := conflicts(s.all); err != nil {
		err.Pointer = "/agreements/" + strconv.Itoa(i) + err.Pointer
		return nil, err
	}
	for _, a := range s.all {
		k := [2]brand.ID{a.Recognizer.ID, a.Scheme.ID}
		s.pairs[k] = append(s.pairs[k], a)
	}
	for _, v := range s.pairs {
		slices.SortFunc(v, func(a, b Agreement) int { return a.From.Compare(b.From) })
	}
	return s, nil
}

// Len returns the number of agreement versions in the set.
func (s *Agreements) Len() int {
	if s == nil {
		return 0
	}
	return len(s.all)
}

// All returns (copies of) the versions, in the order they were given.
func (s *Agreements) All() []Agreement {
	if s == nil {
		return nil
	}
	out := make([]Agreement, len(s.all))
	for i, a := range s.all {
		out[i] = a.clone()
	}
	return out
}

// Recognizers returns the schemes that recognise in the set, sorted.
func (s *Agreements) Recognizers() []brand.ID {
	if s == nil {
		return nil
	}
	var out []brand.ID
	for k := range s.pairs {
		if !slices.Contains(out, k[0]) {
			out = append(out, k[0])
		}
	}
	slices.SortFunc(out, func(a, b brand.ID) int { return strings.Compare(string(a), string(b)) })
	return out
}

// Covers reports whether the set holds terms, in any version, on which
// recognizer recognises scheme.
func (s *Agreements) Covers(recognizer, scheme brand.ID) bool {
	if s == nil {
		return false
	}
	return len(s.pairs[[2]brand.ID{recognizer, scheme}]) > 0
}

// At returns the version of the terms on which recognizer recognises
// scheme that is in force at time at ([Agreement.InForce]), and whether
// there is one.
func (s *Agreements) At(recognizer, scheme brand.ID, at time.Time) (Agreement, bool) {
	if s == nil {
		return Agreement{}, false
	}
	for _, a := range s.pairs[[2]brand.ID{recognizer, scheme}] {
		if a.InForce(at) {
			return a.clone(), true
		}
	}
	return Agreement{}, false
}

// For returns the terms on which recognizer ("" for 江西绿色生态) judges
// the record r, which arrived through the adapter via, at time at:
//
//   - when the set holds terms between recognizer and r's scheme, the
//     version in force at at; when none is in force then, the last that
//     came into force before at (or the first, when at is before them
//     all), which rejects the record ("agreement-not-in-force"): loaded
//     terms replace the defaults, and no default fills the gap between
//     their versions;
//   - otherwise, for 江西绿色生态, the adapter's documented default terms
//     ([AgreementFor]);
//   - otherwise, for a partner judging a 江西绿色生态 record, the mirror of
//     the partner adapter's default terms ([Agreement.Reverse], id
//     [DefaultReverseID]): documented defaults too, since no partner has
//     published its terms;
//   - otherwise no terms exist, and Check rejects the record
//     ("no-agreement").
func (s *Agreements) For(recognizer brand.ID, via Adapter, r Record, at time.Time) Agreement {
	if recognizer == "" {
		recognizer = brand.JiangxiGreen
	}
	if s != nil {
		if v := s.pairs[[2]brand.ID{recognizer, r.Scheme}]; len(v) > 0 {
			pick := v[0]
			for _, a := range v {
				if a.InForce(at) {
					return a.clone()
				}
				if !at.Before(a.From) {
					pick = a
				}
			}
			return pick.clone()
		}
	}
	if recognizer == brand.JiangxiGreen {
		return AgreementFor(via, r)
	}
	rb, known := schemeBrand(string(recognizer))
	if !known {
		rb = brand.Brand{ID: recognizer, Name: string(recognizer)}
	}
	if r.Scheme == brand.JiangxiGreen {
		if p, ok := Lookup(string(recognizer)); ok && p.Brand().ID == recognizer {
			if _, env := p.(Envelope); !env {
				return p.Agreement().Reverse()
			}
		}
	}
	sb, ok := schemeBrand(string(r.Scheme))
	if !ok {
		sb = brand.Brand{ID: r.Scheme, Name: string(r.Scheme)}
	}
	return Agreement{Recognizer: rb, Scheme: sb, none: true}
}

// appendAgreement appends the output line's "agreement" member: the id
// and version of the terms applied, or null when there were none
// ("no-agreement").
func appendAgreement(out []byte, ref AgreementRef) []byte {
	if ref == (AgreementRef{}) {
		return append(out, `,"agreement":null`...)
	}
	out = append(out, `,"agreement":{"id":`...)
	out = jsonscan.AppendString(out, ref.ID)
	out = append(out, `,"version":`...)
	out = jsonscan.AppendString(out, ref.Version)
	return append(out, '}')
}

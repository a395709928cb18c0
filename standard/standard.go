// Package standard models Chinese standards as the 江西绿色生态 brand uses
// them: standard numbers ([Parse], [Number]), standards and their technical
// requirements ([Standard], [Requirement]), the comparison of two standards
// indicator by indicator ([Compare]), the catalogue of published 江西绿色生态
// standards ([Catalogue]), the standard evaluation that decides whether a
// standard may carry the brand ([Evaluate]) and the group-standard
// procedure ([Project]).
package standard

import (
	"slices"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/i18n/enum"
)

// Status is where a published standard stands.
type Status int

// The statuses.
const (
	Current    Status = iota + 1 // 现行
	Superseded                   // 被代替
	Withdrawn                    // 废止
)

var statusNames = enum.New("Status", "standard.status.",
	[3]string{"current", "现行", "current"},
	[3]string{"superseded", "被代替", "superseded"},
	[3]string{"withdrawn", "废止", "withdrawn"},
)

// String returns the stable code: "current", "superseded" or "withdrawn".
func (s Status) String() string { return statusNames.Code(int(s)) }

// Localize names the status in the language that best matches tag.
func (s Status) Localize(tag language.Tag) string { return statusNames.Localize(int(s), tag) }

// MarshalText encodes the status as its code.
func (s Status) MarshalText() ([]byte, error) {
	if !statusNames.Valid(int(s)) {
		return nil, ErrStatus.With("standard.case.encode", s)
	}
	return []byte(s.String()), nil
}

// UnmarshalText decodes a status code or its Chinese name.
func (s *Status) UnmarshalText(b []byte) error {
	v, ok := statusNames.Parse(string(b))
	if !ok {
		return ErrStatus.With("standard.case.status", string(b))
	}
	*s = Status(v)
	return nil
}

// Standard is a standard: its number, what it covers, and its technical
// requirements.
type Standard struct {
	// Number is the zero Number when no source states it.
	Number    Number `json:"number"`
	Title     string `json:"title"` // without the 《》 brackets
	Kind      Kind   `json:"kind"`
	Publisher string `json:"publisher"`
	// Subject is the product or service the standard covers.
	Subject    string            `json:"subject"`
	Status     Status            `json:"status"`
	Attributes []brand.Attribute `json:"attributes,omitempty"`
	// Requirements are the technical indicators, where known.
	Requirements []Requirement `json:"requirements,omitempty"`
	// Basis are the national or industry standards this one builds on, with
	// the requirements it must be at least as strict as.
	Basis []Standard `json:"basis,omitempty"`
	// Clauses are the headings of the standard's chapters, where known.
	Clauses []string `json:"clauses,omitempty"`
	// Source says where the facts come from: citations of the source
	// register (package brand/source), for example "T/JGE 0023-2022 引言";
	// Note records what a reader of the source should know (a typo in the
	// source, a unit the source leaves out).
	Source string `json:"source,omitempty"`
	Note   string `json:"note,omitempty"`
}

// Requirement returns the requirement with the given ID.
func (s Standard) Requirement(id string) (Requirement, bool) {
	for _, r := range s.Requirements {
		if r.ID == id {
			return r, true
		}
	}
	return Requirement{}, false
}

// Clone returns a deep copy of s.
func (s Standard) Clone() Standard {
	s.Attributes = slices.Clone(s.Attributes)
	s.Requirements = slices.Clone(s.Requirements)
	s.Clauses = slices.Clone(s.Clauses)
	if s.Basis != nil {
		b := make([]Standard, len(s.Basis))
		for i, x := range s.Basis {
			b[i] = x.Clone()
		}
		s.Basis = b
	}
	return s
}

// Label returns the number and title as a citation reads:
// "T/JGE 0039-2023《江西绿色生态 金溪蜜梨》", or the title alone when the number
// is not known.
func (s Standard) Label() string {
	if s.Number.IsZero() {
		return "《" + s.Title + "》"
	}
	var buf [128]byte // one allocation, the result's, for most labels
	b := append(s.Number.append(buf[:0]), "《"...)
	return string(append(append(b, s.Title...), "》"...))
}

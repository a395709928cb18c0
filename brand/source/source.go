// Package source is jxgreen's register of sources: every public document
// that a fact, a rule or a catalogue entry of the module rests on, each
// once, with its own title, issuer, number, date and, where known, the
// address of its text.
//
// A Source field anywhere in the module (brand facts, certification bodies,
// catalogue entries, agreements) holds a citation: the [Document.Ref] of a
// register entry, optionally followed by a space and the part cited, for
// example "赣标〔2021〕1号 三(六)". Several citations are joined with "；".
// [Resolve] turns such a string back into the documents it names, so that a
// reader of a certificate or a catalogue entry can check each fact from the
// module alone:
//
//	cs, err := source.Resolve(body.Source)
//
// The register itself is listed by [All] and, one constant per document, in
// the documentation of [ID]; run
//
//	go doc -all github.com/jxgreen/jxgreen/brand/source
//
// to read it. The register names what a document states, not what the
// library infers: a date or issuer that a document does not state is empty.
// Many addresses are copies (mirrors) of official pages kept by other sites;
// [Document.Mirror] says so.
package source

import (
	"fmt"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/brand/i18n/enum"
)

// ID is the stable key of a register entry, for example "ganbiao-2021-1".
type ID string

// Kind says what sort of document an entry is.
type Kind int

// The kinds of document in the register.
const (
	// Policy is a policy document of a government body: an opinion, a plan,
	// a notice, a set of rules.
	Policy Kind = iota + 1
	// Standard is a standard (national, industry, local or group), cited
	// for what its own text or its public listing states.
	Standard
	// Report is a press report, a press conference or an official news
	// item that states facts not otherwise published.
	Report
	// Specification is an international specification or data model.
	Specification
	// Page is a service page of a certification body or association.
	Page
)

var kindNames = enum.New("Kind", "source.kind.",
	[3]string{"policy", "政策文件", "policy document"},
	[3]string{"standard", "标准", "standard"},
	[3]string{"report", "报道", "report"},
	[3]string{"specification", "规范", "specification"},
	[3]string{"page", "机构网页", "web page"},
)

// String returns the stable code of the kind, for example "policy".
func (k Kind) String() string { return kindNames.Code(int(k)) }

// Localize names the kind in the language that best matches tag.
func (k Kind) Localize(tag language.Tag) string { return kindNames.Localize(int(k), tag) }

// Document is one entry of the register.
type Document struct {
	ID   ID
	Kind Kind
	// Ref is how the module's Source fields cite the document: its number
	// when it has one (赣标〔2021〕1号, T/JGE 0023-2022), otherwise its title
	// in 《》 or its outlet and date (中国质量新闻网 2023-04-28).
	Ref string
	// Title is the document's own title, as it writes it, without 《》.
	Title string
	// Issuer is who issued or published the document, as the document names
	// it; empty when the document does not say.
	Issuer string
	// Number is the document or standard number; empty when it has none.
	Number string
	// Date is the date of issue or publication in ISO 8601, only as precise
	// as the document states it ("2021-11-09", "2022"); empty when the
	// document is undated.
	Date string
	// URL is where the text (or the part the module uses) can be read;
	// empty when no public address is known.
	URL string
	// Mirror reports that URL is a copy kept by another site, not the
	// issuer's own page.
	Mirror bool
	// About says in English what the document is and what the module takes
	// from it.
	About string
}

// Cite returns the citation of part of the document, in the form Source
// fields use: "Ref part", or Ref alone when part is empty.
func (d Document) Cite(part string) string {
	part = strings.TrimSpace(part)
	if part == "" {
		return d.Ref
	}
	return d.Ref + " " + part
}

// String describes the document in one line: Ref, title, issuer, date.
func (d Document) String() string {
	var b strings.Builder
	b.WriteString(d.Ref)
	if d.Title != "" && !strings.Contains(d.Ref, d.Title) {
		b.WriteString(" 《" + d.Title + "》")
	}
	if d.Issuer != "" {
		b.WriteString(", " + d.Issuer)
	}
	if d.Date != "" && !strings.Contains(d.Ref, d.Date) {
		b.WriteString(", " + d.Date)
	}
	return b.String()
}

var (
	byID  = map[ID]int{}
	byRef = map[string]int{}
)

func init() {
	for i, d := range register {
		if _, dup := byID[d.ID]; dup {
			panic("source: register lists " + string(d.ID) + " twice")
		}
		if _, dup := byRef[d.Ref]; dup {
			panic("source: register lists the reference " + d.Ref + " twice")
		}
		byID[d.ID], byRef[d.Ref] = i, i
	}
	i18n.Set("source.CitationError", "引用了来源登记表之外的来源：%q", "cites a source that is not in the register: %q")
}

// All returns every document of the register, in the register's order:
// the policy documents first, then the 江西绿色生态 standards and reports,
// the partner schemes' sources, recognition arrangements and general rules.
func All() []Document { return slices.Clone(register[:]) }

// Lookup returns the document with the given ID.
func Lookup(id ID) (Document, bool) {
	i, ok := byID[id]
	if !ok {
		return Document{}, false
	}
	return register[i], true
}

// mustLookup is [Lookup] for package-level data of the module: it panics
// when id is not in the register, a programming error found at start-up.
func mustLookup(id ID) Document {
	d, ok := Lookup(id)
	if !ok {
		panic("source: " + string(id) + " is not in the register")
	}
	return d
}

// Cite returns the citation of part of the document id, for package-level
// data: Cite(GanBiao2021No1, "三(六)") is "赣标〔2021〕1号 三(六)". It
// panics when id is not in the register.
func Cite(id ID, part string) string { return mustLookup(id).Cite(part) }

// Join joins several citations with "；", the separator [Resolve] splits on.
func Join(citations ...string) string { return strings.Join(citations, "；") }

// Citation is one resolved citation: the document and the part cited.
type Citation struct {
	Document Document
	Part     string // empty when the whole document is cited
}

// String returns the citation in the form Source fields use.
func (c Citation) String() string { return c.Document.Cite(c.Part) }

// ErrUnknownSource is the sentinel behind every [CitationError].
var ErrUnknownSource = i18n.NewSentinel("source.ErrUnknownSource", "来源不在登记表中", "source not in the register")

// CitationError reports a citation that names no document of the register.
type CitationError struct {
	Citation string // the offending citation, one of those joined in the input
}

// Error returns the English description of the error.
func (e *CitationError) Error() string {
	return fmt.Sprintf("source: %q cites no document of the register", e.Citation)
}

// Unwrap returns [ErrUnknownSource].
func (e *CitationError) Unwrap() error { return ErrUnknownSource }

// Localize describes the error in the language that best matches tag.
func (e *CitationError) Localize(tag language.Tag) string {
	return i18n.Sprintf(tag, "source.CitationError", e.Citation)
}

// Resolve splits s into its citations (separated by "；" or ";") and finds
// the document each one cites: the register entry whose Ref the citation
// starts with, followed by the end or a space. An empty s, an empty
// citation, or one that names no entry is a [*CitationError]; Resolve
// reports the first.
func Resolve(s string) ([]Citation, error) {
	parts := strings.Split(strings.ReplaceAll(s, ";", "；"), "；")
	out := make([]Citation, 0, len(parts))
	for _, p := range parts {
		c, ok := resolveOne(strings.TrimSpace(p))
		if !ok {
			return nil, &CitationError{Citation: strings.TrimSpace(p)}
		}
		out = append(out, c)
	}
	return out, nil
}

func resolveOne(p string) (Citation, bool) {
	if p == "" {
		return Citation{}, false
	}
	best := -1
	for i, d := range register {
		if !strings.HasPrefix(p, d.Ref) {
			continue
		}
		rest := p[len(d.Ref):]
		if rest != "" && rest[0] != ' ' {
			continue
		}
		if best < 0 || len(d.Ref) > len(register[best].Ref) {
			best = i
		}
	}
	if best < 0 {
		return Citation{}, false
	}
	return Citation{Document: register[best], Part: strings.TrimSpace(p[len(register[best].Ref):])}, true
}

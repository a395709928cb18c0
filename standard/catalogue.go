package standard

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand/fold"
)

//go:embed catalogue.json
var catalogueJSON []byte

// Catalog is a read-only collection of standards. Its methods are safe for
// concurrent use and return copies, so a caller cannot change the catalogue
// through what it gets back.
type Catalog struct {
	all      []Standard // in pinyin order of Title
	folded   []string   // foldText of Title and Subject, parallel to all
	subjects []string   // foldText of Subject, parallel to all
	// runes indexes subjects by the runes they contain: for each rune, the
	// subjects it occurs in and where, in the order of all. Subject looks
	// only at the subjects that share a rune with the product.
	runes    map[rune][]runeAt
	byNumber map[Number]int
	byStd    map[Number]int // by WithoutYear, for year-less look-ups
}

var loadCatalogue = sync.OnceValue(func() *Catalog {
	var doc struct {
		Standards []Standard `json:"standards"`
	}
	if err := json.Unmarshal(catalogueJSON, &doc); err != nil {
		// The file is embedded at build time and checked by the tests.
		panic(fmt.Sprintf("standard: embedded catalogue.json: %v", err))
	}
	return NewCatalog(doc.Standards)
})

// Catalogue returns the published 江西绿色生态 standards: the 30 that annex 1
// of 《“江西绿色生态”品牌建设知识问答（2022版）》 lists as of 2022-08 (title,
// kind and publisher as the list gives them) and the later ones that public
// sources name (T/JGE 0023-2022 to T/JGE 0138-2024, DB36/T 1491-2021). An
// entry has a number, requirements and chapters only where a source states
// them, and its Source cites the source register (package brand/source). A
// T/JGE number alone does not make a 江西绿色生态 standard (T/JGE 3017-2023
// is not one): only titles that begin with 江西绿色生态 are listed.
func Catalogue() *Catalog { return loadCatalogue() }

// NewCatalog returns a catalogue of the given standards, for a service that
// keeps its own list. The standards are copied.
func NewCatalog(stds []Standard) *Catalog {
	c := &Catalog{all: make([]Standard, len(stds))}
	for i, s := range stds {
		c.all[i] = s.Clone()
	}
	col := collate.New(language.SimplifiedChinese)
	sort.SliceStable(c.all, func(i, j int) bool {
		return col.CompareString(c.all[i].Title, c.all[j].Title) < 0
	})
	c.folded = make([]string, len(c.all))
	c.subjects = make([]string, len(c.all))
	c.byNumber, c.byStd = map[Number]int{}, map[Number]int{}
	for i, s := range c.all {
		if !s.Number.IsZero() {
			if _, dup := c.byNumber[s.Number]; !dup {
				c.byNumber[s.Number] = i
			}
			if _, dup := c.byStd[s.Number.WithoutYear()]; !dup {
				c.byStd[s.Number.WithoutYear()] = i
			}
		}
		c.subjects[i] = fold.Title(s.Subject)
		c.folded[i] = fold.Title(s.Title) + "\x00" + c.subjects[i]
	}
	c.indexSubjects()
	return c
}

// indexSubjects makes c.runes from c.subjects.
func (c *Catalog) indexSubjects() {
	c.runes = map[rune][]runeAt{}
	for i, subj := range c.subjects {
		for off, r := range subj {
			c.runes[r] = append(c.runes[r], runeAt{subject: i, offset: off})
		}
	}
}

// runeAt is where a rune occurs in a folded subject: the subject's index
// in Catalog.all and the byte offset.
type runeAt struct {
	subject, offset int
}

// Len returns the number of standards in the catalogue.
func (c *Catalog) Len() int { return len(c.all) }

// All returns every standard, in pinyin order of Title.
func (c *Catalog) All() []Standard {
	out := make([]Standard, len(c.all))
	for i, s := range c.all {
		out[i] = s.Clone()
	}
	return out
}

// Find returns the standards whose title or subject contains query, or whose
// number is the one query names, in pinyin order of Title. The query is
// folded for width and case, and spaces, 《》 brackets and quotation marks
// are ignored, so "《江西绿色生态　赣南脐橙》", "赣南 脐橙" and "脐橙" all find
// 江西绿色生态 赣南脐橙. A number without a year ("T/JGE 0039") finds every
// edition. An empty query finds nothing.
func (c *Catalog) Find(query string) []Standard {
	var out []Standard
	if n, err := Parse(query); err == nil {
		n = n.Base()
		for _, s := range c.all {
			if !s.Number.IsZero() && (n == s.Number || (n.Year() == 0 || s.Number.Year() == 0) && n.SameStandard(s.Number)) {
				out = append(out, s.Clone())
			}
		}
		return out
	}
	q := fold.Title(query)
	if q == "" {
		return nil
	}
	for i, s := range c.all {
		if strings.Contains(c.folded[i], q) {
			out = append(out, s.Clone())
		}
	}
	return out
}

// Lookup returns the standard with number n. A number without a year finds
// the standard whatever its edition, as does a catalogue entry without one;
// a number with an amendment ("T/JGE 0039-2023/XG1-2024") finds its base
// standard.
func (c *Catalog) Lookup(n Number) (Standard, bool) {
	if i, ok := c.index(n); ok {
		return c.all[i].Clone(), true
	}
	return Standard{}, false
}

// Heading returns the standard that [Catalog.Lookup] finds for n without
// its requirements, basis and clauses: its number, title, kind, publisher,
// subject, status and (a copy of) its attributes. It is what a citation
// check needs ([Standard.Covers], [Standard.Label]) at a fraction of
// Lookup's cost; compare indicators with what Lookup returns.
func (c *Catalog) Heading(n Number) (Standard, bool) {
	i, ok := c.index(n)
	if !ok {
		return Standard{}, false
	}
	s := c.all[i]
	s.Attributes = slices.Clone(s.Attributes)
	s.Requirements, s.Basis, s.Clauses = nil, nil, nil
	return s, true
}

// index finds the entry for n, as Lookup describes.
func (c *Catalog) index(n Number) (int, bool) {
	if n.IsZero() {
		return 0, false
	}
	if i, ok := c.byNumber[n]; ok {
		return i, true
	}
	// A number with an amendment cites the base standard as amended; the
	// catalogue describes the base standard.
	n = n.Base()
	if i, ok := c.byNumber[n]; ok {
		return i, true
	}
	// Another edition counts only when one side has no year.
	if i, ok := c.byStd[n.WithoutYear()]; ok && (n.Year() == 0 || c.all[i].Number.Year() == 0) {
		return i, true
	}
	return 0, false
}

// Subject returns the standard whose subject the product names: the
// product contains the subject ("赣南脐橙礼盒" → 赣南脐橙) or the subject
// contains the product ("蜜梨" → 金溪蜜梨), after folding. Where several
// match, the longest subject wins, then pinyin order. It is how a product
// in a partner's record finds the 江西绿色生态 standard for the same product.
func (c *Catalog) Subject(product string) (Standard, bool) {
	if i := c.subject(fold.Title(product)); i >= 0 {
		return c.all[i].Clone(), true
	}
	return Standard{}, false
}

// SubjectOf returns the number and the title of the standard that
// [Catalog.Subject] finds for product, without copying the standard: what
// a caller needs to name it (its [Standard.Label] is made of the two), or
// to find it again with [Catalog.Lookup].
func (c *Catalog) SubjectOf(product string) (Number, string, bool) {
	if i := c.subject(fold.Title(product)); i >= 0 {
		return c.all[i].Number, c.all[i].Title, true
	}
	return Number{}, "", false
}

// subject returns the index of the standard whose folded subject p names
// (see Subject), or -1. Folded text is valid UTF-8 (fold writes U+FFFD for
// a byte that is not), so a subject occurs in p, or p in a subject, only
// where a rune begins; the index of runes gives the subjects that can
// occur at each rune of p, and those that contain p's first rune.
func (c *Catalog) subject(p string) int {
	if p == "" {
		return -1
	}
	best, bestLen := -1, 0
	better := func(i int) {
		if n := len(c.subjects[i]); n > bestLen || n == bestLen && i < best {
			best, bestLen = i, n
		}
	}
	// The product contains the subject: a subject that begins at a rune
	// of the product.
	for k, r := range p {
		for _, at := range c.runes[r] {
			if at.offset == 0 && strings.HasPrefix(p[k:], c.subjects[at.subject]) {
				better(at.subject)
			}
		}
	}
	// The subject contains the product: the product begins at a rune of
	// the subject.
	r, _ := utf8.DecodeRuneInString(p)
	for _, at := range c.runes[r] {
		if strings.HasPrefix(c.subjects[at.subject][at.offset:], p) {
			better(at.subject)
		}
	}
	return best
}

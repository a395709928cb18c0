package certification

import (
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/width"
)

// Lookup is the read side of a certificate store: what package mark and
// package recognition need. [*Registry] implements it; a service can
// implement it over its own database.
type Lookup interface {
	// Certificate returns the certificate with the given number.
	Certificate(number string) (Certificate, bool)
	// ByHolder returns the certificates of the holder with the given code.
	ByHolder(code CreditCode) []Certificate
	// ByProduct returns the certificates for the given product.
	ByProduct(product string) []Certificate
}

// Registry is an in-memory certificate store keyed by certificate number,
// with indexes by holder and by product. It is safe for concurrent use.
// Numbers and products are matched after folding width, case and spaces,
// so "ＪＸ-001" finds "JX-001". The zero Registry is ready to use.
type Registry struct {
	mu        sync.RWMutex
	byNumber  map[string]Certificate
	byHolder  map[CreditCode][]string
	byProduct map[string][]string
}

var _ Lookup = (*Registry)(nil)

// NewRegistry returns an empty registry.
func NewRegistry() *Registry { return &Registry{} }

func (r *Registry) init() {
	if r.byNumber == nil {
		r.byNumber = map[string]Certificate{}
		r.byHolder = map[CreditCode][]string{}
		r.byProduct = map[string][]string{}
	}
}

// key folds a certificate number or a product name for lookup.
func key(s string) string {
	s = strings.TrimSpace(s)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || c == ' ' || (c >= 'a' && c <= 'z') {
			return slowKey(s)
		}
	}
	return s
}

func slowKey(s string) string {
	s = width.Fold.String(s)
	var b strings.Builder
	for _, r := range strings.ToUpper(s) {
		if r == ' ' || r == '\u3000' || r == '\t' {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Add stores a new certificate. A certificate whose number is already
// stored is refused with [ErrDuplicate]; one with no number, with a
// [*FieldError].
func (r *Registry) Add(c Certificate) error {
	k := key(c.Number)
	if k == "" {
		return &FieldError{Field: "number", Reason: "missing"}
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.init()
	if _, ok := r.byNumber[k]; ok {
		return &FieldError{Field: "number", Reason: "invalid", Value: c.Number, Err: ErrDuplicate}
	}
	r.put(k, c.Clone())
	return nil
}

func (r *Registry) put(k string, c Certificate) {
	r.byNumber[k] = c
	if c.Holder.Code != "" {
		r.byHolder[c.Holder.Code] = append(r.byHolder[c.Holder.Code], k)
	}
	if p := key(c.Product); p != "" {
		r.byProduct[p] = append(r.byProduct[p], k)
	}
}

func (r *Registry) unindex(k string, c Certificate) {
	drop := func(ks []string) []string {
		return slices.DeleteFunc(ks, func(x string) bool { return x == k })
	}
	if c.Holder.Code != "" {
		if ks := drop(r.byHolder[c.Holder.Code]); len(ks) > 0 {
			r.byHolder[c.Holder.Code] = ks
		} else {
			delete(r.byHolder, c.Holder.Code)
		}
	}
	if p := key(c.Product); p != "" {
		if ks := drop(r.byProduct[p]); len(ks) > 0 {
			r.byProduct[p] = ks
		} else {
			delete(r.byProduct, p)
		}
	}
}

// Update applies fn to the stored certificate with the given number, under
// the registry's lock, and stores the result if fn returns nil: the way to
// run a lifecycle step (c.Suspend, c.Renew, …) atomically. fn must not
// change the number. It returns [ErrNotFound] for an unknown number, or
// fn's error.
func (r *Registry) Update(number string, fn func(*Certificate) error) error {
	k := key(number)
	r.mu.Lock()
	defer r.mu.Unlock()
	r.init()
	old, ok := r.byNumber[k]
	if !ok {
		return &FieldError{Field: "number", Reason: "invalid", Value: number, Err: ErrNotFound}
	}
	c := old.Clone()
	if err := fn(&c); err != nil {
		return err
	}
	if key(c.Number) != k {
		return &FieldError{Field: "number", Reason: "invalid", Value: c.Number}
	}
	r.unindex(k, old)
	r.put(k, c)
	return nil
}

// Certificate returns a copy of the certificate with the given number.
func (r *Registry) Certificate(number string) (Certificate, bool) {
	k := key(number)
	r.mu.RLock()
	c, ok := r.byNumber[k]
	r.mu.RUnlock()
	if !ok {
		return Certificate{}, false
	}
	return c.Clone(), true
}

// ByHolder returns copies of the holder's certificates, in the order they
// were added.
func (r *Registry) ByHolder(code CreditCode) []Certificate {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.collect(r.byHolder[code])
}

// ByProduct returns copies of the certificates for product, in the order
// they were added.
func (r *Registry) ByProduct(product string) []Certificate {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.collect(r.byProduct[key(product)])
}

func (r *Registry) collect(keys []string) []Certificate {
	if len(keys) == 0 {
		return nil
	}
	out := make([]Certificate, 0, len(keys))
	for _, k := range keys {
		out = append(out, r.byNumber[k].Clone())
	}
	return out
}

// Len returns the number of certificates stored.
func (r *Registry) Len() int {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return len(r.byNumber)
}

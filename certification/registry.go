package certification

import (
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jxgreen/jxgreen/certification/creditcode"
	"github.com/jxgreen/jxgreen/standard"

	"github.com/jxgreen/jxgreen/brand/fold"
)

// Lookup is the read side of a certificate store: what package mark and
// package recognition need. [*Registry] implements it; a service can
// implement it over its own database, storing only certificates that pass
// [Certificate.Validate]. A Lookup reports no status: callers ask the
// certificate's [Certificate.StatusAt] at the time they care about.
//
// A certificate that a Lookup returns is the caller's own copy: changing
// it, even an element of its History, never changes what the store holds.
type Lookup interface {
	// Certificate returns the certificate with the given number.
	Certificate(number string) (Certificate, bool)
	// ByHolder returns the certificates of the holder with the given code.
	ByHolder(code creditcode.Code) []Certificate
	// ByProduct returns the certificates for the given product.
	ByProduct(product string) []Certificate
}

// StatusLookup is a [Lookup] that also answers the status of a stored
// certificate at a time without copying it: the hot path of a check that
// needs only the status. [*Registry] implements it. It is a separate
// interface so that every Lookup stays valid; a caller detects it with a
// type assertion and otherwise asks Certificate(number).StatusAt(t), which
// gives the same answer.
type StatusLookup interface {
	Lookup
	// StatusAt returns the status at time t of the certificate with the
	// given number, as [Certificate.StatusAt] on what Certificate(number)
	// returns, and false when there is no such certificate.
	StatusAt(number string, t time.Time) (Status, bool)
}

// Registry is an in-memory certificate store keyed by certificate number,
// with indexes by holder and by product. It is safe for concurrent use. The
// zero Registry is ready to use.
//
// Numbers and products are matched after folding ASCII and full-width
// ASCII only: letters to upper case, full-width forms to ASCII, and ASCII
// and ideographic spaces dropped, so "ｊｘ - 001" finds "JX-001". No other
// character is folded: Unicode case folding would make "JX-ſ01" (long s)
// find "JX-S01" and "jx-ı01" (dotless i) find "JX-I01", two different
// numbers.
//
// Characters that cannot be seen are refused, never folded: a number or
// product holding a control or format character, any other blank than the
// ASCII and ideographic spaces (no-break spaces U+00A0 and U+202F, thin
// and other typographic spaces), a default-ignorable character (the
// combining grapheme joiner U+034F, variation selectors, Hangul fillers
// U+3164 and U+FFA0, …) or the braille blank U+2800 is refused when
// stored (by [Certificate.Validate], the rule [Rules.Issue] also applies)
// and finds nothing when looked up. So two numbers that print alike are
// one key, and a look-alike cannot be stored beside the real one. Holder codes are
// stored and looked up in canonical form ([creditcode.Parse]), so a code in
// lower case or with spaces finds its certificates.
//
// Every certificate stored passes [Certificate.Validate]; the registry
// keeps its own copy of what it stores, and reads return copies, so no
// caller can change a stored certificate except through [Registry.Update].
//
// A nil *Registry is an empty registry that stays empty: its reads find
// nothing and Add and Update fail with [ErrNotFound]. It never panics, so
// that a nil *Registry passed as a [Lookup] fails closed.
type Registry struct {
	mu        sync.RWMutex
	byNumber  map[string]Certificate
	byHolder  map[creditcode.Code][]string
	byProduct map[string][]string
	status    atomic.Pointer[statusIndex] // answers StatusAt without reading the certificate; set once, by init
}

var _ StatusLookup = (*Registry)(nil)

// NewRegistry returns an empty registry.
func NewRegistry() *Registry { return &Registry{} }

func (r *Registry) init() {
	if r.byNumber == nil {
		r.byNumber = map[string]Certificate{}
		r.byHolder = map[creditcode.Code][]string{}
		r.byProduct = map[string][]string{}
		x := newStatusIndex()
		r.status.Store(&x)
	}
}

// key folds a certificate number or a product name for lookup (see
// [Registry]); ok is false when s holds a control or format character or
// is not valid UTF-8.
func key(s string) (k string, ok bool) {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c <= ' ' || c >= 0x7f || (c >= 'a' && c <= 'z') {
			return slowKey(s)
		}
	}
	return s, true
}

func slowKey(s string) (string, bool) {
	if badText(s) {
		return "", false
	}
	return fold.Code(s), true
}

// FoldKey returns the key under which a [Registry] files a certificate
// number or a product name, and by which it finds it (the folding is
// described at [Registry]); ok is false when s holds a control or format
// character or is not valid UTF-8: such a string is never stored and finds
// nothing. Other stores (certification/sqlstore) use it so that every
// store folds alike.
func FoldKey(s string) (string, bool) { return key(s) }

// numberKey is the key of a certificate number to store, or a
// [*FieldError] saying why there is none.
func numberKey(number, field string) (string, error) {
	k, ok := key(number)
	if !ok {
		return "", &FieldError{Field: field, Reason: ReasonControl, Value: number}
	}
	if k == "" {
		return "", &FieldError{Field: field, Reason: ReasonMissing}
	}
	return k, nil
}

// Add stores a copy of a new certificate, its holder code in canonical
// form. A certificate whose number is already stored is refused with
// [ErrDuplicate]; one that fails [Certificate.Validate] (no number, a
// number with control characters, no issue date or end of validity, a
// history out of order, …), with its [*FieldError].
func (r *Registry) Add(c Certificate) error {
	if r == nil {
		return &FieldError{Field: "number", Reason: ReasonInvalid, Value: c.Number, Err: ErrNotFound}
	}
	if err := c.Validate(); err != nil {
		return err
	}
	c = c.Clone()
	c.Holder.Code = canonical(c.Holder.Code)
	k, _ := key(c.Number)
	r.mu.Lock()
	defer r.mu.Unlock()
	r.init()
	if _, ok := r.byNumber[k]; ok {
		return &FieldError{Field: "number", Reason: ReasonInvalid, Value: c.Number, Err: ErrDuplicate}
	}
	r.put(k, c)
	return nil
}

// canonical returns the canonical form of a code that Validate accepted.
func canonical(code creditcode.Code) creditcode.Code {
	if p, err := creditcode.Parse(string(code)); err == nil {
		return p
	}
	return code
}

func (r *Registry) put(k string, c Certificate) {
	r.byNumber[k] = c
	r.status.Load().set(k, c)
	if c.Holder.Code != "" {
		r.byHolder[c.Holder.Code] = append(r.byHolder[c.Holder.Code], k)
	}
	if p, _ := key(c.Product); p != "" {
		r.byProduct[p] = append(r.byProduct[p], k)
	}
}

// Update applies fn to a copy of the stored certificate with the given
// number, under the registry's lock, and stores the result if fn returns
// nil and it passes [Certificate.Validate]: the way to run a lifecycle step
// (c.Suspend, c.Renew, c.Retract, …) atomically.
//
// fn must not call the registry: it runs while Update holds the
// registry's write lock, so any call to r from fn (r.Certificate,
// r.ByHolder, r.Update, …) waits for that lock forever. Read what fn
// needs from the registry before calling Update.
//
// fn must not change the number, not even its spelling (full width, case,
// spaces): a result whose Number differs from the stored one is refused
// with a [*FieldError]. The registry stores its own copy of the result,
// so a pointer that fn keeps cannot change the stored certificate
// afterwards; the certificate keeps its place in ByHolder and ByProduct
// unless fn changes its holder or product. Update returns [ErrNotFound]
// for an unknown number, fn's error, or the [*FieldError] of an invalid
// result.
func (r *Registry) Update(number string, fn func(*Certificate) error) error {
	if r == nil {
		return &FieldError{Field: "number", Reason: ReasonInvalid, Value: number, Err: ErrNotFound}
	}
	k, ok := key(number)
	r.mu.Lock()
	defer r.mu.Unlock()
	r.init()
	old, found := r.byNumber[k]
	if !ok || !found {
		return &FieldError{Field: "number", Reason: ReasonInvalid, Value: number, Err: ErrNotFound}
	}
	c := old.Clone()
	if err := fn(&c); err != nil {
		return err
	}
	if c.Number != old.Number {
		return &FieldError{Field: "number", Reason: ReasonInvalid, Value: c.Number}
	}
	if err := c.Validate(); err != nil {
		return err
	}
	// fn may have kept &c: store a copy that nothing outside reaches.
	stored := c.Clone()
	stored.Holder.Code = canonical(stored.Holder.Code)
	r.byNumber[k] = stored
	r.status.Load().set(k, stored)
	// Only an index whose key changed moves the certificate: elsewhere it
	// keeps its place.
	if stored.Holder.Code != old.Holder.Code {
		drop(r.byHolder, old.Holder.Code, k)
		if stored.Holder.Code != "" {
			r.byHolder[stored.Holder.Code] = append(r.byHolder[stored.Holder.Code], k)
		}
	}
	op, _ := key(old.Product)
	np, _ := key(stored.Product)
	if np != op {
		drop(r.byProduct, op, k)
		if np != "" {
			r.byProduct[np] = append(r.byProduct[np], k)
		}
	}
	return nil
}

// drop removes the number key k from the index entry ik.
func drop[K comparable](index map[K][]string, ik K, k string) {
	ks, ok := index[ik]
	if !ok {
		return
	}
	if ks = slices.DeleteFunc(ks, func(x string) bool { return x == k }); len(ks) > 0 {
		index[ik] = ks
	} else {
		delete(index, ik)
	}
}

// Certificate returns a copy of the certificate with the given number.
func (r *Registry) Certificate(number string) (Certificate, bool) {
	k, ok := key(number)
	if !ok || r == nil {
		return Certificate{}, false
	}
	r.mu.RLock()
	c, ok := r.byNumber[k]
	r.mu.RUnlock()
	if !ok {
		return Certificate{}, false
	}
	return c.Clone(), true
}

// StatusAt returns the status at time t of the certificate with the given
// number, matched as [Registry.Certificate] matches it, and false when
// there is none. It copies nothing, and for a number in canonical form
// (upper case, half width, no spaces) it allocates nothing: a stored
// certificate is never changed in place (an update stores a new copy), so
// it is read after the lock is released.
func (r *Registry) StatusAt(number string, t time.Time) (Status, bool) {
	k, ok := key(number)
	if !ok || r == nil {
		return 0, false
	}
	x := r.status.Load()
	if x == nil {
		return 0, false // nothing was ever stored
	}
	if st, found, ok := x.lookup(k, t); ok {
		return st, found
	}
	r.mu.RLock()
	c, ok := r.byNumber[k]
	r.mu.RUnlock()
	if !ok {
		return 0, false
	}
	return c.StatusAt(t), true
}

// ByHolder returns copies of the holder's certificates, in the order they
// were added. code may be in any form
// [creditcode.Parse] accepts.
func (r *Registry) ByHolder(code creditcode.Code) []Certificate {
	if r == nil {
		return nil
	}
	r.mu.RLock()
	defer r.mu.RUnlock()
	keys, ok := r.byHolder[code]
	if !ok {
		if p, err := creditcode.Parse(string(code)); err == nil && p != code {
			keys = r.byHolder[p]
		}
	}
	return r.collect(keys)
}

// ByProduct returns copies of the certificates for product, in the order
// they were added.
func (r *Registry) ByProduct(product string) []Certificate {
	p, ok := key(product)
	if !ok || r == nil {
		return nil
	}
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.collect(r.byProduct[p])
}

// collect returns copies of the certificates filed under keys. The copies'
// slices are cut from one allocation per kind of slice, so that a holder
// with a thousand certificates costs four allocations, not two thousand.
func (r *Registry) collect(keys []string) []Certificate {
	if len(keys) == 0 {
		return nil
	}
	out := make([]Certificate, 0, len(keys))
	var ns, nh, nr int
	for _, k := range keys {
		c := r.byNumber[k]
		ns, nh, nr = ns+len(c.Standards), nh+len(c.History), nr+len(c.Retracted)
		out = append(out, c)
	}
	standards := make([]standard.Number, 0, ns)
	history := make([]Event, 0, nh)
	var retracted []Retraction
	if nr > 0 {
		retracted = make([]Retraction, 0, nr)
	}
	for i := range out {
		c := &out[i]
		if c.Standards != nil {
			standards = append(standards, c.Standards...)
			c.Standards = standards[len(standards)-len(c.Standards) : len(standards) : len(standards)]
		}
		if c.History != nil {
			history = append(history, c.History...)
			c.History = history[len(history)-len(c.History) : len(history) : len(history)]
		}
		if c.Retracted != nil {
			retracted = append(retracted, c.Retracted...)
			c.Retracted = retracted[len(retracted)-len(c.Retracted) : len(retracted) : len(retracted)]
		}
	}
	return out
}

// Len returns the number of certificates stored.
func (r *Registry) Len() int {
	if r == nil {
		return 0
	}
	r.mu.RLock()
	defer r.mu.RUnlock()
	return len(r.byNumber)
}

package recognition

import (
	"slices"
	"strings"
	"sync"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/fold"
	"github.com/jxgreen/jxgreen/recognition/internal/registry"
)

// Adapter connects one partner scheme to the canonical [Record]: it knows
// the scheme's native record format (as JSON, with field names in the
// scheme's own terms), validates it against the scheme's JSON Schema, and
// maps it both ways.
type Adapter interface {
	// Brand describes the scheme.
	Brand() brand.Brand
	// Schema returns the JSON Schema (draft 2020-12) of the native record.
	Schema() []byte
	// Decode validates a native record against the schema, then maps it.
	// Errors are [*DecodeError]s that carry the JSON pointer of the fault.
	Decode(native []byte) (Record, error)
	// Encode maps a record to the native format, so that a partner can
	// check our certificates in its own terms; Decode(Encode(r)) gives r.
	Encode(r Record) ([]byte, error)
	// Agreement returns the default terms on which 江西绿色生态 recognises
	// this scheme.
	Agreement() Agreement
}

// Envelope is implemented by adapters of an exchange format that can carry
// the records of any scheme (such as UNTP), rather than of one scheme of
// its own. [Reciprocals] leaves them out: a format recognises nothing.
type Envelope interface {
	Adapter
	// CarriesAnyScheme marks the adapter as an envelope.
	CarriesAnyScheme()
}

// StatusCarrier is implemented by an adapter that says whether the
// records it encodes carry their status. One whose CarriesStatus is false
// (the stateless UNTP adapter, which writes no credentialStatus) would
// hand a partner certificates that read back with status unknown, the
// revoked alike with the valid: [Export] refuses it, certificate by
// certificate, with [ErrStatusNotCarried]. An adapter without the method
// is taken to carry the status its Encode writes.
type StatusCarrier interface {
	Adapter
	// CarriesStatus reports whether Encode writes the record's status.
	CarriesStatus() bool
}

var (
	registryMu sync.RWMutex
	adapters   = map[brand.ID]Adapter{}
	names      = map[string]brand.ID{} // folded names and ids
)

// foldKey is the registry's key of a scheme id or name: fold.Title (width,
// case, spaces, quotation marks, title brackets and dashes), and slashes
// dropped.
func foldKey(s string) string { return strings.ReplaceAll(fold.Title(s), "/", "") }

// Register makes an adapter available under its scheme's id and every
// Chinese name of the scheme (Brand().Name and Brand().Aliases). It is
// meant for an adapter package's init. Registering an adapter that is nil,
// that has no id, or whose id or a name of which is taken panics: that is a
// programming error found at start-up.
func Register(a Adapter) {
	if a == nil {
		panic("recognition: Register of a nil adapter")
	}
	b := a.Brand()
	if b.ID == "" {
		panic("recognition: Register of an adapter without a scheme id")
	}
	registryMu.Lock()
	defer registryMu.Unlock()
	if _, dup := adapters[b.ID]; dup {
		panic("recognition: Register called twice for scheme " + string(b.ID))
	}
	if name, other, taken := nameTaken(b); taken {
		panic("recognition: name " + name + " of scheme " + string(b.ID) + " is taken by " + string(other))
	}
	add(a, b)
}

// registryKeys are the keys a brand registers under: its id, English name
// and Chinese names.
func registryKeys(b brand.Brand) []string {
	return append([]string{string(b.ID), b.EnglishName}, b.Names()...)
}

// nameTaken reports a key of b that another scheme holds. The caller
// holds registryMu.
func nameTaken(b brand.Brand) (name string, other brand.ID, taken bool) {
	for _, k := range registryKeys(b) {
		if k == "" {
			continue
		}
		if other, taken := names[foldKey(k)]; taken && other != b.ID {
			return k, other, true
		}
	}
	return "", "", false
}

// add registers a under b's keys. The caller holds registryMu for writing.
func add(a Adapter, b brand.Brand) {
	adapters[b.ID] = a
	for _, k := range registryKeys(b) {
		if k != "" {
			names[foldKey(k)] = b.ID
		}
	}
	registry.Changed() // caches of lookups start again
}

// Lookup returns the adapter registered under key: a scheme id
// ("zhejiang") or any of the scheme's names ("品字标", "浙江制造",
// "Zhejiang Made"), matched after folding width, case and spaces.
//
// A key "scheme@format" ("jxgreen@zhejiang", [FormatKey]) names the
// certificates of one scheme written in the native format of another, as
// [Export] writes our certificates for a partner: the adapter reads the
// format's records (its field names, status words and JSON Schema) as
// records of the scheme, whose brand and default terms it has. The format
// must be a flat scheme ([FlatAdapter]) other than the scheme, and the
// scheme no exchange format ([Envelope]).
func Lookup(key string) (Adapter, bool) {
	if s, f, ok := strings.Cut(key, "@"); ok {
		return lookupIn(s, f)
	}
	registryMu.RLock()
	defer registryMu.RUnlock()
	return lookup(key)
}

// lookup is Lookup of a plain key. The caller holds registryMu.
func lookup(key string) (Adapter, bool) {
	id, ok := names[foldKey(key)]
	if !ok {
		return nil, false
	}
	return adapters[id], true
}

// FormatKey returns the key under which [Lookup] finds the records of
// scheme written in the native format of the flat scheme format: the id
// of scheme when the two are one, and "scheme@format" otherwise.
func FormatKey(scheme, format brand.ID) string {
	if scheme == format {
		return string(scheme)
	}
	return string(scheme) + "@" + string(format)
}

var (
	inFormatMu sync.Mutex
	inFormat   = map[[2]brand.ID]*FlatAdapter{} // at most one per registered pair
)

// lookupIn returns the adapter of the records of scheme s written in the
// format of the scheme f.
func lookupIn(s, f string) (Adapter, bool) {
	registryMu.RLock()
	sa, sok := lookup(s)
	fa, fok := lookup(f)
	registryMu.RUnlock()
	if !sok || !fok {
		return nil, false
	}
	flat, ok := fa.(*FlatAdapter)
	if _, env := sa.(Envelope); !ok || env {
		return nil, false
	}
	sb := sa.Brand()
	if sb.ID == flat.format.Scheme {
		return sa, true
	}
	k := [2]brand.ID{sb.ID, flat.format.Scheme}
	inFormatMu.Lock()
	defer inFormatMu.Unlock()
	if a, ok := inFormat[k]; ok && a.base == flat {
		return a, true
	}
	format := flat.format.clone()
	format.Scheme = sb.ID
	format.Certifies = sb.Model == brand.Certification
	if format.Validate() != nil { // valid as the format's: not reached
		return nil, false
	}
	a := NewFlatAdapter(format, sb, sa.Agreement(), flat.rawSchema)
	a.base = flat
	inFormat[k] = a
	return a, true
}

// Adapters returns the registered adapters, sorted by scheme id.
func Adapters() []Adapter {
	registryMu.RLock()
	defer registryMu.RUnlock()
	out := make([]Adapter, 0, len(adapters))
	for _, a := range adapters {
		out = append(out, a)
	}
	slices.SortFunc(out, func(a, b Adapter) int { return strings.Compare(string(a.Brand().ID), string(b.Brand().ID)) })
	return out
}

// AgreementFor returns the terms to check r by when it arrived through the
// adapter via: the agreement of r's own scheme when an adapter for it is
// registered (an envelope such as UNTP may carry any scheme's record), and
// otherwise via's agreement aimed at r's scheme.
func AgreementFor(via Adapter, r Record) Agreement {
	if via != nil && via.Brand().ID == r.Scheme {
		return via.Agreement()
	}
	if own, ok := Lookup(string(r.Scheme)); ok && own.Brand().ID == r.Scheme {
		return own.Agreement()
	}
	var a Agreement
	if via != nil {
		a = via.Agreement()
	} else {
		a = DefaultAgreement(brand.Brand{})
	}
	if r.Scheme == brand.JiangxiGreen {
		a.Scheme = brand.JiangxiGreenEcology().Clone()
	} else {
		a.Scheme = brand.Brand{ID: r.Scheme, Name: string(r.Scheme)}
	}
	return a
}

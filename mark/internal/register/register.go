// Package register asks a certification.Lookup for a certificate, failing
// closed: the one home of that rule for package mark and its status list.
package register

import (
	"context"
	"errors"
	"reflect"

	"github.com/jxgreen/jxgreen/certification"
)

// Certificate asks l for a certificate; a nil l, or an l holding a nil
// pointer, map, slice, function or channel, knows none (the check fails
// closed rather than panicking or going offline).
func Certificate(l certification.Lookup, number string) (certification.Certificate, bool) {
	c, ok, _ := Get(context.Background(), l, number)
	return c, ok
}

// Get asks l for a certificate as [Certificate] does, and tells an
// unknown certificate (ok false, err nil) from a register that cannot
// answer (err not nil): when l is a [certification.ContextLookup], its Get
// is asked with ctx, and any error but [certification.ErrNotFound] is
// returned. A plain Lookup cannot fail; it is asked without ctx.
func Get(ctx context.Context, l certification.Lookup, number string) (certification.Certificate, bool, error) {
	if IsNil(l) {
		return certification.Certificate{}, false, nil
	}
	if cl, ok := l.(certification.ContextLookup); ok {
		if err := ctx.Err(); err != nil {
			return certification.Certificate{}, false, err
		}
		c, err := cl.Get(ctx, number)
		switch {
		case err == nil:
			return c, true, nil
		case errors.Is(err, certification.ErrNotFound):
			return certification.Certificate{}, false, nil
		}
		return certification.Certificate{}, false, err
	}
	c, ok := l.Certificate(number)
	return c, ok, nil
}

// IsNil reports whether l is nil or a typed nil.
func IsNil(l certification.Lookup) bool {
	if l == nil {
		return true
	}
	switch v := reflect.ValueOf(l); v.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Slice, reflect.Func, reflect.Chan, reflect.Interface:
		return v.IsNil()
	}
	return false
}

// Package register asks a certification.Lookup for a certificate, failing
// closed: the one home of that rule for package mark and its status list.
package register

import (
	"reflect"

	"github.com/jxgreen/jxgreen/certification"
)

// Certificate asks l for a certificate; a nil l, or an l holding a nil
// pointer, map, slice, function or channel, knows none (the check fails
// closed rather than panicking or going offline).
func Certificate(l certification.Lookup, number string) (certification.Certificate, bool) {
	if IsNil(l) {
		return certification.Certificate{}, false
	}
	return l.Certificate(number)
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

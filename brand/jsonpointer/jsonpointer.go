// Package jsonpointer writes JSON Pointers (RFC 6901), the paths by which
// the module's errors name the part of a JSON document that is wrong
// ("/history/2/at"). It is the module's one home of the escaping: every
// package that names a member in a pointer escapes it here.
package jsonpointer

import "strings"

// Escape returns a member name as a reference token of a JSON Pointer:
// "~" becomes "~0" and "/" becomes "~1" (RFC 6901, section 3), so that
// "a/b" names one member, not two.
func Escape(token string) string {
	if !strings.ContainsAny(token, "~/") {
		return token
	}
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(token)
}

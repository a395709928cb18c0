// Package b64url is the one home of strict base64url for package mark and
// its status list: the URL-safe alphabet without padding, with one
// spelling for every byte string.
package b64url

import "encoding/base64"

// strict is base64url without padding, refusing stray bits.
var strict = base64.RawURLEncoding.Strict()

// Decode decodes src into dst, which must hold
// base64.RawURLEncoding.DecodedLen(len(src)) bytes: the caller checks
// src with [Invalid] first.
func Decode(dst, src []byte) (int, error) { return strict.Decode(dst, src) }

// DecodeString decodes s; the caller checks it with [Invalid] first.
func DecodeString(s string) ([]byte, error) { return strict.DecodeString(s) }

// alphabet marks the bytes of the base64url alphabet.
var alphabet = func() (t [256]bool) {
	for _, c := range "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_" {
		t[c] = true
	}
	return t
}()

// Invalid returns the position of the first byte of s outside the
// alphabet, or -1. Go's decoder skips CR and LF even in strict mode, so a
// format with one spelling checks the bytes itself first.
func Invalid[S string | []byte](s S) int {
	for i := 0; i < len(s); i++ {
		if !alphabet[s[i]] {
			return i
		}
	}
	return -1
}

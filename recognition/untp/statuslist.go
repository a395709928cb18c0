package untp

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"fmt"
	"io"
	"sync"
)

// StatusList is a W3C Bitstring Status List: one bit per credential, set
// when the credential is revoked (purpose "revocation") or suspended
// (purpose "suspension"). A list is identified by the URL of its status
// list credential. It is safe for concurrent use.
type StatusList struct {
	URL     string
	Purpose string // "revocation" or "suspension"

	mu   sync.RWMutex
	bits []byte
	next int            // next free index
	ids  map[string]int // credential id -> index
	// own lists know which indexes they gave out; a published list read
	// back does not, and answers for every index.
	own bool
}

// NewStatusList returns an empty list of the minimum size.
func NewStatusList(url, purpose string) *StatusList {
	return &StatusList{URL: url, Purpose: purpose, bits: make([]byte, MinStatusListBits/8), ids: map[string]int{}, own: true}
}

// Index returns the index of credential id in the list, allocating the next
// free one the first time.
func (l *StatusList) Index(id string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	if i, ok := l.ids[id]; ok {
		return i
	}
	i := l.next
	l.next++
	if i/8 >= len(l.bits) {
		l.bits = append(l.bits, make([]byte, len(l.bits))...)
	}
	l.ids[id] = i
	return i
}

// claim gives credential id index i, which its companion list gave it.
func (l *StatusList) claim(id string, i int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if _, ok := l.ids[id]; ok {
		return
	}
	l.ids[id] = i
	if i >= l.next {
		l.next = i + 1
	}
	for i/8 >= len(l.bits) {
		l.bits = append(l.bits, make([]byte, len(l.bits)+1)...)
	}
}

// givenTo reports whether index i may be read for credential id: a list
// of the adapter's own must have given i to id; a published list read back
// does not know to whom it gave its indexes, and answers for any.
func (l *StatusList) givenTo(id string, i int) bool {
	l.mu.RLock()
	defer l.mu.RUnlock()
	if !l.own {
		return true
	}
	j, ok := l.ids[id]
	return ok && j == i
}

// Set sets or clears bit i.
func (l *StatusList) Set(i int, on bool) {
	if i < 0 {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	for i/8 >= len(l.bits) {
		l.bits = append(l.bits, make([]byte, len(l.bits)+1)...)
	}
	// Index 0 is the left-most bit of the first byte.
	mask := byte(0x80) >> (i % 8)
	if on {
		l.bits[i/8] |= mask
	} else {
		l.bits[i/8] &^= mask
	}
}

// Get reports whether bit i is set. An index outside the list, or one
// that a list of our own never gave out, is an error: its status is not
// known.
func (l *StatusList) Get(i int) (bool, error) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	if i < 0 || i/8 >= len(l.bits) || (l.own && i >= l.next) {
		return false, fmt.Errorf("untp: status list %s: index %d not allocated: %w", l.URL, i, ErrStatusList)
	}
	return l.bits[i/8]&(byte(0x80)>>(i%8)) != 0, nil
}

// EncodedList returns the list as the encodedList of a
// BitstringStatusListCredential: the GZIP-compressed bits, base64url
// without padding, with the multibase prefix "u".
func (l *StatusList) EncodedList() string {
	l.mu.RLock()
	defer l.mu.RUnlock()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	_, _ = w.Write(l.bits) // writes to a bytes.Buffer do not fail
	_ = w.Close()
	return "u" + base64.RawURLEncoding.EncodeToString(b.Bytes())
}

// maxListBytes caps a decoded list (16 MiB, 134 million credentials) so that
// a hostile encodedList cannot exhaust memory.
const maxListBytes = 16 << 20

// ParseStatusList reads the encodedList of a published status list
// credential.
func ParseStatusList(url, purpose, encoded string) (*StatusList, error) {
	if len(encoded) < 1 || encoded[0] != 'u' {
		return nil, fmt.Errorf("untp: encodedList must be multibase base64url (prefix u): %w", ErrStatusList)
	}
	raw, err := base64.RawURLEncoding.DecodeString(encoded[1:])
	if err != nil {
		return nil, fmt.Errorf("untp: encodedList: %w: %w", ErrStatusList, err)
	}
	r, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("untp: encodedList: %w: %w", ErrStatusList, err)
	}
	bits, err := io.ReadAll(io.LimitReader(r, maxListBytes+1))
	if err != nil {
		return nil, fmt.Errorf("untp: encodedList: %w: %w", ErrStatusList, err)
	}
	if len(bits) > maxListBytes {
		return nil, fmt.Errorf("untp: encodedList too large: %w", ErrStatusList)
	}
	return &StatusList{URL: url, Purpose: purpose, bits: bits, ids: map[string]int{}}, nil
}

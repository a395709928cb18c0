package jsonscan

import (
	"bytes"
	"encoding/json"
)

// EnvelopeFault is what makes a line's envelope unreadable although it is
// JSON: a key twice (kind "duplicate-key", RFC 7493 forbids it) or more
// than MaxMembers keys ("too-many-keys"). The zero value is none.
type EnvelopeFault struct{ kind, key string }

// Kind is "duplicate-key", "too-many-keys", or "" for none.
func (f EnvelopeFault) Kind() string { return f.kind }

// Key is the duplicate key.
func (f EnvelopeFault) Key() string { return f.key }

// Envelope reads {"scheme": "...", "record": {...}} without building a
// tree; ok is false when it is not sure, and the caller asks encoding/json.
// Other keys are allowed and ignored, up to MaxMembers of them; a key that
// appears twice is a fault (the line is refused). The record's own keys
// are its adapter's to check.
//
// valid says that line is known to be valid UTF-8.
func Envelope(line []byte, valid bool) (scheme string, record []byte, hasScheme, ok bool, fault EnvelopeFault) {
	s := scanner{b: line, valid: valid}
	var seen [8][]byte
	keys := seen[:0] // the keys, as slices of line: no copies
	ok = s.object(func(key []byte) bool {
		for _, k := range keys {
			if bytes.Equal(k, key) {
				fault = EnvelopeFault{kind: "duplicate-key", key: string(k)}
				return false
			}
		}
		if len(keys) == MaxMembers {
			fault = EnvelopeFault{kind: "too-many-keys"}
			return false
		}
		keys = append(keys, key)
		switch string(key) {
		case "scheme":
			v, ok := s.plainString()
			scheme, hasScheme = v, ok
			return ok
		case "record":
			start := s.i
			if !s.skipValue(0) {
				return false
			}
			record = line[start:s.i]
			return true
		}
		// Any other member: skipped, but a key twice in any object in it
		// is a fault too ("anywhere in a line").
		return s.skipUnique(0, &fault)
	}) && s.end()
	if fault.kind != "" {
		return "", nil, false, true, fault
	}
	if !ok {
		return "", nil, false, false, fault
	}
	if string(record) == "null" {
		record = nil // as encoding/json leaves a *RawMessage nil for null
	}
	return scheme, record, hasScheme, true, fault
}

// TopLevelFault is Envelope's fault for the lines Envelope was not sure
// of: escaped keys can spell the same key two ways. It returns the zero
// fault when there is none, or when line is not an object (encoding/json
// then says why).
func TopLevelFault(line []byte) EnvelopeFault {
	dec := json.NewDecoder(bytes.NewReader(line))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return EnvelopeFault{}
	}
	seen := map[string]bool{}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return EnvelopeFault{}
		}
		k, _ := t.(string)
		if seen[k] {
			return EnvelopeFault{kind: "duplicate-key", key: k}
		}
		if len(seen) == MaxMembers {
			return EnvelopeFault{kind: "too-many-keys"}
		}
		seen[k] = true
		if k == "record" { // the record's own keys are its adapter's to check
			var skip json.RawMessage
			if dec.Decode(&skip) != nil {
				return EnvelopeFault{}
			}
			continue
		}
		if f, ok := uniqueValue(dec); !ok {
			return f
		}
	}
	return EnvelopeFault{}
}

// uniqueValue reads one value from dec, and returns the first duplicate
// key, or object of more than MaxMembers keys, in it in document order; ok
// is false when it found one or the value is not JSON.
func uniqueValue(dec *json.Decoder) (fault EnvelopeFault, ok bool) {
	t, err := dec.Token()
	if err != nil {
		return EnvelopeFault{}, false
	}
	d, isDelim := t.(json.Delim)
	if !isDelim {
		return EnvelopeFault{}, true
	}
	switch d {
	case '{':
		seen := map[string]bool{}
		for dec.More() {
			kt, err := dec.Token()
			if err != nil {
				return EnvelopeFault{}, false
			}
			k, _ := kt.(string)
			if seen[k] {
				return EnvelopeFault{kind: "duplicate-key", key: k}, false
			}
			if len(seen) == MaxMembers {
				return EnvelopeFault{kind: "too-many-keys"}, false
			}
			seen[k] = true
			if f, ok := uniqueValue(dec); !ok {
				return f, false
			}
		}
	case '[':
		for dec.More() {
			if f, ok := uniqueValue(dec); !ok {
				return f, false
			}
		}
	default:
		return EnvelopeFault{}, false
	}
	_, err = dec.Token()
	return EnvelopeFault{}, err == nil
}

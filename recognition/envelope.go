package recognition

import (
	"bytes"
	"encoding/json"
)

type envelopeFault struct{ kind, key string }

// envelope reads {"scheme": "...", "record": {...}} without building a
// tree; ok is false when it is not sure, and the caller asks encoding/json.
// Other keys are allowed and ignored, up to MaxMembers of them; a key that
// appears twice is a fault (the line is refused). The record's own keys
// are its adapter's to check.
//
// valid says that line is known to be valid UTF-8.
func envelope(line []byte, valid bool) (scheme string, record []byte, hasScheme, ok bool, fault envelopeFault) {
	s := scanner{b: line, valid: valid}
	var seen [8][]byte
	keys := seen[:0] // the keys, as slices of line: no copies
	ok = s.object(func(key []byte) bool {
		for _, k := range keys {
			if bytes.Equal(k, key) {
				fault = envelopeFault{kind: "duplicate-key", key: string(k)}
				return false
			}
		}
		if len(keys) == MaxMembers {
			fault = envelopeFault{kind: "too-many-keys"}
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

// topLevelFault is envelope's fault for the lines envelope was not sure
// of: escaped keys can spell the same key two ways. It returns the zero
// fault when there is none, or when line is not an object (encoding/json
// then says why).
func topLevelFault(line []byte) envelopeFault {
	dec := json.NewDecoder(bytes.NewReader(line))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return envelopeFault{}
	}
	seen := map[string]bool{}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return envelopeFault{}
		}
		k, _ := t.(string)
		if seen[k] {
			return envelopeFault{kind: "duplicate-key", key: k}
		}
		if len(seen) == MaxMembers {
			return envelopeFault{kind: "too-many-keys"}
		}
		seen[k] = true
		if k == "record" { // the record's own keys are its adapter's to check
			var skip json.RawMessage
			if dec.Decode(&skip) != nil {
				return envelopeFault{}
			}
			continue
		}
		if f, ok := uniqueValue(dec); !ok {
			return f
		}
	}
	return envelopeFault{}
}

// uniqueValue reads one value from dec, and returns the first duplicate
// key, or object of more than MaxMembers keys, in it in document order; ok
// is false when it found one or the value is not JSON.
func uniqueValue(dec *json.Decoder) (fault envelopeFault, ok bool) {
	t, err := dec.Token()
	if err != nil {
		return envelopeFault{}, false
	}
	d, isDelim := t.(json.Delim)
	if !isDelim {
		return envelopeFault{}, true
	}
	switch d {
	case '{':
		seen := map[string]bool{}
		for dec.More() {
			kt, err := dec.Token()
			if err != nil {
				return envelopeFault{}, false
			}
			k, _ := kt.(string)
			if seen[k] {
				return envelopeFault{kind: "duplicate-key", key: k}, false
			}
			if len(seen) == MaxMembers {
				return envelopeFault{kind: "too-many-keys"}, false
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
		return envelopeFault{}, false
	}
	_, err = dec.Token()
	return envelopeFault{}, err == nil
}

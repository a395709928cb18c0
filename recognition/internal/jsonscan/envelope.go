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
	return stringScheme(envelope(line, valid, false))
}

// EnvelopeLazy is Envelope that steps over the record by matching its
// brackets and quotes, without checking its syntax: the record is read
// once, by its decoder, instead of twice. When it reads the envelope (ok)
// without fault and the record it returns is valid JSON, its answer is
// Envelope's; the caller must establish that (a strict decoder accepted
// the record, or [ValidValue]) before it trusts any part of the answer,
// and otherwise asks Envelope, as it must for any other answer.
// line must be valid UTF-8.
func EnvelopeLazy(line []byte) (scheme string, record []byte, hasScheme, ok bool, fault EnvelopeFault) {
	return stringScheme(envelope(line, true, true))
}

// stringScheme is envelope's answer with the scheme as a string.
func stringScheme(scheme, record []byte, hasScheme, ok bool, fault EnvelopeFault) (string, []byte, bool, bool, EnvelopeFault) {
	return string(scheme), record, hasScheme, ok, fault
}

// EnvelopeLazyUnchecked is EnvelopeLazy for a line not known to be
// UTF-8: it checks the UTF-8 of the strings it reads, but not of the
// record it steps over, which the caller reads with a strict reader that
// checks it (valid false) before it trusts any part of the answer.
// The scheme is a piece of line.
func EnvelopeLazyUnchecked(line []byte) (scheme, record []byte, hasScheme, ok bool, fault EnvelopeFault) {
	if scheme, record, ok := commonEnvelope(line); ok {
		return scheme, record, true, true, EnvelopeFault{}
	}
	return envelope(line, false, true)
}

// commonEnvelope reads the line most writers write, compact with the
// scheme first and the record, an object, last:
// {"scheme":"…","record":{…}}, as envelope(line, false, true) reads it,
// without its loop over members; ok is false for any other line.
// FuzzCommonEnvelopeAgreesWithEnvelope holds the two to the same answer.
func commonEnvelope(line []byte) (scheme, record []byte, ok bool) {
	const head, next = `{"scheme":`, `,"record":`
	if len(line) < len(head) || string(line[:len(head)]) != head {
		return nil, nil, false
	}
	s := scanner{b: line, i: len(head)}
	scheme, ok = s.plainBytes()
	if !ok || len(line)-s.i < len(next) || string(line[s.i:s.i+len(next)]) != next {
		return nil, nil, false
	}
	end, _, ok := lastRecord(line, s.i+len(next))
	if !ok {
		return nil, nil, false
	}
	return scheme, line[s.i+len(next) : end], true
}

// ValidValue reports whether b is exactly one JSON value, as Envelope
// checks a record: nested at most 64 deep. b must be valid UTF-8.
func ValidValue(b []byte) bool {
	s := scanner{b: b, valid: true}
	return s.skipValue(0) && s.end()
}

// ValidUTF8Value is ValidValue for b not known to be UTF-8: it reports
// whether b is valid UTF-8 and exactly one JSON value, in one reading.
// Only a string can hold bytes past ASCII in a value ValidValue accepts,
// and each string's UTF-8 is checked as it is stepped over (an ASCII
// string's at no cost).
func ValidUTF8Value(b []byte) bool {
	s := scanner{b: b}
	return s.skipValue(0) && s.end()
}

func envelope(line []byte, valid, lazy bool) (scheme, record []byte, hasScheme, ok bool, fault EnvelopeFault) {
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
			v, ok := s.plainBytes()
			scheme, hasScheme = v, ok
			return ok
		case "record":
			start := s.i
			if lazy && hasScheme {
				// The common line ends with its record: take all up to the
				// line's last brace as the record, unread. Should more
				// members follow the record, what is taken is not one JSON
				// value, which the caller finds out before it trusts it.
				if end, last, ok := lastRecord(line, start); ok {
					record, s.i = line[start:end], last
					return true
				}
			}
			if lazy {
				if !s.skipBrackets() {
					return false
				}
			} else if !s.skipValue(0) {
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
		return nil, nil, false, true, fault
	}
	if !ok {
		return nil, nil, false, false, fault
	}
	if string(record) == "null" {
		record = nil // as encoding/json leaves a *RawMessage nil for null
	}
	return scheme, record, hasScheme, true, fault
}

// lastRecord returns, for a record that starts at line[start] with a
// brace, where it ends if it is the envelope's last member: after the
// last closing brace but one of the line, white space aside, and where
// the envelope's closing brace is; ok is false when the line does not
// end that way.
func lastRecord(line []byte, start int) (end, last int, ok bool) {
	if start >= len(line) || line[start] != '{' {
		return 0, 0, false
	}
	last = lastNonSpace(line, len(line))
	if last <= start || line[last] != '}' {
		return 0, 0, false
	}
	end = lastNonSpace(line, last)
	if end <= start || line[end] != '}' {
		return 0, 0, false
	}
	return end + 1, last, true
}

// firstNonSpace returns the index of the first byte of line that is not
// JSON white space, or len(line).
func firstNonSpace(line []byte) int {
	i := 0
	for i < len(line) && (line[i] == ' ' || line[i] == '\t' || line[i] == '\n' || line[i] == '\r') {
		i++
	}
	return i
}

// lastNonSpace returns the index of the last byte before line[to] that is
// not JSON white space, or -1.
func lastNonSpace(line []byte, to int) int {
	i := to - 1
	for i >= 0 && (line[i] == ' ' || line[i] == '\t' || line[i] == '\n' || line[i] == '\r') {
		i--
	}
	return i
}

// TopLevelFault is Envelope's fault for the lines Envelope was not sure
// of: escaped keys can spell the same key two ways. It returns the zero
// fault when there is none, or when line is not an object (encoding/json
// then says why).
func TopLevelFault(line []byte) EnvelopeFault {
	// A line that does not open an object (a line that is not JSON at
	// all, as often as not) has no fault, without a decoder to say so:
	// the decoder's first token is then not '{'.
	if i := firstNonSpace(line); i == len(line) || line[i] != '{' {
		return EnvelopeFault{}
	}
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

// skipBrackets steps over an object or array by matching its brackets and
// the quotes of its strings, without checking anything else; any other
// value is stepped over by skipValue. It declines nesting deeper than
// skipValue reads, and an input that ends first.
func (s *scanner) skipBrackets() bool {
	if c := s.peek(); c != '{' && c != '[' {
		return s.skipValue(0)
	}
	depth := 0
	for i := s.i; i < len(s.b); i++ {
		switch s.b[i] {
		case '"':
			// The closing quote is the first not escaped: after an even
			// number of backslashes.
			j := i + 1
			for {
				k := bytes.IndexByte(s.b[j:], '"')
				if k < 0 {
					return false
				}
				j += k
				n := 0
				for p := j - 1; p > i && s.b[p] == '\\'; p-- {
					n++
				}
				if n%2 == 0 {
					break
				}
				j++
			}
			i = j
		case '{', '[':
			depth++
			if depth > 65 {
				return false
			}
		case '}', ']':
			depth--
			if depth == 0 {
				s.i = i + 1
				return true
			}
		}
	}
	return false
}

package jsonscan

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
)

// topLevelFaultReference is TopLevelFault as it was, asking the decoder
// about every line: the reference of FuzzTopLevelFaultAgreesWithReference.
func topLevelFaultReference(line []byte) EnvelopeFault {
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
		if k == "record" {
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

// FuzzTopLevelFaultAgreesWithReference holds TopLevelFault, which answers
// a line that does not open an object without a decoder, to the reading
// through the decoder on any line.
func FuzzTopLevelFaultAgreesWithReference(f *testing.F) {
	for _, s := range []string{
		`not json at all`, `[1,2,3]`, ``, ` `, "\t\r\n", `{`, ` {"a":1,"a":2}`, `{"a":1,"a":2`, "\n{\"a\":{\"b\":1,\"b\":2}}",
		`"x"`, `1`, `null`, `}`, `{"record":{"a":1,"a":1},"x":1}`, "\u00a0{\"a\":1,\"a\":2}", "\v{\"a\":1,\"a\":2}", manyKeys(MaxMembers + 1),
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		assert.Equal(t, topLevelFaultReference(line), TopLevelFault(line), "%q", line)
	})
}

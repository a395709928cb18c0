package recognition

import (
	"bytes"
	"encoding/json"
	"testing"
)

// FuzzEnvelope checks the fast envelope reader against encoding/json: what
// it reads, encoding/json reads the same way.
func FuzzEnvelope(f *testing.F) {
	for _, s := range []string{
		`{"scheme":"zhejiang","record":{"a":"b"}}`, `{"record":[1,2,{"x":null}],"scheme":"圳品","x":true}`,
		`{"scheme":"a","scheme":"b","record":null}`, `{"scheme":"\u0061","record":{}}`, `{}`, `[]`, `{"scheme":1}`,
		`{"record":{"a":"\ud800"}}`, `{"scheme":"x","record":-1.5e3}`, `{"scheme":"x","record":01}`,
		`{"a0aaa":"","reCord":{"":""}}`, // encoding/json would match "reCord" to a field named Record
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		scheme, record, hasScheme, ok := envelope(line)
		if !ok {
			return
		}
		// The slow path of checkLine reads the envelope this way.
		var env map[string]json.RawMessage
		if err := json.Unmarshal(line, &env); err != nil {
			t.Fatalf("envelope read %q, which encoding/json refuses: %v", line, err)
		}
		var slowScheme string
		raw, slowHas := env["scheme"]
		if slowHas && json.Unmarshal(raw, &slowScheme) != nil {
			slowHas = false
		}
		if hasScheme != slowHas || scheme != slowScheme {
			t.Fatalf("scheme of %q: %q/%v, encoding/json %q/%v", line, scheme, hasScheme, slowScheme, slowHas)
		}
		slowRecord, _ := env["record"]
		if string(slowRecord) == "null" {
			slowRecord = nil
		}
		if !bytes.Equal(record, slowRecord) || (record == nil) != (slowRecord == nil) {
			t.Fatalf("record of %q: %q, encoding/json %q", line, record, slowRecord)
		}
	})
}

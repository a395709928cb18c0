package recognition

import (
	"bytes"
	"encoding/json"
	"reflect"
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

// FuzzTree checks the fast tree reader against encoding/json with
// UseNumber: what it reads, encoding/json reads to the same tree.
func FuzzTree(f *testing.F) {
	for _, s := range []string{
		`{"a":[1,-2.5e3,true,false,null,{"b":"c"}],"a":"dup"}`, `[]`, `{}`, `"x"`, `0`, `-0.0E+1`, `[1,]`, `{"a":1,}`,
		`{"a":"\u0062"}`, `[[[[[[]]]]]]`, "\"\xff\"", `01`, `1.`, `{"k":"v"} x`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		fast, ok := tree(b)
		if !ok {
			return
		}
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.UseNumber()
		var slow any
		if err := dec.Decode(&slow); err != nil {
			t.Fatalf("tree read %q, which encoding/json refuses: %v", b, err)
		}
		if _, err := dec.Token(); err == nil {
			t.Fatalf("tree read %q as one value, encoding/json finds more", b)
		}
		if !reflect.DeepEqual(fast, slow) {
			t.Fatalf("trees of %q differ:\n%#v\n%#v", b, fast, slow)
		}
	})
}

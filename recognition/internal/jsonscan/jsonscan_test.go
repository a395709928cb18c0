package jsonscan

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"io"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzEnvelope checks the fast envelope reader against encoding/json: what
// it reads, encoding/json reads the same way.
func FuzzEnvelope(f *testing.F) {
	for _, s := range []string{
		`{"scheme":"zhejiang","record":{"a":"b"}}`, `{"record":[1,2,{"x":null}],"scheme":"圳品","x":true}`,
		`{"scheme":"a","scheme":"b","record":null}`, `{"scheme":"\u0061","record":{}}`, `{}`, `[]`, `{"scheme":1}`,
		`{"record":{"a":"\ud800"}}`, `{"scheme":"x","record":-1.5e3}`, `{"scheme":"x","record":01}`,
		`{"a0aaa":"","reCord":{"":""}}`, // encoding/json would match "reCord" to a field named Record
		`{"scheme":"a","record":{},"sch\u0065me":"b"}`, manyKeys(MaxMembers + 1),
		`{"record":{"a" "b"},"scheme":"x","scheme":"y"}`, `{"record":{"a":"\\\"}"},"scheme":"x"}`, `{"record":[{]},"scheme":"x"}`,
		`{"record":` + strings.Repeat("[", 66) + strings.Repeat("]", 66) + `,"scheme":"x"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		scheme, record, hasScheme, ok, fault := Envelope(line, utf8.Valid(line))
		if utf8.Valid(line) {
			// The lazy reader gives the same answer whenever it read the
			// envelope without fault and the record it found is valid JSON,
			// as its callers check before they trust it.
			ls, lr, lh, lok, lf := EnvelopeLazy(line)
			if lok && lf.kind == "" && (lr == nil || ValidValue(lr)) {
				if ls != scheme || !bytes.Equal(lr, record) || (lr == nil) != (record == nil) || lh != hasScheme || lok != ok || lf != fault {
					t.Fatalf("lazy envelope of %q: %q %q %v %v %+v, Envelope %q %q %v %v %+v",
						line, ls, lr, lh, lok, lf, scheme, record, hasScheme, ok, fault)
				}
			}
		}
		if fault.kind != "" {
			// A duplicate key, which encoding/json would take the last of,
			// or too many keys: the slow reader finds the same.
			if slow := TopLevelFault(line); slow != fault && json.Valid(line) {
				t.Fatalf("envelope found %+v in %q, the slow reader %+v", fault, line, slow)
			}
			return
		}
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

func manyKeys(n int) string {
	var b strings.Builder
	b.WriteString(`{"scheme":"x"`)
	for i := range n {
		b.WriteString(`,"k` + strconv.Itoa(i) + `":0`)
	}
	return b.String() + "}"
}

// FuzzTree checks the fast tree reader against the slow one, and the slow
// one against encoding/json with UseNumber: the same tree, the same
// refusal of duplicate keys and values past the bounds, at the same
// pointer.
func FuzzTree(f *testing.F) {
	for _, s := range []string{
		`{"a":[1,-2.5e3,true,false,null,{"b":"c"}],"b":"dup"}`, `[]`, `{}`, `"x"`, `0`, `-0.0E+1`, `[1,]`, `{"a":1,}`,
		`{"a":"\u0062"}`, `[[[[[[]]]]]]`, "\"\xff\"", `01`, `1.`, `{"k":"v"} x`,
		`{"a":1,"a":2}`, `{"a":{"b":[{"c":1,"c":2}]}}`, `{"a":1,"\u0061":2}`, `{"x":[` + strings.Repeat(`"y",`, 300) + `"y"]}`,
		strings.Repeat("[", 40) + strings.Repeat("]", 40), `{"s":"` + strings.Repeat("长", 6000) + `"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		slow, slowTerr, slowErr := SlowTree(b)
		fast, ok, terr := Tree(b)
		if terr != nil || ok {
			if (terr == nil) != (slowTerr == nil) || terr != nil && *terr != *slowTerr {
				t.Fatalf("tree and slowTree refuse %q differently: %+v, %+v (%v)", b, terr, slowTerr, slowErr)
			}
			if ok && !reflect.DeepEqual(fast, slow) {
				t.Fatalf("trees of %q differ:\n%#v\n%#v", b, fast, slow)
			}
		}
		if slowTerr != nil {
			return
		}
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.UseNumber()
		var want any
		err := dec.Decode(&want)
		if err == nil {
			if _, err2 := dec.Token(); err2 != io.EOF {
				err = ErrMoreValues
			}
		}
		if (err == nil) != (slowErr == nil) {
			t.Fatalf("slowTree and encoding/json disagree on %q: %v, %v", b, slowErr, err)
		}
		if err == nil && !reflect.DeepEqual(slow, want) {
			t.Fatalf("slowTree and encoding/json read %q differently:\n%#v\n%#v", b, slow, want)
		}
	})
}

// TestStopInFindsEveryStopByte checks the word-at-a-time test against the
// byte table: every byte value at every position of a word, among bytes
// that are not stops and among bytes just above and below them.
func TestStopInFindsEveryStopByte(t *testing.T) {
	for _, fill := range []byte{'a', 0x20, 0x21, '"' + 1, '\\' + 1, 0x80, 0xE5, 0xFF} {
		for pos := range 8 {
			for c := range 256 {
				var w [8]byte
				for i := range w {
					w[i] = fill
				}
				w[pos] = byte(c)
				want := false
				for _, b := range w {
					want = want || stringStop[b]
				}
				if got := stopIn(binary.LittleEndian.Uint64(w[:])); got != want {
					t.Fatalf("%q: stopIn %v, table %v", w, got, want)
				}
			}
		}
	}
}

// TestTreeReadsInputsPastTheShareLimit checks that an input longer than
// shareLimit, whose strings are copied one by one instead of sharing one
// copy of it, reads as encoding/json reads it.
func TestTreeReadsInputsPastTheShareLimit(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"a":[`)
	for i := range 200 {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`"` + strings.Repeat("合成", 100) + strconv.Itoa(i) + `"`)
	}
	b.WriteString(`],"b":"x"}`)
	in := []byte(b.String())
	if len(in) <= shareLimit {
		t.Fatalf("the input is %d bytes, not past %d", len(in), shareLimit)
	}
	got, ok, terr := Tree(in)
	if !ok || terr != nil {
		t.Fatalf("Tree declined: %v %v", ok, terr)
	}
	var want any
	dec := json.NewDecoder(bytes.NewReader(in))
	dec.UseNumber()
	if err := dec.Decode(&want); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatal("Tree and encoding/json differ")
	}
}

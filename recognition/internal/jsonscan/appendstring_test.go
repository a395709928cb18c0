package jsonscan

import (
	"bytes"
	"encoding/json"
	"testing"
)

// jsonStringCases are texts that exercise each escape of AppendString:
// quotes, backslashes, control characters, U+2028 and U+2029 beside other
// characters that start with the same byte, invalid UTF-8, Chinese text.
var jsonStringCases = []string{
	"", "plain", `say "hi"\`, "tab\tnew\nline\rcr\x00\x1f\x7f\b\f", "合成样例\u2028段落\u2029end",
	"\u2010\u2020\u20ac\u2027\u202a", "bad \xff byte", "cut \xe2\x80", "\xe2\x80\xa8", "<&>", "证书编号：ZJ-SYN-0001",
	"一二三四五六七八九十\"", "12345678\n", "合成样例企业有限公司\u2028合成样例企业有限公司",
}

// encodeLikeJSON is what AppendString must write: encoding/json's
// string, without the HTML escapes.
func encodeLikeJSON(t testing.TB, s string) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		t.Fatal(err)
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

// TestAppendStringIsEncodingJSON checks the output's string writer,
// which skips decoding characters of valid UTF-8, against encoding/json.
func TestAppendStringIsEncodingJSON(t *testing.T) {
	for _, s := range jsonStringCases {
		if got, want := AppendString(nil, s), encodeLikeJSON(t, s); !bytes.Equal(got, want) {
			t.Errorf("%q: %s, encoding/json %s", s, got, want)
		}
	}
}

// FuzzAppendJSONString holds the output's string writer to encoding/json
// on any text.
func FuzzAppendJSONString(f *testing.F) {
	for _, s := range jsonStringCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := AppendString(nil, s), encodeLikeJSON(t, s); !bytes.Equal(got, want) {
			t.Fatalf("%q: %s, encoding/json %s", s, got, want)
		}
	})
}

package jsonpointer_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/jxgreen/jxgreen/brand/jsonpointer"
)

// TestEscapeFollowsRFC6901: "~" is escaped before "/", so "~1" in a name
// stays the two characters it was, and unescaping (as RFC 6901 section 4
// says: "~1" first, then "~0") gives the name back.
func TestEscapeFollowsRFC6901(t *testing.T) {
	t.Parallel()
	unescape := func(s string) string {
		return strings.ReplaceAll(strings.ReplaceAll(s, "~1", "/"), "~0", "~")
	}
	for in, want := range map[string]string{
		"":         "",
		"a":        "a",
		"a/b":      "a~1b",
		"m~n":      "m~0n",
		"~1":       "~01",
		"/~":       "~1~0",
		"证书编号/有效期": "证书编号~1有效期",
	} {
		got := jsonpointer.Escape(in)
		assert.Equal(t, want, got, in)
		assert.Equal(t, in, unescape(got), in)
	}
}

func FuzzEscape(f *testing.F) {
	for _, s := range []string{"", "a/b", "~1", "~0/~1", "/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := jsonpointer.Escape(s)
		if strings.Contains(got, "/") {
			t.Fatalf("Escape(%q) = %q holds a /", s, got)
		}
		if back := strings.ReplaceAll(strings.ReplaceAll(got, "~1", "/"), "~0", "~"); back != s {
			t.Fatalf("Escape(%q) = %q unescapes to %q", s, got, back)
		}
	})
}

func ExampleEscape() {
	fmt.Println("/" + jsonpointer.Escape("standards/number") + "/0")
	// Output: /standards~1number/0
}

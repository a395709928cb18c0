package recognition

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"
)

// Issue 10, "an unknown scheme's error says which import registers it when
// it is one of ours", in Chinese and English; a scheme that is not ours
// keeps the plain message.
func TestUnknownSchemeErrorNamesTheImportThatRegistersIt(t *testing.T) {
	for _, tc := range []struct {
		scheme, path string
	}{
		{"shenzhen", "github.com/jxgreen/jxgreen/recognition/shenzhen"},
		{"圳品", "github.com/jxgreen/jxgreen/recognition/shenzhen"},
		{"ＺＨＥＪＩＡＮＧ", "github.com/jxgreen/jxgreen/recognition/zhejiang"},
		{"浙江制造", "github.com/jxgreen/jxgreen/recognition/zhejiang"},
		{" 赣鄱正品 ", "github.com/jxgreen/jxgreen/recognition/ganpo"},
		{"untp", "github.com/jxgreen/jxgreen/recognition/untp"},
		{"江西好礼", ""}, // not ours
		{"shenzhen-fake", ""},
	} {
		t.Run(tc.scheme, func(t *testing.T) {
			zh, en := unknownScheme(language.Chinese, tc.scheme), unknownScheme(language.English, tc.scheme)
			assert.NotEqual(t, zh, en)
			if tc.path == "" {
				assert.Equal(t, "unknown scheme \""+tc.scheme+"\"", en)
				assert.NotContains(t, zh+en, "import")
				return
			}
			assert.Equal(t, "scheme \""+tc.scheme+"\" is not registered: import _ \""+tc.path+
				"\" (or \"github.com/jxgreen/jxgreen/recognition/all\", which registers every scheme)", en)
			assert.Contains(t, zh, "未注册")
			assert.Contains(t, zh, "请导入 _ \""+tc.path+"\"")
		})
	}
}

// The names of ourSchemes are those the adapters register: when the test
// binary has an adapter registered (the package's external tests import
// them), each name finds it.
func TestOurSchemesAreTheRegisteredNames(t *testing.T) {
	registered := 0
	for _, s := range ourSchemes {
		a, ok := Lookup(string(s.id))
		if !ok {
			continue
		}
		registered++
		for _, n := range s.names {
			b, ok := Lookup(n)
			require.True(t, ok, n)
			assert.Equal(t, a.Brand().ID, b.Brand().ID, n)
		}
	}
	assert.Positive(t, registered, "the external tests register the adapters")
}

package untp_test

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/recognition"
	"github.com/jxgreen/jxgreen/recognition/untp"
)

// TestSchemeRegisteredLaterIsNotAnsweredFromCache decodes a credential
// that names a scheme nobody has registered, registers that scheme at run
// time (recognition.RegisterScheme), and decodes the same credential
// again: the second record names the registered scheme, not the answer
// cached before it existed.
func TestSchemeRegisteredLaterIsNotAnsweredFromCache(t *testing.T) {
	// A synthetic city brand under an id and names no other test uses.
	def, err := os.ReadFile("../../testdata/schemes/shili.json")
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(def, &m))
	m["id"], m["name"], m["english_name"] = "shilicache", "示例缓存市生态优品", "Example Cache City Eco Products (synthetic)"
	delete(m, "aliases")
	def, err = json.Marshal(m)
	require.NoError(t, err)

	cred, err := os.ReadFile("../../testdata/untp/valid-rejected-expired.json")
	require.NoError(t, err)
	cred = bytes.Replace(cred, []byte(`"urn:jxgreen:scheme:zhejiang"`), []byte(`"https://example.org/schemes/cache"`), 1)
	cred = bytes.Replace(cred, []byte(`"name": "品字标"`), []byte(`"name": "示例缓存市生态优品"`), 1)

	before, err := (&untp.Adapter{}).Decode(cred)
	require.NoError(t, err)
	require.NotEqual(t, brand.ID("shilicache"), before.Scheme, "the scheme is not registered yet")

	a, err := recognition.LoadScheme(bytes.NewReader(def))
	require.NoError(t, err)
	require.NoError(t, recognition.RegisterScheme(a))

	after, err := (&untp.Adapter{}).Decode(cred)
	require.NoError(t, err)
	require.Equal(t, brand.ID("shilicache"), after.Scheme)
}

package all_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/recognition"
	_ "github.com/jxgreen/jxgreen/recognition/all"
)

// registered returns the ids of the registered adapters.
func registered() []string {
	var ids []string
	for _, a := range recognition.Adapters() {
		ids = append(ids, string(a.Brand().ID))
	}
	return ids
}

// TestAllRegistersEveryAdapter: importing recognition/all alone registers
// the eight adapters, each found by its id and its Chinese name; 江西绿色生态's
// own list format (jxgreen) among them, so that a partner reads our
// certificates with the same tool.
func TestAllRegistersEveryAdapter(t *testing.T) {
	want := []string{"ganchu", "ganpo", "jiangsu", "jxgreen", "shanghai", "shenzhen", "untp", "zhejiang"}
	assert.Equal(t, want, registered())
	for _, key := range []string{"圳品", "江苏精品", "浙江制造", "品字标", "上海品牌", "赣出精品", "赣鄱正品", "untp"} {
		_, ok := recognition.Lookup(key)
		assert.True(t, ok, "%s is not registered", key)
	}
	a, ok := recognition.Lookup(string(brand.JiangxiGreen))
	require.True(t, ok, "江西绿色生态's own list format")
	assert.Equal(t, brand.JiangxiGreen, a.Brand().ID)
	for _, ag := range recognition.Reciprocals() {
		assert.NotEqual(t, brand.JiangxiGreen, ag.Recognizer.ID, "our own list is no partner")
	}
}

// TestAllImportsEveryAdapterPackage: every package under recognition/ that
// registers an adapter is imported by all.go, so a new adapter cannot be
// forgotten here.
func TestAllImportsEveryAdapterPackage(t *testing.T) {
	src, err := os.ReadFile("all.go")
	require.NoError(t, err)
	dirs, err := os.ReadDir("..")
	require.NoError(t, err)
	var adapters []string
	for _, d := range dirs {
		if !d.IsDir() || d.Name() == "all" {
			continue
		}
		files, err := filepath.Glob(filepath.Join("..", d.Name(), "*.go"))
		require.NoError(t, err)
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			b, err := os.ReadFile(f)
			require.NoError(t, err)
			if strings.Contains(string(b), "recognition.Register(") {
				adapters = append(adapters, d.Name())
				break
			}
		}
	}
	require.Len(t, adapters, 8, "adapter packages found: %v", adapters)
	for _, name := range adapters {
		assert.Contains(t, string(src), `_ "github.com/jxgreen/jxgreen/recognition/`+name+`"`, "all.go does not import %s", name)
		assert.True(t, slices.Contains(registered(), name), "%s is not registered", name)
	}
}

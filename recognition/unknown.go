package recognition

import (
	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/i18n"
)

// modulePath is the import path of the module's adapters' parent.
const modulePath = "github.com/jxgreen/jxgreen/recognition/"

// ourSchemes are the adapters of this module, by id, and the names they
// register besides their id, so that a scheme nobody registered can be
// told apart from one that is ours but not imported. A test checks the
// names against the registered adapters.
var ourSchemes = []struct {
	id    brand.ID
	names []string
}{
	{brand.Ganchu, []string{"赣出精品"}},
	{brand.Ganpo, []string{"赣鄱正品"}},
	{brand.Jiangsu, []string{"江苏精品"}},
	{brand.JiangxiGreen, []string{"江西绿色生态"}},
	{brand.Shanghai, []string{"上海品牌"}},
	{brand.Shenzhen, []string{"圳品"}},
	{brand.Zhejiang, []string{"品字标", "浙江制造"}},
	{"untp", []string{"UNTP数字合格证书"}},
}

func init() {
	i18n.Set("recognition.unregistered", "方案 %q 未注册：请导入 _ %q（或 %q，注册全部方案）",
		"scheme %q is not registered: import _ %q (or %q, which registers every scheme)")
}

// ourSchemeKeys maps the folded ids and names of ourSchemes to the import
// paths of their adapters.
var ourSchemeKeys = func() map[string]string {
	m := map[string]string{}
	for _, s := range ourSchemes {
		m[foldKey(string(s.id))] = modulePath + string(s.id)
		for _, n := range s.names {
			m[foldKey(n)] = modulePath + string(s.id)
		}
	}
	return m
}()

// ourScheme returns the import path of the module's adapter of key, a
// scheme id or name folded as the registry folds them.
func ourScheme(key string) (string, bool) {
	path, ok := ourSchemeKeys[foldKey(key)]
	return path, ok
}

// unknownScheme words the error of a scheme that no adapter is registered
// for: when it is one of this module's, it names the import that registers
// it.
func unknownScheme(tag language.Tag, key string) string {
	if path, ok := ourScheme(key); ok {
		return i18n.Sprintf(tag, "recognition.unregistered", key, path, modulePath+"all")
	}
	return i18n.Sprintf(tag, "recognition.batch.unknown-scheme", key)
}

// Package jiangsu is the recognition adapter for 江苏精品 (Jiangsu), a
// voluntary certification scheme under 《“江苏精品”认证管理办法》 (中国质量新闻网
// 2020-08-31 in the source register, package brand/source): its native record is
// one entry of a 江苏精品 certificate list, as JSON with Chinese field names.
// Import it for its side effect:
//
//	import _ "github.com/jxgreen/jxgreen/recognition/jiangsu"
package jiangsu

import (
	_ "embed"

	"github.com/jxgreen/jxgreen/recognition"
)

// The scheme is 江苏精品 as 中国质量新闻网 2020-08-31 and 苏政办发〔2022〕21号 (in the
// source register, package brand/source) describe it. The public sources
// name no brand attributes of its own, so it claims none here.
//
// Its record is the native record: one row of a 江苏精品 certificate list.
//
// Both are the scheme definition file scheme.json, the kind of file that
// recognition.LoadScheme reads at run time: the built-in schemes and
// the schemes loaded from files take one path.
//
//go:embed scheme.json
var definition []byte

//go:embed schema.json
var schema []byte

var adapter = recognition.MustParseScheme(definition, schema)

// Adapter returns the registered adapter, with the documented default terms of
// recognition.DefaultAgreement: no agreement between 江西绿色生态 and
// 江苏精品 is public.
// It is immutable: the same value recognition.Lookup returns.
func Adapter() *recognition.FlatAdapter { return adapter }

func init() { recognition.Register(adapter) }

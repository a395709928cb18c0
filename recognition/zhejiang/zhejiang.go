// Package zhejiang is the recognition adapter for 品字标 / 浙江制造
// (Zhejiang), a "标准+认证" scheme run with the 浙江制造国际认证联盟: its
// native record is one entry of a 浙江制造 certificate list, as JSON with
// Chinese field names. Import it for its side effect:
//
//	import _ "github.com/jxgreen/jxgreen/recognition/zhejiang"
package zhejiang

import (
	_ "embed"

	"github.com/jxgreen/jxgreen/recognition"
)

// The scheme is 品字标 / 浙江制造 as public reports describe it (浙江省质量技术监督局
// 2014-10-28, 温州市人民政府英文网 2019-08-07, 中新社 2025-05-10 and the other
// entries cited below, in the source register, package brand/source).
//
// Its record is the native record: one row of a 浙江制造 certificate list, with
// the brand attributes the certificate claims.
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
// 品字标 is public.
// It is immutable: the same value recognition.Lookup returns.
func Adapter() *recognition.FlatAdapter { return adapter }

func init() { recognition.Register(adapter) }

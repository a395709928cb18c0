// Package shanghai is the recognition adapter for 上海品牌 (Shanghai), a
// certification scheme run with the 上海品牌国际认证联盟 under DB31/T 1048-2020:
// its native record is one entry of a 上海品牌 certificate list, as JSON
// with Chinese field names. Import it for its side effect:
//
//	import _ "github.com/jxgreen/jxgreen/recognition/shanghai"
package shanghai

import (
	_ "embed"

	"github.com/jxgreen/jxgreen/recognition"
)

// The scheme is 上海品牌 as public sources describe it (沪市监规范〔2020〕15号,
// Intertek 上海品牌认证服务页, 欧测认证 2023, in the source register, package
// brand/source).
//
// Its record is the native record: one row of a 上海品牌 certificate list.
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
// 上海品牌 is public.
// It is immutable: the same value recognition.Lookup returns.
func Adapter() *recognition.FlatAdapter { return adapter }

func init() { recognition.Register(adapter) }

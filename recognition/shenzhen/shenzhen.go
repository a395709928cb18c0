// Package shenzhen is the recognition adapter for 圳品 (Shenzhen), an
// evaluation scheme for food supplied to Shenzhen: its native record is one
// entry of a 圳品 evaluation certificate list (评价合格证书), as JSON with the
// list's Chinese column names. Import it for its side effect:
//
//	import _ "github.com/jxgreen/jxgreen/recognition/shenzhen"
package shenzhen

import (
	_ "embed"

	"github.com/jxgreen/jxgreen/recognition"
)

// The scheme is 圳品 as public reports describe it (深圳商报 2021-09-15, 法治日报
// 2023-04-13, 深圳新闻网 2023-06-30 in the source register, package
// brand/source).
//
// Its record is the native record: one row of a 圳品 certificate list.
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

// Adapter returns the registered adapter. Its Agreement is the documented
// default of recognition.DefaultAgreement: no agreement between 江西绿色生态
// and 圳品 is public; a 圳品 evaluation is recognised on condition of the
// certification steps it lacks.
// It is immutable: the same value recognition.Lookup returns.
func Adapter() *recognition.FlatAdapter { return adapter }

func init() { recognition.Register(adapter) }

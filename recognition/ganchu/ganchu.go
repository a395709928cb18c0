// Package ganchu is the recognition adapter for 赣出精品 (Jiangxi), the
// province's selection of quality manufactured products: its native record
// is one entry of a 赣出精品 list, as JSON with Chinese field names. Import it
// for its side effect:
//
//	import _ "github.com/jxgreen/jxgreen/recognition/ganchu"
package ganchu

import (
	_ "embed"

	"github.com/jxgreen/jxgreen/recognition"
)

// The scheme is 赣出精品 as public reports describe it (凤凰网江西 首届“赣出精品”新闻发布会
// in the source register, package brand/source). Its standards, criteria
// and attributes are not public, so it claims none here.
//
// Its record is the native record: one row of a 赣出精品 list.
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
// 赣出精品 is public; 赣标〔2021〕1号 三(六) asks for mutual trust in their
// standards.
// It is immutable: the same value recognition.Lookup returns.
func Adapter() *recognition.FlatAdapter { return adapter }

func init() { recognition.Register(adapter) }

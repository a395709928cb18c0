// Package ganpo is the recognition adapter for 赣鄱正品 (Jiangxi), the
// province's brand for agricultural products, granted by licence: its native
// record is one licence (授权) entry, as JSON with Chinese field names.
// Import it for its side effect:
//
//	import _ "github.com/jxgreen/jxgreen/recognition/ganpo"
package ganpo

import (
	_ "embed"

	"github.com/jxgreen/jxgreen/recognition"
)

// The brand's evaluation standard is DB36/T 1704.1-2025 《“赣鄱正品”品牌培育 第1部分：通用要求》,
// published 2025-08-27 and in force from 2026-03-01, which replaces DB36/T
// 1704.1-2022 and DB36/T 1704.3-2022 (DB36/T 1704.1-2025 in the source
// register, package brand/source). It is a brand-cultivation standard, the
// one general requirement of the brand that is public, not a product
// standard; before 2026-03-01 the 2022 parts were in force.
//
// The scheme is 赣鄱正品 as public sources describe it (央广网 2021-01-08,
// DB36/T 1704.1-2025 in the source register, package brand/source). Its
// attributes are not public, so it claims none here.
//
// Its record is the native record: one 赣鄱正品 licence.
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
// 赣鄱正品 is public; 赣标〔2021〕1号 三(六) asks for mutual trust in their
// standards.
// It is immutable: the same value recognition.Lookup returns.
func Adapter() *recognition.FlatAdapter { return adapter }

func init() { recognition.Register(adapter) }

// Package ganpo is the recognition adapter for 赣鄱正品 (Jiangxi), the
// province's brand for agricultural products, granted by licence: its native
// record is one licence (授权) entry, as JSON with Chinese field names.
// Import it for its side effect:
//
//	import _ "github.com/jxgreen/jxgreen/recognition/ganpo"
package ganpo

import (
	_ "embed"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/recognition"
)

// The brand's evaluation standard is DB36/T 1704.1-2025 《“赣鄱正品”品牌培育 第1部分：通用要求》,
// published 2025-08-27 and in force from 2026-03-01, which replaces DB36/T
// 1704.1-2022 and DB36/T 1704.3-2022 (DB36/T 1704.1-2025 in the source
// register, package brand/source). It is a brand-cultivation standard, the
// one general requirement of the brand that is public, not a product
// standard; before 2026-03-01 the 2022 parts were in force.
//
// scheme is 赣鄱正品 as public sources describe it (央广网 2021-01-08,
// DB36/T 1704.1-2025 in the source register, package brand/source). Its
// attributes are not public, so it claims none here.
var scheme = brand.Brand{
	ID:          brand.Ganpo,
	Name:        "赣鄱正品",
	EnglishName: "Ganpo Genuine Products",
	Region:      "360000", // GB/T 2260: 江西省
	Owner:       "江西省农业农村厅",
	Model:       brand.Evaluation,
	Governance: []brand.Organisation{
		{Role: brand.Owner, Name: "江西省农业农村厅", Note: "发布“赣鄱正品”品牌形象", Source: "央广网 2021-01-08"},
	},
	Facts: []brand.Fact{
		{Text: "农产品全域品牌；品牌形象与标识于2021-01-07发布，计划到2023年打造子品牌300个", Source: "央广网 2021-01-08"},
		{Text: "DB36/T 1704.1-2025《“赣鄱正品”品牌培育 第1部分：通用要求》，2025-08-27发布、2026-03-01实施，代替 DB36/T 1704.1-2022、DB36/T 1704.3-2022", Source: "DB36/T 1704.1-2025"},
		{Text: "与“江西绿色生态”产品或服务标准互信互认，同线同标同质", Source: "赣标〔2021〕1号 三(六)"},
	},
	Source: "央广网 2021-01-08；DB36/T 1704.1-2025",
}

// format is the native record: one 赣鄱正品 licence.
var format = recognition.Format{
	Scheme:      brand.Ganpo,
	Number:      "授权编号",
	HolderName:  "经营主体",
	HolderCode:  "统一社会信用代码",
	Product:     "产品名称",
	Standards:   "执行标准",
	Body:        "授权单位",
	Issued:      "授权日期",
	Expires:     "授权有效期至",
	Status:      "授权状态",
	Note:        "备注",
	Statuses:    recognition.CommonStatuses(),
	Title:       "赣鄱正品品牌授权",
	Description: "One 赣鄱正品 brand licence.",
}

//go:embed schema.json
var schema []byte

var adapter = recognition.NewFlatAdapter(format, scheme, recognition.DefaultAgreement(scheme), schema)

// Adapter returns the registered adapter, with the documented default terms of
// recognition.DefaultAgreement: no agreement between 江西绿色生态 and
// 赣鄱正品 is public; 赣标〔2021〕1号 三(六) asks for mutual trust in their
// standards.
// It is immutable: the same value recognition.Lookup returns.
func Adapter() *recognition.FlatAdapter { return adapter }

func init() { recognition.Register(adapter) }

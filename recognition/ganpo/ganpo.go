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
	"github.com/jxgreen/jxgreen/standard"
)

// EvaluationStandard is the 赣鄱正品 evaluation standard, which replaces
// DB36/T 1704.1-2022 and DB36/T 1704.3-2022 (pub, DOMAIN.md §2).
var EvaluationStandard = standard.MustParse("DB36/T 1704.1-2025")

// Brand is 赣鄱正品 as public reports describe it (DOMAIN.md §2). Its
// attributes are not public, so it claims none here.
var Brand = brand.Brand{
	ID:          brand.Ganpo,
	Name:        "赣鄱正品",
	EnglishName: "Ganpo Genuine Products",
	Region:      "360000", // GB/T 2260: 江西省
	Owner:       "江西省农业农村厅",
	Model:       brand.Evaluation,
	Governance: []brand.Organisation{
		{Role: brand.Owner, Name: "江西省农业农村厅", Note: "品牌授权", Source: "pub (DOMAIN.md §2)"},
	},
	Facts: []brand.Fact{
		{Text: "农产品品牌；标识2021年发布", Source: "pub (DOMAIN.md §2)"},
		{Text: "评价标准 DB36/T 1704.1-2025（代替 DB36/T 1704.1-2022、DB36/T 1704.3-2022）", Source: "pub (DOMAIN.md §2)"},
		{Text: "与“江西绿色生态”产品或服务标准互信互认，同线同标同质", Source: brand.Seed000},
	},
	Source: "pub: 江西省农业农村厅 (DOMAIN.md §2)",
}

// Format is the native record: one 赣鄱正品 licence.
var Format = recognition.Format{
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
	Statuses:    recognition.CommonStatuses,
	Title:       "赣鄱正品品牌授权",
	Description: "One 赣鄱正品 brand licence.",
}

//go:embed schema.json
var schema []byte

// Adapter is the registered adapter, with the documented default terms of
// recognition.DefaultAgreement: no agreement between 江西绿色生态 and
// 赣鄱正品 is public; seed 000 asks for mutual trust in their standards.
var Adapter = recognition.NewFlatAdapter(Format, Brand, recognition.DefaultAgreement(Brand), schema)

func init() { recognition.Register(Adapter) }

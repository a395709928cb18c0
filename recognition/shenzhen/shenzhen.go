// Package shenzhen is the recognition adapter for 圳品 (Shenzhen), an
// evaluation scheme for food supplied to Shenzhen: its native record is one
// entry of a 圳品 evaluation certificate list (评价合格证书), as JSON with the
// list's Chinese column names. Import it for its side effect:
//
//	import _ "github.com/jxgreen/jxgreen/recognition/shenzhen"
package shenzhen

import (
	_ "embed"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/recognition"
)

// Brand is 圳品 as public reports describe it (DOMAIN.md §2).
var Brand = brand.Brand{
	ID:          brand.Shenzhen,
	Name:        "圳品",
	EnglishName: "Shenzhen Quality Food (Zhenpin)",
	Region:      "440300", // GB/T 2260: 深圳市
	Owner:       "深圳市市场监督管理局",
	Model:       brand.Evaluation,
	// Food safety and quality: "国标港标相较取其严" (pub).
	Attributes: []brand.Attribute{brand.FoodSafety},
	Governance: []brand.Organisation{
		{Role: brand.Owner, Name: "深圳市市场监督管理局", Source: "pub (DOMAIN.md §2)"},
		{Role: brand.Certifier, Name: "深圳标准促进会", Note: "组织“圳品”评价，发布评价合格证书名单", Source: "pub (DOMAIN.md §2)"},
	},
	Facts: []brand.Fact{
		{Text: "评价对象仅限食品（供深食品）；评价规则同时涵盖基地环境和质量管理体系", Source: "pub (DOMAIN.md §2)"},
		{Text: "标准原则：国标港标相较取其严", Source: "pub (DOMAIN.md §2)"},
		{Text: "自2019年起分批公布名单；截至2023年5月共1,235个产品", Source: "pub (DOMAIN.md §2)"},
		{Text: "与另行开展的“深圳标准”认证（CNCA批准，证书有效期3年）不是同一制度", Source: "pub (DOMAIN.md §2)"},
		{Text: "寻乌县：对执行“江西绿色生态”标准的食品和农产品，协助开展“江西绿色生态”认证、“圳品”评价", Source: brand.Seed003},
	},
	Source: "pub: 深圳市市场监督管理局、深圳标准促进会 (DOMAIN.md §2)",
}

// Format is the native record: one row of a 圳品 certificate list.
var Format = recognition.Format{
	Scheme:      brand.Shenzhen,
	Number:      "证书编号",
	HolderName:  "企业名称",
	HolderCode:  "统一社会信用代码",
	Product:     "产品名称",
	Standards:   "执行标准",
	Body:        "评价机构",
	Issued:      "发证日期",
	Expires:     "有效期至",
	Status:      "证书状态",
	Note:        "备注",
	Statuses:    recognition.CommonStatuses,
	Certifies:   false,
	Title:       "圳品评价合格证书",
	Description: "One entry of a 圳品 (Shenzhen) evaluation certificate list. Field names as the lists print them.",
}

//go:embed schema.json
var schema []byte

// Adapter is the registered adapter. Its Agreement is the documented
// default of recognition.DefaultAgreement: no agreement between 江西绿色生态
// and 圳品 is public; a 圳品 evaluation is recognised on condition of the
// certification steps it lacks.
var Adapter = recognition.NewFlatAdapter(Format, Brand, recognition.DefaultAgreement(Brand), schema)

func init() { recognition.Register(Adapter) }

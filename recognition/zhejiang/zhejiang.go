// Package zhejiang is the recognition adapter for 品字标 / 浙江制造
// (Zhejiang), a "标准+认证" scheme run with the 浙江制造国际认证联盟: its
// native record is one entry of a 浙江制造 certificate list, as JSON with
// Chinese field names. Import it for its side effect:
//
//	import _ "github.com/jxgreen/jxgreen/recognition/zhejiang"
package zhejiang

import (
	_ "embed"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/recognition"
)

// Brand is 品字标 / 浙江制造 as public reports describe it (DOMAIN.md §2).
var Brand = brand.Brand{
	ID:          brand.Zhejiang,
	Name:        "品字标",
	Aliases:     []string{"浙江制造", "品字标浙江制造"},
	EnglishName: "Zhejiang Made",
	Region:      "330000", // GB/T 2260: 浙江省
	Owner:       "浙江省市场监督管理局",
	Model:       brand.Certification,
	Attributes: []brand.Attribute{brand.QualityExcellence, brand.IndependentInnovation,
		brand.IndustrialCollaboration, brand.SocialResponsibility},
	Governance: []brand.Organisation{
		{Role: brand.Owner, Name: "浙江省市场监督管理局", Source: "pub (DOMAIN.md §2)"},
		{Role: brand.StandardPublisher, Name: "浙江省品牌建设联合会", Note: "发布 T/ZZB 团体标准", Source: "pub (DOMAIN.md §2)"},
		{Role: brand.Certifier, Name: "浙江制造国际认证联盟", Note: "2016年成立，成员包括 SGS、UL、BV、TÜV SÜD、Intertek 等", Source: "pub (DOMAIN.md §2)"},
	},
	Facts: []brand.Fact{
		{Text: "“标准+认证”，亦有“标准+自我声明”", Source: "pub (DOMAIN.md §2)"},
		{Text: "团体标准编号 T/ZZB NNNN—YYYY；框架标准 DB33/T 944-2014", Source: "pub (DOMAIN.md §2)"},
		{Text: "认证规则编号 ZJM-NNN-NNNN-YYYY：初次工厂审查、年度监督、再认证，暂停/撤销/注销", Source: "pub (DOMAIN.md §2)"},
		{Text: "一次认证、一张证书、两个标志；证书7,268张", Source: "pub (DOMAIN.md §2)"},
	},
	Source: "pub: 浙江省市场监督管理局、浙江省品牌建设联合会 (DOMAIN.md §2)",
}

// Format is the native record: one row of a 浙江制造 certificate list, with
// the brand attributes the certificate claims.
var Format = recognition.Format{
	Scheme:      brand.Zhejiang,
	Number:      "证书编号",
	HolderName:  "企业名称",
	HolderCode:  "统一社会信用代码",
	Product:     "产品名称",
	Standards:   "认证标准",
	Body:        "认证机构",
	Approval:    "批准号",
	Mode:        "认证模式",
	Issued:      "颁证日期",
	Expires:     "有效期至",
	Status:      "证书状态",
	Attributes:  "品牌属性",
	Note:        "备注",
	Statuses:    recognition.CommonStatuses,
	Certifies:   true,
	Title:       "浙江制造认证证书",
	Description: "One entry of a 品字标浙江制造 certificate list.",
}

//go:embed schema.json
var schema []byte

// Adapter is the registered adapter, with the documented default terms of
// recognition.DefaultAgreement: no agreement between 江西绿色生态 and
// 品字标 is public.
var Adapter = recognition.NewFlatAdapter(Format, Brand, recognition.DefaultAgreement(Brand), schema)

func init() { recognition.Register(Adapter) }

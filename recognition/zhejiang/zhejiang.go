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

// scheme is 品字标 / 浙江制造 as public reports describe it (浙江省质量技术监督局
// 2014-10-28, 温州市人民政府英文网 2019-08-07, 中新社 2025-05-10 and the other
// entries cited below, in the source register, package brand/source).
var scheme = brand.Brand{
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
		{Role: brand.Owner, Name: "浙江省市场监督管理局", Note: "2014年《“浙江制造”评价规范》由浙江省质量技术监督局组织研制", Source: "浙江省质量技术监督局 2014-10-28"},
		{Role: brand.StandardPublisher, Name: "浙江省品牌建设联合会", Note: "公布“品字标”认证与自我声明企业名单", Source: "温州市人民政府英文网 2019-08-07"},
		{Role: brand.Certifier, Name: "浙江制造国际认证联盟", Note: "发布认证实施规则；2025年5月有成员机构14家", Source: "浙江制造认证实施规则；中新社 2025-05-10"},
	},
	Facts: []brand.Fact{
		{Text: "“品字标”经认证使用，或经自我声明使用（自我声明有效期12个月）", Source: "温州市人民政府英文网 2019-08-07"},
		{Text: "框架标准 DB33/T 944-2014《“浙江制造”评价规范》（通用要求、管理要求）；认证特性：品质卓越、自主创新、产业协同、社会责任", Source: "DB33/T 944-2014；浙江省质量技术监督局 2014-10-28"},
		{Text: "认证规则编号 ZJM-NNN-NNNN-YYYY（如 ZJM-002-4732-2016、ZJM-006-4481-2023）：初始工厂审核、获证后监督、证书到期再认证，暂停/撤销/注销", Source: "浙江制造认证实施规则"},
		{Text: "标志使用：首次监督发现未使用标志的，提醒并于一个月内提交使用计划；第二次监督仍未使用的，可暂停证书并公布；连续三年未使用的，不予再认证", Source: "《浙江制造认证证书和标志使用规范》"},
		{Text: "一次认证、一张证书、两个标志；其后“一个标准、一次检测、一次认证、多国证书”", Source: "新华社 2017-10-22；中新社 2025-05-10"},
		{Text: "截至2025年5月：证书7,268张，企业5,328家，标准3,923项，国际证书649张", Source: "中新社 2025-05-10"},
	},
	Source: "浙江省质量技术监督局 2014-10-28；中新社 2025-05-10",
}

// format is the native record: one row of a 浙江制造 certificate list, with
// the brand attributes the certificate claims.
var format = recognition.Format{
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
	Statuses:    recognition.CommonStatuses(),
	Certifies:   true,
	Title:       "浙江制造认证证书",
	Description: "One entry of a 品字标浙江制造 certificate list.",
}

//go:embed schema.json
var schema []byte

var adapter = recognition.NewFlatAdapter(format, scheme, recognition.DefaultAgreement(scheme), schema)

// Adapter returns the registered adapter, with the documented default terms of
// recognition.DefaultAgreement: no agreement between 江西绿色生态 and
// 品字标 is public.
// It is immutable: the same value recognition.Lookup returns.
func Adapter() *recognition.FlatAdapter { return adapter }

func init() { recognition.Register(adapter) }

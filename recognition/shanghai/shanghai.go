// Package shanghai is the recognition adapter for 上海品牌 (Shanghai), a
// certification scheme run with the 上海品牌国际认证联盟 under DB31/T 1048-2020:
// its native record is one entry of a 上海品牌 certificate list, as JSON
// with Chinese field names. Import it for its side effect:
//
//	import _ "github.com/jxgreen/jxgreen/recognition/shanghai"
package shanghai

import (
	_ "embed"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/recognition"
)

// scheme is 上海品牌 as public sources describe it (沪市监规范〔2020〕15号,
// Intertek 上海品牌认证服务页, 欧测认证 2023, in the source register, package
// brand/source).
var scheme = brand.Brand{
	ID:          brand.Shanghai,
	Name:        "上海品牌",
	Aliases:     []string{"上品"},
	EnglishName: "Shanghai Brand",
	Region:      "310000", // GB/T 2260: 上海市
	Owner:       "上海市市场监督管理局",
	Model:       brand.Certification,
	Attributes: []brand.Attribute{brand.BrandLeadership, brand.IndependentInnovation,
		brand.QualityExcellence, brand.RefinedManagement, brand.SocialResponsibility},
	Governance: []brand.Organisation{
		{Role: brand.Owner, Name: "上海市市场监督管理局", Source: "沪市监规范〔2020〕15号"},
		{Role: brand.Certifier, Name: "上海品牌国际认证联盟", Note: "“上海品牌”认证体系建设与实施的平台", Source: "欧测认证 2023"},
	},
	Facts: []brand.Fact{
		{Text: "认证依据 DB31/T 1048-2020《“上海品牌”认证通用要求》及产品、服务团体标准（前一版为 DB31/T 1048-2017《上海品牌评价通用要求》）", Source: "Intertek 上海品牌认证服务页"},
		{Text: "产品：通用要求评价+型式试验+初次工厂检查+获证后监督；服务：模式A至I组合；证书有效期3年", Source: "Intertek 上海品牌认证服务页"},
		{Text: "《关于加强“上海品牌”认证工作的指导意见》自2021-01-01施行：品牌引领、品质卓越、自主创新、管理精细、社会责任", Source: "沪市监规范〔2020〕15号"},
		{Text: "标志“上品”（《上海市“上品”标志管理办法》）；专项检查、年度监督", Source: "欧测认证 2023"},
	},
	Source: "沪市监规范〔2020〕15号；Intertek 上海品牌认证服务页",
}

// format is the native record: one row of a 上海品牌 certificate list.
var format = recognition.Format{
	Scheme:      brand.Shanghai,
	Number:      "证书号",
	HolderName:  "获证企业",
	HolderCode:  "统一社会信用代码",
	Product:     "认证对象",
	Standards:   "依据标准",
	Body:        "认证机构",
	Approval:    "认证机构批准号",
	Mode:        "认证模式",
	Issued:      "发证日期",
	Expires:     "证书有效期至",
	Status:      "状态",
	Note:        "备注",
	Statuses:    recognition.CommonStatuses(),
	Certifies:   true,
	Title:       "上海品牌认证证书",
	Description: "One entry of a 上海品牌 certificate list.",
}

//go:embed schema.json
var schema []byte

var adapter = recognition.NewFlatAdapter(format, scheme, recognition.DefaultAgreement(scheme), schema)

// Adapter returns the registered adapter, with the documented default terms of
// recognition.DefaultAgreement: no agreement between 江西绿色生态 and
// 上海品牌 is public.
// It is immutable: the same value recognition.Lookup returns.
func Adapter() *recognition.FlatAdapter { return adapter }

func init() { recognition.Register(adapter) }

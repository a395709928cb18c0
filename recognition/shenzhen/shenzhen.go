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

// scheme is 圳品 as public reports describe it (深圳商报 2021-09-15, 法治日报
// 2023-04-13, 深圳新闻网 2023-06-30 in the source register, package
// brand/source).
var scheme = brand.Brand{
	ID:          brand.Shenzhen,
	Name:        "圳品",
	EnglishName: "Shenzhen Quality Food (Zhenpin)",
	Region:      "440300", // GB/T 2260: 深圳市
	Owner:       "深圳市市场监督管理局",
	Model:       brand.Evaluation,
	// A food brand built on Shenzhen's food-safety strategy (深圳商报 2021-09-15).
	Attributes: []brand.Attribute{brand.FoodSafety},
	Governance: []brand.Organisation{
		{Role: brand.Owner, Name: "深圳市市场监督管理局", Source: "深圳商报 2021-09-15；深圳新闻网 2023-06-30"},
		{Role: brand.Certifier, Name: "深圳标准促进会", Note: "分批发布“圳品”名单", Source: "法治日报 2023-04-13"},
	},
	Facts: []brand.Fact{
		{Text: "食品领域“城市品牌”：基于食品安全战略、供深食品标准体系打造；截至2021年9月评价通过514个", Source: "深圳商报 2021-09-15"},
		{Text: "评价对象为食品及食用农产品；截至2023年4月共1,135个，来自26个省的489个基地", Source: "法治日报 2023-04-13"},
		{Text: "截至2023年5月评价通过1,235个“圳品”，产品辐射28个省538个基地", Source: "深圳新闻网 2023-06-30"},
		{Text: "与另行开展的“深圳标准”认证不是同一制度：“深圳标准”标志和证书有效期3年，出现质量问题暂停或撤销", Source: "1zhengji.com 2016-05-27"},
		{Text: "寻乌县：对执行“江西绿色生态”标准的食品和农产品，协助开展“江西绿色生态”认证、“圳品”评价", Source: "《寻乌县“江西绿色生态”品牌试点县创建工作实施方案》 附件2"},
	},
	Source: "深圳商报 2021-09-15；深圳新闻网 2023-06-30",
}

// format is the native record: one row of a 圳品 certificate list.
var format = recognition.Format{
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
	Statuses:    recognition.CommonStatuses(),
	Certifies:   false,
	Title:       "圳品评价合格证书",
	Description: "One entry of a 圳品 (Shenzhen) evaluation certificate list. Field names as the lists print them.",
}

//go:embed schema.json
var schema []byte

var adapter = recognition.NewFlatAdapter(format, scheme, recognition.DefaultAgreement(scheme), schema)

// Adapter returns the registered adapter. Its Agreement is the documented
// default of recognition.DefaultAgreement: no agreement between 江西绿色生态
// and 圳品 is public; a 圳品 evaluation is recognised on condition of the
// certification steps it lacks.
// It is immutable: the same value recognition.Lookup returns.
func Adapter() *recognition.FlatAdapter { return adapter }

func init() { recognition.Register(adapter) }

// Package jiangsu is the recognition adapter for 江苏精品 (Jiangsu), a
// voluntary certification scheme under 《“江苏精品”认证管理办法》 (中国质量新闻网
// 2020-08-31 in the source register, package brand/source): its native record is
// one entry of a 江苏精品 certificate list, as JSON with Chinese field names.
// Import it for its side effect:
//
//	import _ "github.com/jxgreen/jxgreen/recognition/jiangsu"
package jiangsu

import (
	_ "embed"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/recognition"
)

// scheme is 江苏精品 as 中国质量新闻网 2020-08-31 and 苏政办发〔2022〕21号 (in the
// source register, package brand/source) describe it. The public sources
// name no brand attributes of its own, so it claims none here.
var scheme = brand.Brand{
	ID:          brand.Jiangsu,
	Name:        "江苏精品",
	EnglishName: "Jiangsu Quality (Jiangsu Jingpin)",
	Region:      "320000", // GB/T 2260: 江苏省
	Owner:       "江苏省市场监督管理局",
	Model:       brand.Certification,
	Governance: []brand.Organisation{
		{Role: brand.Owner, Name: "江苏省市场监督管理局", Note: "省质量发展委员会办公室，负责“江苏精品”认证总体策划、顶层设计、统筹协调", Source: "中国质量新闻网 2020-08-31"},
	},
	Facts: []brand.Fact{
		{Text: "《“江苏精品”认证管理办法》：5章22条，自2020-09-20施行；认证机构统一评价依据、认证规则，在农业、工业、工程和服务领域开展的高端品牌自愿性认证", Source: "中国质量新闻网 2020-08-31"},
		{Text: "2024年：全省194家企业的196个产品（服务）通过“江苏精品”认证", Source: "2024年“江苏精品”认证获证企业名单报道"},
		{Text: "引导绿色认证企业参与“江苏精品”认证", Source: "苏政办发〔2022〕21号 (十一)"},
		{Text: "区域认证联盟间“一次认证，多张证书”，认证结果互认", Source: "苏政办发〔2022〕21号 (十三)"},
	},
	Source: "中国质量新闻网 2020-08-31；苏政办发〔2022〕21号",
}

// format is the native record: one row of a 江苏精品 certificate list.
var format = recognition.Format{
	Scheme:      brand.Jiangsu,
	Number:      "证书编号",
	HolderName:  "获证组织",
	HolderCode:  "统一社会信用代码",
	Product:     "认证产品",
	Standards:   "认证依据",
	Body:        "认证机构",
	Approval:    "机构批准号",
	Mode:        "认证模式",
	Issued:      "发证日期",
	Expires:     "有效期至",
	Status:      "证书状态",
	Note:        "备注",
	Statuses:    recognition.CommonStatuses(),
	Certifies:   true,
	Title:       "江苏精品认证证书",
	Description: "One entry of a 江苏精品 (Jiangsu) certificate list.",
}

//go:embed schema.json
var schema []byte

var adapter = recognition.NewFlatAdapter(format, scheme, recognition.DefaultAgreement(scheme), schema)

// Adapter returns the registered adapter, with the documented default terms of
// recognition.DefaultAgreement: no agreement between 江西绿色生态 and
// 江苏精品 is public.
// It is immutable: the same value recognition.Lookup returns.
func Adapter() *recognition.FlatAdapter { return adapter }

func init() { recognition.Register(adapter) }

// Package ganchu is the recognition adapter for 赣出精品 (Jiangxi), the
// province's selection of quality manufactured products: its native record
// is one entry of a 赣出精品 list, as JSON with Chinese field names. Import it
// for its side effect:
//
//	import _ "github.com/jxgreen/jxgreen/recognition/ganchu"
package ganchu

import (
	_ "embed"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/recognition"
)

// scheme is 赣出精品 as public reports describe it (凤凰网江西 首届“赣出精品”新闻发布会
// in the source register, package brand/source). Its standards, criteria
// and attributes are not public, so it claims none here.
var scheme = brand.Brand{
	ID:          brand.Ganchu,
	Name:        "赣出精品",
	EnglishName: "Jiangxi Quality Products (Ganchu Jingpin)",
	Region:      "360000", // GB/T 2260: 江西省
	Owner:       "江西省工业和信息化厅",
	Model:       brand.Evaluation,
	Governance: []brand.Organisation{
		{Role: brand.Owner, Name: "江西省工业和信息化厅", Note: "会同江西省市场监督管理局", Source: "凤凰网江西 首届“赣出精品”新闻发布会"},
	},
	Facts: []brand.Fact{
		{Text: "宣传推介江西制造业的优质品牌：评价、遴选制造业产品", Source: "凤凰网江西 首届“赣出精品”新闻发布会"},
		{Text: "与“江西绿色生态”产品或服务标准互信互认，同线同标同质", Source: "赣标〔2021〕1号 三(六)"},
	},
	Source: "凤凰网江西 首届“赣出精品”新闻发布会",
}

// format is the native record: one row of a 赣出精品 list.
var format = recognition.Format{
	Scheme:      brand.Ganchu,
	Number:      "编号",
	HolderName:  "企业名称",
	HolderCode:  "统一社会信用代码",
	Product:     "产品名称",
	Standards:   "产品标准",
	Body:        "评定单位",
	Issued:      "认定日期",
	Expires:     "有效期至",
	Status:      "状态",
	Note:        "备注",
	Statuses:    recognition.CommonStatuses(),
	Title:       "赣出精品认定名单",
	Description: "One entry of a 赣出精品 list.",
}

//go:embed schema.json
var schema []byte

var adapter = recognition.NewFlatAdapter(format, scheme, recognition.DefaultAgreement(scheme), schema)

// Adapter returns the registered adapter, with the documented default terms of
// recognition.DefaultAgreement: no agreement between 江西绿色生态 and
// 赣出精品 is public; 赣标〔2021〕1号 三(六) asks for mutual trust in their
// standards.
// It is immutable: the same value recognition.Lookup returns.
func Adapter() *recognition.FlatAdapter { return adapter }

func init() { recognition.Register(adapter) }

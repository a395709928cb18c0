// Package example is the partner-scheme adapter that the README's "Adding a
// partner scheme" shows, kept as code so that the README's snippets
// compile and its tests run. The scheme is made up (id "example", 样例方案):
// it is no real scheme, and its samples in recognition/testdata/example/ are synthetic.
// Internal: nothing outside this module can import it.
package example

import (
	_ "embed"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/recognition"
)

// scheme is the made-up scheme: a certification scheme that covers the
// quality-leading attribute only. It describes no real scheme.
var scheme = brand.Brand{
	ID:          "example",
	Name:        "样例方案",
	EnglishName: "Example Scheme",
	Owner:       "（合成样例，无真实主管部门）",
	Model:       brand.Certification,
	Attributes:  []brand.Attribute{brand.QualityLeading},
}

// format is the native record of the made-up scheme: the field names a
// certificate list of it would use.
var format = recognition.Format{Scheme: "example", Number: "证书编号", HolderName: "企业名称", /* … */
	HolderCode: "统一社会信用代码", Product: "产品名称", Standards: "认证标准", Body: "认证机构",
	Approval: "批准号", Mode: "认证模式", Issued: "颁证日期", Expires: "有效期至", Status: "证书状态",
	Note: "备注", Certifies: true, Title: "样例方案认证证书", Description: "One entry of the made-up example scheme's certificate list.",
	Statuses: recognition.CommonStatuses()}

//go:embed schema.json
var schema []byte

// NewFlatAdapter validates the format (recognition.Format.Validate) first.
var adapter = recognition.NewFlatAdapter(format, scheme, recognition.DefaultAgreement(scheme), schema)

// Adapter returns the registered adapter, with the documented default terms.
func Adapter() *recognition.FlatAdapter { return adapter }

func init() { recognition.Register(adapter) }

// Package jxgreen is the recognition adapter for 江西绿色生态 itself: its
// native record is one entry of a 江西绿色生态 certificate list, as JSON
// with the Chinese field names the lists print (证书编号, 获证组织,
// 统一社会信用代码, 产品名称, 依据标准, 认证机构, 批准号, 认证模式, 发证日期,
// 有效期至, 证书状态, 品牌属性, 备注). It is the format in which a province
// hands its certificates to a partner, and in which a partner reads them
// back to judge them by its own terms. Import it for its side effect:
//
//	import _ "github.com/jxgreen/jxgreen/recognition/jxgreen"
//
// A certification.Certificate becomes such a record with
// recognition.FromCertificate and [Adapter]'s Encode, or, for a whole list,
// recognition.Export.
package jxgreen

import (
	_ "embed"
	"fmt"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/recognition"
)

// definition is the record of the list as a scheme definition file, the
// kind recognition.LoadScheme reads, so that our list takes the path of
// every flat scheme. Its facts repeat the heads of brand.JiangxiGreenEcology
// (a test holds them equal); the adapter describes the brand with that
// value, governance and facts included.
//
//go:embed scheme.json
var definition []byte

//go:embed schema.json
var schema []byte

var adapter = func() *recognition.FlatAdapter {
	s, err := recognition.ParseScheme(definition)
	if err != nil {
		panic(fmt.Sprintf("jxgreen: %v", err))
	}
	b := brand.JiangxiGreenEcology()
	return recognition.NewFlatAdapter(s.Format, b, recognition.DefaultAgreement(b), schema)
}()

// Adapter returns the registered adapter of our own certificate lists. Its
// Agreement is recognition.DefaultAgreement of 江西绿色生态 itself: the terms
// on which 江西绿色生态 accepts a certificate of its own list (valid at the
// date, a standard of the catalogue for the product, a certification mode at
// least as strong as the rules', a body of the alliance or with a CNCA
// approval). A partner judges our certificates by its own terms instead.
// It is immutable: the same value recognition.Lookup returns.
func Adapter() *recognition.FlatAdapter { return adapter }

func init() { recognition.Register(adapter) }

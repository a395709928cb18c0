package certification_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/source"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/standard"
)

// Example_readmeCertification is the README's "Certification" snippet. The
// certificate, its number and its holder are synthetic.
func Example_readmeCertification() {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, brand.ChinaTime()) }
	c, err := certification.GreenEcologyRules().Issue(certification.Application{
		Number:    "JXGE-EXAMPLE-001", // assigned by the body
		Holder:    certification.Holder{Name: "合成样例果业有限公司", Code: "91360100MA3000001E"},
		Product:   "金溪蜜梨",
		Standards: []standard.Number{standard.MustParse("T/JGE 0039-2023")},
		Body:      certification.Body{Name: "江西省检验检测认证总院"},
		Mode:      certification.Type5,
		Decided:   day(2026, 3, 1),
	})
	fmt.Println(c.Number, err) // JXGE-EXAMPLE-001 <nil>
	_, err = certification.GreenEcologyRules().Issue(certification.Application{Number: "JXGE-EXAMPLE-002"})
	// err joins one *certification.FieldError per problem
	fmt.Println(errors.Is(err, certification.ErrApplication)) // true

	err = c.Suspend(day(2027, 3, 1), "监督发现不符合")   // also Surveil, Reinstate, Revoke, Cancel, Renew
	fmt.Println(err, c.StatusAt(day(2027, 3, 2))) // <nil> suspended
	// Valid, Suspended, Revoked, Cancelled, Expired or Pending, computed from the history
	fmt.Println(c.ExpiresAt(day(2027, 3, 2)).Format(time.DateOnly))                  // 2029-03-01
	fmt.Println("有效期至", certification.LastValidDay(c.Expires).Format(time.DateOnly)) // 有效期至 2029-02-28
	e, err := c.Retract(day(2027, 3, 2), "日期录入错误")                                   // take a wrongly recorded last step back out
	fmt.Println(e.Action, err, c.StatusAt(day(2027, 3, 2)))                          // suspend <nil> valid
	due := certification.GreenEcologyRules().Due(c, day(2027, 3, 2))                 // next surveillance, overdue, suspension limit
	fmt.Println(due.Surveillance.Format(time.DateOnly), due.SurveillanceOverdue)     // 2027-03-01 true

	reg := certification.NewRegistry() // concurrency-safe; implements certification.Lookup
	fmt.Println(reg.Add(c))            // <nil>
	err = reg.Update(c.Number, func(c *certification.Certificate) error { return c.Suspend(day(2027, 3, 3), "监督发现不符合") })
	stored, _ := reg.Certificate("jxge-example-001")
	fmt.Println(err, stored.StatusAt(day(2027, 3, 4))) // <nil> suspended
	// Output:
	// JXGE-EXAMPLE-001 <nil>
	// true
	// <nil> suspended
	// 2029-03-01
	// 有效期至 2029-02-28
	// suspend <nil> valid
	// 2027-03-01 true
	// <nil>
	// <nil> suspended
}

// Example_readmeSources is the README's "Sources" snippet, on the first
// body of the 江西绿色生态 certification alliance.
func Example_readmeSources() {
	body := certification.Alliance()[0]

	cs, err := source.Resolve(body.Source) // the documents a certificate's body rests on
	for _, c := range cs {
		d := c.Document
		fmt.Println(d.Title, d.Issuer, d.Date, d.URL, c.Part)
	}
	fmt.Println(err) // <nil>
	// Output:
	// “江西绿色生态”品牌建设知识问答（2022版）  2022  五
	// <nil>
}

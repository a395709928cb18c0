package certification_test

import (
	"errors"
	"fmt"
	"time"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/standard"
)

func ExampleCertificate_Suspend() {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, brand.ChinaTime()) }
	holder := certification.Holder{Name: "合成样例果业有限公司", Code: "91360100MA3000001E"} // synthetic
	c, err := certification.GreenEcologyRules().Issue(certification.Application{
		Number:    "JXGE-EXAMPLE-001", // synthetic
		Holder:    holder,
		Product:   "金溪蜜梨",
		Standards: []standard.Number{standard.MustParse("T/JGE 0039-2023")},
		Body:      certification.Body{Name: "江西省检验检测认证总院"},
		Mode:      certification.Type5,
		Decided:   day(2026, 3, 1),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("issued, valid until", c.Expires.Format(time.DateOnly))

	_ = c.Surveil(day(2027, 2, 20), false, "监督抽样不合格")
	_ = c.Suspend(day(2027, 3, 1), "监督发现不符合")
	fmt.Println(c.StatusAt(day(2027, 3, 2)))

	err = c.Renew(day(2027, 3, 5), day(2032, 3, 1), "")
	fmt.Println(errors.Is(err, certification.ErrTransition), i18n.Error(err, language.English))

	_ = c.Reinstate(day(2027, 4, 1), "整改完成")
	fmt.Println(c.StatusAt(day(2027, 4, 1)), c.StatusAt(day(2029, 3, 1)).Localize(language.English))
	// Output:
	// issued, valid until 2029-03-01
	// suspended
	// true certificate JXGE-EXAMPLE-001: cannot renew it while it is suspended
	// valid expired
}

func ExampleRules_Due() {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, brand.ChinaTime()) }
	c := certification.Certificate{Number: "JXGE-EXAMPLE-002", Issued: day(2026, 1, 10), Expires: day(2029, 1, 10)}
	s := certification.GreenEcologyRules().Due(c, day(2027, 2, 1))
	fmt.Println(s.Surveillance.Format(time.DateOnly), s.SurveillanceOverdue)
	// Output: 2027-01-10 true
}

func ExampleCertificate_Retract() {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, brand.ChinaTime()) }
	// A synthetic certificate, valid 2026-01-10 to 2029-01-09.
	c := certification.Certificate{Number: "JXGE-EXAMPLE-003", Issued: day(2026, 1, 10), Expires: day(2029, 1, 10)}

	// The surveillance of 2027-02-24 is typed as 2027-12-24: every step
	// dated before it is now refused.
	_ = c.Surveil(day(2027, 12, 24), true, "")
	err := c.Suspend(day(2027, 3, 1), "监督发现不符合")
	fmt.Println(i18n.Error(err, language.Chinese))

	// Take it back out, with the reason, and record it again.
	e, _ := c.Retract(day(2027, 3, 1), "日期录入错误，应为 2027-02-24")
	fmt.Println("retracted:", e.Action, e.At.Format(time.DateOnly))
	_ = c.Surveil(day(2027, 2, 24), true, "")
	_ = c.Suspend(day(2027, 3, 1), "监督发现不符合")
	fmt.Println(c.StatusAt(day(2027, 3, 2)), len(c.History), c.Retracted[0].Reason)
	// Output:
	// 证书 JXGE-EXAMPLE-003：暂停的日期早于上一事件
	// retracted: surveil 2027-12-24
	// suspended 2 日期录入错误，应为 2027-02-24
}

func ExampleRegistry() {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, brand.ChinaTime()) }
	reg := certification.NewRegistry()
	// Synthetic certificates: a literal with its dates is enough.
	err := reg.Add(certification.Certificate{Number: "JX-S01", Product: "金溪蜜梨",
		Holder: certification.Holder{Name: "合成样例果业有限公司", Code: "91360100MA3000001E"},
		Issued: day(2026, 1, 10), Expires: day(2029, 1, 10)})
	fmt.Println(err)

	c, ok := reg.Certificate("ｊｘ－ｓ０１") // full width, lower case
	fmt.Println(ok, c.Number, c.StatusAt(day(2027, 1, 1)))
	_, ok = reg.Certificate("JX-ſ01") // a long s is another letter
	fmt.Println(ok)
	fmt.Println(len(reg.ByHolder("91360100 ma3000001e")))

	err = reg.Add(certification.Certificate{Number: "JX-S02\u202e", Issued: day(2026, 1, 10), Expires: day(2029, 1, 10)})
	fmt.Println(i18n.Error(err, language.English))
	err = reg.Add(certification.Certificate{Number: "JX-S03", Issued: day(2026, 1, 10)})
	fmt.Println(i18n.Error(err, language.Chinese))
	// Output:
	// <nil>
	// true JX-S01 valid
	// false
	// 1
	// number: contains a control or other invisible character: "JX-S02\u202e"
	// expires：缺失
}

// A check that needs only the status asks for it without copying the
// certificate; any Lookup that is a StatusLookup can answer it.
func ExampleRegistry_StatusAt() {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, brand.ChinaTime()) }
	reg := certification.NewRegistry()
	// A synthetic certificate.
	_ = reg.Add(certification.Certificate{Number: "JX-S01", Issued: day(2026, 1, 10), Expires: day(2029, 1, 10)})
	_ = reg.Update("JX-S01", func(c *certification.Certificate) error {
		return c.Suspend(day(2027, 3, 1), "合成样例：监督抽查不合格")
	})

	var l certification.Lookup = reg
	if sl, ok := l.(certification.StatusLookup); ok {
		for _, at := range []time.Time{day(2027, 1, 1), day(2027, 6, 1)} {
			st, found := sl.StatusAt("JX-S01", at)
			fmt.Println(found, st, st.Localize(language.Chinese))
		}
		_, found := sl.StatusAt("JX-S99", day(2027, 1, 1))
		fmt.Println(found)
	}
	// Output:
	// true valid 有效
	// true suspended 暂停
	// false
}

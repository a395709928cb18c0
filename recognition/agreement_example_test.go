package recognition_test

import (
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/recognition"
)

// An agreement file with two versions (a synthetic sample), loaded as a
// set: the version in force on the day of the decision is the one
// applied, and the decision names it.
func ExampleParseAgreements() {
	data, err := os.ReadFile("../testdata/agreements/jxgreen-zhejiang.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	list, err := recognition.ParseAgreements(data)
	if err != nil {
		fmt.Println(i18n.Error(err, i18n.English()))
		return
	}
	for _, a := range list {
		fmt.Println(a.Ref(), a.Recognizer.ID, a.Scheme.ID, "from", a.From.Format("2006-01-02"), "min mode", a.MinMode)
	}
	// Output:
	// sample-jxgreen-zhejiang 2026.1 jxgreen zhejiang from 2026-01-01 min mode 5
	// sample-jxgreen-zhejiang 2026.2 jxgreen zhejiang from 2026-07-01 min mode 4
}

func ExampleAgreements_At() {
	data, _ := os.ReadFile("../testdata/agreements/jxgreen-zhejiang.json")
	list, _ := recognition.ParseAgreements(data)
	set, err := recognition.NewAgreements(list...)
	if err != nil {
		fmt.Println(err)
		return
	}
	zj, _ := recognition.Lookup("zhejiang")
	native, _ := os.ReadFile("../testdata/zhejiang/valid-conditional-mode-weaker.json")
	rec, _ := zj.Decode(native) // a synthetic record certified in mode 4
	for _, at := range []string{"2026-06-30", "2026-07-01"} {
		day, _ := time.ParseInLocation(time.DateOnly, at, brand.ChinaTime())
		a, _ := set.At(brand.JiangxiGreen, brand.Zhejiang, day)
		d := a.Check(rec, day)
		fmt.Println(at, d.Agreement, d.Outcome)
	}
	// Output:
	// 2026-06-30 sample-jxgreen-zhejiang 2026.1 conditional
	// 2026-07-01 sample-jxgreen-zhejiang 2026.2 recognized
}

// A bad agreement file is refused with the JSON pointer of the fault, in
// either language.
func ExampleAgreementError() {
	_, err := recognition.ParseAgreements([]byte(`{"agreements":[{"id":"x","version":"1",
		"recognizer":"jxgreen","scheme":"zhejiang","basis":{"note":"synthetic"},"min_mode":"7"}]}`))
	var ae *recognition.AgreementError
	if errors.As(err, &ae) {
		fmt.Println(ae.Pointer, errors.Is(err, recognition.ErrSchema))
		fmt.Println(ae.Localize(i18n.Chinese()))
		fmt.Println(ae.Localize(i18n.English()))
	}
	// Output:
	// /agreements/0/min_mode true
	// 协议文件 /agreements/0/min_mode 处：不是允许的取值（允许的取值为 "any", "1a", "1b", "2", "3", "4", "5", "6"）
	// agreement file at /agreements/0/min_mode: not an allowed value (the allowed values are "any", "1a", "1b", "2", "3", "4", "5", "6")
}

// A partner judging a 江西绿色生态 certificate: without an agreement file,
// by the mirror of the default terms, which say so.
func ExampleAgreements_For() {
	var none *recognition.Agreements // no agreement files: the documented defaults
	ours := recognition.Record{Scheme: brand.JiangxiGreen, Number: "JXGE-SYN-0001"}
	a := none.For(brand.Zhejiang, nil, ours, time.Now())
	fmt.Println(a.Recognizer.ID, "judges", a.Scheme.ID, "by", a.Ref(), a.Ref().IsDefault())
	// Output:
	// zhejiang judges jxgreen by default-reverse 1 true
}

package untp_test

import (
	"fmt"
	"time"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/certification/creditcode"
	"github.com/jxgreen/jxgreen/recognition"
	"github.com/jxgreen/jxgreen/recognition/untp"
	"github.com/jxgreen/jxgreen/standard"
)

// An issuer gives each credential an index in its status lists, which it
// hands out to publish; the registered adapter keeps no lists, so a
// credential it writes carries no status.
func ExampleNewIssuer() {
	code, _ := creditcode.Complete("91360100MA9000077")
	r := recognition.Record{ // a synthetic record
		Scheme: brand.JiangxiGreen, Number: "JXGE/SYN 0077", Product: "狗牯脑茶",
		Holder:    certification.Holder{Name: "合成样例茶业有限公司", Code: code},
		Standards: []standard.Number{standard.MustParse("T/JGE 0041-2023")},
		Body:      certification.Body{Name: "合成样例认证机构", Certifies: true},
		Mode:      certification.Type5,
		Issued:    time.Date(2026, 1, 5, 0, 0, 0, 0, brand.ChinaTime()),
		Expires:   time.Date(2029, 1, 5, 0, 0, 0, 0, brand.ChinaTime()),
		Status:    certification.Suspended,
	}
	is := untp.NewIssuer("https://certs.example.org/status/")
	dcc, err := is.Encode(r)
	fmt.Println(err)
	back, _ := is.Decode(dcc)
	fmt.Println(back.Status)
	rev, sus := is.StatusLists()
	fmt.Println(rev.URL, sus.URL)
	suspended, _ := sus.Get(0)
	fmt.Println(suspended)

	registered, _ := recognition.Lookup("untp")
	dcc, _ = registered.Encode(r)
	back, _ = registered.Decode(dcc)
	fmt.Println(back.Status == 0)
	// Output:
	// <nil>
	// suspended
	// https://certs.example.org/status/revocation https://certs.example.org/status/suspension
	// true
	// true
}

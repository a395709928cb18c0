package label_test

import (
	"bytes"
	"fmt"
	"time"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/mark/label"
)

// Example_readmePrintALabel is the README's "Print a label" snippet. The
// certificate and the key are synthetic.
func Example_readmePrintALabel() {
	c, code, verifier := exampleCode()
	t := time.Date(2026, 3, 2, 9, 0, 0, 0, brand.ChinaTime())
	var png, svg, labelSVG bytes.Buffer

	// c is a certificate, code its verification code (mark.Signer.Sign),
	// verifier a mark.Verifier that trusts the signing key; t is now.
	printer, err := label.NewPrinter("https://verify.example/v/") // https; http only for loopback
	fmt.Println(err)                                              // <nil>
	q, err := printer.QR(code)                                    // level Q, 4-module quiet zone
	fmt.Println(q.URL() == "https://verify.example/v/"+code, err) // true <nil>
	fmt.Println(q.WritePNG(&png), q.WriteSVG(&svg))               // <nil> <nil>
	fmt.Printf("%.1f mm\n", q.SideMM())                           // 34.5 mm

	l := label.NewLabel(c, code, t) // number, product, holder, last valid day
	// Before printing: the label's text says what its code says.
	fmt.Println(l.Check(verifier, t))                               // <nil>
	fmt.Println(printer.WriteLabel(&labelSVG, l, language.Chinese)) // <nil>
	// Output:
	// <nil>
	// true <nil>
	// <nil> <nil>
	// 34.5 mm
	// <nil>
	// <nil>
}

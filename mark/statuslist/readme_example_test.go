package statuslist_test

import (
	"bytes"
	"crypto/ed25519"
	"errors"
	"fmt"
	"time"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/mark"
	"github.com/jxgreen/jxgreen/mark/label"
	"github.com/jxgreen/jxgreen/mark/statuslist"
	"github.com/jxgreen/jxgreen/standard"
)

// Example_readmeChain is the README's "The chain, end to end" snippet, with
// a synthetic key and certificate.
func Example_readmeChain() {
	brandKey := ed25519.NewKeyFromSeed([]byte("jxgreen synthetic chain key 001!"))
	var labelSVG bytes.Buffer

	// Issue a certificate and keep it in the register.
	t := time.Date(2026, 3, 1, 0, 0, 0, 0, brand.ChinaTime())
	c, err := certification.GreenEcologyRules().Issue(certification.Application{
		Number: "JXGE-EXAMPLE-003", Holder: certification.Holder{Name: "合成样例果业有限公司", Code: "91360100MA3000001E"},
		Product: "金溪蜜梨", Standards: []standard.Number{standard.MustParse("T/JGE 0039-2023")},
		Body: certification.Body{Name: "江西省检验检测认证总院"}, Mode: certification.Type5, Decided: t,
	})
	fmt.Println(err) // <nil>
	var reg certification.Registry
	_ = reg.Add(c)

	// Sign its code, with its place in the brand's status list (JXG3).
	index := statuslist.NewIndex() // kept with the register, for good
	signer, _ := mark.NewSigner(brandKey)
	signer = signer.WithStatusIndex(index).WithClock(func() time.Time { return t })
	code, err := signer.Sign(c)
	fmt.Println(code[:4], err) // JXG3 <nil>

	// Print its label: the QR opens the verification page.
	printer, _ := label.NewPrinter("https://verify.example/v/")
	fmt.Println(printer.WriteLabel(&labelSVG, label.NewLabel(c, code, t), language.Chinese)) // <nil>

	// Scan it: offline, the signature and the dates.
	verifier, _ := mark.NewVerifier(brandKey.Public().(ed25519.PublicKey))
	claims, err := verifier.Verify(code, t.AddDate(0, 1, 0))
	fmt.Println(claims.Certificate, err) // JXGE-EXAMPLE-003 <nil>

	// Revoke it, and publish the list: built from the register, signed, valid a day.
	revokedAt := t.AddDate(0, 2, 0)
	_ = reg.Update(c.Number, func(c *certification.Certificate) error { return c.Revoke(revokedAt, "合成样例：撤销") })
	list, _ := statuslist.Build(&reg, index, statuslist.Credential{ID: "https://status.example/jxgreen/1",
		Issuer: "https://brand.example/jxgreen", ValidFrom: revokedAt, ValidUntil: revokedAt.AddDate(0, 0, 1)})
	published, _ := list.Sign(brandKey)

	// Scan again, offline with the published list: revoked.
	withList, _ := verifier.WithStatusList(published)
	_, err = withList.Verify(code, revokedAt.Add(time.Hour))
	fmt.Println(errors.Is(err, mark.ErrRevoked)) // true
	// Output:
	// <nil>
	// JXG3 <nil>
	// <nil>
	// JXGE-EXAMPLE-003 <nil>
	// true
}

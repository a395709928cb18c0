package untp_test

import (
	"crypto/ed25519"
	"fmt"
	"time"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/mark/statuslist"
	"github.com/jxgreen/jxgreen/recognition"
	"github.com/jxgreen/jxgreen/recognition/untp"
	"github.com/jxgreen/jxgreen/standard"
)

// Example_readmeSignedCredentials is the README's "Signed credentials"
// snippet, with a synthetic key, register and certificate.
func Example_readmeSignedCredentials() {
	brandKey := ed25519.NewKeyFromSeed([]byte("jxgreen synthetic readme key 01!"))
	now := time.Date(2026, 6, 1, 0, 0, 0, 0, brand.ChinaTime())
	cert, _ := certification.GreenEcologyRules().Issue(certification.Application{
		Number: "JXGE-EXAMPLE-002", Holder: certification.Holder{Name: "合成样例果业有限公司", Code: "91360100MA3000001E"},
		Product: "金溪蜜梨", Standards: []standard.Number{standard.MustParse("T/JGE 0039-2023")},
		Body: certification.Body{Name: "江西省检验检测认证总院"}, Mode: certification.Type5,
		Decided: time.Date(2026, 3, 1, 0, 0, 0, 0, brand.ChinaTime()),
	})
	var reg certification.Registry
	_ = reg.Add(cert)

	// The brand issues: the credential carries the certificate's place in
	// the status list (keep index with the register).
	index := statuslist.NewIndex()
	issuer := untp.NewIssuer("https://status.example/jxgreen/1", index)
	token, err := issuer.Sign(recognition.FromCertificate(cert, brand.Core(), now), brandKey)
	fmt.Println(err) // <nil>
	list, _ := statuslist.Build(&reg, index, statuslist.Credential{ID: "https://status.example/jxgreen/1",
		Issuer: "https://brand.example/jxgreen", ValidFrom: now, ValidUntil: now.AddDate(0, 0, 7)})
	published, _ := list.Sign(brandKey)

	// A partner trusts the brand's public key (a JWK Set: untp.ParseKeySet)
	// and reads the published list.
	trusted := untp.KeySet{}.Add(brandKey.Public().(ed25519.PublicKey))
	v, _ := untp.NewVerifier(trusted).WithStatusList(published)
	r, err := v.Verify(token, now)
	fmt.Println(r.Integrity, r.Status, err) // checked valid <nil>
	d := recognition.AgreementFor(v, r).Check(r, now, recognition.WithLookup(&reg))
	fmt.Println(d.Outcome) // recognized

	// Without the key (or as bare JSON) it is read, but never recognised
	// on its own word.
	r, _ = (&untp.Adapter{}).Decode(token)
	d = recognition.AgreementFor(v, r).Check(r, now, recognition.WithLookup(&reg))
	fmt.Println(r.Integrity, d.Outcome, d.Has(recognition.ReasonIntegrityUnverified)) // unverified conditional true
	// Output:
	// <nil>
	// checked valid <nil>
	// recognized
	// unverified conditional true
}

package untp_test

import (
	"crypto/ed25519"
	"fmt"
	"time"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/certification/creditcode"
	"github.com/jxgreen/jxgreen/mark/statuslist"
	"github.com/jxgreen/jxgreen/recognition"
	"github.com/jxgreen/jxgreen/recognition/untp"
	"github.com/jxgreen/jxgreen/standard"
)

// The brand issues a certificate as a signed UNTP credential that points
// into its status list, publishes the list, and a partner's verifier, which
// trusts the brand's key, checks the credential and decides: recognised
// while the certificate is valid, rejected once the published list says it
// is revoked. The same credential read without the key is unverified.
func ExampleIssuer_Sign() {
	// Synthetic key, register and certificate.
	key := ed25519.NewKeyFromSeed([]byte("jxgreen synthetic example key 01"))
	code, _ := creditcode.Complete("91360100MA9000077")
	c, _ := certification.GreenEcologyRules().Issue(certification.Application{
		Number: "JXGE-SYN-0077", Holder: certification.Holder{Name: "合成样例茶业有限公司", Code: code},
		Product: "狗牯脑茶", Standards: []standard.Number{standard.MustParse("T/JGE 0041-2023")},
		Body: certification.Body{Name: "江西省检验检测认证总院"}, Mode: certification.Type5,
		Decided: time.Date(2026, 1, 10, 0, 0, 0, 0, brand.ChinaTime()),
	})
	var reg certification.Registry
	_ = reg.Add(c)

	// Issue: the credential carries the certificate's place in the list.
	index := statuslist.NewIndex()
	issuer := untp.NewIssuer("https://status.example/jxgreen/1", index)
	at := time.Date(2026, 6, 1, 0, 0, 0, 0, brand.ChinaTime())
	token, err := issuer.Sign(recognition.FromCertificate(c, brand.Core(), at), key)
	fmt.Println(err)

	// Publish the list the credentials point into.
	publish := func(reg certification.Lookup) []byte {
		l, _ := statuslist.Build(reg, index, statuslist.Credential{ID: "https://status.example/jxgreen/1",
			Issuer: "https://brand.example/jxgreen", ValidFrom: at.Add(-time.Hour), ValidUntil: at.Add(6 * 24 * time.Hour)})
		published, _ := l.Sign(key)
		return published
	}

	// Verify and decide, as a partner does with the brand's public key.
	trusted := untp.KeySet{}.Add(key.Public().(ed25519.PublicKey))
	decide := func(v *untp.Verifier) {
		r, err := v.Verify(token, at)
		if err != nil {
			fmt.Println(err)
			return
		}
		d := recognition.AgreementFor(v, r).Check(r, at, recognition.WithLookup(&reg))
		fmt.Println(r.Integrity, r.Status, d.Outcome)
	}
	v, _ := untp.NewVerifier(trusted).WithStatusList(publish(&reg))
	decide(v)

	// The certificate is revoked; the next list says so.
	_ = reg.Update(c.Number, func(c *certification.Certificate) error {
		return c.Revoke(at.Add(-2*time.Hour), "合成样例：撤销")
	})
	v, _ = untp.NewVerifier(trusted).WithStatusList(publish(&reg))
	decide(v)

	// Without the brand's key, the credential is read but unverified:
	// never recognised on its own word.
	r, _ := (&untp.Adapter{}).Decode(token)
	d := recognition.AgreementFor(v, r).Check(r, at, recognition.WithLookup(&reg))
	fmt.Println(r.Integrity, d.Has(recognition.ReasonIntegrityUnverified))

	// A verifier that does not trust the key refuses the token outright.
	_, err = untp.NewVerifier(nil).Verify(token, at)
	fmt.Println(err)
	// Output:
	// <nil>
	// checked valid recognized
	// checked revoked rejected
	// unverified true
	// untp: the key "xCwdDuZT4hAwmob1a0wHY1GB2J8NrHGeeAfxecEJhQs" is not a trusted issuer key
}

package mark_test

import (
	"crypto/ed25519"
	"fmt"
	"time"

	"github.com/jxgreen/jxgreen/mark"
	"github.com/jxgreen/jxgreen/mark/statuslist"
)

// Example_readmeMarks is the README's "Marks" snippet. The certificate,
// the holders, and the keys are synthetic.
func Example_readmeMarks() {
	reg, c := exampleRegistry()
	h, t := c.Holder, day(2026, 6, 1)
	privateKey := exampleKey
	currentKey := exampleKey.Public().(ed25519.PublicKey)
	oldKey := ed25519.NewKeyFromSeed([]byte("jxgreen example old key, retired")).Public().(ed25519.PublicKey)

	// reg holds the certificate c of holder h; t is when the mark is used.
	v := mark.Check(mark.Use{Kind: mark.CertificationMark, Certificate: "JXGE-EXAMPLE-001",
		NumberShown: true, Holder: h, Product: "金溪蜜梨", Medium: mark.Label,
		BrandText: "江西綠色生態", At: t}, reg, time.Time{})
	fmt.Println(v.Allowed, v.Violations[0].Code) // false look-alike-name

	signer, err := mark.NewSigner(privateKey)                // an error for a damaged or inconsistent key
	fmt.Println(err)                                         // <nil>
	signer = signer.WithClock(func() time.Time { return t }) // the clock: time.Now by default
	code, err := signer.Sign(c)                              // refuses a certificate not valid at the clock
	fmt.Println(code[:4], len(code), err)                    // JXG2 … <nil>

	verifier, err := mark.NewVerifier(currentKey) // an error for a key that is not a safe public key
	fmt.Println(err)                              // <nil>
	verifier, err = verifier.WithRetired(oldKey)  // rotation: old labels get ErrRetiredKey
	fmt.Println(err)                              // <nil>
	claims, err := verifier.Verify(code, t)       // offline: signature and dates only
	fmt.Println(claims.Checked, err)              // false <nil>

	claims, err = verifier.WithLookup(reg).Verify(code, t)         // + the register's status at t
	fmt.Println(claims.Checked, err)                               // true <nil>
	fmt.Println("有效期至", claims.ValidUntil().Format(time.DateOnly)) // 有效期至 2029-02-28
	// Output:
	// false look-alike-name
	// <nil>
	// JXG2 150 <nil>
	// <nil>
	// <nil>
	// false <nil>
	// true <nil>
	// 有效期至 2029-02-28
}

// Example_readmeStatusList is the README's "Publish the status list"
// snippet. The certificate, the keys and the addresses are synthetic.
func Example_readmeStatusList() {
	reg, c := exampleRegistry()
	t := day(2026, 6, 1)
	privateKey := exampleKey
	signer, _ := mark.NewSigner(privateKey)
	signer = signer.WithClock(func() time.Time { return t })
	verifier, _ := mark.NewVerifier(exampleKey.Public().(ed25519.PublicKey))
	var claims mark.Claims

	index := statuslist.NewIndex()                     // kept for good beside the register (MarshalJSON)
	code, err := signer.WithStatusIndex(index).Sign(c) // a JXG3 code: its signed index in the list
	fmt.Println(code[:4], err)                         // JXG3 <nil>

	// Every day: read every indexed certificate's status from the register, sign, publish.
	list, err := statuslist.Build(reg, index, statuslist.Credential{
		ID: "https://status.example/jxgreen/1", Issuer: "https://brand.example/jxgreen",
		ValidFrom: t, ValidUntil: t.Add(48 * time.Hour)})
	published, err := list.Sign(privateKey) // the bytes to serve at ID
	fmt.Println(err)                        // <nil>

	// A scanner holding the list (and the brand's public key) checks offline.
	verifier, err = verifier.WithStatusList(published) // refuses a list not signed by a current key
	claims, err = verifier.Verify(code, t.Add(time.Hour))
	fmt.Println(claims.Checked, claims.Status, err) // true valid <nil>
	// Output:
	// JXG3 <nil>
	// <nil>
	// true valid <nil>
}

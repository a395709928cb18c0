package recognition

import (
	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand/i18n"
)

// Integrity says what is known of a record's origin: whether it came with a
// proof (a signature) that was checked against a key the caller trusts.
// Adapters set it; [Agreement.Check] never recognises a record whose
// integrity is [IntegrityUnverified] on its own word.
type Integrity uint8

// The integrity of a record.
const (
	// IntegrityNone: the format carries no proof, as the native records of
	// a partner scheme's register do: the record is judged on its content,
	// as the caller fetched it.
	IntegrityNone Integrity = iota
	// IntegrityUnverified: the record is a credential of a format that
	// secures its records (a UNTP credential, which VC-JOSE-COSE signs),
	// but no proof of it verified: it was unsigned, or signed by a key the
	// caller does not trust. Check keeps it at most conditional
	// ([ReasonIntegrityUnverified]).
	IntegrityUnverified
	// IntegrityChecked: the record's proof verified against a key the
	// caller trusts for its issuer.
	IntegrityChecked
)

var integrityNames = [...]string{"none", "unverified", "checked"}

func init() {
	i18n.Table("recognition.integrity.", [][3]string{
		{"none", "格式不带签名", "no proof in the format"},
		{"unverified", "未经验证", "unverified"},
		{"checked", "签名已验证", "integrity-checked"},
	})
}

// String returns the stable code: "none", "unverified" or "checked".
func (i Integrity) String() string {
	if int(i) < len(integrityNames) {
		return integrityNames[i]
	}
	return "unknown"
}

// Localize names the integrity in the language that best matches tag.
func (i Integrity) Localize(tag language.Tag) string {
	if int(i) >= len(integrityNames) {
		return i.String()
	}
	return i18n.Sprintf(tag, "recognition.integrity."+i.String())
}

// MarshalText writes the stable code.
func (i Integrity) MarshalText() ([]byte, error) { return []byte(i.String()), nil }

// UnmarshalText reads a stable code; anything else is unverified, so that
// a record read back never gains an integrity it did not have.
func (i *Integrity) UnmarshalText(b []byte) error {
	*i = IntegrityUnverified
	for k, n := range integrityNames {
		if string(b) == n {
			*i = Integrity(k)
		}
	}
	return nil
}

package untp_test

import (
	"crypto/ed25519"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/mark/statuslist"
	"github.com/jxgreen/jxgreen/recognition/untp"
)

// The keys and addresses of the tests are synthetic.
var (
	brandKey    = ed25519.NewKeyFromSeed([]byte("jxgreen synthetic untp issuer 01"))
	strangerKey = ed25519.NewKeyFromSeed([]byte("jxgreen synthetic untp stranger!"))
)

const (
	listURL   = "https://status.example/jxgreen/untp-test"
	brandURL  = "https://brand.example/jxgreen"
	otherList = "https://status.example/elsewhere/1"
)

func pub(k ed25519.PrivateKey) ed25519.PublicKey { return k.Public().(ed25519.PublicKey) }

// brandFixture is a synthetic brand: its key, its register, and an issuer
// whose index gives the register's certificates their places in the list.
type brandFixture struct {
	key    ed25519.PrivateKey
	reg    *certification.Registry
	issuer *untp.Issuer
}

func newBrand() *brandFixture {
	return &brandFixture{key: brandKey, reg: &certification.Registry{}, issuer: untp.NewIssuer(listURL, nil)}
}

// add registers c and gives it its place in the list.
func (b *brandFixture) add(t testing.TB, c certification.Certificate) {
	t.Helper()
	require.NoError(t, b.reg.Add(c))
	_, err := b.issuer.Index().Assign(c.Number)
	require.NoError(t, err)
}

// publish builds the list from the register, valid for 30 days from the
// day before at, and signs it with the brand's key.
func (b *brandFixture) publish(t testing.TB, at time.Time) []byte {
	t.Helper()
	l, err := statuslist.Build(b.reg, b.issuer.Index(), statuslist.Credential{ID: listURL, Issuer: brandURL,
		ValidFrom: at.Add(-24 * time.Hour), ValidUntil: at.Add(6 * 24 * time.Hour)})
	require.NoError(t, err)
	published, err := l.Sign(b.key)
	require.NoError(t, err)
	return published
}

// verifier trusts the brand's key and reads the list published at at.
func (b *brandFixture) verifier(t testing.TB, at time.Time) *untp.Verifier {
	t.Helper()
	v, err := untp.NewVerifier(untp.KeySet{}.Add(pub(b.key))).WithStatusList(b.publish(t, at))
	require.NoError(t, err)
	return v.WithTime(at)
}

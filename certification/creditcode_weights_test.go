package certification_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jxgreen/jxgreen/certification/creditcode"
)

// gb32100Alphabet is the character set of GB 32100-2015 in value order,
// written out here from the standard so that the test does not read the
// package's own table.
const gb32100Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// gb32100Weight is the weight of character i (0-based) of a credit code:
// GB 32100-2015 gives the weights 1, 3, 9, 27, 19, 26, …, 28, which are
// 3^i mod 31.
func gb32100Weight(i int) int {
	w := 1
	for range i {
		w = w * 3 % 31
	}
	return w
}

// TestCreditCodeEveryPositionsWeight changes each of the first 17
// characters of synthetic codes to every other character allowed there and
// checks that the check character moves by exactly that position's weight:
// every weight matters and has the value GB 32100-2015 gives, and the old
// check character is then refused. The codes are synthetic (made with
// creditcode.Complete from made-up digits) and belong to no organisation.
func TestCreditCodeEveryPositionsWeight(t *testing.T) {
	t.Parallel()
	for _, first17 := range []string{
		"91360100MA3000001", // the shape of the synthetic codes elsewhere in the tests
		"00000000000000000",
		"Y1360100XY9876543",
		"52360700T0H1JK2LM",
	} {
		base, err := creditcode.Complete(first17)
		require.NoError(t, err, first17)
		check := strings.IndexByte(gb32100Alphabet, base.String()[17])
		require.GreaterOrEqual(t, check, 0)
		for i := range 17 {
			allowed := gb32100Alphabet
			if i >= 2 && i < 8 { // the division code is digits
				allowed = gb32100Alphabet[:10]
			}
			old := strings.IndexByte(gb32100Alphabet, first17[i])
			for _, c := range allowed {
				if byte(c) == first17[i] {
					continue
				}
				changed := first17[:i] + string(c) + first17[i+1:]
				got, err := creditcode.Complete(changed)
				require.NoError(t, err, changed)
				delta := strings.IndexRune(gb32100Alphabet, c) - old
				want := ((check-delta*gb32100Weight(i))%31 + 31) % 31
				require.Equal(t, string(gb32100Alphabet[want]), got.String()[17:],
					"position %d (weight %d): %s -> %s", i+1, gb32100Weight(i), first17, changed)
				require.NotEqual(t, base.String()[17], got.String()[17], "position %d does not reach the check character", i+1)

				_, err = creditcode.Parse(changed + base.String()[17:])
				var ce *creditcode.Error
				require.True(t, errors.As(err, &ce), "position %d: %v", i+1, err)
				assert.ErrorIs(t, err, creditcode.ErrCheck)
				assert.Equal(t, 17, ce.Pos)
			}
		}
	}
}

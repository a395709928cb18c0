package mark

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/jxgreen/jxgreen/brand/i18n/codetest"
)

func TestDefaultSpecReturnsACopy(t *testing.T) {
	t.Parallel()
	want := DefaultSpec()
	got := DefaultSpec()
	got.Tolerance = 1
	got.Monochrome = false
	got.Palette = append(got.Palette, "#000000")
	assert.Equal(t, want, DefaultSpec())
	assert.Empty(t, DefaultSpec().Palette)
}

// TestCheckMatchesProductsAsTheRegisterDoes: a use's product and holder
// name are compared with the certificate's by the register's folding
// (certification.FoldKey), the one home of that rule: width, case and
// spaces meet; a look-alike letter or a hidden character does not.
func TestCheckMatchesProductsAsTheRegisterDoes(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		product string
		match   bool
	}{
		{"金溪蜜梨", true},
		{"金溪 蜜梨", true},
		{"金溪\u3000蜜梨", true},
		{"金溪蜜梨\u200b", false},
		{"金溪蜜梨\t", false},
		{"金溪密梨", false},
	} {
		u := goodUse()
		u.Product = tc.product
		v := Check(u, registry(t), time.Time{})
		codes := []string{}
		for _, x := range v.Violations {
			codes = append(codes, string(x.Code))
		}
		if tc.match {
			assert.NotContains(t, codes, "product-mismatch", "%q", tc.product)
		} else {
			assert.Contains(t, codes, "product-mismatch", "%q", tc.product)
		}
	}
}

func TestEveryViolationCodeHasBothMessagesAndIsDocumented(t *testing.T) {
	t.Parallel()
	codes := codetest.Check(t, ".", "ViolationCode", "mark.violation.")
	assert.Len(t, codes, len(violationCodeMessages), "the table and the constants list the same codes")
}

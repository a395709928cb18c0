package certification

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/standard"
)

// TestIssueRefusesWithdrawnStandard: a standard that the catalogue lists
// as withdrawn (废止) is no basis for a certificate; a current one is.
func TestIssueRefusesWithdrawnStandard(t *testing.T) {
	n := standard.MustParse("T/JGE 0039-2023")
	s, ok := standard.Catalogue().Lookup(n)
	require.True(t, ok)
	require.NotEqual(t, standard.Withdrawn, s.Status, "the real catalogue entry is in force")
	for _, tc := range []struct {
		status standard.Status
		ok     bool
	}{
		{standard.Current, true},
		{standard.Withdrawn, false},
	} {
		s.Status = tc.status
		rules := GreenEcologyRules()
		rules.Standards = standard.NewCatalog([]standard.Standard{s})
		c, err := rules.Issue(application())
		if tc.ok {
			require.NoError(t, err)
			assert.NoError(t, c.Validate())
			continue
		}
		assert.ErrorIs(t, err, ErrApplication)
		assert.True(t, hasField(err, "standards[0]", "withdrawn"), "%v", err)
		var fe *FieldError
		require.ErrorAs(t, err, &fe)
		assert.Equal(t, "standards[0]：T/JGE 0039-2023 已废止，不能作为认证依据", fe.Localize(language.Chinese))
		assert.Equal(t, "standards[0]: T/JGE 0039-2023 is withdrawn and cannot be certified against", fe.Localize(language.English))
	}
}

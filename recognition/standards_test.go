package recognition_test

import (
	"bytes"
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/recognition"
	"github.com/jxgreen/jxgreen/standard"
)

// A partner record that cites an international or foreign standard is
// decoded and decided, with the standard unverified, never an error line.
// The records are synthetic; the standards they cite are real published
// ones (ISO 14064-1:2018, EN 71-3:2019, ISO/IEC 17065:2012).
func TestRecordCitingInternationalStandardIsDecided(t *testing.T) {
	t.Parallel()
	const rec = `{"scheme":"shenzhen","record":{"证书编号":"ZP-SYN-0901","企业名称":"合成样例企业901有限公司",` +
		`"统一社会信用代码":"91440300MA9000005Q","产品名称":"金溪蜜梨","执行标准":[%s],` +
		`"评价机构":"合成样例评价机构（深圳）","发证日期":"2025-01-10","有效期至":"2028-01-09","证书状态":"有效",` +
		`"备注":"合成样例，非真实证书（synthetic test record）"}}`
	for _, tc := range []struct {
		cites string
		kind  standard.Kind
	}{
		{`"ISO 14064-1:2018"`, standard.International},
		{`"ISO/IEC 17065:2012"`, standard.International},
		{`"EN 71-3:2019"`, standard.Foreign},
		{`"iso 14064-1：2018"`, standard.International},
		{`"BS EN 71-3:2019","DB12/ 617-2016"`, standard.Foreign},
	} {
		line := []byte(fmt.Sprintf(rec, tc.cites))
		// The adapter decodes it, with the standard as its own kind.
		a, ok := recognition.Lookup("shenzhen")
		require.True(t, ok)
		_, native, ok := bytes.Cut(line, []byte(`"record":`))
		require.True(t, ok)
		r, err := a.Decode(native[:len(native)-1])
		require.NoError(t, err, tc.cites)
		require.NotEmpty(t, r.Standards)
		assert.Equal(t, tc.kind, r.Standards[0].Kind(), tc.cites)

		// The checker gives a decision, not an error line.
		var out bytes.Buffer
		c := recognition.Checker{At: at, Lang: language.English, Workers: 1}
		sum, err := c.Run(context.Background(), bytes.NewReader(append(line, '\n')), &out)
		require.NoError(t, err)
		lines := parseOut(t, out.Bytes())
		require.Len(t, lines, 1)
		assert.NotEqual(t, "error", lines[0].Outcome, "%s: %s", tc.cites, out.String())
		assert.Nil(t, lines[0].Error)
		assert.Equal(t, "ZP-SYN-0901", lines[0].Number)
		assert.Zero(t, sum.Outcomes["error"])
		assert.NotEqual(t, "recognized", lines[0].Outcome, "a foreign standard is not ours: %s", tc.cites)
		var codes []string
		for _, rs := range lines[0].Reasons {
			codes = append(codes, rs.Code)
		}
		assert.Contains(t, codes, "standard-unverified", tc.cites)
	}
}

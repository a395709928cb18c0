package sheet

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// FuzzCSVReader: whatever the bytes, the CSV path does not panic, and
// when it reads the input at all it writes one output line per row, the
// rows numbered one after the other from the row after the header, each
// a JSON object with an outcome.
func FuzzCSVReader(f *testing.F) {
	lines := strings.Split(shenzhenCSV, "\r\n")
	f.Add([]byte(shenzhenCSV))
	f.Add([]byte(lines[0] + "\n" + lines[1] + "\n,,,\n\n" + lines[1] + "\n\n\n"))
	f.Add([]byte("\uFEFF" + shenzhenCSV))
	f.Add(gb18030(f, shenzhenCSV))
	f.Add(utf16le(f, tabs(shenzhenCSV)))
	f.Add([]byte(lines[0] + "\n\"unterminated,1\n"))
	f.Add([]byte(lines[0] + "\n9.13201E+17,=1+1,\"a\"\"b\",@x\n"))
	f.Add([]byte("方案,证书编号\n圳品,1\n火星,2\n,3\n"))
	f.Add([]byte(lines[0] + "\nSZ,\xff\xfe,x\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		c := checker("en")
		c.Workers = 1
		var out bytes.Buffer
		_, err := (&Converter{Checker: c, In: CSV, Scheme: "shenzhen"}).Run(context.Background(), bytes.NewReader(in), &out)
		if err != nil {
			return
		}
		want := 0
		for _, l := range bytes.Split(bytes.TrimSuffix(out.Bytes(), []byte("\n")), []byte("\n")) {
			if len(l) == 0 {
				continue
			}
			var v struct {
				Row     int    `json:"row"`
				Outcome string `json:"outcome"`
			}
			require.NoError(t, json.Unmarshal(l, &v), "%q", l)
			if want == 0 {
				require.GreaterOrEqual(t, v.Row, 2)
				want = v.Row
			}
			require.Equal(t, want, v.Row, "%q", l)
			require.Contains(t, []string{"recognized", "conditional", "rejected", "error"}, v.Outcome)
			want++
		}
	})
}

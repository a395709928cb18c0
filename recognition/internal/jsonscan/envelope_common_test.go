package jsonscan

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
)

// FuzzCommonEnvelopeAgreesWithEnvelope holds the reading of the common
// line, which EnvelopeLazyUnchecked tries first, to the general reading it
// stands in for (envelope, lazy, UTF-8 not known) on any line it accepts,
// and checks that it accepts the common lines.
func FuzzCommonEnvelopeAgreesWithEnvelope(f *testing.F) {
	untp, err := untpRecord()
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{
		`{"scheme":"zhejiang","record":{"a":"b"}}`, `{"scheme":"untp","record":` + untp + `}`, `{"scheme":"圳品","record":{}}`,
		`{"scheme":"x","record":{"a":"b"}} `, `{"scheme":"x","record":{"a":"b"}}` + "\r", `{"scheme":"x","record":{"a":"b"}x}`,
		`{"scheme":"x","record":{"a":"b"},"c":{}}`, `{"scheme":"x","record":null}`, `{"scheme":"x","record":[1]}`,
		`{"scheme":"x\"","record":{}}`, "{\"scheme\":\"\xff\",\"record\":{}}", `{"scheme":1,"record":{}}`,
		`{"scheme":"x","record":}`, `{"scheme":"x","record":{}`, `{"scheme":"x","record":{}}}`, `{"scheme":"x","record" :{}}`,
		`{"scheme":"x", "record":{}}`, `{"scheme":"x","record":{"scheme":"y"}}`, `{"scheme":"x","record":{"record":{}}}`,
		`{"scheme":"x","record":{},"scheme":"y"}`, `{"scheme":"x","record":{}, "record":{}}`, `{"scheme":"x","record":{ }  }`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		scheme, record, ok := commonEnvelope(line)
		if !ok {
			return
		}
		ws, wr, wh, wok, wf := envelope(line, false, true)
		assert.True(t, wok, "%q", line)
		assert.True(t, wh, "%q", line)
		assert.Equal(t, EnvelopeFault{}, wf, "%q", line)
		assert.True(t, bytes.Equal(ws, scheme), "%q: scheme %q, envelope %q", line, scheme, ws)
		assert.True(t, bytes.Equal(wr, record) && (wr == nil) == (record == nil), "%q: record %q, envelope %q", line, record, wr)
	})
}

// TestCommonEnvelopeReadsTheCommonLine checks that the common line is read
// by commonEnvelope, not left to the general reading.
func TestCommonEnvelopeReadsTheCommonLine(t *testing.T) {
	for _, line := range []string{`{"scheme":"zhejiang","record":{"a":"b"}}`, `{"scheme":"圳品","record":{}}  `} {
		scheme, record, ok := commonEnvelope([]byte(line))
		assert.True(t, ok, line)
		ws, wr, _, _, _ := EnvelopeLazyUnchecked([]byte(line))
		assert.Equal(t, string(ws), string(scheme))
		assert.Equal(t, string(wr), string(record))
	}
}

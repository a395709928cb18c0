package recognition_test

// Adversarial review of issue 11 (agreements and schemes as data). Each
// TestReview11_ test shows a defect found in the review: it fails on the
// code it was written against, and passes once the defect is fixed. Every
// record, certificate, scheme and agreement here is synthetic and made up
// for the test; none is a real one.

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/recognition"
)

// review11Scheme is the synthetic city brand's definition, changed by mut.
func review11Scheme(t *testing.T, mut func(m map[string]any)) []byte {
	t.Helper()
	b, err := os.ReadFile(exampleScheme)
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(b, &m))
	mut(m)
	out, err := json.Marshal(m)
	require.NoError(t, err)
	return out
}

// review11Certificates reads the synthetic sample certificates.
func review11Certificates(t *testing.T) []certification.Certificate {
	t.Helper()
	f, err := os.Open("../testdata/certificates/sample.ndjson")
	require.NoError(t, err)
	defer f.Close()
	var out []certification.Certificate
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var c certification.Certificate
		require.NoError(t, json.Unmarshal(sc.Bytes(), &c))
		out = append(out, c)
	}
	require.NoError(t, sc.Err())
	require.NotEmpty(t, out)
	return out
}

// exportThenCheck exports certs to the format of scheme to, and runs the
// Checker on the export as the partner recognizer would.
func exportThenCheck(t *testing.T, to string, recognizer brand.ID, at time.Time, certs []certification.Certificate) []map[string]any {
	t.Helper()
	a, ok := recognition.Lookup(to)
	require.True(t, ok, to)
	var buf bytes.Buffer
	n, err := recognition.Export(&buf, a, at, certs)
	require.NoError(t, err)
	require.Equal(t, len(certs), n)
	c := recognition.Checker{Workers: 1, At: at, Recognizer: recognizer}
	var out bytes.Buffer
	_, err = c.Run(context.Background(), &buf, &out)
	require.NoError(t, err)
	var lines []map[string]any
	for _, l := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var m map[string]any
		require.NoError(t, json.Unmarshal([]byte(l), &m))
		lines = append(lines, m)
	}
	require.Len(t, lines, len(certs))
	return lines
}

// TestReview11_UNTPExportLosesStatusesSilently: Export must give each
// certificate a line that says what the certificate is, or a reported
// error. To UNTP (the registered, stateless adapter) it refuses an expired
// certificate "because it would read back as valid", but writes the valid,
// the suspended, the revoked and the cancelled ones alike, without
// credentialStatus and without a word: read back, all four have no status
// (status-unknown), so the valid certificate is rejected by the partner
// and the revoked one cannot be told from it. Nothing in Export's result
// says that the statuses were dropped.
func TestReview11_UNTPExportLosesStatusesSilently(t *testing.T) {
	at := time.Date(2026, 6, 1, 0, 0, 0, 0, brand.ChinaTime())
	var certs []certification.Certificate
	for _, c := range review11Certificates(t) {
		if c.StatusAt(at) != certification.Expired {
			certs = append(certs, c)
		}
	}
	require.Len(t, certs, 4)
	to, ok := recognition.Lookup("untp")
	require.True(t, ok)
	var buf bytes.Buffer
	n, err := recognition.Export(&buf, to, at, certs)
	reported := 0
	if err != nil {
		reported = len(err.(interface{ Unwrap() []error }).Unwrap())
	}
	require.Equal(t, len(certs), n+reported, "every certificate is a line or an error")
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if n == 0 {
		lines = nil
	}
	for i, l := range lines {
		var env struct{ Record json.RawMessage }
		require.NoError(t, json.Unmarshal([]byte(l), &env))
		r, err := to.Decode(env.Record)
		require.NoError(t, err)
		c, ok := review11Find(certs, r.Number)
		require.True(t, ok, "line %d", i+1)
		assert.Equal(t, c.StatusAt(at), r.StatusAt(at), "%s was written without a word, and reads back %s", r.Number, r.StatusAt(at))
	}
}

func review11Find(certs []certification.Certificate, number string) (certification.Certificate, bool) {
	for _, c := range certs {
		if c.Number == number {
			return c, true
		}
	}
	return certification.Certificate{}, false
}

package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestRun(t *testing.T) {
	var out, errb bytes.Buffer
	assert.Equal(t, 0, run([]string{"-lang", "en"}, &out, &errb), errb.String())
	s := out.String()
	assert.Equal(t, 1, strings.Count(s, ": allowed"))
	for _, code := range []string{"holder-mismatch", "product-mismatch", "look-alike-name", "distorted", "number-not-shown", "unknown-certificate", "wrong-medium"} {
		assert.Contains(t, s, "["+code+"]")
	}
	assert.Contains(t, s, "genuine: certificate JXGE-DEMO-0002")
	assert.Contains(t, s, "one character altered:")
	assert.Contains(t, s, "signed with another key: the code was not signed by a trusted key or was altered")
	assert.Contains(t, s, "has expired")
	assert.Contains(t, s, "checked offline on 2026-08-01: accepted, but only the signature and the dates were checked")
	assert.Contains(t, s, "checked against the register on 2026-08-01: certificate JXGE-DEMO-0002 is suspended")
	assert.Equal(t, 0, run(nil, &out, &errb))
	assert.Equal(t, 2, run([]string{"-lang", "!"}, &out, &errb))
}

// TestRunShowsLastValidDay: the certificate is issued on 2026-03-01 for
// three years, so it expires at 2029-03-01 00:00 China time and its last
// valid day, the date certificates print after 有效期至, is 2029-02-28. The
// tour used to print 2029-03-01, a day later than the certificate.
func TestRunShowsLastValidDay(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		var out, errb bytes.Buffer
		assert.Equal(t, 0, run([]string{"-lang", lang}, &out, &errb), errb.String())
		s := out.String()
		assert.NotContains(t, s, "2029-03-01", lang)
		assert.Equal(t, 2, strings.Count(s, "2029-02-28"), "%s: the genuine code and the expired one: %s", lang, s)
	}
	var out, errb bytes.Buffer
	run(nil, &out, &errb)
	assert.Contains(t, out.String(), "有效期至 2029-02-28")
	assert.Contains(t, out.String(), "证书 JXGE-DEMO-0002 有效期至 2029-02-28，已过期")
}

package main

import (
	"bytes"
	"context"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/certification/sqlstore"
)

func TestRun(t *testing.T) {
	var out, errb bytes.Buffer
	assert.Equal(t, 0, run([]string{"-lang", "en"}, &out, &errb), errb.String())
	s := out.String()
	assert.Contains(t, s, "The application is refused:")
	assert.Contains(t, s, "holder.code")
	assert.Contains(t, s, "Issued certificate JXGE-DEMO-0001")
	assert.Contains(t, s, "suspended")
	assert.Contains(t, s, "cannot renew it while it is suspended")
	assert.Contains(t, s, "dated before the previous event")
	assert.Contains(t, s, "expired")
	assert.Contains(t, s, "status on 2030-01-01: valid; 6 events, 1 retracted")
	out.Reset()
	assert.Equal(t, 0, run(nil, &out, &errb))
	assert.Contains(t, out.String(), "颁发证书")
	assert.Equal(t, 2, run([]string{"-x"}, &out, &errb))
}

func TestSecondRunOnTheSameFileSeesTheFirst(t *testing.T) {
	file := filepath.Join(t.TempDir(), "certs.db")
	var out, errb bytes.Buffer
	require.Equal(t, 0, run([]string{"-lang", "en", "-db", file}, &out, &errb), errb.String())
	assert.Contains(t, out.String(), "Issued certificate JXGE-DEMO-0001")
	assert.NotContains(t, out.String(), "holds")

	out.Reset()
	require.Equal(t, 0, run([]string{"-lang", "en", "-db", file}, &out, &errb), errb.String())
	assert.Contains(t, out.String(), "The database holds 1 certificates already: JXGE-DEMO-0001")
	assert.Contains(t, out.String(), "Issued certificate JXGE-DEMO-0002")

	s, err := sqlstore.OpenFile(context.Background(), file)
	require.NoError(t, err)
	defer s.Close()
	first, ok := s.Certificate("JXGE-DEMO-0001")
	require.True(t, ok)
	assert.Greater(t, len(first.History), 3, "the first run's lifecycle is kept")
	assert.Equal(t, 1, run([]string{"-db", filepath.Join(t.TempDir(), "no", "such", "dir.db")}, &out, &errb), "a file that cannot be opened")
}

// TestCertifyShowsLastValidDay: every date shown as an end of validity is
// the last valid day (certification.LastValidDay, China time), in both
// languages, never the instant of expiry.
func TestCertifyShowsLastValidDay(t *testing.T) {
	china := time.FixedZone("CST", 8*3600)
	issuedExpires := time.Date(2029, 3, 1, 0, 0, 0, 0, china) // decided 2026-03-01, 36 months
	renewedExpires := time.Date(2032, 3, 1, 0, 0, 0, 0, china)
	want := []string{
		certification.LastValidDay(issuedExpires).Format(time.DateOnly),
		certification.LastValidDay(renewedExpires).Format(time.DateOnly),
	}
	for lang, re := range map[string]*regexp.Regexp{
		"en": regexp.MustCompile(`valid until (\d{4}-\d{2}-\d{2})`),
		"zh": regexp.MustCompile(`有效期至 (\d{4}-\d{2}-\d{2})`),
	} {
		var out, errb bytes.Buffer
		require.Equal(t, 0, run([]string{"-lang", lang}, &out, &errb), errb.String())
		var got []string
		for _, m := range re.FindAllStringSubmatch(out.String(), -1) {
			got = append(got, m[1])
		}
		assert.Equal(t, want, got, lang)
		assert.NotContains(t, got, issuedExpires.Format(time.DateOnly), lang)
	}
}

package main

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

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
	assert.Contains(t, s, "cannot renew while suspended")
	assert.Contains(t, s, "expired")
	assert.Contains(t, s, "Renewed until 2032-03-01; status on 2030-01-01: valid")
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

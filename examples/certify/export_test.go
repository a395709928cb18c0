package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/certification/creditcode"
	"github.com/jxgreen/jxgreen/recognition"
)

// TestExportWritesWhatThePartnersToolReads: certify -export SCHEME writes
// the store's certificates in the scheme's native format, one envelope a
// line, which the scheme's adapter decodes to the same certificate and
// the batch checker judges without an error line; the narration of the
// walk-through goes to standard error.
func TestExportWritesWhatThePartnersToolReads(t *testing.T) {
	at := time.Date(2027, 6, 1, 0, 0, 0, 0, brand.ChinaTime())
	for _, scheme := range []string{"zhejiang", "shenzhen", "ganpo", "jxgreen", "品字标"} {
		t.Run(scheme, func(t *testing.T) {
			var out, errb bytes.Buffer
			require.Equal(t, 0, run([]string{"-lang", "en", "-export", scheme, "-at", "2027-06-01"}, &out, &errb), errb.String())
			assert.Contains(t, errb.String(), "Issued certificate JXGE-DEMO-0001", "the walk-through's narration")
			assert.Contains(t, errb.String(), "exported 1 certificate(s)")
			to, ok := recognition.Lookup(scheme)
			require.True(t, ok)
			var env struct {
				Scheme string          `json:"scheme"`
				Record json.RawMessage `json:"record"`
			}
			require.NoError(t, json.Unmarshal(out.Bytes(), &env))
			// The envelope names our scheme, in the partner's format.
			assert.Equal(t, recognition.FormatKey(brand.JiangxiGreen, to.Brand().ID), env.Scheme)
			rec, err := to.Decode(env.Record)
			require.NoError(t, err)
			assert.Equal(t, "JXGE-DEMO-0001", rec.Number)
			assert.Equal(t, creditcode.Code("91360100MA3000002H"), rec.Holder.Code)
			assert.Equal(t, "狗牯脑茶", rec.Product)
			assert.Equal(t, certification.Valid, rec.StatusAt(at), "reinstated on 2027-04-10")

			sum, err := (&recognition.Checker{At: at, Workers: 1}).Run(context.Background(), bytes.NewReader(out.Bytes()), &bytes.Buffer{})
			require.NoError(t, err)
			assert.Equal(t, 1, sum.Lines)
			assert.Zero(t, sum.ErrorLines())
		})
	}
}

// TestExportTakesTheStatusAtTheDate: -at chooses the date the status is
// taken at: the demo certificate is suspended from 2027-03-01 to
// 2027-04-10.
func TestExportTakesTheStatusAtTheDate(t *testing.T) {
	var out, errb bytes.Buffer
	require.Equal(t, 0, run([]string{"-export", "jxgreen", "-at", "2027-03-15"}, &out, &errb), errb.String())
	assert.Contains(t, out.String(), `"证书状态":"暂停"`)
}

// TestExportOfAStoreExportsEveryCertificate: with -db, the store's
// certificates are exported, in the order they were added, and nothing
// else is run.
func TestExportOfAStoreExportsEveryCertificate(t *testing.T) {
	file := filepath.Join(t.TempDir(), "certs.db")
	var out, errb bytes.Buffer
	require.Equal(t, 0, run([]string{"-db", file}, &out, &errb), errb.String())
	require.Equal(t, 0, run([]string{"-db", file}, &out, &errb), errb.String())
	out.Reset()
	errb.Reset()
	require.Equal(t, 0, run([]string{"-db", file, "-export", "jiangsu", "-at", "2027-06-01"}, &out, &errb), errb.String())
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	require.Len(t, lines, 2)
	assert.Contains(t, lines[0], "JXGE-DEMO-0001")
	assert.Contains(t, lines[1], "JXGE-DEMO-0002")
	assert.NotContains(t, errb.String(), "颁发证书", "no walk-through with -db")
}

// TestExportRefusesBadUsage: an unknown scheme or a bad date is a usage
// error, in the language of -lang.
func TestExportRefusesBadUsage(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-lang", "en", "-export", "nope"}, `unknown scheme "nope"`},
		{[]string{"-export", "nope"}, "未知的方案"},
		{[]string{"-lang", "en", "-export", "zhejiang", "-at", "June"}, "-at must be a date"},
	} {
		var out, errb bytes.Buffer
		assert.Equal(t, 2, run(tc.args, &out, &errb), tc.args)
		assert.Contains(t, errb.String(), tc.want)
		assert.Empty(t, out.String())
	}
}

// TestExportFromMissingStoreSaysSoInBothLanguages: the message names the
// file, in the language asked for.
func TestExportFromMissingStoreSaysSoInBothLanguages(t *testing.T) {
	p := filepath.Join(t.TempDir(), "typo.db")
	for lang, want := range map[string]string{"zh": "不存在", "en": "does not exist"} {
		var out, errb bytes.Buffer
		assert.Equal(t, 1, run([]string{"-lang", lang, "-db", p, "-export", "zhejiang"}, &out, &errb), lang)
		assert.Contains(t, errb.String(), want, lang)
		assert.Contains(t, errb.String(), "typo.db", lang)
		assert.Empty(t, out.String())
	}
}

// TestExportFromMissingStoreFails: `certify -db FILE -export
// SCHEME` with a mistyped FILE creates an empty certificate store under
// that name (sqlstore.OpenFile creates what is not there), exports "0
// certificates" and exits 0: the partner receives an empty file, the
// clerk sees success, and a stray database is left behind.
func TestExportFromMissingStoreFails(t *testing.T) {
	p := filepath.Join(t.TempDir(), "typo.db")
	var out, errb bytes.Buffer
	code := run([]string{"-db", p, "-export", "zhejiang", "-at", "2026-06-01"}, &out, &errb)
	assert.NotEqual(t, 0, code, "an export from a store that does not exist succeeded: %s", errb.String())
	_, err := os.Stat(p)
	assert.True(t, os.IsNotExist(err), "the export created %s", p)
}

package main

import (
	"bytes"
	"crypto/ed25519"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/mark"
	"github.com/jxgreen/jxgreen/recognition"
	_ "github.com/jxgreen/jxgreen/recognition/ganchu"
	_ "github.com/jxgreen/jxgreen/recognition/ganpo"
	_ "github.com/jxgreen/jxgreen/recognition/jiangsu"
	_ "github.com/jxgreen/jxgreen/recognition/shanghai"
	_ "github.com/jxgreen/jxgreen/recognition/shenzhen"
	_ "github.com/jxgreen/jxgreen/recognition/zhejiang"
	"github.com/jxgreen/jxgreen/standard"
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
	assert.Regexp(t, `a version 3 code checked offline on 2026-08-01 with that day's status list \(\d+ bytes\): certificate JXGE-DEMO-0002 is suspended`, s)
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

// TestValidUntilAgreesWithAdapters: the end of validity that a verified
// code shows (Claims.ValidUntil) is the date that every partner adapter
// writes after 有效期至 for the same certificate when its validity ends at a
// China-time midnight, whatever the zone of its Expires. When it ends
// during a day, the code ends at the midnight before (it never outlives
// the certificate), so it shows the day before the adapters' date.
func TestValidUntilAgreesWithAdapters(t *testing.T) {
	key := ed25519.NewKeyFromSeed([]byte("jxgreen markcheck test key, 32B!"))
	v, err := mark.NewVerifier(key.Public().(ed25519.PublicKey))
	require.NoError(t, err)
	var flat []*recognition.FlatAdapter
	for _, a := range recognition.Adapters() {
		if f, ok := a.(*recognition.FlatAdapter); ok {
			flat = append(flat, f)
		}
	}
	require.NotEmpty(t, flat)
	for _, tc := range []struct {
		expires  time.Time
		want     string // the code's 有效期至
		adapters string // the certificate's 有效期至 (certification.LastValidDay)
	}{
		{day(2029, 3, 1), "2029-02-28", "2029-02-28"},                                  // midnight China time
		{time.Date(2029, 2, 28, 16, 0, 0, 0, time.UTC), "2029-02-28", "2029-02-28"},    // the same instant, written in UTC
		{time.Date(2029, 3, 1, 0, 0, 0, 0, time.UTC), "2029-02-28", "2029-03-01"},      // 08:00 China time: 1 March valid till 08:00
		{day(2029, 3, 1).Add(time.Second), "2029-02-28", "2029-03-01"},                 // one second into 1 March
		{time.Date(2028, 12, 31, 23, 59, 59, 0, time.UTC), "2028-12-31", "2029-01-01"}, // 07:59:59 China time on 1 January
	} {
		c := certification.Certificate{ // synthetic
			Number: "JXGE-TEST-0099", Scheme: brand.JiangxiGreen,
			Holder:  certification.Holder{Name: "合成样例果业有限公司", Code: "91360100MA3000001E"},
			Product: "金溪蜜梨", Standards: []standard.Number{standard.MustParse("T/JGE 0039-2023")},
			Body: certification.Body{Name: "合成样例认证机构"}, Mode: certification.Type5,
			Issued: day(2026, 3, 1), Expires: tc.expires,
		}
		signer, err := mark.NewSigner(key)
		require.NoError(t, err)
		code, err := signer.WithClock(func() time.Time { return day(2026, 6, 1) }).Sign(c)
		require.NoError(t, err)
		claims, err := v.Verify(code, day(2026, 6, 1))
		require.NoError(t, err)
		got := claims.ValidUntil().Format(time.DateOnly)
		assert.Equal(t, tc.want, got, tc.expires)
		assert.Equal(t, tc.adapters, certification.LastValidDay(c.Expires).Format(time.DateOnly), tc.expires)
		assert.False(t, claims.Expires.After(c.Expires), "the code outlives the certificate: %v", tc.expires)

		rec := recognition.Record{Scheme: brand.JiangxiGreen, Number: c.Number, Holder: c.Holder, Product: c.Product,
			Standards: c.Standards, Body: c.Body, Mode: c.Mode, Issued: c.Issued, Expires: c.Expires, Status: certification.Valid}
		for _, a := range flat {
			rec := rec
			f := a.Format()
			if f.Mode == "" {
				rec.Mode = 0 // the scheme records no certification mode
			}
			b, err := a.Encode(rec)
			require.NoError(t, err, a.Brand().ID)
			var native map[string]any
			require.NoError(t, json.Unmarshal(b, &native))
			// The adapters write whole days of validity, as the code does
			// (review of issue 11): a list read through the end of the day
			// never outlives the certificate.
			assert.Equal(t, tc.want, native[f.Expires], "%s %s", a.Brand().ID, f.Expires)
		}
	}
}

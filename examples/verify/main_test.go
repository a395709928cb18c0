package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// started runs the example on a free loopback port and returns what it
// printed up to "Press Ctrl+C" and a function that stops it and returns
// its exit status.
func started(t *testing.T, args ...string) (lines []string, stop func() int) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	var stderr strings.Builder
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, append([]string{"-addr", "127.0.0.1:0", "-lang", "en"}, args...), pw, &stderr)
		pw.Close()
	}()
	sc := bufio.NewScanner(pr)
	for sc.Scan() {
		lines = append(lines, sc.Text())
		if strings.HasPrefix(sc.Text(), "Press Ctrl+C") {
			break
		}
	}
	go io.Copy(io.Discard, pr)
	require.NotEmpty(t, lines, stderr.String())
	return lines, func() int {
		cancel()
		select {
		case code := <-done:
			return code
		case <-time.After(10 * time.Second):
			t.Fatal("the server did not stop")
			return -1
		}
	}
}

var demoLine = regexp.MustCompile(`^\s+([a-z-]+)\s+(http://127\.0\.0\.1:\d+/v/(\S+))$`)

// TestGoRunPrintsDemoAddressesWithTheRightVerdicts is the "Done when"
// item: the example prints a demo page's address and one address per
// verdict (valid, suspended, revoked, forged and expired), and each page
// shows that verdict, as HTML and as JSON.
func TestGoRunPrintsDemoAddressesWithTheRightVerdicts(t *testing.T) {
	lines, stop := started(t)
	out := strings.Join(lines, "\n")
	assert.Contains(t, out, "every certificate is synthetic")
	assert.Regexp(t, `Demo page: http://127\.0\.0\.1:\d+/v/JXG2`, out)
	seen := map[string]bool{}
	for _, l := range lines {
		m := demoLine.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		verdict, url, code := m[1], m[2], m[3]
		seen[verdict] = true
		resp, err := http.Get(url + "?lang=en")
		require.NoError(t, err)
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		require.NoError(t, err)
		assert.Equal(t, http.StatusOK, resp.StatusCode, verdict)
		assert.Contains(t, string(body), `data-verdict="`+verdict+`"`, verdict)
		assert.Contains(t, string(body), "Demo server: every certificate is synthetic", verdict)
		assert.Equal(t, "nosniff", resp.Header.Get("X-Content-Type-Options"))

		resp, err = http.Get(strings.Replace(url, "/v/"+code, "/api/v/"+code, 1))
		require.NoError(t, err)
		var res struct {
			Verdict     string `json:"verdict"`
			Certificate *struct {
				Number, Holder, Body string
			} `json:"certificate"`
		}
		require.NoError(t, json.NewDecoder(resp.Body).Decode(&res))
		resp.Body.Close()
		assert.Equal(t, verdict, res.Verdict)
		if verdict == "forged" {
			assert.Nil(t, res.Certificate)
		} else {
			require.NotNil(t, res.Certificate, verdict)
			assert.True(t, strings.HasPrefix(res.Certificate.Number, "JXGE-DEMO-"), verdict)
			assert.Contains(t, res.Certificate.Holder, "合成样例", "the holder says it is synthetic")
			assert.NotEmpty(t, res.Certificate.Body)
		}
	}
	assert.Equal(t, map[string]bool{"valid": true, "suspended": true, "revoked": true, "expired": true, "forged": true}, seen)
	assert.Equal(t, 0, stop())
}

// TestSecondRunOnTheSameRegisterServesItAgain: with -db, a second start
// finds the certificates of the first, signs them with its own new key and
// gives the same verdicts.
func TestSecondRunOnTheSameRegisterServesItAgain(t *testing.T) {
	file := filepath.Join(t.TempDir(), "register.db")
	for range 2 {
		lines, stop := started(t, "-db", file)
		n := 0
		for _, l := range lines {
			if m := demoLine.FindStringSubmatch(l); m != nil {
				resp, err := http.Get(strings.Replace(m[2], "/v/", "/api/v/", 1))
				require.NoError(t, err)
				var res struct{ Verdict string }
				require.NoError(t, json.NewDecoder(resp.Body).Decode(&res))
				resp.Body.Close()
				assert.Equal(t, m[1], res.Verdict)
				n++
			}
		}
		assert.Equal(t, 5, n)
		assert.Equal(t, 0, stop())
	}
}

func TestBadUsage(t *testing.T) {
	var out, errb strings.Builder
	assert.Equal(t, 2, run(context.Background(), []string{"-nope"}, &out, &errb))
	assert.Equal(t, 2, run(context.Background(), []string{"-lang", "!!"}, &out, &errb))
	assert.Equal(t, 1, run(context.Background(), []string{"-addr", "256.0.0.1:99999"}, &out, &errb))
	assert.Equal(t, 1, run(context.Background(), []string{"-db", filepath.Join(t.TempDir(), "no", "dir.db")}, &out, &errb))
}

// TestServerHasLimits: the example's http.Server bounds header size and
// time.
func TestServerHasLimits(t *testing.T) {
	s := newServer(http.NotFoundHandler())
	assert.Positive(t, s.ReadHeaderTimeout)
	assert.Positive(t, s.ReadTimeout)
	assert.Positive(t, s.WriteTimeout)
	assert.Positive(t, s.IdleTimeout)
	assert.Equal(t, 8<<10, s.MaxHeaderBytes)
}

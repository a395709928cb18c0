package verifyweb

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLoadOnLoopback is the bounded load test: 20,000 requests (2,000
// with -short) from 50 client goroutines, each its own rate-limit client,
// against a server on the loopback address; every answer must be the right
// verdict, and the test reports throughput and p99 latency.
func TestLoadOnLoopback(t *testing.T) {
	f := newFixture(t)
	total, clients := 20_000, 50
	if testing.Short() {
		total = 2_000
	}
	// Each goroutine is its own client with a bucket big enough for its
	// share, so the rate limit is on the path but refuses nothing.
	h := f.handler(t, WithRateLimit(1, total/clients+1),
		WithClientKey(func(r *http.Request) string { return r.Header.Get("X-Load-Client") }))
	srv := httptest.NewServer(h)
	defer srv.Close()
	tr := &http.Transport{MaxIdleConnsPerHost: clients, MaxConnsPerHost: clients}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 10 * time.Second}

	mix := []struct {
		path, want string
	}{
		{"/v/" + f.codes[VerdictValid], `data-verdict="valid"`},
		{"/v/" + f.codes[VerdictRevoked] + "?lang=en", `data-verdict="revoked"`},
		{"/api/v/" + f.codes[VerdictSuspended], `"verdict":"suspended"`},
		{"/v/" + f.codes[VerdictForged], `data-verdict="forged"`},
		{"/api/v/" + f.codes[VerdictMalformed], `"verdict":"malformed"`},
	}
	latencies := make([][]time.Duration, clients)
	var failures atomic.Int64
	var firstErr sync.Once
	var errText string
	per := total / clients
	start := time.Now()
	var wg sync.WaitGroup
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lat := make([]time.Duration, 0, per)
			for i := range per {
				m := mix[(c+i)%len(mix)]
				req, _ := http.NewRequest(http.MethodGet, srv.URL+m.path, nil)
				req.Header.Set("X-Load-Client", fmt.Sprint(c))
				t0 := time.Now()
				resp, err := client.Do(req)
				var body []byte
				if err == nil {
					body, err = io.ReadAll(resp.Body)
					resp.Body.Close()
				}
				lat = append(lat, time.Since(t0))
				if err != nil || resp.StatusCode != http.StatusOK || !strings.Contains(string(body), m.want) {
					failures.Add(1)
					firstErr.Do(func() { errText = fmt.Sprintf("%s: %v %v %.200s", m.path, err, resp, body) })
				}
			}
			latencies[c] = lat
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	all := slices.Concat(latencies...)
	slices.Sort(all)
	require.Len(t, all, per*clients)
	assert.Zero(t, failures.Load(), errText)
	p := func(q float64) time.Duration { return all[int(q*float64(len(all)-1))] }
	t.Logf("%d requests from %d clients in %v: %.0f requests/s; latency p50 %v, p99 %v, max %v",
		len(all), clients, elapsed.Round(time.Millisecond), float64(len(all))/elapsed.Seconds(),
		p(0.50).Round(time.Microsecond), p(0.99).Round(time.Microsecond), all[len(all)-1].Round(time.Microsecond))
}

func BenchmarkCheck(b *testing.B) {
	f := newFixture(b)
	h := f.handler(b)
	code := f.codes[VerdictValid]
	b.ReportAllocs()
	for b.Loop() {
		if h.Check(code).Verdict != VerdictValid {
			b.Fatal("not valid")
		}
	}
}

func BenchmarkPage(b *testing.B) {
	f := newFixture(b)
	h := f.handler(b, WithRateLimit(0, 0))
	req := httptest.NewRequest(http.MethodGet, "/v/"+f.codes[VerdictValid], nil)
	b.ReportAllocs()
	for b.Loop() {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != http.StatusOK {
			b.Fatal(w.Code)
		}
	}
}

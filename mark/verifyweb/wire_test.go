package verifyweb

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestHostileRequestsOverTheWire sends hostile request lines as raw bytes
// to a real server on the loopback address (the parsing of net/http, not
// of httptest.NewRequest): none is written back, and none is valid.
func TestHostileRequestsOverTheWire(t *testing.T) {
	t.Parallel()
	srv := httptest.NewUnstartedServer(newFixture(t).handler(t))
	srv.Config.MaxHeaderBytes = 8 << 10
	srv.Config.ReadHeaderTimeout = 5 * time.Second
	srv.Start()
	defer srv.Close()
	for name, target := range map[string]string{
		"script":        "/v/<script>alert(1)</script>",
		"escaped":       "/v/%3Cscript%3Ealert(1)%3C/script%3E",
		"invalid utf-8": "/v/\xff\xfe<b>alert",
		"nul escaped":   "/v/JXG2%00alert",
		"traversal":     "/v/../../etc/passwd",
		"absolute form": "http://evil.example/v/alert",
		"100 KB":        "/v/JXG2" + strings.Repeat("A", 100<<10) + "alert",
		"lang":          "/v/JXG2x?lang=<script>alert",
	} {
		conn, err := net.Dial("tcp", srv.Listener.Addr().String())
		require.NoError(t, err)
		conn.SetDeadline(time.Now().Add(10 * time.Second))
		_, err = io.WriteString(conn, "GET "+target+" HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Language: <script>alert</script>\r\nConnection: close\r\n\r\n")
		require.NoError(t, err, name)
		resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
		require.NoError(t, err, name)
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		conn.Close()
		assert.NotContains(t, string(body), "alert", name)
		assert.NotContains(t, string(body), "passwd", name)
		assert.NotContains(t, string(body), `"valid":true`, name)
		assert.NotContains(t, string(body), `data-verdict="valid"`, name)
		assert.Empty(t, resp.Header.Get("Location"), name)
		if resp.StatusCode == http.StatusOK {
			assert.Contains(t, string(body), `data-verdict="malformed"`, name)
		} else {
			assert.Contains(t, []int{http.StatusNotFound, http.StatusBadRequest, http.StatusRequestHeaderFieldsTooLarge}, resp.StatusCode, name)
		}
		t.Logf("%s: %d", name, resp.StatusCode)
	}
}

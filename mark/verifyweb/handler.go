// Package verifyweb serves the page that the QR code on a 江西绿色生态 label
// opens: the verdict on a signed verification code (package mark) for a
// person holding a phone, in Chinese or English, the same verdict as JSON
// for machines, the brand's current status list, and a health check.
//
// [NewHandler] returns an [http.Handler] over a [mark.Verifier] and a
// [certification.Lookup] (the register). Its routes:
//
//	GET /v/{code}       the page a scanned label opens (HTML, no JavaScript)
//	GET /api/v/{code}   the same verdict as JSON (a [Result])
//	GET /status/1       the current status list, when one is configured
//	GET /healthz        "ok", or 503 when the clock is unset or, without a
//	                    register, the status list is out of its window
//
// The page's language is chosen by ?lang= (zh, zh-Hans, en, …), then the
// Accept-Language header; Chinese (zh-Hans) when neither names Chinese or
// English.
//
// It is safe by default: nothing from the request is written back, not even
// escaped: the answers hold only the handler's own texts, the register's
// data and what a code signed by a trusted key states, through
// html/template or encoding/json; every response carries a
// strict Content-Security-Policy (no script at all, one inline style allowed
// by its hash, no framing), nosniff and no-referrer; a request with a body,
// an address longer than a few KB or a method other than GET or HEAD is
// refused; each request has a time limit; the checks in progress are
// bounded ([WithMaxChecks]), so a stalled register cannot gather
// goroutines; and every client (by IP address, IPv6 by /64) has a token
// bucket, with a bounded number of buckets kept. The status list and the
// JSON verdict, public and free of secrets, may be read from any origin
// (Access-Control-Allow-Origin: *); the page may not be framed or
// embedded.
// The server around it should set its own limits too (ReadHeaderTimeout,
// ReadTimeout, WriteTimeout, IdleTimeout, MaxHeaderBytes); examples/verify
// shows a setting.
package verifyweb

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math"
	"net"
	"net/http"
	"net/netip"
	"path"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/mark"
)

// Limits of a request.
const (
	// MaxURI is the longest request target (path and query) served;
	// longer ones get 414. A verification address is about 160 bytes.
	MaxURI = 2048
	// maxCode is the longest code looked at; a real one is at most
	// mark.MaxCodeLen.
	maxCode = 4 * mark.MaxCodeLen
	// maxBody is the most body bytes a request may carry: none is read.
	maxBody = 0
	// maxLangHeader is the longest Accept-Language header read.
	maxLangHeader = 256
)

// Sentinel errors of NewHandler.
var (
	// ErrNoVerifier: NewHandler was given no verifier, or one without a
	// current key.
	ErrNoVerifier = i18n.NewSentinel("verifyweb.ErrNoVerifier", "验证页面需要一个验证器", "the verification page needs a verifier")
	// ErrOption: an option of NewHandler is out of range. A
	// [*OptionError] says which.
	ErrOption = i18n.NewSentinel("verifyweb.ErrOption", "验证页面的设置无效", "invalid setting of the verification page")
)

// OptionError names the option that [NewHandler] refuses. It wraps
// [ErrOption].
type OptionError struct {
	// Option is the option's name, for example "WithRateLimit".
	Option string
}

// Error returns the English message.
func (e *OptionError) Error() string { return "verifyweb: " + e.Localize(i18n.English()) }

// Unwrap returns [ErrOption].
func (e *OptionError) Unwrap() error { return ErrOption }

// Localize describes the error in the language that best matches tag.
func (e *OptionError) Localize(tag language.Tag) string {
	return i18n.Sprintf(tag, "verifyweb.OptionError", e.Option)
}

func init() {
	i18n.Set("verifyweb.OptionError", "验证页面的设置 %s 超出范围", "the setting %s of the verification page is out of range")
}

// StatusList returns the current status list as published: its bytes and
// their media type (for a W3C Bitstring Status List credential secured as
// a JWT, "application/vc+jwt"; as JSON, "application/vc+ld+json"). It is
// called for each request of /status/1, so it should return a list it
// keeps, not build one.
type StatusList func(ctx context.Context) (body []byte, contentType string, err error)

// Option sets up a [Handler].
type Option func(*config)

type config struct {
	now          func() time.Time
	statusList   StatusList
	statusMaxAge time.Duration
	rate         float64
	burst        int
	maxClients   int
	clientKey    func(*http.Request) string
	timeout      time.Duration
	maxChecks    int
	notice       Messages
	bad          string
}

// WithClock sets the clock at which codes are judged; time.Now by default.
func WithClock(now func() time.Time) Option {
	return func(c *config) {
		if now == nil {
			c.bad = "WithClock"
			return
		}
		c.now = now
	}
}

// WithStatusList serves list at GET /status/1, with Cache-Control max-age
// set to maxAge (0 for no-cache) and an ETag, so that caches keep it.
func WithStatusList(list StatusList, maxAge time.Duration) Option {
	return func(c *config) {
		if list == nil || maxAge < 0 {
			c.bad = "WithStatusList"
			return
		}
		c.statusList, c.statusMaxAge = list, maxAge
	}
}

// WithRateLimit gives each client a token bucket of burst requests that
// refills at perSecond requests a second; a client over it gets 429 Too
// Many Requests with Retry-After. The default is 5 a second with a burst of
// 20 (a person scans a few labels a minute; a shop inspector a few a
// second). perSecond 0 turns the limit off, for a handler behind a proxy
// that limits already.
func WithRateLimit(perSecond float64, burst int) Option {
	return func(c *config) {
		if perSecond < 0 || math.IsNaN(perSecond) || math.IsInf(perSecond, 0) || (perSecond > 0 && burst < 1) {
			c.bad = "WithRateLimit"
			return
		}
		c.rate, c.burst = perSecond, burst
	}
}

// WithMaxClients bounds the number of clients whose buckets are kept
// (10,000 by default); past it the least recently seen client is
// forgotten, so that many addresses cannot exhaust memory.
func WithMaxClients(n int) Option {
	return func(c *config) {
		if n < 1 {
			c.bad = "WithMaxClients"
			return
		}
		c.maxClients = n
	}
}

// WithClientKey sets how requests are grouped into clients for the rate
// limit. The default is the address of the connection's peer (IPv6 by its
// /64 network); behind a reverse proxy, pass a function that reads the
// address the proxy vouches for.
func WithClientKey(key func(*http.Request) string) Option {
	return func(c *config) {
		if key == nil {
			c.bad = "WithClientKey"
			return
		}
		c.clientKey = key
	}
}

// WithTimeout bounds the time a request may take (5 s by default); past
// it the client gets 503 Service Unavailable.
func WithTimeout(d time.Duration) Option {
	return func(c *config) {
		if d <= 0 {
			c.bad = "WithTimeout"
			return
		}
		c.timeout = d
	}
}

// WithMaxChecks bounds the number of checks in progress at once (64 by
// default); a request past it gets 503 Service Unavailable at once, with
// Retry-After. A request that times out is answered, but its check goes
// on until the register answers (a plain [certification.Lookup] takes no
// context): without the bound, a register that stalls would gather one
// blocked goroutine, and for a SQL register one connection, per scan.
func WithMaxChecks(n int) Option {
	return func(c *config) {
		if n < 1 {
			c.bad = "WithMaxChecks"
			return
		}
		c.maxChecks = n
	}
}

// WithNotice shows a notice on every page, in Chinese and English: for a
// demonstration server, that its certificates are synthetic.
func WithNotice(zh, en string) Option {
	return func(c *config) {
		if (zh == "") != (en == "") {
			c.bad = "WithNotice"
			return
		}
		c.notice = Messages{Chinese: zh, English: en}
	}
}

// Handler serves the verification page, its JSON twin, the status list and
// a health check. It is safe for concurrent use.
type Handler struct {
	// verifier is what checks codes: base with the register, and with
	// the status list that SetStatusList last gave.
	verifier atomic.Pointer[mark.Verifier]
	mu       sync.Mutex // guards base
	base     *mark.Verifier
	lookup   certification.Lookup
	now      func() time.Time
	cfg      config
	limiter  *limiter
	checks   chan struct{} // one token a check in progress
	serve    http.Handler
}

// NewHandler returns a handler that judges codes with v and, when l is not
// nil, asks l for the certificate's status and details: the handler
// verifies with v.WithLookup(l), so the register's word comes first. With a
// nil l, the verifier is used as it is (offline, or with its status list),
// and a genuine code whose status nobody checked gets [VerdictUnchecked].
// It refuses, with [ErrNoVerifier], a nil verifier and one without a
// current key (such as new(mark.Verifier)), which would call every code
// forged.
func NewHandler(v *mark.Verifier, l certification.Lookup, opts ...Option) (*Handler, error) {
	if v == nil || len(v.KeyIDs()) == 0 {
		return nil, ErrNoVerifier
	}
	cfg := config{now: time.Now, rate: 5, burst: 20, maxClients: 10000, clientKey: ClientIP, timeout: 5 * time.Second, maxChecks: 64}
	for _, o := range opts {
		if o == nil {
			return nil, &OptionError{Option: "nil"}
		}
		o(&cfg)
		if cfg.bad != "" {
			return nil, &OptionError{Option: cfg.bad}
		}
	}
	h := &Handler{base: v, lookup: l, now: cfg.now, cfg: cfg, checks: make(chan struct{}, cfg.maxChecks)}
	h.use(v)
	if cfg.rate > 0 {
		h.limiter = newLimiter(cfg.rate, cfg.burst, cfg.maxClients)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/v/{code}", h.limited(h.bounded(h.page)))
	mux.HandleFunc("/api/v/{code}", h.limited(h.bounded(h.json)))
	mux.HandleFunc("/status/1", h.limited(h.status))
	mux.HandleFunc("/healthz", h.healthz)
	mux.HandleFunc("/", h.notFound)
	timeoutText := i18n.Sprintf(i18n.Chinese(), "verifyweb.http.timeout") + "\n" + i18n.Sprintf(i18n.English(), "verifyweb.http.timeout") + "\n"
	h.serve = http.TimeoutHandler(mux, cfg.timeout, timeoutText)
	return h, nil
}

// use makes v, with the register if there is one, the verifier of the
// checks.
func (h *Handler) use(v *mark.Verifier) {
	if h.lookup != nil {
		v = v.WithLookup(h.lookup)
	}
	h.verifier.Store(v)
}

// SetStatusList replaces the status list that version 3 codes are checked
// against with published, a newer list as [statuslist.List.Sign] wrote it
// (for example rebuilt every hour, before the current one's validUntil),
// for the checks that start after it returns. published must be signed by
// one of the verifier's current keys; otherwise, or when it is not yet or
// no longer valid at the handler's clock, SetStatusList fails with the
// error of [mark.Verifier.WithStatusList] or [statuslist.List.StatusAt]
// and the handler keeps the list it has. It is safe to call while the
// handler serves.
func (h *Handler) SetStatusList(published []byte) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	v, err := h.base.WithStatusList(published)
	if err != nil {
		return err
	}
	if _, err := v.StatusList().StatusAt(0, h.now()); err != nil {
		return err
	}
	h.base = v
	h.use(v)
	return nil
}

// securityHeaders are set on every response.
var securityHeaders = map[string]string{
	"Content-Security-Policy":      "default-src 'none'; style-src '" + styleHash + "'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
	"X-Content-Type-Options":       "nosniff",
	"Referrer-Policy":              "no-referrer",
	"X-Frame-Options":              "DENY",
	"Cross-Origin-Opener-Policy":   "same-origin",
	"Cross-Origin-Resource-Policy": "same-origin",
	"Permissions-Policy":           "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}

// ServeHTTP serves a request.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hdr := w.Header()
	for k, v := range securityHeaders {
		hdr.Set(k, v)
	}
	if r.TLS != nil {
		hdr.Set("Strict-Transport-Security", "max-age=31536000")
	}
	if p := r.URL.Path; p == "/status/1" || strings.HasPrefix(p, "/api/v/") {
		// Public, signed or secret-free answers that verifiers on any
		// origin (a partner's, a buyer's web wallet) must be able to
		// read; no credentials are involved, so "*" is safe. The HTML
		// page keeps same-origin.
		hdr.Set("Access-Control-Allow-Origin", "*")
		hdr.Set("Access-Control-Expose-Headers", "ETag, Retry-After")
		hdr.Set("Cross-Origin-Resource-Policy", "cross-origin")
	}
	if len(r.URL.EscapedPath())+len(r.URL.RawQuery) > MaxURI || len(r.RequestURI) > MaxURI {
		plain(w, http.StatusRequestURITooLong, "verifyweb.http.uri-too-long")
		return
	}
	if r.ContentLength > maxBody || r.ContentLength < 0 && len(r.TransferEncoding) > 0 {
		hdr.Set("Connection", "close")
		plain(w, http.StatusRequestEntityTooLarge, "verifyweb.http.too-large")
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		hdr.Set("Allow", "GET, HEAD")
		plain(w, http.StatusMethodNotAllowed, "verifyweb.http.method")
		return
	}
	// ServeMux would redirect an unclean path (dot segments, double or
	// trailing slashes) to its clean form, writing the request's path
	// back in Location and in the body; no verification address has one.
	if p := r.URL.Path; p == "" || p[0] != '/' || path.Clean(p) != p {
		h.notFound(w, r)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxBody)
	h.serve.ServeHTTP(w, r)
}

// plain writes a short message for a person in both languages.
func plain(w http.ResponseWriter, status int, key string, args ...any) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	fmt.Fprintf(w, "%s\n%s\n", i18n.Sprintf(i18n.Chinese(), key, args...), i18n.Sprintf(i18n.English(), key, args...))
}

// limited applies the rate limit to next.
func (h *Handler) limited(next http.HandlerFunc) http.HandlerFunc {
	if h.limiter == nil {
		return next
	}
	return func(w http.ResponseWriter, r *http.Request) {
		ok, wait := h.limiter.allow(h.cfg.clientKey(r), time.Now())
		if !ok {
			secs := int(math.Ceil(wait.Seconds()))
			if secs < 1 {
				secs = 1
			}
			w.Header().Set("Retry-After", strconv.Itoa(secs))
			plain(w, http.StatusTooManyRequests, "verifyweb.http.rate", secs)
			return
		}
		next(w, r)
	}
}

// bounded runs next only while fewer than the handler's maximum of checks
// are in progress, and answers 503 at once otherwise. The token is held
// until next returns, not until the request is answered: a check that
// outlives its request's timeout still counts.
func (h *Handler) bounded(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		select {
		case h.checks <- struct{}{}:
			defer func() { <-h.checks }()
		default:
			w.Header().Set("Retry-After", "1")
			plain(w, http.StatusServiceUnavailable, "verifyweb.http.busy")
			return
		}
		next(w, r)
	}
}

// ClientIP is the default client key of the rate limit: the IP address of
// the connection's peer, an IPv6 address reduced to its /64 network (one
// host commonly holds a whole /64).
func ClientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	a, err := netip.ParseAddr(host)
	if err != nil {
		return host
	}
	a = a.Unmap()
	if a.Is6() {
		p, _ := a.Prefix(64)
		return p.String()
	}
	return a.String()
}

var (
	supported   = []language.Tag{language.SimplifiedChinese, language.English}
	langMatcher = language.NewMatcher(supported)
)

// Language returns the language a page is written in for r: the one ?lang=
// names, else the best match of Accept-Language, else Chinese.
func Language(r *http.Request) language.Tag {
	if q := r.URL.Query().Get("lang"); q != "" && len(q) <= 35 {
		if t, err := language.Parse(q); err == nil {
			if _, i, conf := langMatcher.Match(t); conf != language.No {
				return supported[i]
			}
		}
	}
	if al := r.Header.Get("Accept-Language"); al != "" && len(al) <= maxLangHeader {
		if tags, _, err := language.ParseAcceptLanguage(al); err == nil && len(tags) > 0 {
			if _, i, conf := langMatcher.Match(tags...); conf != language.No {
				return supported[i]
			}
		}
	}
	return language.SimplifiedChinese
}

func (h *Handler) page(w http.ResponseWriter, r *http.Request) {
	res := h.CheckContext(r.Context(), r.PathValue("code"))
	tag := Language(r)
	body, err := render(res, tag, h.cfg.notice)
	if err != nil {
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
		return
	}
	hdr := w.Header()
	hdr.Set("Content-Type", "text/html; charset=utf-8")
	hdr.Set("Content-Language", tagName(tag))
	hdr.Set("Cache-Control", "no-store")
	hdr.Set("Vary", "Accept-Language")
	w.WriteHeader(statusOf(res))
	w.Write(body)
}

func (h *Handler) json(w http.ResponseWriter, r *http.Request) {
	res := h.CheckContext(r.Context(), r.PathValue("code"))
	b, err := json.Marshal(res)
	if err != nil {
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
		return
	}
	hdr := w.Header()
	hdr.Set("Content-Type", "application/json; charset=utf-8")
	hdr.Set("Cache-Control", "no-store")
	w.WriteHeader(statusOf(res))
	w.Write(append(b, '\n'))
}

// statusOf is the HTTP status of an answer: 200 for every verdict (the
// check was made; the verdict is the answer), 503 when it could not be.
func statusOf(r Result) int {
	if r.Verdict == VerdictError {
		return http.StatusServiceUnavailable
	}
	return http.StatusOK
}

func (h *Handler) status(w http.ResponseWriter, r *http.Request) {
	if h.cfg.statusList == nil {
		plain(w, http.StatusNotFound, "verifyweb.http.no-status-list")
		return
	}
	body, ctype, err := h.cfg.statusList(r.Context())
	if err != nil || len(body) == 0 {
		w.Header().Set("Retry-After", "30")
		plain(w, http.StatusServiceUnavailable, "verifyweb.http.status-list-down")
		return
	}
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	sum := sha256.Sum256(body)
	etag := `"` + base64.RawURLEncoding.EncodeToString(sum[:16]) + `"`
	hdr := w.Header()
	hdr.Set("ETag", etag)
	if h.cfg.statusMaxAge > 0 {
		hdr.Set("Cache-Control", "public, max-age="+strconv.Itoa(int(h.cfg.statusMaxAge/time.Second)))
	} else {
		hdr.Set("Cache-Control", "no-cache")
	}
	if match(r.Header.Get("If-None-Match"), etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	hdr.Set("Content-Type", ctype)
	hdr.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	w.Write(body)
}

// match reports whether an If-None-Match header names etag.
func match(header, etag string) bool {
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == etag || t == "*" {
			return true
		}
	}
	return false
}

func (h *Handler) healthz(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/healthz" {
		h.notFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	// What can make every check fail: the clock, and without a register
	// a status list out of its window (every version 3 scan then answers
	// 503; with a register, the register answers first).
	now := h.now()
	if now.IsZero() {
		w.WriteHeader(http.StatusServiceUnavailable)
		fmt.Fprintln(w, "clock")
		return
	}
	if l := h.verifier.Load().StatusList(); l != nil && h.lookup == nil {
		if _, err := l.StatusAt(0, now); err != nil {
			w.WriteHeader(http.StatusServiceUnavailable)
			fmt.Fprintln(w, "status list out of its window")
			return
		}
	}
	fmt.Fprintln(w, "ok")
}

func (h *Handler) notFound(w http.ResponseWriter, _ *http.Request) {
	plain(w, http.StatusNotFound, "verifyweb.http.not-found")
}

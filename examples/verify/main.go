// Command verify serves the 江西绿色生态 verification page (package
// mark/verifyweb): the page a label's QR code opens, its JSON twin and a
// health check, over a SQLite register (certification/sqlstore) of
// synthetic demonstration certificates and a demonstration key generated at
// start. Every certificate, holder and credit code in it is made up, and
// the page says so.
//
// It prints the address of a demo page and one address per verdict
// (valid, suspended, revoked, expired, forged), then serves until
// interrupted.
//
//	go run ./examples/verify                       # http://127.0.0.1:8080
//	go run ./examples/verify -addr 127.0.0.1:9000 -db demo.db -lang en
package main

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/certification/sqlstore"
	"github.com/jxgreen/jxgreen/mark"
	"github.com/jxgreen/jxgreen/mark/verifyweb"
	"github.com/jxgreen/jxgreen/standard"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

func init() {
	i18n.Table("verify.", [][3]string{
		{"title", "“江西绿色生态”验证页面演示：证书均为合成样例，签名密钥在启动时生成", "江西绿色生态 verification page demo: every certificate is synthetic; the signing key was generated at start"},
		{"page", "演示页面：%s", "Demo page: %s"},
		{"codes", "各种结论的演示地址：", "Demo addresses, one per verdict:"},
		{"json", "机器可读：将 /v/ 换成 /api/v/；健康检查：%s/healthz", "Machine-readable: /api/v/ instead of /v/; health check: %s/healthz"},
		{"stop", "按 Ctrl+C 停止", "Press Ctrl+C to stop"},
		{"notice", "演示服务器：证书均为合成样例", "Demo server: every certificate is synthetic"},
	})
}

// server settings: a verification request is one short GET.
func newServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      15 * time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    8 << 10,
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("verify", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "监听地址 / address to listen on")
	dbFile := fs.String("db", "", "证书登记的 SQLite 文件（默认临时文件） / SQLite file of the register (default: a temporary file)")
	lang := fs.String("lang", "zh", "输出语言：zh 或 en / language of what is printed: zh or en")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	tag, err := language.Parse(*lang)
	if err != nil {
		fmt.Fprintf(stderr, "verify: -lang 应为 zh 或 en，而不是 %[1]q / bad -lang %[1]q: zh or en\n", *lang)
		return 2
	}
	fail := func(err error) int {
		fmt.Fprintln(stderr, "verify:", i18n.Error(err, tag))
		return 1
	}
	d, err := setup(ctx, *dbFile, time.Now())
	if err != nil {
		return fail(err)
	}
	defer d.close()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fail(err)
	}
	base := "http://" + ln.Addr().String()
	say := func(key string, a ...any) { fmt.Fprintln(stdout, i18n.Sprintf(tag, key, a...)) }
	say("verify.title")
	say("verify.page", base+"/v/"+d.codes[0].code)
	say("verify.codes")
	for _, c := range d.codes {
		fmt.Fprintf(stdout, "  %-10s %s/v/%s\n", c.verdict, base, c.code)
	}
	say("verify.json", base)
	say("verify.stop")

	srv := newServer(d.handler)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fail(err)
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shut); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fail(err)
	}
	return 0
}

// demoCode is a demonstration code and the verdict its page gives.
type demoCode struct {
	verdict verifyweb.Verdict
	code    string
}

type demo struct {
	handler http.Handler
	codes   []demoCode
	close   func()
}

// day is midnight China time of t's day, moved by n days.
func day(t time.Time, n int) time.Time {
	y, m, d := t.In(brand.ChinaTime()).Date()
	return time.Date(y, m, d+n, 0, 0, 0, 0, brand.ChinaTime())
}

// setup opens the register in file (a temporary one when file is ""),
// stores the synthetic certificates when they are not there yet, generates
// a demonstration key, signs a code for each certificate and one with a
// stranger's key, and returns the handler judging codes at the clock.
func setup(ctx context.Context, file string, now time.Time) (*demo, error) {
	cleanup := func() {}
	if file == "" {
		dir, err := os.MkdirTemp("", "verify")
		if err != nil {
			return nil, err
		}
		file, cleanup = filepath.Join(dir, "register.db"), func() { os.RemoveAll(dir) }
	}
	store, err := sqlstore.OpenFile(ctx, file)
	if err != nil {
		cleanup()
		return nil, err
	}
	d := &demo{close: func() { store.Close(); cleanup() }}
	fail := func(err error) (*demo, error) { d.close(); return nil, err }

	_, key, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return fail(err)
	}
	_, stranger, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return fail(err)
	}
	// Synthetic holder, numbers and credit codes; the standards are the
	// catalogue's and the body a member of the brand's certification
	// alliance.
	holder := certification.Holder{Name: "合成样例茶业有限公司", Code: "91360100MA3000002H"}
	body := certification.Body{Name: "中国检验认证集团江西有限公司"}
	type spec struct {
		verdict verifyweb.Verdict
		number  string
		product string
		std     string
		decided time.Time
		change  func(*certification.Certificate) error
		forged  bool // signed with a stranger's key
	}
	specs := []spec{
		{verdict: verifyweb.VerdictValid, number: "JXGE-DEMO-VALID", product: "狗牯脑茶", std: "T/JGE 0041-2023", decided: day(now, -30)},
		{verdict: verifyweb.VerdictSuspended, number: "JXGE-DEMO-SUSPENDED", product: "资溪白茶", std: "T/JGE 0042-2023", decided: day(now, -60),
			change: func(c *certification.Certificate) error {
				return c.Suspend(day(now, -5), "演示：合成样例，监督抽样不合格")
			}},
		{verdict: verifyweb.VerdictRevoked, number: "JXGE-DEMO-REVOKED", product: "金溪蜜梨", std: "T/JGE 0039-2023", decided: day(now, -90),
			change: func(c *certification.Certificate) error {
				return c.Revoke(day(now, -3), "演示：合成样例，违规使用标志")
			}},
		{verdict: verifyweb.VerdictExpired, number: "JXGE-DEMO-EXPIRED", product: "井冈蜜橘", std: "T/JGE 0023-2022", decided: day(now, -4*366)},
		{verdict: verifyweb.VerdictForged, number: "JXGE-DEMO-VALID", forged: true},
	}
	rules := certification.GreenEcologyRules()
	for _, s := range specs {
		c, ok := store.Certificate(s.number)
		if !ok {
			c, err = rules.Issue(certification.Application{
				Number: s.number, Holder: holder, Product: s.product,
				Standards: []standard.Number{standard.MustParse(s.std)},
				Body:      body, Mode: certification.Type5, Decided: s.decided,
			})
			if err != nil {
				return fail(err)
			}
			if s.change != nil {
				if err := s.change(&c); err != nil {
					return fail(err)
				}
			}
			if err := store.AddContext(ctx, c); err != nil {
				return fail(err)
			}
		}
		k := key
		if s.forged {
			k = stranger
		}
		signer, err := mark.NewSigner(k)
		if err != nil {
			return fail(err)
		}
		// Each label was printed the day after its certificate was issued.
		code, err := signer.WithClock(func() time.Time { return day(c.Issued, 1) }).Sign(c)
		if err != nil {
			return fail(err)
		}
		d.codes = append(d.codes, demoCode{s.verdict, code})
	}
	verifier, err := mark.NewVerifier(key.Public().(ed25519.PublicKey))
	if err != nil {
		return fail(err)
	}
	d.handler, err = verifyweb.NewHandler(verifier, store,
		verifyweb.WithNotice(i18n.Sprintf(i18n.Chinese(), "verify.notice"), i18n.Sprintf(i18n.English(), "verify.notice")))
	if err != nil {
		return fail(err)
	}
	return d, nil
}

// Command certify walks a synthetic 江西绿色生态 certificate through its life:
// apply, issue, surveil, suspend, reinstate, correct a wrongly dated step,
// renew and expire, printing each step and its status. Every name and number
// in it is made up. Dates are China time; an end of validity is shown as the
// last valid day (有效期至), as certificates print it.
//
// The certificates are kept in a SQLite file (certification/sqlstore): the
// one named by -db, or a temporary one. A second run on the same file sees
// the certificates of the first and issues the next number.
//
//	go run ./examples/certify            # messages in Chinese
//	go run ./examples/certify -lang en
//	go run ./examples/certify -db certs.db
//
// -export SCHEME writes the certificates of the store instead, as NDJSON
// in the native format of a partner scheme (or of our own certificate list,
// jxgreen), each line the {"scheme": …, "record": …} envelope that the
// partner's tools and the recognize tool read; -at sets the date their
// status is taken at. Without -db the walk-through runs first, its
// narration on standard error, so that there is a certificate to export:
//
//	go run ./examples/certify -export zhejiang > for-zhejiang.ndjson
//	go run ./examples/certify -db certs.db -export jxgreen -at 2026-06-01
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/certification/sqlstore"
	"github.com/jxgreen/jxgreen/standard"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func day(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, brand.ChinaTime())
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("certify", flag.ContinueOnError)
	fs.SetOutput(stderr)
	// The help is read before -lang is: each line in both languages.
	lang := fs.String("lang", "zh", "消息语言：zh 或 en / language of the messages: zh or en")
	dbFile := fs.String("db", "", "保存证书的 SQLite 文件（默认临时文件） / SQLite file that keeps the certificates (default: a temporary file)")
	export := fs.String("export", "", "改为按该方案的格式（zhejiang、jxgreen……）以 NDJSON 输出存储中的证书 / write the store's certificates as NDJSON in this scheme's format (zhejiang, jxgreen, …) instead")
	at := fs.String("at", "", "与 -export 同用：证书状态的计算日期 YYYY-MM-DD（默认今天） / with -export: the date the certificates' status is taken at, YYYY-MM-DD (default today)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	tag, err := language.Parse(*lang)
	if err != nil {
		fmt.Fprintf(stderr, "certify: -lang 应为 zh 或 en，而不是 %[1]q / bad -lang %[1]q: zh or en\n", *lang)
		return 2
	}
	if *export != "" {
		return runExport(*export, *dbFile, *at, tag, *lang, stdout, stderr)
	}
	say := func(key string, a ...any) { fmt.Fprintln(stdout, i18n.Sprintf(tag, key, a...)) }
	rules := certification.GreenEcologyRules()
	reg, number, cleanup, err := openStore(*dbFile, tag, stdout)
	if err != nil {
		fmt.Fprintln(stderr, "certify:", i18n.Error(err, tag))
		return 1
	}
	defer cleanup()

	// 1. An application with mistakes: every one is reported.
	holder := certification.Holder{Name: "合成样例茶业有限公司", Code: "91360100MA3000002H"}
	app := certification.Application{
		Number:    number,
		Holder:    certification.Holder{Name: holder.Name, Code: "91360100MA3000002X"},
		Product:   "狗牯脑茶",
		Standards: []standard.Number{standard.MustParse("T/JGE 0041-2023")},
		Body:      certification.Body{Name: "江西省认证认可协会"},
		Mode:      certification.Type3,
		Decided:   day(2026, 3, 1),
	}
	if _, err := rules.Issue(app); err != nil {
		say("certify.refused")
		for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
			fmt.Fprintln(stdout, "  -", i18n.Error(e, tag))
		}
	}

	// 2. Corrected, it is issued.
	app.Holder, app.Body, app.Mode = holder, certification.Body{Name: "中国检验认证集团江西有限公司"}, certification.Type5
	c, err := rules.Issue(app)
	if err != nil {
		fmt.Fprintln(stderr, i18n.Error(err, tag))
		return 1
	}
	if err := reg.Add(c); err != nil {
		fmt.Fprintln(stderr, i18n.Error(err, tag))
		return 1
	}
	say("certify.issued", c.Number, c.Product, c.Mode.Localize(tag), date(c.Issued), validUntil(c.Expires))

	step := func(at time.Time, what string, fn func(*certification.Certificate) error) {
		err := reg.Update(c.Number, fn)
		cur, _ := reg.Certificate(c.Number)
		status := cur.StatusAt(at).Localize(tag)
		if err != nil {
			fmt.Fprintf(stdout, "%s  %-10s %s (%s)\n", date(at), what, status, i18n.Error(err, tag))
			return
		}
		fmt.Fprintf(stdout, "%s  %-10s %s\n", date(at), what, status)
	}
	due := rules.Due(c, day(2027, 3, 2))
	say("certify.due", date(due.Surveillance), due.SurveillanceOverdue)

	step(day(2027, 2, 20), "surveil", func(c *certification.Certificate) error {
		return c.Surveil(day(2027, 2, 20), false, "监督抽样不合格")
	})
	step(day(2027, 3, 1), "suspend", func(c *certification.Certificate) error { return c.Suspend(day(2027, 3, 1), "监督发现不符合") })
	step(day(2027, 3, 5), "renew", func(c *certification.Certificate) error { return c.Renew(day(2027, 3, 5), day(2032, 3, 1), "") })
	step(day(2027, 4, 10), "reinstate", func(c *certification.Certificate) error { return c.Reinstate(day(2027, 4, 10), "整改完成") })
	// A surveillance typed with the wrong month (12 for 02) would refuse
	// every step dated before it: it is retracted, then recorded again.
	step(day(2028, 12, 24), "surveil", func(c *certification.Certificate) error { return c.Surveil(day(2028, 12, 24), true, "") })
	step(day(2028, 2, 24), "surveil", func(c *certification.Certificate) error { return c.Surveil(day(2028, 2, 24), true, "") })
	step(day(2028, 2, 25), "retract", func(c *certification.Certificate) error {
		_, err := c.Retract(day(2028, 2, 25), "日期录入错误（应为 2028-02-24）")
		return err
	})
	step(day(2028, 2, 24), "surveil", func(c *certification.Certificate) error { return c.Surveil(day(2028, 2, 24), true, "") })

	step(day(2029, 1, 15), "renew", func(c *certification.Certificate) error {
		return c.Renew(day(2029, 1, 15), day(2032, 3, 1), "再认证")
	})
	cur, _ := reg.Certificate(c.Number)
	// The certificate expires at the start of the day after its last
	// valid day.
	fmt.Fprintf(stdout, "%s  %-10s %s\n", date(cur.Expires), "expire", cur.StatusAt(cur.Expires).Localize(tag))
	say("certify.final", validUntil(cur.Expires), cur.StatusAt(day(2030, 1, 1)).Localize(tag), len(cur.History), len(cur.Retracted))
	return 0
}

// date shows a time as a date in China time.
func date(t time.Time) string { return t.In(brand.ChinaTime()).Format(time.DateOnly) }

// validUntil shows an end of validity as the last valid day, the date
// certificates print after 有效期至.
func validUntil(expires time.Time) string {
	return certification.LastValidDay(expires).Format(time.DateOnly)
}

// openStore opens the SQLite store in file, or in a temporary file when
// file is "", says what it holds already, and returns the number of the
// next demo certificate.
func openStore(file string, tag language.Tag, stdout io.Writer) (*sqlstore.Store, string, func(), error) {
	ctx := context.Background()
	cleanup := func() {}
	if file == "" {
		dir, err := os.MkdirTemp("", "certify")
		if err != nil {
			return nil, "", nil, err
		}
		file, cleanup = filepath.Join(dir, "certificates.db"), func() { os.RemoveAll(dir) }
	}
	s, err := sqlstore.OpenFile(ctx, file)
	if err != nil {
		cleanup()
		return nil, "", nil, err
	}
	n, err := s.Len(ctx)
	if err != nil {
		s.Close()
		cleanup()
		return nil, "", nil, err
	}
	if n > 0 {
		var b []byte
		for i := 1; i <= n; i++ {
			if c, ok := s.Certificate(fmt.Sprintf("JXGE-DEMO-%04d", i)); ok {
				b = fmt.Appendf(b, " %s", c.Number)
			}
		}
		fmt.Fprintln(stdout, i18n.Sprintf(tag, "certify.stored", n, string(b)))
	}
	return s, fmt.Sprintf("JXGE-DEMO-%04d", n+1), func() { s.Close(); cleanup() }, nil
}

func init() {
	i18n.Set("certify.stored", "数据库中已有 %d 张证书：%s", "The database holds %d certificates already:%s")
	i18n.Set("certify.refused", "申请被拒绝：", "The application is refused:")
	i18n.Set("certify.issued", "颁发证书 %s（%s，%s），颁证日期 %s，有效期至 %s", "Issued certificate %s (%s, %s) on %s, valid until %s")
	i18n.Set("certify.due", "下次监督：%s（2027-03-02 是否逾期：%v）", "Next surveillance: %s (overdue on 2027-03-02: %v)")
	i18n.Set("certify.final", "换证后有效期至 %s；2030-01-01 状态：%s；共 %d 个事件，撤回 %d 个", "Renewed, valid until %s; status on 2030-01-01: %s; %d events, %d retracted")
}

// Command markcheck checks a few observed uses of the 江西绿色生态 marks
// against the mark rules, then signs a verification code for a label,
// verifies it, and shows a tampered code, a foreign key, an expired code
// and a suspended certificate refused, by the register and, offline, by
// the brand's published status list. Every certificate, company and key
// in it is synthetic.
//
//	go run ./examples/markcheck            # messages in Chinese
//	go run ./examples/markcheck -lang en
package main

import (
	"crypto/ed25519"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/mark"
	"github.com/jxgreen/jxgreen/mark/statuslist"
	"github.com/jxgreen/jxgreen/standard"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func day(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, brand.ChinaTime())
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("markcheck", flag.ContinueOnError)
	fs.SetOutput(stderr)
	lang := fs.String("lang", "zh", "输出语言：zh 或 en / language of the messages: zh or en")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	tag, err := language.Parse(*lang)
	if err != nil {
		fmt.Fprintf(stderr, "markcheck: -lang 应为 zh 或 en，而不是 %[1]q / bad -lang %[1]q: zh or en\n", *lang)
		return 2
	}

	holder := certification.Holder{Name: "合成样例果业有限公司", Code: "91360100MA3000001E"}
	c, err := certification.GreenEcologyRules().Issue(certification.Application{
		Number: "JXGE-DEMO-0002", Holder: holder, Product: "金溪蜜梨",
		Standards: []standard.Number{standard.MustParse("T/JGE 0039-2023")},
		Body:      certification.Body{Name: "方圆标志认证集团江西有限公司"},
		Mode:      certification.Type5, Decided: day(2026, 3, 1),
	})
	if err != nil {
		fmt.Fprintln(stderr, i18n.Error(err, tag))
		return 1
	}
	reg := certification.NewRegistry()
	_ = reg.Add(c)

	base := mark.Use{Kind: mark.CertificationMark, Certificate: c.Number, NumberShown: true, Holder: holder,
		Product: "金溪蜜梨", Medium: mark.Label, ScaleX: 1, ScaleY: 1, BrandText: "江西绿色生态", At: day(2026, 6, 1)}
	uses := []struct {
		key string
		u   mark.Use
	}{
		{"markcheck.use.good", base},
		{"markcheck.use.borrowed", with(base, func(u *mark.Use) {
			u.Holder = certification.Holder{Name: "另一家合成样例公司", Code: "91360100MA3000003L"}
			u.Product = "南丰蜜桔"
		})},
		{"markcheck.use.lookalike", with(base, func(u *mark.Use) { u.BrandText = "江西綠色生態"; u.ScaleX = 1.3; u.NumberShown = false })},
		{"markcheck.use.fake", with(base, func(u *mark.Use) { u.Certificate = "JXGE-FAKE-9999" })},
		{"markcheck.use.standard", mark.Use{Kind: mark.StandardMark, Standard: standard.MustParse("T/JGE 0039-2023"), Medium: mark.Packaging, At: day(2026, 6, 1)}},
	}
	for _, x := range uses {
		v := mark.Check(x.u, reg, time.Time{})
		fmt.Fprintf(stdout, "%s: %s\n", i18n.Sprintf(tag, x.key), verdict(v, tag))
		for _, viol := range v.Violations {
			fmt.Fprintf(stdout, "  - [%s] %s\n", viol.Code, viol.Message(tag))
		}
	}

	// A demonstration key pair, derived from a fixed seed; a real issuer
	// keeps its private key secret. The signer's clock is fixed so that the
	// tour prints the same on any day.
	key := ed25519.NewKeyFromSeed([]byte("jxgreen markcheck demo key, 32B!"))
	signer, err := mark.NewSigner(key)
	if err != nil {
		fmt.Fprintln(stderr, i18n.Error(err, tag))
		return 1
	}
	signer = signer.WithClock(func() time.Time { return day(2026, 3, 2) })
	code, err := signer.Sign(c)
	if err != nil {
		fmt.Fprintln(stderr, i18n.Error(err, tag))
		return 1
	}
	fmt.Fprintf(stdout, "\n%s (%d): %s\n", i18n.Sprintf(tag, "markcheck.code"), len(code), code)
	// A version 3 code also carries the certificate's place in the brand's
	// status list, which the index (kept by the brand) assigns.
	index := statuslist.NewIndex()
	code3, err := signer.WithStatusIndex(index).Sign(c)
	if err != nil {
		fmt.Fprintln(stderr, i18n.Error(err, tag))
		return 1
	}
	ver, err := mark.NewVerifier(key.Public().(ed25519.PublicKey))
	if err != nil {
		fmt.Fprintln(stderr, i18n.Error(err, tag))
		return 1
	}
	online := ver.WithLookup(reg)
	if cl, err := online.Verify(code, day(2026, 6, 1)); err == nil {
		// The end of validity is shown as certificates show it after
		// 有效期至: the last valid day, in China time.
		fmt.Fprintln(stdout, i18n.Sprintf(tag, "markcheck.genuine", cl.Certificate, cl.Holder, cl.Product, cl.ValidUntil().Format(time.DateOnly)))
	} else {
		fmt.Fprintln(stdout, i18n.Error(err, tag))
	}
	tampered := code[:30] + flip(code[30]) + code[31:]
	_, err = ver.Verify(tampered, day(2026, 6, 1))
	fmt.Fprintln(stdout, i18n.Sprintf(tag, "markcheck.tampered"), i18n.Error(err, tag))
	other := ed25519.NewKeyFromSeed([]byte("someone else's key, also a demo!"))
	otherSigner, err := mark.NewSigner(other)
	if err != nil {
		fmt.Fprintln(stderr, i18n.Error(err, tag))
		return 1
	}
	forged, _ := otherSigner.WithClock(func() time.Time { return day(2026, 3, 2) }).Sign(c)
	_, err = ver.Verify(forged, day(2026, 6, 1))
	fmt.Fprintln(stdout, i18n.Sprintf(tag, "markcheck.forged"), i18n.Error(err, tag))
	_, err = ver.Verify(code, day(2030, 1, 1))
	fmt.Fprintln(stdout, i18n.Sprintf(tag, "markcheck.expired"), i18n.Error(err, tag))

	// The body suspends the certificate: the offline check cannot know,
	// the check against the register refuses the label.
	if err := reg.Update(c.Number, func(c *certification.Certificate) error {
		return c.Suspend(day(2026, 7, 1), "合成样例：监督抽样不合格")
	}); err != nil {
		fmt.Fprintln(stderr, i18n.Error(err, tag))
		return 1
	}
	if cl, err := ver.Verify(code, day(2026, 8, 1)); err == nil && !cl.Checked {
		fmt.Fprintln(stdout, i18n.Sprintf(tag, "markcheck.offline"), i18n.Sprintf(tag, "markcheck.unchecked"))
	} else {
		fmt.Fprintln(stdout, i18n.Sprintf(tag, "markcheck.offline"), i18n.Error(err, tag))
	}
	_, err = online.Verify(code, day(2026, 8, 1))
	fmt.Fprintln(stdout, i18n.Sprintf(tag, "markcheck.online"), i18n.Error(err, tag))

	// The brand publishes its status list for the day (synthetic
	// addresses); a phone holding it refuses the version 3 code offline.
	list, err := statuslist.Build(reg, index, statuslist.Credential{
		ID: "https://status.example/jxgreen/demo", Issuer: "https://brand.example/jxgreen",
		ValidFrom: day(2026, 8, 1), ValidUntil: day(2026, 8, 2)})
	if err != nil {
		fmt.Fprintln(stderr, i18n.Error(err, tag))
		return 1
	}
	published, err := list.Sign(key)
	if err != nil {
		fmt.Fprintln(stderr, i18n.Error(err, tag))
		return 1
	}
	withList, err := ver.WithStatusList(published)
	if err != nil {
		fmt.Fprintln(stderr, i18n.Error(err, tag))
		return 1
	}
	_, err = withList.Verify(code3, day(2026, 8, 1).Add(10*time.Hour))
	fmt.Fprintln(stdout, i18n.Sprintf(tag, "markcheck.list", len(published)), i18n.Error(err, tag))
	return 0
}

func with(u mark.Use, f func(*mark.Use)) mark.Use { f(&u); return u }

func flip(b byte) string {
	if b == 'A' {
		return "B"
	}
	return "A"
}

func verdict(v mark.Verdict, tag language.Tag) string {
	if v.Allowed {
		return i18n.Sprintf(tag, "markcheck.allowed")
	}
	return i18n.Sprintf(tag, "markcheck.refused", len(v.Violations))
}

func init() {
	i18n.Table("", [][3]string{
		{"markcheck.use.good", "持证企业在标签上规范使用", "the holder, on its label, as the rules say"},
		{"markcheck.use.borrowed", "他人借用证书用于其他产品", "another company borrows the certificate for another product"},
		{"markcheck.use.lookalike", "繁体仿冒名称、拉伸变形、未标证书编号", "traditional look-alike name, stretched, no certificate number"},
		{"markcheck.use.fake", "编造的证书编号", "a made-up certificate number"},
		{"markcheck.use.standard", "标准标志用在产品包装上", "the standard mark on product packaging"},
		{"markcheck.allowed", "允许", "allowed"},
		{"markcheck.refused", "不允许（%d 项违规）", "not allowed (%d violations)"},
		{"markcheck.code", "标签验证码", "label verification code"},
		{"markcheck.genuine", "验证通过：证书 %s，持有人 %s，产品 %s，有效期至 %s", "genuine: certificate %s, holder %s, product %s, valid until %s"},
		{"markcheck.tampered", "篡改一个字符：", "one character altered:"},
		{"markcheck.forged", "他人密钥签发：", "signed with another key:"},
		{"markcheck.expired", "2030-01-01 验证：", "checked on 2030-01-01:"},
		{"markcheck.offline", "证书于 2026-07-01 暂停后，2026-08-01 离线验证：", "certificate suspended on 2026-07-01; checked offline on 2026-08-01:"},
		{"markcheck.unchecked", "通过，但只核对了签名和有效期，未查询证书状态", "accepted, but only the signature and the dates were checked, not the certificate's status"},
		{"markcheck.online", "2026-08-01 对照证书登记验证：", "checked against the register on 2026-08-01:"},
		{"markcheck.list", "2026-08-01 凭当天发布的证书状态列表（%d 字节）离线验证新版验证码：", "a version 3 code checked offline on 2026-08-01 with that day's status list (%d bytes):"},
	})
}

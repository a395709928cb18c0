package verifyweb

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"html/template"
	"time"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/i18n"
)

// style is the page's only style sheet, inline and allowed by its hash in
// the Content-Security-Policy, so that the page needs no second request.
// Sizes are for a phone first: large verdict words, a single column.
const style = `*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:#f3f5f2;color:#1d2a1f;font:18px/1.5 system-ui,-apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif}
main{max-width:36rem;margin:0 auto;padding:0 0 2rem}
.brand{background:#1f6b3a;color:#fff;padding:.9rem 1.1rem;font-size:1.05rem;font-weight:600;letter-spacing:.02em}
.notice{margin:1rem 1rem 0;padding:.6rem .9rem;border:1px dashed #8a7a2a;background:#fffbe6;color:#5a4a00;font-size:.9rem;border-radius:.5rem}
.verdict{margin:1rem;padding:1.4rem 1.2rem;border-radius:1rem;border:3px solid;text-align:center}
.verdict .icon{display:block;width:4.5rem;height:4.5rem;margin:0 auto .6rem;border-radius:50%;color:#fff;font-size:2.8rem;line-height:4.5rem;font-weight:700}
.verdict h1{margin:0 0 .5rem;font-size:2rem;line-height:1.25}
.verdict p{margin:0;font-size:1.05rem}
.verdict p::first-letter{text-transform:uppercase}
.ok{background:#e7f5eb;border-color:#1e8e3e;color:#0d4f1f}.ok .icon{background:#1e8e3e}
.warn{background:#fff3dc;border-color:#d98b00;color:#5c3b00}.warn .icon{background:#d98b00}
.bad{background:#fde9e7;border-color:#c5221f;color:#7a1210}.bad .icon{background:#c5221f}
.facts{margin:0 1rem;padding:.4rem 1.1rem;background:#fff;border-radius:1rem;box-shadow:0 1px 3px rgba(0,0,0,.08)}
.facts div{padding:.65rem 0;border-bottom:1px solid #e6ebe5}
.facts div:last-child{border-bottom:0}
.facts dt{font-size:.85rem;color:#5b6b5e}
.facts dd{margin:0;font-size:1.15rem;font-weight:600;overflow-wrap:anywhere}
footer{margin:1.2rem 1rem 0;font-size:.9rem;color:#5b6b5e}
footer p{margin:.3rem 0}
footer a{color:#1f6b3a}
.lang{display:inline-block;margin-top:.6rem;padding:.55rem 1.2rem;border:2px solid #1f6b3a;border-radius:2rem;text-decoration:none;font-weight:600;font-size:1rem}`

// styleHash is the CSP source that allows style.
var styleHash = func() string {
	sum := sha256.Sum256([]byte(style))
	return "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
}()

var pageTemplate = template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{{.Headline}} · {{.Title}}</title>
<style>{{.Style}}</style>
</head>
<body>
<main>
<header class="brand">{{.Brand}}</header>
{{if .Notice}}<p class="notice">{{.Notice}}</p>
{{end}}<section class="verdict {{.Tone}}" id="verdict" data-verdict="{{.Verdict}}" role="status">
<span class="icon" aria-hidden="true">{{.Icon}}</span>
<h1 id="headline">{{.Headline}}</h1>
<p id="message">{{.Message}}</p>
</section>
{{if .Fields}}<dl class="facts">
{{range .Fields}}<div><dt>{{.Label}}</dt><dd>{{.Value}}</dd></div>
{{end}}</dl>
{{end}}<footer>
<p>{{.CheckedLabel}}: {{.CheckedAt}}</p>
<a class="lang" href="?lang={{.OtherLang}}" hreflang="{{.OtherLang}}" lang="{{.OtherLang}}">{{.OtherName}}</a>
</footer>
</main>
</body>
</html>
`))

type field struct{ Label, Value string }

type pageData struct {
	Lang, Title, Brand, Notice string
	Style                      template.CSS
	Verdict, Tone, Icon        string
	Headline, Message          string
	Fields                     []field
	CheckedLabel, CheckedAt    string
	OtherLang, OtherName       string
}

var icons = map[string]string{"ok": "✓", "warn": "!", "bad": "✕"}

// tagName is the BCP 47 name the page uses for a supported language.
func tagName(tag language.Tag) string {
	if tag == language.SimplifiedChinese {
		return "zh-Hans"
	}
	return "en"
}

// render writes the page of res in the language tag.
func render(res Result, tag language.Tag, notice Messages) ([]byte, error) {
	zh := tag == language.SimplifiedChinese
	pick := func(m Messages) string {
		if zh {
			return m.Chinese
		}
		return m.English
	}
	say := func(key string) string { return i18n.Sprintf(tag, "verifyweb.page."+key) }
	d := pageData{
		Lang:         tagName(tag),
		Title:        say("title"),
		Brand:        say("brand"),
		Notice:       pick(notice),
		Style:        template.CSS(style),
		Verdict:      string(res.Verdict),
		Tone:         res.Verdict.Tone(),
		Icon:         icons[res.Verdict.Tone()],
		Headline:     pick(res.Headline),
		Message:      pick(res.Message),
		CheckedLabel: say("checked"),
		CheckedAt:    checkedAt(res.CheckedAt),
		OtherLang:    "en",
		OtherName:    say("other"),
	}
	if !zh {
		d.OtherLang = "zh-Hans"
	}
	if c := res.Certificate; c != nil {
		add := func(key, v string) {
			if v != "" {
				d.Fields = append(d.Fields, field{say(key), v})
			}
		}
		add("number", c.Number)
		if c.status != 0 {
			add("status", c.status.Localize(tag))
		}
		add("product", c.Product)
		add("holder", c.Holder)
		add("code", c.HolderCode)
		add("body", c.Body)
		add("until", c.ValidUntil)
	}
	var b bytes.Buffer
	if err := pageTemplate.Execute(&b, d); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// checkedAt shows an RFC 3339 time as a person reads it, in China time.
func checkedAt(s string) string {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return s
	}
	return t.In(brand.ChinaTime()).Format("2006-01-02 15:04")
}

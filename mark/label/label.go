package label

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"net"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	qr "github.com/piglig/go-qr"
	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/mark"
)

// Print sizes and limits.
const (
	// QuietZone is the light margin around a QR symbol, in modules: the 4
	// that ISO/IEC 18004 requires.
	QuietZone = 4
	// DefaultModuleMM is the side of one module on a printed label: 0.5 mm,
	// so that the symbol of a typical code (about 150 characters: version
	// 11, 61 modules, 69 with the quiet zone) is 34.5 mm wide and that of
	// the longest (version 13) 38.5 mm: large enough for a phone camera at
	// reading distance, and for a scuffed print to keep its edges.
	DefaultModuleMM = 0.5
	// MinModuleMM and MaxModuleMM bound [ModuleSize]. 0.25 mm is two dots
	// of a 203 dpi label printer, the fewest a module can be drawn with
	// (the package's tests decode symbols of that size rasterized at 203
	// dpi); above 2 mm the symbol outgrows any label.
	MinModuleMM = 0.25
	MaxModuleMM = 2
	// DefaultModulePixels is the side of one module in a PNG.
	DefaultModulePixels = 8
	// MaxModulePixels bounds [ModulePixels], and so the size of a PNG.
	MaxModulePixels = 32
	// MaxBaseURL is the longest verification base URL, in bytes: with
	// a code of [mark.MaxCodeLen] characters the address stays a QR symbol
	// of version 15 or less at level Q.
	MaxBaseURL = 60
	// MaxNumber, MaxProduct and MaxHolder are the longest certificate
	// number, product name and holder name a label prints, in characters:
	// longer text would not fit the label's two lines per field.
	MaxNumber  = 32
	MaxProduct = 36
	MaxHolder  = 40
)

// Sentinel errors of the package. Every error it returns wraps one of
// them and is an [*Error] that names the field.
var (
	// ErrBaseURL: the verification base URL cannot be printed in a QR
	// symbol: not an absolute https URL (http only for a loopback host),
	// or with user information, a query or a fragment, or not ending in
	// '/'.
	ErrBaseURL = i18n.NewSentinel("mark.label.ErrBaseURL", "验证网址无效", "invalid verification base URL")
	// ErrCode: the text is not a verification code that can be printed
	// (empty, longer than [mark.MaxCodeLen], or with a character outside
	// the code's alphabet, base64url).
	ErrCode = i18n.NewSentinel("mark.label.ErrCode", "不是可以打印的验证码", "not a verification code that can be printed")
	// ErrField: a field of a [Label] cannot be printed.
	ErrField = i18n.NewSentinel("mark.label.ErrField", "标签内容无法打印", "a label field cannot be printed")
	// ErrOption: a print size given to [NewPrinter] is out of range.
	ErrOption = i18n.NewSentinel("mark.label.ErrOption", "标签打印参数超出范围", "a print setting is out of range")
	// ErrMismatch: the text of a label differs from what its code states
	// ([Label.Check]).
	ErrMismatch = i18n.NewSentinel("mark.label.ErrMismatch", "标签文字与验证码所载内容不符", "the label's text differs from what its code states")
)

func init() {
	i18n.Table("mark.label.Error.", [][3]string{
		{"parse", "%s 不是可解析的网址", "the %s cannot be parsed as a URL"},
		{"scheme", "%s 必须以 https:// 开头（http:// 仅限本机地址）", "the %s must begin with https:// (http:// only for a loopback host)"},
		{"host", "%s 缺少主机名", "the %s has no host"},
		{"userinfo", "%s 不得包含用户名或密码", "the %s must not contain a user name or password"},
		{"query", "%s 不得包含查询参数（?）", "the %s must not contain a query (?)"},
		{"fragment", "%s 不得包含片段（#）", "the %s must not contain a fragment (#)"},
		{"slash", "%s 必须以“/”结尾，验证码接在其后", "the %s must end with '/', which the code follows"},
		{"chars", "%s 含有空格、控制字符或非 ASCII 字符", "the %s contains spaces, control or non-ASCII characters"},
		{"empty", "%s 为空", "the %s is empty"},
		{"long", "%s 超过 %d 个字符", "the %s is longer than %d characters"},
		{"alphabet", "%s 含有验证码字母表（base64url）以外的字符", "the %s contains characters outside the code alphabet (base64url)"},
		{"invalid-utf8", "%s 不是有效的 UTF-8 文本", "the %s is not valid UTF-8 text"},
		{"unprintable", "%s 含有不可打印的字符（控制字符、格式字符或私用区字符）", "the %s contains characters that cannot be printed (control, format or private-use)"},
		{"no-date", "缺少%s", "the %s is missing"},
		{"module-mm", "%s 应在 %.2f 至 %.2f 毫米之间", "the %s must be between %.2f and %.2f mm"},
		{"module-px", "%s 应在 1 至 %d 像素之间", "the %s must be between 1 and %d pixels"},
		{"mismatch", "标签上的%s与验证码所载不符：该标签不能打印", "the %s on the label differs from the code's: do not print this label"},
	})
	i18n.Table("mark.label.field.", [][3]string{
		{"base-url", "验证网址", "verification base URL"},
		{"code", "验证码", "verification code"},
		{"certificate", "证书编号", "certificate number"},
		{"product", "产品名称", "product name"},
		{"holder", "持证人名称", "holder's name"},
		{"valid-until", "有效期", "last valid day"},
		{"module-mm", "模块尺寸", "module size"},
		{"module-px", "模块像素数", "module pixel count"},
	})
	i18n.Table("mark.label.caption.", [][3]string{
		{"certificate", "证书编号", "Certificate No."},
		{"product", "产品", "Product"},
		{"holder", "持证人", "Certificate holder"},
		{"valid-until", "有效期至", "Valid until"},
		{"scan", "扫码验证真伪与证书状态", "Scan to verify the mark and the certificate"},
	})
}

// Error reports input that this package refuses: which field, why, and
// the sentinel it wraps ([ErrBaseURL], [ErrCode], [ErrField], [ErrOption],
// [ErrMismatch]). It renders itself in Chinese and English ([i18n.Error]).
// It never quotes the refused value, which may be long or hostile.
type Error struct {
	// Field is "base-url", "code", "certificate", "product", "holder",
	// "valid-until", "module-mm" or "module-px".
	Field string
	// Reason is a stable code: "parse", "scheme", "host" (none, or not a
	// DNS name or IP address), "userinfo",
	// "query", "fragment", "slash", "chars", "empty", "long", "alphabet",
	// "invalid-utf8", "unprintable", "no-date", "module-mm", "module-px"
	// or "mismatch".
	Reason string
	// Err is the sentinel.
	Err  error
	args []any // the message's arguments after the field name
}

// Error returns the English message.
func (e *Error) Error() string { return "label: " + e.Localize(i18n.English()) }

// Unwrap returns the sentinel.
func (e *Error) Unwrap() error { return e.Err }

// Localize describes the error in the language that best matches tag.
func (e *Error) Localize(tag language.Tag) string {
	return i18n.Sprintf(tag, "mark.label.Error."+e.Reason, append([]any{fieldName(e.Field)}, e.args...)...)
}

// fieldName is a localizable field name.
type fieldName string

func (f fieldName) Localize(tag language.Tag) string {
	return i18n.Sprintf(tag, "mark.label.field."+string(f))
}

// Printer renders verification codes as QR symbols and labels. It is
// immutable and safe for concurrent use.
type Printer struct {
	base     string
	moduleMM float64
	modulePx int
}

// An Option sets a print size of a [Printer].
type Option func(*Printer)

// ModuleSize sets the side of one QR module on a printed label, in
// millimetres, from [MinModuleMM] to [MaxModuleMM] (default
// [DefaultModuleMM]).
func ModuleSize(mm float64) Option { return func(p *Printer) { p.moduleMM = mm } }

// ModulePixels sets the side of one QR module in a PNG, in pixels, from 1
// to [MaxModulePixels] (default [DefaultModulePixels]).
func ModulePixels(n int) Option { return func(p *Printer) { p.modulePx = n } }

// NewPrinter returns a printer whose QR symbols encode baseURL followed by
// the code, for example "https://verify.example/v/" + code.
//
// baseURL must be an absolute https URL (http only when the host is
// localhost or a loopback address, for development) of at most
// [MaxBaseURL] bytes, made of the characters RFC 3986 allows, whose host
// is a DNS name (an internationalized one in its xn-- form) or an IP
// address, without user information, query or fragment, and ending in
// '/'; otherwise NewPrinter fails with an [*Error] wrapping [ErrBaseURL].
// The base URL is printed as given. A module size out of range fails with [ErrOption].
func NewPrinter(baseURL string, opts ...Option) (*Printer, error) {
	if err := checkBaseURL(baseURL); err != nil {
		return nil, err
	}
	p := &Printer{base: baseURL, moduleMM: DefaultModuleMM, modulePx: DefaultModulePixels}
	for _, o := range opts {
		if o != nil {
			o(p)
		}
	}
	// !(a <= x) also refuses NaN.
	if !(p.moduleMM >= MinModuleMM && p.moduleMM <= MaxModuleMM) {
		return nil, &Error{Field: "module-mm", Reason: "module-mm", Err: ErrOption, args: []any{MinModuleMM, float64(MaxModuleMM)}}
	}
	if p.modulePx < 1 || p.modulePx > MaxModulePixels {
		return nil, &Error{Field: "module-px", Reason: "module-px", Err: ErrOption, args: []any{MaxModulePixels}}
	}
	return p, nil
}

// Host returns the host (and port, if any) of the printer's verification
// base URL, as a label prints it: "verify.example" for
// "https://verify.example/v/".
func (p *Printer) Host() string {
	u, err := url.Parse(p.base)
	if err != nil {
		return ""
	}
	return u.Host
}

func checkBaseURL(s string) error {
	refuse := func(reason string, args ...any) error {
		return &Error{Field: "base-url", Reason: reason, Err: ErrBaseURL, args: args}
	}
	if s == "" {
		return refuse("empty")
	}
	if len(s) > MaxBaseURL {
		return refuse("long", MaxBaseURL)
	}
	for i := 0; i < len(s); i++ {
		if !urlChar[s[i]] {
			return refuse("chars")
		}
	}
	u, err := url.Parse(s)
	if err != nil {
		return refuse("parse")
	}
	switch {
	case u.Scheme == "https":
	case u.Scheme == "http" && loopback(u.Hostname()):
	default:
		// javascript:, data:, file:, ftp:, a relative reference.
		return refuse("scheme")
	}
	switch {
	case u.Opaque != "" || u.Host == "" || !hostName(u.Hostname()):
		return refuse("host")
	case u.User != nil:
		return refuse("userinfo")
	case u.RawQuery != "" || u.ForceQuery || strings.Contains(s, "?"):
		return refuse("query")
	case u.Fragment != "" || strings.Contains(s, "#"):
		return refuse("fragment")
	case !strings.HasSuffix(s, "/"):
		return refuse("slash")
	}
	return nil
}

// urlChar marks the characters RFC 3986 allows in a URI: unreserved,
// reserved and '%'. The others (space, '\\', '"', '<', '>', '^', '`', '{',
// '|', '}', controls, non-ASCII) are refused rather than escaped: a
// browser reads "https://evil.example\\.verify.example/" as a URL of
// evil.example, where Go's parser sees another host.
var urlChar = func() (t [256]bool) {
	for _, c := range "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%" {
		t[c] = true
	}
	return t
}()

// hostName reports whether host is an IP address or a DNS name of letters,
// digits, '-' and '.' (an internationalized name in its xn-- form), so
// that what a person reads as the host is the host a phone connects to.
func hostName(host string) bool {
	if host == "" {
		return false
	}
	if net.ParseIP(host) != nil {
		return true
	}
	for _, label := range strings.Split(host, ".") {
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		for i := 0; i < len(label); i++ {
			c := label[i]
			if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-') {
				return false
			}
		}
	}
	return true
}

// loopback reports whether host is localhost or a loopback address.
func loopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// BaseURL returns the verification base URL.
func (p *Printer) BaseURL() string { return p.base }

// URL returns the verification address of code: the base URL followed by
// the code. The code's alphabet (base64url: letters, digits, '-' and '_')
// is unreserved in a URL path, so the code is not escaped; anything else
// fails with an [*Error] wrapping [ErrCode].
func (p *Printer) URL(code string) (string, error) {
	if p == nil || p.base == "" {
		// A Printer not made by NewPrinter has no address to print.
		return "", &Error{Field: "base-url", Reason: "empty", Err: ErrBaseURL}
	}
	if err := checkCode(code); err != nil {
		return "", err
	}
	return p.base + code, nil
}

// checkCode refuses text that cannot be a code of package mark. It checks
// the form only; [Label.Check] checks the signature.
func checkCode(code string) error {
	refuse := func(reason string, args ...any) error {
		return &Error{Field: "code", Reason: reason, Err: ErrCode, args: args}
	}
	switch {
	case code == "":
		return refuse("empty")
	case len(code) > mark.MaxCodeLen:
		return refuse("long", mark.MaxCodeLen)
	}
	for i := 0; i < len(code); i++ {
		c := code[i]
		if !('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '_') {
			return refuse("alphabet")
		}
	}
	return nil
}

// Level is the error-correction level of every symbol: Q (see the package
// documentation for why).
const Level = "Q"

// QR is the QR symbol of a verification address.
type QR struct {
	url      string
	size     int
	dark     []bool // size×size, row by row
	moduleMM float64
	modulePx int
}

// QR returns the QR symbol of code's verification address, at error
// correction level Q. It fails with an [*Error] wrapping [ErrCode] for
// text that is not a code.
func (p *Printer) QR(code string) (*QR, error) {
	u, err := p.URL(code)
	if err != nil {
		return nil, err
	}
	// Byte mode: the code is mixed-case, so neither numeric nor
	// alphanumeric mode applies to the address as a whole. The level is
	// fixed (no boost), so that every label is at least as robust as the
	// package says and no more variable than that.
	seg, err := qr.MakeBytes([]byte(u))
	if err != nil {
		return nil, fmt.Errorf("label: encoding the QR symbol: %w", err)
	}
	sym, err := qr.EncodeSegments([]*qr.QrSegment{seg}, qr.Quartile, qr.MinVersion, qr.MaxVersion, -1, false)
	if err != nil {
		// Unreachable: the address is at most MaxBaseURL+mark.MaxCodeLen bytes.
		return nil, fmt.Errorf("label: encoding the QR symbol: %w", err)
	}
	n := sym.Size()
	q := &QR{url: u, size: n, dark: make([]bool, n*n), moduleMM: p.moduleMM, modulePx: p.modulePx}
	for y := 0; y < n; y++ {
		for x := 0; x < n; x++ {
			q.dark[y*n+x] = sym.Module(x, y)
		}
	}
	return q, nil
}

// URL returns the address the symbol encodes.
func (q *QR) URL() string { return q.url }

// Size returns the side of the symbol in modules, without the quiet zone.
func (q *QR) Size() int { return q.size }

// Version returns the QR version of the symbol (1 to 40).
func (q *QR) Version() int { return (q.size - 17) / 4 }

// Dark reports whether the module at column x, row y of the symbol
// (without the quiet zone) is dark; outside the symbol it is false.
func (q *QR) Dark(x, y int) bool {
	return 0 <= x && x < q.size && 0 <= y && y < q.size && q.dark[y*q.size+x]
}

// SideMM returns the printed side of the symbol with its quiet zone, in
// millimetres.
func (q *QR) SideMM() float64 { return float64(q.size+2*QuietZone) * q.moduleMM }

// Image returns the symbol with its quiet zone as a two-colour image,
// [ModulePixels] pixels a module.
func (q *QR) Image() *image.Paletted {
	px := q.modulePx
	side := (q.size + 2*QuietZone) * px
	img := image.NewPaletted(image.Rect(0, 0, side, side), color.Palette{color.Gray{Y: 0xff}, color.Gray{Y: 0}})
	for y := 0; y < q.size; y++ {
		for x := 0; x < q.size; x++ {
			if !q.Dark(x, y) {
				continue
			}
			for dy := 0; dy < px; dy++ {
				row := img.Pix[((y+QuietZone)*px+dy)*img.Stride:]
				for dx := 0; dx < px; dx++ {
					row[(x+QuietZone)*px+dx] = 1
				}
			}
		}
	}
	return img
}

// WritePNG writes the symbol with its quiet zone as a PNG, black on white.
func (q *QR) WritePNG(w io.Writer) error {
	enc := png.Encoder{CompressionLevel: png.DefaultCompression, BufferPool: pngBuffers}
	return enc.Encode(w, q.Image())
}

// pngBuffers keeps the PNG encoder's compressor between calls: it is most
// of the encoder's allocation (about 1 MB).
var pngBuffers = &bufferPool{}

type bufferPool struct{ p sync.Pool }

func (b *bufferPool) Get() *png.EncoderBuffer {
	e, _ := b.p.Get().(*png.EncoderBuffer)
	return e
}

func (b *bufferPool) Put(e *png.EncoderBuffer) { b.p.Put(e) }

// WriteSVG writes the symbol with its quiet zone as a standalone SVG
// document, sized in millimetres for print.
func (q *QR) WriteSVG(w io.Writer) error {
	var b bytes.Buffer
	side := q.size + 2*QuietZone
	mm := formatMM(q.SideMM())
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?>`+"\n"+
		`<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="%smm" height="%smm" viewBox="0 0 %d %d" shape-rendering="crispEdges">`+"\n",
		mm, mm, side, side)
	q.appendSymbol(&b, 0, 0, 1)
	b.WriteString("</svg>\n")
	_, err := w.Write(b.Bytes())
	return err
}

// appendSymbol draws the symbol and its quiet zone at (x0, y0) with modules
// of side m, in user units: a white square and one path of dark runs.
func (q *QR) appendSymbol(b *bytes.Buffer, x0, y0, m float64) {
	side := float64(q.size+2*QuietZone) * m
	fmt.Fprintf(b, `<rect x="%s" y="%s" width="%s" height="%s" fill="#fff"/>`+"\n", num(x0), num(y0), num(side), num(side))
	b.WriteString(`<path fill="#000" d="`)
	for y := 0; y < q.size; y++ {
		for x := 0; x < q.size; {
			if !q.Dark(x, y) {
				x++
				continue
			}
			run := 1
			for q.Dark(x+run, y) {
				run++
			}
			w := float64(run) * m
			b.WriteByte('M')
			writeNum(b, x0+float64(x+QuietZone)*m)
			b.WriteByte(' ')
			writeNum(b, y0+float64(y+QuietZone)*m)
			b.WriteByte('h')
			writeNum(b, w)
			b.WriteByte('v')
			writeNum(b, m)
			b.WriteString("h-")
			writeNum(b, w)
			b.WriteByte('z')
			x += run
		}
	}
	b.WriteString(`"/>` + "\n")
}

// writeNum writes a length in user units without needless digits.
func writeNum(b *bytes.Buffer, f float64) {
	var scratch [32]byte
	b.Write(strconv.AppendFloat(scratch[:0], f, 'f', -1, 64))
}

// num formats a length in user units without needless digits.
func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// formatMM formats millimetres to a hundredth.
func formatMM(f float64) string {
	s := strconv.FormatFloat(f, 'f', 2, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	return s
}

// Label is the text and code of one printed label.
type Label struct {
	// Code is the verification code ([mark.Signer.Sign]).
	Code string
	// Certificate is the certificate number.
	Certificate string
	// Product is the certified product.
	Product string
	// Holder is the certificate holder's name.
	Holder string
	// ValidUntil is the last valid day the code states
	// ([mark.Claims.ValidUntil], [mark.CodeValidUntil]); its date in
	// China time is printed.
	ValidUntil time.Time
}

// NewLabel returns the label of certificate c and its code: the number,
// product and holder's name of c, and as the last valid day the one a code
// signed at the time at states ([mark.CodeValidUntil] of
// [certification.Certificate.ExpiresAt]): the certificate's last valid
// day when its validity ends at a China-time midnight, the day before when
// it ends during a day, so that the label never promises a day its code
// does not back.
func NewLabel(c certification.Certificate, code string, at time.Time) Label {
	return Label{
		Code:        code,
		Certificate: c.Number,
		Product:     c.Product,
		Holder:      c.Holder.Name,
		ValidUntil:  mark.CodeValidUntil(c.ExpiresAt(at)),
	}
}

// Check verifies the label's code with v at time at and confirms that the
// label's text states what the code does: the certificate number, the
// product and the last valid day. A printing service calls it before
// printing, so that no label carries a code of another certificate or a
// date its code does not back. It returns v's error for a code that does
// not verify ([mark.ErrForged], [mark.ErrExpired], …), and an [*Error]
// wrapping [ErrMismatch] that names the first field that differs. The
// holder's name is not in the code and is not checked.
func (l Label) Check(v *mark.Verifier, at time.Time) error {
	c, err := v.Verify(l.Code, at)
	if err != nil {
		return err
	}
	field := ""
	switch {
	case c.Certificate != l.Certificate:
		field = "certificate"
	case c.Product != l.Product:
		field = "product"
	case !sameDay(c.ValidUntil(), l.ValidUntil):
		field = "valid-until"
	}
	if field != "" {
		return &Error{Field: field, Reason: "mismatch", Err: ErrMismatch}
	}
	return nil
}

func sameDay(a, b time.Time) bool { return dayText(a) == dayText(b) }

// validate refuses a label that cannot be printed as it is.
func (l Label) validate() error {
	if err := checkCode(l.Code); err != nil {
		return err
	}
	for _, f := range []struct {
		name, text string
		max        int
	}{{"certificate", l.Certificate, MaxNumber}, {"product", l.Product, MaxProduct}, {"holder", l.Holder, MaxHolder}} {
		if err := checkText(f.name, f.text, f.max); err != nil {
			return err
		}
	}
	if l.ValidUntil.IsZero() {
		return &Error{Field: "valid-until", Reason: "no-date", Err: ErrField}
	}
	return nil
}

// checkText refuses text that a label cannot show as it is: empty, not
// UTF-8, with characters that are not graphic (controls, which XML 1.0
// forbids, format characters that can reorder what is shown, private-use
// and unassigned code points), or longer than max characters.
func checkText(field, s string, max int) error {
	refuse := func(reason string, args ...any) error {
		return &Error{Field: field, Reason: reason, Err: ErrField, args: args}
	}
	switch {
	case strings.TrimSpace(s) == "":
		return refuse("empty")
	case !utf8.ValidString(s):
		return refuse("invalid-utf8")
	case utf8.RuneCountInString(s) > max:
		return refuse("long", max)
	}
	for _, r := range s {
		if !unicode.IsGraphic(r) || unicode.Is(unicode.Co, r) {
			return refuse("unprintable")
		}
	}
	return nil
}

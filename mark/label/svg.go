package label

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/width"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/mark"
)

// FontFamily is the font list of a label's text: fonts that cover Chinese
// on the common systems, then the generic family.
// It is a constant, written into the SVG as it is.
const FontFamily = "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', sans-serif"

// Layout of a label, in millimetres.
const (
	margin     = 2.0
	gap        = 2.0
	textWidth  = 56.0 // the text column right of the symbol
	brandSize  = 4.5  // the brand name's font size
	labelSize  = 2.2  // a caption's font size
	valueSize  = 3.0  // a field's font size
	valueLines = 2    // lines a field may wrap onto
)

// WriteLabel writes the printable label l as a standalone SVG document,
// sized in millimetres: the QR symbol of l.Code on the left with its quiet
// zone, and on the right the brand name 江西绿色生态, the certificate
// number, product, holder and last valid day, captioned in the language
// that best matches lang (Chinese or English), and the host of the
// verification site ([Printer.Host]), so that a person can tell the
// brand's page from a look-alike that a copied label's QR opens. Every field is XML-escaped;
// a field too long for one line wraps onto a second, and a second line
// still too long is condensed to fit.
//
// It refuses, with an [*Error] wrapping [ErrCode] or [ErrField], a code
// that is not one, and an empty field, a field that is not UTF-8 or has
// characters that cannot be printed, a field longer than [MaxNumber],
// [MaxProduct] or [MaxHolder] characters, and a zero ValidUntil. Nothing
// is written then.
func (p *Printer) WriteLabel(w io.Writer, l Label, lang language.Tag) error {
	if err := l.validate(); err != nil {
		return err
	}
	q, err := p.QR(l.Code)
	if err != nil {
		return err
	}
	lang = i18n.Match(lang)
	side := q.SideMM()
	x := side + gap
	type line struct {
		caption, value string
	}
	fields := []line{
		{"certificate", l.Certificate},
		{"product", l.Product},
		{"holder", l.Holder},
		{"valid-until", dayText(l.ValidUntil)},
	}
	var body bytes.Buffer
	y := margin + brandSize
	text(&body, x, y, brandSize, "bold", mark.BrandName, textWidth)
	for _, f := range fields {
		y += labelSize + 1.6
		text(&body, x, y, labelSize, "", i18n.Sprintf(lang, "mark.label.caption."+f.caption), textWidth)
		for i, part := range wrap(f.value, valueSize, textWidth, valueLines) {
			if i > 0 {
				y += 0.2
			}
			y += valueSize + 0.6
			text(&body, x, y, valueSize, "", part, textWidth)
		}
	}
	y += labelSize + 1.6
	text(&body, x, y, labelSize, "", i18n.Sprintf(lang, "mark.label.caption.scan"), textWidth)
	// Under the symbol, the site its QR opens, for the shopper to compare
	// with the address the phone shows: a copied label whose QR opens a
	// look-alike page is the classic attack on QR labels. The text
	// starts below the quiet zone, which stays blank.
	quiet := QuietZone * q.moduleMM
	hostY := side + 0.3 + valueSize*0.8
	text(&body, quiet, hostY, valueSize, "bold", p.Host(), side-2*quiet)
	height := max(side, y+margin, hostY+margin)
	widthMM := x + textWidth + margin

	var b bytes.Buffer
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?>`+"\n"+
		`<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="%smm" height="%smm" viewBox="0 0 %s %s" xml:lang="%s">`+"\n",
		formatMM(widthMM), formatMM(height), num(round2(widthMM)), num(round2(height)), lang)
	fmt.Fprintf(&b, `<rect width="100%%" height="100%%" fill="#fff"/>`+"\n")
	// The symbol sits at the top left; its quiet zone is its margin.
	b.WriteString(`<g shape-rendering="crispEdges">` + "\n")
	q.appendSymbol(&b, 0, 0, q.moduleMM)
	b.WriteString("</g>\n")
	fmt.Fprintf(&b, `<g font-family="%s" fill="#000">`+"\n", FontFamily)
	b.Write(body.Bytes())
	b.WriteString("</g>\n</svg>\n")
	_, err = w.Write(b.Bytes())
	return err
}

// text writes one line of text at (x, y) (the baseline), condensed to
// maxWidth when its estimated width exceeds it.
func text(b *bytes.Buffer, x, y, size float64, weight, s string, maxWidth float64) {
	fmt.Fprintf(b, `<text x="%s" y="%s" font-size="%s"`, num(round2(x)), num(round2(y)), num(size))
	if weight != "" {
		fmt.Fprintf(b, ` font-weight="%s"`, weight)
	}
	if textEm(s)*size > maxWidth {
		fmt.Fprintf(b, ` textLength="%s" lengthAdjust="spacingAndGlyphs"`, num(maxWidth))
	}
	b.WriteString(">")
	b.WriteString(escape(s))
	b.WriteString("</text>\n")
}

// wrap splits s into at most lines parts, each estimated to fit maxWidth
// at font size size; the last part takes the rest.
func wrap(s string, size, maxWidth float64, lines int) []string {
	var out []string
	for len(out) < lines-1 && textEm(s)*size > maxWidth {
		w, cut := 0.0, 0
		for i, r := range s {
			// A line never begins with a combining mark: the cut is
			// before the last character that is not one.
			if !unicode.Is(unicode.M, r) {
				cut = i
			}
			if w+runeEm(r)*size > maxWidth {
				break
			}
			w += runeEm(r) * size
		}
		if cut == 0 {
			break
		}
		out = append(out, s[:cut])
		s = s[cut:]
	}
	return append(out, s)
}

// textEm estimates the width of s in ems: a wide (East Asian) character is
// one em, any other about 0.6.
func textEm(s string) float64 {
	w := 0.0
	for _, r := range s {
		w += runeEm(r)
	}
	return w
}

func runeEm(r rune) float64 {
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 1
	}
	if unicode.Is(unicode.Mn, r) {
		return 0
	}
	return 0.6
}

// escape returns s escaped for XML text and attribute values (quotes
// included). s is valid UTF-8 of graphic characters (checkText); anything
// else would be replaced by U+FFFD by xml.EscapeText.
func escape(s string) string {
	if !utf8.ValidString(s) {
		s = "\uFFFD"
	}
	var b bytes.Buffer
	// EscapeText escapes <, >, &, ' and " and writes nothing it cannot
	// escape; writing to a bytes.Buffer does not fail.
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// dayText is a date shown to a person: the day in China time.
func dayText(t time.Time) string { return t.In(brand.ChinaTime()).Format(time.DateOnly) }

func round2(f float64) float64 { return float64(int64(f*100+0.5)) / 100 }

package label_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
)

// svgDoc is what the tests read of an SVG document: the root's attributes
// and the character data of every <text>, in order.
type svgDoc struct {
	root     xml.StartElement
	lines    []string
	elements []string // the names of all elements, in order
}

func (d svgDoc) attr(name string) string {
	for _, a := range d.root.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func (d svgDoc) texts() []string { return d.lines }

// readSVG parses data strictly with encoding/xml: one root <svg> element,
// no DOCTYPE, no entity but the predefined ones, and nothing after the
// root but white space.
func readSVG(data []byte) (svgDoc, error) {
	var d svgDoc
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	depth, roots := 0, 0
	var inText bool
	var text bytes.Buffer
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return d, err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				roots++
				if tok.Name.Local != "svg" || tok.Name.Space != "http://www.w3.org/2000/svg" {
					return d, fmt.Errorf("root element %v", tok.Name)
				}
				d.root = tok.Copy()
			}
			if inText {
				return d, fmt.Errorf("element <%s> inside <text>", tok.Name.Local)
			}
			d.elements = append(d.elements, tok.Name.Local)
			if tok.Name.Local == "text" {
				inText = true
				text.Reset()
			}
			depth++
		case xml.EndElement:
			depth--
			if tok.Name.Local == "text" {
				inText = false
				d.lines = append(d.lines, text.String())
			}
		case xml.CharData:
			if inText {
				text.Write(tok)
			} else if depth == 0 && len(bytes.TrimSpace(tok)) != 0 {
				return d, fmt.Errorf("text outside the root: %q", tok)
			}
		case xml.Directive:
			return d, fmt.Errorf("directive <!%s>", tok)
		}
	}
	if roots != 1 || depth != 0 {
		return d, fmt.Errorf("%d root elements, depth %d at the end", roots, depth)
	}
	return d, nil
}

func parseSVG(t testing.TB, data []byte) svgDoc {
	t.Helper()
	d, err := readSVG(data)
	require.NoError(t, err, "well-formed SVG:\n%s", data)
	return d
}

func parseFloat(t testing.TB, s string) float64 {
	t.Helper()
	f, err := strconv.ParseFloat(s, 64)
	require.NoError(t, err)
	return f
}

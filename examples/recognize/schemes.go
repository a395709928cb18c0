package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/recognition"
	"golang.org/x/text/language"
)

// schemeFlag holds the files of -scheme, which may be given more than
// once.
type schemeFlag []string

func (f *schemeFlag) String() string { return strings.Join(*f, ",") }

func (f *schemeFlag) Set(v string) error {
	*f = append(*f, v)
	return nil
}

func init() {
	i18n.Set("recognize.scheme-loaded", "已加载方案定义 %s：%s %s", "loaded the scheme definition %s: %s %s")
	i18n.Set("recognize.scheme", "无法加载方案定义文件 %s：%s", "cannot load the scheme definition file %s: %s")
}

// loadSchemes loads each scheme definition file and registers its scheme
// for this run, so that input lines may name it, and says so on stderr
// (with the label of a made-up example). It returns the message of the
// first file that does not load, in the language of tag, or "".
func loadSchemes(files []string, tag language.Tag, stderr io.Writer) string {
	for _, name := range files {
		s, err := readScheme(name)
		if err == nil {
			err = recognition.RegisterScheme(s.Adapter())
		}
		if err != nil {
			return i18n.Sprintf(tag, "recognize.scheme", name, i18n.Error(err, tag))
		}
		b := s.Brand
		label := b.Name
		if i18n.Match(tag) == i18n.English() {
			label = b.EnglishName
		}
		if s.Synthetic != "" {
			label += " — " + s.Synthetic
		}
		fmt.Fprintln(stderr, "recognize: "+i18n.Sprintf(tag, "recognize.scheme-loaded", name, string(b.ID), label))
	}
	return ""
}

// readScheme reads a definition file, refusing one past
// recognition.MaxSchemeSize (recognition.ReadScheme).
func readScheme(name string) (recognition.Scheme, error) {
	f, err := os.Open(name)
	if err != nil {
		return recognition.Scheme{}, err
	}
	defer f.Close()
	return recognition.ReadScheme(f)
}

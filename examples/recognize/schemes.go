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

// schemeFlag holds the values of -scheme, which may be given more than
// once. A value ending in ".json" is a scheme definition file to load
// (files); any other value is the scheme of a whole spreadsheet that has
// no scheme column (whole), given once.
type schemeFlag struct {
	files []string
	whole *string
}

func (f *schemeFlag) String() string {
	if f == nil {
		return ""
	}
	return strings.Join(f.files, ",")
}

func (f *schemeFlag) Set(v string) error {
	if strings.HasSuffix(strings.ToLower(v), ".json") {
		f.files = append(f.files, v)
		return nil
	}
	if *f.whole != "" && *f.whole != v {
		return errSchemeTwice
	}
	*f.whole = v
	return nil
}

// errSchemeTwice: two different schemes named for one spreadsheet.
var errSchemeTwice = i18n.NewSentinel("recognize.scheme-twice", "-scheme 只能指定一个方案（以 .json 结尾的值是方案定义文件）",
	"-scheme names one scheme for the whole input (a value ending in .json is a scheme definition file)")

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

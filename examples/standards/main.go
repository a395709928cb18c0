// Command standards browses the catalogue of published 江西绿色生态 standards,
// parses standard numbers, and compares a brand standard with the national
// or industry standard it builds on.
//
// Usage:
//
//	go run ./examples/standards                 # the whole catalogue
//	go run ./examples/standards -find 脐橙       # search titles and numbers
//	go run ./examples/standards -parse "ＧＢ／Ｔ　１．１—２０２０" -parse "DB36/T1138"
//	go run ./examples/standards -lang en
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/standard"
)

type list []string

func (l *list) String() string     { return strings.Join(*l, ", ") }
func (l *list) Set(s string) error { *l = append(*l, s); return nil }

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("standards", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var parse list
	find := fs.String("find", "", "show only the standards whose title, subject or number matches")
	lang := fs.String("lang", "zh", "输出语言：zh 或 en / language of the messages: zh or en")
	fs.Var(&parse, "parse", "a standard number to parse (repeatable)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	tag, err := language.Parse(*lang)
	if err != nil {
		fmt.Fprintf(stderr, "standards: -lang 应为 zh 或 en，而不是 %[1]q / bad -lang %[1]q: zh or en\n", *lang)
		return 2
	}

	cat := standard.Catalogue()
	stds := cat.All()
	if *find != "" {
		stds = cat.Find(*find)
	}
	fmt.Fprintf(stdout, "%s (%d/%d)\n", i18n.Sprintf(tag, "example.standards.title"), len(stds), cat.Len())
	for _, s := range stds {
		num := s.Number.String()
		if num == "" {
			num = "—"
		}
		fmt.Fprintf(stdout, "  %-18s %-28s %s  %s\n", num, s.Title, s.Kind.Localize(tag), s.Publisher)
	}

	demo := len(parse) == 0 && *find == ""
	if demo {
		// The last one is wrong on purpose, to show the error.
		parse = list{"ＧＢ／Ｔ　１．１—２０２０", "db36/t1138", "T/JGE0039—2023", "GB/T 1.1-20"}
	}
	if len(parse) > 0 {
		fmt.Fprintf(stdout, "\n%s\n", i18n.Sprintf(tag, "example.standards.parse"))
	}
	status := 0
	for _, s := range parse {
		n, err := standard.Parse(s)
		if err != nil {
			fmt.Fprintf(stdout, "  “%s”: %s\n", s, i18n.Error(err, tag))
			if !demo {
				status = 1
			}
			continue
		}
		fmt.Fprintf(stdout, "  “%s” -> %s (%s)\n", s, n, n.Kind().Localize(tag))
	}

	if *find == "" {
		pear, ok := cat.Lookup(standard.MustParse("T/JGE 0039-2023"))
		if ok && len(pear.Basis) > 0 {
			c := standard.Compare(pear, pear.Basis[0])
			fmt.Fprintf(stdout, "\n%s\n", i18n.Sprintf(tag, "example.standards.compare", pear.Label(), pear.Basis[0].Label()))
			for _, it := range c.Items {
				fmt.Fprintf(stdout, "  %s: %s ↔ %s: %s\n", it.Name, it.Ours, it.Theirs, it.Relation.Localize(tag))
			}
			fmt.Fprintf(stdout, "  %s: %s; %s: %v\n",
				i18n.Sprintf(tag, "example.standards.degree"), c.Degree.Localize(tag),
				i18n.Sprintf(tag, "example.standards.strict"), c.AtLeastAsStrict)
		}
	}
	return status
}

func init() {
	i18n.Set("example.standards.title", "已发布的“江西绿色生态”标准", "Published 江西绿色生态 standards")
	i18n.Set("example.standards.parse", "解析标准编号", "Parsing standard numbers")
	i18n.Set("example.standards.compare", "比较 %s 与 %s", "Comparing %s with %s")
	i18n.Set("example.standards.degree", "一致性程度", "degree of correspondence")
	i18n.Set("example.standards.strict", "至少同样严格", "at least as strict")
}

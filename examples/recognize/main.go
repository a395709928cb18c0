// Command recognize is the tool partner provinces run: it checks NDJSON
// records of partner schemes for mutual recognition with 江西绿色生态.
//
// Usage:
//
//	recognize [-lang zh|en] [-workers N] [-at YYYY-MM-DD] [file ...]
//
// It reads the files named on the command line, one after the other, or
// standard input when there are none. Each input line is
//
//	{"scheme": "<id or Chinese name>", "record": {<native record>}}
//
// and each yields one NDJSON line on standard output, in input order:
//
//	{"line": N, "scheme": "...", "number": "...", "outcome": "recognized"|"conditional"|"rejected"|"error",
//	 "reasons": [{"code": "...", "message": "..."}], "error": "..."}
//
// Standard error shows progress for long inputs and a summary table at the
// end. The exit status is 0 when every line was judged, 1 when any line was
// an error line, and 2 for bad usage or unreadable input.
//
//	go run ./examples/recognize testdata/recognition/sample.ndjson
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"sort"
	"strings"
	"time"

	"golang.org/x/text/language"
	"golang.org/x/text/width"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/recognition"
	_ "github.com/jxgreen/jxgreen/recognition/ganchu"
	_ "github.com/jxgreen/jxgreen/recognition/ganpo"
	_ "github.com/jxgreen/jxgreen/recognition/jiangsu"
	_ "github.com/jxgreen/jxgreen/recognition/shanghai"
	_ "github.com/jxgreen/jxgreen/recognition/shenzhen"
	_ "github.com/jxgreen/jxgreen/recognition/untp"
	_ "github.com/jxgreen/jxgreen/recognition/zhejiang"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// progressAfter is how long a run goes before it reports progress.
const progressAfter = time.Second

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("recognize", flag.ContinueOnError)
	fs.SetOutput(stderr)
	lang := fs.String("lang", "zh", "language of messages: zh or en")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "number of workers")
	atFlag := fs.String("at", "", "the date to judge validity on, YYYY-MM-DD (default today, China time)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: recognize [-lang zh|en] [-workers N] [-at YYYY-MM-DD] [file ...]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	var tag language.Tag
	switch *lang {
	case "zh":
		tag = i18n.Chinese
	case "en":
		tag = i18n.English
	default:
		fmt.Fprintf(stderr, "recognize: -lang must be zh or en, not %q\n", *lang)
		return 2
	}
	if *workers < 1 {
		fmt.Fprintf(stderr, "recognize: -workers must be at least 1\n")
		return 2
	}
	at := time.Now().In(brand.ChinaTime)
	at = time.Date(at.Year(), at.Month(), at.Day(), 0, 0, 0, 0, brand.ChinaTime)
	if *atFlag != "" {
		t, err := time.ParseInLocation(time.DateOnly, *atFlag, brand.ChinaTime)
		if err != nil {
			fmt.Fprintf(stderr, "recognize: -at must be a date YYYY-MM-DD, not %q\n", *atFlag)
			return 2
		}
		at = t
	}

	in := stdin
	if fs.NArg() > 0 {
		var readers []io.Reader
		for _, name := range fs.Args() {
			f, err := os.Open(name)
			if err != nil {
				fmt.Fprintf(stderr, "recognize: %v\n", err)
				return 2
			}
			defer f.Close()
			readers = append(readers, &lineEnded{r: f})
		}
		in = io.MultiReader(readers...)
	}

	start := time.Now()
	c := recognition.Checker{
		Workers:       *workers,
		At:            at,
		Lang:          tag,
		ProgressEvery: 50_000,
		Progress: func(p recognition.Progress) {
			if time.Since(start) >= progressAfter {
				fmt.Fprintln(stderr, i18n.Sprintf(tag, "recognize.progress", p.Lines, p.Rate()))
			}
		},
	}
	sum, err := c.Run(ctx, in, stdout)
	printSummary(stderr, sum, tag)
	switch {
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(stderr, i18n.Sprintf(tag, "recognize.interrupted"))
		return 2
	case err != nil:
		fmt.Fprintf(stderr, "recognize: %v\n", err)
		return 2
	case sum.Outcomes["error"] > 0:
		return 1
	}
	return 0
}

// lineEnded adds a newline to a file that does not end with one, so that
// the last line of one file and the first of the next stay two lines.
type lineEnded struct {
	r       io.Reader
	any     bool // read at least one byte
	last    byte // the last byte read
	pending bool // the added newline is still to be given
}

func (l *lineEnded) Read(p []byte) (int, error) {
	if l.pending {
		if len(p) == 0 {
			return 0, nil
		}
		l.pending = false
		p[0] = '\n'
		return 1, io.EOF
	}
	n, err := l.r.Read(p)
	if n > 0 {
		l.any, l.last = true, p[n-1]
	}
	if err == io.EOF && l.any && l.last != '\n' {
		l.last = '\n'
		if n < len(p) {
			p[n] = '\n'
			return n + 1, io.EOF
		}
		l.pending = true
		return n, nil
	}
	return n, err
}

func printSummary(w io.Writer, s recognition.Summary, tag language.Tag) {
	t := func(key string, a ...any) string { return i18n.Sprintf(tag, key, a...) }
	fmt.Fprintf(w, "\n%s\n", t("recognize.summary", s.Lines, s.Elapsed.Round(time.Millisecond)))
	for _, o := range []recognition.Outcome{recognition.Recognized, recognition.Conditional, recognition.Rejected} {
		fmt.Fprintf(w, "  %s %8d\n", pad(o.Localize(tag), 44), s.Outcomes[o.String()])
	}
	fmt.Fprintf(w, "  %s %8d\n", pad(t("recognize.errors"), 44), s.Outcomes["error"])
	table := func(title string, m map[string]int, label func(string) string) {
		if len(m) == 0 {
			return
		}
		fmt.Fprintf(w, "%s\n", title)
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool {
			if m[keys[i]] != m[keys[j]] {
				return m[keys[i]] > m[keys[j]]
			}
			return keys[i] < keys[j]
		})
		for _, k := range keys {
			fmt.Fprintf(w, "  %s %8d\n", pad(label(k), 44), m[k])
		}
	}
	table(t("recognize.by-scheme"), s.Schemes, func(k string) string {
		if a, ok := recognition.Lookup(k); ok {
			return k + " " + a.Brand().Name
		}
		if k == "" {
			return "—"
		}
		return k
	})
	table(t("recognize.by-reason"), s.Reasons, func(k string) string { return k })
	table(t("recognize.by-error"), s.Errors, func(k string) string { return k })
}

// pad pads s with spaces to n columns of a terminal, counting wide
// (Chinese) characters as two.
func pad(s string, n int) string {
	cols := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			cols += 2
		default:
			cols++
		}
	}
	if cols >= n {
		return s
	}
	return s + strings.Repeat(" ", n-cols)
}

func init() {
	i18n.Table("", [][3]string{
		{"recognize.progress", "已处理 %d 行（每秒 %.0f 行）", "%d lines done (%.0f lines/s)"},
		{"recognize.interrupted", "已中断", "interrupted"},
		{"recognize.summary", "共 %d 行，用时 %v", "%d lines in %v"},
		{"recognize.errors", "错误行", "error lines"},
		{"recognize.by-scheme", "按方案：", "by scheme:"},
		{"recognize.by-reason", "按原因：", "by reason:"},
		{"recognize.by-error", "错误类型：", "by kind of error:"},
	})
}

// Command recognize is the tool partner provinces run: it checks NDJSON
// records of partner schemes for mutual recognition with 江西绿色生态.
//
// Usage:
//
//	recognize [-lang TAG] [-workers N] [-at YYYY-MM-DD] [-encoding utf-8|gb18030] [-scheme FILE.json|ID ...]
//	          [-agreement FILE ...] [-recognizer ID] [-trust FILE [-status FILE ...]]
//	          [-in ndjson|csv|xlsx] [-out ndjson|csv|xlsx] [-o FILE] [-sheet NAME] [file ...]
//
// It reads the files named on the command line, one after the other, or
// standard input when there are none; "-" names standard input. Each input
// line is
//
//	{"scheme": "<id or Chinese name>", "record": {<native record>}}
//
// A UNTP credential secured with VC-JOSE-COSE travels as its compact JWS,
// a JSON string in place of the record:
//
//	{"scheme": "untp", "record": "eyJhbGciOiJFZERTQSIs..."}
//
// -trust names a JWK Set of the issuer public keys to trust: a credential
// whose signature verifies with one of them is integrity-checked; any
// other (a bare credential, or one signed by a key not in the set) is
// unverified and never recognised on its own word. -status names a
// published status list (signed by a trusted key) to read credentials'
// status in; it may be given several times.
//
// Each line yields one NDJSON line on standard output, in input order, as
// soon as it is decided (input trickling in from a pipe is answered line by
// line):
//
//	{"line": N, "file": "...", "scheme": "...", "number": "...", "outcome": "recognized"|"conditional"|"rejected"|"error",
//	 "agreement": {"id": "...", "version": "..."}, "reasons": [{"code": "...", "message": "..."}], "error": "..."}
//
// "file" appears when several inputs are given; "line" then counts within
// that file. "error" appears only on error lines, which keep the scheme as
// written and the record's number where it had one. A UTF-8 byte order
// mark is skipped, but is no proof of UTF-8; input in GB18030/GBK (as Excel
// exports text) is refused with one clear message, or decoded with
// -encoding gb18030 (which drops a BOM first, and notes on standard error
// when the input looks like UTF-8).
//
// -agreement FILE (repeatable) judges by the terms of an agreement file
// instead of the documented defaults, for the schemes its agreements
// cover, in the version in force on the -at day; -recognizer ID judges
// 江西绿色生态 certificates (our own list format, "jxgreen", or UNTP
// credentials) by a partner's terms; -agreement-schema prints the JSON
// Schema of agreement files. Each decided line names the terms it applied
// ("agreement"), and the summary counts them, "default" being the
// documented defaults.
//
// Standard error shows progress for long inputs and a summary table at the
// end, in the language of -lang (any BCP 47 tag: zh, zh-CN, en, en-GB; other
// languages get English). -workers is at most the number of CPUs the
// program may use. The exit status is 0 when every line was judged, 1 when
// any line was an error line, and 2 for bad usage, unreadable or
// non-UTF-8 input, output that cannot be written, or an interrupt (Ctrl-C stops at once, with the summary
// of what was done); the last line of standard error says why it is not 0.
//
//	go run ./examples/recognize -at 2026-06-01 testdata/recognition/sample.ndjson
//
// -scheme FILE (repeatable) loads a scheme definition file
// (recognition.LoadScheme: the scheme's facts, its record's field names and
// its status words, as JSON) and registers the scheme for the run, so that
// a partner adds a scheme without writing Go:
//
//	go run ./examples/recognize -at 2026-06-01 -scheme testdata/schemes/shili.json testdata/schemes/shili-records.ndjson
//
// A -scheme value that does not end in ".json" names the scheme of a whole
// spreadsheet instead. CSV and XLSX input and output (-in, -out, -o,
// -sheet, -bom; by file extension otherwise) go through package
// recognition/sheet, one row in, one row out, with the same terms, keys
// and lists; -h prints those flags too.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/language"
	"golang.org/x/text/transform"
	"golang.org/x/text/width"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/recognition"
	_ "github.com/jxgreen/jxgreen/recognition/all" // every partner scheme's adapter
	"github.com/jxgreen/jxgreen/recognition/untp"
)

func main() {
	tuneGC()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// progressAfter is how long a run goes before it reports progress.
const progressAfter = time.Second

// Exit statuses.
const (
	exitOK         = 0
	exitErrorLines = 1
	exitFailure    = 2
)

// source is one input: a file, or standard input ("-").
type source struct {
	name string
	r    io.Reader
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	tag := i18n.Chinese()
	fs := flag.NewFlagSet("recognize", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {} // -h prints the help on stdout, below; a bad flag a short usage
	lang := fs.String("lang", "zh", "")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "")
	atFlag := fs.String("at", "", "")
	encoding := fs.String("encoding", "utf-8", "")
	var terms agreementFlags
	terms.register(fs)
	trust := fs.String("trust", "", "")
	var statusFiles []string
	fs.Func("status", "", func(v string) error { statusFiles = append(statusFiles, v); return nil })
	sheets := addSheetFlags(fs)
	schemes := schemeFlag{whole: sheets.scheme}
	fs.Var(&schemes, "scheme", "")
	if err := fs.Parse(args); err != nil {
		tag = langOf(args)
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, i18n.Sprintf(tag, "recognize.help", runtime.GOMAXPROCS(0)))
			fmt.Fprint(stdout, i18n.Sprintf(tag, "recognize.help-sheet"))
			return exitOK
		}
		fmt.Fprintln(stderr, i18n.Sprintf(tag, "recognize.usage"))
		return exitFailure
	}
	fail := func(key string, a ...any) int {
		fmt.Fprintln(stderr, "recognize: "+i18n.Sprintf(tag, key, a...))
		fmt.Fprintln(stderr, i18n.Sprintf(tag, "recognize.usage"))
		return exitFailure
	}
	requested, err := language.Parse(*lang)
	if err != nil {
		return fail("recognize.bad-lang", *lang)
	}
	tag = i18n.Match(requested)
	if rb, _ := requested.Base(); rb != base(tag) {
		fmt.Fprintln(stderr, "recognize: "+i18n.Sprintf(tag, "recognize.lang-fallback", requested.String()))
	}
	if terms.printSchema {
		if err := printAgreementSchema(stdout); err != nil {
			return exitFailure
		}
		return exitOK
	}
	n, clamped := workerCount(*workers)
	if n < 1 {
		return fail("recognize.bad-workers")
	}
	if clamped {
		fmt.Fprintln(stderr, "recognize: "+i18n.Sprintf(tag, "recognize.workers-clamped", strconv.Itoa(*workers), n))
	}
	at := time.Now().In(brand.ChinaTime())
	at = time.Date(at.Year(), at.Month(), at.Day(), 0, 0, 0, 0, brand.ChinaTime())
	if *atFlag != "" {
		t, err := time.ParseInLocation(time.DateOnly, *atFlag, brand.ChinaTime())
		if err != nil {
			return fail("recognize.bad-at", *atFlag)
		}
		at = t
	}
	var own []recognition.Adapter
	if len(statusFiles) > 0 && *trust == "" {
		return fail("recognize.status-without-trust")
	}
	if *trust != "" {
		v, key, arg, err := verifier(*trust, statusFiles, at)
		if err != nil {
			return fail(key, arg, i18n.Error(err, tag))
		}
		own = append(own, v)
	}
	var decode func(io.Reader) io.Reader
	switch strings.ToLower(strings.ReplaceAll(*encoding, "_", "-")) {
	case "utf-8", "utf8":
	case "gb18030", "gbk", "gb2312", "cp936":
		// GB18030 is a superset of GBK and GB 2312.
		decode = func(r io.Reader) io.Reader {
			// A UTF-8 byte order mark goes before decoding (GB18030 would
			// make text of its bytes), and input that reads as UTF-8 is
			// said to be so.
			warn := func() { fmt.Fprintln(stderr, "recognize: "+i18n.Sprintf(tag, "recognize.looks-utf8")) }
			return transform.NewReader(&sniffer{r: r, warn: warn}, simplifiedchinese.GB18030.NewDecoder())
		}
	default:
		return fail("recognize.bad-encoding", *encoding)
	}

	if msg := loadSchemes(schemes.files, tag, stderr); msg != "" {
		return fail("recognize.plain", msg)
	}
	agreements, recognizer, msg := terms.terms(tag)
	if msg != "" {
		fmt.Fprintln(stderr, "recognize: "+msg)
		return exitFailure
	}
	if sheets.active(fs.Args()) {
		// The same terms, keys and lists as an NDJSON run.
		return sheets.run(ctx, recognition.Checker{Workers: n, At: at, Lang: tag,
			Recognizer: recognizer, Agreements: agreements, Adapters: own},
			fs.Args(), explicitEncoding(fs), stdin, stdout, stderr, tag)
	}

	// The inputs, all opened before any is read, so that a missing file
	// stops the run before it starts.
	var sources []source
	names := fs.Args()
	if len(names) == 0 {
		names = []string{"-"}
	}
	stdinUsed := false
	for _, name := range names {
		if name == "-" {
			if stdinUsed {
				return fail("recognize.stdin-twice")
			}
			stdinUsed = true
			sources = append(sources, source{name: name, r: stdin})
			continue
		}
		f, err := os.Open(name)
		if err != nil {
			return fail("recognize.open", err)
		}
		defer f.Close()
		sources = append(sources, source{name: name, r: f})
	}

	start := time.Now()
	var total recognition.Summary
	var runErr error
	var failedOn string
	for _, src := range sources {
		done := total.Lines
		c := recognition.Checker{
			Workers:       n,
			At:            at,
			Lang:          tag,
			Recognizer:    recognizer,
			Agreements:    agreements,
			Adapters:      own,
			ProgressEvery: 50_000,
			Progress: func(p recognition.Progress) {
				if el := time.Since(start); el >= progressAfter {
					fmt.Fprintln(stderr, i18n.Sprintf(tag, "recognize.progress", done+p.Lines, float64(done+p.Lines)/el.Seconds()))
				}
			},
		}
		if len(sources) > 1 {
			c.File = src.name
		}
		r := src.r
		if decode != nil {
			r = decode(r)
		}
		sum, err := c.Run(ctx, r, stdout)
		total.Add(sum)
		if err != nil {
			runErr, failedOn = err, src.name
			break
		}
	}
	total.Elapsed = time.Since(start)
	printSummary(stderr, total, tag)

	var ee *recognition.EncodingError
	var we *recognition.WriteError
	switch {
	case runErr == nil && total.ErrorLines() > 0:
		fmt.Fprintln(stderr, i18n.Sprintf(tag, "recognize.exit1", total.ErrorLines()))
		return exitErrorLines
	case runErr == nil:
		return exitOK
	case errors.Is(runErr, context.Canceled) || errors.Is(runErr, context.DeadlineExceeded):
		fmt.Fprintln(stderr, i18n.Sprintf(tag, "recognize.exit2", i18n.Sprintf(tag, "recognize.interrupted")))
	case errors.As(runErr, &ee):
		msg := ee.Localize(tag)
		if ee.GB18030 {
			msg += i18n.Sprintf(tag, "recognize.use-gb18030")
		}
		fmt.Fprintln(stderr, i18n.Sprintf(tag, "recognize.exit2", msg))
	case errors.As(runErr, &we):
		fmt.Fprintln(stderr, i18n.Sprintf(tag, "recognize.exit2", i18n.Sprintf(tag, "recognize.write-error", we.Err)))
	default:
		fmt.Fprintln(stderr, i18n.Sprintf(tag, "recognize.exit2", i18n.Sprintf(tag, "recognize.read-error", failedOn, runErr)))
	}
	return exitFailure
}

// verifier reads the trusted issuer keys (a JWK Set) and the published
// status lists, and returns the UNTP verifier that decides credentials'
// integrity and reads their status at at. On failure it returns the
// message key and the file at fault.
func verifier(trust string, statusFiles []string, at time.Time) (recognition.Adapter, string, string, error) {
	raw, err := os.ReadFile(trust)
	if err != nil {
		return nil, "recognize.bad-trust", trust, err
	}
	keys, err := untp.ParseKeySet(raw)
	if err != nil {
		return nil, "recognize.bad-trust", trust, err
	}
	v := untp.NewVerifier(keys).WithTime(at)
	for _, f := range statusFiles {
		raw, err := os.ReadFile(f)
		if err == nil {
			v, err = v.WithStatusList(bytes.TrimSpace(raw))
		}
		if err != nil {
			return nil, "recognize.bad-status", f, err
		}
	}
	return v, "", "", nil
}

// langOf finds the -lang flag in args that failed to parse, so that the
// help and the usage are in the language asked for.
func langOf(args []string) language.Tag {
	for i, a := range args {
		a = strings.TrimLeft(a, "-")
		v, ok := strings.CutPrefix(a, "lang=")
		if !ok && a == "lang" && i+1 < len(args) {
			v, ok = args[i+1], true
		}
		if ok {
			if t, err := language.Parse(v); err == nil {
				return i18n.Match(t)
			}
		}
	}
	return i18n.Chinese()
}

func base(t language.Tag) language.Base {
	b, _ := t.Base()
	return b
}

// workerCount bounds the -workers flag by the CPUs the program may use:
// more workers than that only add memory. It reports whether it clamped.
func workerCount(n int) (int, bool) {
	if max := runtime.GOMAXPROCS(0); n > max {
		return max, true
	}
	return n, false
}

// row is one line of the summary table.
type row struct {
	label string
	count int
}

// maxLabel is the widest label of the summary table, in terminal columns.
const maxLabel = 56

func printSummary(w io.Writer, s recognition.Summary, tag language.Tag) {
	t := func(key string, a ...any) string { return i18n.Sprintf(tag, key, a...) }
	type table struct {
		title string
		rows  []row
	}
	var tables []table
	var head []row
	for _, o := range []recognition.Outcome{recognition.Recognized, recognition.Conditional, recognition.Rejected} {
		head = append(head, row{o.Localize(tag), s.Count(o)})
	}
	head = append(head, row{t("recognize.errors"), s.ErrorLines()})
	tables = append(tables, table{"", head})
	sorted := func(m map[string]int, label func(string) string) []row {
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
		rows := make([]row, len(keys))
		for i, k := range keys {
			rows[i] = row{label(k), m[k]}
		}
		return rows
	}
	english := i18n.Match(tag) == i18n.English()
	tables = append(tables,
		table{t("recognize.by-scheme"), sorted(s.Schemes, func(k string) string {
			switch a, ok := recognition.Lookup(k); {
			case ok && english:
				return k + " " + a.Brand().EnglishName
			case ok:
				return k + " " + a.Brand().Name
			case k == recognition.UnknownScheme:
				return t("recognize.unknown-scheme")
			case k == "":
				return t("recognize.no-scheme")
			}
			return k
		})},
		table{t("recognize.by-agreement"), agreementRows(s, tag)},
		table{t("recognize.by-reason"), sorted(byCode(s.Reasons), func(k string) string { return gist(tag, "recognition.reason."+k, k) })},
		table{t("recognize.by-error"), sorted(s.Errors, func(k string) string {
			return gist(tag, "recognition.batch."+k, gist(tag, "sheet.row."+k, k)) // the kinds of recognition/sheet too
		})},
	)

	// One width for every table, so that all counts stand in one column.
	labelCols, countCols := 0, 1
	for _, tb := range tables {
		for i, r := range tb.rows {
			tb.rows[i].label = truncate(r.label, maxLabel)
			labelCols = max(labelCols, columns(tb.rows[i].label))
			countCols = max(countCols, len(fmt.Sprint(r.count)))
		}
	}
	fmt.Fprintf(w, "\n%s\n", t("recognize.summary", s.Lines, s.Elapsed.Round(time.Millisecond)))
	for _, tb := range tables {
		if len(tb.rows) == 0 {
			continue
		}
		if tb.title != "" {
			fmt.Fprintln(w, tb.title)
		}
		for _, r := range tb.rows {
			fmt.Fprintf(w, "  %s  %*d\n", pad(r.label, labelCols), countCols, r.count)
		}
	}
}

// gist renders the message key as a name: its text in the language of tag
// with each argument left out ("…"). fallback is used for an unknown key.
func gist(tag language.Tag, key, fallback string) string {
	zh, en, ok := i18n.Texts(key)
	if !ok {
		return fallback
	}
	s := en
	if i18n.Match(tag) == i18n.Chinese() {
		s = zh
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			b.WriteByte(s[i])
			continue
		}
		j := i + 1
		if j < len(s) && s[j] == '%' {
			b.WriteByte('%')
			i = j
			continue
		}
		for j < len(s) && strings.IndexByte("0123456789.[]+-# *", s[j]) >= 0 {
			j++
		}
		b.WriteString("…")
		i = j
	}
	return b.String()
}

// columns is the width of s on a terminal: wide and full-width (Chinese)
// characters take two columns.
func columns(s string) int {
	cols := 0
	for _, r := range s {
		cols += runeColumns(r)
	}
	return cols
}

func runeColumns(r rune) int {
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

// pad pads s with spaces to n columns of a terminal.
func pad(s string, n int) string {
	if cols := columns(s); cols < n {
		return s + strings.Repeat(" ", n-cols)
	}
	return s
}

// truncate shortens s to at most n columns, ending it with "…".
func truncate(s string, n int) string {
	if columns(s) <= n {
		return s
	}
	cols := 0
	for i, r := range s {
		if cols+runeColumns(r) > n-1 {
			return s[:i] + "…"
		}
		cols += runeColumns(r)
	}
	return s
}

func init() {
	i18n.Table("", [][3]string{
		{"recognize.progress", "已处理 %d 行（每秒 %.0f 行）", "%d lines done (%.0f lines/s)"},
		{"recognize.interrupted", "已中断（Ctrl-C），上面是中断前已处理的行", "interrupted (Ctrl-C); the summary above is what was done before"},
		{"recognize.summary", "共 %d 行，用时 %v", "%d lines in %v"},
		{"recognize.errors", "错误行", "error lines"},
		{"recognize.by-scheme", "按方案：", "by scheme:"},
		{"recognize.by-reason", "按原因：", "by reason:"},
		{"recognize.by-error", "错误类型：", "by kind of error:"},
		{"recognize.unknown-scheme", "未知方案", "unknown scheme"},
		{"recognize.no-scheme", "（未写方案）", "(no scheme)"},
		{"recognize.exit1", "退出状态 1：有 %d 行是错误行（输出中 \"outcome\":\"error\" 的行，\"error\" 说明原因）",
			"exit status 1: %d lines were error lines (\"outcome\":\"error\" in the output; \"error\" says why)"},
		{"recognize.exit2", "退出状态 2：%s", "exit status 2: %s"},
		{"recognize.read-error", "读取 %s 出错，之前读到的各行已判定并输出：%v",
			"reading %s failed; the lines read before were judged and written: %v"},
		{"recognize.write-error", "无法写出结果（标准输出已关闭或磁盘已满？），上面的统计只计已写出的行：%v",
			"writing the output failed (standard output closed, or the disk full?); the summary above counts only the lines written: %v"},
		{"recognize.looks-utf8", "提示：输入看起来是 UTF-8 编码，却按 -encoding gb18030 解码，结果会是乱码：请去掉 -encoding gb18030",
			"note: the input looks like UTF-8, but -encoding gb18030 decodes it as GB18030, which turns it into mojibake: drop -encoding gb18030"},
		{"recognize.use-gb18030", "（可加 -encoding gb18030）", " (or add -encoding gb18030)"},
		{"recognize.usage", "用法：recognize [-lang 语言标签] [-workers N] [-at YYYY-MM-DD] [-encoding utf-8|gb18030] [-scheme 方案定义.json …] [-agreement 文件 …] [-recognizer 方案] [-trust 文件 [-status 文件 …]] [文件 …]（-h 查看说明）",
			"usage: recognize [-lang TAG] [-workers N] [-at YYYY-MM-DD] [-encoding utf-8|gb18030] [-scheme DEFINITION.json ...] [-agreement FILE ...] [-recognizer ID] [-trust FILE [-status FILE ...]] [file ...] (-h for help)"},
		{"recognize.bad-lang", "-lang 应为 BCP 47 语言标签（如 zh、zh-CN、en、en-GB），而不是 %q",
			"-lang must be a BCP 47 language tag (zh, zh-CN, en, en-GB …), not %q"},
		{"recognize.lang-fallback", "没有 %s 的消息，使用中文", "no messages in %s; using English"},
		{"recognize.bad-workers", "-workers 至少为 1", "-workers must be at least 1"},
		{"recognize.workers-clamped", "-workers %s 超过本机可用的 CPU 数，改用 %d",
			"-workers %s is more than the CPUs this machine gives the program; using %d"},
		{"recognize.bad-at", "-at 应为日期 YYYY-MM-DD，而不是 %q", "-at must be a date YYYY-MM-DD, not %q"},
		{"recognize.bad-encoding", "-encoding 应为 utf-8 或 gb18030（含 GBK），而不是 %q",
			"-encoding must be utf-8 or gb18030 (which covers GBK), not %q"},
		{"recognize.bad-trust", "无法读取 -trust 可信密钥文件 %s（应为 Ed25519 公钥的 JWK Set）：%s",
			"cannot read the -trust file %s (a JWK Set of Ed25519 public keys): %s"},
		{"recognize.bad-status", "无法读取 -status 证书状态列表 %s（应由可信密钥签发）：%s",
			"cannot read the -status list %s (it must be signed by a trusted key): %s"},
		{"recognize.status-without-trust", "-status 需要与 -trust 一起使用（证书状态列表须由可信密钥签发）",
			"-status needs -trust (a status list must be signed by a trusted key)"},
		{"recognize.stdin-twice", "标准输入（-）只能列出一次", "standard input (-) can be named only once"},
		{"recognize.open", "无法打开输入：%v", "cannot open an input: %v"},
		{"recognize.plain", "%s", "%s"},
		{"recognize.help", helpZH, helpEN},
	})
}

const helpZH = `recognize：检查合作方品牌的记录能否与“江西绿色生态”互认。

用法：
  recognize [-lang 语言标签] [-workers N] [-at YYYY-MM-DD] [-encoding utf-8|gb18030]
            [-scheme 方案定义.json …] [-agreement 文件 …] [-recognizer 方案]
            [-trust 文件 [-status 文件 …]] [文件 …]

输入：
  依次读取命令行列出的文件；不列文件或写 - 时读取标准输入。
  每行一个 JSON 对象（NDJSON）：
    {"scheme": "<方案代号或中文名>", "record": {<该方案的原生记录>}}
  文件开头的 UTF-8 BOM 会被跳过（但不能证明是 UTF-8）。输入应为 UTF-8；
  GB18030/GBK 编码（Excel 导出的文本常见）请加 -encoding gb18030。
  以 VC-JOSE-COSE 签名的 UNTP 凭证以紧凑 JWS 字符串代替记录：
    {"scheme": "untp", "record": "eyJhbGciOiJFZERTQSIs..."}

输出（标准输出，每个输入行一行，按输入顺序，判定后立即输出）：
  {"line": 行号, "file": "文件", "scheme": "方案", "number": "证书编号",
   "outcome": "recognized"|"conditional"|"rejected"|"error",
   "agreement": {"id": "协议", "version": "版本"},
   "reasons": [{"code": "原因代码", "message": "说明"}], "error": "错误说明"}
  line     行号，从 1 起，空行也计数；多个输入时为该文件内的行号
  file     输入文件名，仅在有多个输入时出现
  scheme   方案代号；未知方案按输入原样给出
  number   记录中的证书编号（有则给出，错误行也保留）
  outcome  recognized 互认，conditional 需补充评价，rejected 不予互认，error 错误行
  agreement 所依据的协议（id 与 version；default 为默认条款）
  reasons  判定原因，code 稳定可供程序使用，message 按 -lang 的语言
  error    仅错误行有：该行为何无法判定

标准错误：长输入的进度，结束时的汇总表（按 -lang 的语言）。

选项：
  -lang 标签       消息语言，任意 BCP 47 标签（zh、zh-CN、en、en-GB …；默认 zh）
  -workers N       并行检查的数量（默认及上限：本机可用 CPU 数 %d）
  -at YYYY-MM-DD   判定有效期所依据的日期（默认今天，北京时间）
  -encoding 编码   utf-8（默认）或 gb18030（含 GBK）
  -agreement 文件  按协议文件的条款判定（可重复）：取代其所涉方案的默认条款，
                   按 -at 当日有效的版本；不加时使用文档所述的默认条款
  -recognizer 方案 按该方案（如 zhejiang）的条款判定“江西绿色生态”的证书
                   （默认 jxgreen，或协议文件所写的认可方）
  -agreement-schema 输出协议文件的 JSON Schema
  -scheme 文件     加载方案定义文件（以 .json 结尾；JSON，不必写 Go），本次运行即可读该方案的记录；可重复
                   （不以 .json 结尾的值是整个表格文件的方案，见下文表格部分）
  -trust 文件      可信签发方公钥（Ed25519 的 JWK Set）：签名可用其验证的凭证为“签名已验证”，
                   其他凭证（未签名或密钥不受信任）“未经验证”，不能仅凭其自述互认
  -status 文件     已发布的证书状态列表（须由可信密钥签发），用于读取凭证的状态；可多次给出
  -h, --help       显示本说明

退出状态：
  0  每一行都已判定
  1  有错误行（汇总表后说明有几行）
  2  用法错误、输入无法读取或不是 UTF-8、结果无法写出、或被中断（Ctrl-C 立即停止并给出已处理部分的汇总）
`

const helpEN = `recognize: checks partner schemes' records for mutual recognition with
江西绿色生态 (Jiangxi Green Ecology).

Usage:
  recognize [-lang TAG] [-workers N] [-at YYYY-MM-DD] [-encoding utf-8|gb18030]
            [-scheme DEFINITION.json ...] [-agreement FILE ...] [-recognizer ID]
            [-trust FILE [-status FILE ...]] [file ...]

Input:
  The files named, one after the other; standard input when none is named
  or for "-". One JSON object a line (NDJSON):
    {"scheme": "<scheme id or Chinese name>", "record": {<the scheme's native record>}}
  A UTF-8 byte order mark is skipped. Input must be UTF-8; for GB18030/GBK
  (as Excel exports text) add -encoding gb18030.
  A UNTP credential secured with VC-JOSE-COSE travels as its compact JWS,
  a string in place of the record:
    {"scheme": "untp", "record": "eyJhbGciOiJFZERTQSIs..."}

Output (standard output: one line per input line, in input order, written
as soon as it is decided):
  {"line": N, "file": "...", "scheme": "...", "number": "...",
   "outcome": "recognized"|"conditional"|"rejected"|"error",
   "agreement": {"id": "...", "version": "..."},
   "reasons": [{"code": "...", "message": "..."}], "error": "..."}
  line     line number from 1, blank lines included; within its file when
           there are several inputs
  file     the input file, only when there are several inputs
  scheme   the scheme id; an unknown scheme as written
  number   the record's certificate number, when it has one (error lines too)
  outcome  recognized, conditional (needs a supplementary assessment),
           rejected, or error
  agreement the terms applied (id and version; "default" for the defaults)
  reasons  why: code is stable for programs, message in the -lang language
  error    on error lines only: why the line could not be judged

Standard error: progress on long inputs, and a summary table at the end, in
the -lang language.

Flags:
  -lang TAG        language of messages, any BCP 47 tag (zh, zh-CN, en, en-GB …;
                   default zh; languages other than Chinese get English)
  -workers N       records checked in parallel (default and most: the %d CPUs
                   this machine gives the program)
  -at YYYY-MM-DD   the date validity is judged on (default today, China time)
  -encoding NAME   utf-8 (default) or gb18030 (which covers GBK)
  -agreement FILE  judge by the terms of an agreement file (repeatable): they
                   replace the default terms of the schemes they cover, in the
                   version in force on the -at day; without it, the documented
                   default terms apply
  -recognizer ID   judge 江西绿色生态 certificates by the terms of that scheme
                   (zhejiang …; default jxgreen, or the agreement files' recognizer)
  -agreement-schema  print the JSON Schema of agreement files
  -scheme FILE     load a scheme definition file (a name ending in .json; no Go needed;
                   a value not ending in .json names the scheme of a whole spreadsheet,
                   see below): this run reads
                   that scheme's records; may be repeated
  -trust FILE      the issuer public keys to trust (a JWK Set of Ed25519 keys):
                   a credential whose signature verifies with one is
                   integrity-checked; any other (unsigned, or signed by a key
                   not trusted) is unverified, never recognised on its own word
  -status FILE     a published status list (signed by a trusted key) to read
                   credentials' status in; may be given several times
  -h, --help       this help

Exit status:
  0  every line was judged
  1  some lines were error lines (the summary says how many)
  2  bad usage, an input that cannot be read or is not UTF-8, output that
     cannot be written, or an interrupt (Ctrl-C stops at once, with the
     summary of what was done)
`

// sniffer passes input through to the GB18030 decoder: it drops a leading
// UTF-8 byte order mark, and calls warn once when the first read with
// non-ASCII bytes holds valid UTF-8, which GB18030 text almost never is.
type sniffer struct {
	r       io.Reader
	warn    func()
	started bool   // the first bytes have been looked at for a BOM
	judged  bool   // the first non-ASCII bytes have been looked at
	head    []byte // the first bytes, while they could still be a BOM
	pending []byte // bytes read but not yet given out
	err     error  // the error that came with pending
}

func (s *sniffer) Read(p []byte) (int, error) {
	if len(s.pending) > 0 {
		n := copy(p, s.pending)
		s.pending = s.pending[n:]
		s.judge(p[:n])
		return n, nil
	}
	if s.err != nil {
		return 0, s.err
	}
	n, err := s.r.Read(p)
	if !s.started {
		s.head = append(s.head, p[:n]...)
		if len(s.head) < len(bom) && strings.HasPrefix(bom, string(s.head)) && err == nil {
			return 0, nil // too few bytes to tell yet
		}
		s.started = true
		s.pending = bytes.TrimPrefix(s.head, []byte(bom))
		s.head = nil
		n = copy(p, s.pending)
		s.pending = s.pending[n:]
		if len(s.pending) > 0 {
			s.err, err = err, nil
		}
	}
	s.judge(p[:n])
	return n, err
}

// judge calls warn when the first bytes that are not ASCII are UTF-8.
func (s *sniffer) judge(b []byte) {
	if s.judged {
		return
	}
	i := bytes.IndexFunc(b, func(r rune) bool { return r >= utf8.RuneSelf })
	if i < 0 {
		return
	}
	s.judged = true
	b = b[i:]
	// A character may be cut at the end of the read.
	for k := 0; k < utf8.UTFMax && len(b) > 0; k++ {
		if utf8.Valid(b) {
			s.warn()
			return
		}
		b = b[:len(b)-1]
	}
}

// bom is the UTF-8 byte order mark.
const bom = "\uFEFF"

// byCode keys the counts of reasons by their codes' strings, for the table.
func byCode(m map[recognition.ReasonCode]int) map[string]int {
	out := make(map[string]int, len(m))
	for k, v := range m {
		out[k.String()] = v
	}
	return out
}

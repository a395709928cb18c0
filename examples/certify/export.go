package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/certification/sqlstore"
	"github.com/jxgreen/jxgreen/recognition"
	_ "github.com/jxgreen/jxgreen/recognition/all" // every scheme's format
)

func init() {
	i18n.Table("certify.export.", [][3]string{
		{"unknown", "未知的方案 %q，可选：%s", "unknown scheme %q; choose one of: %s"},
		{"bad-at", "-at 应为日期 YYYY-MM-DD，而不是 %q", "-at must be a date YYYY-MM-DD, not %q"},
		{"done", "已按 %s（%s）的格式导出 %d 张证书，状态按 %s 计", "exported %[3]d certificate(s) in the format of %[1]s (%[2]s), status as of %[4]s"},
		{"left", "%d 张证书未导出：", "%d certificate(s) not exported:"},
		{"no-store", "存储文件 %s 不存在：请检查路径（导出不会新建存储）", "the store file %s does not exist: check the path (an export creates no store)"},
	})
}

// runExport writes the certificates of the store in file in the native
// format of scheme, as NDJSON on stdout (recognition.Export), their
// status as of at ("" for today). Without a store file, the walk-through
// runs first in a temporary one, its narration on stderr, so that there
// is something to export.
func runExport(scheme, file, at string, tag language.Tag, lang string, stdout, stderr io.Writer) int {
	to, ok := recognition.Lookup(scheme)
	if !ok {
		var ids []string
		for _, a := range recognition.Adapters() {
			ids = append(ids, string(a.Brand().ID))
		}
		fmt.Fprintln(stderr, "certify: "+i18n.Sprintf(tag, "certify.export.unknown", scheme, fmt.Sprint(ids)))
		return 2
	}
	when := time.Now().In(brand.ChinaTime())
	when = time.Date(when.Year(), when.Month(), when.Day(), 0, 0, 0, 0, brand.ChinaTime())
	if at != "" {
		t, err := time.ParseInLocation(time.DateOnly, at, brand.ChinaTime())
		if err != nil {
			fmt.Fprintln(stderr, "certify: "+i18n.Sprintf(tag, "certify.export.bad-at", at))
			return 2
		}
		when = t
	}
	if file == "" {
		dir, err := os.MkdirTemp("", "certify")
		if err != nil {
			fmt.Fprintln(stderr, "certify:", err)
			return 1
		}
		defer os.RemoveAll(dir)
		file = filepath.Join(dir, "certificates.db")
		if code := run([]string{"-lang", lang, "-db", file}, stderr, stderr); code != 0 {
			return code
		}
	}
	certs, err := storedCertificates(file)
	if err != nil {
		fmt.Fprintln(stderr, "certify:", i18n.Error(err, tag))
		return 1
	}
	n, err := recognition.Export(stdout, to, when, certs)
	b := to.Brand()
	fmt.Fprintln(stderr, i18n.Sprintf(tag, "certify.export.done", string(b.ID), b.Name, n, when.Format(time.DateOnly)))
	if err != nil {
		var left []error
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			left = j.Unwrap()
		} else {
			left = []error{err}
		}
		fmt.Fprintln(stderr, i18n.Sprintf(tag, "certify.export.left", len(left)))
		for _, e := range left {
			fmt.Fprintln(stderr, "  -", i18n.Error(e, tag))
		}
		var we *recognition.WriteError
		if errors.As(err, &we) {
			return 2
		}
		return 1
	}
	return 0
}

// storedCertificates reads every certificate of the store in file, in the
// order they were added. A file that does not exist is an error, not an
// empty store: sqlstore.OpenFile would create it, and a mistyped path
// would export nothing without a word.
func storedCertificates(file string) ([]certification.Certificate, error) {
	if _, err := os.Stat(file); errors.Is(err, fs.ErrNotExist) {
		return nil, noStoreError(file)
	}
	ctx := context.Background()
	s, err := sqlstore.OpenFile(ctx, file)
	if err != nil {
		return nil, err
	}
	defer s.Close()
	var buf bytes.Buffer
	if _, err := s.Export(ctx, &buf); err != nil {
		return nil, err
	}
	var certs []certification.Certificate
	sc := bufio.NewScanner(&buf)
	sc.Buffer(nil, sqlstore.MaxLine)
	for sc.Scan() {
		var c certification.Certificate
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			return nil, err
		}
		certs = append(certs, c)
	}
	return certs, sc.Err()
}

// noStoreError reports a store file that does not exist, in the reader's
// language.
type noStoreError string

// Error returns the English description of the error.
func (e noStoreError) Error() string { return e.Localize(i18n.English()) }

// Localize describes the error in the language that best matches tag.
func (e noStoreError) Localize(tag language.Tag) string {
	return i18n.Sprintf(tag, "certify.export.no-store", string(e))
}

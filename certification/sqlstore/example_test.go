package sqlstore_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/certification/certtest"
	"github.com/jxgreen/jxgreen/certification/sqlstore"
)

// A store in a SQLite file: add a (synthetic) certificate, suspend it, close,
// reopen and find it as it was.
func ExampleOpenFile() {
	ctx := context.Background()
	dir, _ := os.MkdirTemp("", "example")
	defer os.RemoveAll(dir)
	file := filepath.Join(dir, "certificates.db")

	s, err := sqlstore.OpenFile(ctx, file)
	if err != nil {
		fmt.Println(err)
		return
	}
	c := certtest.Certificate(1) // JXGE-SYN-0000001, synthetic
	if err := s.Add(c); err != nil {
		fmt.Println(err)
	}
	err = s.Update(c.Number, func(c *certification.Certificate) error {
		return c.Suspend(certtest.Day(2026, 5, 1), "合成样例：监督发现不符合")
	})
	fmt.Println(err)
	s.Close()

	s, _ = sqlstore.OpenFile(ctx, file)
	defer s.Close()
	got, ok := s.Certificate("ｊｘｇｅ－ｓｙｎ－００００００１")
	fmt.Println(ok, got.Number, got.StatusAt(certtest.Day(2026, 6, 1)).String(), len(got.History))
	// Output:
	// <nil>
	// true JXGE-SYN-0000001 suspended 2
}

// An import with bad lines is refused whole; the error names each line.
func ExampleStore_Import() {
	ctx := context.Background()
	dir, _ := os.MkdirTemp("", "example")
	defer os.RemoveAll(dir)
	s, _ := sqlstore.OpenFile(ctx, filepath.Join(dir, "certificates.db"))
	defer s.Close()

	file := `{"number": "JX-1",
{"number": "", "scheme": "jxgreen"}
`
	_, err := s.Import(ctx, strings.NewReader(file), sqlstore.ImportOptions{})
	fmt.Println(i18n.Error(err, language.English))
	fmt.Println(i18n.Error(err, language.Chinese))
	var ie *sqlstore.ImportError
	if errors.As(err, &ie) {
		for _, l := range ie.Bad {
			fmt.Println("line", l.Line)
		}
	}
	n, _ := s.Len(ctx)
	fmt.Println(n, "certificates")
	// Output:
	// import failed: 2 bad lines, the first line 1: invalid certificate JSON: unexpected EOF
	// 导入失败：2 行有错误，首个为 第 1 行：证书 JSON 无效：unexpected EOF
	// line 1
	// line 2
	// 0 certificates
}

package sqlstore_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/certification/certtest"
	"github.com/jxgreen/jxgreen/certification/sqlstore"
)

// Example_readme is the README's "Keeping certificates" snippet, on a
// synthetic certificate in a temporary SQLite file.
func Example_readme() {
	ctx := context.Background()
	dir, _ := os.MkdirTemp("", "readme")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "certificates.db")
	c := certtest.Certificate(1) // JXGE-SYN-0000001, synthetic
	at, t := certtest.Day(2026, 5, 1), certtest.Day(2026, 6, 1)

	// c is a certificate; at and t are times; path and dir name a file and a folder.
	s, err := sqlstore.OpenFile(ctx, path) // SQLite, pure Go: a file path is all; OpenPostgres(ctx, dsn) for PostgreSQL
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()

	fmt.Println(s.Add(c)) // <nil>
	err = s.Update(c.Number, func(c *certification.Certificate) error { return c.Suspend(at, "合成样例：监督发现不符合") })
	fmt.Println(err)                             // <nil>
	got, ok := s.Certificate("ｊｘｇｅ－ｓｙｎ－００００００１") // numbers fold as in the Registry
	fmt.Println(ok, got.Number)                  // true JXGE-SYN-0000001
	fmt.Println(len(s.ByHolder(c.Holder.Code)), len(s.ByProduct(c.Product)))
	// 1 1
	suspended, err := s.WithStatus(ctx, certification.Suspended, t) // computed by StatusAt, never stored
	fmt.Println(len(suspended), err)                                // 1 <nil>
	changes, err := s.Changes(ctx, 0, 100)                          // the feed: every add, step and edit, in commit order
	fmt.Println(len(changes), err)                                  // 2 <nil>

	var file bytes.Buffer
	n, err := s.Export(ctx, &file) // NDJSON, one certificate (history included) a line
	fmt.Println(n, err)            // 1 <nil>
	other, _ := sqlstore.OpenFile(ctx, filepath.Join(dir, "other.db"))
	defer other.Close()
	res, err := other.Import(ctx, &file, sqlstore.ImportOptions{}) // all or nothing; SkipBad: true skips bad lines
	fmt.Println(res.Added, err)                                    // 1 <nil>
	// Output:
	// <nil>
	// <nil>
	// true JXGE-SYN-0000001
	// 1 1
	// 1 <nil>
	// 2 <nil>
	// 1 <nil>
	// 1 <nil>
}

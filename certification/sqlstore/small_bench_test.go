package sqlstore

import (
	"context"
	"testing"

	"github.com/jxgreen/jxgreen/certification/certtest"
)

// BenchmarkLookupSmall looks certificates up by number among 10,000 in a
// SQLite store: the cost of one lookup without the size of the database.
func BenchmarkLookupSmall(b *testing.B) {
	s := openSQLite(b)
	if _, err := s.Import(context.Background(), generate(10_000), ImportOptions{}); err != nil {
		b.Fatal(err)
	}
	numbers := make([]string, 1024)
	for i := range numbers {
		numbers[i] = certtest.Certificate((i * 977) % 10_000).Number
	}
	lookups(b, s, numbers)
}

package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/jxgreen/jxgreen/certification/certtest"
)

// openSQLite returns a store on a new SQLite file in a temporary folder.
func openSQLite(t testing.TB) *Store {
	t.Helper()
	s, err := OpenFile(context.Background(), filepath.Join(t.TempDir(), "certificates.db"))
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	return s
}

// pgDSN returns the DSN of the test PostgreSQL server (JXGREEN_PG_DSN), or
// skips the test when none is set. CI always sets one.
func pgDSN(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv("JXGREEN_PG_DSN")
	if dsn == "" && os.Getenv("CI") != "" {
		t.Fatal("CI must set JXGREEN_PG_DSN: .ci/run starts a PostgreSQL server")
	}
	if dsn == "" {
		t.Skip("JXGREEN_PG_DSN is not set: no PostgreSQL to test against (see README)")
	}
	return dsn
}

var schemas atomic.Int64

// withSearchPath returns dsn with its search path set to schema.
func withSearchPath(dsn, schema string) string {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		sep := "?"
		if strings.Contains(dsn, "?") {
			sep = "&"
		}
		return dsn + sep + "search_path=" + schema
	}
	return dsn + " search_path=" + schema
}

// newSchema creates a new, empty PostgreSQL schema for one test and returns
// a DSN that uses it; the schema is dropped when the test ends.
func newSchema(t testing.TB) string {
	t.Helper()
	dsn := pgDSN(t)
	admin, err := sql.Open("pgx", dsn)
	require.NoError(t, err)
	t.Cleanup(func() { admin.Close() })
	schema := fmt.Sprintf("jxgreen_test_%d_%d", os.Getpid(), schemas.Add(1))
	_, err = admin.Exec("CREATE SCHEMA " + schema)
	require.NoError(t, err)
	t.Cleanup(func() { admin.Exec("DROP SCHEMA " + schema + " CASCADE") })
	return withSearchPath(dsn, schema)
}

// openPostgres returns a store on a new schema of the test PostgreSQL.
func openPostgres(t testing.TB) *Store {
	t.Helper()
	s, err := OpenPostgres(context.Background(), newSchema(t))
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	return s
}

func TestConformanceSQLite(t *testing.T) {
	certtest.Run(t, func(t *testing.T) certtest.Store { return openSQLite(t) }, certtest.Options{})
}

func TestConformancePostgres(t *testing.T) {
	pgDSN(t)
	certtest.Run(t, func(t *testing.T) certtest.Store { return openPostgres(t) }, certtest.Options{})
}

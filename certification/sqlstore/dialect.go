package sqlstore

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5/stdlib"
	"modernc.org/sqlite"
)

// dialect is everything that differs between SQLite and PostgreSQL: the
// placeholders, the type of an automatic key, and how a write transaction
// takes its lock. The SQL itself is shared; it is written with ? and
// rebound to $1, $2, … for PostgreSQL.
type dialect struct {
	name string
	// autoID is the column type of an automatically numbered primary key.
	autoID string
	// forUpdate ends a SELECT that locks the rows it reads.
	forUpdate string
	// numbered placeholders ($1) instead of ?.
	numbered bool
	// immediate: a write transaction is BEGIN IMMEDIATE on a dedicated
	// connection (SQLite), so it holds the write lock from its first
	// statement and never fails upgrading a read lock; otherwise
	// sql.DB.BeginTx (PostgreSQL).
	immediate bool
	// migrateLock, when set, is run first in the migration transaction so
	// that stores opening a new database at once migrate it one at a time
	// (PostgreSQL's CREATE TABLE IF NOT EXISTS is not safe against a
	// concurrent one; SQLite's BEGIN IMMEDIATE already serialises).
	migrateLock string
}

var (
	sqliteDialect = &dialect{
		name:      "sqlite",
		autoID:    "INTEGER PRIMARY KEY",
		immediate: true,
	}
	postgresDialect = &dialect{
		name:        "postgres",
		autoID:      "BIGSERIAL PRIMARY KEY",
		forUpdate:   " FOR UPDATE",
		numbered:    true,
		migrateLock: "SELECT pg_advisory_xact_lock(3612012)", // any constant: 36 for Jiangxi, issue 12
	}
)

// dialectOf picks the dialect from the driver behind db.
func dialectOf(db *sql.DB) (*dialect, bool) {
	switch db.Driver().(type) {
	case *sqlite.Driver:
		return sqliteDialect, true
	case *stdlib.Driver:
		return postgresDialect, true
	}
	return nil, false
}

// q rewrites the shared SQL for the dialect: ? placeholders become $n and
// {{id}} the automatic key type.
func (d *dialect) q(s string) string {
	s = strings.ReplaceAll(s, "{{id}}", d.autoID)
	if !d.numbered || !strings.Contains(s, "?") {
		return s
	}
	var b strings.Builder
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// querier is what *sql.Tx and *sql.Conn have in common.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	PrepareContext(ctx context.Context, query string) (*sql.Stmt, error)
}

// busyTimeout is how long a SQLite writer waits for another one (another
// goroutine or another process) to finish, in milliseconds.
const busyTimeout = 30000

// write runs fn in one write transaction: committed if fn returns nil,
// rolled back otherwise.
func (d *dialect) write(ctx context.Context, db *sql.DB, fn func(q querier) error) (err error) {
	if !d.immediate {
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if err := fn(tx); err != nil {
			_ = tx.Rollback()
			return err
		}
		return tx.Commit()
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	// The busy timeout is set on every connection that writes, so a *sql.DB
	// opened without it still waits for other writers instead of failing.
	if _, err := conn.ExecContext(ctx, "PRAGMA busy_timeout = "+strconv.Itoa(busyTimeout)); err != nil {
		return err
	}
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		return err
	}
	if err := fn(conn); err != nil {
		if _, rerr := conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK"); rerr != nil {
			discard(conn)
		}
		return err
	}
	if _, err := conn.ExecContext(ctx, "COMMIT"); err != nil {
		if _, rerr := conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK"); rerr != nil {
			discard(conn)
		}
		return err
	}
	return nil
}

// discard keeps a connection whose transaction state is unknown out of the
// pool.
func discard(conn *sql.Conn) {
	_ = conn.Raw(func(any) error { return driver.ErrBadConn })
}

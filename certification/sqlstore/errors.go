package sqlstore

import (
	"database/sql"
	"database/sql/driver"
	"errors"

	"github.com/jackc/pgx/v5/pgconn"
	"golang.org/x/text/language"
	"modernc.org/sqlite"

	"github.com/jxgreen/jxgreen/brand/i18n"
)

// DBError is an error of the database itself (a lost connection, a busy
// SQLite file, a PostgreSQL error, …), as opposed to a certificate the
// rules refuse. Err is the driver's error; it wraps [ErrDatabase] too.
type DBError struct{ Err error }

func init() {
	i18n.Set("sqlstore.DBError", "数据库错误：%s", "database error: %s")
}

// Error returns the English description of the error.
func (e *DBError) Error() string { return "sqlstore: database error: " + e.Err.Error() }

// Unwrap returns [ErrDatabase] and the driver's error.
func (e *DBError) Unwrap() []error { return []error{ErrDatabase, e.Err} }

// Localize describes the error in the language that best matches tag; the
// driver's own text follows as the driver wrote it.
func (e *DBError) Localize(tag language.Tag) string {
	return i18n.Sprintf(tag, "sqlstore.DBError", e.Err.Error())
}

// dbError wraps a database error in a *DBError, once.
func dbError(err error) error {
	var de *DBError
	if err == nil || errors.As(err, &de) {
		return err
	}
	return &DBError{Err: err}
}

// fromDB wraps err in a *DBError when it comes from the database or its
// driver, and leaves the errors of the rules and of callbacks as they are.
func fromDB(err error) error {
	var (
		se *sqlite.Error
		pe *pgconn.PgError
		ce *pgconn.ConnectError
	)
	if errors.As(err, &se) || errors.As(err, &pe) || errors.As(err, &ce) ||
		errors.Is(err, driver.ErrBadConn) || errors.Is(err, sql.ErrConnDone) || errors.Is(err, sql.ErrTxDone) {
		return dbError(err)
	}
	return err
}

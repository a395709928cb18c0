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
	// The cases of the sentinel errors ([i18n.Sentinel.With]).
	i18n.Table("sqlstore.case.", [][3]string{
		{"driver", "不支持的数据库驱动 %s（仅支持 SQLite 与 PostgreSQL）", "unsupported database driver %s (SQLite and PostgreSQL only)"},
		{"file", "无法使用的数据库文件名 %q（为空或含有 ? 或 #）", "unusable database file name %q (empty, or holding ? or #)"},
		{"schema", "数据库结构版本为 %d，本版本只认识到 %d", "schema version %d, this package knows %d"},
	})
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

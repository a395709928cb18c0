// Package sqlstore keeps certificates and their full history in a SQL
// database through database/sql, with the API of the in-memory
// [certification.Registry]: it implements [certification.Lookup] and the
// write side (Add, Update), plus what services ask for: certificates of a
// holder or a product, with a status at a time, a feed of changes, and
// export and import as NDJSON.
//
// SQLite through the pure-Go modernc.org/sqlite driver is the embedded
// default: [OpenFile] takes a file path. PostgreSQL through
// github.com/jackc/pgx/v5's database/sql driver serves several services
// at once: [OpenPostgres] takes a DSN. [Open] takes a *sql.DB of either.
//
// The store applies exactly the rules of [certification.Registry]: every
// write goes through a one-certificate Registry before it reaches the
// database, so a certificate the Registry refuses is refused here too, with
// the same error.
package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/certification/creditcode"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	"modernc.org/sqlite"               // registers the "sqlite" driver
	sqlite3 "modernc.org/sqlite/lib"
)

// Sentinel errors of the store.
var (
	// ErrDriver: the *sql.DB is neither SQLite (modernc.org/sqlite) nor
	// PostgreSQL (pgx stdlib).
	ErrDriver = i18n.NewSentinel("sqlstore.ErrDriver", "不支持的数据库驱动（仅支持 SQLite 与 PostgreSQL）", "unsupported database driver (SQLite and PostgreSQL only)")
	// ErrSchema: the database was written by a newer version of this
	// package, or its tables are not this package's.
	ErrSchema = i18n.NewSentinel("sqlstore.ErrSchema", "数据库结构版本不受支持", "unsupported database schema version")
	// ErrImport: an import file has bad lines; an [*ImportError] lists them.
	ErrImport = i18n.NewSentinel("sqlstore.ErrImport", "导入文件含有错误行", "the import file has bad lines")
	// ErrFileName: a SQLite file name that [OpenFile] cannot use (empty,
	// or holding ? or #, which the driver reads as options).
	ErrFileName = i18n.NewSentinel("sqlstore.ErrFileName", "无法使用的数据库文件名（为空或含有 ? 或 #）", "unusable database file name (empty, or holding ? or #)")
	// ErrCorrupt: a stored certificate cannot be read back.
	ErrCorrupt = i18n.NewSentinel("sqlstore.ErrCorrupt", "存储的证书无法读取", "a stored certificate cannot be read")
	// ErrDatabase: the database failed (a lost connection, a busy SQLite
	// file, a PostgreSQL error, …); a [*DBError] carries the driver's error.
	ErrDatabase = i18n.NewSentinel("sqlstore.ErrDatabase", "数据库错误", "database error")
)

// Store is a certificate registry kept in a SQL database. It is safe for
// concurrent use, by goroutines and by other processes (or, with
// PostgreSQL, other machines) sharing the same database.
type Store struct {
	db    *sql.DB
	d     *dialect
	owned bool // Close closes db
	get   *sql.Stmt
	// Now is the clock that stamps the changes feed; time.Now when nil.
	Now func() time.Time
}

// Lookup methods keep the [certification.Lookup] signatures; they use
// a background context and report a database error as "not found". Get
// makes the store a [certification.ContextLookup], so that a caller that
// must tell an outage from an unknown certificate (package mark's
// verifier) can.
var _ certification.ContextLookup = (*Store)(nil)

// Open returns a store on db, creating its tables or migrating them to the
// current schema version. db must come from modernc.org/sqlite (driver
// "sqlite") or from pgx's database/sql driver (driver "pgx"); the store
// does not close it.
func Open(ctx context.Context, db *sql.DB) (*Store, error) {
	d, ok := dialectOf(db)
	if !ok {
		return nil, ErrDriver.With("sqlstore.case.driver", fmt.Sprintf("%T", db.Driver()))
	}
	s := &Store{db: db, d: d}
	if d == sqliteDialect {
		if err := wal(ctx, db); err != nil {
			return nil, err
		}
	}
	if err := s.migrate(ctx); err != nil {
		return nil, err
	}
	// The lookup by number is the hot path: prepared once, per connection.
	get, err := db.PrepareContext(ctx, d.q(`SELECT doc FROM jxgreen_certificates WHERE number_key = ?`))
	if err != nil {
		return nil, dbError(err)
	}
	s.get = get
	return s, nil
}

// wal puts a SQLite database in WAL mode, which lets readers go on while
// one writer commits; it is a property of the file, kept once set.
// Switching needs the file to itself, and the busy timeout does not cover
// it: stores opening a new file at once wait for each other here.
func wal(ctx context.Context, db *sql.DB) error {
	deadline := time.Now().Add(busyTimeout * time.Millisecond)
	for {
		var mode string
		err := db.QueryRowContext(ctx, "PRAGMA journal_mode = WAL").Scan(&mode)
		if err == nil && strings.EqualFold(mode, "wal") {
			return nil
		}
		if err == nil {
			err = fmt.Errorf("journal mode %s", mode)
		}
		var se *sqlite.Error
		if !errors.As(err, &se) || se.Code()&0xff != sqlite3.SQLITE_BUSY || time.Now().After(deadline) {
			return dbError(err)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// OpenFile opens (creating it if need be) the SQLite database in the file
// at path and returns a store on it. Close closes the database.
func OpenFile(ctx context.Context, path string) (*Store, error) {
	if path == "" || strings.ContainsAny(path, "?#") {
		return nil, ErrFileName.With("sqlstore.case.file", path)
	}
	db, err := sql.Open("sqlite", path+fmt.Sprintf("?_pragma=busy_timeout(%d)&_txlock=immediate", busyTimeout))
	if err != nil {
		return nil, dbError(err)
	}
	s, err := Open(ctx, db)
	if err != nil {
		db.Close()
		return nil, err
	}
	s.owned = true
	return s, nil
}

// OpenPostgres connects to the PostgreSQL database named by dsn (a URL
// such as postgres://user@host:5432/db or a key=value string) and returns
// a store on it. Close closes the connection pool.
func OpenPostgres(ctx context.Context, dsn string) (*Store, error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, dbError(err)
	}
	s, err := Open(ctx, db)
	if err != nil {
		db.Close()
		return nil, err
	}
	s.owned = true
	return s, nil
}

// Close closes the database if the store opened it ([OpenFile],
// [OpenPostgres]); a *sql.DB given to [Open] stays open.
func (s *Store) Close() error {
	s.get.Close()
	if s.owned {
		return s.db.Close()
	}
	return nil
}

// DB returns the database the store uses.
func (s *Store) DB() *sql.DB { return s.db }

func (s *Store) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

// migrations are the schema versions in order: migrations[i] brings a
// database from version i to i+1. Only ever append.
var migrations = []string{
	// 1: certificates (the whole certificate as JSON in doc, with the
	// columns that lookups use), the changes feed and its counter.
	`CREATE TABLE jxgreen_certificates (
		id          {{id}},
		number_key  TEXT NOT NULL UNIQUE,
		holder_code TEXT NOT NULL,
		product_key TEXT NOT NULL,
		issued      BIGINT NOT NULL,
		expires     BIGINT NOT NULL,
		events      INTEGER NOT NULL,
		doc         TEXT NOT NULL
	);
	CREATE INDEX jxgreen_certificates_holder ON jxgreen_certificates (holder_code);
	CREATE INDEX jxgreen_certificates_product ON jxgreen_certificates (product_key);
	CREATE TABLE jxgreen_changes (
		seq        BIGINT PRIMARY KEY,
		number     TEXT NOT NULL,
		kind       TEXT NOT NULL,
		step       INTEGER NOT NULL,
		event      TEXT NOT NULL,
		recorded   BIGINT NOT NULL
	);
	CREATE INDEX jxgreen_changes_recorded ON jxgreen_changes (recorded);
	CREATE TABLE jxgreen_counter (name TEXT PRIMARY KEY, n BIGINT NOT NULL);
	INSERT INTO jxgreen_counter (name, n) VALUES ('changes', 0)`,
}

// SchemaVersion is the schema version this package writes: the number of
// migrations (a test keeps the two equal).
const SchemaVersion = 1

func (s *Store) migrate(ctx context.Context) error {
	// Everything happens in one write transaction, so stores opening a new
	// database at once (goroutines, processes, services) migrate it once.
	err := s.d.write(ctx, s.db, func(q querier) error {
		if s.d.migrateLock != "" {
			if _, err := q.ExecContext(ctx, s.d.migrateLock); err != nil {
				return err
			}
		}
		if _, err := q.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS jxgreen_schema (id INTEGER PRIMARY KEY, version INTEGER NOT NULL)`); err != nil {
			return err
		}
		if _, err := q.ExecContext(ctx, s.d.q(`INSERT INTO jxgreen_schema (id, version) VALUES (1, 0) ON CONFLICT (id) DO NOTHING`)); err != nil {
			return err
		}
		var v int
		if err := q.QueryRowContext(ctx, s.d.q(`UPDATE jxgreen_schema SET version = version WHERE id = 1 RETURNING version`)).Scan(&v); err != nil {
			return err
		}
		if v > len(migrations) || v < 0 {
			return ErrSchema.With("sqlstore.case.schema", v, len(migrations))
		}
		for i := v; i < len(migrations); i++ {
			for _, stmt := range strings.Split(migrations[i], ";") {
				if strings.TrimSpace(stmt) == "" {
					continue
				}
				if _, err := q.ExecContext(ctx, s.d.q(stmt)); err != nil {
					return fmt.Errorf("sqlstore: migration %d: %w", i+1, err)
				}
			}
		}
		_, err := q.ExecContext(ctx, s.d.q(`UPDATE jxgreen_schema SET version = ? WHERE id = 1`), len(migrations))
		return err
	})
	if err != nil && !errors.Is(err, ErrSchema) {
		return fromDB(err)
	}
	return err
}

// row is a certificate as stored.
type row struct {
	key, holder, product string
	issued, expires      int64
	events               int
	doc                  []byte
}

func toRow(c certification.Certificate) (row, error) {
	key, ok := foldKey(c.Number)
	if !ok || key == "" {
		return row{}, &certification.FieldError{Field: "number", Reason: certification.ReasonInvalid, Value: c.Number}
	}
	product, _ := foldKey(c.Product)
	doc, err := json.Marshal(c)
	if err != nil {
		return row{}, err
	}
	return row{
		key:     key,
		holder:  holderKey(c.Holder.Code),
		product: product,
		issued:  c.Issued.Unix(),
		expires: c.Expires.Unix(),
		events:  len(c.History),
		doc:     doc,
	}, nil
}

// stored is a Certificate without its strict UnmarshalJSON: a stored
// document was written by the store from a certificate that passed
// Validate, so reading it back skips the member-by-member scan of the
// strict decoder (three times the cost of a lookup) and runs Validate only.
type stored certification.Certificate

func decodeDoc(doc []byte) (certification.Certificate, error) {
	var c certification.Certificate
	if err := json.Unmarshal(doc, (*stored)(&c)); err != nil {
		return c, fmt.Errorf("sqlstore: %w: %w", ErrCorrupt, err)
	}
	if err := c.Validate(); err != nil {
		return c, fmt.Errorf("sqlstore: %w: %w", ErrCorrupt, err)
	}
	return c, nil
}

// normalize runs c through a one-certificate [certification.Registry]: the
// Registry's own checks and canonical forms, written once, there.
func normalize(c certification.Certificate) (certification.Certificate, error) {
	var r certification.Registry
	if err := r.Add(c); err != nil {
		return c, err
	}
	got, _ := r.Certificate(c.Number)
	return got, nil
}

const insertCert = `INSERT INTO jxgreen_certificates (number_key, holder_code, product_key, issued, expires, events, doc)
	VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (number_key) DO NOTHING`

// Add stores a new certificate, with the checks of
// [certification.Registry.Add]: a number already stored is refused with
// [certification.ErrDuplicate].
func (s *Store) Add(c certification.Certificate) error { return s.AddContext(context.Background(), c) }

// AddContext is [Store.Add] with a context.
func (s *Store) AddContext(ctx context.Context, c certification.Certificate) error {
	c, err := normalize(c)
	if err != nil {
		return err
	}
	r, err := toRow(c)
	if err != nil {
		return err
	}
	return fromDB(s.d.write(ctx, s.db, func(q querier) error {
		seq, err := s.lockFeed(ctx, q)
		if err != nil {
			return err
		}
		res, err := q.ExecContext(ctx, s.d.q(insertCert), r.key, r.holder, r.product, r.issued, r.expires, r.events, r.doc)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return &certification.FieldError{Field: "number", Reason: certification.ReasonInvalid, Value: c.Number, Err: certification.ErrDuplicate}
		}
		return s.record(ctx, q, seq, []Change{{Number: c.Number, Kind: Added, Step: -1}})
	}))
}

// lockFeed takes the lock on the changes counter and returns its value.
// Every write transaction takes it first, so changes are numbered in
// commit order and a watcher reading the feed after sequence n never
// misses a change committed later with a smaller number.
func (s *Store) lockFeed(ctx context.Context, q querier) (int64, error) {
	var n int64
	err := q.QueryRowContext(ctx, s.d.q(`UPDATE jxgreen_counter SET n = n WHERE name = 'changes' RETURNING n`)).Scan(&n)
	return n, err
}

// record appends changes to the feed, numbered after seq, and moves the
// counter.
func (s *Store) record(ctx context.Context, q querier, seq int64, cs []Change) error {
	if len(cs) == 0 {
		return nil
	}
	at := s.now()
	for i, c := range cs {
		ev := []byte("null")
		if c.Kind == Stepped {
			var err error
			if ev, err = json.Marshal(c.Event); err != nil {
				return err
			}
		}
		if _, err := q.ExecContext(ctx, s.d.q(`INSERT INTO jxgreen_changes (seq, number, kind, step, event, recorded) VALUES (?, ?, ?, ?, ?, ?)`),
			seq+int64(i)+1, c.Number, string(c.Kind), c.Step, ev, at.UnixNano()); err != nil {
			return err
		}
	}
	_, err := q.ExecContext(ctx, s.d.q(`UPDATE jxgreen_counter SET n = ? WHERE name = 'changes'`), seq+int64(len(cs)))
	return err
}

// Update applies fn to the stored certificate with the given number in one
// transaction that holds the certificate locked, and stores the result if
// fn returns nil: the way to run a lifecycle step (c.Suspend, c.Renew, …)
// with no lost update, even between processes. The rules are those of
// [certification.Registry.Update]. fn is called once.
func (s *Store) Update(number string, fn func(*certification.Certificate) error) error {
	return s.UpdateContext(context.Background(), number, fn)
}

// UpdateContext is [Store.Update] with a context.
func (s *Store) UpdateContext(ctx context.Context, number string, fn func(*certification.Certificate) error) error {
	k, ok := foldKey(number)
	if !ok {
		return &certification.FieldError{Field: "number", Reason: certification.ReasonInvalid, Value: number, Err: certification.ErrNotFound}
	}
	return fromDB(s.d.write(ctx, s.db, func(q querier) error {
		seq, err := s.lockFeed(ctx, q)
		if err != nil {
			return err
		}
		var id int64
		var doc []byte
		err = q.QueryRowContext(ctx, s.d.q(`SELECT id, doc FROM jxgreen_certificates WHERE number_key = ?`+s.d.forUpdate), k).Scan(&id, &doc)
		if errors.Is(err, sql.ErrNoRows) {
			return &certification.FieldError{Field: "number", Reason: certification.ReasonInvalid, Value: number, Err: certification.ErrNotFound}
		}
		if err != nil {
			return err
		}
		old, err := decodeDoc(doc)
		if err != nil {
			return err
		}
		var reg certification.Registry
		if err := reg.Add(old); err != nil {
			return fmt.Errorf("sqlstore: stored certificate %s: %w: %w", old.Number, ErrCorrupt, err)
		}
		if err := reg.Update(old.Number, fn); err != nil {
			return err
		}
		c, _ := reg.Certificate(old.Number)
		r, err := toRow(c)
		if err != nil {
			return err
		}
		if _, err := q.ExecContext(ctx, s.d.q(`UPDATE jxgreen_certificates SET holder_code = ?, product_key = ?, issued = ?, expires = ?, events = ?, doc = ? WHERE id = ?`),
			r.holder, r.product, r.issued, r.expires, r.events, r.doc, id); err != nil {
			return err
		}
		return s.record(ctx, q, seq, diff(old, c))
	}))
}

// diff lists the changes from old to c: one Stepped change per event
// appended to the history, or one Edited change when anything else
// changed (a corrected history, a new product name, …).
func diff(old, c certification.Certificate) []Change {
	n := len(old.History)
	prefix := len(c.History) >= n
	for i := 0; prefix && i < n; i++ {
		prefix = sameEvent(old.History[i], c.History[i])
	}
	var out []Change
	if prefix {
		for i := n; i < len(c.History); i++ {
			out = append(out, Change{Number: c.Number, Kind: Stepped, Step: i, Event: c.History[i]})
		}
	}
	a, b := old, c
	a.History, b.History = nil, nil
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	if !prefix || (string(ja) != string(jb) && len(out) == 0) {
		out = append(out, Change{Number: c.Number, Kind: Edited, Step: -1})
	}
	return out
}

func sameEvent(a, b certification.Event) bool {
	return a.Action == b.Action && a.At.Equal(b.At) && a.Reason == b.Reason && a.Passed == b.Passed && a.Expires.Equal(b.Expires)
}

// Get returns the certificate with the given number (folded as the
// Registry folds it), or an error that wraps [certification.ErrNotFound].
func (s *Store) Get(ctx context.Context, number string) (certification.Certificate, error) {
	var doc []byte
	k, ok := foldKey(number)
	err := sql.ErrNoRows
	if ok {
		err = s.get.QueryRowContext(ctx, k).Scan(&doc)
	}
	if errors.Is(err, sql.ErrNoRows) {
		return certification.Certificate{}, &certification.FieldError{Field: "number", Reason: certification.ReasonInvalid, Value: number, Err: certification.ErrNotFound}
	}
	if err != nil {
		return certification.Certificate{}, dbError(err)
	}
	return decodeDoc(doc)
}

// Certificate returns the certificate with the given number.
func (s *Store) Certificate(number string) (certification.Certificate, bool) {
	c, err := s.Get(context.Background(), number)
	return c, err == nil
}

// ByHolder returns the holder's certificates in the order they were added.
// The code is canonicalised as [creditcode.Parse] does.
func (s *Store) ByHolder(code creditcode.Code) []certification.Certificate {
	out, _ := s.Holder(context.Background(), code)
	return out
}

// ByProduct returns the certificates for product in the order they were
// added, matched as the Registry matches products.
func (s *Store) ByProduct(product string) []certification.Certificate {
	out, _ := s.Product(context.Background(), product)
	return out
}

// Holder is [Store.ByHolder] with a context and an error.
func (s *Store) Holder(ctx context.Context, code creditcode.Code) ([]certification.Certificate, error) {
	return s.list(ctx, `SELECT doc FROM jxgreen_certificates WHERE holder_code = ? ORDER BY id`, nil, holderKey(code))
}

// Product is [Store.ByProduct] with a context and an error.
func (s *Store) Product(ctx context.Context, product string) ([]certification.Certificate, error) {
	k, ok := foldKey(product)
	if !ok || k == "" {
		return nil, nil
	}
	return s.list(ctx, `SELECT doc FROM jxgreen_certificates WHERE product_key = ? ORDER BY id`, nil, k)
}

// WithStatus returns the certificates whose status at t is st, in the
// order they were added. The status is computed by
// [certification.Certificate.StatusAt] from the dates and the history,
// never read from a column.
func (s *Store) WithStatus(ctx context.Context, st certification.Status, t time.Time) ([]certification.Certificate, error) {
	keep := func(c certification.Certificate) bool { return c.StatusAt(t) == st }
	if st == certification.Pending {
		return s.list(ctx, `SELECT doc FROM jxgreen_certificates WHERE issued >= ? ORDER BY id`, keep, t.Unix())
	}
	return s.list(ctx, `SELECT doc FROM jxgreen_certificates WHERE issued <= ? ORDER BY id`, keep, t.Unix())
}

func (s *Store) list(ctx context.Context, query string, keep func(certification.Certificate) bool, args ...any) ([]certification.Certificate, error) {
	rows, err := s.db.QueryContext(ctx, s.d.q(query), args...)
	if err != nil {
		return nil, dbError(err)
	}
	defer rows.Close()
	var out []certification.Certificate
	for rows.Next() {
		var doc []byte
		if err := rows.Scan(&doc); err != nil {
			return nil, dbError(err)
		}
		c, err := decodeDoc(doc)
		if err != nil {
			return nil, err
		}
		if keep == nil || keep(c) {
			out = append(out, c)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, dbError(err)
	}
	return out, nil
}

// Len returns the number of certificates stored.
func (s *Store) Len(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM jxgreen_certificates`).Scan(&n)
	return n, fromDB(err)
}

// ChangeKind says what a [Change] did.
type ChangeKind string

// The kinds of change.
const (
	Added   ChangeKind = "added"   // a new certificate
	Stepped ChangeKind = "stepped" // a lifecycle step appended to the history
	Edited  ChangeKind = "edited"  // any other change: a corrected history, a field
)

// Change is one entry of the changes feed.
type Change struct {
	Seq      int64  // numbers changes in commit order, from 1
	Number   string // the certificate's number
	Kind     ChangeKind
	Step     int                 // for Stepped, the index of the event in the history; -1 otherwise
	Event    certification.Event // for Stepped, the event
	Recorded time.Time           // when the store recorded it (the writer's clock)
}

// Changes returns up to limit changes numbered after seq, in order: a
// watcher keeps the last Seq it saw and asks again. Sequence numbers
// follow commit order, so nothing committed is ever skipped.
func (s *Store) Changes(ctx context.Context, after int64, limit int) ([]Change, error) {
	return s.changes(ctx, `SELECT seq, number, kind, step, event, recorded FROM jxgreen_changes WHERE seq > ? ORDER BY seq LIMIT ?`, after, limit)
}

// ChangesSince returns up to limit changes recorded at or after t, in
// order. The recording time comes from each writer's clock; a watcher that
// must miss nothing uses [Store.Changes] with the last Seq instead.
func (s *Store) ChangesSince(ctx context.Context, t time.Time, limit int) ([]Change, error) {
	return s.changes(ctx, `SELECT seq, number, kind, step, event, recorded FROM jxgreen_changes WHERE recorded >= ? ORDER BY seq LIMIT ?`, t.UnixNano(), limit)
}

func (s *Store) changes(ctx context.Context, query string, from int64, limit int) ([]Change, error) {
	if limit <= 0 {
		return nil, nil
	}
	rows, err := s.db.QueryContext(ctx, s.d.q(query), from, limit)
	if err != nil {
		return nil, dbError(err)
	}
	defer rows.Close()
	var out []Change
	for rows.Next() {
		var c Change
		var kind string
		var ev []byte
		var rec int64
		if err := rows.Scan(&c.Seq, &c.Number, &kind, &c.Step, &ev, &rec); err != nil {
			return nil, dbError(err)
		}
		c.Kind, c.Recorded = ChangeKind(kind), time.Unix(0, rec)
		if err := json.Unmarshal(ev, &c.Event); err != nil {
			return nil, fmt.Errorf("sqlstore: %w: %w", ErrCorrupt, err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// holderKey is the stored form of a holder code: canonical when it parses,
// as given otherwise (it then matches only itself).
func holderKey(code creditcode.Code) string {
	if c, err := creditcode.Parse(string(code)); err == nil {
		return string(c)
	}
	return strings.TrimSpace(string(code))
}

// foldKey is the Registry's folding of numbers and products.
var foldKey = certification.FoldKey

func init() {
	i18n.Set("sqlstore.LineError", "第 %d 行：%s", "line %d: %s")
	i18n.Set("sqlstore.ImportError", "导入失败：%d 行有错误，首个为 %s", "import failed: %d bad lines, the first %s")
}

// localize renders err in tag's language.
func localize(err error, tag language.Tag) string { return i18n.Error(err, tag) }

package sqlstore

import (
	"bytes"
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/certification/certtest"
)

// both runs fn against a SQLite store and, when a DSN is set, a PostgreSQL
// one.
func both(t *testing.T, fn func(t *testing.T, s *Store)) {
	t.Run("sqlite", func(t *testing.T) { fn(t, openSQLite(t)) })
	t.Run("postgres", func(t *testing.T) { fn(t, openPostgres(t)) })
}

func TestReopenedStoreSeesCertificates(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "c.db")
	s, err := OpenFile(ctx, path)
	require.NoError(t, err)
	require.NoError(t, s.Add(certtest.Certificate(1)))
	require.NoError(t, s.Update("JXGE-SYN-0000001", func(c *certification.Certificate) error { return c.Suspend(certtest.Day(2026, 5, 1), "合成样例") }))
	require.NoError(t, s.Close())

	s, err = OpenFile(ctx, path)
	require.NoError(t, err)
	defer s.Close()
	got, ok := s.Certificate("jxge-syn-0000001")
	require.True(t, ok)
	assert.Equal(t, certification.Suspended, got.StatusAt(certtest.Day(2026, 6, 1)))
	assert.Len(t, got.History, 2)
}

func TestSchemaIsVersionedAndMigratesForward(t *testing.T) {
	ctx := context.Background()
	both(t, func(t *testing.T, s *Store) {
		version := func() int {
			var v int
			require.NoError(t, s.db.QueryRow(`SELECT version FROM jxgreen_schema WHERE id = 1`).Scan(&v))
			return v
		}
		assert.Equal(t, SchemaVersion, version())
		require.NoError(t, s.Add(certtest.Certificate(1)))
		again, err := Open(ctx, s.db)
		require.NoError(t, err, "opening a current database changes nothing")
		assert.Equal(t, SchemaVersion, version())
		n, err := again.Len(ctx)
		require.NoError(t, err)
		assert.Equal(t, 1, n)

		_, err = s.db.Exec(`UPDATE jxgreen_schema SET version = 99 WHERE id = 1`)
		require.NoError(t, err)
		_, err = Open(ctx, s.db)
		assert.ErrorIs(t, err, ErrSchema, "a database from a newer version is refused")
		assert.Contains(t, i18n.Error(err, language.Chinese), "数据库结构版本为 99")
		assert.Contains(t, i18n.Error(err, language.English), "schema version 99")
	})
}

func TestMigrationFromVersionZero(t *testing.T) {
	// A database whose version row says 0 (created, never migrated) gets
	// every migration.
	db, err := sql.Open("sqlite", filepath.Join(t.TempDir(), "old.db"))
	require.NoError(t, err)
	defer db.Close()
	_, err = db.Exec(`CREATE TABLE jxgreen_schema (id INTEGER PRIMARY KEY, version INTEGER NOT NULL); INSERT INTO jxgreen_schema VALUES (1, 0)`)
	require.NoError(t, err)
	s, err := Open(context.Background(), db)
	require.NoError(t, err)
	require.NoError(t, s.Add(certtest.Certificate(1)))
}

type fakeDriver struct{}

func (fakeDriver) Open(string) (driver.Conn, error) { return nil, errors.New("fake") }

func TestOpenRefusesOtherDrivers(t *testing.T) {
	sql.Register("jxgreen-fake", fakeDriver{})
	db, err := sql.Open("jxgreen-fake", "")
	require.NoError(t, err)
	_, err = Open(context.Background(), db)
	assert.ErrorIs(t, err, ErrDriver)
	// The messages name the driver and the file, in both languages.
	assert.Contains(t, i18n.Error(err, language.Chinese), "fakeDriver")
	assert.Contains(t, i18n.Error(err, language.English), "fakeDriver")
	for _, name := range []string{"", "a?b", "a#b"} {
		_, err = OpenFile(context.Background(), name)
		assert.ErrorIs(t, err, ErrFileName, name)
		assert.Contains(t, i18n.Error(err, language.Chinese), "数据库文件名")
		assert.Contains(t, i18n.Error(err, language.Chinese), fmt.Sprintf("%q", name))
		assert.Contains(t, i18n.Error(err, language.English), fmt.Sprintf("%q", name))
	}
}

func TestWithStatusAtATime(t *testing.T) {
	ctx := context.Background()
	both(t, func(t *testing.T, s *Store) {
		for i := range 5 {
			require.NoError(t, s.Add(certtest.Certificate(i)))
		}
		late := certtest.Certificate(5)
		late.Issued, late.History[0].At = certtest.Day(2027, 6, 1), certtest.Day(2027, 6, 1)
		require.NoError(t, s.Add(late))
		require.NoError(t, s.Update("JXGE-SYN-0000001", func(c *certification.Certificate) error { return c.Suspend(certtest.Day(2026, 3, 1), "") }))
		require.NoError(t, s.Update("JXGE-SYN-0000002", func(c *certification.Certificate) error { return c.Revoke(certtest.Day(2026, 4, 1), "") }))
		require.NoError(t, s.Update("JXGE-SYN-0000003", func(c *certification.Certificate) error {
			return c.Renew(certtest.Day(2026, 4, 1), certtest.Day(2031, 1, 1), "")
		}))

		numbers := func(st certification.Status, at time.Time) []string {
			list, err := s.WithStatus(ctx, st, at)
			require.NoError(t, err)
			var out []string
			for _, c := range list {
				out = append(out, strings.TrimPrefix(c.Number, "JXGE-SYN-000000"))
			}
			return out
		}
		at := certtest.Day(2026, 6, 1)
		assert.Equal(t, []string{"0", "3", "4"}, numbers(certification.Valid, at))
		assert.Equal(t, []string{"1"}, numbers(certification.Suspended, at))
		assert.Equal(t, []string{"2"}, numbers(certification.Revoked, at))
		assert.Equal(t, []string{"5"}, numbers(certification.Pending, at))
		assert.Equal(t, []string{"0", "1", "4", "5"}, numbers(certification.Expired, certtest.Day(2029, 1, 1)), "the renewal kept 3 valid")
		assert.Equal(t, []string{"0", "1", "2", "3", "4"}, numbers(certification.Valid, certtest.Day(2026, 2, 1)), "before the steps")
	})
}

func TestChangesFeed(t *testing.T) {
	ctx := context.Background()
	both(t, func(t *testing.T, s *Store) {
		clock := certtest.Day(2026, 7, 1)
		s.Now = func() time.Time { clock = clock.Add(time.Minute); return clock }
		require.NoError(t, s.Add(certtest.Certificate(1)))
		require.NoError(t, s.Add(certtest.Certificate(2)))
		require.NoError(t, s.Update("JXGE-SYN-0000001", func(c *certification.Certificate) error { return c.Suspend(certtest.Day(2026, 5, 1), "合成样例") }))
		mid := clock.Add(time.Second) // after the suspension was recorded
		require.NoError(t, s.Update("JXGE-SYN-0000002", func(c *certification.Certificate) error { c.Scope = "合成样例范围"; return nil }))
		require.Error(t, s.Update("JXGE-SYN-0000002", func(c *certification.Certificate) error { return c.Reinstate(certtest.Day(2026, 5, 1), "") }))
		require.NoError(t, s.Update("JXGE-SYN-0000001", func(c *certification.Certificate) error {
			if err := c.Reinstate(certtest.Day(2026, 6, 1), ""); err != nil {
				return err
			}
			return c.Surveil(certtest.Day(2026, 6, 2), true, "")
		}))

		all, err := s.Changes(ctx, 0, 100)
		require.NoError(t, err)
		var got []string
		for i, c := range all {
			assert.Equal(t, int64(i+1), c.Seq)
			line := fmt.Sprintf("%s %s %d", c.Number[len(c.Number)-1:], c.Kind, c.Step)
			if c.Kind == Stepped {
				line += " " + c.Event.Action.String()
			} else {
				assert.Zero(t, c.Event)
			}
			got = append(got, line)
		}
		assert.Equal(t, []string{
			"1 added -1",
			"2 added -1",
			"1 stepped 1 suspend",
			"2 edited -1",
			"1 stepped 2 reinstate",
			"1 stepped 3 surveil",
		}, got, "a refused step records nothing")
		assert.True(t, all[2].Event.At.Equal(certtest.Day(2026, 5, 1)))

		after, err := s.Changes(ctx, 4, 1)
		require.NoError(t, err)
		require.Len(t, after, 1)
		assert.Equal(t, int64(5), after[0].Seq)

		since, err := s.ChangesSince(ctx, mid, 100)
		require.NoError(t, err)
		require.Len(t, since, 3)
		assert.Equal(t, int64(4), since[0].Seq)
		none, err := s.Changes(ctx, 6, 10)
		require.NoError(t, err)
		assert.Empty(t, none)
	})
}

func TestByHolderInTheOrderAdded(t *testing.T) {
	both(t, func(t *testing.T, s *Store) {
		for i := range 12 {
			require.NoError(t, s.Add(certtest.Certificate(i*1000+7))) // same holder 7
		}
		list := s.ByHolder(certtest.Holder(7).Code)
		require.Len(t, list, 12)
		for i, c := range list {
			assert.Equal(t, certtest.Certificate(i*1000+7).Number, c.Number, "in the order added")
		}
		assert.Empty(t, s.ByHolder("not a code"))
	})
}

func TestExportImportRoundTrip(t *testing.T) {
	ctx := context.Background()
	both(t, func(t *testing.T, s *Store) {
		for i := range 20 {
			require.NoError(t, s.Add(certtest.Certificate(i)))
		}
		require.NoError(t, s.Update("JXGE-SYN-0000003", func(c *certification.Certificate) error { return c.Suspend(certtest.Day(2026, 5, 1), "合成样例") }))
		var buf bytes.Buffer
		n, err := s.Export(ctx, &buf)
		require.NoError(t, err)
		assert.Equal(t, 20, n)
		assert.Equal(t, 20, strings.Count(buf.String(), "\n"))

		other := openSQLite(t)
		res, err := other.Import(ctx, bytes.NewReader(buf.Bytes()), ImportOptions{})
		require.NoError(t, err)
		assert.Equal(t, 20, res.Added)
		for i := range 20 {
			want, _ := s.Certificate(certtest.Certificate(i).Number)
			got, ok := other.Certificate(want.Number)
			require.True(t, ok)
			certtest.Same(t, want, got)
		}
		var again bytes.Buffer
		_, err = other.Export(ctx, &again)
		require.NoError(t, err)
		assert.Equal(t, buf.String(), again.String(), "export, import, export gives the same file")
	})
}

// importFile is a small NDJSON file with bad lines at known places.
func importFile(t *testing.T) string {
	line := func(i int) string {
		var b bytes.Buffer
		s := openSQLiteMem(t)
		require.NoError(t, s.Add(certtest.Certificate(i)))
		_, err := s.Export(context.Background(), &b)
		require.NoError(t, err)
		return strings.TrimSuffix(b.String(), "\n")
	}
	noNumber := strings.Replace(line(9), `"number":"JXGE-SYN-0000009"`, `"number":""`, 1)
	// A suspension dated before the issue step, and a forged status that
	// the history does not leave.
	outOfOrder := strings.Replace(line(11), `"history":[`, `"history":[{"action":"suspend","at":"2025-06-01T00:00:00+08:00"},`, 1)
	forged := strings.Replace(line(12), `{"number"`, `{"status":"revoked","number"`, 1)
	return strings.Join([]string{
		line(1),                              // 1
		"",                                   // 2 blank: ignored, counted
		`{"number": "JX-1",`,                 // 3 syntax
		line(2),                              // 4
		line(1),                              // 5 duplicate of line 1
		noNumber,                             // 6 no number
		`{"number":"JX-2","colour":"green"}`, // 7 unknown field
		`{} {}`,                              // 8 two values
		strings.Repeat("x", MaxLine+10),      // 9 too long
		line(3),                              // 10
		outOfOrder,                           // 11
		forged,                               // 12
	}, "\n") + "\n"
}

// openSQLiteMem is a store for building fixtures.
func openSQLiteMem(t *testing.T) *Store { return openSQLite(t) }

func TestImportIsAllOrNothingByDefault(t *testing.T) {
	ctx := context.Background()
	file := importFile(t)
	both(t, func(t *testing.T, s *Store) {
		_, err := s.Import(ctx, strings.NewReader(file), ImportOptions{})
		require.ErrorIs(t, err, ErrImport)
		var ie *ImportError
		require.ErrorAs(t, err, &ie)
		var lines []int
		for _, l := range ie.Bad {
			lines = append(lines, l.Line)
		}
		assert.Equal(t, []int{3, 5, 6, 7, 8, 9, 11, 12}, lines)
		assert.Equal(t, 8, ie.BadCount)
		assert.ErrorIs(t, ie.Bad[1], certification.ErrDuplicate)
		assert.Equal(t, "JXGE-SYN-0000001", ie.Bad[1].Number)
		assert.ErrorIs(t, ie.Bad[2], certification.ErrApplication)
		for i, field := range map[int]string{6: "history[0].at", 7: "status"} {
			var fe *certification.FieldError
			if assert.ErrorAs(t, ie.Bad[i], &fe, "line %d", ie.Bad[i].Line) {
				assert.Equal(t, field, fe.Field, "line %d", ie.Bad[i].Line)
			}
		}
		assert.Contains(t, i18n.Error(err, language.Chinese), "第 3 行")
		assert.Contains(t, i18n.Error(err, language.English), "line 3")
		n, err := s.Len(ctx)
		require.NoError(t, err)
		assert.Zero(t, n, "nothing written")
		feed, err := s.Changes(ctx, 0, 10)
		require.NoError(t, err)
		assert.Empty(t, feed)
	})
}

func TestImportSkipsBadLinesOnlyWhenAsked(t *testing.T) {
	ctx := context.Background()
	file := importFile(t)
	both(t, func(t *testing.T, s *Store) {
		res, err := s.Import(ctx, strings.NewReader(file), ImportOptions{SkipBad: true})
		require.NoError(t, err)
		assert.Equal(t, 3, res.Added)
		assert.Equal(t, 8, res.BadCount)
		require.Len(t, res.Bad, 8)
		assert.Equal(t, 9, res.Bad[5].Line)
		for _, i := range []int{1, 2, 3} {
			_, ok := s.Certificate(certtest.Certificate(i).Number)
			assert.True(t, ok)
		}
		feed, err := s.Changes(ctx, 0, 10)
		require.NoError(t, err)
		assert.Len(t, feed, 3)
		// Importing the same file again: every good line is now a duplicate.
		_, err = s.Import(ctx, strings.NewReader(file), ImportOptions{})
		var ie *ImportError
		require.ErrorAs(t, err, &ie)
		assert.Equal(t, 11, ie.BadCount)
	})
}

func TestImportLastLineWithoutNewline(t *testing.T) {
	s := openSQLite(t)
	var b bytes.Buffer
	src := openSQLite(t)
	require.NoError(t, src.Add(certtest.Certificate(1)))
	require.NoError(t, src.Add(certtest.Certificate(2)))
	_, err := src.Export(context.Background(), &b)
	require.NoError(t, err)
	res, err := s.Import(context.Background(), strings.NewReader(strings.TrimSuffix(b.String(), "\n")), ImportOptions{})
	require.NoError(t, err)
	assert.Equal(t, 2, res.Added)
}

func TestTamperedRowIsReportedNotServed(t *testing.T) {
	ctx := context.Background()
	both(t, func(t *testing.T, s *Store) {
		require.NoError(t, s.Add(certtest.Certificate(1)))
		require.NoError(t, s.Add(certtest.Certificate(2)))
		// Written behind the store's back: a history out of date order,
		// and a document that is not JSON.
		c := certtest.Certificate(1)
		c.History = append(c.History, certification.Event{Action: certification.Suspend, At: certtest.Day(2025, 1, 1)})
		doc, err := json.Marshal((*stored)(&c))
		require.NoError(t, err)
		_, err = s.db.Exec(s.d.q(`UPDATE jxgreen_certificates SET doc = ? WHERE number_key = ?`), doc, "JXGE-SYN-0000001")
		require.NoError(t, err)
		_, err = s.db.Exec(s.d.q(`UPDATE jxgreen_certificates SET doc = ? WHERE number_key = ?`), `{"number":`, "JXGE-SYN-0000002")
		require.NoError(t, err)
		for _, n := range []string{"JXGE-SYN-0000001", "JXGE-SYN-0000002"} {
			_, err = s.Get(ctx, n)
			assert.ErrorIs(t, err, ErrCorrupt, n)
			_, ok := s.Certificate(n)
			assert.False(t, ok, n)
			assert.ErrorIs(t, s.Update(n, func(*certification.Certificate) error { return nil }), ErrCorrupt, n)
		}
		_, err = s.Holder(ctx, certtest.Holder(1).Code)
		assert.ErrorIs(t, err, ErrCorrupt)
	})
}

func TestDatabaseFailuresAreDBErrors(t *testing.T) {
	ctx := context.Background()
	both(t, func(t *testing.T, s *Store) {
		require.NoError(t, s.Add(certtest.Certificate(1)))
		_, err := s.db.Exec(`DROP TABLE jxgreen_certificates`) // behind the store's back
		require.NoError(t, err)
		errs := map[string]error{
			"add":    s.Add(certtest.Certificate(2)),
			"update": s.Update("JXGE-SYN-0000001", func(*certification.Certificate) error { return nil }),
		}
		_, errs["get"] = s.Get(ctx, "JXGE-SYN-0000001")
		_, errs["holder"] = s.Holder(ctx, certtest.Holder(1).Code)
		_, errs["import"] = s.Import(ctx, strings.NewReader(""), ImportOptions{})
		_, errs["export"] = s.Export(ctx, &bytes.Buffer{})
		for what, err := range errs {
			assert.ErrorIs(t, err, ErrDatabase, what)
			var de *DBError
			assert.ErrorAs(t, err, &de, what)
			assert.Contains(t, i18n.Error(err, language.Chinese), "数据库错误", what)
		}
	})
}

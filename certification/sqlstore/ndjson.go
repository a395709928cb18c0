package sqlstore

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/certification"
)

// Export writes every certificate, history included, as NDJSON: one
// certificate a line in its JSON form, in the order they were added. The
// output is what [Store.Import] reads.
func (s *Store) Export(ctx context.Context, w io.Writer) (int, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT doc FROM jxgreen_certificates ORDER BY id`)
	if err != nil {
		return 0, dbError(err)
	}
	defer rows.Close()
	bw := bufio.NewWriterSize(w, 64<<10)
	n := 0
	for rows.Next() {
		var doc []byte
		if err := rows.Scan(&doc); err != nil {
			return n, dbError(err)
		}
		bw.Write(doc)
		if err := bw.WriteByte('\n'); err != nil {
			return n, err
		}
		n++
	}
	if err := rows.Err(); err != nil {
		return n, dbError(err)
	}
	return n, bw.Flush()
}

// The bounds of [Store.Import], which keep its memory bounded whatever the
// file holds.
const (
	// MaxLine is the longest import line accepted, in bytes; a longer one
	// is a bad line.
	MaxLine = 1 << 20
	// MaxReported is the most bad lines an import lists one by one; the
	// others are only counted.
	MaxReported = 1000
)

// ImportOptions tunes [Store.Import].
type ImportOptions struct {
	// SkipBad imports the good lines and skips the bad ones (reported in
	// the result). By default one bad line fails the whole import and
	// nothing is written.
	SkipBad bool
}

// ImportResult says what an import did.
type ImportResult struct {
	Added int          // certificates written
	Bad   []*LineError // the bad lines, in order (at most [MaxReported])
	// BadCount counts every bad line, reported or not.
	BadCount int
}

// LineError is a bad line of an import file. Its Err is what is wrong: a
// JSON syntax error, a [*certification.FieldError] (a duplicate number
// wraps [certification.ErrDuplicate]), a line too long.
type LineError struct {
	Line   int    // counted from 1, blank lines included
	Number string // the certificate number, when the line has one
	Err    error
}

// Error returns the English description of the error.
func (e *LineError) Error() string {
	return fmt.Sprintf("sqlstore: line %d: %v", e.Line, e.Err)
}

// Unwrap returns what is wrong with the line.
func (e *LineError) Unwrap() error { return e.Err }

// Localize describes the error in the language that best matches tag.
func (e *LineError) Localize(tag language.Tag) string {
	return i18n.Sprintf(tag, "sqlstore.LineError", e.Line, localize(e.Err, tag))
}

// ImportError is the error of an import refused for its bad lines; nothing
// was written. It wraps [ErrImport] and the first bad line's error.
type ImportError struct {
	Bad      []*LineError // the bad lines, in order (at most MaxReported)
	BadCount int
}

// Error returns the English description of the error.
func (e *ImportError) Error() string {
	return fmt.Sprintf("sqlstore: import refused: %d bad lines, the first %v", e.BadCount, e.Bad[0])
}

// Unwrap returns [ErrImport] and the first bad line.
func (e *ImportError) Unwrap() []error { return []error{ErrImport, e.Bad[0]} }

// Localize describes the error in the language that best matches tag.
func (e *ImportError) Localize(tag language.Tag) string {
	return i18n.Sprintf(tag, "sqlstore.ImportError", e.BadCount, e.Bad[0].Localize(tag))
}

var errLineTooLong = i18n.NewSentinel("sqlstore.errLineTooLong", "行过长", "line too long")

// errStop rolls an import back without being an error of the database.
var errStop = errors.New("sqlstore: import refused")

// Import reads certificates as NDJSON (one certificate in its JSON form a
// line, as [Store.Export] writes them; blank lines are ignored) and adds
// them in one transaction, with the checks of [Store.Add]. By default any
// bad line fails the import, nothing is written and the error is an
// [*ImportError] listing the bad lines; with SkipBad the good lines are
// written and the bad ones listed in the result. Memory stays bounded
// whatever the size of r.
func (s *Store) Import(ctx context.Context, r io.Reader, opt ImportOptions) (ImportResult, error) {
	var res ImportResult
	bad := func(line int, number string, err error) {
		res.BadCount++
		if len(res.Bad) < MaxReported {
			res.Bad = append(res.Bad, &LineError{Line: line, Number: number, Err: err})
		}
	}
	err := s.d.write(ctx, s.db, func(q querier) error {
		res = ImportResult{}
		seq, err := s.lockFeed(ctx, q)
		if err != nil {
			return err
		}
		ins, err := q.PrepareContext(ctx, s.d.q(insertCert))
		if err != nil {
			return err
		}
		defer ins.Close()
		chg, err := q.PrepareContext(ctx, s.d.q(`INSERT INTO jxgreen_changes (seq, number, kind, step, event, recorded) VALUES (?, ?, ?, -1, 'null', ?)`))
		if err != nil {
			return err
		}
		defer chg.Close()
		recorded := s.now().UnixNano()
		br := bufio.NewReaderSize(r, 64<<10)
		var long []byte
		for line := 1; ; line++ {
			if err := ctx.Err(); err != nil {
				return err
			}
			b, tooLong, err := readLine(br, &long)
			if err != nil && err != io.EOF {
				return err
			}
			if tooLong {
				bad(line, "", errLineTooLong)
			} else if len(bytes.TrimSpace(b)) > 0 {
				c, lerr := decodeLine(b)
				var rw row
				if lerr == nil {
					rw, lerr = toRow(c)
				}
				if lerr != nil {
					bad(line, c.Number, lerr)
				} else {
					n, err := execAffected(ctx, ins, rw.key, rw.holder, rw.product, rw.issued, rw.expires, rw.events, rw.doc)
					if err != nil {
						return err
					}
					if n == 0 {
						bad(line, c.Number, &certification.FieldError{Field: "number", Reason: certification.ReasonInvalid, Value: c.Number, Err: certification.ErrDuplicate})
					} else {
						seq++
						if _, err := chg.ExecContext(ctx, seq, c.Number, string(Added), recorded); err != nil {
							return err
						}
						res.Added++
					}
				}
			}
			if err == io.EOF {
				break
			}
		}
		if res.BadCount > 0 && !opt.SkipBad {
			return errStop
		}
		_, err = q.ExecContext(ctx, s.d.q(`UPDATE jxgreen_counter SET n = ? WHERE name = 'changes'`), seq)
		return err
	})
	if errors.Is(err, errStop) {
		bad := res.Bad
		res = ImportResult{Bad: bad, BadCount: res.BadCount}
		return res, &ImportError{Bad: bad, BadCount: res.BadCount}
	}
	if err != nil {
		return ImportResult{}, fromDB(err)
	}
	return res, nil
}

func execAffected(ctx context.Context, st *sql.Stmt, args ...any) (int64, error) {
	res, err := st.ExecContext(ctx, args...)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// decodeLine decodes one certificate and applies the Registry's checks.
// Unknown fields are refused: they are typing mistakes, and would be lost.
func decodeLine(b []byte) (certification.Certificate, error) {
	var c certification.Certificate
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		var fe *certification.FieldError
		if errors.As(err, &fe) { // the certificate's own decoding refused a field
			return c, err
		}
		return c, &JSONError{Err: err}
	}
	if dec.More() {
		return c, &JSONError{Err: errors.New("more than one JSON value on the line")}
	}
	return normalize(c)
}

// JSONError is a line that is not one certificate in JSON form; Err is
// the decoder's error.
type JSONError struct{ Err error }

// Error returns the English description of the error.
func (e *JSONError) Error() string { return "invalid certificate JSON: " + e.Err.Error() }

// Unwrap returns the decoder's error.
func (e *JSONError) Unwrap() error { return e.Err }

// Localize describes the error in the language that best matches tag.
func (e *JSONError) Localize(tag language.Tag) string {
	return i18n.Sprintf(tag, "sqlstore.JSONError", e.Err.Error())
}

func init() {
	i18n.Set("sqlstore.JSONError", "证书 JSON 无效：%s", "invalid certificate JSON: %s")
}

// readLine reads one line without its end. A line longer than MaxLine is
// consumed and reported as tooLong. long is a scratch buffer.
func readLine(br *bufio.Reader, long *[]byte) (b []byte, tooLong bool, err error) {
	*long = (*long)[:0]
	for {
		frag, err := br.ReadSlice('\n')
		if err == bufio.ErrBufferFull {
			if !tooLong {
				*long = append(*long, frag...)
				if len(*long) > MaxLine {
					tooLong, *long = true, (*long)[:0]
				}
			}
			continue
		}
		if tooLong {
			return nil, true, err
		}
		if len(*long) > 0 {
			*long = append(*long, frag...)
			frag = *long
		}
		if len(frag) > MaxLine {
			return nil, true, err
		}
		return bytes.TrimRight(frag, "\r\n"), false, err
	}
}

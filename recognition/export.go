package recognition

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"time"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/recognition/internal/jsonscan"
)

// Export writes certificates of ours for a partner: as NDJSON, one line a
// certificate, each the native record of the scheme of to in the envelope
// that the recognize tool and [Checker] read:
//
//	{"scheme":"jxgreen@<to's id>","record":{<native record>}}
//
// so that a province hands its partner a file the partner's own tools
// read, in the partner's own field names, or, with the adapter of
// recognition/jxgreen, a 江西绿色生态 certificate list (scheme "jxgreen").
// The envelope names whose certificate the record is and the format it
// is written in ([FormatKey]): a partner judging the file by its terms
// (Checker.Recognizer) judges a 江西绿色生态 certificate, whatever the
// format, and 江西绿色生态 reading it back never takes its own certificate
// for one of the partner's. An adapter that is not flat (an exchange
// format such as UNTP, which carries the scheme in the record) is named
// by its id. Each certificate is
// taken as it stands at time at ([FromCertificate]: its status and its
// validity in force then); a 江西绿色生态 certificate attests the brand's
// four attributes ([brand.Core]), which its standards must cover. What
// the partner's format cannot hold is left out, and its note field, where
// it has one, says whose certificate it is ([FlatAdapter.Export]).
//
// A certificate that cannot be written (a status the format has no word
// for, such as a certificate not yet in force; every certificate, when the
// adapter writes no status: [ErrStatusNotCarried]) is left out and
// reported:
// the error joins one [*ExportError] per such certificate, and the others
// are written, in order. Export returns the number of lines written; a
// writer that fails stops it with a [*WriteError].
func Export(w io.Writer, to Adapter, at time.Time, certs []certification.Certificate) (int, error) {
	bw := bufio.NewWriterSize(w, 64<<10)
	_, flat := to.(*FlatAdapter)
	if sc, ok := to.(StatusCarrier); ok && !sc.CarriesStatus() {
		// Every line would read back with status unknown: say so for
		// each certificate rather than hand over a list that cannot tell
		// a revoked certificate from a valid one.
		errs := make([]error, len(certs))
		for i, c := range certs {
			errs[i] = &ExportError{Number: c.Number, Scheme: to.Brand().ID, Err: ErrStatusNotCarried}
		}
		return 0, errors.Join(errs...)
	}
	var errs []error
	n := 0
	var line []byte
	for _, c := range certs {
		var attrs []brand.Attribute
		if c.Scheme == brand.JiangxiGreen || c.Scheme == "" {
			attrs = brand.Core()
		}
		r := FromCertificate(c, attrs, at)
		if r.Scheme == "" {
			r.Scheme = brand.JiangxiGreen
		}
		native, err := ExportRecord(to, r)
		if err != nil {
			errs = append(errs, &ExportError{Number: c.Number, Scheme: to.Brand().ID, Err: err})
			continue
		}
		key := string(to.Brand().ID)
		if flat {
			key = FormatKey(r.Scheme, to.Brand().ID)
		}
		line = append(line[:0], `{"scheme":`...)
		line = jsonscan.AppendString(line, key)
		line = append(line, `,"record":`...)
		if bytes.ContainsAny(native, "\r\n") {
			// One record a line: an envelope such as UNTP writes its
			// credential indented.
			var b bytes.Buffer
			if err := json.Compact(&b, native); err != nil {
				errs = append(errs, &ExportError{Number: c.Number, Scheme: to.Brand().ID, Err: err})
				continue
			}
			native = b.Bytes()
		}
		line = append(line, native...)
		line = append(line, "}\n"...)
		if _, err := bw.Write(line); err != nil {
			return n, &WriteError{Err: err}
		}
		n++
	}
	if err := bw.Flush(); err != nil {
		return n, &WriteError{Err: err}
	}
	return n, errors.Join(errs...)
}

// ExportRecord writes r, a record of another scheme, in the native format
// of the scheme of to: with [FlatAdapter.Export] for a flat scheme, and
// with to's Encode otherwise (an envelope such as UNTP carries a record of
// any scheme as it is).
func ExportRecord(to Adapter, r Record) ([]byte, error) {
	if f, ok := to.(*FlatAdapter); ok {
		return f.Export(r)
	}
	return to.Encode(r)
}

// Export writes a record of another scheme (typically a 江西绿色生态
// certificate, made with [FromCertificate]) in the scheme's native format,
// for the partner's own tools. Unlike Encode, which refuses what the
// format cannot hold so that Decode gives the record back, Export leaves
// out what the format does not record: the certification mode and the
// approval number of an evaluation scheme's list, and brand attributes
// where the list has no field for them. Where the format has a note field,
// it says whose certificate the record is ("江西绿色生态证书，按本方案格式导出"),
// for a reader that takes the record as one of the partner's own scheme
// ([Export]'s envelope names it: [FormatKey]).
// The number, holder, product, standards, body and status are written as
// they are, the dates as whole days of validity ([FlatAdapter.Encode]); a
// status the scheme has no word for is an
// [*EncodeError].
func (a *FlatAdapter) Export(r Record) ([]byte, error) {
	f := a.format
	r = r.Clone()
	if f.Mode == "" {
		r.Mode = 0
	}
	if f.Approval == "" {
		r.Body.Approval = ""
	}
	if f.Attributes == "" {
		r.Attributes = nil
	}
	note := ""
	if r.Scheme != "" && r.Scheme != f.Scheme {
		name := string(r.Scheme)
		if r.Scheme == brand.JiangxiGreen {
			name = brand.JiangxiGreenEcology().Name
		} else if other, ok := Lookup(string(r.Scheme)); ok {
			name = other.Brand().Name
		}
		note = name + "证书，按本方案格式导出"
	}
	return a.encode(r, note)
}

// ExportError reports a certificate that [Export] left out: the scheme's
// format cannot hold it. It unwraps to the cause, an [*EncodeError] for a
// flat scheme (errors.Is(err, ErrEncode)).
type ExportError struct {
	Number string   // the certificate's number
	Scheme brand.ID // the scheme whose format was asked for
	Err    error
}

func init() {
	i18n.Set("recognition.ExportError", "证书 %s 未导出：%s", "certificate %s was not exported: %s")
}

// Error returns the English description of the error.
func (e *ExportError) Error() string { return "recognition: " + e.Localize(i18n.English()) }

// Localize describes the error in the language that best matches tag.
func (e *ExportError) Localize(tag language.Tag) string {
	return i18n.Sprintf(tag, "recognition.ExportError", e.Number, i18n.Error(e.Err, tag))
}

// Unwrap returns the cause.
func (e *ExportError) Unwrap() error { return e.Err }

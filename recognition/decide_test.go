package recognition

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/certification/creditcode"
	"github.com/jxgreen/jxgreen/standard"
)

// The tests of issue 14's work on build and Check: the faster code gives
// what the reference code of decide_reference_test.go gave, to the last
// field, and a Decision owns its arrays.

// decideRecords returns every record of the bundled sample and of the
// agreements' sample of our own certificates that its scheme's adapter
// decodes, in the order of the files.
func decideRecords(tb testing.TB) []Record {
	tb.Helper()
	var out []Record
	for _, file := range []string{"../testdata/recognition/sample.ndjson", "../testdata/agreements/jxgreen-certificates.ndjson"} {
		data, err := os.ReadFile(file)
		require.NoError(tb, err)
		for _, line := range bytes.Split(data, []byte("\n")) {
			var env struct {
				Scheme string          `json:"scheme"`
				Record json.RawMessage `json:"record"`
			}
			if json.Unmarshal(line, &env) != nil {
				continue
			}
			ad, ok := Lookup(env.Scheme)
			if !ok {
				continue
			}
			if r, err := ad.Decode(env.Record); err == nil {
				out = append(out, r)
			}
		}
	}
	require.NotEmpty(tb, out)
	return out
}

// decideAgreements returns the terms to check by: every registered
// adapter's default terms and their mirror, every version of every
// agreement file in testdata/agreements, the terms of a pair of schemes
// without an agreement, and the zero Agreement.
func decideAgreements(tb testing.TB) []Agreement {
	tb.Helper()
	var out []Agreement
	for _, ad := range Adapters() {
		out = append(out, ad.Agreement(), ad.Agreement().Reverse())
	}
	files, err := filepath.Glob("../testdata/agreements/*.json")
	require.NoError(tb, err)
	require.NotEmpty(tb, files)
	var all []Agreement
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(tb, err)
		list, err := ParseAgreements(data)
		require.NoError(tb, err, f)
		all = append(all, list...)
	}
	out = append(out, all...)
	set, err := NewAgreements(all...)
	require.NoError(tb, err)
	sz, ok := Lookup("shenzhen")
	require.True(tb, ok)
	none := set.For(brand.Zhejiang, sz, Record{Scheme: brand.Shenzhen}, decideAt)
	require.True(tb, none.none, "the terms of a pair without an agreement")
	return append(out, none, Agreement{})
}

// decideDays are the days the differential tests judge on: before,
// within and after the sample's validities and the sample agreements'
// versions.
var decideDays = []time.Time{
	time.Date(2024, 12, 31, 0, 0, 0, 0, brand.ChinaTime()),
	time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC),
	decideAt,
	time.Date(2026, 7, 1, 0, 0, 0, 0, brand.ChinaTime()),
	time.Date(2028, 1, 10, 0, 0, 0, 0, brand.ChinaTime()),
}

// fakeLookup is a certificate registry of synthetic certificates: one per
// record of our own scheme, as the record states it.
type fakeLookup map[string]certification.Certificate

func (l fakeLookup) Certificate(n string) (certification.Certificate, bool) {
	c, ok := l[n]
	return c, ok
}
func (l fakeLookup) ByHolder(creditcode.Code) []certification.Certificate { return nil }
func (l fakeLookup) ByProduct(string) []certification.Certificate         { return nil }

func lookupOf(records []Record) fakeLookup {
	l := fakeLookup{}
	for i, r := range records {
		if r.Scheme != brand.JiangxiGreen {
			continue
		}
		c := certification.Certificate{Number: r.Number, Scheme: r.Scheme, Holder: r.Holder, Product: r.Product,
			Standards: r.Standards, Body: r.Body, Mode: r.Mode, Issued: r.Issued, Expires: r.Expires}
		if i%3 == 1 { // a registered certificate that differs from its claim
			c.Product += "（另一产品）"
		}
		l[r.Number] = c
	}
	return l
}

// assertSameDecision checks the three ways to decide one record (the
// reference, Check and, for a record whose holder code is canonical,
// checkBuilt) against each other.
func assertSameDecision(t *testing.T, a Agreement, r Record, at time.Time, l certification.Lookup) {
	t.Helper()
	var opts []CheckOption
	if l != nil {
		opts = append(opts, WithLookup(l))
	}
	want := refCheck(a, r.Clone(), at, opts...)
	got := a.Check(r, at, opts...)
	if !reflect.DeepEqual(want, got) {
		t.Fatalf("%s %s by %s at %s:\nreference: %#v\ncheck:     %#v", r.Scheme, r.Number, a.Ref(), at, want, got)
	}
	if c, err := creditcode.Parse(string(r.Holder.Code)); err == nil && c == r.Holder.Code {
		if built := a.checkBuilt(&r, at, l); !reflect.DeepEqual(want, built) {
			t.Fatalf("%s %s by %s at %s:\nreference:  %#v\ncheckBuilt: %#v", r.Scheme, r.Number, a.Ref(), at, want, built)
		}
	}
}

// The new Check decides every record of the bundled sample, by every
// agreement file and every adapter's terms, on each day, with and without
// a registry, as the reference did, to DeepEqual decisions.
func TestCheckAgreesWithReference(t *testing.T) {
	t.Parallel()
	records := decideRecords(t)
	lookup := lookupOf(records)
	outcomes := map[Outcome]int{}
	for _, a := range decideAgreements(t) {
		for _, r := range records {
			for _, at := range decideDays {
				assertSameDecision(t, a, r, at, nil)
				assertSameDecision(t, a, r, at, lookup)
				outcomes[a.Check(r, at).Outcome]++
			}
		}
	}
	for _, o := range []Outcome{Recognized, Conditional, Rejected} {
		assert.Positive(t, outcomes[o], "no %s decision among the cases", o)
	}
}

// A Decision shares no array with the agreement that made it, nor with
// another decision; one reason's arguments share none with another's.
func TestDecisionSharesNoArrayWithAgreementOrAnotherDecision(t *testing.T) {
	t.Parallel()
	zj, ok := Lookup("zhejiang")
	require.True(t, ok)
	a := zj.Agreement()
	a.Assessed = []brand.Attribute{brand.QualityLeading}
	a.Attributes = brand.Core()
	r := Record{Scheme: brand.Zhejiang, Number: "ZJM-SYN-SHARE", Holder: certification.Holder{Name: "合成样例企业", Code: "bad"},
		Product: "榴莲", Expires: decideAt.AddDate(1, 0, 0), Status: certification.Valid}
	agreementBefore := a.clone()

	d1, d2 := a.Check(r, decideAt), a.Check(r, decideAt)
	require.Equal(t, d1, d2)
	require.GreaterOrEqual(t, len(d1.Reasons), 2)
	require.NotEmpty(t, d1.Assess)
	withArgs := []int{}
	for i, x := range d1.Reasons {
		if len(x.Args) > 0 {
			withArgs = append(withArgs, i)
		}
	}
	require.GreaterOrEqual(t, len(withArgs), 2, "two reasons with arguments")
	first, second := withArgs[0], withArgs[1]
	secondArgs := slices.Clone(d1.Reasons[second].Args)

	// Appending to one reason's arguments writes into no other's.
	d1.Reasons[first].Args = append(d1.Reasons[first].Args, "appended")
	assert.Equal(t, secondArgs, d1.Reasons[second].Args)
	// The attributes to assess, kept in the room of the reasons, are
	// capped at their length: appending to them moves them.
	assert.Equal(t, len(d1.Assess), cap(d1.Assess))
	// Writing into one decision changes neither the other nor the terms.
	d1.Reasons[first].Args[0] = "changed"
	d1.Reasons[second].Code = "changed"
	d1.Assess[0] = brand.Attribute(99)
	d1.Reasons = append(d1.Reasons, Reason{Code: "appended"})
	assert.Equal(t, a.Check(r, decideAt), d2)
	assert.NotEqual(t, "changed", d2.Reasons[first].Args[0])
	assert.Equal(t, agreementBefore, a)
	// Nor does a later decision write into an earlier one's spare room.
	before := slices.Clone(d2.Reasons[:cap(d2.Reasons)])
	_ = a.Check(r, decideAt)
	assert.Equal(t, before, d2.Reasons[:cap(d2.Reasons)])
}

// FuzzCheckAgreesWithReference decides fuzzed records by each of the
// agreements, with and without a registry, and holds Check to the
// reference. Each input changes one record of the bundled sample
// (picked by pick): its product, body, approval, holder code, standards,
// status, mode, dates, attributes, integrity and scheme.
func FuzzCheckAgreesWithReference(f *testing.F) {
	records := decideRecords(f)
	agreements := decideAgreements(f)
	lookup := lookupOf(records)
	schemes := []brand.ID{"", brand.JiangxiGreen, brand.Zhejiang, brand.Jiangsu, brand.Shenzhen, brand.Shanghai, brand.Ganchu, brand.Ganpo, "untp"}
	for i, r := range records {
		var stds []string
		for _, n := range r.Standards {
			stds = append(stds, n.String())
		}
		f.Add(uint16(i), uint16(i), r.Product, r.Body.Name, r.Body.Approval, string(r.Holder.Code), strings.Join(stds, ","),
			uint8(r.Status), uint8(r.Mode), int16(0), int16(0), []byte(nil), false, uint8(r.Integrity), uint8(0), int16(0))
	}
	f.Add(uint16(1), uint16(3), "江西绿色生态 赣南脐橙", "江西省检验检测认证总院", "", "91360100MA9000001K", "T/JGE 0016-2023,DB36/T 1138-2019",
		uint8(1), uint8(7), int16(-400), int16(30), []byte{1, 2, 3, 9}, true, uint8(2), uint8(2), int16(200))
	f.Add(uint16(5), uint16(0), "", " ", "CNCA-R-2002-001", "", "", uint8(0), uint8(0), int16(5000), int16(-5000), []byte{0, 0}, true, uint8(0), uint8(1), int16(-3))
	f.Fuzz(func(t *testing.T, pick, terms uint16, product, body, approval, code, stds string, status, mode uint8,
		issuedShift, expiresShift int16, attrs []byte, change bool, integrity, scheme uint8, atShift int16) {
		r := records[int(pick)%len(records)].Clone()
		a := agreements[int(terms)%len(agreements)]
		if change {
			r.Product, r.Body.Name, r.Body.Approval, r.Holder.Code = product, body, approval, creditcode.Code(code)
			r.Standards = nil
			for _, s := range strings.Split(stds, ",") {
				if n, err := standard.Parse(s); err == nil {
					r.Standards = append(r.Standards, n)
				}
			}
			r.Status, r.Mode = certification.Status(status%10), certification.Mode(mode%10)
			r.Integrity = Integrity(integrity % 4)
			if scheme > 0 {
				r.Scheme = schemes[int(scheme)%len(schemes)]
			}
			r.Attributes = nil
			for _, x := range attrs {
				r.Attributes = append(r.Attributes, brand.Attribute(x%12))
			}
			if len(attrs) > 0 && attrs[0]%2 == 1 {
				a.Assessed = r.Attributes
			}
		}
		if issuedShift != 0 {
			r.Issued = r.Issued.AddDate(0, 0, int(issuedShift))
		}
		if expiresShift != 0 {
			r.Expires = r.Expires.AddDate(0, 0, int(expiresShift))
		}
		at := decideAt.AddDate(0, 0, int(atShift))
		assertSameDecision(t, a, r, at, nil)
		assertSameDecision(t, a, r, at, lookup)
	})
}

// FuzzParseDateAgreesWithTime holds parseDate to
// time.ParseInLocation(time.DateOnly) in China time: the same time.Time
// (==, location included) for what it reads, an error for what it does
// not.
func FuzzParseDateAgreesWithTime(f *testing.F) {
	for _, s := range []string{"2025-01-10", "2028-01-09", "2024-02-29", "2023-02-29", "2000-02-29", "1900-02-29",
		"0000-01-01", "9999-12-31", "2025-13-01", "2025-00-10", "2025-01-00", "2025-04-31", "2025-1-10",
		"2025-01-1", "2025/01/10", "20250110", "2025-01-10 ", " 2025-01-10", "2025-01-10T00:00:00Z", "+025-01-10",
		"-025-01-10", "２０２５-01-10", "2025-01-1x", "", "2025-01-10\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, wantErr := refParseDate(s)
		got, err := parseDate(s)
		if (wantErr == nil) != (err == nil) {
			t.Fatalf("%q: time says %v, parseDate %v", s, wantErr, err)
		}
		if err != nil {
			if err.Error() != wantErr.Error() {
				t.Fatalf("%q: error %q, want %q", s, err, wantErr)
			}
			return
		}
		if got != want || got.Location() != want.Location() {
			t.Fatalf("%q: %#v, want %#v", s, got, want)
		}
	})
}

// build maps every flat record of the bundled sample, and each adapter's
// sample records, to the record (or the error) the reference build gave.
func TestBuildAgreesWithReference(t *testing.T) {
	t.Parallel()
	samples := decideSamples(t)
	require.NotEmpty(t, samples)
	for _, s := range samples {
		assertSameBuild(t, s.format, s.fields)
	}
	files, err := filepath.Glob("../testdata/*/*.json")
	require.NoError(t, err)
	n := 0
	for _, file := range files {
		ad, ok := Lookup(filepath.Base(filepath.Dir(file)))
		if !ok {
			continue
		}
		flat, ok := ad.(*FlatAdapter)
		if !ok {
			continue
		}
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		keys := flat.format.keys()
		if fields, ok := scanFields(&keys, data); ok {
			assertSameBuild(t, &flat.format, fields)
			n++
		}
	}
	assert.Positive(t, n)
}

func assertSameBuild(t *testing.T, f *Format, n nativeFields) {
	t.Helper()
	want, wantErr := refBuild(*f, n)
	got, err := f.build(&n)
	require.Equal(t, wantErr == nil, err == nil, "%+v: %v / %v", n, wantErr, err)
	if err != nil {
		require.Equal(t, wantErr.Error(), err.Error())
		return
	}
	require.True(t, reflect.DeepEqual(want, got), "%+v:\nreference: %#v\nbuild:     %#v", n, want, got)
}

// FuzzBuildAgreesWithReference holds build to the reference on fuzzed
// native values (the fast path's scan having admitted their shape or not:
// build must agree on anything).
func FuzzBuildAgreesWithReference(f *testing.F) {
	for _, s := range decideSamples(f) {
		n := s.fields
		f.Add(n.holderCode, strings.Join(n.standards, ","), n.mode, n.issued, n.expires, n.status, strings.Join(n.attributes, ","))
	}
	f.Add("91360100MA9000001K", "T/JGE 0016-2023,ＤＢ36/T 1138—2019", "type 5", "2025-02-29", "2024-02-29", " 有效 ", "资源节约,生态协调,x")
	f.Add("91360100MA9000001K", "T/JGE 0039-2023", "5", "0000-01-01", "9999-12-31", "\u3000有效", "")
	f.Add("91360100MA9000001K", "T/JGE 0039-2023", "5", "2024-02-29", "2024-02-28", "有效\u00a0", "")
	zj, ok := Lookup("zhejiang")
	require.True(f, ok)
	format := zj.(*FlatAdapter).format
	f.Fuzz(func(t *testing.T, code, stds, mode, issued, expires, status, attrs string) {
		n := nativeFields{number: "ZJM-SYN-FUZZ", holderName: "合成样例企业", holderCode: code, product: "江西绿色生态 赣南脐橙",
			body: "合成样例认证有限公司", approval: "CNCA-R-2002-001", mode: mode, issued: issued, expires: expires, status: status}
		if stds != "" {
			n.standards = strings.Split(stds, ",")
		}
		if attrs != "" {
			n.attributes = strings.Split(attrs, ",")
		}
		assertSameBuild(t, &format, n)
	})
}

// labelOf gives the label of every standard of the catalogue, boxed once,
// and of any other standard, made anew.
func TestLabelOfIsLabel(t *testing.T) {
	t.Parallel()
	all := standard.Catalogue().All()
	require.NotEmpty(t, all)
	other := all[0]
	other.Title += "（另一版本）"
	for _, s := range append(all, other, standard.Standard{}, standard.Standard{Title: "合成样例标准"}) {
		assert.Equal(t, s.Label(), labelOf(s), s.Number.String())
	}
}

// The room made on a decision's first reason holds the reasons and the
// arguments of nearly every decision of the bundled sample.
func TestReasonRoomHoldsUsualDecisions(t *testing.T) {
	t.Parallel()
	held, all := 0, 0
	for _, r := range decideRecords(t) {
		ad, ok := Lookup(string(r.Scheme))
		if !ok {
			continue
		}
		d := ad.Agreement().Check(r, decideAt)
		args := 0
		for _, x := range d.Reasons {
			args += len(x.Args)
		}
		all++
		if len(d.Reasons) <= len(reasonRoom{}.reasons) && args <= len(reasonRoom{}.args) {
			held++
		}
	}
	require.Positive(t, all)
	t.Logf("%d of %d decisions fit", held, all)
	assert.GreaterOrEqual(t, float64(held)/float64(all), 0.95, "%d of %d decisions fit", held, all)
}

// FuzzDateAgreesWithFormat holds date, the reasons' dates, to
// time.Format(time.DateOnly) in China time, for any instant.
func FuzzDateAgreesWithFormat(f *testing.F) {
	for _, t := range []time.Time{decideAt, {}, time.Date(2025, 12, 31, 16, 0, 0, 0, time.UTC), time.Date(2025, 12, 31, 15, 59, 59, 999999999, time.UTC),
		time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(9999, 12, 31, 23, 0, 0, 0, brand.ChinaTime()), time.Date(10000, 1, 1, 0, 0, 0, 0, brand.ChinaTime()),
		time.Date(0, 1, 1, 0, 0, 0, 0, brand.ChinaTime()), time.Date(2024, 2, 29, 0, 0, 0, 0, brand.ChinaTime())} {
		f.Add(t.Unix(), int64(t.Nanosecond()))
	}
	f.Fuzz(func(t *testing.T, sec, nsec int64) {
		at := time.Unix(sec, nsec)
		if want := at.In(brand.ChinaTime()).Format(time.DateOnly); date(at) != want {
			t.Fatalf("%d.%09d: %q, want %q", sec, nsec, date(at), want)
		}
	})
}

// blank is strings.TrimSpace(s) == "".
func FuzzBlankIsTrimSpace(f *testing.F) {
	for _, s := range []string{"", " ", "\u3000", " \t\n", "合成样例认证有限公司", " 合成", "\x85", "\xa0", "\u00a0\u2028", "\xff", " \xff "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := blank(s), strings.TrimSpace(s) == ""; got != want {
			t.Fatalf("%q: blank %v, TrimSpace %v", s, got, want)
		}
	})
}

// citeCases are the numbers and products FuzzCiteAgreesWithHeading and
// TestCiteAgreesWithHeading start from: every number of the catalogue, its
// base standard, its standard without a year, other editions and
// amendments of it, and numbers the catalogue does not hold.
func citeCases(tb testing.TB) (numbers, products []string) {
	tb.Helper()
	for _, s := range standard.Catalogue().All() {
		products = append(products, s.Subject, s.Title, "新鲜"+s.Subject+"（特级）")
		if s.Number.IsZero() {
			continue
		}
		n := s.Number
		numbers = append(numbers, n.String(), n.WithoutYear().String(), n.Base().String(), n.String()+"/XG1-2024",
			strings.Replace(n.String(), "-20", "-19", 1), strings.Replace(n.String(), "-20", "—20", 1))
	}
	numbers = append(numbers, "NY/T 844-2017", "T/ZZB 9001-2099", "GB/T 467-2010", "T/JGE 0039", "T/JGE 0039-2024", "ISO 14064-1:2018", "")
	products = append(products, "", "榴莲", "金溪蜜梨", " 金溪蜜梨 ", "江西绿色生态 金溪蜜梨", "蜜梨")
	return numbers, products
}

// assertCiteIsHeading checks cite against the catalogue's Heading.
func assertCiteIsHeading(t *testing.T, cat *standard.Catalog, s, product string) {
	t.Helper()
	n, err := standard.Parse(s)
	if err != nil {
		n = standard.Number{}
	}
	var buf cited
	got := cite(cat, n, &buf)
	want, ok := cat.Heading(n)
	require.Equal(t, ok, got != nil, "%q", s)
	if !ok {
		return
	}
	require.True(t, reflect.DeepEqual(want, got.heading), "%q:\nHeading: %#v\ncite:    %#v", s, want, got.heading)
	require.Equal(t, want.Label(), got.label, "%q", s)
	require.Equal(t, want.Covers(product), got.covers(product), "%q covers %q", s, product)
}

// cite finds, for every number the catalogue holds or does not, and for
// the catalogue and another one, what Heading finds, and covers what it
// covers.
func TestCiteAgreesWithHeading(t *testing.T) {
	t.Parallel()
	numbers, products := citeCases(t)
	all := standard.Catalogue().All()
	other := standard.NewCatalog(all[:len(all)/2])
	found := 0
	for _, cat := range []*standard.Catalog{standard.Catalogue(), other} {
		for _, s := range numbers {
			for _, p := range products {
				assertCiteIsHeading(t, cat, s, p)
			}
			if n, err := standard.Parse(s); err == nil {
				if _, ok := cat.Heading(n); ok {
					found++
				}
			}
		}
	}
	assert.Greater(t, found, len(all), "the cases find the catalogue's standards")
}

// FuzzCiteAgreesWithHeading holds cite, and the citations made once for
// the catalogue, to standard.Catalog.Heading and Standard.Covers.
func FuzzCiteAgreesWithHeading(f *testing.F) {
	numbers, products := citeCases(f)
	for i, s := range numbers {
		f.Add(s, products[i%len(products)], i%3 == 0)
	}
	all := standard.Catalogue().All()
	other := standard.NewCatalog(all[:len(all)/2])
	f.Fuzz(func(t *testing.T, s, product string, useOther bool) {
		cat := standard.Catalogue()
		if useOther {
			cat = other
		}
		assertCiteIsHeading(t, cat, s, product)
	})
}

// isSpace is unicode.IsSpace for every rune, and for values beyond them.
func TestIsSpaceIsUnicodeIsSpace(t *testing.T) {
	t.Parallel()
	for r := rune(-1); r <= unicode.MaxRune+1; r++ {
		if isSpace(r) != unicode.IsSpace(r) {
			t.Fatalf("%U: isSpace %v, unicode.IsSpace %v", r, isSpace(r), unicode.IsSpace(r))
		}
	}
}

// FuzzTrimSpaceAgreesWithStrings holds trimSpace, which statusOf trims a
// status word with, to strings.TrimFunc(s, unicode.IsSpace).
func FuzzTrimSpaceAgreesWithStrings(f *testing.F) {
	for _, s := range []string{"", " ", "有效", " 有效 ", "\u3000有效\u3000", "有效\u00a0", "\u0085撤销", "有效\xff", "\xe6\x9c", " \xe6\x9c",
		"\u2028", "a", "\t暂停\n", "有\u3000效", "\u205f注销\u2000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := trimSpace(s), strings.TrimFunc(s, unicode.IsSpace); got != want {
			t.Fatalf("%q: %q, want %q", s, got, want)
		}
	})
}

// chinaMidnight of a day's number is the time.Time that time.Date makes
// for that day in China time, == included (location and all), for every
// day of the years 0000 to 9999 that parseDate reads and the day after
// the last, which build makes an expiry of.
func TestChinaMidnightIsTimeDate(t *testing.T) {
	t.Parallel()
	end := time.Date(10000, 1, 2, 0, 0, 0, 0, brand.ChinaTime())
	n := 0
	for day := time.Date(0, 1, 1, 0, 0, 0, 0, brand.ChinaTime()); day.Before(end); day = day.AddDate(0, 0, 1) {
		y, m, d := day.Date()
		want := time.Date(y, m, d, 0, 0, 0, 0, brand.ChinaTime())
		got := chinaMidnight(daysFromCivil(int64(y), int64(m), int64(d)))
		if got != want {
			t.Fatalf("%04d-%02d-%02d: %#v, want %#v", y, m, d, got, want)
		}
		n++
	}
	assert.Equal(t, 10000*365+2425+1, n) // 2425 leap years in 0000-9999
}

// boxName gives every name as it is, the name of 江西绿色生态 boxed once.
func TestBoxNameIsName(t *testing.T) {
	t.Parallel()
	for _, name := range []string{brand.JiangxiGreenEcology().Name, "", "合成样例方案", "江西绿色生态 "} {
		assert.Equal(t, any(name), boxName(name))
	}
}

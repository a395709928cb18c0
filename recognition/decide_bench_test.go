package recognition

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"
	"time"

	"github.com/jxgreen/jxgreen/recognition/internal/cputime"
	"github.com/jxgreen/jxgreen/recognition/internal/fastpath"
)

// decideAt is the day the bundled sample's golden output is judged on.
var decideAt = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

// decideSample is one flat record of the bundled sample, scanned once: what
// build and Check start from in a batch.
type decideSample struct {
	line   int
	format *Format
	terms  Agreement
	fields nativeFields
}

// decideSamples returns the flat records of the bundled sample that the fast
// path admits, in the order of the sample.
func decideSamples(tb testing.TB) []decideSample {
	tb.Helper()
	data, err := os.ReadFile("../testdata/recognition/sample.ndjson")
	if err != nil {
		tb.Fatal(err)
	}
	var out []decideSample
	for i, line := range bytes.Split(data, []byte("\n")) {
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
		flat, ok := ad.(*FlatAdapter)
		if !ok {
			continue
		}
		f := &flat.format
		keys := f.keys()
		fields, ok := scanFields(&keys, env.Record)
		if !ok {
			continue
		}
		out = append(out, decideSample{line: i + 1, format: f, terms: flat.terms, fields: fields})
	}
	return out
}

// scanFields returns the native values of a record that the fast path
// scans, and false when it declines the record.
func scanFields(keys *fastpath.Keys, native []byte) (nativeFields, bool) {
	s, ok := fastpath.Scan(keys, native, false)
	if !ok {
		return nativeFields{}, false
	}
	return nativeFields{
		number: s[fastpath.Number].S, holderName: s[fastpath.HolderName].S, holderCode: s[fastpath.HolderCode].S,
		product: s[fastpath.Product].S, standards: s[fastpath.Standards].Arr, body: s[fastpath.Body].S,
		approval: s[fastpath.Approval].S, mode: s[fastpath.Mode].S, issued: s[fastpath.Issued].S, expires: s[fastpath.Expires].S,
		status: s[fastpath.Status].S, attributes: s[fastpath.Attributes].Arr,
	}, true
}

// BenchmarkBuildAndCheck maps the scanned fields of a flat record of the
// bundled sample to a Record and decides it by the adapter's default
// terms, as a batch worker does after the fast path's scan: the first
// record of each outcome (recognized, conditional, rejected), decided by
// Check and by checkBuilt (the holder code not parsed again).
func BenchmarkBuildAndCheck(b *testing.B) {
	samples := decideSamples(b)
	// Every flat record of the sample in turn, in its proportions.
	b.Run("sample", func(b *testing.B) {
		b.ReportAllocs()
		cpu := cputime.Used()
		i := 0
		for b.Loop() {
			s := &samples[i%len(samples)]
			i++
			if r, err := s.format.build(&s.fields); err == nil {
				_ = s.terms.Check(r, decideAt)
			}
		}
		b.ReportMetric(float64(cputime.Used()-cpu)/float64(b.N), "cpu-ns/op")
	})
	for _, want := range []Outcome{Recognized, Conditional, Rejected} {
		var pick *decideSample
		for i := range samples {
			r, err := samples[i].format.build(&samples[i].fields)
			if err == nil && samples[i].terms.Check(r, decideAt).Outcome == want {
				pick = &samples[i]
				break
			}
		}
		if pick == nil {
			b.Fatalf("no %s flat record in the sample", want)
		}
		b.Run(want.String(), func(b *testing.B) {
			b.ReportAllocs()
			cpu := cputime.Used()
			for b.Loop() {
				r, err := pick.format.build(&pick.fields)
				if err != nil {
					b.Fatal(err)
				}
				if d := pick.terms.Check(r, decideAt); d.Outcome != want {
					b.Fatalf("line %d: %s, want %s", pick.line, d.Outcome, want)
				}
			}
			b.ReportMetric(float64(cputime.Used()-cpu)/float64(b.N), "cpu-ns/op")
		})
		// As the batch can decide a record that build made: its holder
		// code parsed once.
		b.Run(want.String()+"-built", func(b *testing.B) {
			b.ReportAllocs()
			cpu := cputime.Used()
			for b.Loop() {
				r, err := pick.format.build(&pick.fields)
				if err != nil {
					b.Fatal(err)
				}
				if d := pick.terms.checkBuilt(&r, decideAt, nil); d.Outcome != want {
					b.Fatalf("line %d: %s, want %s", pick.line, d.Outcome, want)
				}
			}
			b.ReportMetric(float64(cputime.Used()-cpu)/float64(b.N), "cpu-ns/op")
		})
	}
}

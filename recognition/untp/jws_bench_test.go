package untp_test

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"
	"time"

	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/recognition"
	"github.com/jxgreen/jxgreen/recognition/internal/cputime"
	"github.com/jxgreen/jxgreen/recognition/untp"
)

// BenchmarkSign signs one credential; BenchmarkVerify verifies it with its
// status read in the list; BenchmarkDecodeSigned and BenchmarkDecodeBare
// compare the batch path for a signed credential and a bare one.
func BenchmarkSign(b *testing.B) {
	br := newBrand()
	c := ourCertificate(b, "JXGE-SYN-BENCH-1")
	br.add(b, c)
	r := recordOf(c, certification.Valid)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := br.issuer.Sign(r, br.key); err != nil {
			b.Fatal(err)
		}
	}
}

func benchFixture(b *testing.B) (*brandFixture, []byte, []byte) {
	br := newBrand()
	c := ourCertificate(b, "JXGE-SYN-BENCH-1")
	br.add(b, c)
	token, err := br.issuer.Sign(recordOf(c, certification.Valid), br.key)
	if err != nil {
		b.Fatal(err)
	}
	bare, err := br.issuer.Encode(recordOf(c, certification.Valid))
	if err != nil {
		b.Fatal(err)
	}
	return br, token, bare
}

func BenchmarkVerify(b *testing.B) {
	br, token, _ := benchFixture(b)
	v := br.verifier(b, checkDay)
	b.ReportAllocs()
	defer reportCPU(b, cputime.Used())
	for b.Loop() {
		r, err := v.Verify(token, checkDay)
		if err != nil || r.Integrity != recognition.IntegrityChecked {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeSigned(b *testing.B) {
	br, token, _ := benchFixture(b)
	v := br.verifier(b, checkDay)
	b.ReportAllocs()
	defer reportCPU(b, cputime.Used())
	for b.Loop() {
		if _, err := v.Decode(token); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeBare(b *testing.B) {
	br, _, bare := benchFixture(b)
	v := br.verifier(b, checkDay)
	b.ReportAllocs()
	defer reportCPU(b, cputime.Used())
	for b.Loop() {
		if _, err := v.Decode(bare); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeBareByKind decodes a bare credential by the registered
// adapter, as a batch line carries it (compact) and as Encode writes it
// (indented), beside encoding/json decoding the same bytes into any in the
// same run: the fast reader's goal is about a third of that.
func BenchmarkDecodeBareByKind(b *testing.B) {
	_, _, indented := benchFixture(b)
	var compact bytes.Buffer
	if err := json.Compact(&compact, indented); err != nil {
		b.Fatal(err)
	}
	line := sampleUNTPRecord(b)
	for _, in := range []struct {
		name   string
		native []byte
	}{{"indented", indented}, {"compact", compact.Bytes()}, {"batch-line", line}} {
		b.Run(in.name+"/adapter", func(b *testing.B) {
			a := &untp.Adapter{}
			b.ReportAllocs()
			b.SetBytes(int64(len(in.native)))
			defer reportCPU(b, cputime.Used())
			for b.Loop() {
				if _, err := a.Decode(in.native); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(in.name+"/by-schema", func(b *testing.B) {
			a := &untp.Adapter{}
			b.ReportAllocs()
			b.SetBytes(int64(len(in.native)))
			defer reportCPU(b, cputime.Used())
			for b.Loop() {
				if _, err := a.DecodeBySchema(in.native); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(in.name+"/encoding-json-any", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(in.native)))
			defer reportCPU(b, cputime.Used())
			for b.Loop() {
				var v any
				if err := json.Unmarshal(in.native, &v); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// sampleUNTPRecord returns the record of the first UNTP line of the
// bundled batch sample (synthetic).
func sampleUNTPRecord(tb testing.TB) []byte {
	sample, err := os.ReadFile("../../testdata/recognition/sample.ndjson")
	if err != nil {
		tb.Fatal(err)
	}
	for l := range bytes.SplitSeq(sample, []byte("\n")) {
		var line struct {
			Scheme string          `json:"scheme"`
			Record json.RawMessage `json:"record"`
		}
		if json.Unmarshal(l, &line) == nil && line.Scheme == "untp" {
			return line.Record
		}
	}
	tb.Fatal("no UNTP line in the sample")
	return nil
}

// reportCPU reports the CPU time per operation since start (the process's,
// GC included), which a shared machine's wall clock blurs.
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(cputime.Used()-start)/float64(b.N), "cpu-ns/op")
}

package untp_test

import (
	"testing"

	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/recognition"
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
	for b.Loop() {
		if _, err := v.Decode(bare); err != nil {
			b.Fatal(err)
		}
	}
}

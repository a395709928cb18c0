package certification

import (
	"encoding/json"
	"testing"
)

// BenchmarkStatusAt replays the fixture's history (issue, surveillance,
// suspension, reinstatement, renewal): the cost every status report pays.
func BenchmarkStatusAt(b *testing.B) {
	var c Certificate
	if err := json.Unmarshal(readFixture(b), &c); err != nil {
		b.Fatal(err)
	}
	at := day(2030, 1, 1)
	b.ReportAllocs()
	for b.Loop() {
		if c.StatusAt(at) != Valid {
			b.Fatal("want valid")
		}
	}
}

// BenchmarkCertificateJSON decodes the fixture with every check.
func BenchmarkCertificateJSON(b *testing.B) {
	in := readFixture(b)
	b.ReportAllocs()
	for b.Loop() {
		var c Certificate
		if err := json.Unmarshal(in, &c); err != nil {
			b.Fatal(err)
		}
	}
}

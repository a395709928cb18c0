package recognition_test

import (
	"os"
	"testing"

	"github.com/jxgreen/jxgreen/recognition"
)

func sample(b *testing.B, id, name string) []byte {
	native, err := os.ReadFile("../testdata/" + id + "/" + name + ".json")
	if err != nil {
		b.Fatal(err)
	}
	return native
}

// BenchmarkDecode decodes one valid native record per scheme.
func BenchmarkDecode(b *testing.B) {
	for _, a := range recognition.Adapters() {
		id := string(a.Brand().ID)
		native := sample(b, id, "valid-rejected-expired")
		b.Run(id, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(native)))
			for b.Loop() {
				if _, err := a.Decode(native); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkCheck checks one decoded record against the default agreement.
func BenchmarkCheck(b *testing.B) {
	for _, name := range []string{"valid-recognized-same-standard", "valid-conditional-standard-unverified"} {
		a, _ := recognition.Lookup("zhejiang")
		rec, err := a.Decode(sample(b, "zhejiang", name))
		if err != nil {
			b.Fatal(err)
		}
		ag := a.Agreement()
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = ag.Check(rec, day(2026, 6, 1))
			}
		})
	}
}

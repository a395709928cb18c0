package recognition_test

import (
	"context"
	"io"
	"strings"
	"testing"

	"github.com/jxgreen/jxgreen/recognition"
)

// BenchmarkHostileLine runs the checker on one line of about 1 MiB whose
// record holds an array of 240,000 items, and on a normal line of the same
// size (a valid record with a long comment beside it), with one worker and
// with eight: the hostile line must cost no more than a few times the
// normal one, whatever the worker count.
func BenchmarkHostileLine(b *testing.B) {
	hostile := hostileLine(b, 240_000)
	normal := normalLine(b, len(hostile))
	for _, workers := range []int{1, 8} {
		for _, tc := range []struct{ name, line string }{{"normal", normal}, {"hostile", hostile}} {
			b.Run(tc.name+"/workers="+string(rune('0'+workers)), func(b *testing.B) {
				in := strings.Repeat(tc.line+"\n", workers)
				c := recognition.Checker{At: at, Workers: workers}
				b.SetBytes(int64(len(in)))
				b.ReportAllocs()
				for b.Loop() {
					if _, err := c.Run(context.Background(), strings.NewReader(in), io.Discard); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

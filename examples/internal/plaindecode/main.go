// Command plaindecode is the yardstick of the recognize tool's speed: it
// only decodes each NDJSON line of its input file (or stdin) with
// encoding/json into any, counts the lines that are not JSON, and writes
// the count, as a program that "just decodes the input" would. The
// recognize tool's end-to-end benchmark (BenchmarkToolVsPlainDecode in
// examples/recognize) runs both on the same file.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
)

func main() {
	var in io.Reader = os.Stdin
	if len(os.Args) > 1 {
		f, err := os.Open(os.Args[1])
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		defer f.Close()
		in = f
	}
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	lines, bad := 0, 0
	for sc.Scan() {
		var v any
		if json.Unmarshal(sc.Bytes(), &v) != nil {
			bad++
		}
		lines++
	}
	if err := sc.Err(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	fmt.Printf("%d lines, %d not JSON\n", lines, bad)
}

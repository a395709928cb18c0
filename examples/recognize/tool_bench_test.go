//go:build unix

package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// toolLines is the size of the end-to-end benchmark's input file.
const toolLines = 200_000

// BenchmarkToolVsPlainDecode builds the recognize tool and the plaindecode
// yardstick (examples/internal/plaindecode: encoding/json decodes each line
// into any, nothing more), writes a file of 200,000 lines (the bundled
// sample, cycled), and in every iteration runs both from process start to
// exit on that file, the tool's output going to a file. It reports how many
// times faster the tool is (x-plain: above 1 is faster) over the sum of
// all iterations, the lines per second of each, and the tool's peak
// resident memory (on Linux, sampled from /proc every 10 ms).
func BenchmarkToolVsPlainDecode(b *testing.B) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		b.Skip("needs the go command to build the programs")
	}
	dir := b.TempDir()
	tool, plain := filepath.Join(dir, "recognize"), filepath.Join(dir, "plaindecode")
	for bin, pkg := range map[string]string{tool: ".", plain: "../internal/plaindecode"} {
		if out, err := exec.Command(goTool, "build", "-o", bin, pkg).CombinedOutput(); err != nil {
			b.Fatalf("go build %s: %v\n%s", pkg, err, out)
		}
	}
	sample, err := os.ReadFile(sample)
	if err != nil {
		b.Fatal(err)
	}
	var in bytes.Buffer
	for n := 0; n < toolLines; n += bytes.Count(sample, []byte("\n")) {
		in.Write(sample)
	}
	input := filepath.Join(dir, "in.ndjson")
	if err := os.WriteFile(input, in.Bytes(), 0o600); err != nil {
		b.Fatal(err)
	}
	lines := bytes.Count(in.Bytes(), []byte("\n"))
	output := filepath.Join(dir, "out.ndjson")
	var peak int64 // the tool's largest resident set, in KiB (0: not known)
	run := func(name string, args ...string) time.Duration {
		out, err := os.Create(output)
		if err != nil {
			b.Fatal(err)
		}
		defer out.Close()
		cmd := exec.Command(name, args...)
		cmd.Stdout = out
		t := time.Now()
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		done := make(chan struct{})
		hwm := make(chan int64, 1)
		go func() { hwm <- watchHWM(cmd.Process.Pid, done) }()
		err = cmd.Wait()
		d := time.Since(t)
		close(done)
		if ee, ok := err.(*exec.ExitError); err != nil && !(ok && ee.ExitCode() == exitErrorLines) {
			b.Fatalf("%s: %v", name, err)
		}
		if name == tool {
			peak = max(peak, <-hwm)
		}
		return d
	}
	var tt, pt time.Duration
	for b.Loop() {
		pt += run(plain, input)
		tt += run(tool, "-at", "2026-06-01", input)
	}
	b.ReportMetric(float64(lines*b.N)/pt.Seconds(), "plain-lines/s")
	b.ReportMetric(float64(lines*b.N)/tt.Seconds(), "tool-lines/s")
	b.ReportMetric(pt.Seconds()/tt.Seconds(), "x-plain")
	if peak > 0 {
		b.ReportMetric(float64(peak)/1024, "tool-peak-RSS-MiB")
	}
}

// watchHWM returns the largest resident set of the process pid, in KiB, as
// Linux reports it (VmHWM in /proc/pid/status), read until done is closed;
// 0 where there is no such file. (The rusage of a child started by a
// process that shares its memory until exec counts the parent's too.)
func watchHWM(pid int, done <-chan struct{}) int64 {
	var peak int64
	status := "/proc/" + strconv.Itoa(pid) + "/status"
	for {
		if b, err := os.ReadFile(status); err == nil {
			for _, l := range strings.Split(string(b), "\n") {
				if v, ok := strings.CutPrefix(l, "VmHWM:"); ok {
					kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
					peak = max(peak, kb)
				}
			}
		}
		select {
		case <-done:
			return peak
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// Package readme holds the test that keeps the module's README.md honest:
// every Go snippet of the README is the body (or, for package-level code,
// part of the file) of an example test in a file named
// readme_example_test.go of the package it shows, so that `go test ./...`
// compiles it and checks what it prints, and every comment after a print in
// a snippet is a line that the example's "// Output:" holds.
//
// To change a snippet, change the example and copy its body into the
// README (indentation and alignment do not matter; "…" in a printed
// comment stands for any text). The package has no API.
package readme

package sheet

// cellKind says what a cell held, beyond its text.
type cellKind uint8

const (
	kindText         cellKind = iota
	kindLostDigits            // a number Excel cannot hold exactly (9.13201E+17)
	kindFormulaError          // an XLSX formula error (#N/A, #REF!, …)
	kindSyntax                // not a cell: the row could not be read (a CSV syntax error); v says why
)

// cell is one cell of a row, as people read it.
type cell struct {
	v    string
	kind cellKind
}

// source gives the rows of a table, the header first. next returns the
// row's number (the first being 1) and its cells, valid until the next
// call; io.EOF after the last row.
type source interface {
	next() (int, []cell, error)
}

// blank reports whether every cell is empty.
func blank(cells []cell) bool {
	for _, c := range cells {
		if c.v != "" {
			return false
		}
	}
	return true
}

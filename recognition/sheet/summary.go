package sheet

import "github.com/jxgreen/jxgreen/recognition"

// The Checker's Summary is read and changed here only, so that a change of
// its fields touches one place.

// retag moves n error rows from one kind to another: rows that this
// package made error rows went through the Checker as blank lines.
func retag(s *recognition.Summary, from, to string, n int) {
	if s.Errors == nil {
		s.Errors = map[string]int{}
	}
	s.Errors[from] -= n
	if s.Errors[from] <= 0 {
		delete(s.Errors, from)
	}
	s.Errors[to] += n
}

// outcomeCount returns how many rows had the outcome ("recognized",
// "conditional", "rejected" or "error").
func outcomeCount(s recognition.Summary, outcome string) int { return s.Outcomes[outcome] }

// reasonCounts returns the count of each reason code.
func reasonCounts(s recognition.Summary) map[string]int { return s.Reasons }

// errorCounts returns the count of error rows by kind.
func errorCounts(s recognition.Summary) map[string]int { return s.Errors }

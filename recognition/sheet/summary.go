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
func outcomeCount(s recognition.Summary, outcome string) int {
	if outcome == "error" {
		return s.ErrorLines()
	}
	for o := range s.Outcomes {
		if o.String() == outcome {
			return s.Outcomes[o]
		}
	}
	return 0
}

// reasonCounts returns the count of each reason code.
func reasonCounts(s recognition.Summary) map[string]int {
	m := make(map[string]int, len(s.Reasons))
	for c, n := range s.Reasons {
		m[string(c)] = n
	}
	return m
}

// errorCounts returns the count of error rows by kind.
func errorCounts(s recognition.Summary) map[string]int { return s.Errors }

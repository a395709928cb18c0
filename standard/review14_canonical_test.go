package standard

import (
	"fmt"
	"testing"
)

// TestReview14CanonicalAgreesOnEveryPrefix: Parse's canonical-form reader
// gives what the parser alone gives for every prefix shape it takes or
// nearly takes, crossed with codes and years at their bounds: DB with
// every two- and four-digit division (known or not), every two-letter
// industry code with and without /T and /Z, group and enterprise issuers
// of letters and digits up to past the length bound, codes with dots,
// leading zeros and an S, years 1949 to 2100. FuzzParseAgreesWithReference
// reaches these by mutation only; this walks them.
//
// It passes on main at 2be7ed6; it guards the canonical reader's prefix
// rules, which no test walked before.
func TestReview14CanonicalAgreesOnEveryPrefix(t *testing.T) {
	var prefixes []string
	for d := range 100 {
		prefixes = append(prefixes, fmt.Sprintf("DB%02d/T", d), fmt.Sprintf("DB%02d/", d), fmt.Sprintf("DB%02d", d))
		for _, city := range []int{0, 1, 3, 99} {
			prefixes = append(prefixes, fmt.Sprintf("DB%02d%02d/T", d, city), fmt.Sprintf("DB%02d%02d/", d, city))
		}
	}
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			p := string([]rune{a, b})
			prefixes = append(prefixes, p, p+"/T", p+"/Z")
		}
	}
	for _, h := range []string{"A", "JGE", "JGE2", "2JGE", "A1", "ZZB", "ABCDEFGHIJKLMNOP", "ABCDEFGHIJKLMNOPQ", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "GB", "DB36"} {
		prefixes = append(prefixes, "T/"+h, "Q/"+h)
	}
	codes := []string{"1", "0", "01", "0039", "1.1", "1.01", "1..1", ".1", "1.", "0001S", "00S1", "S", "1S", "12345678901234567890", "A1", "1-1"}
	years := []string{"1949", "1950", "1999", "2020", "2099", "2100", "0000", "99"}
	n, fast := 0, 0
	for _, p := range prefixes {
		for _, c := range codes {
			for _, y := range years {
				s := p + " " + c + "-" + y
				if _, ok := canonical(s); ok {
					fast++
				}
				got, err := Parse(s)
				want, wantErr := parseRef(s)
				if got != want || (err == nil) != (wantErr == nil) || err != nil && *err.(*ParseError) != *wantErr.(*ParseError) {
					t.Errorf("Parse(%q) = %#v, %v; parser alone %#v, %v", s, got, err, want, wantErr)
					if n++; n > 20 {
						t.FailNow()
					}
				}
			}
		}
	}
	if fast < 1000 {
		t.Errorf("the canonical reader took %d numbers only: the walk misses it", fast)
	}
}

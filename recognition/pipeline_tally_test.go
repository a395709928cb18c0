package recognition

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"
)

// tallyOut is what TestTallyCountsAsTheSummaryMaps reads of an output line.
type tallyOut struct {
	Scheme    string `json:"scheme"`
	Outcome   string `json:"outcome"`
	Agreement *struct {
		ID      string `json:"id"`
		Version string `json:"version"`
	} `json:"agreement"`
	Reasons []struct {
		Code string `json:"code"`
	} `json:"reasons"`
}

// perRecordTerms gives each record terms of its own (synthetic ids), more
// sets of terms than a tally has slots for.
func perRecordTerms(via Adapter, r Record) Agreement {
	a := DefaultAgreement(via.Brand())
	a.ID, a.Version = "synthetic-"+r.Number, "v1"
	return a
}

// TestTallyCountsAsTheSummaryMaps runs the bundled sample (synthetic),
// repeated over several batches, with one and two workers, and holds the
// summary, counted in the workers' tallies and flushed once a batch, to
// the output (each decided line's outcome, terms and reasons) and to the
// summary of the same lines checked one by one, each counted at once. The
// terms are the default ones, or one set a record, past the tally's
// slots.
func TestTallyCountsAsTheSummaryMaps(t *testing.T) {
	sample, err := os.ReadFile("../testdata/recognition/sample.ndjson")
	require.NoError(t, err)
	in := bytes.Repeat(sample, 4)
	at := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	for _, terms := range []struct {
		name string
		f    func(Adapter, Record) Agreement
	}{{"default terms", nil}, {"terms per record", perRecordTerms}} {
		for _, workers := range []int{1, 2} {
			c := &Checker{Workers: workers, At: at, Lang: language.English, Agreement: terms.f, File: "synthetic.ndjson"}
			var out bytes.Buffer
			sum, err := c.Run(context.Background(), bytes.NewReader(in), &out)
			require.NoError(t, err)
			sum.Elapsed = 0

			want := newSummary()
			decided := map[string]int{}
			sc := bufio.NewScanner(&out)
			for sc.Scan() {
				var l tallyOut
				require.NoError(t, json.Unmarshal(sc.Bytes(), &l))
				want.Lines++
				if l.Outcome == "error" {
					continue
				}
				o := outcomeNamed(t, l.Outcome)
				want.Outcomes[o]++
				decided[l.Scheme]++
				require.NotNil(t, l.Agreement, "%s", sc.Bytes())
				want.Agreements[AgreementRef{ID: l.Agreement.ID, Version: l.Agreement.Version}]++
				for _, r := range l.Reasons {
					want.Reasons[ReasonCode(r.Code)]++
				}
			}
			require.NoError(t, sc.Err())
			assert.Equal(t, want.Lines, sum.Lines, "%s, %d workers", terms.name, workers)
			assert.Equal(t, want.Outcomes, sum.Outcomes, "%s, %d workers", terms.name, workers)
			assert.Equal(t, want.Agreements, sum.Agreements, "%s, %d workers", terms.name, workers)
			assert.Equal(t, want.Reasons, sum.Reasons, "%s, %d workers", terms.name, workers)
			if terms.f != nil {
				assert.Greater(t, len(sum.Agreements), maxTerms, "the terms did not outnumber the slots")
			}
			total := 0
			for id, n := range sum.Schemes {
				total += n
				assert.GreaterOrEqual(t, n, decided[id], "scheme %q", id)
			}
			assert.Equal(t, sum.Lines, total)
			assert.Equal(t, want.Lines-sum.ErrorLines(), func() (n int) {
				for _, v := range decided {
					n += v
				}
				return n
			}())

			// The same lines one by one, each counted at once.
			w := worker{c: c, at: at, lang: language.English, maxLine: defaultMaxLine}
			one := newSummary()
			for n, line := range bytes.Split(bytes.TrimSuffix(in, []byte("\n")), []byte("\n")) {
				one.Lines++
				w.checkLine(nil, n+1, line, &one)
			}
			assert.Equal(t, one, sum, "%s, %d workers", terms.name, workers)
		}
	}
}

// outcomeNamed returns the outcome whose String is name.
func outcomeNamed(t *testing.T, name string) Outcome {
	for _, o := range []Outcome{Recognized, Conditional, Rejected} {
		if o.String() == name {
			return o
		}
	}
	t.Fatalf("no outcome %q", name)
	return 0
}

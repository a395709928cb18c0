package recognition_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jxgreen/jxgreen/recognition"
)

// FuzzParseAgreements holds the agreement parser to its promises on any
// input: it never panics; it refuses with an *AgreementError (wrapping
// ErrAgreement) or returns agreements whose dates are in order, whose
// versions do not conflict, and which go through MarshalAgreements to the
// same terms. Its first inputs are the sample files and a few broken ones.
func FuzzParseAgreements(f *testing.F) {
	files, err := filepath.Glob("../testdata/agreements/*.json")
	require.NoError(f, err)
	for _, name := range files {
		b, err := os.ReadFile(name)
		require.NoError(f, err)
		f.Add(b)
	}
	for _, s := range []string{
		`{"agreements":[{"id":"t","version":"1","recognizer":"jxgreen","scheme":"zhejiang","basis":{"note":"x"}}]}`,
		`{"agreements":[{"id":"t","version":"1","recognizer":"zhejiang","scheme":"jxgreen","basis":{"title":"x"},"in_force":{"until":"2026-01-01"},"standards":[]}]}`,
		`{"agreements":[{"id":"t","version":"1","recognizer":"jxgreen","scheme":"ganpo","basis":{"note":"x"},"equivalences":[{"product":"脐橙","ours":"T/JGE 0039-2023","degree":"IDT"}],"evaluations":{"accepted":true,"add":["type-testing"]}}]}`,
		`{"agreements":[{"id":"t","version":"1","recognizer":"jxgreen","scheme":"zhejiang","basis":{"note":"x"},"in_force":{"from":"2026-06-01","until":"2026-05-31"}}]}`,
		`{"agreements":[{"id":"t","id":"t"}]}`,
		`{"agreements":[`,
		`[]`,
		"\xff",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		list, err := recognition.ParseAgreements(data)
		if err != nil {
			var ae *recognition.AgreementError
			if !errors.As(err, &ae) || !errors.Is(err, recognition.ErrAgreement) {
				t.Fatalf("not an AgreementError: %T %v", err, err)
			}
			assert.Nil(t, list)
			return
		}
		require.NotEmpty(t, list)
		for _, a := range list {
			if !a.From.IsZero() && !a.Until.IsZero() {
				require.True(t, a.From.Before(a.Until), "dates in order: %v %v", a.From, a.Until)
			}
		}
		_, err = recognition.NewAgreements(list...)
		require.NoError(t, err, "a file that parses makes a set")
		b, err := recognition.MarshalAgreements(list...)
		require.NoError(t, err)
		back, err := recognition.ParseAgreements(b)
		require.NoError(t, err, "%s", b)
		require.Len(t, back, len(list))
		for i := range list {
			assert.Equal(t, list[i].Ref(), back[i].Ref())
			assert.Equal(t, list[i].From, back[i].From)
			assert.Equal(t, list[i].Until, back[i].Until)
			assert.Equal(t, list[i].Equivalences, back[i].Equivalences)
			assert.Equal(t, list[i].Attributes, back[i].Attributes)
			assert.Equal(t, list[i].Assessed, back[i].Assessed)
			assert.Equal(t, list[i].MinMode, back[i].MinMode)
			assert.Equal(t, list[i].EvaluationAdds, back[i].EvaluationAdds)
			assert.Equal(t, list[i].Document, back[i].Document)
		}
	})
}

package recognition_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/certification/creditcode"
	"github.com/jxgreen/jxgreen/recognition"
	_ "github.com/jxgreen/jxgreen/recognition/all"
	"github.com/jxgreen/jxgreen/standard"
)

// Tests of issue 11, "Agreements as data". Every agreement here is
// synthetic: the sample files say "示例/synthetic, not a real agreement",
// and the partner standard numbers they cite carry the year 2099.

const agreementsDir = "../testdata/agreements"

func loadFile(t *testing.T, name string) []recognition.Agreement {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(agreementsDir, name))
	require.NoError(t, err)
	list, err := recognition.ParseAgreements(b)
	require.NoError(t, err, name)
	return list
}

// decodeSamples decodes the valid sample records of a scheme.
func decodeSamples(t *testing.T, a recognition.Adapter) []recognition.Record {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "testdata", string(a.Brand().ID), "valid-*.json"))
	require.NoError(t, err)
	var out []recognition.Record
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		r, err := a.Decode(b)
		require.NoError(t, err, f)
		out = append(out, r)
	}
	return out
}

// "Everything Agreement holds today can be written in it": every default
// agreement, and its mirror, goes through the file format to the same
// terms, which decide every sample record of its scheme identically.
func TestEveryDefaultAgreementRoundTripsThroughTheFileFormat(t *testing.T) {
	t.Parallel()
	for _, ad := range recognition.Adapters() {
		if _, env := ad.(recognition.Envelope); env {
			// A format recognises nothing, and no record has it as its
			// scheme: an agreement file cannot name it (review of issue 11).
			continue
		}
		terms := []recognition.Agreement{ad.Agreement(), ad.Agreement().Reverse()}
		for _, ag := range terms {
			b, err := recognition.MarshalAgreements(ag)
			require.NoError(t, err)
			back, err := recognition.ParseAgreements(b)
			require.NoError(t, err, "%s", b)
			require.Len(t, back, 1)
			assert.Equal(t, ag, back[0], "%s", b)
			recs := decodeSamples(t, ad)
			require.NotEmpty(t, recs, ad.Brand().ID)
			for _, r := range recs {
				assert.Equal(t, ag.Check(r, at), back[0].Check(r, at), r.Number)
			}
		}
	}
}

// The same, through the batch checker: the bundled sample decided by the
// round-tripped defaults, loaded as a set, is decided byte for byte as by
// the built-in defaults.
func TestDefaultsLoadedAsFilesDecideTheBundledSampleIdentically(t *testing.T) {
	t.Parallel()
	var loaded []recognition.Agreement
	for _, ad := range recognition.Adapters() {
		if _, env := ad.(recognition.Envelope); env {
			continue // an agreement file cannot name a format (see above)
		}
		b, err := recognition.MarshalAgreements(ad.Agreement())
		require.NoError(t, err)
		list, err := recognition.ParseAgreements(b)
		require.NoError(t, err)
		loaded = append(loaded, list...)
	}
	set, err := recognition.NewAgreements(loaded...)
	require.NoError(t, err)
	in := sampleNDJSON(t)
	run := func(c recognition.Checker) (string, recognition.Summary) {
		var out bytes.Buffer
		c.At, c.Lang, c.Workers = at, language.English, 2
		sum, err := c.Run(context.Background(), bytes.NewReader(in), &out)
		require.NoError(t, err)
		return out.String(), sum
	}
	builtIn, s1 := run(recognition.Checker{})
	fromFiles, s2 := run(recognition.Checker{Agreements: set})
	assert.Equal(t, builtIn, fromFiles)
	assert.Equal(t, s1.Agreements, s2.Agreements)
	assert.Contains(t, builtIn, `"agreement":{"id":"default","version":"1"}`)
}

// "Enumerations are written as their stable codes": the schema's lists
// are exactly the codes of the library's enumerations.
func TestAgreementSchemaEnumsAreTheStableCodes(t *testing.T) {
	t.Parallel()
	var s struct {
		Defs map[string]struct {
			Enum  []string `json:"enum"`
			Items struct {
				Enum []string `json:"enum"`
			} `json:"items"`
		} `json:"$defs"`
	}
	require.NoError(t, json.Unmarshal(recognition.AgreementSchema(), &s))
	var modes, attrs, comps []string
	for _, m := range certification.Modes() {
		modes = append(modes, m.String())
	}
	for _, a := range brand.Attributes() {
		attrs = append(attrs, a.String())
	}
	for c := certification.TypeTesting; c <= certification.ServiceAssessment; c <<= 1 {
		comps = append(comps, c.String())
	}
	assert.Equal(t, modes, s.Defs["mode"].Enum)
	assert.Equal(t, attrs, s.Defs["attributes"].Items.Enum)
	assert.Equal(t, comps, s.Defs["component"].Enum)
	var eq struct {
		Defs map[string]struct {
			Properties map[string]struct {
				Enum []string `json:"enum"`
			} `json:"properties"`
		} `json:"$defs"`
	}
	require.NoError(t, json.Unmarshal(recognition.AgreementSchema(), &eq))
	assert.Equal(t, []string{"IDT", "MOD", "NEQ"}, eq.Defs["equivalence"].Properties["degree"].Enum)
	for _, d := range []standard.Degree{standard.IDT, standard.MOD, standard.NEQ} {
		assert.Contains(t, eq.Defs["equivalence"].Properties["degree"].Enum, d.String())
	}
}

// The file format holds every field: each is read into the Agreement.
func TestAgreementFileHoldsEveryField(t *testing.T) {
	t.Parallel()
	list := loadFile(t, "jxgreen-zhejiang.json")
	require.Len(t, list, 2)
	v1, v2 := list[0], list[1]
	assert.Equal(t, "sample-jxgreen-zhejiang", v1.ID)
	assert.Equal(t, "2026.1", v1.Version)
	assert.Equal(t, brand.JiangxiGreen, v1.Recognizer.ID)
	assert.Equal(t, brand.Zhejiang, v1.Scheme.ID)
	assert.Equal(t, "品字标", v1.Scheme.Name, "the scheme's brand is the registered adapter's")
	assert.Equal(t, day(2026, 1, 1), v1.From)
	assert.Equal(t, day(2026, 7, 1), v1.Until, "until is the last day in force: Until the first instant after it")
	assert.Equal(t, day(2026, 7, 1), v2.From)
	assert.True(t, v2.Until.IsZero(), "no until: open")
	assert.Equal(t, "示例-SYN-2026-01", v1.Document.Number)
	assert.Equal(t, day(2025, 12, 20), v1.Document.Date)
	assert.Contains(t, v1.Document.Title, "synthetic, not a real agreement")
	assert.Contains(t, v1.Basis, "示例/synthetic, not a real agreement")
	require.Len(t, v1.Equivalences, 1)
	assert.Equal(t, "T/ZZB 9001-2099", v1.Equivalences[0].Theirs.String())
	assert.Equal(t, "江西绿色生态 赣南脐橙", v1.Equivalences[0].OursTitle)
	assert.Equal(t, standard.NEQ, v1.Equivalences[0].Degree)
	assert.Equal(t, standard.MOD, v2.Equivalences[0].Degree)
	assert.Equal(t, certification.Type5, v1.MinMode)
	assert.Equal(t, certification.Type4, v2.MinMode)
	assert.False(t, v1.AcceptEvaluation)
	assert.True(t, v2.AcceptEvaluation)
	assert.Equal(t, certification.TypeTesting|certification.FactorySampling|certification.ProductionAssessment, v2.EvaluationAdds)
	assert.True(t, v1.RequireApproval)
	assert.Equal(t, brand.Core(), v1.Attributes)
	assert.Nil(t, v1.Assessed, "not given: the scheme's own")
	assert.Nil(t, v1.Standards, "not given: the catalogue")

	rev := loadFile(t, "zhejiang-jxgreen.json")
	require.Len(t, rev, 1)
	r := rev[0]
	assert.Equal(t, brand.Zhejiang, r.Recognizer.ID)
	assert.Equal(t, brand.JiangxiGreen, r.Scheme.ID)
	assert.Equal(t, []brand.Attribute{brand.QualityExcellence, brand.SocialResponsibility}, r.Attributes)
	assert.Equal(t, append(brand.Core(), brand.QualityExcellence), r.Assessed)
	require.NotNil(t, r.Standards)
	require.Equal(t, 1, r.Standards.Len())
	assert.Equal(t, "T/ZZB 9002-2099", r.Standards.All()[0].Number.String())
	assert.Equal(t, day(2028, 1, 1), r.Until)

	// And the files round-trip too.
	for _, l := range [][]recognition.Agreement{list, rev} {
		b, err := recognition.MarshalAgreements(l...)
		require.NoError(t, err)
		back, err := recognition.ParseAgreements(b)
		require.NoError(t, err)
		assert.Equal(t, len(l), len(back))
		for i := range l {
			assert.Equal(t, l[i].Ref(), back[i].Ref())
			assert.Equal(t, l[i].From, back[i].From)
			assert.Equal(t, l[i].Until, back[i].Until)
			assert.Equal(t, l[i].Equivalences, back[i].Equivalences)
			if l[i].Standards != nil {
				require.NotNil(t, back[i].Standards)
				assert.Equal(t, l[i].Standards.All(), back[i].Standards.All())
			} else {
				assert.Nil(t, back[i].Standards)
			}
		}
	}
}

// The sample files are synthetic and say so, in the file and in every
// agreement.
func TestSampleAgreementFilesAreLabelledSynthetic(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob(filepath.Join(agreementsDir, "*.json"))
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(files), 2)
	versions := 0
	for _, f := range files {
		list := loadFile(t, filepath.Base(f))
		versions = max(versions, len(list))
		for _, a := range list {
			assert.Contains(t, a.Basis, "示例/synthetic, not a real agreement", f)
			assert.Contains(t, a.Document.Title, "synthetic, not a real agreement", f)
			for _, e := range a.Equivalences {
				for _, n := range []standard.Number{e.Theirs, e.Ours} {
					if n.Issuer() == "ZZB" {
						assert.Equal(t, 2099, n.Year(), "a partner's standard number here is made up, and looks it")
					}
				}
			}
		}
	}
	assert.GreaterOrEqual(t, versions, 2, "one sample has two versions")
}

// writeAgreement makes an agreement file with one agreement of the given
// members over a valid base.
func agreementJSON(t *testing.T, change func(m map[string]any)) []byte {
	t.Helper()
	m := map[string]any{
		"id": "t", "version": "1", "recognizer": "jxgreen", "scheme": "zhejiang",
		"in_force": map[string]any{"from": "2026-01-01", "until": "2026-12-31"},
		"basis":    map[string]any{"note": "示例/synthetic, not a real agreement"},
		"min_mode": "5",
	}
	if change != nil {
		change(m)
	}
	b, err := json.Marshal(map[string]any{"agreements": []any{m}})
	require.NoError(t, err)
	return b
}

// "Errors carry the JSON pointer and read in both languages": overlapping
// versions, until before from, unknown codes, duplicate keys, oversize
// files and the rest are refused, each at its pointer.
func TestBadAgreementFilesAreRefusedWithTheirPointer(t *testing.T) {
	t.Parallel()
	two := func(a, b string) []byte {
		return []byte(`{"agreements":[` + a + `,` + b + `]}`)
	}
	v := func(version, from, until string) string {
		s := `{"id":"t","version":"` + version + `","recognizer":"jxgreen","scheme":"zhejiang","basis":{"note":"synthetic"},"in_force":{`
		if from != "" {
			s += `"from":"` + from + `"`
		}
		if until != "" {
			if from != "" {
				s += ","
			}
			s += `"until":"` + until + `"`
		}
		return s + `}}`
	}
	huge := bytes.Repeat([]byte(" "), recognition.MaxAgreementFile)
	for _, tc := range []struct {
		name    string
		in      []byte
		kind    error
		pointer string
		rule    string
	}{
		{"until before from", agreementJSON(t, func(m map[string]any) {
			m["in_force"] = map[string]any{"from": "2026-06-01", "until": "2026-05-31"}
		}), recognition.ErrValue, "/agreements/0/in_force/until", "value"},
		{"overlapping versions", two(v("1", "2026-01-01", "2026-06-30"), v("2", "2026-06-30", "")),
			recognition.ErrOverlap, "/agreements/1/in_force", "overlap"},
		{"open versions overlap", two(v("1", "", "2026-06-30"), v("2", "", "2025-01-01")),
			recognition.ErrOverlap, "/agreements/1/in_force", "overlap"},
		{"the same version twice", two(v("1", "2026-01-01", "2026-06-30"), v("1", "2026-07-01", "")),
			recognition.ErrOverlap, "/agreements/1/version", "overlap"},
		{"unknown mode code", agreementJSON(t, func(m map[string]any) { m["min_mode"] = "type 5" }),
			recognition.ErrSchema, "/agreements/0/min_mode", "enum"},
		{"unknown attribute code", agreementJSON(t, func(m map[string]any) { m["attributes"] = []string{"resource-saving", "资源节约"} }),
			recognition.ErrSchema, "/agreements/0/attributes/1", "enum"},
		{"unknown degree", agreementJSON(t, func(m map[string]any) {
			m["equivalences"] = []any{map[string]any{"theirs": "T/ZZB 9001-2099", "ours": "T/JGE 0039-2023", "degree": "SAME"}}
		}), recognition.ErrSchema, "/agreements/0/equivalences/0/degree", "enum"},
		{"unknown component", agreementJSON(t, func(m map[string]any) {
			m["evaluations"] = map[string]any{"accepted": true, "add": []string{"audit"}}
		}), recognition.ErrSchema, "/agreements/0/evaluations/add/0", "enum"},
		{"equivalence without ours", agreementJSON(t, func(m map[string]any) {
			m["equivalences"] = []any{map[string]any{"theirs": "T/ZZB 9001-2099", "degree": "IDT"}}
		}), recognition.ErrSchema, "/agreements/0/equivalences/0/ours", "required"},
		{"unknown scheme", agreementJSON(t, func(m map[string]any) { m["scheme"] = "hunan" }),
			recognition.ErrValue, "/agreements/0/scheme", "value"},
		{"a format as recognizer", agreementJSON(t, func(m map[string]any) { m["recognizer"], m["scheme"] = "untp", "jxgreen" }),
			recognition.ErrValue, "/agreements/0/recognizer", "value"},
		{"a standard number that does not parse", agreementJSON(t, func(m map[string]any) { m["standards"] = []string{"T/JGE 0039-2023", "JGE-39"} }),
			recognition.ErrValue, "/agreements/0/standards/1", "value"},
		{"a date that does not exist", agreementJSON(t, func(m map[string]any) { m["in_force"] = map[string]any{"from": "2026-02-30"} }),
			recognition.ErrSchema, "/agreements/0/in_force/from", "format.date"},
		{"an unknown field", agreementJSON(t, func(m map[string]any) { m["min_level"] = "5" }),
			recognition.ErrSchema, "/agreements/0/min_level", "additionalProperties"},
		{"no version", agreementJSON(t, func(m map[string]any) { delete(m, "version") }),
			recognition.ErrSchema, "/agreements/0/version", "required"},
		{"duplicate key", []byte(`{"agreements":[{"id":"t","version":"1","recognizer":"jxgreen","scheme":"zhejiang","basis":{"note":"x"},"min_mode":"5","min_mode":"1a"}]}`),
			recognition.ErrDuplicateKey, "/agreements/0/min_mode", "duplicateKey"},
		{"oversize", append(agreementJSON(t, nil), huge...), recognition.ErrTooLarge, "", "bound"},
		{"not JSON", []byte(`{"agreements":[`), recognition.ErrSyntax, "", "syntax"},
		{"two documents", append(agreementJSON(t, nil), agreementJSON(t, nil)...), recognition.ErrSyntax, "", "syntax"},
		{"not UTF-8", []byte("{\"agreements\":[{\"id\":\"\xff\"}]}"), recognition.ErrSyntax, "", "encoding"},
		{"no agreements", []byte(`{"agreements":[]}`), recognition.ErrSchema, "/agreements", "minItems"},
		{"empty", nil, recognition.ErrSyntax, "", "syntax"},
		{"nested past the bound", []byte(`{"agreements":[{"id":"t","basis":` + strings.Repeat(`{"a":`, 40) + `1` + strings.Repeat(`}`, 40) + `}]}`),
			recognition.ErrTooLarge, "/agreements/0/basis" + strings.Repeat("/a", 29), "bound"},
		{"an array past the bound", agreementJSON(t, func(m map[string]any) {
			eqs := make([]any, 300)
			for i := range eqs {
				eqs[i] = map[string]any{"product": "脐橙", "ours": "T/JGE 0039-2023", "degree": "IDT"}
			}
			m["equivalences"] = eqs
		}), recognition.ErrTooLarge, "/agreements/0/equivalences", "bound"},
		{"a string past the bound", agreementJSON(t, func(m map[string]any) {
			m["basis"] = map[string]any{"note": strings.Repeat("示", 6000)}
		}), recognition.ErrTooLarge, "/agreements/0/basis/note", "bound"},
		{"too many versions", func() []byte {
			vs := make([]string, 65)
			for i := range vs {
				vs[i] = v(strconv.Itoa(i), "", "")
			}
			return []byte(`{"agreements":[` + strings.Join(vs, ",") + `]}`)
		}(), recognition.ErrSchema, "/agreements", "maxItems"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			list, err := recognition.ParseAgreements(tc.in)
			require.Error(t, err)
			assert.Nil(t, list)
			assert.ErrorIs(t, err, recognition.ErrAgreement)
			assert.ErrorIs(t, err, tc.kind)
			var ae *recognition.AgreementError
			require.ErrorAs(t, err, &ae)
			assert.Equal(t, tc.pointer, ae.Pointer)
			if tc.rule != "" {
				assert.Equal(t, tc.rule, ae.Rule)
			}
			ae.File = "x.json"
			zh, en := ae.Localize(i18n.Chinese()), ae.Localize(i18n.English())
			ptr := tc.pointer
			if ptr == "" {
				ptr = "/"
			}
			for _, s := range []string{zh, en} {
				assert.Contains(t, s, ptr)
				assert.Contains(t, s, "x.json")
			}
			assert.Contains(t, zh, "协议文件")
			assert.Contains(t, en, "agreement file")
			assert.NotEqual(t, zh, en)
			assert.Equal(t, "recognition: "+en, err.Error())
		})
	}
}

// Overlap is refused across files too, when the set is made.
func TestNewAgreementsRefusesOverlapAcrossFiles(t *testing.T) {
	t.Parallel()
	list := loadFile(t, "jxgreen-zhejiang.json")
	other, err := recognition.ParseAgreements(agreementJSON(t, nil)) // 2026, overlapping both
	require.NoError(t, err)
	_, err = recognition.NewAgreements(append(list, other...)...)
	require.ErrorIs(t, err, recognition.ErrOverlap)
	assert.Contains(t, err.Error(), "sample-jxgreen-zhejiang 2026.1")
	assert.Contains(t, i18n.Error(err, i18n.Chinese()), "同时有效")

	set, err := recognition.NewAgreements(append(list, loadFile(t, "zhejiang-jxgreen.json")...)...)
	require.NoError(t, err, "different pairs do not conflict")
	assert.Equal(t, 3, set.Len())
	assert.Equal(t, []brand.ID{brand.JiangxiGreen, brand.Zhejiang}, set.Recognizers())
}

// "The version in force at the decision date is the one applied": two
// consecutive versions, decisions on both sides of the boundary and at
// the exact boundary, in China time.
func TestVersionInForceAtTheDecisionDateIsApplied(t *testing.T) {
	t.Parallel()
	set, err := recognition.NewAgreements(loadFile(t, "jxgreen-zhejiang.json")...)
	require.NoError(t, err)
	zj, ok := recognition.Lookup("zhejiang")
	require.True(t, ok)
	modeFour := decodeFile(t, zj, "../testdata/zhejiang/valid-conditional-mode-weaker.json")
	require.Equal(t, certification.Type4, modeFour.Mode)
	boundary := day(2026, 7, 1) // version 2026.2's first instant, China time
	for _, tc := range []struct {
		name    string
		at      time.Time
		version string
		outcome recognition.Outcome
	}{
		{"a month before", day(2026, 6, 1), "2026.1", recognition.Conditional},
		{"the last day of 2026.1", day(2026, 6, 30), "2026.1", recognition.Conditional},
		{"its last second, China time", boundary.Add(-time.Second), "2026.1", recognition.Conditional},
		{"the boundary, China time", boundary, "2026.2", recognition.Recognized},
		{"the boundary written in UTC", time.Date(2026, 6, 30, 16, 0, 0, 0, time.UTC), "2026.2", recognition.Recognized},
		{"the UTC day of the boundary, still the last day in China", time.Date(2026, 6, 30, 15, 59, 59, 0, time.UTC), "2026.1", recognition.Conditional},
		{"a month after", day(2026, 8, 1), "2026.2", recognition.Recognized},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			a, ok := set.At(brand.JiangxiGreen, brand.Zhejiang, tc.at)
			require.True(t, ok)
			assert.Equal(t, tc.version, a.Version)
			d := set.For("", zj, modeFour, tc.at).Check(modeFour, tc.at)
			assert.Equal(t, recognition.AgreementRef{ID: "sample-jxgreen-zhejiang", Version: tc.version}, d.Agreement)
			assert.Equal(t, tc.outcome, d.Outcome, "%v", d.Reasons)
			assert.Equal(t, tc.version == "2026.1", d.Has(recognition.ReasonModeWeaker))
		})
	}
}

func decodeFile(t *testing.T, a recognition.Adapter, path string) recognition.Record {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	r, err := a.Decode(b)
	require.NoError(t, err)
	return r
}

// "An agreement file that changes a decision", and "without it, the
// documented defaults apply, and the output says so".
func TestAgreementFileChangesADecision(t *testing.T) {
	t.Parallel()
	set, err := recognition.NewAgreements(loadFile(t, "jxgreen-zhejiang.json")...)
	require.NoError(t, err)
	zj, _ := recognition.Lookup("zhejiang")
	orange := decodeFile(t, zj, "../testdata/zhejiang/valid-conditional-standard-unverified.json")
	when := day(2026, 8, 1)

	byDefault := (*recognition.Agreements)(nil).For("", zj, orange, when).Check(orange, when)
	assert.Equal(t, recognition.AgreementRef{ID: recognition.DefaultAgreementID, Version: recognition.DefaultAgreementVersion}, byDefault.Agreement)
	assert.True(t, byDefault.Agreement.IsDefault())
	assert.Equal(t, recognition.Conditional, byDefault.Outcome)
	assert.True(t, byDefault.Has(recognition.ReasonStandardUnverified))

	agreed := set.For("", zj, orange, when).Check(orange, when)
	assert.Equal(t, "sample-jxgreen-zhejiang", agreed.Agreement.ID)
	assert.False(t, agreed.Agreement.IsDefault())
	assert.Equal(t, recognition.Recognized, agreed.Outcome, "%v", agreed.Reasons)
	assert.Equal(t, "江西绿色生态 赣南脐橙", agreed.StandardTitle)

	// Version 2026.1 finds the standard not equivalent.
	early := day(2026, 3, 1)
	neq := set.For("", zj, orange, early).Check(orange, early)
	assert.Equal(t, recognition.Conditional, neq.Outcome)
	assert.True(t, neq.Has(recognition.ReasonStandardNotEquivalent))

	// Another scheme keeps its defaults.
	js, _ := recognition.Lookup("jiangsu")
	jr := decodeFile(t, js, "../testdata/jiangsu/valid-recognized-same-standard.json")
	assert.True(t, set.For("", js, jr, when).Check(jr, when).Agreement.IsDefault())
}

// Loaded terms replace the defaults: outside the versions' dates the
// record is rejected, never judged by the defaults.
func TestNoVersionInForceRejects(t *testing.T) {
	t.Parallel()
	set, err := recognition.NewAgreements(loadFile(t, "zhejiang-jxgreen.json")...)
	require.NoError(t, err)
	zj, _ := recognition.Lookup("zhejiang")
	ours := ourCertificate(t)
	for _, tc := range []struct {
		at     time.Time
		inside bool
	}{
		{day(2025, 12, 31), false},
		{day(2026, 1, 1), true},
		{day(2027, 12, 31), true},
		{day(2028, 1, 1), false},
	} {
		_, ok := set.At(brand.Zhejiang, brand.JiangxiGreen, tc.at)
		assert.Equal(t, tc.inside, ok, tc.at)
		d := set.For(brand.Zhejiang, zj, ours, tc.at).Check(ours, tc.at)
		assert.Equal(t, "sample-zhejiang-jxgreen", d.Agreement.ID)
		assert.Equal(t, !tc.inside, d.Has(recognition.ReasonAgreementNotInForce), tc.at)
		if !tc.inside {
			assert.Equal(t, recognition.Rejected, d.Outcome)
			r := d.Reasons[0]
			assert.Contains(t, r.Message(language.Chinese), "2027-12-31", "the message gives the last day in force")
			assert.Contains(t, r.Message(language.English), "2026-01-01")
		}
	}
}

// ourCertificate is a synthetic 江西绿色生态 certificate, valid from 2025 to
// 2028, as a record.
func ourCertificate(t *testing.T) recognition.Record {
	t.Helper()
	code, err := creditcode.Parse("91360100MA9000001K")
	require.NoError(t, err)
	body, ok := certification.AllianceMember("江西省检验检测认证总院")
	require.True(t, ok)
	c := certification.Certificate{
		Number:    "JXGE-SYN-0001",
		Scheme:    brand.JiangxiGreen,
		Holder:    certification.Holder{Name: "合成样例企业1有限公司（synthetic）", Code: code},
		Product:   "金溪蜜梨",
		Standards: []standard.Number{standard.MustParse("T/JGE 0039-2023")},
		Body:      body,
		Mode:      certification.Type5,
		Issued:    day(2025, 1, 10),
		Expires:   day(2028, 1, 10),
	}
	return recognition.FromCertificate(c, brand.Core(), day(2026, 6, 1))
}

// "Both directions": a partner judges our certificates by its terms. By
// default the mirror of the default terms (documented defaults, named
// default-reverse); with the partner's agreement file, by that.
func TestPartnerJudgesOurCertificatesByItsTerms(t *testing.T) {
	t.Parallel()
	zj, _ := recognition.Lookup("zhejiang")
	ours := ourCertificate(t)
	when := day(2026, 6, 1)

	var none *recognition.Agreements
	def := none.For(brand.Zhejiang, nil, ours, when)
	assert.Equal(t, recognition.DefaultReverseID, def.ID)
	assert.Equal(t, zj.Agreement().Reverse(), def)
	d := def.Check(ours, when)
	assert.Equal(t, brand.Zhejiang, d.Recognizer)
	assert.Equal(t, recognition.AgreementRef{ID: recognition.DefaultReverseID, Version: recognition.DefaultAgreementVersion}, d.Agreement)
	assert.True(t, d.Agreement.IsDefault())
	assert.Equal(t, recognition.Conditional, d.Outcome, "%v", d.Reasons)
	assert.True(t, d.Has(recognition.ReasonStandardUnverified), "the partner's standards are unknown to the defaults")
	assert.Equal(t, []brand.Attribute{brand.QualityExcellence, brand.IndependentInnovation, brand.IndustrialCollaboration, brand.SocialResponsibility}, d.Assess)

	set, err := recognition.NewAgreements(loadFile(t, "zhejiang-jxgreen.json")...)
	require.NoError(t, err)
	d = set.For(brand.Zhejiang, nil, ours, when).Check(ours, when)
	assert.Equal(t, recognition.AgreementRef{ID: "sample-zhejiang-jxgreen", Version: "1"}, d.Agreement)
	assert.Equal(t, "T/ZZB 9002-2099", d.Standard.String(), "the agreed equivalence")
	assert.Equal(t, []brand.Attribute{brand.SocialResponsibility}, d.Assess, "only what the file requires and our scheme does not assess")
	assert.Equal(t, recognition.Conditional, d.Outcome)

	// A partner has no terms for a third scheme's records.
	sz, _ := recognition.Lookup("shenzhen")
	szr := decodeSamples(t, sz)[0]
	d = set.For(brand.Zhejiang, sz, szr, when).Check(szr, when)
	assert.Equal(t, recognition.Rejected, d.Outcome)
	assert.True(t, d.Has(recognition.ReasonNoAgreement))
	assert.Equal(t, recognition.AgreementRef{}, d.Agreement)
	assert.Contains(t, d.Reasons[0].Message(language.Chinese), "品字标")
}

// The batch checker with a partner as recognizer, on our certificates as
// UNTP credentials: every decision is named by the reverse agreement.
func TestCheckerWithPartnerAsRecognizerNamesTheReverseAgreement(t *testing.T) {
	t.Parallel()
	in, err := os.ReadFile(filepath.Join(agreementsDir, "jxgreen-certificates.ndjson"))
	require.NoError(t, err)
	set, err := recognition.NewAgreements(loadFile(t, "zhejiang-jxgreen.json")...)
	require.NoError(t, err)
	for _, tc := range []struct {
		set  *recognition.Agreements
		want recognition.AgreementRef
	}{
		{nil, recognition.AgreementRef{ID: recognition.DefaultReverseID, Version: recognition.DefaultAgreementVersion}},
		{set, recognition.AgreementRef{ID: "sample-zhejiang-jxgreen", Version: "1"}},
	} {
		var out bytes.Buffer
		c := recognition.Checker{At: at, Lang: language.English, Recognizer: brand.Zhejiang, Agreements: tc.set}
		sum, err := c.Run(context.Background(), bytes.NewReader(in), &out)
		require.NoError(t, err)
		lines := parseOut(t, out.Bytes())
		require.Len(t, lines, bytes.Count(in, []byte("\n")))
		require.Zero(t, sum.ErrorLines())
		for _, l := range lines {
			require.NotNil(t, l.Agreement, "%+v", l)
			assert.Equal(t, tc.want.ID, l.Agreement.ID)
			assert.Equal(t, tc.want.Version, l.Agreement.Version)
		}
		assert.Equal(t, map[recognition.AgreementRef]int{tc.want: len(lines)}, sum.Agreements)
	}
}

// A Decision names the terms applied; the defaults have a documented id
// and version.
func TestDecisionNamesTheDefaultAgreement(t *testing.T) {
	t.Parallel()
	for _, ad := range recognition.Adapters() {
		ag := ad.Agreement()
		assert.Equal(t, recognition.DefaultAgreementID, ag.ID, ad.Brand().ID)
		assert.Equal(t, recognition.DefaultAgreementVersion, ag.Version)
		assert.True(t, ag.InForce(time.Time{}.Add(time.Hour)), "the defaults are always in force")
		assert.True(t, ag.InForce(day(2999, 1, 1)))
		for _, r := range decodeSamples(t, ad) {
			assert.Equal(t, ag.Ref(), ag.Check(r, at).Agreement)
		}
	}
	assert.Equal(t, recognition.AgreementRef{}, recognition.Agreement{}.Check(recognition.Record{}, at).Agreement,
		"terms made in Go without a name give none")
}

// MarshalAgreements refuses what the format cannot hold.
func TestMarshalAgreementsRefusesWhatTheFormatCannotHold(t *testing.T) {
	t.Parallel()
	base := loadFile(t, "jxgreen-zhejiang.json")[0]
	for name, change := range map[string]func(a *recognition.Agreement){
		"no id":             func(a *recognition.Agreement) { a.ID = "" },
		"no version":        func(a *recognition.Agreement) { a.Version = "" },
		"no scheme":         func(a *recognition.Agreement) { a.Scheme = brand.Brand{} },
		"a time of day":     func(a *recognition.Agreement) { a.From = a.From.Add(time.Hour) },
		"an until at noon":  func(a *recognition.Agreement) { a.Until = a.Until.Add(12 * time.Hour) },
		"a numberless std.": func(a *recognition.Agreement) { a.Standards = standard.NewCatalog([]standard.Standard{{Title: "x"}}) },
	} {
		a := base
		change(&a)
		_, err := recognition.MarshalAgreements(a)
		assert.ErrorIs(t, err, recognition.ErrEncode, name)
	}
	_, err := recognition.MarshalAgreements(base)
	assert.NoError(t, err)
}

// LoadAgreements reads a file, and refuses an oversize one before parsing
// it.
func TestLoadAgreementsBoundsTheFile(t *testing.T) {
	t.Parallel()
	f, err := os.Open(filepath.Join(agreementsDir, "jxgreen-zhejiang.json"))
	require.NoError(t, err)
	defer f.Close()
	list, err := recognition.LoadAgreements(f)
	require.NoError(t, err)
	assert.Len(t, list, 2)

	endless := &repeatReader{}
	_, err = recognition.LoadAgreements(endless)
	assert.ErrorIs(t, err, recognition.ErrTooLarge)
	assert.LessOrEqual(t, endless.n, recognition.MaxAgreementFile+1+32<<10, "reads no more than the bound")

	_, err = recognition.LoadAgreements(brokenFile{})
	assert.Error(t, err)
	assert.False(t, errors.Is(err, recognition.ErrAgreement), "a read error is not a fault of the file")
}

type repeatReader struct{ n int }

func (r *repeatReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = ' '
	}
	r.n += len(p)
	return len(p), nil
}

type brokenFile struct{}

func (brokenFile) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

// The schema is published as draft 2020-12, and handed out as a copy.
func TestAgreementSchemaIsDraft2020(t *testing.T) {
	t.Parallel()
	s := recognition.AgreementSchema()
	assert.Contains(t, string(s), `"https://json-schema.org/draft/2020-12/schema"`)
	s[0] = 'x'
	assert.Equal(t, byte('{'), recognition.AgreementSchema()[0], "a copy")
}

// A scheme's terms for its own certificates (江西绿色生态 checking a
// credential that claims to be one of its certificates) can be written
// too, and apply to such records.
func TestOwnCertificateTermsCanBeWritten(t *testing.T) {
	t.Parallel()
	list, err := recognition.ParseAgreements(agreementJSON(t, func(m map[string]any) {
		m["scheme"], m["id"] = "jxgreen", "own"
		delete(m, "in_force")
	}))
	require.NoError(t, err)
	set, err := recognition.NewAgreements(list...)
	require.NoError(t, err)
	ours := ourCertificate(t)
	d := set.For("", nil, ours, at).Check(ours, at)
	assert.Equal(t, "own", d.Agreement.ID)
	assert.True(t, d.Has(recognition.ReasonClaimUnverified), "a claim to be ours is still checked")
}

// A file saved by a Windows editor starts with a byte order mark: it is
// read all the same; a GB18030 file is refused as not UTF-8.
func TestAgreementFileWithByteOrderMarkIsRead(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile(filepath.Join(agreementsDir, "jxgreen-zhejiang.json"))
	require.NoError(t, err)
	list, err := recognition.ParseAgreements(append([]byte("\uFEFF"), b...))
	require.NoError(t, err)
	assert.Len(t, list, 2)

	gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes(b)
	require.NoError(t, err)
	_, err = recognition.ParseAgreements(gb)
	assert.ErrorIs(t, err, recognition.ErrSyntax)
	var ae *recognition.AgreementError
	require.ErrorAs(t, err, &ae)
	assert.Equal(t, "encoding", ae.Rule)
}

// TestAgreementFileForAnEnvelopeIsRefused: ParseAgreements refuses an
// exchange format (UNTP) as the recognizer, but takes it as the scheme.
// Records read through the UNTP adapter carry the scheme of the credential,
// never "untp", so terms for "untp" never apply: a file whose author meant
// to set terms for UNTP credentials loads, and the defaults go on being
// applied without a word.
func TestAgreementFileForAnEnvelopeIsRefused(t *testing.T) {
	file := `{"agreements":[{"id":"review11-synthetic","version":"1","recognizer":"jxgreen","scheme":"untp",` +
		`"evaluations":{"accepted":false},"basis":{"note":"synthetic, not a real agreement"}}]}`
	_, err := recognition.ParseAgreements([]byte(file))
	require.Error(t, err, "terms for an exchange format, which no record ever has as its scheme")
	var ae *recognition.AgreementError
	require.ErrorAs(t, err, &ae)
	assert.Equal(t, "/agreements/0/scheme", ae.Pointer)
}

// TestAgreementFileLeavingOutModeAndApprovalKeepsTheDefaults: an
// agreement file with only the required members (a clerk's new version
// that means to change only the dates) loads as terms far weaker than the
// documented defaults it replaces, without a word: "min_mode" left out
// means any mode (1a included) and "require_approval" left out means no
// CNCA approval, where the defaults ask for mode 5 and an approval; while
// "attributes", "standards" and "evaluations" left out keep the strict
// reading. A record the defaults do not recognise (type 1a, a body with no
// approval) is then recognised.
func TestAgreementFileLeavingOutModeAndApprovalKeepsTheDefaults(t *testing.T) {
	file := `{"agreements":[{"id":"review11-synthetic","version":"1","recognizer":"jxgreen","scheme":"zhejiang",` +
		`"basis":{"note":"synthetic, not a real agreement"}}]}`
	list, err := recognition.ParseAgreements([]byte(file))
	require.NoError(t, err)
	require.Len(t, list, 1)
	zj, ok := recognition.Lookup("zhejiang")
	require.True(t, ok)
	def := zj.Agreement()

	at := time.Date(2026, 6, 1, 0, 0, 0, 0, brand.ChinaTime())
	r := recognition.Record{
		Scheme: "zhejiang", Number: "ZJ-SYN-R11", Product: "金溪蜜梨",
		Holder:    certification.Holder{Name: "合成样例企业（synthetic）", Code: "91360100MA91000117"},
		Standards: []standard.Number{standard.MustParse("T/JGE 0039-2023")},
		Body:      certification.Body{Name: "合成样例认证有限公司（synthetic）", Certifies: true},
		Mode:      certification.Type1a, Status: certification.Valid,
		Issued:  time.Date(2025, 3, 1, 0, 0, 0, 0, brand.ChinaTime()),
		Expires: time.Date(2028, 3, 1, 0, 0, 0, 0, brand.ChinaTime()),
	}
	require.NotEqual(t, recognition.Recognized, def.Check(r, at).Outcome)
	d := list[0].Check(r, at)
	assert.NotEqual(t, recognition.Recognized, d.Outcome, "a type-1a certificate from a body without approval, recognised by a file that says nothing about modes or bodies")
	assert.Equal(t, def.MinMode, list[0].MinMode, "min_mode left out")
	assert.Equal(t, def.RequireApproval, list[0].RequireApproval, "require_approval left out")
}

// TestAgreementFileSaysAnyModeExplicitly: "min_mode": "any" and
// "require_approval": false weaken the terms only when the file says so;
// left out, they are the documented defaults of the pair (for a partner
// judging our certificates, the mirror of its defaults).
func TestAgreementFileSaysAnyModeExplicitly(t *testing.T) {
	for _, tc := range []struct {
		name, recognizer, scheme, extra string
		mode                            certification.Mode
		approval                        bool
	}{
		{"left out", "jxgreen", "zhejiang", ``, certification.GreenEcologyRules().Mode, true},
		{"any", "jxgreen", "zhejiang", `,"min_mode":"any","require_approval":false`, 0, false},
		{"type 1b", "jxgreen", "zhejiang", `,"min_mode":"1b"`, certification.Type1b, true},
		{"mirror left out", "zhejiang", "jxgreen", ``, certification.GreenEcologyRules().Mode, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			file := `{"agreements":[{"id":"synthetic","version":"1","recognizer":"` + tc.recognizer + `","scheme":"` + tc.scheme + `",` +
				`"basis":{"note":"synthetic, not a real agreement"}` + tc.extra + `}]}`
			list, err := recognition.ParseAgreements([]byte(file))
			require.NoError(t, err)
			assert.Equal(t, tc.mode, list[0].MinMode)
			assert.Equal(t, tc.approval, list[0].RequireApproval)
			b, err := recognition.MarshalAgreements(list[0])
			require.NoError(t, err)
			back, err := recognition.ParseAgreements(b)
			require.NoError(t, err)
			assert.Equal(t, list[0], back[0], "%s", b)
		})
	}
}

// TestClaimToBeOursMustMatchModeBodyAndValidity: a record that claims to
// be a 江西绿色生态 certificate is checked against the registry for what
// the terms then judge by the record: a raised mode, another body, or a
// validity past the certificate's is a mismatch (rejected).
func TestClaimToBeOursMustMatchModeBodyAndValidity(t *testing.T) {
	t.Parallel()
	ours := ourCertificate(t)
	reg := certification.NewRegistry()
	c := certification.Certificate{
		Number: ours.Number, Scheme: brand.JiangxiGreen, Holder: ours.Holder, Product: ours.Product,
		Standards: ours.Standards, Body: ours.Body, Mode: certification.Type4,
		Issued: ours.Issued, Expires: ours.Expires,
	}
	require.NoError(t, reg.Add(c))
	terms := recognition.DefaultAgreement(brand.JiangxiGreenEcology())
	for _, tc := range []struct {
		name     string
		mut      func(r *recognition.Record)
		mismatch bool
	}{
		{"as registered", func(r *recognition.Record) { r.Mode = certification.Type4 }, false},
		{"no mode in the format", func(r *recognition.Record) { r.Mode = 0 }, false},
		{"earlier expiry (whole days)", func(r *recognition.Record) { r.Mode = certification.Type4; r.Expires = r.Expires.AddDate(0, 0, -1) }, false},
		{"raised mode", func(r *recognition.Record) { r.Mode = certification.Type5 }, true},
		{"another body", func(r *recognition.Record) {
			r.Mode = certification.Type4
			r.Body.Name = "合成样例认证有限公司（synthetic）"
		}, true},
		{"outlasts the certificate", func(r *recognition.Record) { r.Mode = certification.Type4; r.Expires = r.Expires.AddDate(1, 0, 0) }, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := ours.Clone()
			tc.mut(&r)
			d := terms.Check(r, at, recognition.WithLookup(reg))
			assert.Equal(t, tc.mismatch, d.Has(recognition.ReasonClaimMismatch), "%+v", d.Reasons)
		})
	}
}

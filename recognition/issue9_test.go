package recognition_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/certification/creditcode"
	"github.com/jxgreen/jxgreen/recognition"
	"github.com/jxgreen/jxgreen/recognition/internal/jsonscan"
	"github.com/jxgreen/jxgreen/recognition/jiangsu"
	"github.com/jxgreen/jxgreen/standard"
)

// jiangsuSample is a synthetic 江苏精品 record with some fields replaced;
// a value of nil drops the field.
func jiangsuSample(t testing.TB, set map[string]any) []byte {
	t.Helper()
	m := map[string]any{
		"证书编号": "JSJP-SYN-T9", "获证组织": "合成样例企业1有限公司", "统一社会信用代码": "91320100MA90000013",
		"认证产品": "金溪蜜梨", "认证依据": []string{"T/JGE 0039-2023"}, "认证机构": "合成样例认证有限公司（江苏）",
		"发证日期": "2025-01-10", "有效期至": "2028-01-09", "证书状态": "有效", "机构批准号": "CNCA-R-2099-001", "认证模式": "5",
	}
	for k, v := range set {
		if v == nil {
			delete(m, k)
		} else {
			m[k] = v
		}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	require.NoError(t, enc.Encode(m))
	return bytes.TrimSpace(b.Bytes())
}

func checkOne(t *testing.T, c recognition.Checker, line string) outLine {
	t.Helper()
	var out bytes.Buffer
	_, err := c.Run(context.Background(), strings.NewReader(line+"\n"), &out)
	require.NoError(t, err)
	lines := parseOut(t, out.Bytes())
	require.Len(t, lines, 1)
	return lines[0]
}

func codesOf(d recognition.Decision) []string {
	var out []string
	for _, r := range d.Reasons {
		out = append(out, string(r.Code))
	}
	return out
}

// Issue 9, "Product outside the standard": a 江苏精品 record for 电视机
// citing T/JGE 0039-2023 (金溪蜜梨) is not recognised, and Rules.Issue does
// not certify it.
func TestProductOutsideStandardIsRejected(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		product   string
		standards []string
		want      recognition.Outcome
		outside   bool
	}{
		{"电视机", []string{"T/JGE 0039-2023"}, recognition.Rejected, true},
		{"金溪蜜梨", []string{"T/JGE 0039-2023"}, recognition.Recognized, false},
		{"金溪蜜梨礼盒装", []string{"T/JGE 0039-2023"}, recognition.Recognized, false},
		{"蜜梨", []string{"T/JGE 0039-2023"}, recognition.Recognized, false},
		{"桑葚", []string{"T/JGE 0073-2023"}, recognition.Recognized, false}, // 桑椹 written 桑葚
		// Each cited standard of ours must cover the product.
		{"金溪蜜梨", []string{"T/JGE 0039-2023", "T/JGE 0066-2023"}, recognition.Rejected, true},
	} {
		t.Run(tc.product+strings.Join(tc.standards, "+"), func(t *testing.T) {
			rec, err := jiangsu.Adapter().Decode(jiangsuSample(t, map[string]any{"认证产品": tc.product, "认证依据": tc.standards}))
			require.NoError(t, err)
			d := jiangsu.Adapter().Agreement().Check(rec, at)
			assert.Equal(t, tc.want, d.Outcome, "%v", codesOf(d))
			assert.Equal(t, tc.outside, d.Has("product-outside-standard"), "%v", codesOf(d))
		})
	}

	code, _ := creditcode.Complete("91360100MA9000009")
	app := certification.Application{
		Number: "JXGE-SYN-TV", Holder: certification.Holder{Name: "合成样例电器有限公司", Code: code},
		Product: "电视机", Standards: []standard.Number{standard.MustParse("T/JGE 0039-2023")},
		Body: certification.Body{Name: "江西省检验检测认证总院"}, Mode: certification.Type5, Decided: day(2026, 1, 10),
	}
	_, err := certification.GreenEcologyRules().Issue(app)
	require.Error(t, err)
	assert.ErrorIs(t, err, standard.ErrOutsideSubject)
	var fe *certification.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "product", fe.Field)
	assert.Contains(t, i18n.Error(err, language.Chinese), "电视机")
	app.Product = "金溪蜜梨"
	_, err = certification.GreenEcologyRules().Issue(app)
	assert.NoError(t, err)
}

// Issue 9, "Self-claimed attributes": a partner record that lists our four
// attributes in its own attribute field does not skip our attribute
// assessment; only what the agreement says the scheme assesses counts.
func TestSelfClaimedAttributesDoNotCount(t *testing.T) {
	t.Parallel()
	r := record()
	r.Standards = []standard.Number{standard.MustParse("T/SYN 0001-2099")} // not ours: no attributes from it
	r.Attributes = brand.Core()
	ag := recognition.DefaultAgreement(brand.Brand{ID: brand.Zhejiang, Name: "品字标"})
	d := ag.Check(r, at)
	assert.True(t, d.Has("attributes-uncovered"), "%v", codesOf(d))
	assert.ElementsMatch(t, brand.Core(), d.Assess)

	// What the agreement says the scheme assesses counts.
	ag.Assessed = brand.Core()[:2]
	d = ag.Check(r, at)
	assert.ElementsMatch(t, brand.Core()[2:], d.Assess)
	// And the record need not repeat it.
	r.Attributes = nil
	assert.ElementsMatch(t, brand.Core()[2:], ag.Check(r, at).Assess)
}

// Issue 9, "Duplicate keys": {"证书状态":"撤销", …, "证书状态":"有效"} is an
// error line naming the key, wherever the duplicate is and however it is
// spelt, and the fast path and the schema path agree.
func TestDuplicateKeysAreRefused(t *testing.T) {
	t.Parallel()
	rec := string(jiangsuSample(t, map[string]any{"证书状态": "撤销"}))
	dupRecord := strings.TrimSuffix(rec, "}") + `,"证书状态":"有效"}`
	escaped := strings.TrimSuffix(rec, "}") + `,"\u8bc1书状态":"有效"}` // 证 escaped
	for _, tc := range []struct{ name, line, key string }{
		{"in the record", `{"scheme":"jiangsu","record":` + dupRecord + `}`, "证书状态"},
		{"escaped in the record", `{"scheme":"jiangsu","record":` + escaped + `}`, "证书状态"},
		{"scheme twice", `{"scheme":"zhejiang","record":` + rec + `,"scheme":"jiangsu"}`, "scheme"},
		{"record twice", `{"scheme":"jiangsu","record":{},"record":` + rec + `}`, "record"},
		{"escaped envelope key", `{"scheme":"jiangsu","record":` + rec + `,"sch\u0065me":"x"}`, "scheme"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, lang := range []language.Tag{language.English, language.Chinese} {
				l := checkOne(t, recognition.Checker{At: at, Lang: lang}, tc.line)
				assert.Equal(t, "error", l.Outcome)
				require.NotNil(t, l.Error)
				assert.Contains(t, *l.Error, tc.key)
			}
		})
	}
	for _, native := range []string{dupRecord, escaped} {
		fast, err := jiangsu.Adapter().Decode([]byte(native))
		slow, slowErr := jiangsu.Adapter().DecodeBySchema([]byte(native))
		require.Error(t, err)
		assert.Equal(t, err.Error(), slowErr.Error())
		assert.Equal(t, fast, slow)
		assert.ErrorIs(t, err, recognition.ErrDuplicateKey)
		var de *recognition.DecodeError
		require.ErrorAs(t, err, &de)
		assert.Equal(t, "/证书状态", de.Pointer)
		assert.Contains(t, i18n.Error(err, language.Chinese), "重复")
	}
	// Nested, in a UNTP credential.
	a, _ := recognition.Lookup("untp")
	_, err := a.Decode([]byte(`{"credentialSubject":{"id":"a","id":"b"}}`))
	assert.ErrorIs(t, err, recognition.ErrDuplicateKey)
	var de *recognition.DecodeError
	require.ErrorAs(t, err, &de)
	assert.Equal(t, "/credentialSubject/id", de.Pointer)
}

// Issue 9, "Status words": each scheme's words are data; the spellings of
// real lists decode, and a word the scheme is not known to use gives a
// decision with status unknown, not a decode error.
func TestStatusWordsAreData(t *testing.T) {
	t.Parallel()
	for _, w := range recognition.CommonStatuses() {
		rec, err := jiangsu.Adapter().Decode(jiangsuSample(t, map[string]any{"证书状态": w.Word}))
		require.NoError(t, err, w.Word)
		assert.Equal(t, w.Status, rec.Status, w.Word)
	}
	for _, word := range []string{"撤消", "失效", "已过期", "已注销", "正常", "有效期内"} {
		assert.True(t, slicesHasWord(word), word)
	}
	// " 有效 " with spaces is the word 有效.
	rec, err := jiangsu.Adapter().Decode(jiangsuSample(t, map[string]any{"证书状态": " 有效 "}))
	require.NoError(t, err)
	assert.Equal(t, certification.Valid, rec.Status)

	for _, word := range []string{"有效中", "待定", "valid"} {
		native := jiangsuSample(t, map[string]any{"证书状态": word})
		rec, err := jiangsu.Adapter().Decode(native)
		require.NoError(t, err, word)
		slow, err := jiangsu.Adapter().DecodeBySchema(native)
		require.NoError(t, err)
		assert.Equal(t, rec, slow)
		assert.Equal(t, certification.Status(0), rec.Status)
		assert.Equal(t, word, rec.StatusText)
		d := jiangsu.Adapter().Agreement().Check(rec, at)
		assert.Equal(t, recognition.Rejected, d.Outcome)
		assert.True(t, d.Has("status-unrecognized"))
		l := checkOne(t, recognition.Checker{At: at, Lang: language.English}, `{"scheme":"jiangsu","record":`+string(native)+`}`)
		assert.Equal(t, "rejected", l.Outcome)
		assert.Contains(t, l.Reasons[0].Message, word)
	}
}

func slicesHasWord(w string) bool {
	for _, x := range recognition.CommonStatuses() {
		if x.Word == w {
			return true
		}
	}
	return false
}

// Issue 9, "Credit codes": lower case and spaces inside a partner record
// are accepted and canonicalised, by the fast path and the schema alike.
func TestCreditCodesInLowerCaseOrWithSpacesAreAccepted(t *testing.T) {
	t.Parallel()
	for _, code := range []string{"91320100ma90000013", "9132 0100 MA90 0000 13", "913201 00MA9 0000013", "91320100Ma90000013", "　91320100MA90000013"} {
		native := jiangsuSample(t, map[string]any{"统一社会信用代码": code})
		rec, err := jiangsu.Adapter().Decode(native)
		require.NoError(t, err, code)
		slow, err := jiangsu.Adapter().DecodeBySchema(native)
		require.NoError(t, err, code)
		assert.Equal(t, rec, slow)
		assert.Equal(t, creditcode.Code("91320100MA90000013"), rec.Holder.Code)
	}
	for _, code := range []string{"91320100ma9000001", "91320100mi90000013", "9132o100MA90000013"} {
		_, err := jiangsu.Adapter().Decode(jiangsuSample(t, map[string]any{"统一社会信用代码": code}))
		assert.ErrorIs(t, err, recognition.ErrSchema, code)
	}
	_, err := jiangsu.Adapter().Decode(jiangsuSample(t, map[string]any{"统一社会信用代码": "91320100ma90000014"}))
	assert.ErrorIs(t, err, recognition.ErrValue, "a wrong check character")
}

// Issue 9, "CNCA approval numbers of foreign-invested bodies": CNCA-RF-…
// with a two-digit sequence is accepted by certification, the schema and
// the fast path alike.
func TestForeignInvestedApprovalNumbersAreAccepted(t *testing.T) {
	t.Parallel()
	for approval, ok := range map[string]bool{
		"CNCA-RF-2002-07": true, "CNCA-RF-2003-27": true, "CNCA-R-2002-001": true,
		"CNCA-RF-2002-7": false, "CNCA-R-2002-0001": false, "CNCA-RF-02-07": false, "cnca-rf-2002-07": false,
	} {
		assert.Equal(t, ok, certification.ValidApproval(approval), approval)
		native := jiangsuSample(t, map[string]any{"机构批准号": approval})
		rec, err := jiangsu.Adapter().Decode(native)
		_, slowErr := jiangsu.Adapter().DecodeBySchema(native)
		assert.Equal(t, ok, err == nil, "%s: %v", approval, err)
		assert.Equal(t, ok, slowErr == nil, "%s: %v", approval, slowErr)
		if ok {
			d := jiangsu.Adapter().Agreement().Check(rec, at)
			assert.False(t, d.Has("body-not-approved"), approval)
		}
	}
}

// hostileLine is one line of about size bytes whose record has an array of
// n items; normalLine is a line of the same size that is a valid record
// with a long comment beside it in the envelope.
func hostileLine(t testing.TB, n int) string {
	items := strings.TrimSuffix(strings.Repeat(`"a",`, n), ",")
	rec := string(jiangsuSample(t, map[string]any{"认证依据": nil}))
	return `{"scheme":"jiangsu","record":` + strings.TrimSuffix(rec, "}") + `,"认证依据":[` + items + `]}}`
}

func normalLine(t testing.TB, size int) string {
	rec := string(jiangsuSample(t, nil))
	head := `{"scheme":"jiangsu","record":` + rec + `,"comment":"`
	return head + strings.Repeat("x", size-len(head)-2) + `"}`
}

// Issue 9, "Hostile and awkward input": a 1 MiB line with 240,000 array
// items is refused with an error naming the pointer and the bound, and
// costs no more than a few times a normal line of the same size, whatever
// the worker count.
func TestHostileLineIsBounded(t *testing.T) {
	hostile := hostileLine(t, 240_000)
	require.Greater(t, len(hostile), 1<<20-100_000)
	normal := normalLine(t, len(hostile))
	require.Equal(t, len(hostile), len(normal))

	l := checkOne(t, recognition.Checker{At: at, Lang: language.English}, hostile)
	assert.Equal(t, "error", l.Outcome)
	require.NotNil(t, l.Error)
	assert.Contains(t, *l.Error, "/认证依据")
	assert.Contains(t, *l.Error, fmt.Sprint(jsonscan.MaxItems))
	assert.Equal(t, "recognized", checkOne(t, recognition.Checker{At: at}, normal).Outcome)

	// Allocation per line, with 1 and 8 workers, for 8 lines of each.
	cost := func(line string, workers int) uint64 {
		in := strings.Repeat(line+"\n", 8)
		c := recognition.Checker{At: at, Workers: workers}
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		_, err := c.Run(context.Background(), strings.NewReader(in), io.Discard)
		require.NoError(t, err)
		runtime.ReadMemStats(&after)
		return (after.TotalAlloc - before.TotalAlloc) / 8
	}
	// A line with 100,000 keys beside the record: refused after MaxMembers.
	var keys strings.Builder
	for i := 0; keys.Len() < len(hostile)-len(normal[:200])-20; i++ {
		fmt.Fprintf(&keys, `,"k%d":0`, i)
	}
	manyKeys := `{"scheme":"jiangsu","record":{}` + keys.String() + `}`
	l = checkOne(t, recognition.Checker{At: at, Lang: language.English}, manyKeys)
	assert.Equal(t, "error", l.Outcome)
	require.NotNil(t, l.Error)
	assert.Contains(t, *l.Error, fmt.Sprint(jsonscan.MaxMembers))

	for _, workers := range []int{1, 8} {
		n := cost(normal, workers)
		for _, h := range []string{hostile, manyKeys} {
			h := cost(h, workers)
			t.Logf("workers %d: hostile %d B/line, normal %d B/line", workers, h, n)
			assert.Less(t, h, 4*n+(256<<10), "workers %d: a hostile line allocates %d bytes, a normal one %d", workers, h, n)
		}
	}

	// The bounds name themselves, in both languages, for every kind.
	for _, tc := range []struct{ native, pointer string }{
		{`{"a":[` + strings.TrimSuffix(strings.Repeat("1,", jsonscan.MaxItems+1), ",") + `]}`, "/a"},
		{`{"a":"` + strings.Repeat("长", jsonscan.MaxString) + `"}`, "/a"},
		{strings.Repeat(`{"a":`, jsonscan.MaxDepth+1) + "1" + strings.Repeat("}", jsonscan.MaxDepth+1), "/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a"},
		{`{"a":{` + membersOf(jsonscan.MaxMembers+1) + `}}`, "/a"},
	} {
		_, err := jiangsu.Adapter().Decode([]byte(tc.native))
		require.ErrorIs(t, err, recognition.ErrTooLarge)
		var de *recognition.DecodeError
		require.ErrorAs(t, err, &de)
		assert.Equal(t, tc.pointer, de.Pointer)
		zh, en := i18n.Error(err, language.Chinese), i18n.Error(err, language.English)
		assert.Regexp(t, `[0-9]+`, zh)
		assert.NotEqual(t, zh, en)
		assert.True(t, errors.Is(err, recognition.ErrTooLarge))
	}
}

func membersOf(n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `"k%d":1`, i)
	}
	return b.String()
}

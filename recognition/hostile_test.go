package recognition_test

// Hostile and awkward input, from an adversarial review: every test
// asserts the behaviour a forged, damaged or tricky record must meet.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
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
	"github.com/jxgreen/jxgreen/recognition/jiangsu"
	"github.com/jxgreen/jxgreen/standard"
)

var hostileAt = time.Date(2026, 6, 1, 0, 0, 0, 0, brand.ChinaTime())

func hostileLine1(t testing.TB, set map[string]any) string {
	return `{"scheme":"jiangsu","record":` + string(jiangsuSample(t, set)) + `}`
}

func runLines(t *testing.T, c recognition.Checker, in string) ([]outLine, recognition.Summary, error) {
	t.Helper()
	var out bytes.Buffer
	sum, err := c.Run(context.Background(), strings.NewReader(in), &out)
	return parseOut(t, out.Bytes()), sum, err
}

// A product that merely mentions a standard's subject (a drink, a juice,
// "not 金溪蜜梨", turtle feed), a fragment of it, or a wider kind (fresh
// navel oranges under the freeze-dried standard, any 木耳 under 黑木耳) is
// outside the standard, in Check and in Rules.Issue alike.
func TestProductMentioningSubjectIsOutsideStandard(t *testing.T) {
	for _, tc := range []struct{ product, std string }{
		{"金溪蜜梨味饮料", "T/JGE 0039-2023"},
		{"非金溪蜜梨", "T/JGE 0039-2023"},
		{"金溪蜜梨汁", "T/JGE 0039-2023"},
		{"溪蜜", "T/JGE 0039-2023"},   // two characters of the subject, naming nothing
		{"甲鱼饲料", "T/JGE 0066-2023"}, // feed for turtles is not turtle
		{"鳖甲", "T/JGE 0066-2023"},   // turtle shell (a TCM drug) via the variant 鳖
		{"脐橙", "T/JGE 0138-2024"},   // fresh navel oranges under the 冻干脐橙 standard
		{"木耳", "T/JGE 0067-2023"},   // subject.go itself says 木耳 also names 白木耳
		{"家用", "T/JGE 0040-2023"},   // "household" under 家用学习桌椅
	} {
		t.Run(tc.product, func(t *testing.T) {
			rec, err := jiangsu.Adapter().Decode(jiangsuSample(t, map[string]any{"认证产品": tc.product, "认证依据": []string{tc.std}}))
			require.NoError(t, err)
			d := jiangsu.Adapter().Agreement().Check(rec, hostileAt)
			assert.NotEqual(t, recognition.Recognized, d.Outcome, "%s under %s: %v", tc.product, tc.std, codesOf(d))
			assert.True(t, d.Has("product-outside-standard"), "%v", codesOf(d))
		})
	}
	// The same rule in Rules.Issue.
	code, _ := creditcode.Complete("91360100MA9000009")
	_, err := certification.GreenEcologyRules().Issue(certification.Application{
		Number: "JXGE-SYN-DRINK", Holder: certification.Holder{Name: "合成样例饮料有限公司", Code: code},
		Product: "金溪蜜梨味饮料", Standards: []standard.Number{standard.MustParse("T/JGE 0039-2023")},
		Body: certification.Body{Name: "江西省检验检测认证总院"}, Mode: certification.Type5, Decided: time.Date(2026, 1, 10, 0, 0, 0, 0, brand.ChinaTime()),
	})
	assert.ErrorIs(t, err, standard.ErrOutsideSubject, "GreenEcologyRules.Issue certifies a 金溪蜜梨味饮料 on the 金溪蜜梨 standard")
}

// A line with an invalid UTF-8 byte inside (a holder name, a number) is an
// error line, not a record decided with U+FFFD in place of the byte; an
// adapter's Decode refuses it too.
func TestInvalidUTF8MidLineIsAnErrorLine(t *testing.T) {
	good := hostileLine1(t, nil)
	bad := strings.Replace(hostileLine1(t, map[string]any{"证书编号": "JSJP-BAD"}), "合成样例企业1", "合成\xff样例企业1", 1)
	lines, _, err := runLines(t, recognition.Checker{At: hostileAt, Workers: 1}, good+"\n"+bad+"\n")
	require.NoError(t, err)
	require.Len(t, lines, 2)
	assert.Equal(t, "recognized", lines[0].Outcome)
	assert.Equal(t, "error", lines[1].Outcome, "line 2 holds invalid UTF-8 but is decided: %+v", lines[1])

	// The same at the adapter.
	_, err = jiangsu.Adapter().Decode([]byte(strings.Replace(string(jiangsuSample(t, nil)), "合成样例企业1", "合成\xff样例企业1", 1)))
	assert.Error(t, err, "jiangsu.Adapter().Decode admits a holder name with an invalid UTF-8 byte")
	// An invalid byte in the number.
	bad2 := strings.Replace(hostileLine1(t, map[string]any{"证书编号": "JSJP-\xfe1"}), `\ufffd`, "\xfe", 1)
	lines, _, err = runLines(t, recognition.Checker{At: hostileAt, Workers: 1}, good+"\n"+bad2+"\n")
	require.NoError(t, err)
	require.Len(t, lines, 2)
	assert.Equal(t, "error", lines[1].Outcome, "%+v", lines[1])
}

// A UTF-8 BOM followed by GB18030 text: the BOM is no proof of UTF-8, and
// the run stops with one EncodingError that names GB18030, before any
// line is written.
func TestBOMThenGB18030GivesOneEncodingError(t *testing.T) {
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(hostileLine1(t, nil) + "\n" + hostileLine1(t, nil) + "\n")
	require.NoError(t, err)
	var out bytes.Buffer
	_, err = (&recognition.Checker{At: hostileAt, Workers: 1}).Run(context.Background(), strings.NewReader("\uFEFF"+gb), &out)
	require.ErrorIs(t, err, recognition.ErrNotUTF8)
	var ee *recognition.EncodingError
	require.ErrorAs(t, err, &ee)
	assert.True(t, ee.GB18030)
	assert.Equal(t, 1, ee.Line)
	assert.Empty(t, out.String())
	// A BOM before UTF-8 text is skipped as before.
	lines, _, err := runLines(t, recognition.Checker{At: hostileAt, Workers: 1}, "\uFEFF"+hostileLine1(t, nil)+"\n")
	require.NoError(t, err)
	require.Len(t, lines, 1)
	assert.Equal(t, "recognized", lines[0].Outcome)
}

// Every input line yields exactly one output line, in order, under two
// workers, whatever the line holds.
func TestOneOutputLinePerInputLineWhateverItHolds(t *testing.T) {
	good := hostileLine1(t, nil)
	var ins []string
	for i := 0; i < 3000; i++ {
		switch i % 13 {
		case 0:
			ins = append(ins, good)
		case 1:
			ins = append(ins, "")
		case 2:
			ins = append(ins, good+"\r")
		case 3:
			ins = append(ins, "\x00")
		case 4:
			ins = append(ins, `{"scheme":"jiangsu","record":{"a":`+strings.Repeat("[", 100)+strings.Repeat("]", 100)+`}}`)
		case 5:
			ins = append(ins, `{"scheme":"jiangsu","record":1e999}`)
		case 6:
			ins = append(ins, hostileLine1(t, map[string]any{"证书状态": "撤銷"}))
		case 7:
			ins = append(ins, `{"scheme":"jiangsu","record":`+membersOf(300)+`}`)
		case 8:
			ins = append(ins, "   ")
		case 9:
			ins = append(ins, `{"scheme":"江苏精品","record":null}`)
		case 10:
			ins = append(ins, good[:len(good)/2])
		case 11:
			ins = append(ins, `[]`)
		case 12:
			ins = append(ins, `{"scheme":"\u6c5f苏精品","record":`+string(jiangsuSample(t, nil))+`}`)
		}
	}
	in := strings.Join(ins, "\n") // no final newline
	lines, sum, err := runLines(t, recognition.Checker{At: hostileAt, Workers: 2}, in)
	require.NoError(t, err)
	require.Len(t, lines, len(ins))
	assert.Equal(t, len(ins), sum.Lines)
	for i, l := range lines {
		require.Equal(t, i+1, l.Line)
	}
	assert.Equal(t, "recognized", lines[0].Outcome)
	assert.Equal(t, "recognized", lines[2].Outcome) // \r\n
	assert.Equal(t, "rejected", lines[6].Outcome)   // 撤銷 (traditional) is not a known word
	assert.Equal(t, "recognized", lines[12].Outcome)
}

// Lines of exactly MaxLine bytes pass, MaxLine+1 do not, with \n or \r\n.
func TestMaxLineBoundary(t *testing.T) {
	good := hostileLine1(t, nil)
	max := len(good) + 10
	pad := func(n int) string { return good[:len(good)-1] + strings.Repeat(" ", n-len(good)) + "}" }
	for _, tc := range []struct {
		line string
		eol  string
		ok   bool
	}{
		{pad(max), "\n", true}, {pad(max), "\r\n", true}, {pad(max), "", true},
		{pad(max + 1), "\n", false}, {pad(max + 1), "\r\n", false}, {pad(max + 1), "", false},
	} {
		in, at, other := tc.line+tc.eol+good+"\n", 0, 1
		if tc.eol == "" { // the final line, without a newline
			in, at, other = good+"\n"+tc.line, 1, 0
		}
		lines, _, err := runLines(t, recognition.Checker{At: hostileAt, MaxLine: max}, in)
		require.NoError(t, err)
		require.Len(t, lines, 2, "line of %d bytes (MaxLine %d) ending %q: %+v", len(tc.line), max, tc.eol, lines)
		if tc.ok {
			assert.Equal(t, "recognized", lines[at].Outcome, "%d bytes %q", len(tc.line), tc.eol)
		} else {
			assert.Equal(t, "error", lines[at].Outcome, "%d bytes %q", len(tc.line), tc.eol)
		}
		assert.Equal(t, "recognized", lines[other].Outcome)
	}
}

// Duplicate keys spelt with escapes, in the envelope and in the record;
// unicode look-alike keys; status-word and date tricks: none is recognised.
func TestKeyAndValueTricksAreNotRecognized(t *testing.T) {
	rec := string(jiangsuSample(t, map[string]any{"证书状态": "撤销"}))
	for name, line := range map[string]string{
		"escaped dup key in record": `{"scheme":"jiangsu","record":` + strings.Replace(rec, `}`, `,"\u8bc1\u4e66\u72b6\u6001":"有效"}`, 1) + `}`,
		"escaped dup record":        `{"scheme":"jiangsu","record":` + rec + `,"\u0072ecord":` + string(jiangsuSample(t, nil)) + `}`,
		"escaped dup scheme":        `{"scheme":"shenzhen","\u0073cheme":"jiangsu","record":` + string(jiangsuSample(t, nil)) + `}`,
		"ZWSP key":                  `{"scheme":"jiangsu","record":` + strings.Replace(rec, `}`, `,"证书状态`+"\u200b"+`":"有效"}`, 1) + `}`,
		"full-width key":            `{"scheme":"jiangsu","record":` + strings.Replace(string(jiangsuSample(t, map[string]any{"证书状态": nil})), `}`, `,"证书状态　":"有效"}`, 1) + `}`,
		"invalid utf8 key dup":      `{"scheme":"jiangsu","record":` + strings.Replace(rec, `}`, `,"\xff":"a","\xfe":"b"}`, 1) + `}`,
	} {
		t.Run(name, func(t *testing.T) {
			l := checkOne(t, recognition.Checker{At: hostileAt}, line)
			assert.NotEqual(t, "recognized", l.Outcome, "%+v", l)
		})
	}
	for _, w := range []string{"撤銷", "有 效", "有效\u200b", "有效（已撤销）", "无效", "\u200b有效", "有效有效"} {
		l := checkOne(t, recognition.Checker{At: hostileAt}, hostileLine1(t, map[string]any{"证书状态": w}))
		assert.NotEqual(t, "recognized", l.Outcome, "%q: %+v", w, l)
	}
	for _, d := range []string{"2026-02-30", "2026-2-3", "2026/02/03", "20260203", "2025-01-10T00:00:00+08:00", "2025-01-10 ", "２０２５-01-10"} {
		l := checkOne(t, recognition.Checker{At: hostileAt}, hostileLine1(t, map[string]any{"发证日期": d}))
		assert.Equal(t, "error", l.Outcome, "%q: %+v", d, l)
	}
	// issued after expires
	l := checkOne(t, recognition.Checker{At: hostileAt}, hostileLine1(t, map[string]any{"发证日期": "2028-01-10", "有效期至": "2028-01-09"}))
	assert.Equal(t, "error", l.Outcome)
	// mode spelled differently
	for _, m := range []string{"五", "5 ", "Type5", "1A", "type 5"} {
		l := checkOne(t, recognition.Checker{At: hostileAt}, hostileLine1(t, map[string]any{"认证模式": m}))
		assert.Equal(t, "error", l.Outcome, "%q", m)
	}
	// a weaker mode stays conditional
	l = checkOne(t, recognition.Checker{At: hostileAt}, hostileLine1(t, map[string]any{"认证模式": "1a"}))
	assert.Equal(t, "conditional", l.Outcome)
	// credit code with ZWSP or full-width digits
	for _, c := range []string{"91320100MA9000001\u200b3", "９1320100MA90000013"} {
		l := checkOne(t, recognition.Checker{At: hostileAt}, hostileLine1(t, map[string]any{"统一社会信用代码": c}))
		assert.Equal(t, "error", l.Outcome, "%q", c)
	}
	// the same standard twice
	l = checkOne(t, recognition.Checker{At: hostileAt}, hostileLine1(t, map[string]any{"认证依据": []string{"T/JGE 0039-2023", "T/JGE 0039-2023"}}))
	assert.NotEqual(t, "error", l.Outcome)
	// our standard plus one of another subject
	l = checkOne(t, recognition.Checker{At: hostileAt}, hostileLine1(t, map[string]any{"认证依据": []string{"T/JGE 0039-2023", "T/JGE 0066-2023"}}))
	assert.Equal(t, "rejected", l.Outcome)
}

// A hostile line under several workers costs about what it costs under
// one (allocation measured per run).
func TestHostileLineMemoryDoesNotGrowWithWorkers(t *testing.T) {
	hostile := hostileLine(t, 240000)
	in := strings.Repeat(hostile+"\n", 8)
	for _, w := range []int{1, 8} {
		allocs := testing.AllocsPerRun(2, func() {
			var out bytes.Buffer
			_, err := (&recognition.Checker{At: hostileAt, Workers: w}).Run(context.Background(), strings.NewReader(in), &out)
			require.NoError(t, err)
		})
		t.Logf("workers %d: %.0f allocs per run of 8 hostile lines", w, allocs)
		assert.Less(t, allocs, 20000.0)
	}
}

// Issue 9: "Error lines keep what the input said: the scheme as written
// (not "?"), the record's number when it had one": a line refused for a
// duplicate envelope key, or for too many envelope keys, keeps both.
func TestEnvelopeFaultLineKeepsSchemeAndNumber(t *testing.T) {
	rec := string(jiangsuSample(t, map[string]any{"证书编号": "JSJP-SYN-DUP"}))
	for name, line := range map[string]string{
		"duplicate record": `{"scheme":"jiangsu","record":` + rec + `,"record":` + rec + `}`,
		"duplicate other":  `{"scheme":"jiangsu","note":"a","note":"b","record":` + rec + `}`,
		"too many keys":    strings.TrimSuffix(manyKeysLine(300), "}") + `,"scheme2":"x","scheme":"jiangsu","record":` + rec + `}`,
	} {
		t.Run(name, func(t *testing.T) {
			l := checkOne(t, recognition.Checker{At: hostileAt}, line)
			require.Equal(t, "error", l.Outcome)
			assert.Equal(t, "jiangsu", l.Scheme, "%+v", l)
			assert.Equal(t, "JSJP-SYN-DUP", l.Number, "%+v", l)
		})
	}
}

func manyKeysLine(n int) string {
	var b strings.Builder
	b.WriteString(`{"k0":0`)
	for i := 1; i < n; i++ {
		fmt.Fprintf(&b, `,"k%d":0`, i)
	}
	return b.String() + "}"
}

// blockingReader gives its data, then blocks until closed.
type blockingReader struct {
	data []byte
	stop chan struct{}
}

func (r *blockingReader) Read(p []byte) (int, error) {
	if len(r.data) > 0 {
		n := copy(p, r.data)
		r.data = r.data[n:]
		return n, nil
	}
	<-r.stop
	return 0, context.Canceled
}

// Cancelled while a read blocks: Run returns at once, with whole lines
// numbered from 1 without a gap, and a summary that counts them.
func TestCancelWhileReadBlocksKeepsWrittenLines(t *testing.T) {
	good := hostileLine1(t, nil)
	in := strings.Repeat(good+"\n"+"garbage\n", 5000)
	r := &blockingReader{data: []byte(in), stop: make(chan struct{})}
	defer close(r.stop)
	ctx, cancel := context.WithCancel(context.Background())
	var out bytes.Buffer
	done := make(chan struct{})
	var sum recognition.Summary
	var err error
	go func() {
		sum, err = (&recognition.Checker{At: hostileAt, Workers: 2}).Run(ctx, r, &out)
		close(done)
	}()
	time.Sleep(300 * time.Millisecond)
	cancel()
	select {
	case <-done:
	case <-time.After(2 * time.Second):
		t.Fatal("Run did not return after cancel")
	}
	assert.ErrorIs(t, err, context.Canceled)
	lines := parseOut(t, out.Bytes())
	assert.Equal(t, len(lines), sum.Lines)
	for i, l := range lines {
		require.Equal(t, i+1, l.Line)
	}
	t.Logf("%d lines written before cancel", len(lines))
}

// Self-claimed attributes in 品字标's own field, canonical or alias
// spelling, never remove our attribute assessment; an alias is not a
// decode crash either way.
func TestSelfClaimedAttributeSpellingsAddNothing(t *testing.T) {
	zj, ok := recognition.Lookup("zhejiang")
	require.True(t, ok)
	base := map[string]any{
		"证书编号": "ZJM-SYN-ZZ", "企业名称": "合成样例企业4有限公司", "统一社会信用代码": "91330100MA9000004G",
		"产品名称": "金溪蜜梨", "认证标准": []string{"T/ZZB 0001-2099"}, "认证机构": "江西省检验检测认证总院",
		"颁证日期": "2025-01-10", "有效期至": "2028-01-09", "证书状态": "有效", "认证模式": "5",
	}
	var names []string
	for _, a := range brand.Core() {
		names = append(names, a.String())
	}
	for _, attrs := range [][]string{nil, names, {"生态协调", "质量领先"}, {"资源节约", "资源节约"}, {"生态协同 "}} {
		m := map[string]any{}
		for k, v := range base {
			m[k] = v
		}
		if attrs != nil {
			m["品牌属性"] = attrs
		}
		b, _ := json.Marshal(m)
		rec, err := zj.Decode(b)
		if err != nil {
			t.Logf("%v: decode error %v", attrs, err)
			continue
		}
		d := zj.Agreement().Check(rec, hostileAt)
		t.Logf("%v: %v %v assess=%v", attrs, d.Outcome, codesOf(d), d.Assess)
		assert.True(t, d.Has("attributes-uncovered"), "%v", attrs)
		assert.NotEqual(t, recognition.Recognized, d.Outcome)
	}
}

// The 2022 Q&A's spellings 生态协调 and 质量领先, and any other spelling
// brand.ParseAttribute reads, in 品字标's optional attribute field are
// decoded to the attribute and the record is decided, by the fast path and
// the schema path alike; a name brand does not know is a value error.
func TestAttributeAliasIsDecided(t *testing.T) {
	zj, ok := recognition.Lookup("zhejiang")
	require.True(t, ok)
	for _, alias := range []string{"生态协调", "质量领先"} {
		_, err := brand.ParseAttribute(alias)
		require.NoError(t, err, "the library reads %s", alias)
		b, _ := json.Marshal(map[string]any{
			"证书编号": "ZJM-SYN-ZZ", "企业名称": "合成样例企业4有限公司", "统一社会信用代码": "91330100MA9000004G",
			"产品名称": "金溪蜜梨", "认证标准": []string{"T/JGE 0039-2023"}, "认证机构": "江西省检验检测认证总院",
			"颁证日期": "2025-01-10", "有效期至": "2028-01-09", "证书状态": "有效", "认证模式": "5", "品牌属性": []string{alias},
		})
		rec, err := zj.Decode(b)
		require.NoError(t, err, "%s", alias)
		want, _ := brand.ParseAttribute(alias)
		assert.Equal(t, []brand.Attribute{want}, rec.Attributes)
		slow, err := zj.(interface {
			DecodeBySchema([]byte) (recognition.Record, error)
		}).DecodeBySchema(b)
		require.NoError(t, err, "%s by schema", alias)
		assert.Equal(t, rec, slow)
		d := zj.Agreement().Check(rec, hostileAt)
		assert.NotEmpty(t, d.Outcome.String())
		line := checkOne(t, recognition.Checker{At: hostileAt}, `{"scheme":"zhejiang","record":`+string(b)+`}`)
		assert.NotEqual(t, "error", line.Outcome, "%+v", line)
	}
	b, _ := json.Marshal(map[string]any{
		"证书编号": "ZJM-SYN-ZZ", "企业名称": "合成样例企业4有限公司", "统一社会信用代码": "91330100MA9000004G",
		"产品名称": "金溪蜜梨", "认证标准": []string{"T/JGE 0039-2023"}, "认证机构": "江西省检验检测认证总院",
		"颁证日期": "2025-01-10", "有效期至": "2028-01-09", "证书状态": "有效", "认证模式": "5", "品牌属性": []string{"绿色"},
	})
	_, err := zj.Decode(b)
	assert.ErrorIs(t, err, brand.ErrUnknownAttribute)
}

// README: "Every JSON reader refuses a key that appears twice in an
// object, anywhere in a line (RFC 7493)": a duplicate inside an envelope
// member other than "record", plain or escaped, is an error line that
// names the key.
func TestDuplicateKeyInAnyEnvelopeMemberIsRefused(t *testing.T) {
	rec := string(jiangsuSample(t, nil))
	for name, line := range map[string]string{
		"nested object":      `{"scheme":"jiangsu","record":` + rec + `,"meta":{"证书状态":"撤销","证书状态":"有效"}}`,
		"object in array":    `{"scheme":"jiangsu","meta":[{"a":1,"a":2}],"record":` + rec + `}`,
		"escaped, slow path": `{"scheme":"jiangsu","record":` + rec + `,"m\u0065ta":{"a":1,"\u0061":2}}`,
	} {
		t.Run(name, func(t *testing.T) {
			l := checkOne(t, recognition.Checker{At: hostileAt}, line)
			assert.Equal(t, "error", l.Outcome, "%+v", l)
			require.NotNil(t, l.Error)
			assert.Contains(t, *l.Error, "重复", "%+v", l)
		})
	}
}

type refusingWriter struct{ n int }

func (w *refusingWriter) Write(p []byte) (int, error) {
	if w.n < len(p) {
		return 0, fmt.Errorf("test: disk full")
	}
	w.n -= len(p)
	return len(p), nil
}

// Run "returns a summary of what it wrote": when out refuses every write,
// the summary counts no line, and the error is a WriteError.
func TestSummaryAfterWriteErrorCountsOnlyWhatWasWritten(t *testing.T) {
	good := hostileLine1(t, nil)
	in := strings.Repeat(good+"\n", 2000)
	sum, err := (&recognition.Checker{At: hostileAt, Workers: 2}).Run(context.Background(), strings.NewReader(in), &refusingWriter{})
	require.ErrorIs(t, err, recognition.ErrWrite)
	var we *recognition.WriteError
	require.ErrorAs(t, err, &we)
	assert.NotEqual(t, i18n.Error(err, language.Chinese), i18n.Error(err, language.English))
	assert.Zero(t, sum.Lines, "nothing was written, the summary says %d lines (%v)", sum.Lines, sum.Outcomes)
	// A writer that takes the first 100 KiB: the summary counts whole
	// lines written, never more than reached it.
	var ok bytes.Buffer
	_, _ = (&recognition.Checker{At: hostileAt, Workers: 2}).Run(context.Background(), strings.NewReader(in), &ok)
	perLine := ok.Len() / 2000
	sum, err = (&recognition.Checker{At: hostileAt, Workers: 2}).Run(context.Background(), strings.NewReader(in), &refusingWriter{n: 100 << 10})
	require.ErrorIs(t, err, recognition.ErrWrite)
	assert.LessOrEqual(t, sum.Lines*perLine, 100<<10)
}

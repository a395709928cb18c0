package recognition_test

// Adversarial review (rev3): each Test* not named TestResist* asserts the
// CORRECT behaviour and fails on a defect; TestResist* are attacks the code
// resists.

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

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/recognition"
	"github.com/jxgreen/jxgreen/recognition/jiangsu"
	"github.com/jxgreen/jxgreen/standard"
)

var zzAt = time.Date(2026, 6, 1, 0, 0, 0, 0, brand.ChinaTime)

func zzLine(t testing.TB, set map[string]any) string {
	return `{"scheme":"jiangsu","record":` + string(jiangsuSample(t, set)) + `}`
}

func zzRun(t *testing.T, c recognition.Checker, in string) ([]outLine, recognition.Summary, error) {
	t.Helper()
	var out bytes.Buffer
	sum, err := c.Run(context.Background(), strings.NewReader(in), &out)
	return parseOut(t, out.Bytes()), sum, err
}

// Covers is substring matching: a product that merely mentions the
// subject is held to be under the standard, so a record for a drink, a
// juice, "not 金溪蜜梨", turtle feed, fresh navel oranges under the
// freeze-dried standard, or any 木耳 under 黑木耳 is recognised.
func TestBreakProductMentioningSubjectIsNotCovered(t *testing.T) {
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
			rec, err := jiangsu.Adapter.Decode(jiangsuSample(t, map[string]any{"认证产品": tc.product, "认证依据": []string{tc.std}}))
			require.NoError(t, err)
			d := jiangsu.Adapter.Agreement().Check(rec, zzAt)
			assert.NotEqual(t, recognition.Recognized, d.Outcome, "%s under %s: %v", tc.product, tc.std, codesOf(d))
			assert.True(t, d.Has("product-outside-standard"), "%v", codesOf(d))
		})
	}
	// The same rule in Rules.Issue.
	code, _ := certification.CompleteCreditCode("91360100MA9000009")
	_, err := certification.GreenEcologyRules.Issue(certification.Application{
		Number: "JXGE-SYN-DRINK", Holder: certification.Holder{Name: "合成样例饮料有限公司", Code: code},
		Product: "金溪蜜梨味饮料", Standards: []standard.Number{standard.MustParse("T/JGE 0039-2023")},
		Body: certification.Body{Name: "江西省检验检测认证总院"}, Mode: certification.Type5, Decided: time.Date(2026, 1, 10, 0, 0, 0, 0, brand.ChinaTime),
	})
	assert.ErrorIs(t, err, standard.ErrOutsideSubject, "GreenEcologyRules.Issue certifies a 金溪蜜梨味饮料 on the 金溪蜜梨 standard")
}

// README: "Once the input has shown UTF-8 text, a later line that is not
// UTF-8 is an error line like any malformed line." A record whose holder
// name holds an invalid byte is decided instead (encoding/json turns the
// byte into U+FFFD), and the output carries U+FFFD.
func TestBreakInvalidUTF8MidLineIsAnErrorLine(t *testing.T) {
	good := zzLine(t, nil)
	bad := strings.Replace(zzLine(t, map[string]any{"证书编号": "JSJP-BAD"}), "合成样例企业1", "合成\xff样例企业1", 1)
	lines, _, err := zzRun(t, recognition.Checker{At: zzAt, Workers: 1}, good+"\n"+bad+"\n")
	require.NoError(t, err)
	require.Len(t, lines, 2)
	assert.Equal(t, "recognized", lines[0].Outcome)
	assert.Equal(t, "error", lines[1].Outcome, "line 2 holds invalid UTF-8 but is decided: %+v", lines[1])

	// The same at the adapter: Decode admits invalid UTF-8.
	_, err = jiangsu.Adapter.Decode([]byte(strings.Replace(string(jiangsuSample(t, nil)), "合成样例企业1", "合成\xff样例企业1", 1)))
	assert.Error(t, err, "jiangsu.Adapter.Decode admits a holder name with an invalid UTF-8 byte")
	// An invalid byte in the number: decided, and U+FFFD goes out as the number.
	bad2 := strings.Replace(zzLine(t, map[string]any{"证书编号": "JSJP-\xfe1"}), `\ufffd`, "\xfe", 1)
	lines, _, err = zzRun(t, recognition.Checker{At: zzAt, Workers: 1}, good+"\n"+bad2+"\n")
	require.NoError(t, err)
	require.Len(t, lines, 2)
	assert.Equal(t, "error", lines[1].Outcome, "%+v", lines[1])
}

// A UTF-8 BOM followed by GB18030 text: the BOM makes the checker take the
// input for UTF-8, so no EncodingError is given; every line becomes an
// error line that does not name the encoding.
func TestBreakBOMThenGB18030GivesOneEncodingError(t *testing.T) {
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(zzLine(t, nil) + "\n" + zzLine(t, nil) + "\n")
	require.NoError(t, err)
	var out bytes.Buffer
	_, err = (&recognition.Checker{At: zzAt, Workers: 1}).Run(context.Background(), strings.NewReader("\uFEFF"+gb), &out)
	if err == nil {
		lines := parseOut(t, out.Bytes())
		for _, l := range lines {
			if l.Error != nil {
				assert.Contains(t, *l.Error, "UTF-8", "line %d: error does not name the encoding: %s", l.Line, *l.Error)
			}
		}
		t.Errorf("BOM + GB18030: no EncodingError; output:\n%s", out.String())
	} else {
		assert.ErrorIs(t, err, recognition.ErrNotUTF8)
	}
}

// Every input line yields exactly one output line, in order, under two
// workers, whatever the line holds.
func TestResistOneOutputPerInputMixed(t *testing.T) {
	good := zzLine(t, nil)
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
			ins = append(ins, zzLine(t, map[string]any{"证书状态": "撤銷"}))
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
	lines, sum, err := zzRun(t, recognition.Checker{At: zzAt, Workers: 2}, in)
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
func TestResistMaxLineBoundary(t *testing.T) {
	good := zzLine(t, nil)
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
		lines, _, err := zzRun(t, recognition.Checker{At: zzAt, MaxLine: max}, in)
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
func TestResistKeyAndValueTricks(t *testing.T) {
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
			l := checkOne(t, recognition.Checker{At: zzAt}, line)
			assert.NotEqual(t, "recognized", l.Outcome, "%+v", l)
		})
	}
	for _, w := range []string{"撤銷", "有 效", "有效\u200b", "有效（已撤销）", "无效", "\u200b有效", "有效有效"} {
		l := checkOne(t, recognition.Checker{At: zzAt}, zzLine(t, map[string]any{"证书状态": w}))
		assert.NotEqual(t, "recognized", l.Outcome, "%q: %+v", w, l)
	}
	for _, d := range []string{"2026-02-30", "2026-2-3", "2026/02/03", "20260203", "2025-01-10T00:00:00+08:00", "2025-01-10 ", "２０２５-01-10"} {
		l := checkOne(t, recognition.Checker{At: zzAt}, zzLine(t, map[string]any{"发证日期": d}))
		assert.Equal(t, "error", l.Outcome, "%q: %+v", d, l)
	}
	// issued after expires
	l := checkOne(t, recognition.Checker{At: zzAt}, zzLine(t, map[string]any{"发证日期": "2028-01-10", "有效期至": "2028-01-09"}))
	assert.Equal(t, "error", l.Outcome)
	// mode spelled differently
	for _, m := range []string{"五", "5 ", "Type5", "1A", "type 5"} {
		l := checkOne(t, recognition.Checker{At: zzAt}, zzLine(t, map[string]any{"认证模式": m}))
		assert.Equal(t, "error", l.Outcome, "%q", m)
	}
	// a weaker mode stays conditional
	l = checkOne(t, recognition.Checker{At: zzAt}, zzLine(t, map[string]any{"认证模式": "1a"}))
	assert.Equal(t, "conditional", l.Outcome)
	// credit code with ZWSP or full-width digits
	for _, c := range []string{"91320100MA9000001\u200b3", "９1320100MA90000013"} {
		l := checkOne(t, recognition.Checker{At: zzAt}, zzLine(t, map[string]any{"统一社会信用代码": c}))
		assert.Equal(t, "error", l.Outcome, "%q", c)
	}
	// the same standard twice
	l = checkOne(t, recognition.Checker{At: zzAt}, zzLine(t, map[string]any{"认证依据": []string{"T/JGE 0039-2023", "T/JGE 0039-2023"}}))
	assert.NotEqual(t, "error", l.Outcome)
	// our standard plus one of another subject
	l = checkOne(t, recognition.Checker{At: zzAt}, zzLine(t, map[string]any{"认证依据": []string{"T/JGE 0039-2023", "T/JGE 0066-2023"}}))
	assert.Equal(t, "rejected", l.Outcome)
}

// A hostile line under several workers costs about what it costs under
// one (allocation measured per run).
func TestResistHostileLineMemoryPerWorker(t *testing.T) {
	hostile := hostileLine(t, 240000)
	in := strings.Repeat(hostile+"\n", 8)
	for _, w := range []int{1, 8} {
		allocs := testing.AllocsPerRun(2, func() {
			var out bytes.Buffer
			_, err := (&recognition.Checker{At: zzAt, Workers: w}).Run(context.Background(), strings.NewReader(in), &out)
			require.NoError(t, err)
		})
		t.Logf("workers %d: %.0f allocs per run of 8 hostile lines", w, allocs)
		assert.Less(t, allocs, 20000.0)
	}
}

func init() { _ = fmt.Sprint }

// Issue 9: "Error lines keep what the input said: the scheme as written
// (not "?"), the record's number when it had one". A line refused for a
// duplicate envelope key, or for too many envelope keys, keeps neither,
// although both are plainly there.
func TestBreakEnvelopeFaultLineKeepsSchemeAndNumber(t *testing.T) {
	rec := string(jiangsuSample(t, map[string]any{"证书编号": "JSJP-SYN-DUP"}))
	for name, line := range map[string]string{
		"duplicate record": `{"scheme":"jiangsu","record":` + rec + `,"record":` + rec + `}`,
		"duplicate other":  `{"scheme":"jiangsu","note":"a","note":"b","record":` + rec + `}`,
		"too many keys":    strings.TrimSuffix(manyKeysLine(300), "}") + `,"scheme2":"x","scheme":"jiangsu","record":` + rec + `}`,
	} {
		t.Run(name, func(t *testing.T) {
			l := checkOne(t, recognition.Checker{At: zzAt}, line)
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
func TestResistCancelMidway(t *testing.T) {
	good := zzLine(t, nil)
	in := strings.Repeat(good+"\n"+"garbage\n", 5000)
	r := &blockingReader{data: []byte(in), stop: make(chan struct{})}
	defer close(r.stop)
	ctx, cancel := context.WithCancel(context.Background())
	var out bytes.Buffer
	done := make(chan struct{})
	var sum recognition.Summary
	var err error
	go func() {
		sum, err = (&recognition.Checker{At: zzAt, Workers: 2}).Run(ctx, r, &out)
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
func TestResistSelfClaimedAttributeSpellings(t *testing.T) {
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
		d := zj.Agreement().Check(rec, zzAt)
		t.Logf("%v: %v %v assess=%v", attrs, d.Outcome, codesOf(d), d.Assess)
		assert.True(t, d.Has("attributes-uncovered"), "%v", attrs)
		assert.NotEqual(t, recognition.Recognized, d.Outcome)
	}
}

// The 2022 Q&A's spellings 生态协调 and 质量领先, which brand.ParseAttribute
// reads, in 品字标's optional attribute field (which the decision ignores
// anyway) turn a real record into an error line: the schema's enum holds
// only the canonical names.
func TestBreakAttributeAliasIsNotADecodeError(t *testing.T) {
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
		_, err = zj.Decode(b)
		assert.NoError(t, err, "%s", alias)
	}
}

// README: "Every JSON reader refuses a key that appears twice in an
// object, anywhere in a line (RFC 7493)". A duplicate inside an envelope
// member other than "record" is not looked for: the line is decided.
func TestBreakDuplicateKeyInOtherEnvelopeMemberIsRefused(t *testing.T) {
	rec := string(jiangsuSample(t, nil))
	for name, line := range map[string]string{
		"nested object":      `{"scheme":"jiangsu","record":` + rec + `,"meta":{"证书状态":"撤销","证书状态":"有效"}}`,
		"object in array":    `{"scheme":"jiangsu","meta":[{"a":1,"a":2}],"record":` + rec + `}`,
		"escaped, slow path": `{"scheme":"jiangsu","record":` + rec + `,"m\u0065ta":{"a":1,"\u0061":2}}`,
	} {
		t.Run(name, func(t *testing.T) {
			l := checkOne(t, recognition.Checker{At: zzAt}, line)
			assert.Equal(t, "error", l.Outcome, "%+v", l)
		})
	}
}

type zzFailWriter struct{ n int }

func (w *zzFailWriter) Write(p []byte) (int, error) {
	if w.n < len(p) {
		return 0, fmt.Errorf("zz: disk full")
	}
	w.n -= len(p)
	return len(p), nil
}

// Run "returns a summary of what it wrote". When out refuses every write,
// the summary still counts the lines of every batch that came back, none
// of which reached out.
func TestBreakSummaryAfterWriteErrorCountsOnlyWhatWasWritten(t *testing.T) {
	good := zzLine(t, nil)
	in := strings.Repeat(good+"\n", 2000)
	sum, err := (&recognition.Checker{At: zzAt, Workers: 2}).Run(context.Background(), strings.NewReader(in), &zzFailWriter{})
	require.Error(t, err)
	assert.Zero(t, sum.Lines, "nothing was written, the summary says %d lines (%v)", sum.Lines, sum.Outcomes)
}

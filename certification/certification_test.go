package certification

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/certification/creditcode"
	"github.com/jxgreen/jxgreen/standard"
)

func day(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, brand.ChinaTime())
}

// synthetic returns the i-th synthetic holder: a made-up name and a made-up
// credit code with a correct check character. Neither belongs to a real
// organisation.
func synthetic(i int) Holder {
	code, err := creditcode.Complete(fmt.Sprintf("91360100MA3%06d", i))
	if err != nil {
		panic(err)
	}
	return Holder{Name: fmt.Sprintf("合成样例企业%d有限公司", i), Code: code}
}

func TestParseCreditCode(t *testing.T) {
	t.Parallel()
	// Two codes as published in public company registries, used only as
	// check vectors for the GB 32100-2015 algorithm.
	for _, s := range []string{"91330100716105852F", "91440300708461136T"} {
		c, err := creditcode.Parse(s)
		require.NoError(t, err)
		assert.Equal(t, creditcode.Code(s), c)
		assert.True(t, c.Valid())
	}
	h := synthetic(7)
	for _, s := range []string{
		string(h.Code),
		" " + string(h.Code) + " ",
		"９１３６０１００ＭＡ３０００００７" + string(h.Code[17]),
		"91360100ma3000007" + string(h.Code[17]),
		"9136 0100 MA30 0000 7" + string(h.Code[17]),
	} {
		c, err := creditcode.Parse(s)
		require.NoError(t, err, s)
		assert.Equal(t, h.Code, c, s)
	}
	assert.Equal(t, "360100", h.Code.Division())
}

func TestParseCreditCodeRejects(t *testing.T) {
	t.Parallel()
	good := string(synthetic(1).Code)
	wrongCheck := good[:17] + string(creditcode.Alphabet[(strings.IndexByte(creditcode.Alphabet, good[17])+1)%31])
	for _, tc := range []struct {
		in  string
		err error
		pos int
	}{
		{"", creditcode.ErrLength, -1},
		{good[:17], creditcode.ErrLength, -1},
		{good + "0", creditcode.ErrLength, -1},
		{"绿色生态" + good[4:], creditcode.ErrLength, -1},
		{wrongCheck, creditcode.ErrCheck, 17},
		{"I" + good[1:], creditcode.ErrChar, 0},
		{good[:9] + "O" + good[10:], creditcode.ErrChar, 9},
		{good[:9] + "S" + good[10:], creditcode.ErrChar, 9},
		{good[:9] + "V" + good[10:], creditcode.ErrChar, 9},
		{good[:9] + "Z" + good[10:], creditcode.ErrChar, 9},
		{good[:3] + "A" + good[4:], creditcode.ErrChar, 3},
		{good[:17] + "Z", creditcode.ErrChar, 17},
		{good[:17] + "-", creditcode.ErrChar, 17},
	} {
		_, err := creditcode.Parse(tc.in)
		require.Error(t, err, tc.in)
		assert.ErrorIs(t, err, tc.err, tc.in)
		var ce *creditcode.Error
		require.ErrorAs(t, err, &ce)
		assert.Equal(t, tc.pos, ce.Pos, tc.in)
		assert.Contains(t, i18n.Error(err, language.Chinese), "统一社会信用代码")
	}
	assert.False(t, creditcode.Code(wrongCheck).Valid())
	assert.False(t, creditcode.Code("91360100ma3000001x").Valid(), "not canonical")
	_, err := creditcode.Complete("91360100MA30000")
	assert.ErrorIs(t, err, creditcode.ErrLength)
	_, err = creditcode.Complete("9136A100MA3000000")
	assert.ErrorIs(t, err, creditcode.ErrChar)
}

func TestEveryCheckCharacterOccurs(t *testing.T) {
	t.Parallel()
	seen := map[byte]bool{}
	for i := 0; i < 2000; i++ {
		seen[synthetic(i).Code[17]] = true
	}
	assert.Len(t, seen, 31, "all 31 check characters, 0 included")
}

func TestModeOrder(t *testing.T) {
	t.Parallel()
	assert.True(t, Type5.AtLeast(Type4))
	assert.True(t, Type5.AtLeast(Type3))
	assert.True(t, Type4.AtLeast(Type2))
	assert.True(t, Type3.AtLeast(Type1a))
	assert.True(t, Type5.AtLeast(Type5))
	assert.False(t, Type3.AtLeast(Type2), "type 3 samples in the factory, not the market")
	assert.False(t, Type4.AtLeast(Type5))
	assert.False(t, Type1b.AtLeast(Type1a))
	assert.False(t, Type5.AtLeast(Type6))
	assert.False(t, Mode(0).AtLeast(Type1a))
	assert.False(t, Type1a.Surveillance())
	assert.True(t, Type5.Surveillance())
	for in, want := range map[string]Mode{"5": Type5, "type 5": Type5, "类型5": Type5, "1a": Type1a, "ISO/IEC 17067 type 1b": Type1b, "第4种": Type4} {
		m, err := ParseMode(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, m, in)
	}
	_, err := ParseMode("7")
	assert.ErrorIs(t, err, ErrMode)
	assert.Equal(t, "ISO/IEC 17067 5 型", Type5.Localize(language.Chinese))
	assert.Equal(t, "type testing, market sampling, factory sampling, production assessment, management-system audit",
		Type5.Includes().Localize(language.English))
}

func issue(t testing.TB, h Holder) Certificate {
	t.Helper()
	c, err := GreenEcologyRules().Issue(Application{
		Number:    "JXGE-TEST-0001",
		Holder:    h,
		Product:   "金溪蜜梨",
		Standards: []standard.Number{standard.MustParse("T/JGE 0039-2023")},
		Body:      Body{Name: "江西省检验检测认证总院"},
		Mode:      Type5,
		Decided:   day(2026, 1, 10),
	})
	require.NoError(t, err)
	return c
}

func TestIssue(t *testing.T) {
	t.Parallel()
	c := issue(t, synthetic(1))
	assert.Equal(t, brand.JiangxiGreen, c.Scheme)
	assert.Equal(t, day(2029, 1, 10), c.Expires, "three years, the documented default")
	assert.Equal(t, Valid, c.StatusAt(c.Issued))
	assert.Equal(t, Chair, c.Body.Position)
	assert.True(t, c.Body.Certifies)
	require.Len(t, c.History, 1)
	assert.Equal(t, Issue, c.History[0].Action)
}

func TestIssueReportsEveryProblem(t *testing.T) {
	t.Parallel()
	h := synthetic(2)
	_, err := GreenEcologyRules().Issue(Application{
		Holder:    Holder{Name: h.Name, Code: h.Code[:17] + "0"},
		Standards: []standard.Number{standard.MustParse("T/JGE 9999-2023"), standard.MustParse("T/JGE 0041")},
		Body:      Body{Name: "江西省认证认可协会"},
		Mode:      Type3,
	})
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrApplication)
	var fields []string
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		var fe *FieldError
		require.True(t, errors.As(e, &fe))
		fields = append(fields, fe.Field+":"+string(fe.Reason))
		assert.NotEmpty(t, i18n.Error(fe, language.Chinese))
	}
	assert.ElementsMatch(t, []string{
		"number:missing", "holder.code:invalid", "product:missing", "standards[0]:not-evaluated",
		"body:not-certification-body", "mode:mode-too-weak", "decided:missing",
	}, fields)
	if h.Code[17] != '0' {
		assert.ErrorIs(t, err, creditcode.ErrCheck)
	}

	_, err = GreenEcologyRules().Issue(Application{
		Number: "X", Holder: h, Product: "p", Standards: []standard.Number{standard.MustParse("T/JGE 0041-2023")},
		Body: Body{Name: "某认证公司（合成样例）", Certifies: true}, Mode: Type5, Decided: day(2026, 1, 1),
	})
	assert.ErrorContains(t, err, "not a member")

	strict := GreenEcologyRules()
	strict.RequireApproval = true
	_, err = strict.Issue(Application{
		Number: "X", Holder: h, Product: "p", Standards: []standard.Number{standard.MustParse("T/JGE 0041-2023")},
		Body: Body{Name: "江西省检验检测认证总院"}, Mode: Type5, Decided: day(2026, 1, 1),
	})
	assert.ErrorContains(t, err, "approval")
	assert.True(t, ValidApproval("CNCA-R-2002-001"))
	assert.False(t, ValidApproval("CNCA-2002-001"))
}

func TestLifecycle(t *testing.T) {
	t.Parallel()
	c := issue(t, synthetic(3))
	assert.Equal(t, Pending, c.StatusAt(day(2026, 1, 9)))
	assert.Equal(t, Valid, c.StatusAt(day(2026, 1, 10)))

	require.NoError(t, c.Surveil(day(2027, 1, 5), true, "年度监督"))
	require.NoError(t, c.Surveil(day(2027, 12, 20), false, "监督抽样不合格"))
	require.NoError(t, c.Suspend(day(2028, 1, 2), "监督发现不符合"))
	assert.Equal(t, Suspended, c.StatusAt(day(2028, 1, 3)))
	assert.Equal(t, Valid, c.StatusAt(day(2027, 12, 31)), "the history answers for earlier dates")

	err := c.Suspend(day(2028, 1, 5), "again")
	assert.ErrorIs(t, err, ErrTransition)
	var te *TransitionError
	require.ErrorAs(t, err, &te)
	assert.Equal(t, Suspended, te.Status)
	assert.Equal(t, "证书 JXGE-TEST-0001 在“暂停”状态下不能暂停", i18n.Error(err, language.Chinese))
	assert.Equal(t, "certificate JXGE-TEST-0001: cannot suspend it while it is suspended", i18n.Error(err, language.English))
	assert.ErrorIs(t, c.Renew(day(2028, 1, 6), day(2032, 1, 10), ""), ErrTransition, "a suspended certificate is not renewed")
	assert.ErrorIs(t, c.Reinstate(day(2027, 1, 1), ""), ErrTransition, "backdated")

	require.NoError(t, c.Reinstate(day(2028, 3, 1), "整改完成"))
	require.NoError(t, c.Renew(day(2028, 12, 1), day(2032, 1, 10), "再认证"))
	assert.Equal(t, Valid, c.StatusAt(day(2030, 6, 1)))
	assert.Equal(t, Expired, c.StatusAt(day(2032, 1, 10)))
	assert.Equal(t, Valid, c.StatusAt(day(2028, 11, 30)))
	assert.ErrorIs(t, c.Renew(day(2029, 1, 1), day(2031, 1, 1), ""), ErrApplication, "a renewal must extend")

	require.NoError(t, c.Cancel(day(2032, 2, 1), "到期未换证"))
	assert.Equal(t, Cancelled, c.StatusAt(day(2032, 2, 1)))
	assert.Equal(t, Cancelled, c.StatusAt(day(2040, 1, 1)), "cancelled stays cancelled")
	assert.ErrorIs(t, c.Revoke(day(2032, 3, 1), ""), ErrTransition)
	assert.Len(t, c.History, 7)

	r := issue(t, synthetic(4))
	require.NoError(t, r.Revoke(day(2026, 5, 1), "重大质量事故"))
	assert.Equal(t, Revoked, r.StatusAt(day(2030, 1, 1)))
	assert.ErrorIs(t, r.Reinstate(day(2026, 6, 1), ""), ErrTransition)
	assert.ErrorIs(t, r.Cancel(day(2026, 6, 1), ""), ErrTransition)

	x := issue(t, synthetic(5))
	assert.ErrorIs(t, x.Suspend(day(2029, 2, 1), ""), ErrTransition, "an expired certificate is not suspended")
	assert.ErrorIs(t, x.Surveil(day(2025, 2, 1), true, ""), ErrTransition, "before issue")
}

func TestDue(t *testing.T) {
	t.Parallel()
	r := GreenEcologyRules()
	c := issue(t, synthetic(6))
	s := r.Due(c, day(2026, 6, 1))
	assert.Equal(t, day(2027, 1, 10), s.Surveillance)
	assert.False(t, s.SurveillanceOverdue)
	assert.True(t, r.Due(c, day(2027, 2, 1)).SurveillanceOverdue)
	require.NoError(t, c.Surveil(day(2027, 1, 20), true, ""))
	s = r.Due(c, day(2027, 2, 1))
	assert.Equal(t, day(2028, 1, 20), s.Surveillance)
	assert.False(t, s.SurveillanceOverdue)
	require.NoError(t, c.Surveil(day(2028, 1, 15), true, ""))
	s = r.Due(c, day(2028, 6, 1))
	assert.True(t, s.Surveillance.IsZero(), "the next one would fall after expiry: recertification instead")
	require.NoError(t, c.Suspend(day(2028, 6, 1), ""))
	s = r.Due(c, day(2028, 12, 2))
	assert.Equal(t, Suspended, s.Status)
	assert.Equal(t, day(2028, 12, 1), s.SuspensionLimit)
	assert.True(t, s.SuspensionOverdue, "six months passed: revoke")
}

func TestStatusNames(t *testing.T) {
	t.Parallel()
	for s := Valid; s <= Pending; s++ {
		b, err := s.MarshalText()
		require.NoError(t, err)
		var back Status
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, s, back)
		assert.NotEqual(t, s.Localize(language.Chinese), s.Localize(language.English))
	}
	assert.Equal(t, "valid", Valid.String())
	assert.Equal(t, "有效", Valid.Localize(language.Chinese))
	assert.Equal(t, "revoked", Revoked.String())
	_, err := ParseStatus("gone")
	assert.Error(t, err)
}

func TestAlliance(t *testing.T) {
	t.Parallel()
	a := Alliance()
	require.Len(t, a, 6)
	assert.Equal(t, "江西省检验检测认证总院", a[0].Name)
	assert.Equal(t, Chair, a[0].Position)
	bodies := 0
	for _, b := range a {
		assert.Equal(t, brand.JiangxiGreen, b.Alliance)
		assert.Equal(t, "《“江西绿色生态”品牌建设知识问答（2022版）》 五", b.Source)
		assert.Empty(t, b.Approval, "no source gives the approval numbers")
		if b.Certifies {
			bodies++
		}
	}
	assert.Equal(t, 5, bodies)
	m, ok := AllianceMember(" 江西省认证认可协会 ")
	require.True(t, ok)
	assert.False(t, m.Certifies)
	a[0].Name = "changed"
	assert.Equal(t, "江西省检验检测认证总院", Alliance()[0].Name, "Alliance returns a copy")
}

func FuzzParseCreditCode(f *testing.F) {
	for i := 0; i < 5; i++ {
		f.Add(string(synthetic(i).Code))
	}
	for _, s := range []string{"", "91330100716105852F", "９１３３０１００７１６１０５８５２Ｆ", "9133 0100 7161 0585 2f", "I1330100716105852F", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := creditcode.Parse(s)
		if err != nil {
			var ce *creditcode.Error
			if !errors.As(err, &ce) || ce.Pos < -1 || ce.Pos > 17 {
				t.Fatalf("creditcode.Parse(%q): %v", s, err)
			}
			return
		}
		if !c.Valid() || len(c) != 18 {
			t.Fatalf("creditcode.Parse(%q) = %q, not canonical", s, c)
		}
		again, err := creditcode.Parse(string(c))
		if err != nil || again != c {
			t.Fatalf("canonical form %q does not parse back: %v", c, err)
		}
	})
}

func TestLastValidDay(t *testing.T) {
	cst := brand.ChinaTime()
	cases := []struct {
		expires time.Time
		want    string
	}{
		{time.Date(2028, 1, 10, 0, 0, 0, 0, cst), "2028-01-09"},
		{time.Date(2028, 1, 10, 0, 0, 0, 1, cst), "2028-01-10"},
		{time.Date(2028, 1, 9, 16, 0, 0, 0, time.UTC), "2028-01-09"}, // 2028-01-10 00:00 in China
		{time.Date(2028, 1, 9, 15, 59, 0, 0, time.UTC), "2028-01-09"},
		{time.Date(2028, 3, 1, 0, 0, 0, 0, cst), "2028-02-29"},
	}
	for _, c := range cases {
		got := LastValidDay(c.expires)
		assert.Equal(t, c.want, got.Format(time.DateOnly), "expires %v", c.expires)
		assert.Equal(t, cst, got.Location())
	}
	assert.True(t, LastValidDay(time.Time{}).IsZero())
}

// Every message a person reads exists in Chinese and English: an unknown
// mode, status or action names the value in both languages, and the error
// still wraps its sentinel.
func TestUnknownModeStatusActionNameTheValueInBothLanguages(t *testing.T) {
	t.Parallel()
	var m Mode
	var st Status
	var a Action
	_, parseMode := ParseMode("类型9")
	_, parseStatus := ParseStatus("作废了")
	_, encode := Mode(42).MarshalText()
	for _, tc := range []struct {
		name     string
		err      error
		sentinel error
		value    string
		zh       string
	}{
		{"ParseMode", parseMode, ErrMode, "类型9", "认证模式"},
		{"Mode.UnmarshalText", m.UnmarshalText([]byte("type 5")), ErrMode, "type 5", "认证模式"},
		{"ParseStatus", parseStatus, ErrStatus, "作废了", "证书状态"},
		{"Status.UnmarshalText", st.UnmarshalText([]byte("有效")), ErrStatus, "有效", "证书状态"},
		{"Action.UnmarshalText", a.UnmarshalText([]byte("explode")), ErrStatus, "explode", "证书操作"},
		{"Mode.MarshalText", encode, ErrMode, "42", "编码"},
	} {
		require.Error(t, tc.err, tc.name)
		assert.ErrorIs(t, tc.err, tc.sentinel, tc.name)
		zh, en := i18n.Error(tc.err, language.Chinese), i18n.Error(tc.err, language.English)
		assert.Contains(t, zh, tc.zh, tc.name)
		assert.Contains(t, zh, tc.value, tc.name)
		assert.Contains(t, en, tc.value, tc.name)
		assert.NotEqual(t, zh, en, tc.name)
		assert.Contains(t, tc.err.Error(), "certification: ", tc.name)
	}
}

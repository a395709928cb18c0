package source_test

import (
	"go/ast"
	"go/doc"
	"go/parser"
	"go/token"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/brand/source"
)

var dateRE = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)

// The register is complete: every entry has what a reader needs to find
// the document, every ID constant is in it and documented, and each Ref
// resolves to its own entry and no other.
func TestSourceRegisterComplete(t *testing.T) {
	t.Parallel()
	all := source.All()
	require.NotEmpty(t, all)
	for _, d := range all {
		assert.NotEmpty(t, d.ID)
		assert.Contains(t, []source.Kind{source.Policy, source.Standard, source.Report, source.Specification, source.Page}, d.Kind, d.ID)
		assert.NotEmpty(t, d.Ref, d.ID)
		assert.Equal(t, strings.TrimSpace(d.Ref), d.Ref, d.ID)
		assert.NotContains(t, d.Ref, "；", d.ID)
		assert.NotContains(t, d.Ref, ";", d.ID)
		assert.NotEmpty(t, d.About, d.ID)
		assert.True(t, d.Title != "" || d.Issuer != "", "%s: neither title nor issuer", d.ID)
		if d.Date != "" {
			assert.Regexp(t, dateRE, d.Date, d.ID)
			if len(d.Date) >= 4 && d.Number != "" && regexp.MustCompile(`\d{4}$`).MatchString(d.Number) &&
				!strings.Contains(d.Number, ":") && !strings.Contains(d.Number, "〔") {
				assert.True(t, strings.HasSuffix(d.Number, d.Date[:4]), "%s: number %s and date %s disagree", d.ID, d.Number, d.Date)
			}
		}
		if d.Number != "" {
			assert.Contains(t, d.Ref, d.Number, "%s: a numbered document is cited by its number", d.ID)
		}
		if d.URL != "" {
			u, err := url.Parse(d.URL)
			require.NoError(t, err, d.ID)
			assert.Contains(t, []string{"http", "https"}, u.Scheme, d.ID)
			assert.NotEmpty(t, u.Host, d.ID)
		} else {
			assert.False(t, d.Mirror, "%s: a mirror without an address", d.ID)
		}
		got, err := source.Resolve(d.Ref)
		require.NoError(t, err, d.Ref)
		require.Len(t, got, 1)
		assert.Equal(t, d.ID, got[0].Document.ID, "%s resolves to another entry", d.Ref)
		back, ok := source.Lookup(d.ID)
		require.True(t, ok)
		assert.Equal(t, d, back)
	}

	// go doc shows the register: one documented constant per entry.
	fset := token.NewFileSet()
	names, err := filepath.Glob("*.go")
	require.NoError(t, err)
	var files []*ast.File
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		require.NoError(t, err)
		files = append(files, f)
	}
	p, err := doc.NewFromFiles(fset, files, "github.com/jxgreen/jxgreen/brand/source")
	require.NoError(t, err)
	consts := map[source.ID]string{}
	for _, typ := range p.Types {
		if typ.Name != "ID" {
			continue
		}
		for _, c := range typ.Consts {
			for _, spec := range c.Decl.Specs {
				vs := spec.(*ast.ValueSpec)
				for i, n := range vs.Names {
					lit := vs.Values[i].(*ast.BasicLit).Value
					id := source.ID(strings.Trim(lit, `"`))
					assert.NotEmpty(t, strings.TrimSpace(vs.Doc.Text()), "%s has no doc comment", n.Name)
					assert.True(t, strings.HasPrefix(vs.Doc.Text(), n.Name+" is "), "%s: doc comment must start with its name", n.Name)
					consts[id] = vs.Doc.Text()
				}
			}
		}
	}
	assert.Len(t, consts, len(all), "one constant per register entry")
	for _, d := range all {
		text, ok := consts[d.ID]
		if assert.True(t, ok, "%s has no constant", d.ID) && d.Date != "" && d.Kind != source.Report {
			assert.Contains(t, strings.Join(strings.Fields(text), ""), strings.ReplaceAll(d.Date, " ", ""), "%s: its comment gives no date", d.ID)
		}
	}

	// The five policy documents the brand rests on, with their own numbers,
	// issuers and dates as the documents state them.
	for _, want := range []source.Document{
		{ID: source.GanBiao2021No1, Number: "赣标〔2021〕1号", Issuer: "江西省标准化战略领导小组", Date: "2021-11-09",
			Title: "关于打造“江西绿色生态”区域公用品牌的意见"},
		{ID: source.BrandQA2022, Title: "“江西绿色生态”品牌建设知识问答（2022版）", Date: "2022"},
		{ID: source.PressConference20211014, Issuer: "江西省政府新闻办、省市场监管局", Date: "2021-10-14",
			Title: "“标准促进可持续发展共建更加美好的世界”“江西绿色生态”品牌建设新闻发布会"},
		{ID: source.XunwuPilotPlan, Title: "寻乌县“江西绿色生态”品牌试点县创建工作实施方案"},
		{ID: source.SuZhengBanFa2022No21, Number: "苏政办发〔2022〕21号", Issuer: "江苏省人民政府办公厅", Date: "2022-03-19",
			Title: "省政府办公厅转发省市场监管局等部门关于深入推进绿色认证促进绿色低碳循环发展意见的通知"},
	} {
		d, ok := source.Lookup(want.ID)
		require.True(t, ok, want.ID)
		assert.Equal(t, want.Title, d.Title, want.ID)
		assert.Equal(t, want.Number, d.Number, want.ID)
		assert.Equal(t, want.Issuer, d.Issuer, want.ID)
		assert.Equal(t, want.Date, d.Date, want.ID)
	}
	// DB36/T 1138's year is not public: the register gives none.
	for _, d := range all {
		assert.NotRegexp(t, `1138-\d{4}`, d.Ref+d.Number+d.About+d.Title, d.ID)
	}
}

func TestResolve(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in    string
		ids   []source.ID
		parts []string
	}{
		{"赣标〔2021〕1号", []source.ID{source.GanBiao2021No1}, []string{""}},
		{"赣标〔2021〕1号 三(六)", []source.ID{source.GanBiao2021No1}, []string{"三(六)"}},
		{"  赣标〔2021〕1号   三(六) ", []source.ID{source.GanBiao2021No1}, []string{"三(六)"}},
		{"赣标〔2021〕1号 三(六)；苏政办发〔2022〕21号 (十三)", []source.ID{source.GanBiao2021No1, source.SuZhengBanFa2022No21}, []string{"三(六)", "(十三)"}},
		{"中新网 2021-08-02;中新网 2021-10-14", []source.ID{source.ChinaNews20210802, source.ChinaNews20211014}, []string{"", ""}},
		{"T/JGE 0023-2022 引言", []source.ID{source.TJGE00232022}, []string{"引言"}},
	} {
		got, err := source.Resolve(tc.in)
		require.NoError(t, err, tc.in)
		require.Len(t, got, len(tc.ids), tc.in)
		for i := range got {
			assert.Equal(t, tc.ids[i], got[i].Document.ID, tc.in)
			assert.Equal(t, tc.parts[i], got[i].Part, tc.in)
		}
	}
	assert.Equal(t, "赣标〔2021〕1号 三(六)", source.Cite(source.GanBiao2021No1, " 三(六) "))
	assert.Equal(t, "中新网 2021-08-02；T/JGE 0023-2022", source.Join(source.Cite(source.ChinaNews20210802, ""), source.Cite(source.TJGE00232022, "")))
}

// Citations that name no document, or only look like one, are refused with
// a typed error that names the offending citation in both languages.
func TestResolveRefusesUnknownSources(t *testing.T) {
	t.Parallel()
	for _, in := range []string{
		"", " ", "；", "赣标〔2021〕1号；", "se" + "ed 001: 知识问答", "pu" + "b (DOM" + "AIN.md §2)",
		"赣标〔2021〕2号", "赣标〔2021〕1号X", "T/JGE 0023-20221", "t/jge 0023-2022", "中新网",
		"赣标〔2021〕1号；nonsense", "\xff\xfe", strings.Repeat("赣", 10000),
	} {
		_, err := source.Resolve(in)
		require.Error(t, err, "%q", in)
		assert.ErrorIs(t, err, source.ErrUnknownSource)
		var ce *source.CitationError
		require.ErrorAs(t, err, &ce)
		assert.Contains(t, i18n.Error(err, language.Chinese), "来源")
		assert.Contains(t, i18n.Error(err, language.English), "register")
	}
	assert.Panics(t, func() { source.Cite("no-such-id", "") })
	_, ok := source.Lookup("no-such-id")
	assert.False(t, ok)
}

func TestAllReturnsACopy(t *testing.T) {
	t.Parallel()
	a := source.All()
	a[0].Title = "changed"
	assert.NotEqual(t, "changed", source.All()[0].Title)
	assert.Equal(t, "policy", source.Policy.String())
	assert.Equal(t, "政策文件", source.Policy.Localize(language.Chinese))
	assert.Equal(t, "web page", source.Page.Localize(language.English))
	d, ok := source.Lookup(source.GanBiao2021No1)
	require.True(t, ok)
	assert.Contains(t, d.String(), "江西省标准化战略领导小组")
}

func BenchmarkResolve(b *testing.B) {
	const s = "赣标〔2021〕1号 三(六)；苏政办发〔2022〕21号 (十三)"
	b.ReportAllocs()
	for b.Loop() {
		if _, err := source.Resolve(s); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzResolve: Resolve never panics, and what it accepts it gives back in a
// form that resolves to the same documents and parts.
func FuzzResolve(f *testing.F) {
	for _, d := range source.All() {
		f.Add(d.Cite("一"))
	}
	f.Add("赣标〔2021〕1号 三(六)；苏政办发〔2022〕21号 (十三)")
	f.Add("；;；")
	f.Fuzz(func(t *testing.T, s string) {
		cs, err := source.Resolve(s)
		if err != nil {
			return
		}
		var parts []string
		for _, c := range cs {
			parts = append(parts, c.String())
		}
		again, err := source.Resolve(source.Join(parts...))
		require.NoError(t, err)
		require.Len(t, again, len(cs))
		for i := range cs {
			assert.Equal(t, cs[i].Document.ID, again[i].Document.ID)
			assert.Equal(t, cs[i].Part, again[i].Part)
		}
	})
}

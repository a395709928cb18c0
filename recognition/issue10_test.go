package recognition_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/recognition"
	"github.com/jxgreen/jxgreen/recognition/jiangsu"
	"github.com/jxgreen/jxgreen/recognition/zhejiang"
)

// validFormat is a made-up scheme's format ("issue10test"), valid as it
// stands; each case below breaks one thing.
func validFormat() recognition.Format {
	return recognition.Format{Scheme: "issue10test", Number: "证书编号", HolderName: "企业名称", HolderCode: "统一社会信用代码",
		Product: "产品名称", Standards: "认证标准", Body: "认证机构", Approval: "批准号", Mode: "认证模式",
		Issued: "颁证日期", Expires: "有效期至", Status: "证书状态", Attributes: "品牌属性", Note: "备注",
		Statuses: recognition.CommonStatuses(), Certifies: true, Title: "test", Description: "synthetic test format"}
}

// Issue 10, "Adding a scheme: Format is validated": each refusal names the
// field, in both languages, before a schema is written.
func TestFormatValidateRefusesEmptyDuplicateAndMissingFields(t *testing.T) {
	require.NoError(t, validFormat().Validate())
	for _, tc := range []struct {
		name    string
		edit    func(*recognition.Format)
		field   string
		problem string
	}{
		{"no scheme", func(f *recognition.Format) { f.Scheme = "" }, "Scheme", "empty"},
		{"empty field name", func(f *recognition.Format) { f.HolderCode = "" }, "HolderCode", "empty"},
		{"required status field missing", func(f *recognition.Format) { f.Status = "" }, "Status", "empty"},
		{"duplicate field name", func(f *recognition.Format) { f.Expires = f.Issued }, "Expires", "duplicate"},
		{"optional field on a required key", func(f *recognition.Format) { f.Note = f.Number }, "Note", "duplicate"},
		{"no status words", func(f *recognition.Format) { f.Statuses = nil }, "Statuses", "none"},
		{"duplicate status word", func(f *recognition.Format) {
			f.Statuses = append(f.Statuses, recognition.StatusWord{Word: "有效", Status: certification.Revoked})
		}, "Statuses[15]", "duplicate-word"},
		{"empty status word", func(f *recognition.Format) {
			f.Statuses = []recognition.StatusWord{{Word: "", Status: certification.Valid}}
		}, "Statuses[0]", "empty"},
		{"status word too long for the schema", func(f *recognition.Format) {
			f.Statuses = []recognition.StatusWord{{Word: "有效有效有效有效有效有效有效有效有效有效有", Status: certification.Valid}}
		}, "Statuses[0]", "too-long"},
		{"word of no status", func(f *recognition.Format) {
			f.Statuses = []recognition.StatusWord{{Word: "有效", Status: 0}}
		}, "Statuses[0]", "status"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := validFormat()
			tc.edit(&f)
			err := f.Validate()
			require.Error(t, err)
			assert.ErrorIs(t, err, recognition.ErrFormat)
			var fe *recognition.FormatError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tc.field, fe.Field)
			assert.Equal(t, tc.problem, fe.Problem)
			zh, en := i18n.Error(err, language.Chinese), i18n.Error(err, language.English)
			assert.Contains(t, zh, tc.field)
			assert.Contains(t, en, tc.field)
			assert.NotEqual(t, zh, en)
			assert.NotContains(t, zh+en, "%!")
			// NewFlatAdapter refuses it before compiling any schema.
			func() {
				defer func() { assert.Equal(t, err, recover()) }()
				recognition.NewFlatAdapter(f, brand.Brand{ID: f.Scheme}, recognition.Agreement{}, []byte(`{}`))
				t.Error("NewFlatAdapter accepted the format")
			}()
		})
	}
}

// Issue 10, "Registered adapters are immutable": what an accessor hands
// out is a copy, and changing it (or the status table) changes no adapter.
func TestRegisteredFlatAdaptersHandOutCopies(t *testing.T) {
	a := jiangsu.Adapter()
	f := a.Format()
	want := f.Statuses[0]
	f.Statuses[0] = recognition.StatusWord{Word: "有效", Status: certification.Revoked}
	f.Number = "x"
	assert.Equal(t, want, a.Format().Statuses[0])
	assert.NotEqual(t, "x", a.Format().Number)

	common := recognition.CommonStatuses()
	common[0].Status = certification.Revoked
	assert.Equal(t, certification.Valid, recognition.CommonStatuses()[0].Status)
	assert.Equal(t, certification.Valid, zhejiang.Adapter().Format().Statuses[0].Status)

	b := a.Brand()
	b.Attributes = append(b.Attributes[:0], brand.FoodSafety)
	ag := a.Agreement()
	if len(ag.Attributes) > 0 {
		ag.Attributes[0] = brand.FoodSafety
	}
	assert.Equal(t, jiangsu.Adapter().Brand(), a.Brand())
	assert.Equal(t, a.Agreement(), jiangsu.Adapter().Agreement())
	reg, ok := recognition.Lookup("jiangsu")
	require.True(t, ok)
	assert.Same(t, a, reg.(*recognition.FlatAdapter))
}

// Issue 10, "The status words have one home": the words Encode writes are
// the statuses' own Chinese names (certification.Status), every flat
// adapter reads the one table, and its schema lists the same words.
func TestStatusWordsHaveOneHome(t *testing.T) {
	common := recognition.CommonStatuses()
	for i, s := range []certification.Status{certification.Valid, certification.Suspended, certification.Revoked, certification.Cancelled, certification.Expired} {
		assert.Equal(t, s.Localize(language.Chinese), common[i].Word)
		assert.Equal(t, s, common[i].Status)
	}
	for _, a := range recognition.Adapters() {
		flat, ok := a.(*recognition.FlatAdapter)
		if !ok {
			continue
		}
		assert.Equal(t, common, flat.Format().Statuses, a.Brand().ID)
		for _, w := range common {
			assert.Contains(t, string(flat.Schema()), `"`+w.Word+`"`, a.Brand().ID)
		}
	}
	assert.False(t, errors.Is(nil, recognition.ErrFormat))
}

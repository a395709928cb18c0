package recognition_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/recognition"
	"github.com/jxgreen/jxgreen/recognition/shenzhen"
	"github.com/jxgreen/jxgreen/recognition/zhejiang"
	"github.com/jxgreen/jxgreen/standard"
)

// TestEncodeRefusesWhatTheFormatCannotHold: Encode refuses, with an
// *EncodeError in both languages, a record its format cannot hold or whose
// native form its own schema refuses; Export writes what Encode refuses
// for want of a field, leaving the field out.
func TestEncodeRefusesWhatTheFormatCannotHold(t *testing.T) {
	t.Parallel()
	day := time.Date(2025, 1, 10, 0, 0, 0, 0, brand.ChinaTime())
	good := recognition.Record{
		Scheme: brand.JiangxiGreen, Number: "JXGE-SYN-ENC", Holder: certification.Holder{Name: "合成样例公司", Code: "91360100MA91000117"},
		Product: "金溪蜜梨", Standards: []standard.Number{standard.MustParse("T/JGE 0039-2023")},
		Body: certification.Body{Name: "合成样例认证有限公司", Approval: "CNCA-R-2099-001", Certifies: true}, Mode: certification.Type5,
		Issued: day, Expires: day.AddDate(3, 0, 0), Status: certification.Valid,
	}
	_, err := zhejiang.Adapter().Encode(good)
	require.NoError(t, err)
	for _, tc := range []struct {
		name    string
		to      *recognition.FlatAdapter
		edit    func(r *recognition.Record)
		problem string
		export  bool // Export writes it all the same
	}{
		{"pending", zhejiang.Adapter(), func(r *recognition.Record) { r.Status = certification.Pending }, "status", false},
		{"mode in an evaluation list", shenzhen.Adapter(), func(r *recognition.Record) { r.Body.Approval = "" }, "mode-unrecorded", true},
		{"approval in an evaluation list", shenzhen.Adapter(), func(r *recognition.Record) { r.Mode = 0 }, "approval-unrecorded", true},
		{"no standards", zhejiang.Adapter(), func(r *recognition.Record) { r.Standards = nil }, "standards", false},
		{"no dates", zhejiang.Adapter(), func(r *recognition.Record) { r.Expires = time.Time{} }, "dates", false},
		{"too long", zhejiang.Adapter(), func(r *recognition.Record) { r.Product = strings.Repeat("梨", 300) }, "too-long", false},
		{"a code the schema refuses", zhejiang.Adapter(), func(r *recognition.Record) { r.Holder.Code = "not a code" }, "schema", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := good.Clone()
			tc.edit(&r)
			out, err := tc.to.Encode(r)
			assert.Nil(t, out)
			var ee *recognition.EncodeError
			require.True(t, errors.As(err, &ee), "%v", err)
			assert.Equal(t, tc.problem, ee.Problem)
			assert.ErrorIs(t, err, recognition.ErrEncode)
			zh, en := i18n.Error(err, language.Chinese), i18n.Error(err, language.English)
			assert.Contains(t, zh, "无法按方案")
			assert.Contains(t, en, "cannot be written")
			assert.NotContains(t, zh+en, "%!")
			_, err = tc.to.Export(r)
			assert.Equal(t, tc.export, err == nil, "%v", err)
		})
	}
}

package fastpath

import (
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"

	"github.com/jxgreen/jxgreen/recognition/internal/jsonscan"
)

// scanReference is Scan as it was before it copied only the values: each
// string a piece of one copy of the whole record (jsonscan.FlatObject),
// each array grown on its own. FuzzScanAgreesWithReference holds Scan to it.
func scanReference(keys *Keys, native []byte, valid bool) (slots Slots, ok bool) {
	unknown := false
	next := 0
	find := func(key []byte) int {
		for n := range NFields {
			i := (next + n) % NFields
			if k := keys[i]; k != "" && k == string(key) {
				if slots[i].Set {
					unknown = true
					return -1
				}
				next = i + 1
				return i
			}
		}
		unknown = true
		return -1
	}
	ok = jsonscan.FlatObject(native, valid,
		func(key []byte, val string) {
			if i := find(key); i >= 0 {
				slots[i] = Slot{Set: true, S: val}
			}
		},
		func(key []byte, vals []string) {
			if i := find(key); i >= 0 {
				slots[i] = Slot{Set: true, IsArr: true, Arr: vals}
			}
		})
	if !ok || unknown || !admits(keys, &slots) {
		return Slots{}, false
	}
	return slots, true
}

// admits applies the rules of the format's JSON Schema to the scanned
// fields, as Scan did before mayAdmit checked the credit code's shape.
func admits(keys *Keys, s *Slots) bool {
	if c := s[HolderCode]; c.Set && !c.IsArr && !creditShape(c.S) {
		return false
	}
	return admitsShaped(keys, s)
}

// scanKeys are the keys of a synthetic format with every field.
var scanKeys = Keys{
	Number: "证书编号", HolderName: "企业名称", HolderCode: "统一社会信用代码", Product: "产品名称",
	Standards: "产品标准", Body: "认证机构", Approval: "批准号", Mode: "认证模式", Issued: "发证日期",
	Expires: "有效期至", Status: "状态", Attributes: "属性", Note: "备注",
}

// scanSamples are synthetic records for the scan: valid ones, with
// arrays in any order, empty arrays, repeated and unknown keys, escapes,
// too many items, trailing text.
var scanSamples = []string{
	`{"证书编号":"SYN-1","企业名称":"合成样例企业","统一社会信用代码":"91360100MA9000002N","产品名称":"赣南脐橙","产品标准":["Q/GCSYN 9001-2099","GB/T 1-2020"],"认证机构":"合成样例机构","批准号":"CNCA-R-2002-001","认证模式":"5","发证日期":"2025-01-10","有效期至":"2028-01-09","状态":"有效","属性":["资源节约","环境保护"],"备注":"合成样例"}`,
	`{"属性":[],"证书编号":"SYN-1","企业名称":"合成样例企业","统一社会信用代码":"91360100MA9000002N","产品名称":"赣南脐橙","产品标准":["Q/GCSYN 9001-2099"],"认证机构":"合成样例机构","认证模式":"5","发证日期":"2025-01-10","有效期至":"2028-01-09","状态":"有效","备注":""}`,
	` { "证书编号" : "SYN-1" , "企业名称":"合成样例企业","统一社会信用代码":"91360100MA9000002N","产品名称":"赣南脐橙","产品标准":[ "Q/GCSYN 9001-2099" ],"认证机构":"合成样例机构","认证模式":"5","发证日期":"2025-01-10","有效期至":"2028-01-09","状态":"有效" } `,
	`{"证书编号":"SYN-1","证书编号":"SYN-2"}`,
	`{"证书编号":"SYN-1","x":"y"}`,
	`{"证书编号":"SYN\"-1"}`,
	`{"产品标准":["a1","a2","a3","a4","a5","a6","a7","a8","a9","b1","b2","b3","b4","b5","b6","b7","b8"]}`,
	`{"证书编号":"SYN-1"} x`,
	`{}`,
}

// FuzzScanAgreesWithReference holds Scan to scanReference on any record:
// the same answer, the same fields.
func FuzzScanAgreesWithReference(f *testing.F) {
	for _, s := range scanSamples {
		f.Add([]byte(s), true)
		f.Add([]byte(s), false)
	}
	f.Fuzz(func(t *testing.T, native []byte, valid bool) {
		if valid && !utf8.Valid(native) {
			valid = false // valid promises UTF-8
		}
		keys := scanKeys
		want, wantOK := scanReference(&keys, native, valid)
		got, gotOK := Scan(&keys, native, valid)
		assert.Equal(t, wantOK, gotOK, "%q", native)
		assert.Equal(t, want, got, "%q", native)
	})
}

// TestScanAgreesWithReference runs the fuzz target's seeds, and checks
// that the first, full record is read by the fast path at all.
func TestScanAgreesWithReference(t *testing.T) {
	keys := scanKeys
	s, ok := Scan(&keys, []byte(scanSamples[0]), true)
	assert.True(t, ok)
	assert.Equal(t, []string{"资源节约", "环境保护"}, s[Attributes].Arr)
	assert.Equal(t, "合成样例", s[Note].S)
}

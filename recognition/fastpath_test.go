package recognition

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/recognition/internal/jsonscan"
)

// testFormat uses every feature of Format: approval, mode, attributes and
// note. Its keys are those of the 品字标 samples, which seed the fuzzer.
var testFormat = Format{
	Scheme: "fasttest", Number: "证书编号", HolderName: "企业名称", HolderCode: "统一社会信用代码",
	Product: "产品名称", Standards: "认证标准", Body: "认证机构", Approval: "批准号", Mode: "认证模式",
	Issued: "颁证日期", Expires: "有效期至", Status: "证书状态", Attributes: "品牌属性", Note: "备注",
	Statuses: CommonStatuses(), Certifies: true, Title: "test", Description: "test",
}

var testAdapter = NewFlatAdapter(testFormat, brand.Brand{ID: "fasttest"}, Agreement{}, testFormat.JSONSchema())

func seeds(tb testing.TB) [][]byte {
	files, err := filepath.Glob("../testdata/zhejiang/*.json")
	require.NoError(tb, err)
	var out [][]byte
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(tb, err)
		out = append(out, b)
	}
	return out
}

// agree checks the fast path against the schema on one input: what the
// fast path decides, the schema decides the same way; what it declines and
// the schema accepts must be input the fast path does not read (escapes,
// invalid UTF-8).
func agree(t *testing.T, native []byte) {
	fastRec, decided, fastErr := testFormat.decodeFast(native)
	slowRec, slowErr := testAdapter.DecodeBySchema(native)
	if decided {
		if (fastErr == nil) != (slowErr == nil) {
			t.Fatalf("fast and schema disagree on %q:\nfast: %v\nslow: %v", native, fastErr, slowErr)
		}
		if fastErr != nil && fastErr.Error() != slowErr.Error() {
			t.Fatalf("different errors on %q:\nfast: %v\nslow: %v", native, fastErr, slowErr)
		}
		if fastErr == nil && !equalRecords(fastRec, slowRec) {
			t.Fatalf("different records on %q:\n%+v\n%+v", native, fastRec, slowRec)
		}
		return
	}
	if slowErr == nil && !bytes.Contains(native, []byte{'\\'}) && utf8.Valid(native) {
		t.Fatalf("the fast path declined plain input the schema accepts: %q", native)
	}
}

func equalRecords(a, b Record) bool {
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	return bytes.Equal(ja, jb)
}

func TestFastPathAgreesOnSamples(t *testing.T) {
	decidedValid := 0
	for _, s := range seeds(t) {
		agree(t, s)
		if _, decided, err := testFormat.decodeFast(s); decided && err == nil {
			decidedValid++
		}
	}
	assert.Greater(t, decidedValid, 5, "the fast path takes the valid samples")
	for _, in := range []string{
		`{"证书编号":"a\u0062"}`, `{"证书编号":1}`, `{}`, `[]`, ``, `{"a":"b"}`, `{"证书编号":"x","证书编号":["y"]}`,
	} {
		agree(t, []byte(in))
	}
}

// hostileSeeds are inputs with duplicate keys and values past the
// bounds, built from a sample, for the differential tests.
func hostileSeeds(tb testing.TB) [][]byte {
	s := seeds(tb)
	require.NotEmpty(tb, s)
	base := bytes.TrimSpace(s[0])
	open := base[:len(base)-1] // without the closing brace
	return [][]byte{
		append(bytes.Clone(open), `,"证书状态":"有效"}`...),
		append(bytes.Clone(open), `,"\u8bc1书状态":"有效"}`...),
		append(bytes.Clone(open), `,"x":{"a":1,"a":2}}`...),
		append(bytes.Clone(open), `,"认证标准":[`+strings.TrimSuffix(strings.Repeat(`"ab",`, jsonscan.MaxItems+1), ",")+`]}`...),
		append(bytes.Clone(open), `,"备注":"`+strings.Repeat("长", jsonscan.MaxString/3+1)+`"}`...),
		append(bytes.Clone(open), `,"x":`+strings.Repeat("[", jsonscan.MaxDepth+1)+strings.Repeat("]", jsonscan.MaxDepth+1)+`}`...),
	}
}

func TestFastPathAgreesOnDuplicatesAndBounds(t *testing.T) {
	for _, in := range hostileSeeds(t) {
		agree(t, in)
		_, err := testAdapter.Decode(in)
		require.Error(t, err, "%.80s", in)
		assert.True(t, errors.Is(err, ErrDuplicateKey) || errors.Is(err, ErrTooLarge), "%v", err)
	}
}

func FuzzFastPathAgreesWithSchema(f *testing.F) {
	for _, s := range seeds(f) {
		f.Add(s)
	}
	for _, s := range hostileSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, native []byte) { agree(t, native) })
}

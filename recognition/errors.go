package recognition

import (
	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/recognition/internal/schema"
)

// Sentinel errors of the package, for errors.Is. A [*DecodeError] wraps
// one of the first five; a [*WriteError] wraps ErrWrite, an
// [*EncodingError] ErrNotUTF8.
var (
	// ErrSyntax: the input is not JSON (or is truncated, or not UTF-8).
	ErrSyntax = schema.ErrSyntax
	// ErrSchema: the JSON does not conform to the scheme's JSON Schema.
	ErrSchema = schema.ErrSchema
	// ErrValue: a value conforms to the schema but is wrong all the same
	// (a credit code with a wrong check character, expiry before issue).
	ErrValue = schema.ErrValue
	// ErrDuplicateKey: an object has the same key twice. RFC 7493 (I-JSON)
	// forbids it, and encoding/json would silently keep the last one: a
	// record that says both 撤销 and 有效 must not be read as either.
	ErrDuplicateKey = schema.ErrDuplicateKey
	// ErrTooLarge: an array, object, string or nesting goes past the
	// bounds of what is read (256 items, 256 members, 16 KiB a string,
	// 32 levels).
	ErrTooLarge = schema.ErrTooLarge
	// ErrEncode: a record cannot be put in a scheme's native format.
	ErrEncode = i18n.NewSentinel("recognition.ErrEncode", "记录无法转换为该方案的格式", "the record cannot be expressed in the scheme's format")
	// ErrUnknownScheme: no adapter is registered under that name.
	ErrUnknownScheme = i18n.NewSentinel("recognition.ErrUnknownScheme", "未知的品牌方案", "unknown scheme")
	// ErrWrite: the output could not be written.
	ErrWrite = i18n.NewSentinel("recognition.ErrWrite", "无法写出结果", "the output could not be written")
	// ErrFormat: a Format cannot describe a native record. A
	// [*FormatError] wraps it.
	ErrFormat = i18n.NewSentinel("recognition.ErrFormat", "方案格式定义有误", "a scheme's Format is wrong")
	// ErrNotUTF8: the input is not UTF-8.
	ErrNotUTF8 = i18n.NewSentinel("recognition.ErrNotUTF8", "输入不是 UTF-8 编码", "the input is not UTF-8")
)

// DecodeError reports why a native record was refused, and where: the
// scheme, the JSON pointer (RFC 6901) of the offending value, the rule that
// failed (a JSON Schema keyword, or "syntax", "encoding", "value",
// "duplicateKey", "bound"), and for a value error its cause. It unwraps to
// one of ErrSyntax, ErrSchema, ErrValue, ErrDuplicateKey, ErrTooLarge.
type DecodeError = schema.DecodeError

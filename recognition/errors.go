package recognition

import (
	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/recognition/internal/schema"
)

// Sentinel errors of the package, for errors.Is. A [*DecodeError] wraps
// one of the first five; a [*WriteError] wraps ErrWrite, an
// [*EncodingError] ErrNotUTF8; the data files' errors wrap the last five.
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
	// ErrWrite: the output could not be written.
	ErrWrite = i18n.NewSentinel("recognition.ErrWrite", "无法写出结果", "the output could not be written")
	// ErrFormat: a Format cannot describe a native record. A
	// [*FormatError] wraps it.
	ErrFormat = i18n.NewSentinel("recognition.ErrFormat", "方案格式定义有误", "a scheme's Format is wrong")
	// ErrNotUTF8: the input is not UTF-8.
	ErrNotUTF8 = i18n.NewSentinel("recognition.ErrNotUTF8", "输入不是 UTF-8 编码", "the input is not UTF-8")
	// ErrAgreement: an agreement file, or a set of agreements, is wrong.
	// An [*AgreementError] wraps it and one of ErrSyntax, ErrSchema,
	// ErrValue, ErrDuplicateKey, ErrTooLarge or ErrOverlap.
	ErrAgreement = i18n.NewSentinel("recognition.ErrAgreement", "协议文件有误", "an agreement file is wrong")
	// ErrOverlap: two versions of the terms between the same two schemes
	// are in force on the same day, or an id and version are given twice.
	ErrOverlap = i18n.NewSentinel("recognition.ErrOverlap", "协议的版本相互重叠", "versions of an agreement overlap")
	// ErrSchemeDefinition: a scheme definition file does not load. A
	// [*SchemeError] wraps it.
	ErrSchemeDefinition = i18n.NewSentinel("recognition.ErrSchemeDefinition", "方案定义文件有误", "a scheme definition file is wrong")
	// ErrSchemeTaken: a scheme loaded at run time has the id or a name of a
	// scheme that is registered already. A [*SchemeTakenError] wraps it.
	ErrSchemeTaken = i18n.NewSentinel("recognition.ErrSchemeTaken", "方案的编号或名称已被占用", "the id or a name of the scheme is taken")
	// ErrStatusNotCarried: the adapter [Export] was given writes no status
	// ([StatusCarrier]), so that the partner would read every certificate's
	// status as unknown. An [*ExportError] wraps it.
	ErrStatusNotCarried = i18n.NewSentinel("recognition.ErrStatusNotCarried",
		"该适配器写出的记录不带证书状态，对方读到的状态将是未知（撤销的与有效的无从区分）：请改用能写入状态的适配器，如 untp.Issuer",
		"the adapter writes records without the certificate's status, which the partner would read as unknown (a revoked certificate could not be told from a valid one): use an adapter that writes it, such as untp.Issuer")
)

// The largest data files read, in bytes: 1 MiB each, far more than any
// real agreement or scheme definition needs.
const (
	// MaxAgreementFile is the largest agreement file [LoadAgreements] reads.
	MaxAgreementFile = 1 << 20
	// MaxSchemeSize is the largest scheme definition [LoadScheme] reads.
	MaxSchemeSize = 1 << 20
)

// DecodeError reports why a native record was refused, and where: the
// scheme, the JSON pointer (RFC 6901) of the offending value, the rule that
// failed (a JSON Schema keyword, or "syntax", "encoding", "value",
// "duplicateKey", "bound"), and for a value error its cause. It unwraps to
// one of ErrSyntax, ErrSchema, ErrValue, ErrDuplicateKey, ErrTooLarge.
type DecodeError = schema.DecodeError

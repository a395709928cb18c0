package standard

import (
	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand/i18n/enum"

	"github.com/jxgreen/jxgreen/brand/fold"
)

// Kind is the level of a standard in the Chinese standard system
// (《中华人民共和国标准化法》 art. 2).
type Kind int

// The kinds of standard.
const (
	National   Kind = iota + 1 // 国家标准: GB, GB/T, GB/Z
	Industry                   // 行业标准: NY/T, QB/T, …
	Local                      // 地方标准: DB36/T, DB4403/T, …
	Group                      // 团体标准: T/JGE, T/ZZB, …
	Enterprise                 // 企业标准: Q/…
	// International is a standard of ISO, IEC or both (国际标准):
	// ISO 14064-1:2018, ISO/IEC 17065:2012, IEC 60335-1:2020, ISO/TS 14067:2013.
	International
	// Foreign is a regional or other country's standard (国外标准) as partners
	// and UNTP credentials cite them: EN 71-3:2019, BS EN 71-3:2019,
	// DIN EN ISO 14001:2015, ASTM D6400-21, JIS Z 2801:2010.
	Foreign
)

var kindNames = enum.New("Kind", "standard.kind.",
	[3]string{"national", "国家标准", "national standard"},
	[3]string{"industry", "行业标准", "industry standard"},
	[3]string{"local", "地方标准", "local standard"},
	[3]string{"group", "团体标准", "group standard"},
	[3]string{"enterprise", "企业标准", "enterprise standard"},
	[3]string{"international", "国际标准", "international standard"},
	[3]string{"foreign", "国外标准", "foreign standard"},
)

// kindShort are the short Chinese names people write: 国标, 行标, ….
var kindShort = map[string]Kind{"国标": National, "行标": Industry, "地标": Local, "团标": Group, "企标": Enterprise, "国外先进标准": Foreign}

// Valid reports whether k is one of the declared kinds.
func (k Kind) Valid() bool { return kindNames.Valid(int(k)) }

// String returns the stable code of the kind, for example "group".
// [Kind.Localize] gives its name for a person ("团体标准").
func (k Kind) String() string { return kindNames.Code(int(k)) }

// Localize names the kind in the language that best matches tag.
func (k Kind) Localize(tag language.Tag) string { return kindNames.Localize(int(k), tag) }

// ParseKind returns the kind named by s: its Chinese name ("团体标准" or the
// short "团标"), its English name ("group standard") or its code ("group").
func ParseKind(s string) (Kind, error) {
	if k, ok := kindNames.ParseFolded(s); ok {
		return Kind(k), nil
	}
	if k, ok := kindShort[fold.Word(s)]; ok {
		return k, nil
	}
	return 0, ErrKind.With("standard.case.kind", s)
}

// MarshalText encodes the kind as its code.
func (k Kind) MarshalText() ([]byte, error) {
	if !k.Valid() {
		return nil, ErrKind.With("standard.case.encode", k)
	}
	return []byte(k.String()), nil
}

// UnmarshalText decodes any name [ParseKind] accepts.
func (k *Kind) UnmarshalText(b []byte) error {
	v, err := ParseKind(string(b))
	if err != nil {
		return err
	}
	*k = v
	return nil
}

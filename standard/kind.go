package standard

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand/i18n"
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
)

var kindNames = [...]struct{ zh, short, en, code string }{
	National:   {"国家标准", "国标", "national standard", "national"},
	Industry:   {"行业标准", "行标", "industry standard", "industry"},
	Local:      {"地方标准", "地标", "local standard", "local"},
	Group:      {"团体标准", "团标", "group standard", "group"},
	Enterprise: {"企业标准", "企标", "enterprise standard", "enterprise"},
}

func init() {
	for k := National; k <= Enterprise; k++ {
		n := kindNames[k]
		i18n.Set("standard.kind."+n.code, n.zh, n.en)
	}
}

// Valid reports whether k is one of the declared kinds.
func (k Kind) Valid() bool { return k >= National && k <= Enterprise }

// String returns the Chinese name of the kind, for example "团体标准".
func (k Kind) String() string {
	if !k.Valid() {
		return fmt.Sprintf("Kind(%d)", int(k))
	}
	return kindNames[k].zh
}

// Code returns the stable machine name of the kind, for example "group".
func (k Kind) Code() string {
	if !k.Valid() {
		return fmt.Sprintf("kind-%d", int(k))
	}
	return kindNames[k].code
}

// Localize names the kind in the language that best matches tag.
func (k Kind) Localize(tag language.Tag) string {
	if !k.Valid() {
		return k.String()
	}
	return i18n.Sprintf(tag, "standard.kind."+k.Code())
}

// ParseKind returns the kind named by s: its Chinese name ("团体标准" or the
// short "团标"), its English name ("group standard") or its code ("group").
func ParseKind(s string) (Kind, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	for k := National; k <= Enterprise; k++ {
		n := kindNames[k]
		if t == n.zh || t == n.en || t == n.code || t == n.short {
			return k, nil
		}
	}
	return 0, fmt.Errorf("standard: unknown kind %q: %w", s, ErrKind)
}

// MarshalText encodes the kind as its code.
func (k Kind) MarshalText() ([]byte, error) {
	if !k.Valid() {
		return nil, fmt.Errorf("standard: cannot encode %v: %w", k, ErrKind)
	}
	return []byte(k.Code()), nil
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

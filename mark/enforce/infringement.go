package enforce

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/i18n/enum"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/mark"
)

// Offence is a kind of infringement of the mark. 赣标〔2021〕1号 三(五) names
// forgery, alteration and sale of the brand's marks (伪造、变造、买卖); misuse covers
// use without or beyond a valid certificate.
type Offence int

// The offences.
const (
	Forgery    Offence = iota + 1 // 伪造
	Alteration                    // 变造
	Sale                          // 买卖
	Misuse                        // 冒用、滥用
)

var offenceNames = enum.New("Offence", "enforce.offence.",
	[3]string{"forgery", "伪造", "forgery"},
	[3]string{"alteration", "变造", "alteration"},
	[3]string{"sale", "买卖", "sale"},
	[3]string{"misuse", "冒用", "misuse"},
)

// String returns the stable code of the offence, for example "forgery".
func (o Offence) String() string { return offenceNames.Code(int(o)) }

// Localize names the offence in the language that best matches tag.
func (o Offence) Localize(tag language.Tag) string { return offenceNames.Localize(int(o), tag) }

// MarshalText encodes the offence as its code.
func (o Offence) MarshalText() ([]byte, error) {
	if !offenceNames.Valid(int(o)) {
		return nil, fmt.Errorf("enforce: cannot encode %v: %w", o, ErrOffence)
	}
	return []byte(o.String()), nil
}

// UnmarshalText decodes an offence code or its Chinese name.
func (o *Offence) UnmarshalText(b []byte) error {
	v, ok := offenceNames.Parse(string(b))
	if !ok {
		return fmt.Errorf("enforce: unknown offence %q: %w", b, ErrOffence)
	}
	*o = Offence(v)
	return nil
}

// Infringement is a decided infringement of the mark, as it is published on
// the public credit platform (省公共信用信息平台, "信用中国（江西）", 赣标〔2021〕1号
// 三(五)).
type Infringement struct {
	Offence Offence              `json:"offence"`
	Party   certification.Holder `json:"party"`
	// Certificate is the certificate number involved, if any.
	Certificate string `json:"certificate,omitempty"`
	Product     string `json:"product,omitempty"`
	Facts       string `json:"facts"`
	// Decided is the date of the decision; it is published as the day in
	// China time ([brand.ChinaTime]), whatever the zone it is given in.
	Decided time.Time `json:"decided"`
	// Authority is the department that decided (for example a county
	// market regulation bureau); Decision is its decision's document number.
	Authority string `json:"authority"`
	Decision  string `json:"decision"`
	// Region is the GB/T 2260 code of where it happened.
	Region string `json:"region,omitempty"`
	// CrossRegion marks a case of the cross-regional joint enforcement of
	// 赣标〔2021〕1号 三(五).
	CrossRegion bool `json:"cross_region,omitempty"`
}

// Validate reports every missing or malformed field of the record, joined.
// A record that passes can be published.
func (r Infringement) Validate() error {
	var errs []error
	bad := func(field string) {
		errs = append(errs, fmt.Errorf("enforce: infringement record: %s: %w", field, ErrRecord))
	}
	if !offenceNames.Valid(int(r.Offence)) {
		bad("offence")
	}
	if strings.TrimSpace(r.Party.Name) == "" {
		bad("party.name")
	}
	if !r.Party.Code.Valid() {
		bad("party.credit_code")
	}
	if strings.TrimSpace(r.Facts) == "" {
		bad("facts")
	}
	if r.Decided.IsZero() {
		bad("decided")
	}
	if strings.TrimSpace(r.Authority) == "" {
		bad("authority")
	}
	if strings.TrimSpace(r.Decision) == "" {
		bad("decision")
	}
	return errors.Join(errs...)
}

// publicRecord is the published form: field names of a credit record, the
// offence in both its code and its Chinese name, dates as YYYY-MM-DD.
type publicRecord struct {
	Type        string `json:"type"`
	Offence     string `json:"offence"`
	OffenceName string `json:"offence_name"`
	PartyName   string `json:"party_name"`
	CreditCode  string `json:"credit_code"`
	Certificate string `json:"certificate,omitempty"`
	Product     string `json:"product,omitempty"`
	Facts       string `json:"facts"`
	Decided     string `json:"decided"`
	Authority   string `json:"authority"`
	Decision    string `json:"decision"`
	Region      string `json:"region,omitempty"`
	CrossRegion bool   `json:"cross_region,omitempty"`
	Brand       string `json:"brand"`
	Basis       string `json:"basis"`
}

// Publish returns the record as JSON ready for the public credit platform,
// after [Infringement.Validate]; an invalid record is refused.
func (r Infringement) Publish() ([]byte, error) {
	if err := r.Validate(); err != nil {
		return nil, err
	}
	return json.Marshal(publicRecord{
		Type:        "江西绿色生态标志侵权",
		Offence:     r.Offence.String(),
		OffenceName: r.Offence.Localize(language.SimplifiedChinese),
		PartyName:   r.Party.Name,
		CreditCode:  string(r.Party.Code),
		Certificate: r.Certificate,
		Product:     r.Product,
		Facts:       r.Facts,
		Decided:     r.Decided.In(brand.ChinaTime()).Format(time.DateOnly),
		Authority:   r.Authority,
		Decision:    r.Decision,
		Region:      r.Region,
		CrossRegion: r.CrossRegion,
		Brand:       mark.BrandName,
		Basis:       "赣标〔2021〕1号：依法严厉打击伪造、变造、买卖“江西绿色生态”评价标识的侵权违法行为；侵权信息纳入省公共信用信息平台",
	})
}

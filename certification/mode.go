package certification

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand/i18n"

	"github.com/jxgreen/jxgreen/brand/fold"
)

// Component is one activity a certification scheme includes (ISO/IEC 17067,
// table 1). Components combine as bits.
type Component uint16

// The components.
const (
	TypeTesting          Component = 1 << iota // 型式试验: testing of a sample of the type
	BatchTesting                               // 批次检验: testing of a batch
	MarketSampling                             // 市场抽样: surveillance by samples from the market
	FactorySampling                            // 工厂抽样: surveillance by samples from the factory
	ProductionAssessment                       // 工厂检查: assessment of the production process
	ManagementAudit                            // 管理体系审核: audit of the management system
	ServiceAssessment                          // 服务/过程评价: evaluation of a service or process
)

var componentNames = []struct {
	c            Component
	code, zh, en string
}{
	{TypeTesting, "type-testing", "型式试验", "type testing"},
	{BatchTesting, "batch-testing", "批次检验", "batch testing"},
	{MarketSampling, "market-sampling", "市场抽样检验", "market sampling"},
	{FactorySampling, "factory-sampling", "工厂抽样检验", "factory sampling"},
	{ProductionAssessment, "production-assessment", "工厂检查", "production assessment"},
	{ManagementAudit, "management-audit", "管理体系审核", "management-system audit"},
	{ServiceAssessment, "service-assessment", "服务过程评价", "service assessment"},
}

// Mode is an ISO/IEC 17067 certification scheme type: 1a, 1b, 2, 3, 4, 5 or
// 6, as ISO/IEC 17067:2013 defines them.
type Mode int

// The modes.
const (
	Type1a Mode = iota + 1 // type test
	Type1b                 // batch test
	Type2                  // type test + surveillance by market samples
	Type3                  // type test + factory assessment + surveillance by factory samples
	Type4                  // type test + factory assessment + surveillance by factory and market samples
	Type5                  // type 4 + management-system audits
	Type6                  // services and processes
)

// modeNames are the codes of the modes as ISO/IEC 17067 writes them: the
// one table of mode codes, which String, MarshalText, ParseMode and the
// schemas generated from [Modes] all use.
var modeNames = [...]string{Type1a: "1a", Type1b: "1b", Type2: "2", Type3: "3", Type4: "4", Type5: "5", Type6: "6"}

// modeWords are the words people write around a mode code ("type 5",
// "类型5", "第5种", "ISO/IEC 17067 type 5"), in the folded form of
// [fold.Word]; ParseMode drops them.
var modeWords = []string{"iso/iec17067", "type", "类型", "模式", "第", "种", "型"}

// Modes returns every mode, from Type1a to Type6. The slice is a copy.
func Modes() []Mode { return []Mode{Type1a, Type1b, Type2, Type3, Type4, Type5, Type6} }

var modeComponents = [...]Component{
	Type1a: TypeTesting,
	Type1b: BatchTesting,
	Type2:  TypeTesting | MarketSampling,
	Type3:  TypeTesting | FactorySampling | ProductionAssessment,
	Type4:  TypeTesting | FactorySampling | MarketSampling | ProductionAssessment,
	Type5:  TypeTesting | FactorySampling | MarketSampling | ProductionAssessment | ManagementAudit,
	Type6:  ServiceAssessment | ManagementAudit,
}

func init() {
	for _, c := range componentNames {
		i18n.Set("certification.component."+c.code, c.zh, c.en)
	}
	i18n.Set("certification.mode", "ISO/IEC 17067 %s 型", "ISO/IEC 17067 type %s")
}

// Valid reports whether m is one of the declared modes.
func (m Mode) Valid() bool { return m >= Type1a && m <= Type6 }

// String returns the type as ISO/IEC 17067 writes it: "1a", "5", ….
func (m Mode) String() string {
	if !m.Valid() {
		return fmt.Sprintf("Mode(%d)", int(m))
	}
	return modeNames[m]
}

// Localize names the mode in the language that best matches tag.
func (m Mode) Localize(tag language.Tag) string {
	if !m.Valid() {
		return m.String()
	}
	return i18n.Sprintf(tag, "certification.mode", m.String())
}

// Includes returns the components of the mode.
func (m Mode) Includes() Component {
	if !m.Valid() {
		return 0
	}
	return modeComponents[m]
}

// Surveillance reports whether the mode watches certified products after
// the certificate is issued; ISO/IEC 17030 asks it of a scheme whose mark a
// third party grants.
func (m Mode) Surveillance() bool {
	return m.Includes()&(MarketSampling|FactorySampling|ManagementAudit) != 0
}

// AtLeast reports whether m is at least as strong as n: it includes every
// component n includes. The order is partial: type 1b and type 6 do not
// compare with the product types built on type testing.
func (m Mode) AtLeast(n Mode) bool {
	if !m.Valid() || !n.Valid() {
		return false
	}
	return m.Includes()&n.Includes() == n.Includes()
}

// ParseMode reads a mode as people write it: "5", "type 5", "1a", "类型5",
// "第5种", "ISO/IEC 17067 type 5".
func ParseMode(s string) (Mode, error) {
	for m := Type1a; m <= Type6; m++ {
		if s == modeNames[m] {
			return m, nil // the common case, without folding
		}
	}
	if m, ok := modeSpellings[s]; ok {
		return m, nil // a usual spelling, without folding
	}
	return parseModeFolded(s)
}

// modeSpellings are the usual spellings of each mode ("type 5", "ISO/IEC
// 17067 type 5", "类型5", "第5种"), which ParseMode finds without
// folding. Each maps to what parseModeFolded finds for it, by
// construction.
var modeSpellings = func() map[string]Mode {
	spellings := map[string]Mode{}
	for m := Type1a; m <= Type6; m++ {
		c := modeNames[m]
		for _, s := range []string{"type " + c, "Type " + c, "ISO/IEC 17067 type " + c, "类型" + c, "第" + c + "种", "模式" + c, c + "型"} {
			if got, err := parseModeFolded(s); err == nil {
				spellings[s] = got
			}
		}
	}
	return spellings
}()

// parseModeFolded is ParseMode for any spelling: folded as a word, the
// mode words dropped.
func parseModeFolded(s string) (Mode, error) {
	t := fold.Word(s)
	for _, p := range modeWords {
		t = strings.ReplaceAll(t, p, "")
	}
	for m := Type1a; m <= Type6; m++ {
		if t == modeNames[m] {
			return m, nil
		}
	}
	return 0, ErrMode.With("certification.case.mode", s)
}

// MarshalText encodes the mode as "1a", "5", ….
func (m Mode) MarshalText() ([]byte, error) {
	if !m.Valid() {
		return nil, ErrMode.With("certification.case.encode", m)
	}
	return []byte(m.String()), nil
}

// UnmarshalText decodes exactly what [Mode.MarshalText] writes ("1a",
// "5", …), so that an encoded mode has one spelling; [ParseMode] reads the
// ways people write it.
func (m *Mode) UnmarshalText(b []byte) error {
	for v := Type1a; v <= Type6; v++ {
		if string(b) == modeNames[v] {
			*m = v
			return nil
		}
	}
	return ErrMode.With("certification.case.mode", string(b))
}

// String lists the stable codes of the components of c joined by "+", for
// example "type-testing+market-sampling"; [Component.Localize] names them
// for a person.
func (c Component) String() string {
	var parts []string
	for _, n := range componentNames {
		if c&n.c != 0 {
			parts = append(parts, n.code)
		}
	}
	return strings.Join(parts, "+")
}

// Localize lists the components of c in the language that best matches tag.
func (c Component) Localize(tag language.Tag) string {
	var parts []string
	for _, n := range componentNames {
		if c&n.c != 0 {
			parts = append(parts, i18n.Sprintf(tag, "certification.component."+n.code))
		}
	}
	sep := ", "
	if i18n.Match(tag) == i18n.Chinese() {
		sep = "、"
	}
	return strings.Join(parts, sep)
}

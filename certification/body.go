package certification

import (
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/i18n/enum"

	"github.com/jxgreen/jxgreen/brand/fold"
)

// Position is a member's place in the certification alliance.
type Position int

// The positions.
const (
	Member    Position = iota + 1 // 成员单位
	ViceChair                     // 副理事长单位
	Chair                         // 理事长单位
)

var positionNames = enum.New("Position", "certification.position.",
	[3]string{"member", "成员单位", "member"},
	[3]string{"vice-chair", "副理事长单位", "vice-chair"},
	[3]string{"chair", "理事长单位", "chair"},
)

// String returns the stable code of the position: "member", "vice-chair"
// or "chair".
func (p Position) String() string { return positionNames.Code(int(p)) }

// Localize names the position in the language that best matches tag.
func (p Position) Localize(tag language.Tag) string { return positionNames.Localize(int(p), tag) }

// Body is a certification body, or another member of a certification
// alliance.
type Body struct {
	Name string `json:"name"`
	// Approval is the CNCA approval number (批准号), such as
	// "CNCA-R-2002-001"; empty where no source gives it.
	Approval string `json:"approval,omitempty"`
	// Accreditation is the CNAS accreditation number, where known.
	Accreditation string `json:"accreditation,omitempty"`
	// Certifies is false for alliance members that are not certification
	// bodies, such as an association.
	Certifies bool `json:"certifies"`
	// Alliance is the scheme whose certification alliance the body belongs
	// to; empty when it is none.
	Alliance brand.ID `json:"alliance,omitempty"`
	Position Position `json:"position,omitempty"`
	// Source cites the source register (package brand/source) for the
	// body's facts, for example "《“江西绿色生态”品牌建设知识问答（2022版）》 五".
	Source string `json:"source,omitempty"`
}

// ValidApproval reports whether s has the form of a CNCA approval number
// ([ApprovalPattern]). It reads the pattern by hand, as the checker calls
// it for every record that names a body; a test holds it to the pattern.
func ValidApproval(s string) bool {
	rest, ok := strings.CutPrefix(s, "CNCA-")
	if !ok {
		return false
	}
	// [A-Z]{1,2}-
	n := 0
	for n < len(rest) && n < 3 && rest[n] >= 'A' && rest[n] <= 'Z' {
		n++
	}
	if n < 1 || n > 2 || n == len(rest) || rest[n] != '-' {
		return false
	}
	rest = rest[n+1:]
	// [0-9]{4}-[0-9]{2,3}
	if len(rest) < 7 || len(rest) > 8 || rest[4] != '-' {
		return false
	}
	for i := 0; i < len(rest); i++ {
		if i != 4 && (rest[i] < '0' || rest[i] > '9') {
			return false
		}
	}
	return true
}

// allianceSource cites the source register (package brand/source): question
// 五 of the 2022 Q&A names the alliance's chair and vice-chairs.
const allianceSource = "《“江西绿色生态”品牌建设知识问答（2022版）》 五"

// alliance is the 江西绿色生态 international certification alliance as the
// 2022 Q&A (question 五) names it. No source gives the members' CNCA
// approval numbers, so they are left empty.
var alliance = []Body{
	{Name: "江西省检验检测认证总院", Certifies: true, Alliance: brand.JiangxiGreen, Position: Chair, Source: allianceSource},
	{Name: "方圆标志认证集团江西有限公司", Certifies: true, Alliance: brand.JiangxiGreen, Position: ViceChair, Source: allianceSource},
	{Name: "中国检验认证集团江西有限公司", Certifies: true, Alliance: brand.JiangxiGreen, Position: ViceChair, Source: allianceSource},
	{Name: "中国船级社质量认证有限公司江西分公司", Certifies: true, Alliance: brand.JiangxiGreen, Position: ViceChair, Source: allianceSource},
	{Name: "华中国际认证检验集团有限公司", Certifies: true, Alliance: brand.JiangxiGreen, Position: ViceChair, Source: allianceSource},
	// An association, not a certification body: the Q&A lists it among the
	// vice-chairs of an alliance of certification bodies.
	{Name: "江西省认证认可协会", Certifies: false, Alliance: brand.JiangxiGreen, Position: ViceChair, Source: allianceSource},
}

// Alliance returns the members of the “江西绿色生态”国际认证联盟 that the 2022
// Q&A names: the chair, then the vice-chairs in its order. The slice is a
// copy.
func Alliance() []Body { return slices.Clone(alliance) }

// AllianceMember returns the alliance member whose name is name (spaces
// and width folded), and false when there is none.
func AllianceMember(name string) (Body, bool) {
	n := foldName(name)
	for i, k := range allianceKeys {
		if k == n {
			return alliance[i], true
		}
	}
	return Body{}, false
}

// allianceKeys are the folded names of the alliance's members, in its
// order, folded once rather than on every lookup.
var allianceKeys = func() []string {
	keys := make([]string, len(alliance))
	for i, b := range alliance {
		keys[i] = foldName(b.Name)
	}
	return keys
}()

// foldName is the folding of body names: as codes ([fold.Code]).
func foldName(s string) string { return fold.Code(s) }

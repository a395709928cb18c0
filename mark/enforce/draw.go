package enforce

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/certification/creditcode"
)

// Inspector is a law-enforcement inspector who can be sent on a check.
type Inspector struct {
	ID   string
	Name string
	// Excluded lists the holders this inspector may not inspect (回避: a
	// relative, a former employer, a recent inspection).
	Excluded []creditcode.Code
}

// Assignment is one drawn holder and the inspectors sent to it.
type Assignment struct {
	Holder     certification.Holder
	Inspectors []string // inspector IDs
}

// Plan is the result of a 双随机 draw, ready to publish (一公开).
type Plan struct {
	// Seed is the published seed the draw was made from.
	Seed string
	// Inputs is the SHA-256 of the canonical list of holders and
	// inspectors, so that a published plan binds the lists it drew from.
	Inputs      string
	Assignments []Assignment
}

func init() {
	i18n.Table("enforce.DuplicateError.", [][3]string{
		{"holder", "检查对象名单中统一社会信用代码 %s 出现了不止一次：请先核对名单", "the holder list names the credit code %s more than once: check the list first"},
		{"inspector", "执法检查人员名单中编号 %s 出现了不止一次：请先核对名单", "the inspector list names the ID %s more than once: check the list first"},
		{"holder.empty", "检查对象名单中有一条没有统一社会信用代码", "an entry of the holder list has no credit code"},
		{"inspector.empty", "执法检查人员名单中有一人没有编号", "an entry of the inspector list has no ID"},
	})
	i18n.Table("enforce.DrawError.", [][3]string{
		{"seed", "抽查的随机种子为空：请给出要公布的种子", "the seed is empty: give the seed that will be published"},
		{"count", "抽取数量不能为负数（检查对象 %d 个，每个对象派执法检查人员 %d 名）", "the numbers to draw cannot be negative (%d holders, %d inspectors for each)"},
		{"holders", "要抽取 %d 个检查对象，名单中只有 %d 个", "%d holders are to be drawn but the list has only %d"},
		{"inspectors", "检查对象 %s 回避后只有 %d 名可派的执法检查人员，需要 %d 名", "holder %s has %d eligible inspectors once exclusions are applied; %d are needed"},
		{"holder-code", "检查对象名单中的统一社会信用代码 %q 无效：请先核对名单", "the holder list has an invalid credit code %q: check the list first"},
		{"exclusion-code", "执法检查人员 %s 的回避名单中的统一社会信用代码 %q 无效：请先核对名单", "the exclusions of inspector %s have an invalid credit code %q: check the list first"},
	})
}

// DrawError reports why [Draw] cannot make a draw, other than a repeated
// ID ([*DuplicateError]). It wraps [ErrDraw].
type DrawError struct {
	// Reason is "seed" (empty seed), "count" (a negative number to draw),
	// "holders" (fewer holders than wanted), "inspectors" (a drawn holder
	// has too few eligible inspectors), "holder-code" or "exclusion-code"
	// (a credit code that does not parse, [creditcode.Parse]).
	Reason string
	// Holder is the holder's credit code, canonical, for "inspectors".
	Holder creditcode.Code
	// Inspector is the inspector's ID, for "exclusion-code".
	Inspector string
	// Code is the invalid credit code as given, for "holder-code" and
	// "exclusion-code".
	Code string
	// Have and Need are the numbers available and needed, for "count"
	// (count and perHolder), "holders" and "inspectors".
	Have, Need int
}

// Error returns the English message.
func (e *DrawError) Error() string { return "enforce: draw: " + e.Localize(i18n.English()) }

// Unwrap returns [ErrDraw].
func (e *DrawError) Unwrap() error { return ErrDraw }

// Localize describes the error in the language that best matches tag.
func (e *DrawError) Localize(tag language.Tag) string {
	key := "enforce.DrawError." + e.Reason
	switch e.Reason {
	case "count":
		return i18n.Sprintf(tag, key, e.Need, e.Have)
	case "holders":
		return i18n.Sprintf(tag, key, e.Need, e.Have)
	case "inspectors":
		return i18n.Sprintf(tag, key, string(e.Holder), e.Have, e.Need)
	case "holder-code":
		return i18n.Sprintf(tag, key, e.Code)
	case "exclusion-code":
		return i18n.Sprintf(tag, key, e.Inspector, e.Code)
	}
	return i18n.Sprintf(tag, "enforce.DrawError.seed")
}

// DuplicateError reports a holder credit code or an inspector ID that
// appears more than once in the lists given to [Draw], or an entry without
// one. Two entries under one ID would make the draw depend on which of
// them comes first, so the draw is refused until the list is corrected.
// It wraps [ErrDuplicateID] and [ErrDraw].
type DuplicateError struct {
	// List is "holder" or "inspector".
	List string
	// ID is the repeated credit code or inspector ID; empty for an entry
	// without one.
	ID string
}

// Error returns the English message.
func (e *DuplicateError) Error() string { return "enforce: draw: " + e.Localize(i18n.English()) }

// Unwrap returns [ErrDuplicateID] and [ErrDraw].
func (e *DuplicateError) Unwrap() []error { return []error{ErrDuplicateID, ErrDraw} }

// Localize describes the error in the language that best matches tag.
func (e *DuplicateError) Localize(tag language.Tag) string {
	if e.ID == "" {
		return i18n.Sprintf(tag, "enforce.DuplicateError."+e.List+".empty")
	}
	return i18n.Sprintf(tag, "enforce.DuplicateError."+e.List, e.ID)
}

// Draw makes a 双随机 (double random) supervision draw, as the 寻乌 pilot plan
// (《寻乌县“江西绿色生态”品牌试点县创建工作实施方案》 五(一)) asks of
// the checks of standard use and of certificates and marks: it draws
// holders at random from holders, and for each one perHolder inspectors at
// random from those not excluded from it. The draw is reproducible: the
// same seed and the same lists, in any order, give the same plan, so
// anyone can re-run a published draw to check it.
//
// Credit codes, of holders and of exclusions, are read with
// [creditcode.Parse] and compared in canonical form, so that
// an exclusion written in lower case or with spaces still excludes, and
// one enterprise under two spellings is one holder; the plan names holders
// by their canonical code.
//
// It fails with a [*DrawError] (wrapping [ErrDraw]) when the seed is empty,
// count or perHolder is negative, fewer than count holders are given, a
// drawn holder has fewer than perHolder eligible inspectors, or a credit
// code does not parse; and with a [*DuplicateError] (also [ErrDraw]) when a
// holder's credit code or an inspector's ID appears twice or is empty.
func Draw(seed string, holders []certification.Holder, inspectors []Inspector, count, perHolder int) (Plan, error) {
	if strings.TrimSpace(seed) == "" {
		return Plan{}, &DrawError{Reason: "seed"}
	}
	if count < 0 || perHolder < 0 {
		return Plan{}, &DrawError{Reason: "count", Need: count, Have: perHolder}
	}
	hs, err := canonicalHolders(holders)
	if err != nil {
		return Plan{}, err
	}
	ins, err := canonicalInspectors(inspectors)
	if err != nil {
		return Plan{}, err
	}
	if count > len(hs) {
		return Plan{}, &DrawError{Reason: "holders", Need: count, Have: len(hs)}
	}
	plan := Plan{Seed: seed, Inputs: digest(hs, ins)}

	sum := sha256.Sum256([]byte("jxgreen/mark.Draw\x00" + seed + "\x00" + plan.Inputs))
	rng := rand.New(rand.NewChaCha8(sum))

	// A partial Fisher–Yates shuffle draws count holders.
	order := make([]int, len(hs))
	for i := range order {
		order[i] = i
	}
	for i := 0; i < count; i++ {
		j := i + rng.IntN(len(order)-i)
		order[i], order[j] = order[j], order[i]
	}
	for _, hi := range order[:count] {
		h := hs[hi]
		var eligible []int
		for i, in := range ins {
			if !slices.Contains(in.Excluded, h.Code) {
				eligible = append(eligible, i)
			}
		}
		if len(eligible) < perHolder {
			return Plan{}, &DrawError{Reason: "inspectors", Holder: h.Code, Have: len(eligible), Need: perHolder}
		}
		a := Assignment{Holder: h}
		for i := 0; i < perHolder; i++ {
			j := i + rng.IntN(len(eligible)-i)
			eligible[i], eligible[j] = eligible[j], eligible[i]
			a.Inspectors = append(a.Inspectors, ins[eligible[i]].ID)
		}
		plan.Assignments = append(plan.Assignments, a)
	}
	return plan, nil
}

func canonicalHolders(in []certification.Holder) ([]certification.Holder, error) {
	out := slices.Clone(in)
	for i, h := range out {
		if h.Code == "" {
			return nil, &DuplicateError{List: "holder"}
		}
		p, err := creditcode.Parse(string(h.Code))
		if err != nil {
			return nil, &DrawError{Reason: "holder-code", Code: string(h.Code)}
		}
		out[i].Code = p
	}
	slices.SortFunc(out, func(a, b certification.Holder) int { return strings.Compare(string(a.Code), string(b.Code)) })
	for i, h := range out {
		if h.Code == "" || i > 0 && out[i-1].Code == h.Code {
			return nil, &DuplicateError{List: "holder", ID: string(h.Code)}
		}
	}
	return out, nil
}

func canonicalInspectors(in []Inspector) ([]Inspector, error) {
	out := make([]Inspector, len(in))
	for i, x := range in {
		excluded := make([]creditcode.Code, len(x.Excluded))
		for j, e := range x.Excluded {
			p, err := creditcode.Parse(string(e))
			if err != nil {
				return nil, &DrawError{Reason: "exclusion-code", Inspector: x.ID, Code: string(e)}
			}
			excluded[j] = p
		}
		x.Excluded = excluded
		slices.Sort(x.Excluded)
		x.Excluded = slices.Compact(x.Excluded)
		out[i] = x
	}
	slices.SortFunc(out, func(a, b Inspector) int { return strings.Compare(a.ID, b.ID) })
	for i, x := range out {
		if x.ID == "" || i > 0 && out[i-1].ID == x.ID {
			return nil, &DuplicateError{List: "inspector", ID: x.ID}
		}
	}
	return out, nil
}

// digest hashes the canonical inputs with length-prefixed fields, so that no
// two different lists hash alike by moving a separator.
func digest(hs []certification.Holder, ins []Inspector) string {
	h := sha256.New()
	put := func(s string) {
		var n [8]byte
		binary.BigEndian.PutUint64(n[:], uint64(len(s)))
		h.Write(n[:])
		h.Write([]byte(s))
	}
	put(fmt.Sprint(len(hs)))
	for _, x := range hs {
		put(string(x.Code))
		put(x.Name)
	}
	put(fmt.Sprint(len(ins)))
	for _, x := range ins {
		put(x.ID)
		put(x.Name)
		put(fmt.Sprint(len(x.Excluded)))
		for _, e := range x.Excluded {
			put(string(e))
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

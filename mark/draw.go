package mark

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/certification"
)

// Inspector is a law-enforcement inspector who can be sent on a check.
type Inspector struct {
	ID   string
	Name string
	// Excluded lists the holders this inspector may not inspect (回避: a
	// relative, a former employer, a recent inspection).
	Excluded []certification.CreditCode
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

// ErrDraw is the sentinel behind every error of [Draw].
var ErrDraw = i18n.NewSentinel("mark.ErrDraw", "抽查无法完成：检查对象或执法检查人员不足", "the draw cannot be made: not enough holders or inspectors")

// Draw makes a 双随机 (double random) supervision draw, as the 寻乌 pilot plan
// (《寻乌县“江西绿色生态”品牌试点县创建工作实施方案》 五(一)) asks of
// the checks of standard use and of certificates and marks: it draws
// holders at random from holders, and for each one perHolder inspectors at
// random from those not excluded from it. The draw is reproducible: the
// same seed and the same lists (in any order, duplicates ignored) give the
// same plan, so anyone can re-run a published draw to check it.
//
// It fails with [ErrDraw] when fewer than holders are given, when a drawn
// holder has fewer than perHolder eligible inspectors, or when the seed is
// empty.
func Draw(seed string, holders []certification.Holder, inspectors []Inspector, count, perHolder int) (Plan, error) {
	fail := func(format string, a ...any) (Plan, error) {
		return Plan{}, fmt.Errorf("mark: draw: "+format+": %w", append(a, ErrDraw)...)
	}
	if strings.TrimSpace(seed) == "" {
		return fail("empty seed")
	}
	if count < 0 || perHolder < 0 {
		return fail("negative count")
	}
	hs := canonicalHolders(holders)
	ins := canonicalInspectors(inspectors)
	if count > len(hs) {
		return fail("%d holders wanted, %d given", count, len(hs))
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
			return fail("holder %s: %d eligible inspectors, %d needed", h.Code, len(eligible), perHolder)
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

func canonicalHolders(in []certification.Holder) []certification.Holder {
	out := slices.Clone(in)
	slices.SortFunc(out, func(a, b certification.Holder) int {
		return strings.Compare(string(a.Code)+"\x00"+a.Name, string(b.Code)+"\x00"+b.Name)
	})
	return slices.CompactFunc(out, func(a, b certification.Holder) bool { return a.Code == b.Code })
}

func canonicalInspectors(in []Inspector) []Inspector {
	out := make([]Inspector, len(in))
	for i, x := range in {
		x.Excluded = slices.Clone(x.Excluded)
		slices.Sort(x.Excluded)
		x.Excluded = slices.Compact(x.Excluded)
		out[i] = x
	}
	slices.SortFunc(out, func(a, b Inspector) int { return strings.Compare(a.ID, b.ID) })
	return slices.CompactFunc(out, func(a, b Inspector) bool { return a.ID == b.ID })
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

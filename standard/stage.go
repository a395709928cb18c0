package standard

import (
	"fmt"
	"time"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/brand/i18n/enum"
)

// Stage is a step of the procedure by which a 江西绿色生态 group standard is
// made, as the 2022 Q&A (question 九) lays it out: 标准准备 → 标准申报 →
// 标准完善 → 标准发布, and afterwards review or withdrawal.
type Stage int

// The stages.
const (
	// Proposal (标准准备): the drafting unit proposes a name or direction with
	// the provincial institute of quality and standardisation and drafts.
	Proposal Stage = iota + 1
	// ProjectApproval (标准申报): the 团体标准项目建议书 is submitted and experts
	// review whether to approve the project (立项审查).
	ProjectApproval
	// Drafting (标准完善): the approved project is completed and put to
	// consultation with institutions, organisations and enterprises.
	Drafting
	// TechnicalReview: the 团体标准报审表 is submitted and experts review the
	// draft (技术审查).
	TechnicalReview
	// Approval: revised after review, the 团体标准报批表 is submitted.
	Approval
	// Published: the institute publishes it together with the 江西绿色生态品牌建设促进会.
	Published
	// Review (复审): a published standard under periodic review.
	Review
	// Abolished (废止): the standard is withdrawn after review.
	Abolished
	// Rejected (不予立项): the project was not approved.
	Rejected
)

var stageNames = enum.New("Stage", "standard.stage.",
	[3]string{"proposal", "标准准备", "proposal"},
	[3]string{"project-approval", "立项审查", "project approval"},
	[3]string{"drafting", "起草与征求意见", "drafting and consultation"},
	[3]string{"technical-review", "技术审查", "technical review"},
	[3]string{"approval", "报批", "approval"},
	[3]string{"published", "发布", "published"},
	[3]string{"review", "复审", "review"},
	[3]string{"abolished", "废止", "abolished"},
	[3]string{"rejected", "不予立项", "rejected"},
)

// transitions lists the legal next stages of each stage (the 2022 Q&A, 九).
var transitions = map[Stage][]Stage{
	Proposal:        {ProjectApproval},
	ProjectApproval: {Drafting, Rejected},
	Drafting:        {TechnicalReview},
	TechnicalReview: {Approval, Drafting}, // passed, or sent back for revision
	Approval:        {Published},
	Published:       {Review},
	Review:          {Published, Drafting, Abolished}, // confirmed, revised, withdrawn
}

func init() {
	i18n.Set("standard.TransitionError", "团体标准程序不能从“%s”进入“%s”", "the group-standard procedure cannot go from %s to %s")
	i18n.Set("standard.deadline.draft", "立项后 %d 个月内应提交送审稿（截止 %s）", "the draft for review is due within %d months of approval (by %s)")
	i18n.Set("standard.deadline.finish", "立项后 %d 个月内应完成（截止 %s）", "the project is due to finish within %d months of approval (by %s)")
}

// String returns the stable code of the stage, for example "technical-review".
func (s Stage) String() string { return stageNames.Code(int(s)) }

// Localize names the stage in the language that best matches tag.
func (s Stage) Localize(tag language.Tag) string { return stageNames.Localize(int(s), tag) }

// Next returns the stages that may legally follow s.
func (s Stage) Next() []Stage { return append([]Stage(nil), transitions[s]...) }

// CanAdvance reports whether the procedure may go from s to t.
func (s Stage) CanAdvance(t Stage) bool {
	for _, n := range transitions[s] {
		if n == t {
			return true
		}
	}
	return false
}

// TransitionError reports an illegal step of the procedure.
type TransitionError struct {
	From, To Stage
	Reason   string // why, when it is not the order of stages: "time goes backwards"
}

// Error returns the English description of the error.
func (e *TransitionError) Error() string {
	msg := fmt.Sprintf("standard: cannot go from %v to %v", e.From, e.To)
	if e.Reason != "" {
		msg += ": " + e.Reason
	}
	return msg
}

// Unwrap returns [ErrTransition].
func (e *TransitionError) Unwrap() error { return ErrTransition }

// Localize describes the error in the language that best matches tag.
func (e *TransitionError) Localize(tag language.Tag) string {
	return i18n.Sprintf(tag, "standard.TransitionError", e.From.Localize(tag), e.To.Localize(tag))
}

// Deadlines are the time limits of a group-standard project, counted in
// months from project approval (立项).
type Deadlines struct {
	DraftMonths  int // to submit the draft for technical review (送审稿)
	FinishMonths int // to finish the project (publication)
}

// DefaultDeadlines returns the limits of the revised 江西绿色生态 标准管理办法
// (赣绿品促会〔2023〕10号, as a 2023 plan notice cites it): the draft for review within 6 months of the
// plan, the project finished within 1 year.
func DefaultDeadlines() Deadlines { return Deadlines{DraftMonths: 6, FinishMonths: 12} }

// Step is one recorded move of a project.
type Step struct {
	From, To Stage
	At       time.Time
	Note     string
}

// Project is a group standard going through the procedure. The zero value
// is not usable; create one with [NewProject].
type Project struct {
	Title     string
	Stage     Stage
	Deadlines Deadlines
	History   []Step
	approved  time.Time // when the project was approved (entered Drafting for the first time)
}

// NewProject starts a project in the Proposal stage, with the default
// deadlines.
func NewProject(title string, at time.Time) *Project {
	return &Project{
		Title:     title,
		Stage:     Proposal,
		Deadlines: DefaultDeadlines(),
		History:   []Step{{To: Proposal, At: at, Note: "proposed"}},
	}
}

// Advance moves the project to stage to at time at. An illegal step, or a
// step dated before the last one, is a [*TransitionError] and changes
// nothing.
func (p *Project) Advance(to Stage, at time.Time, note string) error {
	if !p.Stage.CanAdvance(to) {
		return &TransitionError{From: p.Stage, To: to}
	}
	if last := p.History[len(p.History)-1].At; at.Before(last) {
		return &TransitionError{From: p.Stage, To: to, Reason: "dated before the previous step " + last.Format(time.DateOnly)}
	}
	if p.Stage == ProjectApproval && to == Drafting && p.approved.IsZero() {
		p.approved = at
	}
	p.History = append(p.History, Step{From: p.Stage, To: to, At: at, Note: note})
	p.Stage = to
	return nil
}

// Approved returns when the project was approved (立项), and false before.
func (p *Project) Approved() (time.Time, bool) { return p.approved, !p.approved.IsZero() }

// Overdue returns the deadlines that have passed at time at without being
// met, each described for a person in the language of tag.
func (p *Project) Overdue(at time.Time, tag language.Tag) []string {
	if p.approved.IsZero() {
		return nil
	}
	reached := func(s Stage) (time.Time, bool) {
		for _, st := range p.History {
			if st.To == s && !st.At.Before(p.approved) {
				return st.At, true
			}
		}
		return time.Time{}, false
	}
	var out []string
	check := func(months int, s Stage, key string) {
		if months <= 0 {
			return
		}
		due := p.approved.AddDate(0, months, 0)
		when, ok := reached(s)
		if (ok && when.After(due)) || (!ok && at.After(due)) {
			out = append(out, i18n.Sprintf(tag, key, months, due.Format(time.DateOnly)))
		}
	}
	check(p.Deadlines.DraftMonths, TechnicalReview, "standard.deadline.draft")
	check(p.Deadlines.FinishMonths, Published, "standard.deadline.finish")
	return out
}

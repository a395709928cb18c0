package recognition

import (
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/recognition/internal/fastpath"
)

// FormatError reports a [Format] that cannot describe a native record: a
// required key left empty, two fields under one key, a status word twice
// or too long, no status words. [Format.Validate] returns it, before any
// schema is written; errors.Is(err, ErrFormat) holds.
type FormatError struct {
	Scheme string // the format's scheme id
	// Field is the Format field at fault ("Number", "Statuses[3]", …).
	Field string
	// Problem is what is wrong with it: "empty", "duplicate" (its key is
	// that of Other), "duplicate-word" (the word of Other), "too-long",
	// "none".
	Problem string
	Other   string // the other field, or the word, for the duplicates
}

func init() {
	i18n.Set("recognition.FormatError", "方案 %q 的格式（Format）有误：%s", "the Format of scheme %q is wrong: %s")
	i18n.Table("recognition.format.", [][3]string{
		{"empty", "必填字段 %s 的键为空", "the key of the required field %s is empty"},
		{"duplicate", "字段 %s 与 %s 使用同一个键", "the fields %s and %s have the same key"},
		{"duplicate-word", "%s 重复了状态词 %q", "%s repeats the status word %q"},
		{"too-long", "%s 的状态词超过 20 个字符", "the status word of %s is longer than 20 characters"},
		{"none", "%s 为空：方案没有任何状态词", "%s is empty: the scheme has no status word"},
		{"status", "%s 的状态无效", "the status of %s is not a status"},
	})
}

// Error returns the English description of the error.
func (e *FormatError) Error() string { return "recognition: " + e.Localize(i18n.English()) }

// Localize describes the error in the language that best matches tag.
func (e *FormatError) Localize(tag language.Tag) string {
	var what string
	switch e.Problem {
	case "duplicate", "duplicate-word":
		what = i18n.Sprintf(tag, "recognition.format."+e.Problem, e.Field, e.Other)
	default:
		what = i18n.Sprintf(tag, "recognition.format."+e.Problem, e.Field)
	}
	return i18n.Sprintf(tag, "recognition.FormatError", e.Scheme, what)
}

// Unwrap returns [ErrFormat].
func (e *FormatError) Unwrap() error { return ErrFormat }

// Validate reports whether f can describe a native record: the scheme id
// and the keys of the required fields (Number, HolderName, HolderCode,
// Product, Standards, Body, Issued, Expires, Status) are not empty; no two
// fields, required or optional (Approval, Mode, Attributes, Note), share a
// key; Statuses has at least one word, and no word is empty, longer than
// the schema admits, or given twice. The first fault, in the order of the
// fields, is a [*FormatError] naming the field.
func (f Format) Validate() error {
	fail := func(field, problem, other string) error {
		return &FormatError{Scheme: string(f.Scheme), Field: field, Problem: problem, Other: other}
	}
	if f.Scheme == "" {
		return fail("Scheme", "empty", "")
	}
	type field struct {
		name, key string
		required  bool
	}
	fields := []field{
		{"Number", f.Number, true}, {"HolderName", f.HolderName, true}, {"HolderCode", f.HolderCode, true},
		{"Product", f.Product, true}, {"Standards", f.Standards, true}, {"Body", f.Body, true},
		{"Approval", f.Approval, false}, {"Mode", f.Mode, false}, {"Issued", f.Issued, true},
		{"Expires", f.Expires, true}, {"Status", f.Status, true}, {"Attributes", f.Attributes, false},
		{"Note", f.Note, false},
	}
	seen := map[string]string{} // key -> field
	for _, x := range fields {
		if x.key == "" {
			if x.required {
				return fail(x.name, "empty", "")
			}
			continue
		}
		if other, dup := seen[x.key]; dup {
			return fail(x.name, "duplicate", other)
		}
		seen[x.key] = x.name
	}
	if len(f.Statuses) == 0 {
		return fail("Statuses", "none", "")
	}
	words := map[string]bool{}
	for i, w := range f.Statuses {
		name := "Statuses[" + itoa(i) + "]"
		switch {
		case w.Word == "":
			return fail(name, "empty", "")
		case utf8.RuneCountInString(w.Word) > fastpath.MaxStatus:
			return fail(name, "too-long", "")
		case words[w.Word]:
			return fail(name, "duplicate-word", w.Word)
		case !validStatus(w.Status):
			return fail(name, "status", "")
		}
		words[w.Word] = true
	}
	return nil
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

func validStatus(s certification.Status) bool {
	_, err := s.MarshalText()
	return err == nil
}

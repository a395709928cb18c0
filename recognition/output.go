package recognition

import (
	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand/i18n"
)

// WriteError reports that [Checker.Run] could not write its output (a
// closed pipe, a full disk). The summary returned with it counts only the
// lines whose output was written. errors.Is(err, ErrWrite) holds, and
// the writer's own error is in the chain.
type WriteError struct {
	Err error // the writer's error
}

func init() {
	i18n.Set("recognition.WriteError", "写出结果失败：%v", "writing the output failed: %v")
}

// Error returns the English description.
func (e *WriteError) Error() string { return "recognition: " + e.Localize(i18n.English()) }

// Localize describes the error in the language that best matches tag.
func (e *WriteError) Localize(tag language.Tag) string {
	return i18n.Sprintf(tag, "recognition.WriteError", e.Err)
}

// Unwrap returns [ErrWrite] and the writer's error.
func (e *WriteError) Unwrap() []error { return []error{ErrWrite, e.Err} }

// bom is the UTF-8 byte order mark, which Windows programs put before text.

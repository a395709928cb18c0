package recognition

import (
	"unicode/utf8"

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

// appendJSONString appends s as a JSON string, escaping as encoding/json
// does (without the HTML escapes), invalid UTF-8 as U+FFFD.
func appendJSONString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	// In valid UTF-8 (messages, and texts of lines already checked), the
	// only characters past ASCII to escape are U+2028 and U+2029, which
	// start with the byte 0xE2: others need not be decoded.
	valid := utf8.ValidString(s)
	for i := 0; i < len(s); {
		c := s[i]
		if valid && c >= utf8.RuneSelf && c != 0xE2 {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '"', '\\':
				dst = append(dst, '\\', c)
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i++
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

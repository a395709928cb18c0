// Package i18n is jxgreen's message catalogue: every message that a person
// reads, in Simplified Chinese (zh-Hans) and English.
//
// Packages of the module register their messages once, at init, with [Set];
// callers then render a message in the language they want with [Sprintf], or
// render any jxgreen error with [Error]. Keys are stable codes (for example
// "standard.ErrYear"), never the English text, so that a message can be
// reworded without breaking the callers that branch on the code.
//
// Language matching follows golang.org/x/text/language: "zh", "zh-CN" and
// "zh-Hans" select Chinese; everything else falls back to English.
package i18n

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

// Chinese returns the tag of Simplified Chinese (zh-Hans), one of the two
// languages every message exists in.
func Chinese() language.Tag { return language.SimplifiedChinese }

// English returns the tag of English, the other language every message
// exists in and the one that unmatched requests fall back to.
func English() language.Tag { return language.English }

var (
	cat     = catalog.NewBuilder(catalog.Fallback(language.English))
	matcher = language.NewMatcher([]language.Tag{language.English, language.SimplifiedChinese})

	mu       sync.RWMutex
	keys     = map[string]bool{}
	texts    = map[string][2]string{}
	printers = map[language.Tag]*message.Printer{}
)

// Set registers the message key in Chinese (zh) and English (en). The texts
// are format strings in the sense of fmt. Set is meant for package init; it
// panics on an empty key or text or on a key registered twice, which are
// programming errors found at start-up.
func Set(key, zh, en string) {
	if key == "" || zh == "" || en == "" {
		panic("i18n: Set needs a key and both texts")
	}
	mu.Lock()
	defer mu.Unlock()
	if keys[key] {
		panic("i18n: message " + key + " registered twice")
	}
	keys[key] = true
	texts[key] = [2]string{zh, en}
	// SetString fails only on a malformed tag, and both tags are constants.
	_ = cat.SetString(Chinese(), key, zh)
	_ = cat.SetString(English(), key, en)
}

// Has reports whether key has been registered.
func Has(key string) bool {
	mu.RLock()
	defer mu.RUnlock()
	return keys[key]
}

// Texts returns the Chinese and English texts of a registered key, for
// reviewing translations.
func Texts(key string) (zh, en string, ok bool) {
	mu.RLock()
	defer mu.RUnlock()
	t, ok := texts[key]
	return t[0], t[1], ok
}

// Keys returns every registered key, sorted.
func Keys() []string {
	mu.RLock()
	defer mu.RUnlock()
	out := make([]string, 0, len(keys))
	for k := range keys {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// matched caches Match, which the hot paths call for every message; it
// holds at most maxMatched tags, so that callers passing arbitrary tags
// cannot grow it without end.
var (
	matchedMu sync.RWMutex
	matched   = map[language.Tag]language.Tag{}
)

const maxMatched = 64

// Match returns the language, Chinese or English, in which messages are
// rendered for the requested tag.
func Match(tag language.Tag) language.Tag {
	matchedMu.RLock()
	m, ok := matched[tag]
	matchedMu.RUnlock()
	if ok {
		return m
	}
	m = English()
	if _, i, conf := matcher.Match(tag); conf != language.No && i == 1 {
		m = Chinese()
	}
	matchedMu.Lock()
	if len(matched) < maxMatched {
		matched[tag] = m
	}
	matchedMu.Unlock()
	return m
}

func printer(tag language.Tag) *message.Printer {
	tag = Match(tag)
	mu.RLock()
	p := printers[tag]
	mu.RUnlock()
	if p != nil {
		return p
	}
	mu.Lock()
	defer mu.Unlock()
	if p = printers[tag]; p == nil {
		p = message.NewPrinter(tag, message.Catalog(cat))
		printers[tag] = p
	}
	return p
}

// fixed caches messages without arguments, which names (attributes,
// statuses, kinds) use over and over.
var fixed sync.Map // fixedKey -> string

type fixedKey struct {
	tag language.Tag
	key string
}

// Sprintf renders the message key in the language that best matches tag,
// with args formatted as by fmt; an argument that is a [Localizer] (an
// attribute, a status, a kind) is first rendered in the same language. An
// unregistered key renders as the key followed by its arguments, so a
// missing message is visible, not silent.
func Sprintf(tag language.Tag, key string, args ...any) string {
	copied := false
	for i, a := range args {
		if l, ok := a.(Localizer); ok {
			if !copied {
				args = append([]any(nil), args...) // the caller's slice stays as it was
				copied = true
			}
			args[i] = l.Localize(tag)
		}
	}
	if len(args) == 0 {
		k := fixedKey{Match(tag), key}
		if s, ok := fixed.Load(k); ok {
			return s.(string)
		}
		if !Has(key) {
			return key
		}
		s := printer(k.tag).Sprintf(key)
		fixed.Store(k, s)
		return s
	}
	if !Has(key) {
		return key + fmt.Sprint(args...)
	}
	return printer(tag).Sprintf(key, args...)
}

// Localizer is implemented by errors and other values that can describe
// themselves to a person in a given language.
type Localizer interface {
	Localize(tag language.Tag) string
}

// Error renders err for a person in the language that best matches tag: the
// first error in err's chain that implements [Localizer] says itself;
// an error that does not falls back to its Error text. Error(nil, tag) is "".
func Error(err error, tag language.Tag) string {
	if err == nil {
		return ""
	}
	var l Localizer
	if errors.As(err, &l) {
		return l.Localize(tag)
	}
	return err.Error()
}

// Sentinel is an error value with a stable code whose message exists in both
// languages. Packages declare their sentinel errors with [NewSentinel] so
// that callers can branch on them with errors.Is and show them with [Error].
type Sentinel struct {
	key string
}

// NewSentinel registers the message key in both languages and returns a
// sentinel error for it. Error() gives the English text, as Go errors do.
func NewSentinel(key, zh, en string) *Sentinel {
	Set(key, zh, en)
	return &Sentinel{key: key}
}

// Code returns the stable key of the sentinel, for example "standard.ErrYear".
func (s *Sentinel) Code() string { return s.key }

// Error returns the English message.
func (s *Sentinel) Error() string { return Sprintf(English(), s.key) }

// Localize returns the message in the language that best matches tag.
func (s *Sentinel) Localize(tag language.Tag) string { return Sprintf(tag, s.key) }

// With returns an error that wraps s and describes one case of it: the
// message key (registered with [Set] or [Table]) rendered with args in the
// reader's language, so that errors.Is(err, s) holds and [Error] shows
// the case ("unknown mode \"7\"", not only "unknown certification mode").
// Its Error method gives the English text after the package of s's code
// ("certification: unknown mode \"7\"").
func (s *Sentinel) With(key string, args ...any) error {
	return &caseError{s: s, key: key, args: args}
}

// caseError is what [Sentinel.With] returns.
type caseError struct {
	s    *Sentinel
	key  string
	args []any
}

func (e *caseError) Error() string {
	pkg, _, _ := strings.Cut(e.s.key, ".")
	return pkg + ": " + Sprintf(English(), e.key, e.args...)
}

func (e *caseError) Unwrap() error { return e.s }

func (e *caseError) Localize(tag language.Tag) string { return Sprintf(tag, e.key, e.args...) }

// Table registers messages whose keys share a prefix: each entry is
// {key suffix, Chinese, English}. It is Set for a package's message table.
func Table(prefix string, msgs [][3]string) {
	for _, m := range msgs {
		Set(prefix+m[0], m[1], m[2])
	}
}

package recognition

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/certification/creditcode"
)

// TestMessageCacheKeepsArgumentsApart checks the worker's cache of
// rendered reasons: reasons whose arguments differ, however the texts are
// spelled (a text that holds the separators of the cache's key, the same
// value as another type), never share a message, and every message is
// the reason's own, in the message and in the output's member alike.
func TestMessageCacheKeepsArgumentsApart(t *testing.T) {
	reasons := []Reason{
		{Code: ReasonProductOutsideStandard, Args: []any{"a", "b"}},
		{Code: ReasonProductOutsideStandard, Args: []any{"a\x00b", "c"}},
		{Code: ReasonProductOutsideStandard, Args: []any{"a", "b\x00c"}},
		{Code: ReasonProductOutsideStandard, Args: []any{"a\x00s1:b", ""}},
		{Code: ReasonProductOutsideStandard, Args: []any{"a\x00", "s1:b"}},
		{Code: ReasonProductOutsideStandard, Args: []any{"", "a\x00s1:b"}},
		{Code: ReasonModeWeaker, Args: []any{certification.Mode(1), certification.Mode(2), certification.Component(3)}},
		{Code: ReasonModeWeaker, Args: []any{certification.Mode(2), certification.Mode(1), certification.Component(3)}},
		{Code: ReasonModeWeaker, Args: []any{certification.Mode(1), certification.Mode(2), certification.Component(5)}},
		{Code: ReasonAttributesUncovered, Args: []any{brand.List{1, 2}}},
		{Code: ReasonAttributesUncovered, Args: []any{brand.List{12}}},
		{Code: ReasonAttributesUncovered, Args: []any{brand.List{2, 1}}},
	}
	for _, lang := range []language.Tag{language.Chinese, language.English} {
		w := worker{lang: lang}
		for range 2 { // the second time from the cache
			for _, r := range reasons {
				assert.Equal(t, r.Message(lang), w.message(r), "%v", r.Args)
				// The member the output writes says the same, as JSON.
				var member struct{ Code, Message string }
				if assert.NoError(t, json.Unmarshal([]byte(w.rendering(r).member), &member)) {
					assert.Equal(t, string(r.Code), member.Code)
					assert.Equal(t, r.Message(lang), member.Message)
				}
			}
		}
	}
}

// TestDecodeMessageCacheKeepsFaultsApart checks the worker's cache of
// rendered schema faults: faults whose fields differ, however they are
// spelled, never share a message, each message is the fault's own, and a
// fault with a cause is rendered from its cause.
func TestDecodeMessageCacheKeepsFaultsApart(t *testing.T) {
	faults := []error{
		&DecodeError{Scheme: "a", Pointer: "/x", Rule: "required", Detail: "missing properties: 'x'", Err: ErrSchema},
		&DecodeError{Scheme: "a", Pointer: "/y", Rule: "required", Detail: "missing properties: 'x'", Err: ErrSchema},
		&DecodeError{Scheme: "a", Pointer: "/x", Rule: "pattern", Detail: "missing properties: 'x'", Err: ErrSchema},
		&DecodeError{Scheme: "a/x", Pointer: "", Rule: "required", Detail: "missing properties: 'x'", Err: ErrSchema},
		&DecodeError{Scheme: "a", Pointer: "/x", Rule: "required", Detail: "other", Err: ErrSchema},
		&DecodeError{Scheme: "a", Pointer: "/x", Rule: "value", Detail: "d", Cause: creditcode.ErrCheck, Err: ErrValue},
		&DecodeError{Scheme: "a", Pointer: "/x", Rule: "value", Detail: "d", Cause: creditcode.ErrLength, Err: ErrValue},
	}
	for _, lang := range []language.Tag{language.Chinese, language.English} {
		w := worker{lang: lang}
		for range 2 { // the second time from the cache
			for _, e := range faults {
				assert.Equal(t, i18n.Error(e, lang), w.decodeMessage(e), "%v", e)
			}
		}
	}
}

package untp

import (
	"encoding/json"
	"regexp"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v5"
)

// admits applies the rules of schema.json to a parsed credential, in Go:
// the fast path of Decode, which otherwise runs the generic validator over
// the same tree. It accepts only what the schema accepts (the differential
// fuzz test FuzzAdmitAgreesWithSchema shows it); it declines integers
// spelt otherwise than as plain digits (12.0, 1.2e1), leaving them to the
// validator.
func admits(v any) bool {
	root, ok := v.(map[string]any)
	if !ok {
		return false
	}
	for _, k := range []string{"@context", "type", "id", "issuer", "validFrom", "name", "credentialSubject"} {
		if _, ok := root[k]; !ok {
			return false
		}
	}
	ctx, ok := root["@context"].([]any)
	if !ok || len(ctx) < 2 || ctx[0] != "https://www.w3.org/ns/credentials/v2" {
		return false
	}
	if s, ok := ctx[1].(string); !ok || !untpContext.MatchString(s) {
		return false
	}
	for _, c := range ctx[2:] {
		if s, ok := c.(string); !ok || utf8.RuneCountInString(s) > 500 {
			return false
		}
	}
	types, ok := root["type"].([]any)
	if !ok || len(types) > 8 {
		return false
	}
	hasDCC := false
	for _, t := range types {
		s, ok := t.(string)
		if !ok || utf8.RuneCountInString(s) > 100 {
			return false
		}
		hasDCC = hasDCC || s == "DigitalConformityCredential"
	}
	if !hasDCC || !uri(root["id"]) || !partyOK(root["issuer"]) || !text(root["name"]) || !dateTime(root["validFrom"]) {
		return false
	}
	if vu, ok := root["validUntil"]; ok && !dateTime(vu) {
		return false
	}
	if cs, ok := root["credentialStatus"]; ok {
		switch x := cs.(type) {
		case map[string]any:
			if !statusEntryOK(x) {
				return false
			}
		case []any:
			if len(x) > 8 {
				return false
			}
			for _, e := range x {
				if !statusEntryOK(e) {
					return false
				}
			}
		default:
			return false
		}
	}
	return attestationOK(root["credentialSubject"])
}

var (
	untpContext = regexp.MustCompile(`^https://vocabulary\.uncefact\.org/untp/`)
	uriPattern  = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*:`)
	indexDigits = regexp.MustCompile(`^[0-9]{1,10}$`)
)

func str(v any, min, max int) (string, bool) {
	s, ok := v.(string)
	if !ok {
		return "", false
	}
	n := utf8.RuneCountInString(s)
	return s, n >= min && n <= max
}

func text(v any) bool { _, ok := str(v, 1, 500); return ok }

func uri(v any) bool {
	s, ok := str(v, 1, 500)
	return ok && uriPattern.MatchString(s)
}

func dateTime(v any) bool {
	_, ok := v.(string)
	return ok && jsonschema.Formats["date-time"](v)
}

func date(v any) bool {
	_, ok := v.(string)
	return ok && jsonschema.Formats["date"](v)
}

func optional(m map[string]any, k string, ok func(any) bool) bool {
	v, present := m[k]
	return !present || ok(v)
}

func partyOK(v any) bool {
	m, ok := v.(map[string]any)
	if !ok {
		return false
	}
	_, hasID := m["id"]
	_, hasName := m["name"]
	return hasID && hasName && uri(m["id"]) && text(m["name"]) &&
		optional(m, "registeredId", func(x any) bool { _, ok := str(x, 0, 100); return ok }) &&
		optional(m, "description", func(x any) bool { _, ok := str(x, 0, 2000); return ok })
}

func refOK(v any) bool {
	m, ok := v.(map[string]any)
	if !ok {
		return false
	}
	_, hasID := m["id"]
	_, hasName := m["name"]
	return hasID && hasName && uri(m["id"]) && text(m["name"])
}

func refsOK(v any) bool {
	a, ok := v.([]any)
	if !ok || len(a) > 32 {
		return false
	}
	for _, x := range a {
		if !refOK(x) {
			return false
		}
	}
	return true
}

func statusEntryOK(v any) bool {
	m, ok := v.(map[string]any)
	if !ok {
		return false
	}
	for _, k := range []string{"type", "statusPurpose", "statusListIndex", "statusListCredential"} {
		if _, ok := m[k]; !ok {
			return false
		}
	}
	if m["type"] != "BitstringStatusListEntry" {
		return false
	}
	switch m["statusPurpose"] {
	case "refresh", "revocation", "suspension", "message":
	default:
		return false
	}
	switch idx := m["statusListIndex"].(type) {
	case string:
		if !indexDigits.MatchString(idx) {
			return false
		}
	case json.Number:
		// Plain digits are an integer in range; other spellings of
		// integers (12.0, 1.2e1) are left to the validator.
		if !indexDigits.MatchString(string(idx)) {
			return false
		}
	default:
		return false
	}
	return uri(m["statusListCredential"])
}

func oneOf(v any, values ...string) bool {
	s, ok := v.(string)
	if !ok {
		return false
	}
	for _, x := range values {
		if s == x {
			return true
		}
	}
	return false
}

func attestationOK(v any) bool {
	m, ok := v.(map[string]any)
	if !ok {
		return false
	}
	for _, k := range []string{"id", "name", "assessorLevel", "assessmentLevel", "attestationType", "issuedToParty", "referenceScheme", "conformityAssessment"} {
		if _, ok := m[k]; !ok {
			return false
		}
	}
	if !uri(m["id"]) || !text(m["name"]) ||
		!oneOf(m["assessorLevel"], "self", "commercial", "buyer", "membership", "unspecified", "3rdParty", "hybrid") ||
		!oneOf(m["assessmentLevel"], "authority-benchmark", "authority-mandate", "authority-globalmra", "authority-peer",
			"authority-extended-mra", "scheme-self", "scheme-cab", "no-endorsement") ||
		!oneOf(m["attestationType"], "certification", "declaration", "inspection", "testing", "verification", "validation", "calibration") ||
		!partyOK(m["issuedToParty"]) || !refOK(m["referenceScheme"]) || !optional(m, "referenceProfile", refOK) {
		return false
	}
	if !optional(m, "authorisation", func(x any) bool {
		a, ok := x.([]any)
		if !ok || len(a) > 8 {
			return false
		}
		for _, e := range a {
			em, ok := e.(map[string]any)
			if !ok {
				return false
			}
			_, hasName := em["name"]
			_, hasAuth := em["issuingAuthority"]
			if !hasName || !hasAuth || !text(em["name"]) || !partyOK(em["issuingAuthority"]) {
				return false
			}
		}
		return true
	}) {
		return false
	}
	cas, ok := m["conformityAssessment"].([]any)
	if !ok || len(cas) < 1 || len(cas) > 8 {
		return false
	}
	for _, c := range cas {
		if !assessmentOK(c) {
			return false
		}
	}
	return true
}

func assessmentOK(v any) bool {
	m, ok := v.(map[string]any)
	if !ok {
		return false
	}
	for _, k := range []string{"id", "name", "assessmentCriteria", "assessmentDate", "assessedPerformance", "conformityTopic"} {
		if _, ok := m[k]; !ok {
			return false
		}
	}
	perf, ok := m["assessedPerformance"].([]any)
	if !ok || len(perf) > 64 {
		return false
	}
	isBool := func(x any) bool { _, ok := x.(bool); return ok }
	return uri(m["id"]) && text(m["name"]) && refsOK(m["assessmentCriteria"]) && date(m["assessmentDate"]) &&
		refsOK(m["conformityTopic"]) && optional(m, "referenceStandard", refsOK) && optional(m, "conformance", isBool) &&
		optional(m, "assessedProduct", func(x any) bool {
			a, ok := x.([]any)
			if !ok || len(a) > 8 {
				return false
			}
			for _, p := range a {
				pm, ok := p.(map[string]any)
				if !ok {
					return false
				}
				if _, has := pm["product"]; !has || !refOK(pm["product"]) || !optional(pm, "idVerifiedByCAB", isBool) {
					return false
				}
			}
			return true
		})
}

package untp

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v5"
)

// admits applies the rules of schema.json to a parsed credential, in Go:
// the tree path of Decode (what the fast reader of fast.go declines) runs
// the generic validator over the tree only when admits refuses it. It accepts only what the schema accepts (the differential
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
	if !ok || len(ctx) < 2 || ctx[0] != credentialsContext {
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

// The enumerations and patterns of schema.json, read from it: the schema is
// their one home, and admits applies them.
var (
	statusPurposes     = schemaEnum("$defs", "statusEntry", "properties", "statusPurpose")
	assessorLevels     = schemaEnum("$defs", "attestation", "properties", "assessorLevel")
	assessmentLevels   = schemaEnum("$defs", "attestation", "properties", "assessmentLevel")
	attestationTypes   = schemaEnum("$defs", "attestation", "properties", "attestationType")
	credentialsContext = schemaString("properties", "@context", "prefixItems", "0", "const")
	untpContext        = regexp.MustCompile(schemaString("properties", "@context", "prefixItems", "1", "pattern"))
	uriPattern         = regexp.MustCompile(schemaString("$defs", "uri", "pattern"))
	indexDigits        = regexp.MustCompile(schemaString("$defs", "statusEntry", "properties", "statusListIndex", "oneOf", "0", "pattern"))
)

// schemaAt returns the value of schema.json at path (keys, or indexes of
// arrays written in decimal). It panics when there is none: the schema is
// embedded, so that is a programming error found at start-up.
func schemaAt(path ...string) any {
	var v any
	if err := json.Unmarshal(schemaJSON, &v); err != nil {
		panic("untp: schema.json: " + err.Error())
	}
	for _, k := range path {
		switch x := v.(type) {
		case map[string]any:
			v = x[k]
		case []any:
			i, err := strconv.Atoi(k)
			if err != nil || i < 0 || i >= len(x) {
				panic("untp: schema.json has no " + strings.Join(path, "/"))
			}
			v = x[i]
		default:
			panic("untp: schema.json has no " + strings.Join(path, "/"))
		}
	}
	if v == nil {
		panic("untp: schema.json has no " + strings.Join(path, "/"))
	}
	return v
}

func schemaString(path ...string) string {
	s, ok := schemaAt(path...).(string)
	if !ok {
		panic("untp: schema.json: not a string at " + strings.Join(path, "/"))
	}
	return s
}

func schemaEnum(path ...string) []string {
	list, ok := schemaAt(append(path, "enum")...).([]any)
	if !ok {
		panic("untp: schema.json: no enum at " + strings.Join(path, "/"))
	}
	out := make([]string, len(list))
	for i, x := range list {
		if out[i], ok = x.(string); !ok {
			panic("untp: schema.json: an enum of strings at " + strings.Join(path, "/"))
		}
	}
	return out
}

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
	if !oneOf(m["statusPurpose"], statusPurposes...) {
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
		!oneOf(m["assessorLevel"], assessorLevels...) ||
		!oneOf(m["assessmentLevel"], assessmentLevels...) ||
		!oneOf(m["attestationType"], attestationTypes...) ||
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

// Package untp maps records to and from the UN Transparency Protocol's
// Digital Conformity Credential (DCC, data model v0.7.0), the open
// international format for conformity attestations, so that any system that
// speaks it can exchange records with jxgreen. Import it for its side
// effect, or make an [Issuer] of your own with [NewIssuer]:
//
//	import _ "github.com/jxgreen/jxgreen/recognition/untp"
//
// A record becomes one credential with one ConformityAttestation:
//
//	Record           DCC
//	Scheme           credentialSubject.referenceScheme (urn:jxgreen:scheme:<id>)
//	Number           credentialSubject.id (urn:jxgreen:certificate:<scheme>:<number>)
//	Holder           credentialSubject.issuedToParty (registeredId: credit code)
//	Product          conformityAssessment[0].assessedProduct[0].product
//	Standards        conformityAssessment[0].referenceStandard
//	Attributes       conformityAssessment[0].conformityTopic (urn:jxgreen:attribute:<code>)
//	Body             issuer; its CNCA approval number as an authorisation by CNCA
//	Mode             credentialSubject.referenceProfile (urn:jxgreen:iso17067:<type>);
//	                 attestationType "certification", or "verification" for an evaluation
//	Issued, Expires  validFrom, validUntil
//	Status           credentialStatus: one W3C BitstringStatusListEntry
//
// Status lives in the brand's status list, as UNTP intends: the one W3C
// Bitstring Status List that package mark/statuslist builds from the
// certificate register and signs, where each certificate owns two
// adjacent bits (revocation at an even index n, suspension at n+1). UNTP
// v0.7.0 allows one credentialStatus object, with the properties of a
// BitstringStatusListEntry and no others, and types statusListIndex as an
// integer where the W3C recommendation writes a base-10 string. An
// [Issuer] therefore writes the revocation entry of [statuslist.Entries]
// with an integer index, and a reader that knows the list reads both bits
// ([statuslist.List.StatusAt]). Decode reads a single entry or an array
// of them, with the index as an integer or a string, against the lists a
// [Verifier] was given ([Verifier.WithStatusList]).
//
// A credential whose status cannot be established decodes with status
// unknown (0), which recognition never accepts: one without
// credentialStatus or with an empty one, one whose entries have another
// purpose than revocation or suspension, point to a list the reader was
// not given, to a revocation bit at an odd index or a suspension bit at an
// even one, or outside the list, or that is read outside the list's
// validity window. UNTP cannot tell 注销 from 撤销: both decode as revoked.
//
// Credentials are secured with VC-JOSE-COSE (W3C, "Securing Verifiable
// Credentials using JOSE and COSE", Recommendation, 2025-05-15): a compact
// JWS, alg EdDSA, typ vc+jwt, cty vc, kid naming the issuer's key, whose
// payload is the credential JSON (media type application/vc+jwt).
// [Issuer.Sign] writes one; a [Verifier] checks one against the issuer
// keys the caller trusts ([KeySet]) and marks the record
// [recognition.IntegrityChecked]. A credential read without a proof that
// verifies (a bare credential JSON, or a JWS whose key is not trusted) is
// [recognition.IntegrityUnverified], which recognition never recognises on
// its own word; a status entry is only as good as the signature over it,
// so an unsigned credential cannot borrow a valid certificate's bits to
// any avail.
//
// Only v0.7.0 is read: a credential of another UNTP version (its @context
// names it) is refused with [ErrVersion]. A credential from another
// country decodes and is decided: a registeredId that is not a Chinese
// unified social credit code is kept as written (the check rejects it as
// holder-invalid), and a reference standard whose number the library cannot
// read is kept in Record.OtherStandards.
package untp

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/fold"
	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/certification/creditcode"
	"github.com/jxgreen/jxgreen/mark/statuslist"
	"github.com/jxgreen/jxgreen/recognition"
	"github.com/jxgreen/jxgreen/recognition/internal/registry"
	"github.com/jxgreen/jxgreen/recognition/internal/schema"
	"github.com/jxgreen/jxgreen/standard"
)

const (
	// ID is the id under which the adapter registers.
	ID brand.ID = "untp"
	// Version is the UNTP version the adapter reads and writes.
	Version = "0.7.0"
)

// dccScheme describes the format as a scheme: it is an envelope, not a brand,
// and claims no attributes.
var dccScheme = brand.Brand{
	ID:          ID,
	Name:        "UNTP数字合格证书",
	Aliases:     []string{"联合国透明度协议"},
	EnglishName: "UN Transparency Protocol Digital Conformity Credential",
	Model:       brand.Certification,
	Source:      "UNTP DCC v0.7.0",
}

// contexts are the JSON-LD contexts of a v0.7.0 credential.
var contexts = []string{credentialsContext, "https://vocabulary.uncefact.org/untp/0.7.0/context/"}

//go:embed schema.json
var schemaJSON []byte

var dcc = schema.MustCompile(string(ID), schemaJSON)

// Adapter is the registered UNTP adapter (recognition.Lookup("untp")). Like
// a database/sql driver it keeps no state and is safe to share: it decodes
// DCCs, bare or secured, as [recognition.IntegrityUnverified] with status
// unknown, since it trusts no key and knows no status list; and it encodes
// a record as a DCC without credentialStatus. Its zero value is ready to
// use. To issue credentials whose status travels, make an [Issuer]; to
// read them with their proof and status, a [Verifier].
type Adapter struct{}

// Brand describes the format.
func (a *Adapter) Brand() brand.Brand { return dccScheme.Clone() }

// CarriesAnyScheme marks the adapter as a [recognition.Envelope]: a DCC may
// carry the record of any scheme.
func (a *Adapter) CarriesAnyScheme() {}

// Schema returns the JSON Schema jxgreen holds DCCs to.
func (a *Adapter) Schema() []byte { return append([]byte(nil), schemaJSON...) }

// Agreement returns the default terms for a record that arrives as a DCC,
// as [Issuer.Agreement] does.
func (a *Adapter) Agreement() recognition.Agreement { return recognition.DefaultAgreement(dccScheme) }

// Decode validates a DCC and maps it to a record: integrity unverified
// (no key is trusted), status unknown (no list is known). A secured
// credential (a compact JWS, or a JSON string holding one) is read
// without its proof being checked, the same way.
func (a *Adapter) Decode(native []byte) (recognition.Record, error) {
	return (&Verifier{}).Decode(native)
}

// DecodeBySchema is Decode without the fast admission.
func (a *Adapter) DecodeBySchema(native []byte) (recognition.Record, error) {
	return (&Verifier{}).DecodeBySchema(native)
}

// CarriesStatus reports false: Encode writes no credentialStatus, so that
// recognition.Export refuses the adapter (recognition.StatusCarrier) and
// points to [Issuer].
func (a *Adapter) CarriesStatus() bool { return false }

// Encode writes r as a DCC without credentialStatus; nothing is kept.
func (a *Adapter) Encode(r recognition.Record) ([]byte, error) { return encode(r, "", nil) }

// Issuer writes the brand's credentials: its Encode gives each 江西绿色生态
// certificate the revocation entry of its place in the brand's status list
// (the index drawn by the [statuslist.Index] the issuer keeps, the same one
// that signs label codes: mark.Signer.WithStatusIndex), and [Issuer.Sign]
// secures the credential with the issuer's key. The list itself is built
// from the register ([statuslist.Build]) and published beside the
// credentials. A record of another scheme is written without
// credentialStatus, since the brand cannot vouch for its status, unless
// the index already gives its number a place (the brand registered it). Its Decode is
// the registered [Adapter]'s. Make one with [NewIssuer]; it is safe for
// concurrent use.
type Issuer struct {
	listURL string
	index   *statuslist.Index
}

// NewIssuer returns an issuer whose credentials point into the status list
// published at listURL (for example "https://certs.example.org/status/1"),
// with places drawn by index. A nil index starts a new one: keep it with
// the register ([Issuer.Index]), since losing it strands every credential
// issued.
func NewIssuer(listURL string, index *statuslist.Index) *Issuer {
	if index == nil {
		index = statuslist.NewIndex()
	}
	return &Issuer{listURL: listURL, index: index}
}

// Index returns the issuer's index of places in the status list, to build
// the list from ([statuslist.Build]) and to keep.
func (a *Issuer) Index() *statuslist.Index { return a.index }

// StatusListURL returns the address of the status list the issuer's
// credentials point into.
func (a *Issuer) StatusListURL() string { return a.listURL }

// Sentinel errors of the package.
var (
	// ErrStatus is returned when Encode cannot write the record's status in
	// a DCC. A [*StatusError] wraps it.
	ErrStatus = i18n.NewSentinel("untp.ErrStatus", "DCC 无法表示该证书状态", "a DCC cannot carry the certificate's status")
	// ErrVersion is returned when the credential is of a UNTP version
	// other than [Version].
	ErrVersion = i18n.NewSentinel("untp.ErrVersion", "不支持该 UNTP 版本", "unsupported UNTP version")
)

// StatusError reports a record that Encode refuses because a DCC's status
// lists can say only revoked or suspended: an expired or pending
// (not yet valid) record would be read back as valid. It wraps [ErrStatus]
// and [recognition.ErrEncode].
type StatusError struct {
	Number string
	Status certification.Status
}

// Error returns the English description of the error.
func (e *StatusError) Error() string { return "untp: " + e.Localize(i18n.English()) }

// Localize describes the error in the language that best matches tag.
func (e *StatusError) Localize(tag language.Tag) string {
	return i18n.Sprintf(tag, "untp.StatusError", e.Number, e.Status.Localize(tag))
}

// Unwrap returns [ErrStatus] and [recognition.ErrEncode].
func (e *StatusError) Unwrap() []error { return []error{ErrStatus, recognition.ErrEncode} }

func init() {
	recognition.Register(&Adapter{})
	i18n.Set("untp.StatusError", "证书 %s 的状态为“%s”，DCC 的状态列表只能表示撤销或暂停，写出后会被读作有效，故不写出",
		"certificate %s is %s: a DCC's status lists say only revoked or suspended, so it would read back as valid; not written")
	i18n.Set("recognition.rule.version", "版本不受支持", "unsupported version")
	i18n.Table("untp.fault.", [][3]string{
		{"version", "不支持 UNTP %s 版本（支持的版本：%s）", "UNTP version %s is not supported (supported: %s)"},
		{"number", "证书编号 %q 无法解码", "the certificate number %q cannot be decoded"},
		{"product", "未说明被评定的产品", "no assessed product"},
		{"standard", "未说明依据的标准", "no reference standard"},
		{"validity", "validUntil 不晚于 validFrom", "validUntil is not after validFrom"},
		{"index", "statusListIndex %q 无效", "bad statusListIndex %q"},
		{"nonconformance", "合格评定结论为不符合（conformance: false）", "the conformity assessment found non-conformance (conformance: false)"},
		{"outside", "被评定的产品“%s”与证书的产品不同，且不在所依据标准的适用对象之内", "the assessed product “%s” is not the credential's product and is outside the subject of the standards cited"},
	})
}

// Brand describes the format.
func (a *Issuer) Brand() brand.Brand { return dccScheme.Clone() }

// CarriesAnyScheme marks the adapter as a [recognition.Envelope]: a DCC may
// carry the record of any scheme.
func (a *Issuer) CarriesAnyScheme() {}

// Schema returns the JSON Schema jxgreen holds DCCs to.
func (a *Issuer) Schema() []byte { return append([]byte(nil), schemaJSON...) }

// Agreement returns the default terms for a record that arrives as a DCC:
// recognition.DefaultAgreement with the UNTP envelope as the scheme. A
// record of a scheme that has its own adapter is better checked with that
// adapter's agreement ([recognition.AgreementFor]).
func (a *Issuer) Agreement() recognition.Agreement { return recognition.DefaultAgreement(dccScheme) }

// The DCC types, as far as jxgreen reads and writes them.
type (
	credential struct {
		Context           []string        `json:"@context"`
		Type              []string        `json:"type"`
		ID                string          `json:"id"`
		Issuer            party           `json:"issuer"`
		ValidFrom         string          `json:"validFrom"`
		ValidUntil        string          `json:"validUntil,omitempty"`
		Name              string          `json:"name"`
		CredentialStatus  json.RawMessage `json:"credentialStatus,omitempty"`
		CredentialSubject attestation     `json:"credentialSubject"`
	}
	party struct {
		Type         []string `json:"type,omitempty"`
		ID           string   `json:"id"`
		Name         string   `json:"name"`
		RegisteredID string   `json:"registeredId,omitempty"`
	}
	ref struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	}
	endorsement struct {
		Name             string `json:"name"`
		IssuingAuthority party  `json:"issuingAuthority"`
	}
	attestation struct {
		Type                 []string      `json:"type,omitempty"`
		ID                   string        `json:"id"`
		Name                 string        `json:"name"`
		AssessorLevel        string        `json:"assessorLevel"`
		AssessmentLevel      string        `json:"assessmentLevel"`
		AttestationType      string        `json:"attestationType"`
		IssuedToParty        party         `json:"issuedToParty"`
		ReferenceScheme      ref           `json:"referenceScheme"`
		ReferenceProfile     *ref          `json:"referenceProfile,omitempty"`
		Authorisation        []endorsement `json:"authorisation,omitempty"`
		ConformityAssessment []assessment  `json:"conformityAssessment"`
	}
	assessment struct {
		ID                  string    `json:"id"`
		Name                string    `json:"name"`
		AssessmentCriteria  []ref     `json:"assessmentCriteria"`
		AssessmentDate      string    `json:"assessmentDate"`
		AssessedPerformance []any     `json:"assessedPerformance"`
		ConformityTopic     []ref     `json:"conformityTopic"`
		ReferenceStandard   []ref     `json:"referenceStandard,omitempty"`
		AssessedProduct     []product `json:"assessedProduct,omitempty"`
		Conformance         *bool     `json:"conformance,omitempty"`
	}
	product struct {
		Product         ref  `json:"product"`
		IDVerifiedByCAB bool `json:"idVerifiedByCAB"`
	}
	statusEntry struct {
		Type                 string          `json:"type"`
		StatusPurpose        string          `json:"statusPurpose"`
		StatusListIndex      json.RawMessage `json:"statusListIndex"`
		StatusListCredential string          `json:"statusListCredential"`
	}
)

// URN prefixes of the identifiers jxgreen writes.
const (
	urnScheme      = "urn:jxgreen:scheme:"
	urnCertificate = "urn:jxgreen:certificate:"
	urnCredential  = "urn:jxgreen:credential:"
	urnParty       = "urn:jxgreen:party:"
	urnBody        = "urn:jxgreen:body:"
	urnProduct     = "urn:jxgreen:product:"
	urnStandard    = "urn:jxgreen:standard:"
	urnAttribute   = "urn:jxgreen:attribute:"
	urnMode        = "urn:jxgreen:iso17067:"
	urnCNCA        = "urn:jxgreen:authority:cnca"
)

// Decode validates a DCC against the schema and maps it to a record, as
// the registered [Adapter] does: integrity unverified, status unknown.
func (a *Issuer) Decode(native []byte) (recognition.Record, error) {
	return (&Verifier{}).Decode(native)
}

// DecodeBySchema is Decode with the compiled JSON Schema always run.
func (a *Issuer) DecodeBySchema(native []byte) (recognition.Record, error) {
	return (&Verifier{}).DecodeBySchema(native)
}

// parseDCC parses a credential and validates it against the schema. The
// credential is parsed once; the schema's rules are applied to it in Go,
// and the compiled schema runs only when they refuse it, to say why in the
// schema's words (always, when bySchema).
func parseDCC(native []byte, bySchema bool) (any, error) {
	v, err := dcc.Parse(native)
	if err != nil {
		return nil, err
	}
	if err := checkVersion(v); err != nil {
		return nil, err
	}
	if bySchema || !admits(v) {
		if err := dcc.ValidateValue(v); err != nil {
			return nil, err
		}
	}
	return v, nil
}

// versionRE finds the version in a UNTP context URL: v0.7.0 writes
// https://vocabulary.uncefact.org/untp/0.7.0/context/, earlier versions
// https://test.uncefact.org/vocabulary/untp/dcc/0.5.0/ and the like, and
// drafts .../untp/dcc/working/.
var versionRE = regexp.MustCompile(`uncefact\.org/(?:[a-z]+/)*untp/(?:[a-z]+/)?([0-9]+\.[0-9]+(?:\.[0-9]+)?|working)/`)

// checkVersion refuses a credential whose @context names a UNTP version
// other than [Version], before the schema would report it as a credential
// of the right version with fields missing.
func checkVersion(v any) error {
	root, _ := v.(map[string]any)
	ctx, _ := root["@context"].([]any)
	for i, c := range ctx {
		s, _ := c.(string)
		if s == contexts[1] || !strings.Contains(s, "untp/") {
			continue // the common case, without the regular expression
		}
		m := versionRE.FindStringSubmatch(s)
		if m == nil || m[1] == Version {
			continue
		}
		f := schema.NewFault("untp.fault.version", m[1], Version)
		return &recognition.DecodeError{Scheme: string(ID), Pointer: "/@context/" + strconv.Itoa(i), Rule: "version",
			Detail: f.Error(), Cause: f, Err: ErrVersion}
	}
	return nil
}

// tree reads a schema-valid credential.
type tree map[string]any

func (t tree) obj(k string) tree   { m, _ := t[k].(map[string]any); return m }
func (t tree) str(k string) string { s, _ := t[k].(string); return s }
func (t tree) list(k string) []any { l, _ := t[k].([]any); return l }
func (t tree) ref(k string) ref    { o := t.obj(k); return ref{ID: o.str("id"), Name: o.str("name")} }
func item(l []any, i int) tree     { m, _ := l[i].(map[string]any); return m }
func refAt(l []any, i int) ref     { o := item(l, i); return ref{ID: o.str("id"), Name: o.str("name")} }

// fromTree maps a credential the schema admitted to a record, reading its
// status in the lists of sr (none when nil).
func fromTree(v any, sr *statusReader) (recognition.Record, error) {
	root, _ := v.(map[string]any)
	c := tree(root)
	bad := func(ptr string, err error) (recognition.Record, error) {
		return recognition.Record{}, schema.ValueError(string(ID), ptr, err)
	}
	s := c.obj("credentialSubject")
	rs := s.ref("referenceScheme")
	scheme, evaluation := schemeOfCached(rs.ID, rs.Name)
	r := recognition.Record{Scheme: scheme}

	r.Number = s.str("id")
	if rest, ok := strings.CutPrefix(r.Number, urnCertificate+string(r.Scheme)+":"); ok {
		n, err := url.PathUnescape(rest)
		if err != nil || n == "" {
			return bad("/credentialSubject/id", schema.NewFault("untp.fault.number", rest))
		}
		r.Number = n
	}

	holder := s.obj("issuedToParty")
	regID := holder.str("registeredId")
	code, err := creditcode.Parse(regID)
	switch {
	case err == nil:
	case looksLikeCreditCode(regID):
		return bad("/credentialSubject/issuedToParty/registeredId", err)
	default:
		// Another country's register: kept as written, for the check to
		// judge (a Chinese scheme rejects it as holder-invalid).
		code = creditcode.Code(regID)
	}
	r.Holder = certification.Holder{Name: holder.str("name"), Code: code}

	cas := s.list("conformityAssessment")
	ca := item(cas, 0)
	products := ca.list("assessedProduct")
	if len(products) == 0 {
		return bad("/credentialSubject/conformityAssessment/0/assessedProduct", schema.NewFault("untp.fault.product"))
	}
	r.Product = item(products, 0).ref("product").Name
	stds := ca.list("referenceStandard")
	if len(stds) == 0 {
		return bad("/credentialSubject/conformityAssessment/0/referenceStandard", schema.NewFault("untp.fault.standard"))
	}
	for i := range stds {
		name := refAt(stds, i).Name
		n, err := standard.Parse(name)
		switch {
		case err == nil:
			r.Standards = append(r.Standards, n)
		case errors.Is(err, standard.ErrPrefix) && foreignStandard(name):
			// Not a Chinese standard code: an international or foreign
			// standard, kept as written and never matched to ours.
			r.OtherStandards = append(r.OtherStandards, name)
		default:
			return bad(fmt.Sprintf("/credentialSubject/conformityAssessment/0/referenceStandard/%d/name", i), err)
		}
	}
	if ptr, err := checkAssessments(cas, r.Product); err != nil {
		return bad(ptr, err)
	}
	topics := ca.list("conformityTopic")
	for i := range topics {
		if codeName, ok := strings.CutPrefix(refAt(topics, i).ID, urnAttribute); ok {
			at, err := brand.ParseAttribute(codeName)
			if err != nil {
				return bad(fmt.Sprintf("/credentialSubject/conformityAssessment/0/conformityTopic/%d/id", i), err)
			}
			r.Attributes = append(r.Attributes, at)
		}
	}

	r.Body = certification.Body{Name: c.obj("issuer").str("name"),
		Certifies: s.str("attestationType") == "certification" && s.str("assessorLevel") == "3rdParty"}
	for _, e := range s.list("authorisation") {
		m, _ := e.(map[string]any)
		em := tree(m)
		if em.obj("issuingAuthority").str("id") == urnCNCA {
			r.Body.Approval = em.str("name")
		}
	}
	// The mode of an evaluation scheme (圳品) is not taken from the
	// credential: its native records have none, and a DCC's claim of
	// certification would lift the evaluation-only condition.
	if p := s.obj("referenceProfile"); p != nil && !evaluation {
		if m, ok := strings.CutPrefix(p.str("id"), urnMode); ok {
			mode, err := certification.ParseMode(m)
			if err != nil {
				return bad("/credentialSubject/referenceProfile/id", err)
			}
			r.Mode = mode
		}
	}

	if r.Issued, err = time.Parse(time.RFC3339, c.str("validFrom")); err != nil {
		return bad("/validFrom", err)
	}
	r.Issued = r.Issued.In(brand.ChinaTime())
	if vu := c.str("validUntil"); vu != "" {
		if r.Expires, err = time.Parse(time.RFC3339, vu); err != nil {
			return bad("/validUntil", err)
		}
		r.Expires = r.Expires.In(brand.ChinaTime())
		if !r.Expires.After(r.Issued) {
			return bad("/validUntil", schema.NewFault("untp.fault.validity"))
		}
	}
	if r.Status, err = sr.status(c["credentialStatus"]); err != nil {
		return bad("/credentialStatus", err)
	}
	return r, nil
}

// schemeCache holds what SchemeOf and evaluationScheme said of the
// referenceSchemes seen, which are few in real input, so that decoding
// does not fold the same names again; it stops growing at schemeCacheMax
// entries, whatever the input.
var schemeCache = struct {
	sync.RWMutex
	m   map[[2]string]cachedScheme
	gen uint64 // the registry's generation the answers were looked up at
}{m: map[[2]string]cachedScheme{}}

const schemeCacheMax = 1024

type cachedScheme struct {
	id         brand.ID
	evaluation bool
}

// schemeOfCached is SchemeOf, and whether the scheme is an evaluation
// scheme, through schemeCache. The answers hold while recognition's
// registry of adapters is unchanged; a scheme registered later
// (recognition.RegisterScheme at run time) empties the cache.
func schemeOfCached(id, name string) (brand.ID, bool) {
	k := [2]string{id, name}
	gen := registry.Generation()
	schemeCache.RLock()
	c, ok := schemeCache.m[k]
	fresh := schemeCache.gen == gen
	schemeCache.RUnlock()
	if ok && fresh {
		return c.id, c.evaluation
	}
	scheme, _ := SchemeOf(id, name)
	c = cachedScheme{id: scheme, evaluation: evaluationScheme(scheme)}
	schemeCache.Lock()
	if gen > schemeCache.gen {
		clear(schemeCache.m) // answers of an older registry go
		schemeCache.gen = gen
	}
	if gen == schemeCache.gen && len(schemeCache.m) < schemeCacheMax {
		schemeCache.m[k] = c
	}
	schemeCache.Unlock()
	return c.id, c.evaluation
}

// evaluationScheme reports whether scheme is that of a registered adapter
// whose brand evaluates rather than certifies (brand.Evaluation).
func evaluationScheme(scheme brand.ID) bool {
	ad, ok := recognition.Lookup(string(scheme))
	return ok && ad.Brand().ID == scheme && ad.Brand().Model == brand.Evaluation
}

// coveredByCited reports whether product is covered
// ([standard.Standard.Covers]) by every catalogue standard that stds cite,
// and at least one does: the rule for every assessed product of a
// credential other than the record's own, whichever reader read it.
func coveredByCited(cat *standard.Catalog, stds []string, product string) bool {
	covered := 0
	for _, s := range stds {
		n, err := standard.Parse(s)
		if err != nil {
			continue
		}
		doc, known := cat.Lookup(n)
		if !known {
			continue
		}
		if !doc.Covers(product) {
			return false
		}
		covered++
	}
	return covered > 0
}

// checkAssessments holds every conformityAssessment of a credential to the
// record decoded from the first product of the first one: none may record
// non-conformance ("conformance": false), and every other assessed
// product must be the record's product or be covered
// ([standard.Standard.Covers]) by every catalogue standard its assessment
// cites, at least one. It returns the JSON pointer of the first fault.
func checkAssessments(cas []any, product string) (string, error) {
	cat := standard.Catalogue()
	for i := range cas {
		ca := item(cas, i)
		at := "/credentialSubject/conformityAssessment/" + strconv.Itoa(i)
		if ok, isBool := ca["conformance"].(bool); isBool && !ok {
			return at + "/conformance", schema.NewFault("untp.fault.nonconformance")
		}
		products := ca.list("assessedProduct")
		for j := range products {
			name := item(products, j).ref("product").Name
			if i == 0 && j == 0 || foldScheme(name) == foldScheme(product) {
				continue
			}
			stds := ca.list("referenceStandard")
			names := make([]string, len(stds))
			for k := range stds {
				names[k] = refAt(stds, k).Name
			}
			if !coveredByCited(cat, names, name) {
				return fmt.Sprintf("%s/assessedProduct/%d/product/name", at, j), schema.NewFault("untp.fault.outside", name)
			}
		}
	}
	return "", nil
}

// SchemeOf returns the scheme a credential's referenceScheme (its id and
// name) names, and whether it names it exactly.
//
// A credential that claims to be a 江西绿色生态 certificate in any
// spelling is a 江西绿色生态 claim, whatever else it says: an id that is
// urn:jxgreen:scheme:jxgreen after folding case, width, spaces and quotes,
// or a name that holds 江西绿色生态 or "Jiangxi Green Ecology" after the
// same folding. Its record then has the scheme [brand.JiangxiGreen], and
// [recognition.Agreement.Check] checks the claim against the caller's
// certificate registry (claim-unknown) or keeps it conditional
// (claim-unverified); a forger gains nothing by spelling our scheme
// another way.
//
// Otherwise the scheme is exact when the id is urn:jxgreen:scheme:<id> of
// a registered adapter, written exactly so; an id of that form in another
// spelling, or a name a registered adapter answers to, names that scheme
// but not exactly; anything else is kept as written (the id, or the name
// when there is no id) and is checked by the UNTP default agreement,
// which never recognises a scheme that assesses none of our attributes
// (attributes-uncovered: at most conditional).
func SchemeOf(id, name string) (scheme brand.ID, exact bool) {
	fid := foldScheme(id)
	if rest, ok := strings.CutPrefix(fid, urnScheme); ok {
		fid = rest
	} else {
		fid = ""
	}
	if fid == string(brand.JiangxiGreen) || claimsJiangxiGreen(name) || claimsJiangxiGreen(id) {
		return brand.JiangxiGreen, strings.TrimPrefix(id, urnScheme) == string(brand.JiangxiGreen)
	}
	if rest, ok := strings.CutPrefix(id, urnScheme); ok {
		if ad, ok := recognition.Lookup(rest); ok && string(ad.Brand().ID) == rest {
			return ad.Brand().ID, true
		}
	}
	if fid != "" {
		if ad, ok := recognition.Lookup(fid); ok {
			return ad.Brand().ID, false
		}
	}
	if ad, ok := recognition.Lookup(name); ok {
		return ad.Brand().ID, false
	}
	if id == "" {
		return brand.ID(strings.TrimSpace(name)), false
	}
	if rest, ok := strings.CutPrefix(id, urnScheme); ok {
		return brand.ID(rest), false
	}
	return brand.ID(id), false
}

// foldScheme folds a scheme id or name for comparison: width, case,
// spaces, invisible format characters (zero-width space, …), quotation
// marks and brackets go.
func foldScheme(s string) string {
	s = fold.Title(s) // width, case, spaces, quotation marks, title brackets, dashes
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsSpace(r), unicode.Is(unicode.Quotation_Mark, r), unicode.Is(unicode.Cf, r),
			strings.ContainsRune("《》〈〉「」『』【】()[]·.-_", r):
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// ourNames are the folded names of 江西绿色生态: Chinese, in traditional
// characters too, and English.
var ourNames = []string{foldScheme(brand.JiangxiGreenEcology().Name), foldScheme("江西綠色生態"),
	foldScheme(brand.JiangxiGreenEcology().EnglishName)}

// claimsJiangxiGreen reports whether s names 江西绿色生态 in any spelling:
// one of its names anywhere in s, or s being its id.
func claimsJiangxiGreen(s string) bool {
	f := foldScheme(s)
	if f == "" {
		return false
	}
	if f == string(brand.JiangxiGreen) {
		return true
	}
	for _, n := range ourNames {
		if strings.Contains(f, n) {
			return true
		}
	}
	for _, a := range brand.JiangxiGreenEcology().Aliases {
		if fa := foldScheme(a); fa != "" && strings.Contains(f, fa) {
			return true
		}
	}
	return false
}

// statusReader reads credentials' status entries in the lists it was
// given, at one time.
type statusReader struct {
	lists  map[string]signedList // by the URL a credential names
	signer string                // the kid that signed the credential; "" for none
	at     time.Time
}

// status reads the credential's status entries. The status is unknown (0)
// unless every entry of purpose revocation or suspension can be read, and
// at least one is: in a list the reader knows, a revocation entry at an
// even index or a suspension entry at the odd index after it, within the
// list and its validity window at the reader's time; for a signed
// credential, in a list signed by the same key.
func (sr *statusReader) status(v any) (certification.Status, error) {
	var entries []any
	switch x := v.(type) {
	case map[string]any:
		entries = []any{x}
	case []any:
		entries = x
	}
	views := make([]entryView, len(entries))
	for i, e := range entries {
		m, _ := e.(map[string]any)
		views[i].purpose, _ = m["statusPurpose"].(string)
		views[i].list, _ = m["statusListCredential"].(string)
		switch x := m["statusListIndex"].(type) {
		case string:
			views[i].index = x
		case json.Number:
			views[i].index, views[i].indexNum = x.String(), true
		}
	}
	return sr.statusOf(views)
}

// foreignBodies are the codes of international and foreign standards
// bodies whose standards UNTP credentials cite.
var foreignBodies = map[string]bool{
	"ISO": true, "IEC": true, "ITU": true, "EN": true, "CEN": true, "CENELEC": true, "ETSI": true,
	"ASTM": true, "ANSI": true, "UL": true, "IEEE": true, "SAE": true, "ASME": true, "API": true, "NSF": true,
	"BS": true, "DIN": true, "NF": true, "JIS": true, "KS": true, "AS": true, "NZS": true, "CSA": true,
	"AOAC": true, "CAC": true, "OECD": true, "IPC": true,
}

// foreignStandard reports whether name is the number of an international
// or foreign standard ("ISO 14064-1:2018", "ISO/IEC 17065:2012",
// "EN 71-3:2019"), which a Chinese standard number parser does not read:
// its first word is the code of such a body.
func foreignStandard(name string) bool {
	word, _, _ := strings.Cut(strings.TrimSpace(name), " ")
	word, _, _ = strings.Cut(word, "/")
	return foreignBodies[strings.ToUpper(word)]
}

// looksLikeCreditCode reports whether s has the 18 characters of a
// unified social credit code (spaces aside), so that a wrong check
// character is an error rather than a foreign registration number.
func looksLikeCreditCode(s string) bool {
	n := 0
	for _, c := range strings.ToUpper(s) {
		switch {
		case c == ' ' || c == '\u3000':
		case c >= '0' && c <= '9' || c >= 'A' && c <= 'Z':
			n++
		default:
			return false
		}
	}
	return n == 18
}

// Encode writes r as a DCC. A 江西绿色生态 certificate gets the revocation
// entry of its place in the issuer's status list (drawn the first time);
// its status is what the published list says, not r.Status.
func (a *Issuer) Encode(r recognition.Record) ([]byte, error) { return encode(r, a.listURL, a.index) }

// encode writes r as a DCC, with the status entry of its place in index
// when index is not nil and r is a 江西绿色生态 certificate (which gets a
// place the first time) or a record whose number index already places.
func encode(r recognition.Record, listURL string, index *statuslist.Index) ([]byte, error) {
	fail := func(why string) ([]byte, error) {
		return nil, fmt.Errorf("untp: encode %q: %s: %w", r.Number, why, recognition.ErrEncode)
	}
	switch {
	case r.Number == "" || r.Scheme == "":
		return fail("no number or scheme")
	case r.Issued.IsZero():
		return fail("no issue date")
	case len(r.Standards)+len(r.OtherStandards) == 0:
		return fail("no standard")
	case r.Product == "":
		return fail("no product")
	case r.Status == 0:
		return fail("no status")
	case r.Status == certification.Expired || r.Status == certification.Pending:
		// A status list holds revocation and suspension only: an expired
		// or pending record would be written as one that is valid.
		return nil, &StatusError{Number: r.Number, Status: r.Status}
	}
	schemeName := string(r.Scheme)
	if ad, ok := recognition.Lookup(string(r.Scheme)); ok {
		schemeName = ad.Brand().Name
	} else if r.Scheme == brand.JiangxiGreen {
		schemeName = brand.JiangxiGreenEcology().Name
	}
	certID := urnCertificate + string(r.Scheme) + ":" + url.PathEscape(r.Number)
	attType := "verification"
	var profile *ref
	if r.Mode != 0 || r.Body.Certifies {
		// A certification body's attestation is a certification, with or
		// without a mode, so that Decode gives Body.Certifies back.
		attType = "certification"
	}
	if r.Mode != 0 {
		profile = &ref{ID: urnMode + r.Mode.String(), Name: "ISO/IEC 17067 type " + r.Mode.String()}
	}
	assessor := "3rdParty"
	if !r.Body.Certifies && r.Mode != 0 {
		assessor = "unspecified"
	}
	ca := assessment{
		ID:                  urnCertificate + string(r.Scheme) + ":" + url.PathEscape(r.Number) + "#assessment",
		Name:                schemeName + " " + r.Number,
		AssessmentCriteria:  []ref{},
		AssessmentDate:      r.Issued.In(brand.ChinaTime()).Format(time.DateOnly),
		AssessedPerformance: []any{},
		ConformityTopic:     []ref{},
		AssessedProduct:     []product{{Product: ref{ID: urnProduct + url.PathEscape(r.Product), Name: r.Product}}},
	}
	names := make([]string, 0, len(r.Standards)+len(r.OtherStandards))
	for _, n := range r.Standards {
		names = append(names, n.String())
	}
	names = append(names, r.OtherStandards...)
	for _, n := range names {
		ref := ref{ID: urnStandard + url.PathEscape(n), Name: n}
		ca.ReferenceStandard = append(ca.ReferenceStandard, ref)
		ca.AssessmentCriteria = append(ca.AssessmentCriteria, ref)
	}
	for _, at := range r.Attributes {
		ca.ConformityTopic = append(ca.ConformityTopic, ref{ID: urnAttribute + at.String(), Name: at.Localize(i18n.Chinese())})
	}
	c := credential{
		Context:   contexts,
		Type:      []string{"VerifiableCredential", "DigitalConformityCredential"},
		ID:        urnCredential + string(r.Scheme) + ":" + url.PathEscape(r.Number),
		Issuer:    party{Type: []string{"CredentialIssuer"}, ID: urnBody + url.PathEscape(r.Body.Name), Name: r.Body.Name},
		ValidFrom: r.Issued.In(brand.ChinaTime()).Format(time.RFC3339),
		Name:      schemeName + " " + r.Number,
		CredentialSubject: attestation{
			Type:                 []string{"ConformityAttestation"},
			ID:                   certID,
			Name:                 schemeName + " " + r.Number,
			AssessorLevel:        assessor,
			AssessmentLevel:      "scheme-cab",
			AttestationType:      attType,
			IssuedToParty:        party{ID: urnParty + url.PathEscape(string(r.Holder.Code)), Name: r.Holder.Name, RegisteredID: string(r.Holder.Code)},
			ReferenceScheme:      ref{ID: urnScheme + string(r.Scheme), Name: schemeName},
			ReferenceProfile:     profile,
			ConformityAssessment: []assessment{ca},
		},
	}
	if r.Body.Name == "" {
		return fail("no body")
	}
	if r.Body.Approval != "" {
		c.CredentialSubject.Authorisation = []endorsement{{Name: r.Body.Approval,
			IssuingAuthority: party{ID: urnCNCA, Name: "国家认证认可监督管理委员会（CNCA）"}}}
	}
	if !r.Expires.IsZero() {
		c.ValidUntil = r.Expires.In(brand.ChinaTime()).Format(time.RFC3339)
	}
	// One entry, as UNTP v0.7.0 allows: revocation, at the even index of
	// the certificate's two bits (see the package comment). An issuer of
	// no list (the registered Adapter) writes no status.
	n, placed := -1, false
	switch {
	case index == nil:
	case r.Scheme == brand.JiangxiGreen:
		var err error
		if n, err = index.Assign(r.Number); err != nil {
			return nil, fmt.Errorf("untp: encode %q: %w: %w", r.Number, recognition.ErrEncode, err)
		}
		placed = true
	default:
		n, placed = index.Lookup(r.Number)
	}
	if placed {
		e := statuslist.Entries(listURL, n)[0]
		status, _ := json.Marshal(statusEntry{Type: e.Type, StatusPurpose: e.StatusPurpose,
			StatusListIndex: json.RawMessage(e.StatusListIndex), StatusListCredential: e.StatusListCredential})
		c.CredentialStatus = status
	}
	out, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		return fail(err.Error())
	}
	if err := dcc.Validate(out); err != nil {
		return fail(err.Error())
	}
	return out, nil
}

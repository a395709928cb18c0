package certification

import "context"

// ContextLookup is a [Lookup] whose read of one certificate takes a
// context and can fail: a store over a database or a network (package
// certification/sqlstore) can then say "I cannot answer now" instead of
// "no such certificate". A caller that checks codes or credentials
// detects it with a type assertion, and tells a person that the check
// cannot be made now rather than that a genuine certificate does not
// exist. It is a separate interface so that every Lookup stays valid.
type ContextLookup interface {
	Lookup
	// Get returns the certificate with the given number. It fails with
	// an error wrapping [ErrNotFound] when there is no such certificate,
	// and with any other error (the context's, the database's) when the
	// store cannot answer.
	Get(ctx context.Context, number string) (Certificate, error)
}

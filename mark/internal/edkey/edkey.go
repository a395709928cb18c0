// Package edkey is the one home of the rule that says whether 32 bytes are
// a safe Ed25519 public key to trust, shared by the label codes of package
// mark and the status lists of package mark/statuslist.
package edkey

import (
	"crypto/ed25519"

	"filippo.io/edwards25519"
)

// Problem says why k is not a usable Ed25519 public key: "size",
// "not-a-point", "non-canonical" or "small-order" (a key under which
// anyone can forge signatures, such as 32 zero bytes); "" for a good key.
func Problem(k ed25519.PublicKey) string {
	if len(k) != ed25519.PublicKeySize {
		return "size"
	}
	p, err := new(edwards25519.Point).SetBytes(k)
	if err != nil {
		return "not-a-point"
	}
	// SetBytes accepts the non-canonical encodings of a few points.
	if string(p.Bytes()) != string(k) {
		return "non-canonical"
	}
	// A point of small order is the identity once multiplied by the
	// cofactor 8; signatures "verify" under it without the private key.
	if new(edwards25519.Point).MultByCofactor(p).Equal(edwards25519.NewIdentityPoint()) == 1 {
		return "small-order"
	}
	return ""
}

// PrivateProblem says why key is not a usable Ed25519 private key:
// "private-size", or "private-mismatch" when its public half is not the
// public key of its seed (a damaged or mis-assembled key file: it would
// sign under a key no verifier matches); "" for a good key.
func PrivateProblem(key ed25519.PrivateKey) string {
	if len(key) != ed25519.PrivateKeySize {
		return "private-size"
	}
	if !ed25519.NewKeyFromSeed(key.Seed()).Equal(key) {
		return "private-mismatch"
	}
	return ""
}

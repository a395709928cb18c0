package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestRun(t *testing.T) {
	var out, errb bytes.Buffer
	assert.Equal(t, 0, run([]string{"-lang", "en"}, &out, &errb), errb.String())
	s := out.String()
	assert.Equal(t, 1, strings.Count(s, ": allowed"))
	for _, code := range []string{"holder-mismatch", "product-mismatch", "look-alike-name", "distorted", "number-not-shown", "unknown-certificate", "wrong-medium"} {
		assert.Contains(t, s, "["+code+"]")
	}
	assert.Contains(t, s, "genuine: certificate JXGE-DEMO-0002")
	assert.Contains(t, s, "one character altered:")
	assert.Contains(t, s, "signed with another key: the code was not signed by a trusted key or was altered")
	assert.Contains(t, s, "has expired")
	assert.Equal(t, 0, run(nil, &out, &errb))
	assert.Equal(t, 2, run([]string{"-lang", "!"}, &out, &errb))
}

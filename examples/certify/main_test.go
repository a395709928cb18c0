package main

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestRun(t *testing.T) {
	var out, errb bytes.Buffer
	assert.Equal(t, 0, run([]string{"-lang", "en"}, &out, &errb), errb.String())
	s := out.String()
	assert.Contains(t, s, "The application is refused:")
	assert.Contains(t, s, "holder.code")
	assert.Contains(t, s, "Issued certificate JXGE-DEMO-0001")
	assert.Contains(t, s, "suspended")
	assert.Contains(t, s, "cannot renew while suspended")
	assert.Contains(t, s, "expired")
	assert.Contains(t, s, "Renewed until 2032-03-01; status on 2030-01-01: valid")
	out.Reset()
	assert.Equal(t, 0, run(nil, &out, &errb))
	assert.Contains(t, out.String(), "颁发证书")
	assert.Equal(t, 2, run([]string{"-x"}, &out, &errb))
}

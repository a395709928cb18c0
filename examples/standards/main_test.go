package main

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestRunDefault(t *testing.T) {
	var out, errb bytes.Buffer
	assert.Equal(t, 0, run(nil, &out, &errb))
	s := out.String()
	assert.Contains(t, s, "(41/41)")
	assert.Contains(t, s, "GB/T 1.1-2020")
	assert.Contains(t, s, "严于")
}

func TestRunFindAndParse(t *testing.T) {
	var out, errb bytes.Buffer
	assert.Equal(t, 0, run([]string{"-lang", "en", "-find", "脐橙"}, &out, &errb))
	assert.Contains(t, out.String(), "(2/41)")
	out.Reset()
	assert.Equal(t, 1, run([]string{"-parse", "DB36/T 1138", "-parse", "nonsense"}, &out, &errb))
	assert.Contains(t, out.String(), "“DB36/T 1138” -> DB36/T 1138 (地方标准)")
	assert.Contains(t, out.String(), "“nonsense”: 标准编号")
	assert.Equal(t, 2, run([]string{"-lang", "!!"}, &out, &errb))
	assert.Equal(t, 2, run([]string{"-nope"}, &out, &errb))
}

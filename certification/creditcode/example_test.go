package creditcode_test

import (
	"errors"
	"fmt"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/certification/creditcode"
)

func ExampleParse() {
	// A synthetic code (not a real organisation's), typed with full-width
	// characters, lower case and spaces.
	c, err := creditcode.Parse("９１３６０１００ma3 000 001e")
	fmt.Println(c, err, c.Division())

	_, err = creditcode.Parse("91360100MA3000001F")
	fmt.Println(errors.Is(err, creditcode.ErrCheck))
	fmt.Println(i18n.Error(err, language.Chinese))
	// Output:
	// 91360100MA3000001E <nil> 360100
	// true
	// 统一社会信用代码 "91360100MA3000001F" 第 18 位：统一社会信用代码校验码不符
}

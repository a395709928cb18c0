package brand_test

import (
	"fmt"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
)

func ExampleParseAttribute() {
	// The policy documents write the same attributes in different words.
	for _, s := range []string{"生态协调", "质量领先", "resource saving"} {
		a, err := brand.ParseAttribute(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s -> %s (%s)\n", s, a, a.Localize(language.English))
	}
	// Output:
	// 生态协调 -> ecological-harmony (ecological harmony)
	// 质量领先 -> quality-leading (quality leadership)
	// resource saving -> resource-saving (resource saving)
}

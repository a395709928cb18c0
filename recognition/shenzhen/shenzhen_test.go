package shenzhen_test

import (
	"testing"

	"github.com/jxgreen/jxgreen/recognition/adaptertest"
	"github.com/jxgreen/jxgreen/recognition/shenzhen"
)

func TestSchemaIsTheFormats(t *testing.T) {
	adaptertest.CheckSchema(t, shenzhen.Adapter().Format(), "schema.json")
}

// TestBuiltInSchemeIsADefinition: the adapter is made from its embedded
// scheme definition file, the kind recognize -scheme loads.
func TestBuiltInSchemeIsADefinition(t *testing.T) {
	adaptertest.CheckDefinition(t, shenzhen.Adapter(), "scheme.json")
}

func TestSamples(t *testing.T) {
	adaptertest.Samples(t, shenzhen.Adapter(), samples)
}

func TestRefusesJunk(t *testing.T) { adaptertest.Refuses(t, shenzhen.Adapter()) }

func FuzzDecode(f *testing.F) {
	adaptertest.Fuzz(f, shenzhen.Adapter(), samples)
}

// samples is the folder of the adapter's synthetic sample records.
const samples = "../../testdata/shenzhen"

package shanghai_test

import (
	"testing"

	"github.com/jxgreen/jxgreen/recognition/adaptertest"
	"github.com/jxgreen/jxgreen/recognition/shanghai"
)

func TestSchemaIsTheFormats(t *testing.T) {
	adaptertest.CheckSchema(t, shanghai.Adapter().Format(), "schema.json")
}

// TestBuiltInSchemeIsADefinition: the adapter is made from its embedded
// scheme definition file, the kind recognize -scheme loads.
func TestBuiltInSchemeIsADefinition(t *testing.T) {
	adaptertest.CheckDefinition(t, shanghai.Adapter(), "scheme.json")
}

func TestSamples(t *testing.T) {
	adaptertest.Samples(t, shanghai.Adapter(), samples)
}

func TestRefusesJunk(t *testing.T) { adaptertest.Refuses(t, shanghai.Adapter()) }

func FuzzDecode(f *testing.F) {
	adaptertest.Fuzz(f, shanghai.Adapter(), samples)
}

// samples is the folder of the adapter's synthetic sample records.
const samples = "../../testdata/shanghai"

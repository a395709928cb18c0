package ganpo_test

import (
	"testing"

	"github.com/jxgreen/jxgreen/recognition/adaptertest"
	"github.com/jxgreen/jxgreen/recognition/ganpo"
)

func TestSchemaIsTheFormats(t *testing.T) {
	adaptertest.CheckSchema(t, ganpo.Adapter().Format(), "schema.json")
}

// TestBuiltInSchemeIsADefinition: the adapter is made from its embedded
// scheme definition file, the kind recognize -scheme loads.
func TestBuiltInSchemeIsADefinition(t *testing.T) {
	adaptertest.CheckDefinition(t, ganpo.Adapter(), "scheme.json")
}

func TestSamples(t *testing.T) {
	adaptertest.Samples(t, ganpo.Adapter(), samples)
}

func TestRefusesJunk(t *testing.T) { adaptertest.Refuses(t, ganpo.Adapter()) }

func FuzzDecode(f *testing.F) { adaptertest.Fuzz(f, ganpo.Adapter(), samples) }

// samples is the folder of the adapter's synthetic sample records.
const samples = "../../testdata/ganpo"

package zhejiang_test

import (
	"testing"

	"github.com/jxgreen/jxgreen/recognition/adaptertest"
	"github.com/jxgreen/jxgreen/recognition/zhejiang"
)

func TestSchemaIsTheFormats(t *testing.T) {
	adaptertest.CheckSchema(t, zhejiang.Adapter().Format(), "schema.json")
}

// TestBuiltInSchemeIsADefinition: the adapter is made from its embedded
// scheme definition file, the kind recognize -scheme loads.
func TestBuiltInSchemeIsADefinition(t *testing.T) {
	adaptertest.CheckDefinition(t, zhejiang.Adapter(), "scheme.json")
}

func TestSamples(t *testing.T) {
	adaptertest.Samples(t, zhejiang.Adapter(), samples)
}

func TestRefusesJunk(t *testing.T) { adaptertest.Refuses(t, zhejiang.Adapter()) }

func FuzzDecode(f *testing.F) {
	adaptertest.Fuzz(f, zhejiang.Adapter(), samples)
}

// samples is the folder of the adapter's synthetic sample records.
const samples = "../../testdata/zhejiang"

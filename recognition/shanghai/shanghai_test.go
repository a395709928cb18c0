package shanghai_test

import (
	"testing"

	"github.com/jxgreen/jxgreen/recognition/adaptertest"
	"github.com/jxgreen/jxgreen/recognition/shanghai"
)

func TestSchemaIsTheFormats(t *testing.T) { adaptertest.CheckSchema(t, shanghai.Format, "schema.json") }

func TestSamples(t *testing.T) {
	adaptertest.Samples(t, shanghai.Adapter, adaptertest.Dir(shanghai.Brand.ID))
}

func TestRefusesJunk(t *testing.T) { adaptertest.Refuses(t, shanghai.Adapter) }

func FuzzDecode(f *testing.F) {
	adaptertest.Fuzz(f, shanghai.Adapter, adaptertest.Dir(shanghai.Brand.ID))
}

package ganpo_test

import (
	"testing"

	"github.com/jxgreen/jxgreen/recognition/adaptertest"
	"github.com/jxgreen/jxgreen/recognition/ganpo"
)

func TestSchemaIsTheFormats(t *testing.T) { adaptertest.CheckSchema(t, ganpo.Format, "schema.json") }

func TestSamples(t *testing.T) {
	adaptertest.Samples(t, ganpo.Adapter, adaptertest.Dir(ganpo.Brand.ID))
}

func TestRefusesJunk(t *testing.T) { adaptertest.Refuses(t, ganpo.Adapter) }

func FuzzDecode(f *testing.F) { adaptertest.Fuzz(f, ganpo.Adapter, adaptertest.Dir(ganpo.Brand.ID)) }

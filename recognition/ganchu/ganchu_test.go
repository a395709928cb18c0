package ganchu_test

import (
	"testing"

	"github.com/jxgreen/jxgreen/recognition/adaptertest"
	"github.com/jxgreen/jxgreen/recognition/ganchu"
)

func TestSchemaIsTheFormats(t *testing.T) { adaptertest.CheckSchema(t, ganchu.Format, "schema.json") }

func TestSamples(t *testing.T) {
	adaptertest.Samples(t, ganchu.Adapter, adaptertest.Dir(ganchu.Brand.ID))
}

func TestRefusesJunk(t *testing.T) { adaptertest.Refuses(t, ganchu.Adapter) }

func FuzzDecode(f *testing.F) { adaptertest.Fuzz(f, ganchu.Adapter, adaptertest.Dir(ganchu.Brand.ID)) }

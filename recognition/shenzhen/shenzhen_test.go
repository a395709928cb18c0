package shenzhen_test

import (
	"testing"

	"github.com/jxgreen/jxgreen/recognition/adaptertest"
	"github.com/jxgreen/jxgreen/recognition/shenzhen"
)

func TestSchemaIsTheFormats(t *testing.T) { adaptertest.CheckSchema(t, shenzhen.Format, "schema.json") }

func TestSamples(t *testing.T) {
	adaptertest.Samples(t, shenzhen.Adapter, adaptertest.Dir(shenzhen.Brand.ID))
}

func TestRefusesJunk(t *testing.T) { adaptertest.Refuses(t, shenzhen.Adapter) }

func FuzzDecode(f *testing.F) {
	adaptertest.Fuzz(f, shenzhen.Adapter, adaptertest.Dir(shenzhen.Brand.ID))
}

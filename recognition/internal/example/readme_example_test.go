package example_test

import (
	"testing"

	"github.com/jxgreen/jxgreen/recognition/adaptertest"
	"github.com/jxgreen/jxgreen/recognition/internal/example"
)

// The shared tests every adapter passes, as the README's "Adding a partner
// scheme" shows them.

const samples = "../../testdata/example" // the adapter's synthetic samples

func TestSchemaIsTheFormats(t *testing.T) {
	adaptertest.CheckSchema(t, example.Adapter().Format(), "schema.json")
}
func TestSamples(t *testing.T)     { adaptertest.Samples(t, example.Adapter(), samples) }
func TestRefusesJunk(t *testing.T) { adaptertest.Refuses(t, example.Adapter()) }
func FuzzDecode(f *testing.F)      { adaptertest.Fuzz(f, example.Adapter(), samples) }

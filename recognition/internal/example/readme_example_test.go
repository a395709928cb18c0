package example_test

import (
	"testing"

	"github.com/jxgreen/jxgreen/recognition/adaptertest"
	"github.com/jxgreen/jxgreen/recognition/internal/example"
)

// The shared tests every adapter passes, as the README's "Adding a partner
// scheme" shows them.

func TestSchemaIsTheFormats(t *testing.T) { adaptertest.CheckSchema(t, example.Format, "schema.json") }
func TestSamples(t *testing.T)            { adaptertest.Samples(t, example.Adapter, adaptertest.Dir("example")) }
func TestRefusesJunk(t *testing.T)        { adaptertest.Refuses(t, example.Adapter) }
func FuzzDecode(f *testing.F)             { adaptertest.Fuzz(f, example.Adapter, adaptertest.Dir("example")) }

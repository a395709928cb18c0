package zhejiang_test

import (
	"testing"

	"github.com/jxgreen/jxgreen/recognition/adaptertest"
	"github.com/jxgreen/jxgreen/recognition/zhejiang"
)

func TestSchemaIsTheFormats(t *testing.T) { adaptertest.CheckSchema(t, zhejiang.Format, "schema.json") }

func TestSamples(t *testing.T) {
	adaptertest.Samples(t, zhejiang.Adapter, adaptertest.Dir(zhejiang.Brand.ID))
}

func TestRefusesJunk(t *testing.T) { adaptertest.Refuses(t, zhejiang.Adapter) }

func FuzzDecode(f *testing.F) {
	adaptertest.Fuzz(f, zhejiang.Adapter, adaptertest.Dir(zhejiang.Brand.ID))
}

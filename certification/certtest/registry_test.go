package certtest_test

import (
	"testing"

	"github.com/jxgreen/jxgreen/certification"
	"github.com/jxgreen/jxgreen/certification/certtest"
)

func TestRegistryConformance(t *testing.T) {
	certtest.Run(t, func(*testing.T) certtest.Store { return certification.NewRegistry() },
		certtest.Options{})
}

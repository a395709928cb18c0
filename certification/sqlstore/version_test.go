package sqlstore

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// SchemaVersion is a constant, so no importer can change it; it must still
// count the migrations this package runs.
func TestSchemaVersionIsAConstantThatCountsMigrations(t *testing.T) {
	t.Parallel()
	assert.Equal(t, len(migrations), SchemaVersion)
}

module github.com/jxgreen/jxgreen

go 1.26.0

require (
	filippo.io/edwards25519 v1.2.0
	github.com/santhosh-tekuri/jsonschema/v5 v5.3.1
	github.com/stretchr/testify v1.12.1
	golang.org/x/text v0.44.0
)

require go.yaml.in/yaml/v3 v3.0.5 // indirect

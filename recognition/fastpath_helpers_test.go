package recognition

import (
	"encoding/json"
	"regexp"
)

func jsonMarshal(v any) ([]byte, error) { return json.Marshal(v) }

var approvalPattern = regexp.MustCompile(`^CNCA-[A-Z]{1,2}-[0-9]{4}-[0-9]{3}$`)

func approvalRE(s string) bool { return approvalPattern.MatchString(s) }

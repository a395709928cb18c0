package brand

import "time"

// ChinaTime returns China Standard Time (UTC+8, no daylight saving), the
// zone in which the policy documents' dates are meant. A [time.Location]
// cannot be changed, so every call may share it.
func ChinaTime() *time.Location { return chinaTime }

var chinaTime = time.FixedZone("CST", 8*60*60)

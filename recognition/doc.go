// Package recognition checks mutual recognition (互认) between 江西绿色生态
// and partner schemes: canonical records, agreements, decisions with
// reasons, the adapter registry and streaming batch checks.
package recognition

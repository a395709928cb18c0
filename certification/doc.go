// Package certification models 江西绿色生态 certification: the ISO/IEC 17067
// certification modes, the bodies of the certification alliance, certificate
// holders and their unified social credit codes, certificates and their
// lifecycle, the certification rules, and a registry of certificates.
package certification

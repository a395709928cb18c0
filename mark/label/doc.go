// Package label renders verification codes of package mark for print: a QR
// symbol (PNG and SVG) that encodes the verification address of a code,
// and a printable label (SVG, sized in millimetres) with that QR symbol,
// the brand name 江西绿色生态, the certificate number, the product, the
// holder and the last valid day.
//
// The main entry points are [NewPrinter] (the verification base URL and
// the print sizes), [Printer.QR] and [Printer.WriteLabel], with [NewLabel]
// to take a label's text from a certificate, and [Label.Check] to confirm
// before printing that the text agrees with what the code states.
//
// # Why a QR at level Q with a 4-module quiet zone
//
// Labels are printed on packaging that is handled, stacked and scuffed.
// Level Q (about 25 % of the codewords can be restored) survives a
// scratched or partly covered label where level M (15 %) may not; level H
// (30 %) would need a larger symbol for little gain on a flat label.
// Measured with zbarimg: a light scratch 11 modules high across the middle
// of the symbol is read through at level Q and defeats the level M symbol
// of the same address (TestZbarDecodesScuffedLabel). The longest
// verification address (a 60-byte base URL and a code of
// [mark.MaxCodeLen] characters) still fits version 15 at level Q. The
// quiet zone is the 4 modules that ISO/IEC 18004 requires around the
// symbol; it is part of every image this package writes, so that no
// layout can put text or a border against the symbol.
//
// # Why the PNG holds only the QR symbol
//
// Text in a raster image needs a font inside the program, and a font that
// covers Chinese is several megabytes that the module does not ship. The
// label is therefore SVG: its text is <text> in a list of common CJK font
// families, drawn by whatever prints or displays it, and every field is
// XML-escaped. The QR symbol is written both as PNG (for screens and
// tools that take images) and as SVG (for print, at any resolution).
//
// # Why github.com/piglig/go-qr
//
// Of the pure-Go QR encoders the module proxy serves, piglig/go-qr is a
// port of Project Nayuki's QR Code generator, a small implementation
// written to follow the standard closely; it was released in 2026 with
// golden and fuzz tests of its own, has no run-time dependency, and
// exposes the module matrix (Size, Module) and a fixed error-correction
// level (no silent boost), so this package draws the SVG and PNG itself,
// with exact control of the quiet zone and the print size.
// yeqown/go-qrcode v2 is maintained too, but requires a Reed-Solomon
// package and golang.org/x/text, and hands its matrix only to its own
// Writer interface; skip2/go-qrcode has no release after 2020; rsc.io/qr
// (2018) is unmaintained. The encoder is linked only by this package:
// mark, certification and recognition do not import it.
package label

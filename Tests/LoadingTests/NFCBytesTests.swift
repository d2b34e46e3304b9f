@testable import Loading
import XCTest

/// The loader's byte test for texts that may need NFC (`NFC.hasByteFromCC`, eight bytes at
/// a time) answers as a byte-by-byte search does, wherever the byte stands (issue 13).
final class NFCBytesTests: XCTestCase {
    func testWordAtATimeAnswersAsByteByByte() {
        for length in 0...19 {
            for high: UInt8 in [0x80, 0xC3, 0xCB, 0xCC, 0xE2, 0xFF] {
                for place in -1..<length {
                    var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                    if place >= 0 { bytes[place] = high }
                    let expected = bytes.contains { $0 >= 0xCC }
                    XCTAssertEqual(bytes.withUnsafeBufferPointer { NFC.hasByteFromCC($0) }, expected,
                                   "length \(length), 0x\(String(high, radix: 16)) at \(place)")
                }
            }
        }
        // A decomposed text loads composed; a composed one with two-byte accents as it is.
        let nfd = Array("cafe\u{301} i l·lusio\u{301}".utf8)
        XCTAssertEqual(Array(nfd.withUnsafeBufferPointer { NFC.normalize($0) }.unicodeScalars),
                       Array("caf\u{E9} i l·lusi\u{F3}".unicodeScalars))
        let nfc = Array("Atenció a l'empresa, ràpida i àgil".utf8)
        XCTAssertEqual(nfc.withUnsafeBufferPointer { NFC.normalize($0) }, "Atenció a l'empresa, ràpida i àgil")
    }
}

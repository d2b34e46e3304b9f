import Foundation
import Rendering
import XCTest

/// SHA-256 of the build cache's keys and input files: the FIPS 180-4 test vectors, and the
/// same digest whatever the pieces the bytes come in.
final class ContentHashTests: XCTestCase {
    func testTheStandardVectors() {
        XCTAssertEqual(ContentHash.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        var million = ContentHash()
        million.update(Data(repeating: UInt8(ascii: "a"), count: 1_000_000))
        XCTAssertEqual(million.hexDigest(), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    func testPiecesGiveTheSameDigestAsTheWhole() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        var whole = ContentHash()
        whole.update(bytes)
        for size in [1, 7, 63, 64, 65, 200] {
            var pieces = ContentHash()
            var i = 0
            while i < bytes.count {
                pieces.update(bytes[i..<min(i + size, bytes.count)])
                i += size
            }
            XCTAssertEqual(pieces.hexDigest(), whole.hexDigest(), "pieces of \(size)")
        }
    }
}

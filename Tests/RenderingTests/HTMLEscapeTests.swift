import Rendering
import XCTest

/// `HTML.escape`, which skips eight bytes at a time, escapes what a character-by-character
/// escape escapes: each of the five at every position of texts of 0 to 40 bytes, next to
/// multi-byte characters and bytes close to the five.
final class HTMLEscapeTests: XCTestCase {
    func reference(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    func testEveryPositionOfEveryLength() {
        var compared = 0
        for special in ["<", ">", "&", "\"", "'", "é", "=", "?", "%", "(", ";", "\u{3C}\u{3E}"] {
            for length in 0...40 {
                for at in 0...length {
                    for filler in ["a", "·", " "] {
                        let text = String(repeating: filler, count: at) + special + String(repeating: filler, count: length - at)
                        XCTAssertEqual(HTML.escape(text), reference(text), text.debugDescription)
                        var bytes: [UInt8] = Array("x".utf8)
                        HTML.escape(text, into: &bytes)
                        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), "x" + reference(text))
                        compared += 1
                    }
                }
            }
        }
        XCTAssertEqual(compared, 12 * 3 * (41 * 42 / 2))
        XCTAssertEqual(HTML.escape(""), "")
        XCTAssertEqual(HTML.escape("<<<<<<<<>>>>>>>>&&&&&&&&\"\"\"\"\"\"\"\"''''''''"),
                       String(repeating: "&lt;", count: 8) + String(repeating: "&gt;", count: 8) + String(repeating: "&amp;", count: 8)
                           + String(repeating: "&quot;", count: 8) + String(repeating: "&#39;", count: 8))
    }
}

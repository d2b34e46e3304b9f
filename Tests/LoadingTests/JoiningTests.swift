import Loading
import XCTest

/// `String(joining:…)` is `+` of its parts, made at once.
final class JoiningTests: XCTestCase {
    func testTheJoinedTextIsTheConcatenation() {
        let parts = ["", "a", "https://xarxa-oae.example.cat/id/", "l’hospitalet", "é", "e\u{301}", String(repeating: "x", count: 40), "/"]
        for a in parts {
            for b in parts {
                XCTAssertEqual(String(joining: a, b), a + b)
                XCTAssertEqual(String(joining: a, "/service/", b, "/", "3"), a + "/service/" + b + "/3")
                XCTAssertEqual(String(joining: a, b, a, b, a, b), a + b + a + b + a + b)
            }
        }
        // A substring's text, not its base's.
        let slice = "abc/def"
        XCTAssertEqual(String(joining: String(slice.dropFirst(4)), "!"), "def!")
    }
}

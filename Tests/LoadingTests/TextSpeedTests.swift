import Foundation
import Loading
import XCTest

/// The fast paths of text handling give what the slow ones gave (issue 13).
final class TextSpeedTests: XCTestCase {
    /// Texts the quick check passes are returned as they are; others go through NFC.
    func testNFCTakesTheQuickPathOnlyForTextsAlreadyInNFC() {
        let samples = ["plain ascii", "Sant Feliu de Llobregat · l·l", "«cometes» – “quotes” … 12 €", "Ŀ ŀ ǅ ɐ",
                       "cafe\u{301}", "\u{212B}ngstr\u{F6}m", "A\u{30A}", "\u{2126}", "e\u{300}\u{301}"]
        for s in samples {
            XCTAssertEqual(Array(NFC.normalize(s).unicodeScalars), Array(s.precomposedStringWithCanonicalMapping.unicodeScalars), s)
        }
        XCTAssertTrue(NFC.isQuickYes("Sant Feliu de Llobregat · «cometes» – “quotes” … 12 €"))
        XCTAssertFalse(NFC.isQuickYes("cafe\u{301}"))
        XCTAssertFalse(NFC.isQuickYes("\u{212B}"))
        XCTAssertEqual(Array(NFC.normalize("cafe\u{301}").unicodeScalars), Array("caf\u{E9}".unicodeScalars))
    }

    func testByteSearchFindsWhatContainsFinds() {
        XCTAssertTrue("text [to complete] here".utf8Contains("[to complete]"))
        XCTAssertTrue("[to complete]".utf8Contains("[to complete]"))
        XCTAssertFalse("[to complete".utf8Contains("[to complete]"))
        XCTAssertFalse("".utf8Contains("x"))
        XCTAssertTrue("àèò {{value a/b/c}}".utf8Contains("{{value "))
        XCTAssertTrue("tttx".utf8Contains("ttx"))
        XCTAssertTrue("anything".utf8Contains(""))
        // Ranges are String indices, also in substrings and after multi-byte characters.
        let text = "àb<h2 id=\"x\">é</h2><section><h2 id=\"y\">"
        let r = text.utf8Range(of: "<h2 id=\"")!
        XCTAssertEqual(String(text[..<r.lowerBound]), "àb")
        XCTAssertEqual(text.utf8Count(of: "<h2 id=\""), 2)
        let second = text.utf8Range(of: "<h2", from: r.upperBound)!
        XCTAssertEqual(String(text[text.utf8LastRange(of: "<section", before: second.lowerBound)!]), "<section")
        let tail = text[r.upperBound...]
        XCTAssertEqual(String(tail[tail.utf8Range(of: "é")!.upperBound...].prefix(5)), "</h2>")
        XCTAssertNil(text.utf8Range(of: "<h2", in: text.startIndex..<r.lowerBound))
    }

    /// Blank is empty or only spaces, tabs and line breaks, whatever the first byte.
    func testBlankTextIsOnlySpacesTabsAndLineBreaks() {
        for blank in ["", " ", "\t\n", "\r\n  ", String(repeating: " ", count: 40)] {
            XCTAssertTrue(blank.isBlankText, blank.debugDescription)
            XCTAssertTrue(blank[...].isBlankText, blank.debugDescription)
        }
        for shown in ["a", " a", "\n\nà", "\u{A0}", "\u{2003}", "é ", String(repeating: " ", count: 40) + "x"] {
            XCTAssertFalse(shown.isBlankText, shown.debugDescription)
            XCTAssertFalse(shown[...].isBlankText, shown.debugDescription)
        }
    }
}

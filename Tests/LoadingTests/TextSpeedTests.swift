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
        XCTAssertTrue(ByteSearch.contains("text [to complete] here", "[to complete]"))
        XCTAssertTrue(ByteSearch.contains("[to complete]", "[to complete]"))
        XCTAssertFalse(ByteSearch.contains("[to complete", "[to complete]"))
        XCTAssertFalse(ByteSearch.contains("", "x"))
        XCTAssertTrue(ByteSearch.contains("àèò {{value a/b/c}}", "{{value "))
        XCTAssertTrue(ByteSearch.contains("tttx", "ttx"))
        XCTAssertTrue(ByteSearch.contains("anything", ""))
    }
}

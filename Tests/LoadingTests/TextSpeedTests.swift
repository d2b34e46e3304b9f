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

    /// `split(ascii:)`, `firstIndex(ofASCII:)` and `lastIndex(ofASCII:)` give what the
    /// character versions give, on strings and substrings (also an ASCII substring of a
    /// text that is not ASCII), for ASCII separators, CR LF and a non-ASCII one, every limit
    /// and both empty-piece choices: on the bytes of ASCII texts, by characters otherwise (a "/" that a
    /// combining mark joins is no separator; CR LF is one character, so "\n" is not split
    /// from the bytes).
    func testASCIISplitGivesWhatTheCharacterSplitGives() {
        let texts = ["seeds/abrera/services/x.md", "/a//b/", "", "/", "a", "../../x.md", "./a/./b", "què/é.md",
                     "a/\u{301}b/c", "a\r\n/b", "a\r\nb\nc", "seeds/l'hospitalet/office.yaml", "period.start",
                     "x#y#z", "a.b.c.d.e.f.g.h.i", "ab/cd/ef/gh/ij/kl/mn/op"]
        for text in texts {
            let sub = ("é<" + text + ">").dropFirst(2).dropLast()
            for separator: Character in ["/", ".", "#", "\n", "\r\n", "é"] {
                for limit in [0, 1, 2, Int.max] {
                    for omitting in [true, false] {
                        let expected = text.split(separator: separator, maxSplits: limit, omittingEmptySubsequences: omitting)
                        XCTAssertEqual(text.split(ascii: separator, maxSplits: limit, omittingEmptySubsequences: omitting),
                                       expected, "\(text) \(separator) \(limit) \(omitting)")
                        XCTAssertEqual(sub.split(ascii: separator, maxSplits: limit, omittingEmptySubsequences: omitting),
                                       expected, "substring \(text)")
                    }
                }
                XCTAssertEqual(text.firstIndex(ofASCII: separator), text.firstIndex(of: separator), text)
                XCTAssertEqual(text.lastIndex(ofASCII: separator), text.lastIndex(of: separator), text)
                XCTAssertEqual(sub.firstIndex(ofASCII: separator), sub.firstIndex(of: separator), text)
                XCTAssertEqual(sub.lastIndex(ofASCII: separator), sub.lastIndex(of: separator), text)
            }
        }
        XCTAssertEqual("a/\u{301}b".split(ascii: "/"), ["a/\u{301}b"])
        XCTAssertEqual("a/b//c/".split(ascii: "/"), ["a", "b", "c"])
        XCTAssertEqual("a/b//c/".split(ascii: "/", omittingEmptySubsequences: false), ["a", "b", "", "c", ""])
        XCTAssertEqual("a\r\nb".split(ascii: "\n"), ["a\r\nb"])
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

import Foundation
@testable import Loading
import XCTest

/// The byte pass before libyaml (`ByteScan`, issue 13): the flags that say whether the
/// exact tab and control-character checks must run, and the line starts, the same eight
/// bytes at a time (contiguous bytes) as byte by byte.
final class ByteScanTests: XCTestCase {
    func testByteScanFlagsAndLineStarts() {
        func control(_ text: String) -> Bool { ByteScan(Array(text.utf8)).mayHaveControlCharacters }
        XCTAssertFalse(control("a: b\n"))
        XCTAssertFalse(control("a: l·l “x” é\r\n"))
        for text in ["a: b\u{85}\n", "a: \u{7F}\n", "a: \u{1}\n", "a: \u{9F}\n", "a: \u{FFFE}\n"] {
            XCTAssertTrue(control(text), text.debugDescription)
        }
        // Line starts in scalars, across multi-byte text and runs of eight ASCII bytes.
        let text = "name: Àrea d'atenció empresarial\nx: é\n\ny: 1 😀"
        var lines = ByteScan(Array(text.utf8)).lines
        XCTAssertEqual(ByteScan(Array(text.utf8)).characters, 45)
        XCTAssertEqual(text.unicodeScalars.count, 45)
        XCTAssertTrue(lines.position(ofScalar: 0) == (1, 1))
        XCTAssertTrue(lines.position(ofScalar: 33) == (2, 1))
        XCTAssertTrue(lines.position(ofScalar: 38) == (3, 1))
        XCTAssertTrue(lines.position(ofScalar: 40) == (4, 2))
        // Eight bytes at a time (contiguous) and byte by byte (any other collection) agree,
        // on random texts of the bytes that matter (a fixed sequence: a linear congruential
        // generator).
        let alphabet: [UInt8] = [0x20, 0x20, 0x20, 0x0A, 0x09, 0x0D, 0x61, 0x7F, 0x7E, 0x1F, 0xC2, 0x85, 0x9F, 0xA0,
                                 0xE2, 0x80, 0xA8, 0xA9, 0xEF, 0xBB, 0xBF, 0xBE, 0xC3, 0xA9, 0xFF, 0x00, 0x21]
        var seed: UInt64 = 2026
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        var outcomes: Set<String> = []
        for _ in 0..<20000 {
            let bytes = (0..<next(40)).map { _ in alphabet[next(alphabet.count)] }
            var a = ByteScan(bytes), b = ByteScan(bytes.lazy.map { $0 })
            let flags = [a.mayHaveTabIndentation, a.mayHaveControlCharacters]
            XCTAssertEqual(flags, [b.mayHaveTabIndentation, b.mayHaveControlCharacters], "\(bytes)")
            let scalars = bytes.filter { $0 & 0xC0 != 0x80 }.count
            XCTAssertEqual([a.characters, b.characters], [scalars, scalars], "\(bytes)")
            for k in 0..<scalars { XCTAssertTrue(a.lines.position(ofScalar: k) == b.lines.position(ofScalar: k), "\(bytes) \(k)") }
            outcomes.insert(flags.description)
        }
        XCTAssertEqual(outcomes.count, 4)
        XCTAssertEqual(ByteScan(Array((String(repeating: " ", count: 16) + "\tx").utf8)).mayHaveTabIndentation, true)
        XCTAssertEqual(ByteScan(Array(("a" + String(repeating: " ", count: 15) + "\tx").utf8)).mayHaveTabIndentation, false)
        // Bytes that only look like the refused ones: U+00A0, U+2027, U+FEFE.
        for text in ["a: \u{A0}\n", "a: \u{2027}\n", "a: \u{FEFE}\n"] {
            XCTAssertFalse(control(text), text.debugDescription)
        }
    }

    /// Words of eight ASCII bytes whose only bytes below 0x20 are line breaks (a sixth of a
    /// tree's) go the fast way too: the line starts, the flags and the validation are the
    /// byte-by-byte pass's, on random texts of spaces, line breaks and letters with a few
    /// tabs, CRs, controls and accents among them.
    func testWordsWithLineBreaksAsByteByByte() {
        XCTAssertEqual(ByteScan.lineBreaksAlone(0x2020_0A61_6120_0A0A), 0x0000_8000_0000_8080)
        XCTAssertNil(ByteScan.lineBreaksAlone(0x2020_0961_6120_0A0A))  // a tab
        XCTAssertNil(ByteScan.lineBreaksAlone(0x2020_0D61_6120_0A20))  // a CR
        XCTAssertEqual(ByteScan.lineBreaksAlone(0x2020_2020_2020_2020), 0)
        let common: [UInt8] = [0x20, 0x20, 0x20, 0x0A, 0x0A, 0x61, 0x62, 0x3A, 0x2D]
        let rare: [UInt8] = [0x09, 0x0D, 0x1F, 0x7F, 0xC3, 0xA9, 0xC2, 0x85]
        var seed: UInt64 = 51
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        for _ in 0..<20000 {
            let bytes = (0..<next(64)).map { _ in next(30) == 0 ? rare[next(rare.count)] : common[next(common.count)] }
            var a = ByteScan(bytes, validating: true), b = ByteScan(bytes.lazy.map { $0 }, validating: true)
            XCTAssertEqual([a.mayHaveTabIndentation, a.mayHaveControlCharacters, a.isValidWithoutCROrBOM],
                           [b.mayHaveTabIndentation, b.mayHaveControlCharacters, b.isValidWithoutCROrBOM], "\(bytes)")
            XCTAssertEqual(a.characters, b.characters, "\(bytes)")
            for k in 0..<a.characters { XCTAssertTrue(a.lines.position(ofScalar: k) == b.lines.position(ofScalar: k), "\(bytes) \(k)") }
        }
        // A tab after a line break and spaces, in the next word: indentation.
        XCTAssertTrue(ByteScan(Array("key: abc\n      \tx".utf8)).mayHaveTabIndentation)
        XCTAssertFalse(ByteScan(Array("key: abc\n   y  \tx".utf8)).mayHaveTabIndentation)
    }

    /// `isValidWithoutCROrBOM` against the standard library's validation and a search for
    /// CR and U+FEFF, on random bytes around UTF-8's edges (lead bytes of every length, the
    /// narrower ranges after E0, ED, F0 and F4, bytes never valid), eight at a time and
    /// byte by byte.
    func testValidationIsTheStandardLibrarys() {
        let alphabet: [UInt8] = [0x20, 0x61, 0x0A, 0x0D, 0x7E, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBB, 0xBF, 0xC0, 0xC1,
                                 0xC2, 0xC3, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5,
                                 0xFE, 0xFF, 0xBE]
        var seed: UInt64 = 1205
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        var counts = [false: 0, true: 0]
        for round in 0..<60000 {
            // Runs of eight ASCII bytes between, so the word-at-a-time path meets cut sequences.
            var bytes: [UInt8] = []
            for _ in 0..<next(6) {
                if next(3) == 0 { bytes += Array("abcdefgh".utf8) }
                bytes += (0..<next(5)).map { _ in alphabet[next(alphabet.count)] }
            }
            let expected = String(validating: bytes, as: UTF8.self).map { text in
                !text.unicodeScalars.contains { $0 == "\r" || $0 == "\u{FEFF}" }
            } ?? false
            XCTAssertEqual(ByteScan(bytes, validating: true).isValidWithoutCROrBOM, expected, "\(round) \(bytes)")
            XCTAssertEqual(ByteScan(bytes.lazy.map { $0 }, validating: true).isValidWithoutCROrBOM, expected, "\(bytes)")
            XCTAssertFalse(ByteScan(bytes).isValidWithoutCROrBOM)
            counts[expected]! += 1
        }
        XCTAssertGreaterThan(counts[true]!, 5000)
        XCTAssertGreaterThan(counts[false]!, 5000)
        for text in ["a: b\n", "é: ü😀\n", "x: \u{FEFE}\n", "\u{10FFFF}"] {
            XCTAssertTrue(ByteScan(Array(text.utf8), validating: true).isPlain, text.debugDescription)
        }
        for text in ["\u{FEFF}a: b\n", "a: b\r\n", "a: \u{FEFF}\n", "a:\n\tb: c\n", "a: \u{85}\n"] {
            XCTAssertFalse(ByteScan(Array(text.utf8), validating: true).isPlain, text.debugDescription)
        }
    }

    /// Positions asked in any order (the line of the last answer is where the next search
    /// starts) are those of a plain binary search over the line starts.
    func testPositionsInAnyOrder() {
        // Lines of 1, 3, 0, 12 and 2 scalars ("é" is one scalar), then 40 short lines.
        let text = "a\nbéc\n\nabcdefghijkl\nxy\n" + String(repeating: "z\n", count: 40)
        var lines = ByteScan(Array(text.utf8)).lines
        let scalars = Array(text.unicodeScalars)
        func expected(_ index: Int) -> (Int, Int) {
            var line = 1, column = 1
            for s in scalars[..<index] {
                if s == "\n" { line += 1; column = 1 } else { column += 1 }
            }
            return (line, column)
        }
        XCTAssertTrue(lines.position(ofScalar: 2) == (2, 1))
        XCTAssertTrue(lines.position(ofScalar: 6) == (3, 1))
        XCTAssertTrue(lines.position(ofScalar: 18) == (4, 12))
        XCTAssertTrue(lines.position(ofScalar: 3) == (2, 2)) // back up
        XCTAssertTrue(lines.position(ofScalar: 100) == (44, 2)) // far down: the search
        XCTAssertTrue(lines.position(ofScalar: 0) == (1, 1))
        var seed: UInt64 = 13
        for _ in 0..<2000 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let k = Int((seed >> 33) % UInt64(scalars.count))
            XCTAssertTrue(lines.position(ofScalar: k) == expected(k), "\(k)")
        }
        for k in 0..<scalars.count { XCTAssertTrue(lines.position(ofScalar: k) == expected(k), "\(k)") }
    }
}

/// Heading anchors by bytes (`Slugger.latinSlug`, issue 13) equal anchors by characters.
final class SlugFastPathTests: XCTestCase {
    func testLatinSlugEqualsTheCharacterWay() {
        var texts = ["Com funciona", "Què oferim?", "Àrea d'Atenció — FAQ", "Über ß Þorn ×÷ Ÿ", "Tab\tand\r\nlines",
                     "2026: pla_de-treball", "ÀÉÍÒÚ àéíòú ÇÑ çñ", "CAFÉ", ""]
        for v in 0..<0x100 { texts.append("A\(Character(Unicode.Scalar(UInt8(v))))b c") }
        for text in texts {
            if let fast = Slugger.latinSlug(text) {
                XCTAssertEqual(fast, Slugger.slugifyByCharacters(text), text.debugDescription)
            }
        }
        XCTAssertEqual(Slugger.latinSlug("Àrea d'Atenció — FAQ"), nil)
        XCTAssertEqual(Slugger.latinSlug("ÀÉÍÒÚ àéíòú ÇÑ çñ"), "àéíòú-àéíòú-çñ-çñ")
        XCTAssertEqual(Slugger.latinSlug("Què oferim?"), "què-oferim")
        XCTAssertEqual(Slugger.latinSlug("A\u{B5}b"), nil)
        XCTAssertEqual(Slugger.latinSlug("l·l"), "ll")
        XCTAssertEqual(Slugger.slugifyByCharacters("l·l"), "ll")
        // Outside the range: a combining mark, the Catalan middle dot is inside.
        XCTAssertEqual(Slugger.latinSlug("Cafe\u{301}"), nil)
        XCTAssertEqual(Slugger.slugify("Cafe\u{301}"), "café")
    }
}

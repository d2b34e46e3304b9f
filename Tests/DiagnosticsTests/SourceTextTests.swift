@testable import Diagnostics
import Foundation
import XCTest

/// `SourceText`'s lines: split at LF, a CR before the LF dropped; the same through
/// `memchr` (contiguous text) as through the byte loop (a bridged text).
final class SourceTextTests: XCTestCase {
    func testLinesExactly() {
        let cases: [(String, [String])] = [
            ("", [""]),
            ("\n", ["", ""]),
            ("a", ["a"]),
            ("a\nb", ["a", "b"]),
            ("a\nb\n", ["a", "b", ""]),
            ("a\r\nb\r\n", ["a", "b", ""]),
            ("\r\n\r\n", ["", "", ""]),
            ("a\rb\nc", ["a\rb", "c"]),
            ("\r", ["\r"]),
            ("x\r\r\ny", ["x\r", "y"]),
            ("què\n\u{301}e\nñ", ["què", "\u{301}e", "ñ"]),
            ("🇨🇦\r\n—\n", ["🇨🇦", "—", ""]),
            ("a\0b\n\0", ["a\0b", "\0"]),
        ]
        for (text, lines) in cases {
            XCTAssertEqual(SourceText(text).lines.map(String.init), lines, text.debugDescription)
            // The same lines from the byte loop (a bridged string has no contiguous UTF-8).
            let bridged = NSString(string: text) as String
            if bridged.utf8.withContiguousStorageIfAvailable({ _ in true }) == nil {
                XCTAssertEqual(SourceText(bridged).lines.map(String.init), lines, "bridged \(text.debugDescription)")
            }
        }
    }

    /// Lines past 16 KB and many lines: each line is the text between two LFs, and the
    /// lines are substrings of the text itself (their indices are the text's).
    func testLongText() {
        var text = ""
        var expected: [String] = []
        for i in 0..<5000 {
            let line = String(repeating: i % 3 == 0 ? "é" : "a", count: i % 17) + "\(i)"
            expected.append(line)
            text += line + (i % 5 == 0 ? "\r\n" : "\n")
        }
        let lines = SourceText(text).lines
        XCTAssertEqual(lines.map(String.init), expected + [""])
        XCTAssertTrue(lines[4999].base == text)
        XCTAssertEqual(text[lines[1].startIndex...].prefix(2), "a1")
        XCTAssertEqual(SourceText(text).characterColumn(line: 4, byteColumn: 5), 3)
    }

    /// A byte column becomes the column of the scalar it falls in, for every byte of lines
    /// with one-, two-, three- and four-byte scalars and a combining mark: the count of the
    /// scalars before it, as the text's scalar view counts them (an offset inside a scalar
    /// rounds down to its start), and past the line's end one column per byte.
    func testCharacterColumnCountsTheScalarsBeforeTheByte() {
        let lines = ["abc", "àb€c😀d", "e\u{301}x", "", "l·l"]
        let source = SourceText(lines.joined(separator: "\n"))
        for (n, line) in lines.enumerated() {
            let count = line.utf8.count
            for byteColumn in 0...(count + 3) {
                let limit = min(max(byteColumn - 1, 0), count)
                let end = line.utf8.index(line.startIndex, offsetBy: limit)
                let expected = byteColumn <= 1 ? max(byteColumn, 1)
                    : line.unicodeScalars[line.startIndex..<end].count + 1 + max(0, byteColumn - 1 - limit)
                XCTAssertEqual(source.characterColumn(line: n + 1, byteColumn: byteColumn), expected, "\(line) \(byteColumn)")
            }
        }
        XCTAssertEqual(source.characterColumn(line: 2, byteColumn: 7), 4) // "c", after à (2 bytes), b and € (3 bytes)
        XCTAssertEqual(source.characterColumn(line: 2, byteColumn: 5), 3) // inside "€": its column
    }
}

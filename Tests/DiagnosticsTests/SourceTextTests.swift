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
}

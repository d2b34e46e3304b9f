@testable import Diagnostics
import XCTest

/// Spans hold an interned `SourceFile` and 32-bit positions (issue 13): they read back the
/// file, line and column they were made with, compare and sort as before, and stay small.
final class SourceSpanTests: XCTestCase {
    func testASpanReadsBackItsFileLineAndColumn() {
        let span = SourceSpan(file: "seeds/sabadell/adaptation.yaml", start: SourcePosition(line: 12, column: 7),
                              end: SourcePosition(line: 14, column: 3))
        XCTAssertEqual(span.file, "seeds/sabadell/adaptation.yaml")
        XCTAssertEqual(span.start, SourcePosition(line: 12, column: 7))
        XCTAssertEqual(span.end, SourcePosition(line: 14, column: 3))
        XCTAssertEqual(span.description, "seeds/sabadell/adaptation.yaml:12:7")
        // An end before the start is the start, as before.
        let backwards = SourceSpan(file: "a.yaml", start: SourcePosition(line: 3, column: 4), end: SourcePosition(line: 2, column: 9))
        XCTAssertEqual(backwards.end, SourcePosition(line: 3, column: 4))
        XCTAssertEqual(SourceSpan(file: "a.yaml", line: 5, column: 2).end, SourcePosition(line: 5, column: 3))
        XCTAssertEqual(SourceSpan.wholeFile("b.md").description, "b.md:1:1")
        let moved = span.shifted(lines: 1)
        XCTAssertEqual([moved.file, moved.start.description, moved.end.description],
                       ["seeds/sabadell/adaptation.yaml", "13:7", "15:3"])
        // Setting the parts.
        var changed = span
        changed.file = "model/services/company-creation.md"
        changed.start.column = 1
        changed.end = SourcePosition(line: 20, column: 40)
        XCTAssertEqual(changed.description, "model/services/company-creation.md:12:1")
        XCTAssertEqual(changed.end.description, "20:40")
        XCTAssertEqual(span.file, "seeds/sabadell/adaptation.yaml")
        // Positions are 32-bit: what does not fit is clamped; zero stays zero.
        let huge = SourceSpan(file: "c.yaml", start: SourcePosition(line: 0, column: 0),
                              end: SourcePosition(line: Int(Int32.max) + 10, column: 1))
        XCTAssertEqual(huge.start, SourcePosition(line: 0, column: 0))
        XCTAssertEqual(huge.end, SourcePosition(line: Int(Int32.max), column: 1))
    }

    func testEqualPathsAreOneFileAndSpansCompareByValue() {
        let a = SourceSpan(file: "seeds/x/a.yaml", line: 2, column: 3)
        let b = SourceSpan(file: String("seeds/x/" + "a.yaml"), line: 2, column: 3)
        XCTAssertEqual(a.source, b.source)
        XCTAssertEqual(a, b)
        XCTAssertEqual(Set([a, b]).count, 1)
        XCTAssertNotEqual(a, SourceSpan(file: "seeds/x/b.yaml", line: 2, column: 3))
        XCTAssertNotEqual(a, SourceSpan(file: "seeds/x/a.yaml", line: 2, column: 4))
        XCTAssertEqual(SourceSpan(source: a.source, line: 2, column: 3), a)
        // Paths are told apart by their bytes: a precomposed "é" and "e" + U+0301 name two
        // files, and each keeps its own spelling.
        let composed = SourceFile("seeds/caf\u{E9}/a.yaml"), decomposed = SourceFile("seeds/cafe\u{301}/a.yaml")
        XCTAssertNotEqual(composed, decomposed)
        XCTAssertEqual(Array(composed.path.utf8).count, 18)
        XCTAssertEqual(Array(decomposed.path.utf8).count, 19)
        XCTAssertEqual(composed, SourceFile("seeds/caf\u{E9}/a.yaml"))
    }

    func testSpansAreSmallPlainValues() {
        XCTAssertEqual(MemoryLayout<SourceFile>.size, 8)
        XCTAssertEqual(MemoryLayout<SourceSpan>.size, 24)
        XCTAssertTrue(_isPOD(SourceSpan.self))
    }

    func testReportOrderIsByPathThenPosition() {
        func d(_ file: String, _ line: Int, _ rule: String) -> Diagnostic {
            .error(rule, "m", at: SourceSpan(file: file, line: line, column: 1))
        }
        let sorted = [d("seeds/b.yaml", 1, "r"), d("model/a.yaml", 9, "r"), d("seeds/b.yaml", 1, "a"),
                      d("model/a.yaml", 2, "r"), d("model/a.yaml", 2, "q")].sortedForReport()
        XCTAssertEqual(sorted.map { "\($0.span) \($0.rule)" },
                       ["model/a.yaml:2:1 q", "model/a.yaml:2:1 r", "model/a.yaml:9:1 r", "seeds/b.yaml:1:1 a", "seeds/b.yaml:1:1 r"])
    }
}

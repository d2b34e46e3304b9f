import Diagnostics
import Foundation
@testable import Loading
import XCTest

/// Inputs the fuzz targets (fuzz/, scripts/fuzz.sh) found wrong, kept in
/// Tests/Fixtures/fuzz/: each loads, and every position reported lies inside the file.
final class FuzzFindingsTests: XCTestCase {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fuzz")

    func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: FuzzFindingsTests.folder.appendingPathComponent(name)))
    }

    /// The fuzz targets' oracle: a start on an existing line, at most one column past its end.
    func assertInside(_ spans: [SourceSpan], of bytes: [UInt8], _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        let lines = SourceText(TextChecks.decode(bytes, file: name).0 ?? "").lines
        for span in spans {
            let start = span.start
            guard start.line >= 1, start.line <= lines.count else {
                return XCTFail("\(name): line \(start.line) of \(lines.count)", file: file, line: line)
            }
            let length = lines[start.line - 1].unicodeScalars.count
            XCTAssertTrue(start.column >= 1 && start.column <= length + 1,
                          "\(name): \(start.line):\(start.column) past the end of the line (\(length) characters)", file: file, line: line)
        }
    }

    func testEveryFindingHasItsPositionsInsideTheFile() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: FuzzFindingsTests.folder.path).sorted()
        XCTAssertFalse(names.isEmpty)
        for name in names {
            let input = try bytes(name)
            if name.hasSuffix(".md") {
                let (doc, problems) = MarkdownLoader().load(bytes: input, file: name)
                assertInside(problems.map(\.span) + (doc?.links.map(\.span) ?? []) + (doc?.headings.map(\.span) ?? []), of: input, name)
            } else {
                let (_, problems) = YAMLLoader().load(bytes: input, file: name)
                assertInside(problems.map(\.span), of: input, name)
            }
        }
    }

    /// cmark-gfm reads a NUL as U+FFFD (three bytes): a link after NULs on its line was
    /// placed two columns further per NUL, past the end of the line.
    func testNULsBeforeALinkDoNotMoveIt() throws {
        let (doc, problems) = MarkdownLoader().load(bytes: try bytes("markdown-nul-before-link.md"), file: "s.md")
        XCTAssertEqual(problems, [])
        XCTAssertEqual(doc?.links.map(\.span.start), [SourcePosition(line: 5, column: 7)])
        XCTAssertEqual(doc?.links.map(\.span.end), [SourcePosition(line: 5, column: 16)])
    }

    /// The autolink extension makes links of bare addresses without a source position
    /// (line 0); they are placed where their text stands.
    func testBareAddressesArePlacedWhereTheyStand() throws {
        let text = "---\nid: x\n---\n\nVegeu la llei:\nhttps://www.boe.es/eli/es/l/2023/02/28/3 o www.example.cat.\n"
        let (doc, problems) = MarkdownLoader().load(text: text, file: "s.md")
        XCTAssertEqual(problems, [])
        XCTAssertEqual(doc?.links.map { "\($0.destination) \($0.span.start)-\($0.span.end)" }, [
            "https://www.boe.es/eli/es/l/2023/02/28/3 6:1-6:41",
            "http://www.example.cat 6:44-6:59",
        ])
    }

    /// cmark-gfm places raw HTML in a table's header cell on the line above it, past its
    /// end ("n", "<m>", "|-": found by fuzzing in session 15): the tag is placed where it
    /// stands, as is each tag of a table's cells.
    func testRawHTMLInATableCellIsPlacedWhereItStands() throws {
        let (_, problems) = MarkdownLoader().load(bytes: try bytes("markdown-html-in-table-cell.md"), file: "s.md")
        XCTAssertEqual(problems.map { "\($0.rule) \($0.span.start)-\($0.span.end)" }, ["markdown-raw-html 2:1-2:4"])
        let text = "Intro\n\n| a | b |\n|---|---|\n| x <b>y</b> | z |\n"
        let (_, more) = MarkdownLoader().load(text: text, file: "t.md")
        XCTAssertEqual(more.map { "\($0.rule) \($0.span.start)" }, ["markdown-raw-html 5:5", "markdown-raw-html 5:9"])
    }
}

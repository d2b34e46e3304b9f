import Diagnostics
@testable import Loading
import XCTest

/// Positions are those an editor shows: lines end at LF or CR LF only, whatever libyaml
/// and cmark-gfm count as a line break; columns count characters.
final class PositionTests: XCTestCase {
    func yaml(_ text: String) -> (Node?, [String]) {
        let (node, problems) = YAMLLoader().load(bytes: Array(text.utf8), file: "t.yaml")
        return (node, problems.map { "\($0.rule) \($0.span): \($0.message)" })
    }

    /// A U+2028 inside a quoted value on line 4 was reported on line 6.
    func testLineAndParagraphSeparatorsDoNotShiftLines() throws {
        let text = "a: 1\nb: 2\nc: 3\nd: \"x\u{2028}y\u{2029}z\"\ne: 5\ne: 6\n"
        let (node, problems) = yaml(text)
        XCTAssertEqual(problems, ["yaml-duplicate-key t.yaml:6:1: duplicate key 'e'"])
        XCTAssertEqual(node?.pair("d")?.value.span.start, SourcePosition(line: 4, column: 4))
        XCTAssertEqual(node?.pair("d")?.value.span.end, SourcePosition(line: 4, column: 11))
    }

    func testNextLineDoesNotShiftLines() throws {
        let (node, problems) = yaml("a: \"x\u{85}y\"\nb: 2\n")
        XCTAssertEqual(problems, [])
        XCTAssertEqual(node?.pair("b")?.key.span.start, SourcePosition(line: 2, column: 1))
    }

    /// A lone CR is a diagnostic of its own, at its place; the file is not parsed.
    func testLoneCarriageReturnIsReported() throws {
        let (node, problems) = yaml("a: 1\nb: x\ry\nc: 3\r\nd: \r")
        XCTAssertNil(node)
        XCTAssertEqual(problems, [
            "text-lone-cr t.yaml:2:5: carriage return (CR) without a line feed: oae counts only LF and CR LF as line breaks",
            "text-lone-cr t.yaml:4:4: carriage return (CR) without a line feed: oae counts only LF and CR LF as line breaks",
        ])
    }

    func testLoneCarriageReturnInMarkdownIsReported() throws {
        let (doc, problems) = MarkdownLoader().load(bytes: Array("---\nid: x\n---\nText\rmore.\n".utf8), file: "s.md")
        XCTAssertNil(doc)
        XCTAssertEqual(problems.map { "\($0.rule) \($0.span)" }, ["text-lone-cr s.md:4:5"])
    }

    /// libyaml refuses control characters without a position; oae gives each one's.
    func testControlCharactersAreReportedWhereTheyStand() throws {
        let (node, problems) = yaml("a: 1\nb: \"x\u{07}y\"\nc: é\u{1B}\n")
        XCTAssertNil(node)
        XCTAssertEqual(problems, [
            "yaml-control-character t.yaml:2:6: control character U+0007 is not allowed in YAML",
            "yaml-control-character t.yaml:3:5: control character U+001B is not allowed in YAML",
        ])
    }

    func testControlCharacterInFrontMatterHasTheFilesPosition() throws {
        let (_, problems) = MarkdownLoader().load(text: "---\nid: x\nname: a\u{0C}b\n---\n\nText.\n", file: "s.md")
        XCTAssertEqual(problems.map { "\($0.rule) \($0.span)" }, ["yaml-control-character s.md:3:8"])
    }

    /// A list left open at the end of front matter: where its ']' is missing, in the
    /// file's lines (the front matter's offset counted), past the blank line and comment.
    func testAListLeftOpenAtTheEndOfFrontMatterIsToldInTheFilesLines() throws {
        let (_, problems) = MarkdownLoader().load(text: "---\nid: x\ntags: [a, b\n\n# note\n---\n\nText.\n", file: "s.md")
        XCTAssertEqual(problems.map { "\($0.rule) \($0.span): \($0.message)" },
                       ["yaml-syntax s.md:3:12: the list opened with '[' is not closed: ']' is missing here"])
    }

    func testSyntaxErrorAfterASeparatorHasTheEditorsLine() throws {
        let (_, problems) = yaml("a: \"x\u{2028}y\"\nb: [1, 2\n")
        XCTAssertEqual(problems.count, 1)
        // The list left open at the end of the file: where its ']' is missing, at the end
        // of the editor's line 2 (libyaml counts the U+2028 as a line break: its line 3).
        XCTAssertTrue(problems[0].hasPrefix("yaml-syntax t.yaml:2:9:"), problems[0])
    }
}

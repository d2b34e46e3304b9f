import Diagnostics
@testable import Loading
import XCTest

final class MarkdownTests: XCTestCase {
    func testFrontMatterPositionsAreThoseOfTheFile() throws {
        let text = "---\nid: x\nname: Vallès\nname: y\n---\n\n## Què és\n"
        let (doc, problems) = MarkdownLoader().load(text: text, file: "s.md")
        XCTAssertEqual(problems.map(\.rule), ["yaml-duplicate-key"])
        XCTAssertEqual(problems[0].span.start, SourcePosition(line: 4, column: 1))
        XCTAssertEqual(problems[0].related[0].span.start, SourcePosition(line: 3, column: 1))
        let d = try XCTUnwrap(doc)
        XCTAssertEqual(d.bodyLineOffset, 5)
        XCTAssertEqual(d.headings.map(\.text), ["Què és"])
        XCTAssertEqual(d.headings[0].anchor, "què-és")
        XCTAssertEqual(d.headings[0].span.start, SourcePosition(line: 7, column: 1))
    }

    /// GitHub's algorithm: a repeat takes the first free `-N`, never one a heading took.
    func testRepeatedHeadingsGetTheFirstFreeSuffix() throws {
        let (doc, _) = MarkdownLoader().load(text: "# Taller 1\n\n# Taller\n\n# Taller\n\n# Taller 1\n", file: "s.md")
        XCTAssertEqual(doc?.headings.map(\.anchor), ["taller-1", "taller", "taller-2", "taller-1-1"])
    }

    /// A heading saved in NFD (as macOS tools write it) has the NFC anchor.
    func testAnchorsAreNFCWhateverTheFormOfTheHeading() throws {
        let nfd = "## Que\u{300} e\u{301}s\n"
        XCTAssertNotEqual(Array(nfd.utf8), Array("## Què és\n".utf8))
        let (doc, _) = MarkdownLoader().load(text: nfd, file: "s.md")
        XCTAssertEqual(doc?.headings.map { Array($0.anchor.unicodeScalars) }, [Array("què-és".unicodeScalars)])
    }

    func testLinksAndImagesKeepTheirPositions() throws {
        let text = """
        ---
        id: x
        ---
        Vegeu l'àmbit de [creació](company-creation.md) i ![logo](img/logo.png).

        | a | b |
        |---|---|
        | [taula](#que-es) | ~~no~~ |
        """
        let (doc, problems) = MarkdownLoader().load(text: text, file: "s.md")
        XCTAssertEqual(problems, [])
        let links = try XCTUnwrap(doc?.links)
        XCTAssertEqual(links.map(\.destination), ["company-creation.md", "img/logo.png", "#que-es"])
        XCTAssertEqual(links.map(\.isImage), [false, true, false])
        // "Vegeu l'àmbit de " is 17 characters (18 bytes): the link starts at column 18.
        XCTAssertEqual(links[0].span.start, SourcePosition(line: 4, column: 18))
        XCTAssertEqual(links[2].span.start.line, 8)
    }

    func testCRLFMarkdown() throws {
        let text = "---\r\nid: x\r\n---\r\n\r\n## Títol\r\n\r\n[a](b.md)\r\n"
        let (doc, problems) = MarkdownLoader().load(text: text, file: "s.md")
        XCTAssertEqual(problems, [])
        XCTAssertEqual(doc?.frontMatter?["id"]?.string, "x")
        XCTAssertEqual(doc?.headings.first?.span.start, SourcePosition(line: 5, column: 1))
        XCTAssertEqual(doc?.links.first?.span.start, SourcePosition(line: 7, column: 1))
    }

    func testUnclosedFrontMatter() {
        let (doc, problems) = MarkdownLoader().load(text: "---\nid: x\n\n## Títol\n", file: "s.md")
        XCTAssertNil(doc)
        XCTAssertEqual(problems.map(\.rule), ["markdown-front-matter-unclosed"])
    }

    func testNoFrontMatter() throws {
        let (doc, problems) = MarkdownLoader().load(text: "## Títol\n", file: "s.md")
        XCTAssertEqual(problems, [])
        XCTAssertNil(doc?.frontMatter)
        XCTAssertEqual(doc?.bodyLineOffset, 0)
    }

    func testRepeatedHeadingsGetUniqueAnchors() {
        var s = Slugger()
        XCTAssertEqual([s.slug("Notes"), s.slug("Notes"), s.slug("Què és?"), s.slug("Notes")],
                       ["notes", "notes-1", "què-és", "notes-2"])
    }
}

/// Front matter problems are named for what they are, once.
final class FrontMatterTests: XCTestCase {
    func load(_ text: String) -> [String] {
        MarkdownLoader().load(text: text, file: "s.md").1.map { d in
            "\(d.rule) \(d.span): \(d.message)" + (d.help.map { " | help: \($0)" } ?? "")
                + d.related.map { " | \($0.span): \($0.message)" }.joined()
        }
    }

    func testUnclosedFrontMatterWithAThematicBreakInTheBody() {
        let text = "---\nid: x\nname: Servei\n\n## Què és\n\nEl servei acompanya.\n\n---\n\nMés text.\n"
        XCTAssertEqual(load(text), [
            "markdown-front-matter-unclosed s.md:1:1: front matter is not closed | help: add a line with '---' after the last field of the front matter, before line 4 | s.md:9:1: this '---' stands in the body, after the blank line 4, and is read as the end of the front matter",
        ])
    }

    func testUnclosedFrontMatterWithoutAnyLaterRule() {
        XCTAssertEqual(load("---\nid: x\nname: y\n\n## Què és\n"), [
            "markdown-front-matter-unclosed s.md:1:1: front matter is not closed | help: add a line with '---' after the last field of the front matter",
        ])
    }

    /// A closing line mistyped after the fields is named (session 37's trial: `--` on line
    /// 86 was not); a heading's underline in the body of a file whose front matter is not
    /// closed is not taken for one.
    func testUnclosedFrontMatterWithAMistypedClosingLine() {
        XCTAssertEqual(load("---\nid: x\nname: y\n--\n\n## Què és\n"), [
            "markdown-front-matter-unclosed s.md:1:1: front matter is not closed | help: write '---' on line 4 (three hyphens, nothing else) | s.md:4:1: this line is not '---', which closes the front matter",
        ])
        XCTAssertEqual(load("---\nid: x\nname: y\n——\n\nText.\n").first?.hasPrefix("markdown-front-matter-unclosed s.md:1:1: front matter is not closed | help: write '---' on line 4"), true)
        XCTAssertEqual(load("---\nid: x\nname: y\n\nQuè és\n------\n\nText.\n"), [
            "markdown-front-matter-unclosed s.md:1:1: front matter is not closed | help: add a line with '---' after the last field of the front matter",
        ])
        // Spaced out (session 37's leftover).
        XCTAssertEqual(load("---\nid: x\nname: y\n- - -\n\n## Què és\n"), [
            "markdown-front-matter-unclosed s.md:1:1: front matter is not closed | help: write '---' on line 4 (three hyphens, nothing else) | s.md:4:1: this line is not '---', which closes the front matter",
        ])
        // A YAML comment right under a field is the front matter's, not a heading of the
        // body: the mistyped closing line after it is still named (the review).
        XCTAssertEqual(load("---\nid: x\n# the service's name\nname: y\n--\n\n## Què és\n"), [
            "markdown-front-matter-unclosed s.md:1:1: front matter is not closed | help: write '---' on line 5 (three hyphens, nothing else) | s.md:5:1: this line is not '---', which closes the front matter",
        ])
        // A rule after a heading is the body's, though every line above it reads as YAML
        // (the heading as a comment, the paragraph as a key): not named.
        XCTAssertEqual(load("---\nid: x\nname: y\n\n# Què és\n\nEl servei: acompanya\n\n----\n"), [
            "markdown-front-matter-unclosed s.md:1:1: front matter is not closed | help: add a line with '---' after the last field of the front matter",
        ])
    }

    /// A body written with decomposed accents (NFD) is read in NFC, as the front matter's
    /// texts are: its text and its headings' anchors match what links and searches type
    /// (session 38's trial found combining marks in the HTML and in anchors).
    func testABodyInNFDIsReadInNFC() throws {
        let nfd = "---\nid: x\n---\n\n## Que\u{0300} e\u{0301}s\n\nCafe\u{0301} amb llet.\n"
        let md = try XCTUnwrap(MarkdownLoader().load(text: nfd, file: "s.md").0)
        XCTAssertTrue(Array(md.body.utf8).starts(with: Array("\n## Qu\u{00E8} \u{00E9}s\n\nCaf\u{00E9}".utf8)), md.body.debugDescription)
        XCTAssertEqual(md.headings.map { Array($0.text.utf8) }, [Array("Qu\u{00E8} \u{00E9}s".utf8)])
        XCTAssertEqual(md.headings.map { Array($0.anchor.utf8) }, [Array("qu\u{00E8}-\u{00E9}s".utf8)])
    }

    func testOverIndentedKeyIsNamedAsSuch() {
        XCTAssertEqual(load("---\nid: x\nname: Servei\n  status: core\n---\n\nText.\n"), [
            "yaml-syntax s.md:4:3: 'status' is indented more than the line above it | help: line the key up with the other keys of its mapping, or put it under a key that ends with ':'",
        ])
    }

    func testAValueWithColonSpaceStillGetsTheQuotingHelp() {
        let problems = load("---\nid: x\nname: Servei: creació\n---\n")
        XCTAssertEqual(problems.count, 1)
        XCTAssertTrue(problems[0].hasSuffix("help: a value that contains ': ' must be quoted"), problems[0])
        XCTAssertTrue(problems[0].hasPrefix("yaml-syntax s.md:3:"), problems[0])
    }

    /// A '|' in a code span of a table row cuts the row (cmark-gfm splits cells on it).
    func testPipeInACodeSpanOfATableRow() {
        let text = """
            ---
            id: x
            ---

            | camp | exemple |
            |---|---|
            | `a|b` | text |
            | `a\\|b` | `x` i `y || z` |

            Fora: `a|b`
            """
        XCTAssertEqual(load(text), [
            "markdown-table-pipe-in-code s.md:7:5: this '|' inside a code span ends the table cell: the rest of the row is cut off | help: write \\| inside a code span in a table",
            "markdown-table-pipe-in-code s.md:8:21: this '|' inside a code span ends the table cell: the rest of the row is cut off | help: write \\| inside a code span in a table",
            "markdown-table-pipe-in-code s.md:8:22: this '|' inside a code span ends the table cell: the rest of the row is cut off | help: write \\| inside a code span in a table",
        ])
    }
}

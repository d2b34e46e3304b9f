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

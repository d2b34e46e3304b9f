@testable import Rendering
import XCTest

final class MarkdownHTMLTests: XCTestCase {
    func testHeadingsGetPrefixedAnchorsAndShiftedLevels() {
        let html = MarkdownHTML(headingShift: 1, anchorPrefix: "service-x-").render("## Què és\n\nText.\n\n## Notes\n\n### Notes\n")
        XCTAssertEqual(html, """
            <h3 id="service-x-què-és">Què és</h3>
            <p>Text.</p>
            <h3 id="service-x-notes">Notes</h3>
            <h4 id="service-x-notes-1">Notes</h4>

            """)
    }

    /// The n-th `<hN>` tag (N from 1 to 6) takes the n-th anchor, escaped; other tags that
    /// begin with `<h`, and headings past the last anchor, stay as they are.
    func testHeadingIDsGoToTheHeadingTagsInOrder() {
        let html = "<hr>\n<h1>Ú</h1><h7>x</h7><h2 class=\"a\">b</h2><h<h3>Què</h3>\n<h6>é</h6><h4>z</h4>"
        XCTAssertEqual(MarkdownHTML.addHeadingIDs(html, ["a", "b&\"c", "d"]),
                       "<hr>\n<h1 id=\"a\">Ú</h1><h7>x</h7><h2 class=\"a\">b</h2><h<h3 id=\"b&amp;&quot;c\">Què</h3>\n<h6 id=\"d\">é</h6><h4>z</h4>")
        XCTAssertEqual(MarkdownHTML.addHeadingIDs(html, []), html)
        XCTAssertEqual(MarkdownHTML.addHeadingIDs("<h2>", ["x"]), "<h2 id=\"x\">")
        XCTAssertEqual(MarkdownHTML.addHeadingIDs("<h2", ["x"]), "<h2")
        // A heading whose text begins with a combining mark gets its own id (searched by
        // characters, its tag's ">" and the mark were one character, and the id went to the
        // next heading).
        XCTAssertEqual(MarkdownHTML.addHeadingIDs("<h1>\u{301}x</h1><h2>y</h2>", ["a", "b"]),
                       "<h1 id=\"a\">\u{301}x</h1><h2 id=\"b\">y</h2>")
    }

    func testRepeatedHeadingsGetUniqueAnchorsAndNFC() {
        let html = MarkdownHTML(anchorPrefix: "p-").render("# Taller 1\n# Taller\n# Taller\n# Que\u{300}\n")
        // Compared as bytes: Swift's String comparison would take NFD and NFC for equal.
        XCTAssertEqual(Array(html.utf8), Array(("<h1 id=\"p-taller-1\">Taller 1</h1>\n<h1 id=\"p-taller\">Taller</h1>\n<h1 id=\"p-taller-2\">Taller</h1>\n"
                       + "<h1 id=\"p-qu\u{E8}\">Que\u{300}</h1>\n").utf8))
    }

    /// Footnote ids carry the document's prefix, and the back-link its page's words.
    func testFootnotesArePrefixedAndLabelledInThePageLanguage() {
        let html = MarkdownHTML(anchorPrefix: "service-a--", footnoteBackLabel: "Torna a la referència")
            .render("Text[^1].\n\n[^1]: Nota.\n")
        XCTAssertEqual(html, """
            <p>Text<sup class="footnote-ref"><a href="#service-a--fn-1" id="service-a--fnref-1" data-footnote-ref>1</a></sup>.</p>
            <section class="footnotes" data-footnotes>
            <ol>
            <li id="service-a--fn-1">
            <p>Nota. <a href="#service-a--fnref-1" class="footnote-backref" data-footnote-backref aria-label="Torna a la referència">↩</a></p>
            </li>
            </ol>
            </section>

            """)
    }

    func testRawHTMLAndScriptsNeverPassThrough() {
        let html = MarkdownHTML().render("Hola <script>alert(1)</script> i <b>negreta</b>.\n\n<div onclick=\"x()\">bloc</div>\n\n[clic](javascript:alert(1))\n")
        XCTAssertFalse(html.contains("<script"), html)
        XCTAssertFalse(html.contains("<div"), html)
        XCTAssertFalse(html.contains("<b>"), html)
        XCTAssertFalse(html.contains("javascript:"), html)
    }

    func testRawHTMLCanBeShownAsText() {
        let html = MarkdownHTML(rawHTMLAsText: true).render("Un <b>exemple</b>.\n\n<script>alert('x')</script>\n")
        XCTAssertEqual(html, "<p>Un &lt;b&gt;exemple&lt;/b&gt;.</p>\n<p>&lt;script&gt;alert('x')&lt;/script&gt;</p>\n")
    }

    func testLinksAreResolvedAndTablesRender() {
        let renderer = MarkdownHTML(resolveLink: { $0 == "company-creation.md" ? "#service-company-creation" : nil })
        let html = renderer.render("Vegeu [creació](company-creation.md) i [web](https://example.org).\n\n| a | b |\n|---|---|\n| ~~x~~ | y |\n")
        XCTAssertTrue(html.contains("<a href=\"#service-company-creation\">creació</a>"), html)
        XCTAssertTrue(html.contains("<a href=\"https://example.org\">web</a>"), html)
        XCTAssertTrue(html.contains("<table>"), html)
        XCTAssertTrue(html.contains("<del>x</del>"), html)
    }

    func testContentHashIsSHA256() {
        XCTAssertEqual(ContentHash.hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(ContentHash.hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(ContentHash.hex(String(repeating: "a", count: 1000)),
                       "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}

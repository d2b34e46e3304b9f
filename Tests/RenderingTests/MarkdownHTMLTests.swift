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

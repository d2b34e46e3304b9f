@testable import Site
import XCTest

/// The names of the tables' scroll regions come from their captions and headings as plain
/// text: tags removed, spaces collapsed (no-break spaces too), the five entities of
/// `HTML.escape` decoded once.
final class ScrollRegionsTests: XCTestCase {
    func testPlainTextOfACaption() {
        XCTAssertEqual(ScrollRegions.plainText("  Pressupost <abbr title=\"x\">2026</abbr>\n\t de l&#39;oficina  "),
                       "Pressupost 2026 de l'oficina")
        XCTAssertEqual(ScrollRegions.plainText("12\u{00A0}000 <b>€</b>  i\u{202F}més"), "12 000 € i més")
        XCTAssertEqual(ScrollRegions.plainText("<span></span>"), "")
        XCTAssertEqual(ScrollRegions.plainText("a &amp;lt; b &lt; c &gt; d &quot;e&quot; &unknown; &"), "a &lt; b < c > d \"e\" &unknown; &")
    }

    func testUnescapeDecodesOnce() {
        XCTAssertEqual(ScrollRegions.unescape("l&#39;acollida &amp;amp;"), "l'acollida &amp;")
        XCTAssertEqual(ScrollRegions.unescape("sense entitats"), "sense entitats")
        XCTAssertEqual(ScrollRegions.unescape("&lt&gt;"), "&lt>")
    }

    func testARegionIsNamedAfterTheCaptionElseTheHeadingElseTheTitle() {
        let html = "<h2 id=\"costs\">Costos</h2>\n<table><caption>Cost d&#39;oficina</caption><tr><td>1</td></tr></table>\n"
            + "<table><tr><td>2</td></tr></table>"
        XCTAssertEqual(ScrollRegions.wrap(html, fallback: "Pàgina"),
                       "<h2 id=\"costs\">Costos</h2>\n<div class=\"table-scroll\" role=\"region\" aria-label=\"Cost d&#39;oficina\" tabindex=\"0\">"
                       + "<table><caption>Cost d&#39;oficina</caption><tr><td>1</td></tr></table></div>\n"
                       + "<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"costs\" tabindex=\"0\"><table><tr><td>2</td></tr></table></div>")
        XCTAssertEqual(ScrollRegions.wrap("<table></table>", fallback: "L'índex"),
                       "<div class=\"table-scroll\" role=\"region\" aria-label=\"L&#39;índex\" tabindex=\"0\"><table></table></div>")
    }
}

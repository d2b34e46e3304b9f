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

    /// Spaces are collapsed by scalars as `split(whereSeparator: \.isWhitespace)` collapses
    /// them by characters, also where white space and a mark make one character.
    func testSpacesCollapseAsCharactersSplit() {
        XCTAssertEqual(ScrollRegions.collapsingSpaces(" Àrea\u{00A0}\u{2003}de\r\nserveis\u{3000}"), "Àrea de serveis")
        // A space with a combining acute accent is one character, white space: a separator.
        XCTAssertEqual(ScrollRegions.collapsingSpaces("a \u{301}b"), "a b")
        // An Arabic number sign before a space makes one character with it, not white space.
        XCTAssertEqual(ScrollRegions.collapsingSpaces("1\u{600} 2"), "1\u{600} 2")
        let scalars: [Unicode.Scalar] = ["a", "é", " ", "\t", "\n", "\r", "\u{A0}", "\u{2003}", "\u{301}", "\u{200D}", "\u{600}",
                                         "\u{85}", "\u{1F600}", "\u{1F3FB}", "\u{E33}", "\u{903}", "\u{3000}", "\u{FE0F}"]
        // Every text of three scalars of these.
        for a in scalars {
            for b in scalars {
                for c in scalars {
                    var view = String.UnicodeScalarView()
                    view.append(contentsOf: [a, b, c])
                    let text = String(view)
                    XCTAssertEqual(ScrollRegions.collapsingSpaces(text), text.split(whereSeparator: \.isWhitespace).joined(separator: " "),
                                   "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
                }
            }
        }
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

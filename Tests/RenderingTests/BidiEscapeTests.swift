import Presentation
import Rendering
import XCTest

/// The escapes of both outputs keep a text's directional controls inside it
/// (`BidiControls`): what it leaves open is closed at its end, a closer it did not open is
/// left out, a text with an override is put in an isolate of its own, and every other
/// character, the typographic ones that share their first byte (0xE2) included, is escaped
/// as before.
final class BidiEscapeTests: XCTestCase {
    static let rlo = "\u{202E}", pdf = "\u{202C}", rli = "\u{2067}", lri = "\u{2066}", pdi = "\u{2069}"

    /// `HTML.escape` keeps the controls inside the text, with a control or a neighbour of
    /// it at every position of texts of 0 to 24 bytes (the eight-byte words and the tail).
    func testHTMLEscapeBalancesAtEveryPosition() {
        let (rlo, pdf, rli, lri, pdi) = (Self.rlo, Self.pdf, Self.rli, Self.lri, Self.pdi)
        var compared = 0
        // What each special becomes: before the text, in its place, after the text. U+2028,
        // U+2029, U+202F, U+2065 and U+206A are three bytes from 0xE2 next to the controls'.
        let specials: [(String, String, String, String)] = [
            (rlo, lri, rlo, pdf + pdi), (pdf, "", "", ""), (rli, "", rli, pdi), (pdi, "", "", ""),
            ("’", "", "’", ""), ("—", "", "—", ""), ("\u{2028}", "", " ", ""), ("\u{2029}", "", " ", ""),
            ("\u{202F}", "", "\u{202F}", ""), ("\u{2065}", "", "\u{2065}", ""), ("\u{206A}", "", "\u{206A}", ""),
            (rlo + "<", lri, rlo + "&lt;", pdf + pdi), ("&" + pdi, "", "&amp;", ""), (lri + "’" + pdf, "", lri + "’", pdi),
            // Two controls in one eight-byte word.
            (rlo + pdf + "'", lri, rlo + pdf + "&#39;", pdi), (rli + rlo + pdi + pdi, "", rli + rlo + pdi, ""),
        ]
        for (special, before, inPlace, after) in specials {
            for length in 0...24 {
                for at in 0...length {
                    for filler in ["a", "é"] {
                        let (head, tail) = (String(repeating: filler, count: at), String(repeating: filler, count: length - at))
                        let text = head + special + tail
                        let expected = before + head + inPlace + tail + after
                        XCTAssertEqual(HTML.escape(text), expected, text.debugDescription)
                        var bytes: [UInt8] = Array("x".utf8)
                        HTML.escape(text, into: &bytes)
                        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), "x" + expected, text.debugDescription)
                        compared += 1
                    }
                }
            }
        }
        XCTAssertEqual(compared, 16 * 2 * (25 * 26 / 2))
        XCTAssertEqual(HTML.escape("Oficina d’" + rlo + "Empresa"), lri + "Oficina d’" + rlo + "Empresa" + pdf + pdi)
        // What `Typography.prose` gave is escaped as it is.
        let prose = Typography.prose("L'oficina " + rlo + "d'Empresa")
        XCTAssertEqual(HTML.escape(prose), prose)
    }

    /// `Typst.escape` as well: a handbook's PDF inserts the writer's texts into its
    /// sentences, and its title into the page's footer, before the page's number ("6 / 63",
    /// which a title with an RLO showed "63 / 6"); a line or paragraph separator, which would
    /// end the isolate, is a space.
    func testTypstEscapeBalances() {
        let (rlo, pdf, pdi, lri) = (Self.rlo, Self.pdf, Self.pdi, Self.lri)
        XCTAssertEqual(Typst.escape("a" + rlo + "b c"), lri + "a" + rlo + "b c" + pdf + pdi)
        XCTAssertEqual(Typst.escape("x" + pdi + " [y]"), "x \\[y\\]")
        XCTAssertEqual(Typst.escape(Self.rli + "a" + pdi + "."), Self.rli + "a" + pdi + "\\.")
        XCTAssertEqual(Typst.escape("a\u{2029}" + rlo + "b"), lri + "a " + rlo + "b" + pdf + pdi)
        // A string literal is data, kept as it is: a link's destination keeps its bytes.
        XCTAssertEqual(Typst.string("a" + pdf + "b" + rlo), "\"a" + pdf + "b" + rlo + "\"")
        XCTAssertEqual(MarkdownTypst().render("[x](https://x.cat/" + rlo + "y)"), "#link(\"https://x.cat/" + rlo + "y\")[x]")
    }

    /// The Markdown a writer's body is written in: a code span, an autolink's text and raw
    /// HTML shown as text keep their controls inside them as its text does, in HTML and in
    /// Typst; a code block is a paragraph of its own, and is left as written in HTML.
    func testMarkdownKeepsTheControlsOfEveryInlineInside() {
        let (rlo, pdf, pdi, lri) = (Self.rlo, Self.pdf, Self.pdi, Self.lri)
        let markdown = "Codi `a" + rlo + "b` i <https://x.cat/" + rlo + "y> 5 <b title=\"" + rlo + "\">, 6.\n"
        XCTAssertEqual(MarkdownHTML(rawHTMLAsText: true).render(markdown),
                       "<p>Codi <code>" + lri + "a" + rlo + "b" + pdf + pdi + "</code> i <a href=\"https://x.cat/%E2%80%AEy\">" + lri + "https://x.cat/"
                           + rlo + "y" + pdf + pdi + "</a> 5 " + lri + "&lt;b title=&quot;" + rlo + "&quot;&gt;" + pdf + pdi + ", 6.</p>\n")
        XCTAssertEqual(MarkdownTypst().render("Codi `a" + rlo + "b`, 5.\n"), "Codi #raw(\"" + lri + "a" + rlo + "b" + pdf + pdi + "\"), 5\\.")
    }

    /// The trial's case: a name with an RLO in the site's fallback span no longer turns the
    /// words after the span around; the template is the site's `text` partial.
    func testATemplateClosesTheValueItInserts() throws {
        struct Text: ViewModel { var text: String; var lang: String; var fallback: Bool; var ui: [String: String] }
        let templates = try Templates.compiling([
            "text": #"{{#fallback}}<span lang="{{lang}}" class="fallback">{{text}}</span> <span class="fallback-mark">{{ui.untranslated}}</span>{{/fallback}}{{^fallback}}{{text}}{{/fallback}}"#,
        ])
        let value = Text(text: "Oficina " + Self.rlo + "Centre", lang: "ca", fallback: true, ui: ["untranslated": "(sense traduir)"])
        XCTAssertEqual(templates.render("text", value),
                       #"<span lang="ca" class="fallback">"# + Self.lri + "Oficina " + Self.rlo + "Centre" + Self.pdf + Self.pdi + #"</span> <span class="fallback-mark">(sense traduir)</span>"#)
    }
}

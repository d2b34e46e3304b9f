import Presentation
import Rendering
import XCTest

/// The escapes of both outputs keep a text's directional controls inside it
/// (`BidiControls`): what it leaves open is closed at its end, a closer it did not open is
/// left out, and every other character, the typographic ones that share their first byte
/// (0xE2) included, is escaped as before.
final class BidiEscapeTests: XCTestCase {
    static let rlo = "\u{202E}", pdf = "\u{202C}", rli = "\u{2067}", lri = "\u{2066}", pdi = "\u{2069}", rle = "\u{202B}"

    /// The five escaped a character at a time.
    static func reference(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// `HTML.escape` gives the balanced text, escaped, with a control or a neighbour of it
    /// at every position of texts of 0 to 24 bytes (the eight-byte words and the tail).
    func testHTMLEscapeBalancesAtEveryPosition() {
        var compared = 0
        // U+2028, U+2029, U+202F, U+2065 and U+206A are three bytes from 0xE2 next to the controls'.
        for special in [Self.rlo, Self.pdf, Self.rli, Self.pdi, "’", "—", "\u{2028}", "\u{2029}", "\u{202F}", "\u{2065}", "\u{206A}",
                        Self.rlo + "<", "&" + Self.pdi, Self.lri + "’" + Self.pdf] {
            for length in 0...24 {
                for at in 0...length {
                    for filler in ["a", "é"] {
                        let text = String(repeating: filler, count: at) + special + String(repeating: filler, count: length - at)
                        let expected = Self.reference(BidiControls.balanced(text))
                        XCTAssertEqual(HTML.escape(text), expected, text.debugDescription)
                        var bytes: [UInt8] = Array("x".utf8)
                        HTML.escape(text, into: &bytes)
                        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), "x" + expected, text.debugDescription)
                        compared += 1
                    }
                }
            }
        }
        XCTAssertEqual(compared, 14 * 2 * (25 * 26 / 2))
        XCTAssertEqual(HTML.escape("Oficina d’" + Self.rlo + "Empresa"), "Oficina d’" + Self.rlo + "Empresa" + Self.pdf)
    }

    /// `Typst.escape` as well: a handbook's PDF inserts the writer's texts into its sentences.
    func testTypstEscapeBalances() {
        XCTAssertEqual(Typst.escape("a" + Self.rlo + "b c"), "a" + Self.rlo + "b c" + Self.pdf)
        XCTAssertEqual(Typst.escape("x" + Self.pdi + " [y]"), "x \\[y\\]")
        XCTAssertEqual(Typst.escape(Self.rli + "a" + Self.pdi + "."), Self.rli + "a" + Self.pdi + "\\.")
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
                       #"<span lang="ca" class="fallback">Oficina "# + Self.rlo + "Centre" + Self.pdf + #"</span> <span class="fallback-mark">(sense traduir)</span>"#)
    }
}

import Presentation
import XCTest

/// A text's directional controls are kept inside it (`BidiControls`), and
/// `Typography.prose`, where a text of the tree becomes a reader's, applies it with its
/// other rules.
final class BidiControlsTests: XCTestCase {
    static let rlo = "\u{202E}", pdf = "\u{202C}", rli = "\u{2067}", lri = "\u{2066}", pdi = "\u{2069}", rle = "\u{202B}"

    /// The balanced text of each case, by UAX #9's pairing (X6a, X7).
    func testBalancedTexts() {
        let (rlo, pdf, rli, lri, pdi, rle) = (Self.rlo, Self.pdf, Self.rli, Self.lri, Self.pdi, Self.rle)
        let cases: [(String, String)] = [
            ("Oficina", "Oficina"),
            ("l’oficina — “Sant Feliu”", "l’oficina — “Sant Feliu”"),
            ("a" + rlo + "b", "a" + rlo + "b" + pdf),
            (rli + "x", rli + "x" + pdi),
            ("x" + pdf + "y", "xy"),
            ("x" + pdi + "y", "xy"),
            (rle + "a" + pdf + "b", rle + "a" + pdf + "b"),
            // PDI closes the isolate and the override opened inside it.
            (lri + rlo + "a" + pdi + "b", lri + rlo + "a" + pdi + "b"),
            // PDF does not close across an isolate: left out, and the isolate closed.
            (lri + "a" + pdf + "b", lri + "ab" + pdi),
            // Innermost first.
            (rlo + rli + "c", rlo + rli + "c" + pdi + pdf),
            (rlo + rlo + "d" + pdf, rlo + rlo + "d" + pdf + pdf),
            ("\u{202A}\u{202D}\u{2068}", "\u{202A}\u{202D}\u{2068}" + pdi + pdf + pdf),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(BidiControls.balanced(text).unicodeScalars.map(\.value), expected.unicodeScalars.map(\.value), text.debugDescription)
        }
    }

    /// `Typography.prose` closes and drops as `balanced` does, beside its apostrophes and
    /// no-break spaces, and returns a text without controls as it was.
    func testTypographyKeepsTheControlsInsideTheText() {
        let (rlo, pdf, pdi) = (Self.rlo, Self.pdf, Self.pdi)
        XCTAssertEqual(Typography.prose("l'oficina " + rlo + "d'empresa 96 %"), "l’oficina " + rlo + "d’empresa 96\u{A0}%" + pdf)
        XCTAssertEqual(Typography.prose(rlo + "a"), rlo + "a" + pdf)
        XCTAssertEqual(Typography.prose("a" + pdi + "b's"), "ab’s")
        XCTAssertEqual(Typography.prose(pdf), "")
        XCTAssertEqual(Typography.prose("l’oficina — 90 €"), "l’oficina — 90\u{A0}€")
        // At every position of texts of 0 to 20 bytes, against `balanced` then the
        // apostrophe rule: the eight-byte words and the tail.
        for special in [rlo, pdf, pdi, "\u{2028}", "\u{202F}", "\u{206A}", "’"] {
            for length in 0...20 {
                for at in 0...length {
                    let text = String(repeating: "a", count: at) + special + String(repeating: "a", count: length - at)
                    XCTAssertEqual(Typography.prose(text), BidiControls.balanced(text), text.debugDescription)
                    let apostrophe = "l'a" + text
                    XCTAssertEqual(Typography.prose(apostrophe), "l’a" + BidiControls.balanced(text), apostrophe.debugDescription)
                }
            }
        }
    }

    /// A text filled into a sentence of the interface words is closed before the words
    /// that follow it (the site's titles and descriptions: "{name}: the services…").
    func testAFilledSentenceClosesTheNameBeforeItsOwnWords() {
        let name = Typography.prose("Oficina " + Self.rlo + "Centre")
        XCTAssertEqual(Strings.fill("{name}: els serveis", ["name": name]), "Oficina " + Self.rlo + "Centre" + Self.pdf + ": els serveis")
    }
}

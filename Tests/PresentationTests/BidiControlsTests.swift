import Presentation
import XCTest

/// A text's directional controls are kept inside it (`BidiControls`), and
/// `Typography.prose`, where a text of the tree becomes a reader's, applies it with its
/// other rules.
final class BidiControlsTests: XCTestCase {
    static let rlo = "\u{202E}", pdf = "\u{202C}", rli = "\u{2067}", lri = "\u{2066}", pdi = "\u{2069}", rle = "\u{202B}",
               fsi = "\u{2068}", iso = "\u{2066}"

    /// The balanced text of each case, by UAX #9's pairing (X6a, X7), put in an isolate
    /// (LRI … PDI) when it holds an embedding or override outside its own isolates.
    func testBalancedTexts() {
        let (rlo, pdf, rli, lri, pdi, rle, fsi, iso) = (Self.rlo, Self.pdf, Self.rli, Self.lri, Self.pdi, Self.rle, Self.fsi, Self.iso)
        let cases: [(String, String)] = [
            ("Oficina", "Oficina"),
            ("l’oficina — “Sant Feliu”", "l’oficina — “Sant Feliu”"),
            ("a" + rlo + "b", iso + "a" + rlo + "b" + pdf + pdi),
            // An isolate is only closed: what follows it sees one neutral character.
            (rli + "x", rli + "x" + pdi),
            ("x" + pdf + "y", "xy"),
            ("x" + pdi + "y", "xy"),
            // A closed embedding still reaches the digits after it: put in an isolate.
            (rle + "a" + pdf + "b", iso + rle + "a" + pdf + "b" + pdi),
            // PDI closes the isolate and the override opened inside it.
            (lri + rlo + "a" + pdi + "b", lri + rlo + "a" + pdi + "b"),
            // PDF does not close across an isolate: left out, and the isolate closed.
            (lri + "a" + pdf + "b", lri + "ab" + pdi),
            // Innermost first.
            (rlo + rli + "c", iso + rlo + rli + "c" + pdi + pdf + pdi),
            (rlo + rlo + "d" + pdf, iso + rlo + rlo + "d" + pdf + pdf + pdi),
            ("\u{202A}\u{202D}\u{2068}", iso + "\u{202A}\u{202D}\u{2068}" + pdi + pdf + pdf + pdi),
            // An embedding after an isolate closed is outside every isolate.
            (lri + "a" + pdi + rlo + "b", iso + lri + "a" + pdi + rlo + "b" + pdf + pdi),
            // One PDI closes the isolates and embeddings down to the innermost isolate; a
            // second closes the next; a third has none left.
            (lri + rli + rlo + "a" + pdi + "b" + pdi + "c" + pdi, lri + rli + rlo + "a" + pdi + "b" + pdi + "c"),
            // A text already in an isolate of its own is not put in another.
            (fsi + rlo + "a" + pdf + pdi, fsi + rlo + "a" + pdf + pdi),
            (fsi + rlo + "a", fsi + rlo + "a" + pdf + pdi),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(BidiControls.balanced(text).unicodeScalars.map(\.value), expected.unicodeScalars.map(\.value), text.debugDescription)
            // Twice is once.
            XCTAssertEqual(BidiControls.balanced(expected), expected, expected.debugDescription)
        }
    }

    /// `Typography.prose` closes, drops and isolates as `balanced` does, beside its
    /// apostrophes and no-break spaces, and returns a text without controls as it was.
    func testTypographyKeepsTheControlsInsideTheText() {
        let (rlo, pdf, pdi, iso) = (Self.rlo, Self.pdf, Self.pdi, Self.iso)
        XCTAssertEqual(Typography.prose("l'oficina " + rlo + "d'empresa 96 %"), iso + "l’oficina " + rlo + "d’empresa 96\u{A0}%" + pdf + pdi)
        XCTAssertEqual(Typography.prose(rlo + "a"), iso + rlo + "a" + pdf + pdi)
        XCTAssertEqual(Typography.prose("a" + pdi + "b's"), "ab’s")
        XCTAssertEqual(Typography.prose(pdf), "")
        XCTAssertEqual(Typography.prose("l’oficina — 90 €"), "l’oficina — 90\u{A0}€")
        // Two controls in one eight-byte word, and the apostrophe after them.
        XCTAssertEqual(Typography.prose("ab" + rlo + pdf + "cd'ef"), iso + "ab" + rlo + pdf + "cd’ef" + pdi)
        XCTAssertEqual(Typography.prose(Self.rli + rlo + "x" + pdi + pdi + "y's"), Self.rli + rlo + "x" + pdi + "y’s")
        // At every position of texts of 0 to 20 bytes: the eight-byte words and the tail.
        // What each special becomes: before the text, in its place, after the text.
        let specials: [(String, String, String, String)] = [
            (rlo, iso, rlo, pdf + pdi), (pdf, "", "", ""), (pdi, "", "", ""), (Self.rli, "", Self.rli, pdi),
            ("\u{2028}", "", " ", ""), ("\u{2029}", "", " ", ""), ("\u{202F}", "", "\u{202F}", ""), ("\u{206A}", "", "\u{206A}", ""), ("’", "", "’", ""),
        ]
        for (special, before, inPlace, after) in specials {
            for length in 0...20 {
                for at in 0...length {
                    let (head, tail) = (String(repeating: "a", count: at), String(repeating: "a", count: length - at))
                    let text = head + special + tail
                    XCTAssertEqual(Typography.prose(text), before + head + inPlace + tail + after, text.debugDescription)
                    let apostrophe = "l'a" + text
                    XCTAssertEqual(Typography.prose(apostrophe), before + "l’a" + head + inPlace + tail + after, apostrophe.debugDescription)
                }
            }
        }
    }

    /// A text filled into a sentence of the interface words is closed and isolated before
    /// the words that follow it (the site's titles and descriptions: "{name}: the services…").
    func testAFilledSentenceClosesTheNameBeforeItsOwnWords() {
        let name = Typography.prose("Oficina " + Self.rlo + "Centre")
        XCTAssertEqual(Strings.fill("{name}: els serveis", ["name": name]),
                       Self.iso + "Oficina " + Self.rlo + "Centre" + Self.pdf + Self.pdi + ": els serveis")
    }
}

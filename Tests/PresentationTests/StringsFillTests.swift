import Presentation
import XCTest

/// `Strings.fill` searches bytes: names and the text around them, in any script, come out
/// as they went in; an unknown name or an unclosed brace is text.
final class StringsFillTests: XCTestCase {
    func testNamesAreReplacedAndTheRestKept() {
        XCTAssertEqual(Strings.fill("L'oficina de {municipality} obre el {day}.", ["municipality": "Sant Feliu", "day": "dilluns"]),
                       "L'oficina de Sant Feliu obre el dilluns.")
        XCTAssertEqual(Strings.fill("{a}{b}·{a}", ["a": "α", "b": "β"]), "αβ·α")
        XCTAssertEqual(Strings.fill("{unknown} i {n}", ["n": "3"]), "{unknown} i 3")
        XCTAssertEqual(Strings.fill("obert { sense tancar {n}", ["n": "3"]), "obert { sense tancar {n}")
        XCTAssertEqual(Strings.fill("sense claus", ["n": "3"]), "sense claus")
        XCTAssertEqual(Strings.fill("{n}", [:]), "{n}")
    }

    func testEscapeAppliesToTheTemplateTextOnly() {
        let escape = { (s: String) in s.replacingOccurrences(of: "<", with: "&lt;") }
        XCTAssertEqual(Strings.fill("<b> {link} <i>", ["link": "<a href=x>y</a>"], escape: escape),
                       "&lt;b> <a href=x>y</a> &lt;i>")
        XCTAssertEqual(Strings.fill("a < {x} <", ["y": "1"], escape: escape), "a &lt; {x} &lt;")
        XCTAssertEqual(Strings.fill("<{x", ["x": "1"], escape: escape), "&lt;{x")
    }

    /// The values are pairs: the first value of a name counts, one added later fills only
    /// a name the others lack (`count`'s `{n}`), and a dictionary's values are the same.
    func testPlaceholdersAreTheFirstValueOfEachName() {
        let values: Placeholders = ["n": "tres", "m": "u"]
        XCTAssertEqual(values["n"], "tres")
        XCTAssertNil(values["x"])
        XCTAssertEqual(values.adding("n", "3")["n"], "tres")
        XCTAssertEqual(values.adding("x", "9")["x"], "9")
        XCTAssertEqual(Strings.fill("{n} i {m}", Placeholders(["n": "tres", "m": "u"])), "tres i u")
        XCTAssertTrue(([:] as Placeholders).isEmpty)
        let strings = Strings(language: "ca", texts: [:], forms: ["k": ["one": "{n} servei de {m}", "other": "{n} serveis de {m}"]])
        XCTAssertEqual(strings.count("k", 2, formatted: "2", ["m": "Abrera"]), "2 serveis d'Abrera")
        XCTAssertEqual(strings.count("k", 1, formatted: "1", ["m": "Vic", "n": "un"]), "un servei de Vic")
    }
}

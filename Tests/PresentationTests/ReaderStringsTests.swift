import Presentation
import XCTest

/// The interface words a reader sees have the same typography as the writers' texts
/// (`Strings.forReaders()`; the regression hunt of session 14, LOW 2), and the words the
/// command line and `oae new` use keep the characters as typed.
final class ReaderStringsTests: XCTestCase {
    let strings = Strings(language: "ca", texts: [
        "print_address": "Adreça d'aquesta pàgina: ",
        "local_note": "tal com l'ha adaptat {municipality}",
        "opening": "Oberta des del {date}",
        "of": "Oficina de {municipality}",
        "format.percent": "{n} %",
    ], forms: ["done": ["one": "{n} element fet d'un total de {total}", "other": "{n} elements fets d'un total de {total}"]])

    func testTheWordsOfAReaderHaveTheTypography() {
        let reader = strings.forReaders()
        XCTAssertTrue(reader.typeset)
        XCTAssertEqual(reader["print_address"], "Adreça d\u{2019}aquesta pàgina: ")
        XCTAssertEqual(reader.all["print_address"], "Adreça d\u{2019}aquesta pàgina: ")
        // A name filled in (as the register writes it) and a contraction made in code.
        XCTAssertEqual(reader("local_note", ["municipality": "L'Hospitalet de Llobregat"]),
                       "tal com l\u{2019}ha adaptat l\u{2019}Hospitalet de Llobregat")
        XCTAssertEqual(reader("of", ["municipality": "L'Hospitalet de Llobregat"]), "Oficina de l\u{2019}Hospitalet de Llobregat")
        XCTAssertEqual(reader("opening", ["date": "1 d'abril de 2026"]), "Oberta des de l\u{2019}1 d\u{2019}abril de 2026")
        XCTAssertEqual(reader.count("done", 12, formatted: "12", ["total": "12"]), "12 elements fets d\u{2019}un total de 12")
        XCTAssertEqual(ValueFormatter(strings: reader).percent(96), "96\u{00A0}%")
        XCTAssertEqual(reader.typeset("l'a"), "l\u{2019}a")
        XCTAssertEqual(reader.forReaders()["print_address"], reader["print_address"])
    }

    /// A value filled into a reader's sentence keeps its directional controls inside it
    /// (`BidiControls`: an override in a name put in an isolate of its own, closed before the
    /// sentence's next words); the command line's words keep the value as typed.
    func testAFilledValueKeepsItsControlsInside() {
        let reader = strings.forReaders()
        let name = "Sant \u{202E}Feliu"
        let isolated = "\u{2066}Sant \u{202E}Feliu\u{202C}\u{2069}"
        XCTAssertEqual(reader("local_note", ["municipality": name]), "tal com l\u{2019}ha adaptat " + isolated)
        XCTAssertEqual(reader.count("done", 1, formatted: "1", ["total": "3 de " + name]), "1 element fet d\u{2019}un total de \u{2066}3 de Sant \u{202E}Feliu\u{202C}\u{2069}")
        XCTAssertEqual(strings("local_note", ["municipality": name]), "tal com l'ha adaptat " + name)
        // A value with a `’` and no control is filled in as it is.
        XCTAssertEqual(reader("of", ["municipality": "l’Hospitalet"]), "Oficina de l’Hospitalet")
        // The contraction is made first, then the isolate put around what it made
        // ("del Prat", not "de ⁦El Prat": session 34's review).
        XCTAssertEqual(reader("of", ["municipality": "El Prat de \u{202E}Llobregat"]),
                       "Oficina \u{2066}del Prat de \u{202E}Llobregat\u{202C}\u{2069}")
        XCTAssertEqual(reader("of", ["municipality": "Abrera \u{202E}Centre"]), "Oficina \u{2066}d’Abrera \u{202E}Centre\u{202C}\u{2069}")
    }

    func testTheWordsOfTheCommandLineKeepWhatWasTyped() {
        XCTAssertFalse(strings.typeset)
        XCTAssertEqual(strings["print_address"], "Adreça d'aquesta pàgina: ")
        XCTAssertEqual(strings("local_note", ["municipality": "L'Hospitalet de Llobregat"]), "tal com l'ha adaptat l'Hospitalet de Llobregat")
        XCTAssertEqual(ValueFormatter(strings: strings).percent(96), "96 %")
        XCTAssertEqual(strings.typeset("l'a"), "l'a")
    }
}

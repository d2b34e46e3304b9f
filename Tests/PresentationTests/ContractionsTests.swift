@testable import Presentation
import XCTest

/// A name after a preposition is joined to it as Catalan and Spanish write it, wherever
/// the strings files put "de {municipality}" (a Catalan page read "l'oficina de El Prat
/// de Llobregat", "Procediment propi de L'Hospitalet de Llobregat").
final class ContractionsTests: XCTestCase {
    func testCatalanContractsElisesAndLowersTheArticlesOfNames() {
        let cases: [(String, String)] = [
            ("El Prat de Llobregat", "del Prat de Llobregat"), ("Els Hostalets de Pierola", "dels Hostalets de Pierola"),
            ("Abrera", "d'Abrera"), ("Esplugues de Llobregat", "d'Esplugues de Llobregat"), ("Òrrius", "d'Òrrius"),
            ("Horta de Sant Joan", "d'Horta de Sant Joan"), ("Ullastrell", "d'Ullastrell"), ("Ivars d'Urgell", "d'Ivars d'Urgell"),
            ("L'Hospitalet de Llobregat", "de l'Hospitalet de Llobregat"), ("La Garriga", "de la Garriga"),
            ("Les Franqueses del Vallès", "de les Franqueses del Vallès"), ("Vic", "de Vic"), ("Molins de Rei", "de Molins de Rei"),
            // Semivowels keep "de"; a number but 1 and 11, a revision or markup is not a word.
            ("Huelva", "de Huelva"), ("iogurt", "de iogurt"), ("11 serveis", "d'11 serveis"), ("12 serveis", "de 12 serveis"), ("a3f9c1e", "de a3f9c1e"),
            ("origin/main", "de origin/main"), ("offices.csv", "de offices.csv"), ("HEAD", "de HEAD"), ("<a href=\"x\">Abrera</a>", "de <a href=\"x\">Abrera</a>"),
        ]
        for (name, expected) in cases {
            XCTAssertEqual(Contractions.of(name, language: "ca"), expected, name)
        }
    }

    func testEveryCatalanPrepositionThatContracts() {
        let ca = Strings(language: "ca", texts: [
            "k": "Oficina de {m}", "a": "Obert al públic a {m}.", "per": "Signat per {m}.", "start": "{m} aplica la variant.",
            "cap": "De {m} a {n}.", "des": "Canvis des de {m}", "word": "Vida d'{m}",
        ])
        XCTAssertEqual(ca("k", ["m": "El Prat de Llobregat"]), "Oficina del Prat de Llobregat")
        XCTAssertEqual(ca("k", ["m": "Abrera"]), "Oficina d'Abrera")
        XCTAssertEqual(ca("a", ["m": "El Papiol"]), "Obert al públic al Papiol.")
        XCTAssertEqual(ca("a", ["m": "Els Prats de Rei"]), "Obert al públic als Prats de Rei.")
        XCTAssertEqual(ca("a", ["m": "L'Hospitalet de Llobregat"]), "Obert al públic a l'Hospitalet de Llobregat.")
        XCTAssertEqual(ca("a", ["m": "Abrera"]), "Obert al públic a Abrera.")
        XCTAssertEqual(ca("per", ["m": "El Masnou"]), "Signat pel Masnou.")
        XCTAssertEqual(ca("start", ["m": "El Prat de Llobregat"]), "El Prat de Llobregat aplica la variant.")
        XCTAssertEqual(ca("cap", ["m": "El Prat", "n": "Esplugues"]), "Del Prat a Esplugues.")
        XCTAssertEqual(ca("cap", ["m": "Abrera", "n": "La Garriga"]), "D'Abrera a la Garriga.")
        XCTAssertEqual(ca("des", ["m": "El Papiol"]), "Canvis des del Papiol")
        XCTAssertEqual(ca("word", ["m": "El Prat"]), "Vida d'El Prat")
    }

    /// Without a preposition, a name's article is lower case in the middle of a sentence
    /// and keeps its capital at the start of one (a handbook read "tal com l'ha adaptat El
    /// Prat de Llobregat").
    func testCatalanLowersTheArticleOfANameInTheMiddleOfASentence() {
        let ca = Strings(language: "ca", texts: [
            "mid": "Aquest manual recull el model tal com l'ha adaptat {m}.", "start": "{m} aplica aquesta variant.",
            "after": "Fi del text. {m} aplica la variant.", "colon": "Municipi: {m}", "and": "Esplugues, {m} i {n}",
        ])
        let names = ["El Prat de Llobregat": "el Prat de Llobregat", "L'Hospitalet de Llobregat": "l'Hospitalet de Llobregat",
                     "Els Hostalets de Pierola": "els Hostalets de Pierola", "La Garriga": "la Garriga"]
        for (name, lowered) in names.sorted(by: { $0.key < $1.key }) {
            XCTAssertEqual(ca("mid", ["m": name]), "Aquest manual recull el model tal com l'ha adaptat \(lowered).")
            XCTAssertEqual(ca("start", ["m": name]), "\(name) aplica aquesta variant.")
            XCTAssertEqual(ca("after", ["m": name]), "Fi del text. \(name) aplica la variant.")
            XCTAssertEqual(ca("colon", ["m": name]), "Municipi: \(name)")
        }
        XCTAssertEqual(ca("and", ["m": "La Garriga", "n": "Les Franqueses del Vallès"]), "Esplugues, la Garriga i les Franqueses del Vallès")
        // A name without an article, and an article before a word that is not a name, stay.
        XCTAssertEqual(ca("mid", ["m": "Abrera"]), "Aquest manual recull el model tal com l'ha adaptat Abrera.")
        XCTAssertEqual(ca("mid", ["m": "La tramitació"]), "Aquest manual recull el model tal com l'ha adaptat La tramitació.")
        let es = Strings(language: "es", texts: ["mid": "tal como lo ha adaptado {m}."])
        XCTAssertEqual(es("mid", ["m": "El Prat de Llobregat"]), "tal como lo ha adaptado El Prat de Llobregat.")
    }

    func testCatalanElidesBeforeOneAndEleven() {
        let ca = Strings(language: "ca", texts: ["since": "Oberta des del {date}.", "on": "Obertura prevista el {date}",
                                                 "of": "{done} de {total}", "start": "El {date}", "to": "Del {a} al {b}"])
        XCTAssertEqual(ca("since", ["date": "1 d'abril de 2026"]), "Oberta des de l'1 d'abril de 2026.")
        XCTAssertEqual(ca("since", ["date": "11 de març de 2026"]), "Oberta des de l'11 de març de 2026.")
        XCTAssertEqual(ca("since", ["date": "10 de març de 2026"]), "Oberta des del 10 de març de 2026.")
        XCTAssertEqual(ca("on", ["date": "1 de març de 2027"]), "Obertura prevista l'1 de març de 2027")
        XCTAssertEqual(ca("of", ["done": "3", "total": "11"]), "3 d'11")
        XCTAssertEqual(ca("of", ["done": "3", "total": "1.000"]), "3 de 1.000")
        XCTAssertEqual(ca("of", ["done": "3", "total": "100"]), "3 de 100")
        XCTAssertEqual(ca("start", ["date": "1 de juny"]), "L'1 de juny")
        XCTAssertEqual(ca("to", ["a": "1 de juny", "b": "11 de juliol"]), "De l'1 de juny a l'11 de juliol")
        let es = Strings(language: "es", texts: ["since": "Abierta desde el {date}."])
        XCTAssertEqual(es("since", ["date": "1 de abril de 2026"]), "Abierta desde el 1 de abril de 2026.")
    }

    func testSpanishContractsElOnlyAndOtherLanguagesJoinNothing() {
        let es = Strings(language: "es", texts: ["k": "Oficina de {m}", "a": "Abierta a {m}"])
        XCTAssertEqual(es("k", ["m": "El Prat de Llobregat"]), "Oficina del Prat de Llobregat")
        XCTAssertEqual(es("k", ["m": "Abrera"]), "Oficina de Abrera")
        XCTAssertEqual(es("k", ["m": "L'Hospitalet de Llobregat"]), "Oficina de L'Hospitalet de Llobregat")
        XCTAssertEqual(es("a", ["m": "El Papiol"]), "Abierta al Papiol")
        let en = Strings(language: "en", texts: ["k": "Office of {m}"])
        XCTAssertEqual(en("k", ["m": "El Prat de Llobregat"]), "Office of El Prat de Llobregat")
        // Without a language, `fill` joins nothing.
        XCTAssertEqual(Strings.fill("de {m}", ["m": "El Prat"]), "de El Prat")
    }

    func testASentenceOfMarkupJoinsTheTextOfItsValues() {
        let escape = { (s: String) in s.replacingOccurrences(of: "<", with: "&lt;") }
        XCTAssertEqual(Strings.fill("< de {m}", ["m": "El Prat"], language: "ca", escape: escape), "&lt; del Prat")
        XCTAssertEqual(Strings.fill("< de {m}", ["m": "<a>El Prat</a>"], language: "ca", escape: escape), "&lt; de <a>El Prat</a>")
    }

    /// The bytes tell most texts apart before the characters are read: a last word in
    /// ASCII letters that is no preposition joins nothing; any other last word (with an
    /// accent, after a curly apostrophe, in capitals) is read as before.
    func testALastWordOtherThanAPrepositionJoinsNothing() {
        let ca = Strings(language: "ca", texts: [
            "plain": "Oficina {m}", "word": "Serveis que ofereix {m}", "accent": "Ho diu també {m}", "curly": "Vida d’{m}",
            "caps": "OFICINA DE {m}", "long": "Vegeu dels {m}", "tab": "Oficina de\t{m}",
        ])
        XCTAssertEqual(ca("plain", ["m": "El Prat"]), "Oficina el Prat")
        XCTAssertEqual(ca("word", ["m": "Abrera"]), "Serveis que ofereix Abrera")
        XCTAssertEqual(ca("word", ["m": "La Garriga"]), "Serveis que ofereix la Garriga")
        XCTAssertEqual(ca("accent", ["m": "El Papiol"]), "Ho diu també el Papiol")
        XCTAssertEqual(ca("accent", ["m": "Abrera"]), "Ho diu també Abrera")
        XCTAssertEqual(ca("curly", ["m": "El Prat"]), "Vida d’El Prat")
        XCTAssertEqual(ca("caps", ["m": "El Prat"]), "OFICINA Del Prat")
        XCTAssertEqual(ca("caps", ["m": "Abrera"]), "OFICINA D'Abrera")
        XCTAssertEqual(ca("long", ["m": "Abrera"]), "Vegeu dels Abrera")
        XCTAssertEqual(ca("tab", ["m": "El Prat"]), "Oficina de\tEl Prat")
    }

    /// `lastPreposition` reads the bytes, and the characters only for a preposition's
    /// letters after another character; it finds what the characters find: the last word
    /// (`lastCharacterWord`), lower case, when it is a preposition.
    func testTheLastPrepositionReadOnTheBytesIsTheOneTheCharactersFind() {
        for word in Contractions.prepositions {
            XCTAssertTrue(word.utf8.count <= 3 && word.utf8.allSatisfy { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }, word)
        }
        let ends = ["de ", "De ", "DE ", "a ", "per ", "PEL ", "del ", "al ", "el ", "els ", "des ", "pers ", "dels ", "x ", "é ",
                    "dé ", "de\u{301} ", "de", "de  ", " ", ""]
        // U+0600 is a "prepend" mark: it joins the letter after it into one character.
        let befores = ["", "Oficina ", "«", "’", "'", "l'", "à", "x", "1", "-", "(", "ò ", "\u{301}", "Ó", "\r\n", "\t", "·", "n·",
                       "\u{600}", "\u{600}a", "\u{600}x", "\u{600}xx", "x\u{600}"]
        var compared = 0
        for before in befores {
            for end in ends {
                let text = before + end
                for slice in [Substring(text), ("Ús " + text).dropFirst(3)] {
                    let found = Contractions.lastPreposition(of: slice)
                    let expected = Contractions.lastCharacterWord(of: slice).flatMap { word, start in
                        Contractions.prepositions.contains(word.lowercased()) ? (String(word), word.lowercased(), start) : nil
                    }
                    XCTAssertEqual(found.map { String($0.word) }, expected?.0, text.debugDescription)
                    XCTAssertEqual(found?.lower, expected?.1, text.debugDescription)
                    XCTAssertEqual(found?.start, expected?.2, text.debugDescription)
                    compared += 1
                }
            }
        }
        XCTAssertEqual(compared, 2 * 23 * 21)
    }

    /// The first character's questions (`FirstCharacter`) answered from the bytes are
    /// those the `Character` answers, and the articles are read in any case.
    func testTheFirstCharacterFromTheBytesIsTheCharacters() {
        let texts = ["1", "11", "1\u{301}", "12", "a", "A", "El", "Él", "\r\n", "\r", "x\u{301}", "É", "ò", "·", " ", "-", "L'", "1.000"]
        for text in texts {
            let c = text.first!
            let first = Contractions.FirstCharacter(text)!
            XCTAssertEqual(first.isOne, c == "1", text.debugDescription)
            XCTAssertEqual(first.isLetter, c.isLetter, text.debugDescription)
            XCTAssertEqual(first.isUppercase, c.isUppercase, text.debugDescription)
        }
        XCTAssertNil(Contractions.FirstCharacter(""))
        for (value, expected) in [("el Prat", true), ("El Prat", true), ("EL PRAT", true), ("eL x", true), ("el", false), ("elx", false),
                                  ("Él ", false), ("e", false), ("", false)] {
            XCTAssertEqual(Contractions.startsCaseless(value, "el "), expected, value)
        }
        XCTAssertTrue(Contractions.startsCaseless("ELS Hostalets", "els "))
        XCTAssertEqual(Contractions.of("EL PRAT", language: "ca"), "del PRAT")
        XCTAssertEqual(Contractions.of("Él", language: "ca"), "d'Él")
        XCTAssertEqual(Contractions.of("1\u{301}", language: "ca"), "de 1\u{301}")
    }
}

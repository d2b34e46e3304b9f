/// How a language joins a preposition of an interface text to the value that follows it,
/// when the value is a name that begins with an article or a vowel: Catalan writes
/// "l'oficina del Prat de Llobregat", "d'Esplugues", "de l'Hospitalet", "a la Garriga",
/// never "de El Prat", "de Esplugues", "de L'Hospitalet". `Strings` applies it to every
/// `{placeholder}` it fills, so the strings files keep writing "de {municipality}".
///
/// Catalan (Institut d'Estudis Catalans, *Gramàtica de la llengua catalana*, 2016, §13.2
/// on the contraction of *de*, *a*, *per* with *el*, *els*, and §13.1 on elision; the
/// Nomenclàtor oficial de toponímia major de Catalunya writes the articles of names
/// lower case in running text): *de*, *a*, *per* + *el*/*els* contract (*del*, *al*,
/// *pel*, *dels*, *als*, *pels*); the articles *la*, *les*, *l'* of a name are written
/// lower case after a preposition; *de* is elided before a vowel or an *h* and a vowel
/// (*d'Abrera*, *d'Horta*), except before the semivowels *i*, *u* (*de iogurt*, *de
/// Huelva*); the article *el* and *de* are elided before the numbers 1 and 11 (*l'1 de
/// març*, *de l'11 d'abril*, *d'11*), which are read with a vowel (*u*, *onze*). Spanish contracts *de*/*a* + *El* of a Catalan name (*del Prat de
/// Llobregat*), as the scaffolding's office names have always written it. Other
/// languages join nothing. Without a preposition, a Catalan name's article is lower case in
/// the middle of a sentence (*tal com l'ha adaptat el Prat de Llobregat*; the Nomenclàtor's
/// rule above) and keeps its capital at a sentence's start (*El Prat de Llobregat aplica…*).
///
/// A value whose first word is not a word (a number, a revision, a path, markup, a word in
/// capitals) is left as it is.
public enum Contractions {
    /// The text before a value and the value, joined as `language` writes them:
    /// `("Oficina de ", "El Prat")` → `("Oficina ", "del Prat")`. Returns nil when
    /// nothing changes.
    public static func join(_ before: Substring, _ value: String, language: String) -> (before: Substring, value: String)? {
        guard language == "ca" || language == "es" else { return nil }
        if let joined = afterPreposition(before, value, language: language) { return joined }
        return language == "ca" && mayBeginWithArticle(value) ? lowerArticle(before, value) : nil
    }

    /// The prepositions `afterPreposition` joins, and the contractions it elides before 1
    /// and 11: a last word that is none of them joins nothing (asked first: every
    /// placeholder of every page passes here).
    static let prepositions: Set<String> = ["de", "a", "per", "el", "del", "al", "pel"]

    /// False only when `lowerArticle` would surely return nil: `value` does not begin with
    /// a capital E or L (every article it lowers does).
    static func mayBeginWithArticle(_ value: String) -> Bool {
        let first = value.utf8.first
        return first == UInt8(ascii: "E") || first == UInt8(ascii: "L")
    }

    /// `join` for a value after a preposition ("de", "a", "per"); nil when `before` does
    /// not end with one or nothing changes.
    static func afterPreposition(_ before: Substring, _ value: String, language: String) -> (before: Substring, value: String)? {
        guard let (preposition, lower, start) = lastPreposition(of: before), let first = FirstCharacter(value) else { return nil }
        let capital = FirstCharacter(preposition)?.isUppercase ?? false
        func cased(_ s: String) -> String { capital ? s.prefix(1).uppercased() + s.dropFirst() : s }
        let kept = before[..<start]
        // Catalan reads 1 and 11 "u", "onze": "de l'1 d'abril", "l'11 de març", "d'11".
        if language == "ca", first.isOne, startsWithOneOrEleven(value) {
            let elided = ["el": "l'", "del": "de l'", "al": "a l'", "pel": "per l'", "de": "d'"]
            return elided[lower].map { (kept, cased($0) + value) }
        }
        guard first.isLetter else { return nil }
        if language == "es" {
            guard lower == "de" || lower == "a", value.hasPrefix("El ") else { return nil }
            return (kept, cased(lower == "de" ? "del" : "al") + value.dropFirst(2))
        }
        guard lower == "de" || lower == "a" || lower == "per" else { return nil }
        // "el " and "els " in any case, read in the bytes (`value.lowercased()` made a
        // string at every call, and every placeholder after "de" of every page comes here).
        if startsCaseless(value, "el ") {
            return (kept, cased(lower == "de" ? "del" : lower == "a" ? "al" : "pel") + " " + value.dropFirst(3))
        }
        if startsCaseless(value, "els ") {
            return (kept, cased(lower == "de" ? "dels" : lower == "a" ? "als" : "pels") + " " + value.dropFirst(4))
        }
        for (article, written) in capitalArticles where value.hasPrefix(written) {
            return (before, article + value.dropFirst(article.count))
        }
        guard lower == "de", elides(value) else { return nil }
        return (kept, cased("d'") + value)
    }

    /// The articles a name may begin with, each with its capital (`La `), made once.
    static let capitalArticles: [(article: String, capital: String)] = ["la ", "les ", "l'", "l’"].map {
        ($0, $0.prefix(1).uppercased() + $0.dropFirst())
    }

    /// Whether `value` begins with `prefix` (ASCII letters and a space, lower case) in any
    /// case of its letters: `value.lowercased().hasPrefix(prefix)` for such a prefix (no
    /// other character lowers to an ASCII letter of these words).
    static func startsCaseless(_ value: String, _ prefix: StaticString) -> Bool {
        let v = value.utf8
        guard v.count >= prefix.utf8CodeUnitCount else { return false }
        var i = v.startIndex
        for k in 0..<prefix.utf8CodeUnitCount {
            let p = prefix.utf8Start[k]
            let b = v[i]
            guard b == p || (p >= UInt8(ascii: "a") && p <= UInt8(ascii: "z") && b == p - 0x20) else { return false }
            i = v.index(after: i)
        }
        return true
    }

    /// What `join` asks of a text's first character, answered from its first byte when that
    /// byte is a character of its own (ASCII, before another ASCII byte or the end: no
    /// ASCII character but a line feed after a carriage return joins it), else from the
    /// `Character`: each `Character` is a step of grapheme breaking.
    struct FirstCharacter {
        let isOne: Bool
        let isLetter: Bool
        let isUppercase: Bool

        init?<S: StringProtocol>(_ text: S) {
            let bytes = text.utf8
            guard let b0 = bytes.first else { return nil }
            let next = bytes.dropFirst().first
            if b0 < 0x80, b0 != 0x0D, next.map({ $0 < 0x80 }) ?? true {
                isOne = b0 == UInt8(ascii: "1")
                isUppercase = b0 >= UInt8(ascii: "A") && b0 <= UInt8(ascii: "Z")
                isLetter = isUppercase || (b0 >= UInt8(ascii: "a") && b0 <= UInt8(ascii: "z"))
            } else {
                let c = text.first!
                (isOne, isLetter, isUppercase) = (c == "1", c.isLetter, c.isUppercase)
            }
        }
    }

    /// A Catalan name whose article is written in capitals, with the article lower case
    /// when `before` leaves the name in the middle of a sentence: "tal com l'ha adaptat el
    /// Prat de Llobregat", "i l'Hospitalet". In the middle means after a word, a number, a
    /// comma or a semicolon and a space; after a full stop, a colon, a bracket or markup
    /// the name keeps its capital, as at a sentence's start. Only an article followed by a
    /// capital is a name's ("La Garriga", not "La tramitació"). Nil when nothing changes.
    static func lowerArticle(_ before: Substring, _ value: String) -> (before: Substring, value: String)? {
        guard let previous = before.last(where: { $0 != " " }),
              previous.isLetter || previous.isNumber || previous == "," || previous == ";" else { return nil }
        for article in ["El ", "Els ", "La ", "Les ", "L'", "L’"] where value.hasPrefix(article) {
            guard value.dropFirst(article.count).first?.isUppercase == true else { return nil }
            return (before, article.lowercased() + value.dropFirst(article.count))
        }
        return nil
    }

    /// The value with the preposition "de" ("of") before it, as `language` writes it:
    /// "d'Abrera", "del Prat de Llobregat", "de l'Hospitalet", "de Molins de Rei".
    public static func of(_ value: String, language: String) -> String {
        guard let joined = join("de ", value, language: language) else { return "de " + value }
        return String(joined.before) + joined.value
    }

    /// True when `value` begins with the number 1 or 11 ("1 d'abril", "11,5"), not 10, 100
    /// or 1.000.
    static func startsWithOneOrEleven(_ value: String) -> Bool {
        let digits = value.utf8.prefix { $0 >= 0x30 && $0 <= 0x39 }
        guard digits.elementsEqual("1".utf8) || digits.elementsEqual("11".utf8) else { return false }
        return value.utf8.dropFirst(digits.count).first != UInt8(ascii: ".")
    }

    /// The last word of `text` when it is one of `prepositions` and the text ends with it
    /// and one space: the word, its lower case and where it starts.
    ///
    /// Asked for every placeholder after a space, so the bytes answer first: a word of
    /// ASCII letters after an ASCII byte is found in them (each of those bytes is a
    /// character of its own); a run of more than four ASCII letters ends no preposition
    /// (every preposition is at most three ASCII letters, and a character before the run
    /// takes at most its first letter: a Unicode "prepend" mark, such as U+0600, joins the
    /// letter after it into one character that is no letter). Only a run that is a
    /// preposition, or one after its first letter, and that follows another character
    /// ("«de ", "\u{600}ade ") is read again by characters (`lastCharacterWord`).
    static func lastPreposition(of text: Substring) -> (word: Substring, lower: String, start: Substring.Index)? {
        let bytes = text.utf8
        guard bytes.last == UInt8(ascii: " ") else { return nil }
        let space = bytes.index(before: bytes.endIndex)
        var start = space
        // The lower-case letters read so far, the last one in the lowest byte.
        var letters: UInt32 = 0, count = 0
        while start > bytes.startIndex {
            let byte = bytes[bytes.index(before: start)]
            if byte >= 0x80 {
                let afterFirst = count > 1 ? letters & ((1 << (8 * UInt32(count - 1))) - 1) : 0
                guard preposition(letters) != nil || preposition(afterFirst) != nil,
                      let (word, start) = lastCharacterWord(of: text) else { return nil }
                let lowered = word.lowercased()
                return prepositions.contains(lowered) ? (word, lowered, start) : nil
            }
            let letter = byte | 0x20
            guard letter >= UInt8(ascii: "a"), letter <= UInt8(ascii: "z") else { break }
            guard count < 4 else { return nil }
            letters |= UInt32(letter) << (8 * count)
            count += 1
            start = bytes.index(before: start)
        }
        guard start < space else { return nil }
        if start > bytes.startIndex, bytes[bytes.index(before: start)] == UInt8(ascii: "'") { return nil }
        return preposition(letters).map { (text[start..<space], $0, start) }
    }

    /// `prepositions`, each with its letters as `lastPreposition` reads them.
    static let packedPrepositions: [(letters: UInt32, word: String)] = prepositions.sorted().map { word in
        (word.utf8.reversed().enumerated().reduce(0) { $0 | UInt32($1.element) << (8 * $1.offset) }, word)
    }

    /// The preposition whose lower-case letters `letters` holds (`lastPreposition`).
    static func preposition(_ letters: UInt32) -> String? {
        packedPrepositions.first { $0.letters == letters }?.word
    }

    /// The last word of `text` read by characters (a word with other letters than ASCII's),
    /// when the text ends with it and one space, and where it starts.
    static func lastCharacterWord(of text: Substring) -> (Substring, Substring.Index)? {
        guard text.last == " " else { return nil }
        let body = text.dropLast()
        let start = body.lastIndex(where: { !$0.isLetter }).map { body.index(after: $0) } ?? body.startIndex
        guard start < body.endIndex else { return nil }
        // "d'a", "l'a": a word joined by an apostrophe is not a preposition.
        if start > body.startIndex, ["'", "’"].contains(body[body.index(before: start)]) { return nil }
        return (body[start...], start)
    }

    /// True when Catalan elides "de" before `value`: its first word is a word of letters
    /// that begins with a vowel, or an h and a vowel, not a semivowel i or u before a vowel.
    static func elides(_ value: String) -> Bool {
        // A value that begins with an ASCII byte other than a vowel or an h (a digit, a
        // consonant, a sign) is answered from that byte (25,000 instructions a call before,
        // with the vowels' set made on each: 0.3% of a site build at 947 municipalities).
        if let first = value.utf8.first, first < 0x80, !asciiVowelsAndH.contains(first) { return false }
        let word = value.prefix { !$0.isWhitespace }
        guard word.allSatisfy({ $0.isLetter || "'’-·".contains($0) }) else { return false }
        // An acronym or a name written in capitals ("HEAD", a revision) keeps "de".
        if word.count > 1, word.allSatisfy({ !$0.isLowercase }) { return false }
        let letters = Array(word.lowercased().prefix(3))
        let vowels = Contractions.vowels
        let i = letters.first == "h" ? 1 : 0
        guard i < letters.count, vowels.contains(letters[i]) else { return false }
        // Semivowels: "iogurt", "Huelva", "hiena" keep "de".
        if "iu".contains(letters[i]), i + 1 < letters.count, vowels.contains(letters[i + 1]) { return false }
        return true
    }

    /// The vowels `elides` looks for, lower case.
    static let vowels: Set<Character> = ["a", "à", "á", "e", "è", "é", "i", "í", "ï", "o", "ò", "ó", "u", "ú", "ü"]

    /// The ASCII bytes a word that elides "de" may begin with: a vowel or an h, either case.
    static let asciiVowelsAndH: [UInt8] = Array("aeiouhAEIOUH".utf8)
}

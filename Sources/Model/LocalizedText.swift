import Diagnostics
import Loading

/// The English names of the languages a tree may hold, for the commands' messages (the
/// outputs name languages in their own words, from `templates/strings/`).
public enum LanguageNames {
    public static let english = ["ca": "Catalan", "es": "Spanish", "en": "English", "fr": "French", "oc": "Occitan",
                                 "oc-aranes": "Aranese", "eu": "Basque", "gl": "Galician", "de": "German", "it": "Italian",
                                 "pt": "Portuguese", "ro": "Romanian", "ar": "Arabic", "zh": "Chinese", "ur": "Urdu"]

    /// Which of `languages` a `code` not among them stands for: the same tag otherwise
    /// written (`CA`, `ca-es`, the ISO 639-2 `cat`, the abbreviation `esp`). No guess by
    /// spelling: any two codes of two letters are that close (`oc` is not a typo of `ca`).
    public static func meant(_ code: String, in languages: [String]) -> String? {
        let lower = code.lowercased().replacingOccurrences(of: "_", with: "-")
        let base = base(lower)
        return languages.first { $0 == lower || $0 == base || $0 == threeLetterCodes[base] }
            ?? languages.first { LanguageNames.base($0) == lower || LanguageNames.base($0) == threeLetterCodes[lower] }
    }

    /// The ISO 639-2 codes of the languages of `LanguageNames`, and the abbreviations a
    /// writer may use for them (`esp`, `cas`), by their ISO 639-1 code.
    public static let threeLetterCodes = ["cat": "ca", "spa": "es", "esp": "es", "cas": "es", "eng": "en", "ing": "en", "oci": "oc", "fra": "fr", "fre": "fr", "eus": "eu",
                                   "baq": "eu", "glg": "gl", "deu": "de", "ger": "de", "ita": "it", "por": "pt", "ron": "ro",
                                   "rum": "ro", "ara": "ar", "zho": "zh", "chi": "zh", "urd": "ur"]

    /// The language of a tag without its subtags: `oc` of `oc-aranes`, whose plural rules
    /// and EU authority code are Occitan's.
    public static func base(_ tag: String) -> String {
        tag.split(separator: "-").first.map(String.init) ?? tag
    }

    /// "Spanish (es)", a tag by its language's name ("Occitan (oc-x)"), or the code alone
    /// for a language without a name here.
    public static func described(_ code: String) -> String {
        (english[code] ?? code.split(separator: "-").first.flatMap { english[String($0)] }).map { "\($0) (\(code))" } ?? code
    }
}

/// A translatable text (`x-i18n`): a plain string in the default language, or a mapping
/// of language codes to texts.
public struct LocalizedText: Sendable {
    /// The texts by language. A plain string is stored under the default language.
    public var values: [String: String]
    public var span: SourceSpan

    public init?(_ node: Node?, defaultLanguage: String) {
        guard let node else { return nil }
        span = node.span
        switch node.value {
        case let .string(s):
            values = [defaultLanguage: s]
        case let .mapping(pairs):
            var v: [String: String] = [:]
            for i in pairs.indices {
                // A blank text (`es: "   "`) is none: the language falls back, marked.
                guard case let .string(s) = pairs[i].value.value, !s.isBlankText else { continue }
                // A string key read where it is: `keyText`, a call into `Loading`, copied
                // the key's node first.
                if case let .string(key) = pairs[i].key.value { v[key] = s } else { v[pairs[i].key.keyText] = s }
            }
            values = v
        default:
            return nil
        }
    }

    public init(_ values: [String: String], span: SourceSpan) {
        self.values = values
        self.span = span
    }

    /// The text in `language`, or in `fallback` (marked as a fallback) when missing.
    public func text(_ language: String, fallback: String) -> (text: String, isFallback: Bool) {
        if let t = values[language] { return (t, false) }
        if let t = values[fallback] { return (t, true) }
        return (values.sorted { $0.key < $1.key }.first?.value ?? "", true)
    }

    /// The languages of `languages` this text lacks.
    public func missing(_ languages: [String]) -> [String] {
        languages.filter { values[$0] == nil }
    }
}

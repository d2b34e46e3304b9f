import Diagnostics
import Loading

/// The English names of the languages a tree may hold, for the commands' messages (the
/// outputs name languages in their own words, from `templates/strings/`).
public enum LanguageNames {
    public static let english = ["ca": "Catalan", "es": "Spanish", "en": "English", "fr": "French", "oc": "Occitan"]

    /// "Spanish (es)", or the code alone for a language without a name here.
    public static func described(_ code: String) -> String {
        english[code].map { "\($0) (\(code))" } ?? code
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

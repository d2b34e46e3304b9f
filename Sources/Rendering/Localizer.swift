import Loading
import Model

/// Picks the text of a translatable field in one language, falling back to the default
/// language and saying so, so that the outputs can mark untranslated text.
public struct Localizer: Sendable {
    public let language: String
    public let defaultLanguage: String

    public init(language: String, defaultLanguage: String) {
        self.language = language
        self.defaultLanguage = defaultLanguage
    }

    public struct Text: Sendable, Equatable {
        public var text: String
        /// True when the text is in the default language because this one is missing.
        public var isFallback: Bool
        /// The language the text is in.
        public var language: String
    }

    /// The same choice as `LocalizedText.text(_:fallback:)` (the language, else the
    /// default language, else the text of the first language in order), read from the
    /// node without building a table of its languages: every handbook asks it thousands
    /// of times.
    public func text(_ node: Node?) -> Text? {
        guard let node else { return nil }
        switch node.value {
        case let .string(s):
            let fallback = language != defaultLanguage
            return Text(text: s, isFallback: fallback, language: fallback ? defaultLanguage : language)
        case let .mapping(pairs):
            // As in a table of the string values, a key written twice counts with its last value.
            // Through the buffer, and by index: iterating copied (retained and released) every
            // pair, and binding each text retained it; only the chosen text is copied.
            return pairs.withUnsafeBufferPointer { pairs -> Text? in
                var own = -1, fallback = -1, first = -1
                var firstKey = ""
                for i in 0..<pairs.count {
                    guard case .string = pairs[i].value.value else { continue }
                    let key = pairs[i].key.keyText
                    if key == language { own = i }
                    if key == defaultLanguage { fallback = i }
                    if first < 0 || key <= firstKey { first = i; firstKey = key }
                }
                func text(_ i: Int) -> String {
                    guard case let .string(s) = pairs[i].value.value else { return "" }
                    return s
                }
                if own >= 0 { return Text(text: text(own), isFallback: false, language: language) }
                if fallback >= 0 { return Text(text: text(fallback), isFallback: true, language: defaultLanguage) }
                if first >= 0 { return Text(text: text(first), isFallback: true, language: defaultLanguage) }
                return nil
            }
        default:
            return nil
        }
    }

    /// The text, or "" when the field is absent.
    public func string(_ node: Node?) -> String { text(node)?.text ?? "" }

    /// Template data for a text: `{text, fallback, lang}`.
    public func context(_ node: Node?) -> [String: Any] {
        guard let t = text(node) else { return ["text": "", "fallback": false, "lang": language] }
        return ["text": t.text, "fallback": t.isFallback, "lang": t.language]
    }
}

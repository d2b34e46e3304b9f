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

    public func text(_ node: Node?) -> Text? {
        guard let t = LocalizedText(node, defaultLanguage: defaultLanguage), !t.values.isEmpty else { return nil }
        let (text, fallback) = t.text(language, fallback: defaultLanguage)
        return Text(text: text, isFallback: fallback, language: fallback ? defaultLanguage : language)
    }

    /// The text, or "" when the field is absent.
    public func string(_ node: Node?) -> String { text(node)?.text ?? "" }

    /// Template data for a text: `{text, fallback, lang}`.
    public func context(_ node: Node?) -> [String: Any] {
        guard let t = text(node) else { return ["text": "", "fallback": false, "lang": language] }
        return ["text": t.text, "fallback": t.isFallback, "lang": t.language]
    }
}

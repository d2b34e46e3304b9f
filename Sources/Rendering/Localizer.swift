import Loading
import Presentation
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
    /// of times. The text is the writer's with the outputs' `Typography` ("l’empresa",
    /// "96 %" with a no-break space).
    public func text(_ node: Node?) -> Text? {
        guard var t = pick(node) else { return nil }
        t.text = Typography.prose(t.text)
        return t
    }

    /// The text `text(_:)` shows, as the writer wrote it.
    func pick(_ node: Node?) -> Text? {
        // The node's value read through the optional: unwrapping the node first copied it.
        switch node?.value {
        case let .string(s)?:
            let fallback = language != defaultLanguage
            return Text(text: s, isFallback: fallback, language: fallback ? defaultLanguage : language)
        case let .mapping(pairs)?:
            // As in a table of the string values, a key written twice counts with its last value.
            // Through the buffer, and by index: iterating copied (retained and released) every
            // pair, and binding each text retained it; only the chosen text is copied.
            // The keys are read where they are (`Localizer.isStringValue`, `keyIs`, `keyText`):
            // reading a pair's node through the buffer to call into `Loading` copied it.
            return pairs.withUnsafeBufferPointer { pairs -> Text? in
                var own = -1, fallback = -1
                for i in 0..<pairs.count {
                    guard Localizer.isStringValue(pairs, i) else { continue }
                    if Localizer.keyIs(pairs, i, language) { own = i }
                    if Localizer.keyIs(pairs, i, defaultLanguage) { fallback = i }
                }
                func text(_ i: Int) -> String {
                    guard case let .string(s) = pairs[i].value.value else { return "" }
                    return s
                }
                if own >= 0, Localizer.hasText(pairs, own) { return Text(text: text(own), isFallback: false, language: language) }
                if fallback >= 0, fallback != own { return Text(text: text(fallback), isFallback: true, language: defaultLanguage) }
                // The first key in order only now: most texts have their language or the
                // default one, and comparing every key's order cost a third of the pick.
                var first = -1
                var firstKey = ""
                for i in 0..<pairs.count where Localizer.isStringValue(pairs, i) {
                    if first < 0 || Localizer.keyPrecedes(pairs, i, firstKey) { first = i; firstKey = Localizer.keyText(pairs, i) }
                }
                // In the language it is written in: a text written in English alone was marked
                // and tagged as Catalan (session 38's trial).
                if first >= 0, first != own { return Text(text: text(first), isFallback: true, language: firstKey) }
                // Only a blank text, in this very language: none else to show.
                if own >= 0 { return Text(text: text(own), isFallback: false, language: language) }
                return nil
            }
        default:
            return nil
        }
    }

    /// Whether the value of pair `i` is a string.
    @inline(__always)
    static func isStringValue(_ pairs: UnsafeBufferPointer<Node.Pair>, _ i: Int) -> Bool {
        if case .string = pairs[i].value.value { return true }
        return false
    }

    /// Whether the value of pair `i` is a string that shows something: a blank one
    /// (`es: "   "`) is no text in its language, which then falls back, marked. Asked of
    /// the pair chosen only (every text of every output passes here).
    @inline(__always)
    static func hasText(_ pairs: UnsafeBufferPointer<Node.Pair>, _ i: Int) -> Bool {
        if case let .string(s) = pairs[i].value.value { return !s.isBlankText }
        return false
    }

    /// Whether the key of pair `i` reads `text` (a string key compared as it is, any other
    /// scalar by its `keyText`).
    @inline(__always)
    static func keyIs(_ pairs: UnsafeBufferPointer<Node.Pair>, _ i: Int, _ text: String) -> Bool {
        if case let .string(key) = pairs[i].key.value { return key == text }
        return pairs[i].key.keyText == text
    }

    /// The key of pair `i` as text (`Node.keyText`).
    @inline(__always)
    static func keyText(_ pairs: UnsafeBufferPointer<Node.Pair>, _ i: Int) -> String {
        if case let .string(key) = pairs[i].key.value { return key }
        return pairs[i].key.keyText
    }

    /// Whether the key of pair `i` sorts at or before `text` (`keyText <= text`).
    @inline(__always)
    static func keyPrecedes(_ pairs: UnsafeBufferPointer<Node.Pair>, _ i: Int, _ text: String) -> Bool {
        if case let .string(key) = pairs[i].key.value { return key <= text }
        return pairs[i].key.keyText <= text
    }

    /// The text, or "" when the field is absent.
    public func string(_ node: Node?) -> String { text(node)?.text ?? "" }

    /// Template data for a text: `{text, fallback, lang}`.
    public func context(_ node: Node?) -> [String: Any] {
        guard let t = text(node) else { return ["text": "", "fallback": false, "lang": language] }
        return ["text": t.text, "fallback": t.isFallback, "lang": t.language]
    }
}

import Diagnostics
import Loading

/// The words of an output's interface in one language (`templates/<output>/strings/
/// <lang>.yaml`: a flat mapping of keys to texts), falling back to the default language.
public struct UIStrings: Sendable {
    public static let rules = [
        RuleInfo("ui-string-missing", "A UI string lacks a language, or a key the default language has."),
    ]

    public let language: String
    let own: [String: String]
    let fallback: [String: String]

    public init(language: String, own: Node?, fallback: Node?) {
        self.language = language
        self.own = UIStrings.flatten(own)
        self.fallback = UIStrings.flatten(fallback)
    }

    public subscript(key: String) -> String {
        own[key] ?? fallback[key] ?? key
    }

    /// All strings, for templates (`{{ui.contents}}`).
    public var dictionary: [String: String] {
        fallback.merging(own) { _, b in b }
    }

    static func flatten(_ node: Node?) -> [String: String] {
        var out: [String: String] = [:]
        for p in node?.pairs ?? [] {
            if let s = p.value.string { out[p.key.keyText] = s }
        }
        return out
    }

    /// Keys the default language has and `node` lacks.
    public static func missingKeys(_ node: Node, comparedTo base: Node) -> [String] {
        let have = Set((node.pairs ?? []).map(\.key.keyText))
        return (base.pairs ?? []).map(\.key.keyText).filter { !have.contains($0) }
    }
}

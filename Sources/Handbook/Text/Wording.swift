import Model
import Rendering

/// The words of the handbook in one language: UI strings from
/// `templates/handbook/strings/<lang>.yaml`, with `{name}` placeholders filled in.
public struct Wording: Sendable {
    public let strings: UIStrings
    let all: [String: String]
    public var language: String { strings.language }

    public init(strings: UIStrings) {
        self.strings = strings
        all = strings.dictionary
    }

    /// The string of `key`, or nil when no language has it.
    public func ifPresent(_ key: String) -> String? { all[key] }

    /// The handbook's strings of `language` from the loaded tree, falling back to the
    /// default language key by key.
    public init(network: Network, language: String) {
        let own = network.tree.uiStrings["handbook/\(language)"]?.node
        let fallback = network.tree.uiStrings["handbook/\(network.settings.defaultLanguage)"]?.node
        self.init(strings: UIStrings(language: language, own: own, fallback: fallback))
    }

    public subscript(key: String) -> String { all[key] ?? key }

    /// The string of `key` with each `{name}` replaced by its value.
    public func callAsFunction(_ key: String, _ values: [String: String] = [:]) -> String {
        Wording.fill(self[key], values)
    }

    /// The singular (`<key>.one`) or plural (`<key>.other`) form, with `{n}` filled in.
    public func count(_ key: String, _ n: Double, formatted: String) -> String {
        let form = n == 1 ? "one" : "other"
        return Wording.fill(self["\(key).\(form)"], ["n": formatted])
    }

    static func fill(_ template: String, _ values: [String: String]) -> String {
        guard template.contains("{"), !values.isEmpty else { return template }
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { out += rest[open...]; return out }
            let name = String(after[..<close])
            if let v = values[name] { out += v } else { out += rest[open...close] }
            rest = after[after.index(after: close)...]
        }
        out += rest
        return out
    }
}

import JSON
import Loading
import Model
import Presentation
import Rendering

/// The words and formats the exports need in every language (the labels of channels,
/// audiences and adoption states, the days of opening hours): the presentation layer's
/// formatter of each language, by language code (`templates/strings/<lang>.yaml`).
public typealias Labels = [String: ValueFormatter]

/// Helpers shared by the exports: addresses of resources, translatable texts as JSON-LD.
///
/// A class, shared by reference: the catalogue's closures capture it for every node, and each
/// copy of a struct holding the network retained every part of it (as a class, the open
/// data's perf samples at 947 municipalities went from ~667 to ~624, issue 13).
final class Vocabulary: Sendable {
    let network: Network
    /// The base of every identifier, ending with `/`.
    let baseURL: String
    /// `baseURL` and `id/`, where every identifier begins.
    let idBase: String
    let labels: Labels

    /// The model's languages, in its order, and its default language.
    let languages: [String]
    let defaultLanguage: String
    /// Whether no language is listed twice (`langStrings` takes a shorter way then).
    private let distinctLanguages: Bool

    init(network: Network, baseURL: String, labels: Labels) {
        self.network = network
        self.baseURL = baseURL
        idBase = baseURL + "id/"
        self.labels = labels
        languages = network.settings.languages
        defaultLanguage = network.settings.defaultLanguage
        distinctLanguages = Set(languages).count == languages.count
    }

    /// `https://…/id/<path>`: the identifier of a resource.
    func id(_ path: String) -> String { String(joining: idBase, path) }

    /// `id` of the path made of `a`, `b`, `c` and `d` one after another.
    func id(_ a: String, _ b: String, _ c: String = "", _ d: String = "") -> String { String(joining: idBase, a, b, c, d) }

    /// `https://…/ca/offices/x.html`: the address of a page of the site, in the default language.
    func page(_ route: SiteRoute) -> String {
        route.withPath(defaultLanguage) { path in String(joining: baseURL, String(decoding: path, as: UTF8.self)) }
    }

    /// A translatable text as JSON-LD language-tagged strings, one per language present,
    /// in the model's language order.
    ///
    /// The same as `langStrings(LocalizedText(node)…values)`, without making the
    /// dictionary when every key of a mapping is one of the model's languages (the
    /// catalogue asks for some 150,000 texts at 947 municipalities).
    func langStrings(_ node: Node?) -> JSONValue? {
        guard let node else { return nil }
        switch node.value {
        case let .string(s):
            return Vocabulary.langString(defaultLanguage, s)
        case let .mapping(pairs) where distinctLanguages:
            var found = [String?](repeating: nil, count: languages.count)
            var count = 0
            // Through the buffer: iterating the pairs copied (retained) each one.
            let known = pairs.withUnsafeBufferPointer { pairs in
                for p in 0..<pairs.count {
                    guard case let .string(s) = pairs[p].value.value else { continue }
                    guard let i = languages.firstIndex(where: { pairs[p].key.isKey($0) }) else { return false }
                    if found[i] == nil { count += 1 }
                    found[i] = s
                }
                return true
            }
            if !known {
                // A key that is not a language of the model (sorted after them): the long way.
                guard let t = LocalizedText(node, defaultLanguage: defaultLanguage), !t.values.isEmpty else { return nil }
                return langStrings(t.values)
            }
            if count == 0 { return nil }
            var items: [JSONValue] = []
            items.reserveCapacity(count)
            for (i, text) in found.enumerated() { if let text { items.append(Vocabulary.langString(languages[i], text)) } }
            return items.count == 1 ? items[0] : .array(items)
        case .mapping:
            guard let t = LocalizedText(node, defaultLanguage: defaultLanguage), !t.values.isEmpty else { return nil }
            return langStrings(t.values)
        default:
            return nil
        }
    }

    /// `{"@language": …, "@value": …}`.
    static func langString(_ language: String, _ text: String) -> JSONValue {
        .object([("@language", .string(language)), ("@value", .string(text))])
    }

    func langStrings(_ values: [String: String]) -> JSONValue? {
        let order = languages + values.keys.sorted().filter { !languages.contains($0) }
        let items: [JSONValue] = order.compactMap { lang in
            values[lang].map { Vocabulary.langString(lang, $0) }
        }
        if items.isEmpty { return nil }
        return items.count == 1 ? items[0] : .array(items)
    }

    /// The text of an interface key in a language as a label (`Telèfon`), or nil when the
    /// language's strings lack it.
    func label(_ language: String, _ key: String) -> String? {
        guard let f = labels[language], f.strings.has(key) else { return nil }
        return f.label(f.strings[key])
    }

    /// A label in every language that has it, as language-tagged strings.
    func labelStrings(_ key: String) -> JSONValue? {
        var values: [String: String] = [:]
        for lang in languages { if let s = label(lang, key) { values[lang] = s } }
        return langStrings(values)
    }

    /// The text of a translatable field in a language, falling back to the default one.
    func text(_ node: Node?, _ language: String) -> String? {
        guard let t = LocalizedText(node, defaultLanguage: defaultLanguage), !t.values.isEmpty else { return nil }
        return t.text(language, fallback: defaultLanguage).text
    }

    /// A reference to a node: `{"@id": …}`.
    static func ref(_ id: String) -> JSONValue { .object([("@id", .string(id))]) }

    static func typed(_ value: String, _ type: String) -> JSONValue {
        .object([("@value", .string(value)), ("@type", .string(type))])
    }
}

import Diagnostics
import Loading
import Model

/// The interface words of one language, from `templates/strings/<lang>.yaml`: a flat
/// mapping of keys to texts with `{name}` placeholders, or to plural forms by CLDR
/// category (`one`, `other`…) with an explicit `=0` form for zero. A key missing in the
/// language falls back to the default language, then to the key itself (which
/// `oae check` reports). One file per language serves the handbooks, the site and the
/// command line; adding a language is adding one file.
public struct Strings: Sendable {
    public static let folder = "templates/strings"

    public let language: String
    let texts: [String: String]
    let forms: [String: [String: String]]
    /// True for the words a reader sees (`forReaders()`): the texts have the outputs'
    /// `Typography`, and so has each text once its placeholders are filled in (a name, a
    /// date, a contraction such as "de l'1"). False for the command line and for the
    /// files `oae new` writes, which keep the characters as typed.
    public private(set) var typeset = false
    /// Every plain text, for templates (`{{ui.key}}`): the texts, and the `other` form of
    /// each plural key. Made once (every chapter of every handbook shows it), and what
    /// `subscript` reads.
    public let all: WordTable
    /// Every key that has a text or forms (`has`), with an empty word.
    private let known: WordTable

    /// `own` is the language's file, `fallback` the default language's.
    public init(language: String, own: Node?, fallback: Node?) {
        self.language = language
        var texts: [String: String] = [:]
        var forms: [String: [String: String]] = [:]
        for node in [fallback, own] {
            for pair in node?.pairs ?? [] {
                let key = pair.key.keyText
                if let s = pair.value.string {
                    texts[key] = s
                    forms[key] = nil
                } else if let options = pair.value.pairs {
                    var f: [String: String] = [:]
                    for o in options { if let s = o.value.string { f[o.key.keyText] = s } }
                    forms[key] = f
                    texts[key] = nil
                }
            }
        }
        self.texts = texts
        self.forms = forms
        all = Strings.plain(texts, forms)
        known = Strings.known(texts, forms)
    }

    /// Strings from plain values, for tests and tools.
    public init(language: String, texts: [String: String], forms: [String: [String: String]] = [:]) {
        self.language = language
        self.texts = texts
        self.forms = forms
        all = Strings.plain(texts, forms)
        known = Strings.known(texts, forms)
    }

    /// The same words with the outputs' `Typography` (the regression hunt of session 14,
    /// LOW 2: a page showed "l’empresa" in a writer's text beside "l'oficina" in an
    /// interface string): every text and plural form now, and every filled text when it
    /// is asked for. The site and the handbooks (HTML and Typst) use these.
    public func forReaders() -> Strings {
        guard !typeset else { return self }
        var copy = Strings(language: language, texts: texts.mapValues(Typography.prose),
                           forms: forms.mapValues { $0.mapValues(Typography.prose) })
        copy.typeset = true
        return copy
    }

    /// The text of `key` (the `other` form of a plural key), or the key when missing.
    /// (`all`: a text, else the `other` form of a plural key.)
    public subscript(key: String) -> String { all[key] ?? key }

    /// True when `key` has a text or forms.
    public func has(_ key: String) -> Bool { known.contains(key) }

    static func plain(_ texts: [String: String], _ forms: [String: [String: String]]) -> WordTable {
        var out = WordTable(texts)
        for (k, f) in forms where out[k] == nil { out[k] = f["other"] }
        return out
    }

    static func known(_ texts: [String: String], _ forms: [String: [String: String]]) -> WordTable {
        var known = WordTable()
        for key in texts.keys { known[key] = "" }
        for key in forms.keys { known[key] = "" }
        return known
    }

    /// Every key.
    public var keys: Set<String> { Set(texts.keys).union(forms.keys) }

    /// The `{name}`s of each key that has any (a plural key's forms together), as `fill`
    /// reads them: a template shows a text as it is written (`{{ui.key}}`), braces and all.
    public var placeholders: [String: Set<String>] {
        var out: [String: Set<String>] = [:]
        for (key, text) in texts {
            let names = StringsCheck.names(text)
            if !names.isEmpty { out[key] = names }
        }
        for (key, f) in forms {
            let names = f.values.reduce(into: Set<String>()) { $0.formUnion(StringsCheck.names($1)) }
            if !names.isEmpty { out[key] = names }
        }
        return out
    }

    /// The text of `key` with each `{name}` replaced by its value.
    /// A value after a preposition is joined to it as the language writes it
    /// (`Contractions`: "de {municipality}" → "del Prat de Llobregat").
    /// For a reader (`forReaders()`), each value keeps its directional controls inside it
    /// (`BidiControls`), so that a name with an override filled into a sentence does not
    /// turn the sentence's next words around; the whole is then typeset.
    public func callAsFunction(_ key: String, _ values: Placeholders = [:]) -> String {
        typeset(Strings.fill(self[key], values, language: language, balancing: typeset))
    }

    /// `text` with the outputs' `Typography` when these are the words of a reader
    /// (`forReaders()`), else as it is: for a text filled in from these words.
    public func typeset(_ text: String) -> String { typeset ? Typography.prose(text) : text }

    /// The form of `key` for the number `n` (`=0`, else its CLDR category, else
    /// `other`), with `{n}` set to `formatted` and the other placeholders filled in.
    public func count(_ key: String, _ n: Double, formatted: String, fractionDigits: Int = 0,
                      _ values: Placeholders = [:]) -> String {
        let values = values.adding("n", formatted)
        guard let f = forms[key] else { return typeset(Strings.fill(self[key], values, language: language, balancing: typeset)) }
        let category = PluralRules.category(n, fractionDigits: fractionDigits, language: language)
        let text = (n == 0 ? f["=0"] : nil) ?? f[category] ?? f["other"] ?? key
        return typeset(Strings.fill(text, values, language: language, balancing: typeset))
    }

    /// Replaces each `{name}` of `template` that `values` names; with a `language`, each
    /// value is joined to the preposition before it as the language writes it
    /// (`Contractions`); `balancing`, each value as joined then keeps its directional
    /// controls inside it (`BidiControls.balanced`: a reader's sentence).
    public static func fill(_ template: String, _ values: Placeholders, language: String? = nil,
                            balancing: Bool = false) -> String {
        guard !values.isEmpty, template.utf8.contains(UInt8(ascii: "{")) else { return template }
        return fill(template, values, language: language, balancing: balancing) { $0 }
    }

    /// Replaces each `{name}` of `template` that `values` names, passing the template's
    /// own text (not the values) through `escape`: for a text whose values are already
    /// markup (a link in a sentence of the handbook). Searches the UTF-8 bytes (braces
    /// are ASCII), which every page of the site does many times.
    public static func fill(_ template: String, _ values: Placeholders, language: String? = nil,
                            balancing: Bool = false, escape: (String) -> String) -> String {
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        var out = ""
        var template = template
        template.withUTF8 { b in
            func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: b[range]), as: UTF8.self) }
            var rest = 0
            while let start = b[rest...].firstIndex(of: open) {
                out += escape(text(rest..<start))
                guard let end = b[(start + 1)...].firstIndex(of: close) else {
                    out += escape(text(start..<b.count))
                    rest = b.count
                    return
                }
                if let v = values[text((start + 1)..<end)] {
                    if let language, out.utf8.last == UInt8(ascii: " "), let joined = Contractions.join(out[...], v, language: language) {
                        out = String(joined.before) + (balancing ? BidiControls.balanced(joined.value) : joined.value)
                    } else {
                        out += balancing ? BidiControls.balanced(v) : v
                    }
                } else { out += escape(text(start..<(end + 1))) }
                rest = end + 1
            }
            out += escape(text(rest..<b.count))
        }
        return out
    }
}

extension Strings {
    /// The strings of `language` from a loaded tree (`templates/strings/<lang>.yaml`),
    /// falling back key by key to the default language.
    /// Made once per network and language (`Network.memoized`).
    public init(network: Network, language: String) {
        self = network.memoized("Presentation.Strings \(language)") {
            let own = network.tree.uiStrings["strings/\(language)"]?.node
            let fallback = network.tree.uiStrings["strings/\(network.settings.defaultLanguage)"]?.node
            return Strings(language: language, own: own, fallback: fallback)
        }
    }

    /// `Strings(network:language:).forReaders()`, made once per network and language.
    public static func forReaders(network: Network, language: String) -> Strings {
        network.memoized("Presentation.Strings.forReaders \(language)") {
            Strings(network: network, language: language).forReaders()
        }
    }
}

extension ValueFormatter {
    /// The formatter of `language` for a loaded tree.
    public init(network: Network, language: String) {
        self.init(strings: Strings(network: network, language: language))
    }

    /// The formatter of `Strings.forReaders(network:language:)`, made once per network and
    /// language, so that the durations and dates it words (`Made`) serve every handbook of
    /// the language, not one.
    public static func forReaders(network: Network, language: String) -> ValueFormatter {
        network.memoized("Presentation.ValueFormatter.forReaders \(language)") {
            ValueFormatter(strings: Strings.forReaders(network: network, language: language))
        }
    }
}

import Foundation
import Loading
import Model
import Rendering

/// What rendering a page in one language needs: the interface words, the translated
/// texts of the tree (with fallback to the default language), and the formats.
public struct SiteLanguage: Sendable {
    public let code: String
    public let ui: UIStrings
    public let localizer: Localizer
    public let formats: TextFormats

    public init(code: String, ui: UIStrings, localizer: Localizer) {
        self.code = code
        self.ui = ui
        self.localizer = localizer
        self.formats = TextFormats(ui: ui)
    }

    /// An interface word.
    public subscript(key: String) -> String { ui[key] }

    /// An interface word with `{name}` placeholders filled in.
    public func format(_ key: String, _ values: [String: String]) -> String {
        var s = ui[key]
        for (name, value) in values.sorted(by: { $0.key < $1.key }) {
            s = s.replacingOccurrences(of: "{\(name)}", with: value)
        }
        return s
    }

    /// The label of a value of an enumeration (`channel`, `in-person`).
    public func label(_ enumeration: String, _ value: String) -> String {
        let key = "\(enumeration).\(value)"
        let s = ui[key]
        return s == key ? value : s
    }

    /// A translatable field as template data: `{text, fallback, lang}` (see `text.mustache`).
    public func text(_ node: Node?) -> [String: Any] {
        localizer.context(node)
    }

    /// A plain string as template data, in this language.
    public func plain(_ s: String) -> [String: Any] {
        ["text": s, "fallback": false, "lang": code]
    }

    /// The text of a translatable field, without marks (for titles and attributes).
    public func string(_ node: Node?) -> String { localizer.string(node) }

    /// A translatable field as HTML: escaped, and marked when it falls back to the default
    /// language (`<span lang="ca" class="fallback">…</span>` and a visible marker).
    public func html(_ node: Node?) -> String {
        guard let t = localizer.text(node) else { return "" }
        return html(t)
    }

    public func html(_ t: Localizer.Text) -> String {
        html(t.text, fallback: t.isFallback, language: t.language)
    }

    /// A translatable text already read (an omission's reason), as HTML.
    public func html(_ t: LocalizedText?) -> String {
        guard let t else { return "" }
        let (text, fallback) = t.text(code, fallback: localizer.defaultLanguage)
        return html(text, fallback: fallback, language: fallback ? localizer.defaultLanguage : code)
    }

    func html(_ text: String, fallback: Bool, language: String) -> String {
        guard fallback else { return HTML.escape(text) }
        return "<span lang=\"\(language)\" class=\"fallback\">\(HTML.escape(text))</span>"
            + " <span class=\"fallback-mark\">\(HTML.escape(ui["untranslated"]))</span>"
    }

    /// A text of several paragraphs (blank lines between them) as escaped `<p>` elements,
    /// marked as a whole when it falls back.
    public func paragraphs(_ node: Node?) -> String {
        guard let t = localizer.text(node) else { return "" }
        let paras = t.text.components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
            .map { "<p>\(HTML.escape($0))</p>" }
            .joined(separator: "\n")
        guard t.isFallback else { return paras }
        return fallbackBlock(paras, language: t.language)
    }

    /// Wraps HTML in the default language shown in place of a missing translation.
    public func fallbackBlock(_ html: String, language: String) -> String {
        "<div lang=\"\(language)\" class=\"fallback\">\n<p class=\"fallback-note\" lang=\"\(code)\">"
            + HTML.escape(ui["untranslated_block"]) + "</p>\n" + html + "\n</div>"
    }
}

import Foundation
import Loading
import Model
import Presentation
import Rendering

/// What rendering a page in one language needs: the interface words and the value
/// formats of the presentation layer (`templates/strings/<lang>.yaml`), and the
/// translated texts of the tree (with fallback to the default language).
public struct SiteLanguage: Sendable {
    /// The language's code (`ca`).
    public let code: String
    /// The interface words of the language.
    public let strings: Strings
    /// Numbers, money, dates, periods, durations and lists, as the handbooks write them.
    public let formatter: ValueFormatter
    /// Picks the texts of the tree in this language, with fallback.
    public let localizer: Localizer
    /// Every plain interface word, for templates (`{{ui.key}}`).
    public let ui: [String: String]

    /// The language of `strings`, whose texts of the tree `localizer` picks.
    public init(strings: Strings, localizer: Localizer) {
        self.code = strings.language
        self.strings = strings
        self.formatter = ValueFormatter(strings: strings)
        self.localizer = localizer
        self.ui = strings.all
    }

    /// An interface word.
    public subscript(key: String) -> String { strings[key] }

    /// An interface word with `{name}` placeholders filled in.
    public func format(_ key: String, _ values: [String: String]) -> String { strings(key, values) }

    /// The word for a value of an enumeration (`channel`, `in-person`) as running text
    /// (`presencial`); the value itself when the strings lack it.
    public func word(_ enumeration: String, _ value: String) -> String {
        let key = "\(enumeration).\(value)"
        return strings.has(key) ? strings[key] : value
    }

    /// The word for a value of an enumeration as a label (`Presencial`).
    public func label(_ enumeration: String, _ value: String) -> String {
        formatter.label(word(enumeration, value))
    }

    /// The words of enumeration values joined as the language joins a list, as a label
    /// (`Presencial, telèfon i videotrucada`).
    public func labels(_ enumeration: String, _ values: [String]) -> String {
        formatter.label(formatter.list(values.map { word(enumeration, $0) }))
    }

    /// A date written in YAML (`2026-04-13`) in words; "" when absent.
    public func date(_ text: String?) -> String { text.map(formatter.date) ?? "" }

    /// A translatable field as template data (see `text.mustache`).
    func text(_ node: Node?) -> TextView {
        guard let t = localizer.text(node) else { return TextView(text: "", fallback: false, lang: code) }
        return TextView(text: t.text, fallback: t.isFallback, lang: t.language)
    }

    /// A plain string as template data, in this language.
    func plain(_ s: String) -> TextView { TextView(text: s, fallback: false, lang: code) }

    /// The text of a translatable field, without marks (for titles and attributes).
    public func string(_ node: Node?) -> String { localizer.string(node) }

    /// A translatable field as HTML: escaped, and marked when it falls back to the default
    /// language (`<span lang="ca" class="fallback">…</span>` and a visible marker).
    public func html(_ node: Node?) -> String {
        guard let t = localizer.text(node) else { return "" }
        return html(t)
    }

    /// A text already picked by the localizer, as HTML.
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
            + " <span class=\"fallback-mark\">\(HTML.escape(strings["untranslated"]))</span>"
    }

    /// A text of several paragraphs (blank lines between them) as escaped `<p>` elements,
    /// marked as a whole when it falls back.
    public func paragraphs(_ node: Node?) -> String {
        guard let t = localizer.text(node) else { return "" }
        // Split at blank lines and trimmed by bytes and characters, not with Foundation:
        // this runs for most texts of every page.
        var out: [String] = []
        var rest = t.text[...]
        while !rest.isEmpty {
            let blank = rest.utf8Range(of: "\n\n")
            // Trimmed by scalars, as `trimmingCharacters(in: .whitespacesAndNewlines)`.
            var piece = (blank.map { rest[..<$0.lowerBound] } ?? rest).unicodeScalars[...]
            while let first = piece.first, CharacterSet.whitespacesAndNewlines.contains(first) { piece = piece.dropFirst() }
            while let last = piece.last, CharacterSet.whitespacesAndNewlines.contains(last) { piece = piece.dropLast() }
            if !piece.isEmpty { out.append("<p>" + HTML.escape(String(String.UnicodeScalarView(piece))) + "</p>") }
            guard let blank else { break }
            rest = rest[blank.upperBound...]
        }
        let paras = out.joined(separator: "\n")
        guard t.isFallback else { return paras }
        return fallbackBlock(paras, language: t.language)
    }

    /// Wraps HTML in the default language shown in place of a missing translation.
    public func fallbackBlock(_ html: String, language: String) -> String {
        "<div lang=\"\(language)\" class=\"fallback\">\n<p class=\"fallback-note\" lang=\"\(code)\">"
            + HTML.escape(strings["untranslated_block"]) + "</p>\n" + html + "\n</div>"
    }
}

/// A translatable text as a template shows it (`text.mustache`): the text, whether it
/// falls back to the default language, and the language it is in.
struct TextView: ViewModel {
    var text: String
    var fallback: Bool
    var lang: String
}

/// A link whose label is a translatable text (`{{#link}}{{>text}}{{/link}}`).
struct TextLink: ViewModel {
    var href: String
    var text: String
    var fallback: Bool
    var lang: String

    init(_ label: TextView, href: String) {
        self.href = href
        text = label.text
        fallback = label.fallback
        lang = label.lang
    }
}

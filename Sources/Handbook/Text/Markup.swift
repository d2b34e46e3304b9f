import Foundation
import Loading
import Model
import Rendering

/// Small pieces of HTML the chapters share: a translatable text with its fallback
/// marker, an in-document link, the "Local" badge with the model's value. Every piece of
/// text goes through `HTML.escape`; nothing from the tree is inserted as markup.
public struct Markup: Sendable {
    public let words: Wording
    public let localizer: Localizer

    public init(words: Wording, localizer: Localizer) {
        self.words = words
        self.localizer = localizer
    }

    /// Escaped text.
    public func escape(_ text: String) -> String { HTML.escape(text) }

    /// A translatable field in the handbook's language. Text in the default language
    /// because the translation is missing is wrapped in `<span lang class="fallback">`
    /// and followed by a visible marker whose title says why.
    public func text(_ node: Node?) -> String {
        guard let t = localizer.text(node) else { return "" }
        return text(t)
    }

    public func text(_ t: Localizer.Text) -> String {
        marked(t.text, isFallback: t.isFallback, language: t.language)
    }

    /// A translatable text already read from the tree (an omission's reason).
    public func text(localized t: LocalizedText) -> String {
        let (text, fallback) = t.text(localizer.language, fallback: localizer.defaultLanguage)
        return marked(text, isFallback: fallback, language: fallback ? localizer.defaultLanguage : localizer.language)
    }

    func marked(_ text: String, isFallback: Bool, language: String) -> String {
        guard isFallback else { return HTML.escape(text) }
        return "<span lang=\"\(HTML.escape(language))\" class=\"fallback\">\(HTML.escape(text))</span>"
            + fallbackMark(language)
    }

    /// The visible marker after untranslated text: the code of the language shown.
    public func fallbackMark(_ language: String) -> String {
        let note = words("fallback.note", ["language": words["language.\(language)"]])
        return "<abbr class=\"fallback-mark\" title=\"\(HTML.escape(note))\">\(HTML.escape(language))</abbr>"
    }

    /// Plain text of a translatable field (for attributes and sorting).
    public func plain(_ node: Node?) -> String { localizer.string(node) }

    /// A link to an anchor of the handbook. `xref` links show the target's page
    /// number in the PDF.
    public func link(_ anchor: String, _ html: String, xref: Bool = true) -> String {
        "<a\(xref ? " class=\"xref\"" : "") href=\"#\(HTML.escape(anchor))\">\(html)</a>"
    }

    /// A link to a page outside the handbook (an official source); it is a link, not a
    /// request: the handbook loads nothing from other hosts.
    public func external(_ url: String, _ html: String) -> String {
        "<a class=\"external\" href=\"\(HTML.escape(url))\">\(html)</a>"
    }

    /// The badge of a value the municipality set, with the model's value beside it.
    public func local(modelValue: String?) -> String {
        var out = "<span class=\"badge local\">\(HTML.escape(words["badge.local"]))</span>"
        if let modelValue {
            out += " <span class=\"model-value\">\(words("badge.model_value", ["value": modelValue]))</span>"
        }
        return out
    }

    /// A badge with a class and a text (`core`, `local-service`, …).
    public func badge(_ kind: String, _ text: String) -> String {
        "<span class=\"badge \(HTML.escape(kind))\">\(HTML.escape(text))</span>"
    }

    /// An unordered list of pieces of HTML; one item stays a paragraph-less span.
    public func list(_ items: [String], className: String? = nil) -> String {
        guard !items.isEmpty else { return "" }
        let cls = className.map { " class=\"\(HTML.escape($0))\"" } ?? ""
        return "<ul\(cls)>" + items.map { "<li>\($0)</li>" }.joined() + "</ul>"
    }

    /// Paragraphs from a text with blank lines between them.
    public func paragraphs(_ node: Node?) -> String {
        guard let t = localizer.text(node) else { return "" }
        let blocks = t.text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
        let inner = blocks.map { "<p>\(HTML.escape($0))</p>" }.joined()
        guard t.isFallback else { return inner }
        return "<div lang=\"\(HTML.escape(t.language))\" class=\"fallback\">\(inner)<p class=\"fallback-note\">"
            + fallbackMark(t.language) + " " + HTML.escape(words("fallback.note", ["language": words["language.\(t.language)"]]))
            + "</p></div>"
    }
}

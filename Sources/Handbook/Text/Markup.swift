import Foundation
import Loading
import Model
import Presentation
import Rendering

/// Small pieces of HTML for values the chapters render in Swift (links between
/// sheets, lists of linked values, commitments with their local marks; the templates
/// write the rest from the view models): a translatable text with its fallback marker,
/// an in-document link, the "Local" badge with the model's value. Every piece of
/// text goes through `HTML.escape`; nothing from the tree is inserted as markup.
public struct Markup: Sendable {
    public let words: Strings
    public let localizer: Localizer

    public init(words: Strings, localizer: Localizer) {
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

    func marked(_ text: String, isFallback: Bool, language: String) -> String {
        guard isFallback else { return HTML.escape(text) }
        return "<span lang=\"\(HTML.escape(language))\" class=\"fallback\">\(HTML.escape(text))</span>"
            + fallbackMark(language)
    }

    /// The visible marker after untranslated text: the code of the language shown.
    public func fallbackMark(_ language: String) -> String {
        "<abbr class=\"fallback-mark\" title=\"\(HTML.escape(fallbackNote(language)))\">\(HTML.escape(language))</abbr>"
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
        var out = "<span class=\"badge local\">\(HTML.escape(words["badge_local"]))</span>"
        if let modelValue {
            out += " <span class=\"model-value\">\(words("badge.model_value", ["value": modelValue]))</span>"
        }
        return out
    }

    /// An unordered list of pieces of HTML; one item stays a paragraph-less span.
    public func list(_ items: [String], className: String? = nil) -> String {
        guard !items.isEmpty else { return "" }
        let cls = className.map { " class=\"\(HTML.escape($0))\"" } ?? ""
        return "<ul\(cls)>" + items.map { "<li>\($0)</li>" }.joined() + "</ul>"
    }
}

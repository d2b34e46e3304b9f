import Foundation
import Loading
import Model
import Presentation
import Rendering

/// The format of a handbook's source: HTML (the HTML handbook) or Typst (the PDF).
public enum MarkupFormat: String, Sendable {
    case html
    case typst
}

/// Small pieces of markup for values the chapters render in Swift (links between
/// sheets, lists of linked values, commitments with their local marks; the templates
/// write the rest from the view models), in the handbook's format: a translatable text
/// with its fallback marker, an in-document link, the "Local" badge with the model's
/// value. Every piece of text goes through `HTML.escape` or `Typst.escape`; nothing
/// from the tree is inserted as markup. The Typst pieces call the functions that
/// `templates/handbook-typst/handbook.mustache` defines (`xref`, `local-badge`,
/// `fallback-mark`).
public struct Markup: Sendable {
    public let words: Strings
    public let localizer: Localizer
    public let format: MarkupFormat

    public init(words: Strings, localizer: Localizer, format: MarkupFormat = .html) {
        self.words = words
        self.localizer = localizer
        self.format = format
    }

    /// Escaped text.
    public func escape(_ text: String) -> String {
        format == .html ? HTML.escape(text) : Typst.escape(text)
    }

    /// The interface text of `key` with its placeholders set to pieces of markup (a
    /// sentence holding a link): the text itself is escaped, the values are not.
    public func sentence(_ key: String, _ values: Placeholders) -> String {
        words.typeset(Strings.fill(words[key], values, language: words.language, escape: escape))
    }

    /// Strong emphasis around a piece of markup.
    public func strong(_ markup: String) -> String {
        format == .html ? "<strong>\(markup)</strong>" : "#strong[\(markup)]"
    }

    /// A struck-out piece of markup (a commitment the municipality removed).
    public func deleted(_ markup: String) -> String {
        format == .html ? "<del>\(markup)</del>" : "#strike[\(markup)]"
    }

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
        guard isFallback else { return escape(text) }
        if format == .typst {
            return "#text(lang: \(Typst.string(LanguageNames.base(language))))[\(Typst.escape(text))]" + fallbackMark(language)
        }
        return "<span lang=\"\(HTML.escape(language))\" class=\"fallback\">\(HTML.escape(text))</span>"
            + fallbackMark(language)
    }

    /// The visible marker after untranslated text: the code of the language shown.
    public func fallbackMark(_ language: String) -> String {
        if format == .typst { return "#fallback-mark(\(Typst.string(language)))" }
        return "<abbr class=\"fallback-mark\" title=\"\(HTML.escape(fallbackNote(language)))\">\(HTML.escape(language))</abbr>"
    }

    /// Plain text of a translatable field (for attributes and sorting).
    public func plain(_ node: Node?) -> String { localizer.string(node) }

    /// A link to an anchor of the handbook. `xref` links show the target's page
    /// number in the PDF.
    public func link(_ anchor: String, _ html: String, xref: Bool = true) -> String {
        if format == .typst {
            return xref ? "#xref(\(Typst.label(anchor)))[\(html)]" : "#link(\(Typst.label(anchor)))[\(html)]"
        }
        return "<a\(xref ? " class=\"xref\"" : "") href=\"#\(HTML.escape(anchor))\">\(html)</a>"
    }

    /// A link to a page outside the handbook (an official source); it is a link, not a
    /// request: the handbook loads nothing from other hosts.
    public func external(_ url: String, _ html: String) -> String {
        if format == .typst { return "#link(\(Typst.string(url)))[\(html)]" }
        return "<a class=\"external\" href=\"\(HTML.escape(url))\">\(html)</a>"
    }

    /// The badge of a value the municipality set, with the model's value beside it.
    public func local(modelValue: String?) -> String {
        if format == .typst {
            return "#local-badge()" + (modelValue.map { " #model-value[\(sentence("badge.model_value", ["value": $0]))]" } ?? "")
        }
        var out = "<span class=\"badge local\">\(HTML.escape(words["badge_local"]))</span>"
        if let modelValue {
            out += " <span class=\"model-value\">\(sentence("badge.model_value", ["value": modelValue]))</span>"
        }
        return out
    }

    /// A drawing oae made (an SVG document) with its text alternative: inline in HTML
    /// (the SVG's own title names it), an image with `alt` in Typst.
    public func image(svg: String, alt: String) -> String {
        guard format == .typst else { return svg }
        return "#image(bytes(\(Typst.string(svg))), format: \"svg\", alt: \(Typst.string(alt)), width: 100%)"
    }

    /// An unordered list of pieces of HTML; one item stays a paragraph-less span.
    public func list(_ items: [String], className: String? = nil) -> String {
        guard !items.isEmpty else { return "" }
        if format == .typst { return "#list(" + items.map { "[\($0)]" }.joined(separator: ", ") + ")" }
        let cls = className.map { " class=\"\(HTML.escape($0))\"" } ?? ""
        return "<ul\(cls)>" + items.map { "<li>\($0)</li>" }.joined() + "</ul>"
    }
}

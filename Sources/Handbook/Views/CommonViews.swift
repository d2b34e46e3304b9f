import Foundation
import Loading
import Presentation
import Model
import Rendering

/// A translatable text of the tree in the handbook's language, as a value: the text, and
/// when the translation is missing, the language it is shown in and the note that says
/// so. The HTML (`templates/handbook/partials/text.mustache`) wraps a fallback in
/// `<span lang class="fallback">` with a visible marker; another renderer marks it its
/// own way.
public struct TextView: ViewModel, Hashable {
    /// The text, unescaped.
    public var text: String
    /// True when the text is in the default language because the translation is missing.
    public var fallback: Bool
    /// The language the text is written in.
    public var lang: String
    /// The reader's note for a fallback (`Text pendent de traducció; es mostra en català.`).
    public var note: String?

    /// A text; `note` is given for a fallback.
    public init(text: String, fallback: Bool = false, lang: String, note: String? = nil) {
        self.text = text
        self.fallback = fallback
        self.lang = lang
        self.note = note
    }
}

/// A translatable text of several paragraphs (a description, notes), as a value. The
/// HTML (`partials/paragraphs`) writes one `<p>` per paragraph, and for a fallback wraps
/// them with the language and the note.
public struct ParagraphsView: ViewModel, Hashable {
    /// The paragraphs, unescaped.
    public var paragraphs: [String]
    /// True when the text is in the default language because the translation is missing.
    public var fallback: Bool
    /// The language the text is written in.
    public var lang: String
    /// The reader's note for a fallback.
    public var note: String?
}

/// A numbered heading of a chapter: `3.2 Adreça i canals`, with its anchor.
public struct HeadingView: ViewModel, Hashable {
    /// `3.2`.
    public var number: String
    /// The heading's text.
    public var title: TextView
    /// The `id` the table of contents and cross-references link to.
    public var anchor: String
}

/// A Markdown body rendered for the handbook, with the document it came from so that
/// another renderer can render the same Markdown its own way.
public struct BodyView: ViewModel, Hashable {
    /// The body as HTML (links resolved to the handbook's anchors, no images).
    public var html: String
    /// The id of the document.
    public var id: String
    /// The path of the document whose text is shown (the translation, or the original).
    public var path: String
    /// True when the text is the default language's because the translation is missing.
    public var fallback: Bool
    /// The language of the text shown.
    public var lang: String
}

/// A cross-reference to a place of the handbook (a service's sheet, a role, an
/// indicator), as `partials/link` writes it: a link when the handbook has the place, the
/// name alone when it does not, marked when the municipality does not offer the service.
public struct LinkView: ViewModel, Hashable {
    /// The anchor linked to; nil when the handbook has no such place.
    public var link_anchor: String?
    /// A cross-reference shows its page number in the PDF.
    public var xref: Bool = true
    /// The name of the place.
    public var label: TextView
    /// A service of the model the municipality does not offer.
    public var not_offered: Bool = false
}

/// Cross-references written as a list in running text (`a, b i c`), as
/// `partials/links` writes them.
public struct LinksView: ViewModel, Hashable {
    /// A link and what follows it (`, `, ` i `, or nothing after the last).
    public struct Item: ViewModel, Hashable {
        /// The link.
        public var link: LinkView
        /// What follows it.
        public var separator: String
    }

    /// The links, in order.
    public var items: [Item]
}

/// A label and a value (plain text) shown as a row of a facts table.
public struct FactView: ViewModel, Hashable {
    /// `Període`.
    public var label: String
    /// `de l'1 de gener al 31 de desembre de 2026`.
    public var value: String
}

extension Markup {
    /// A translatable field as a text value, or nil when the field is absent.
    public func view(_ node: Node?) -> TextView? {
        localizer.text(node).map(view)
    }

    /// A text already read from the tree as a text value.
    public func view(_ t: Localizer.Text) -> TextView {
        TextView(text: t.text, fallback: t.isFallback, lang: t.language, note: t.isFallback ? fallbackNote(t.language) : nil)
    }

    /// A translatable text read from the tree (an omission's reason) as a text value.
    public func view(localized t: LocalizedText) -> TextView {
        let (text, fallback) = t.text(localizer.language, fallback: localizer.defaultLanguage)
        let lang = fallback ? localizer.defaultLanguage : localizer.language
        return TextView(text: Typography.prose(text), fallback: fallback, lang: lang, note: fallback ? fallbackNote(lang) : nil)
    }

    /// A translatable text with blank lines between paragraphs, or nil when absent.
    public func paragraphsView(_ node: Node?) -> ParagraphsView? {
        guard let t = localizer.text(node) else { return nil }
        let blocks = Markup.paragraphs(t.text)
        return ParagraphsView(paragraphs: blocks, fallback: t.isFallback, lang: t.language,
                              note: t.isFallback ? fallbackNote(t.language) : nil)
    }

    /// The paragraphs of a text: the parts between blank lines (`\n\n`), trimmed of white
    /// space, the empty ones left out. The same as Foundation's `components(separatedBy:)`
    /// and `trimmingCharacters(in: .whitespacesAndNewlines)`, which it uses when a line
    /// break is followed by anything but ASCII or the text has a carriage return (where a
    /// composed character sequence could hold the break); otherwise it cuts the UTF-8
    /// bytes itself (Foundation's search was 2% of the handbooks' CPU, issue 13).
    static func paragraphs(_ text: String) -> [String] {
        var text = text
        let fast = text.withUTF8 { bytes -> [String]? in
            var parts: [String] = []
            var start = 0, i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if b == 0x0D { return nil }
                if b == 0x0A {
                    if i + 1 < n, bytes[i + 1] >= 0x80 { return nil }
                    if i + 1 < n, bytes[i + 1] == 0x0A {
                        if i + 2 < n, bytes[i + 2] >= 0x80 { return nil }
                        parts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
                        i += 2
                        start = i
                        continue
                    }
                }
                i += 1
            }
            parts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<n]), as: UTF8.self))
            return parts
        }
        guard let parts = fast else {
            return text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                .filter { !$0.isEmpty }
        }
        return parts.map(trimmed).filter { !$0.isEmpty }
    }

    /// `trimmingCharacters(in: .whitespacesAndNewlines)` on Unicode scalars.
    static func trimmed(_ s: String) -> String {
        let scalars = s.unicodeScalars
        let space = CharacterSet.whitespacesAndNewlines
        guard let first = scalars.firstIndex(where: { !space.contains($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !space.contains($0) })!
        if first == scalars.startIndex, scalars.index(after: last) == scalars.endIndex { return s }
        return String(scalars[first...last])
    }

    /// Text of the handbook itself (a UI string, a name, an id) in the handbook's language.
    public func plainView(_ text: String) -> TextView {
        TextView(text: text, lang: localizer.language)
    }

    /// A text value as HTML (for values written in Swift).
    func html(_ t: TextView) -> String { marked(t.text, isFallback: t.fallback, language: t.lang) }

    /// A cross-reference as HTML (for values written in Swift), as `partials/link` writes it.
    func html(_ l: LinkView) -> String {
        var out = html(l.label)
        if let anchor = l.link_anchor { out = link(anchor, out, xref: l.xref) }
        guard l.not_offered else { return out }
        return format == .typst ? out + "#super[\\*]"
            : "<span class=\"not-offered\">\(out)</span><sup class=\"not-offered-mark\"><abbr title=\"\(HTML.escape(words["not_offered_mark"]))\">*</abbr></sup>"
    }

    /// `Text pendent de traducció; es mostra en català.`
    public func fallbackNote(_ language: String) -> String {
        words("fallback.note", ["language": words["language.\(language)"]])
    }
}

extension Bodies.Body {
    /// The body as a view value; `defaultLanguage` is the language of a document
    /// without a language suffix.
    func view(id: String, defaultLanguage: String) -> BodyView {
        BodyView(html: html, id: id, path: source.path, fallback: isFallback,
                 lang: source.language ?? defaultLanguage)
    }
}

/// The mark of a value the municipality set (`partials/local`): the "Local" badge, and
/// the model's value it replaces when there is one.
public struct LocalView: ViewModel, Hashable {
    /// `Model: 3 dies`: the model's value, as HTML (it may hold links); nil when the
    /// model has none.
    public var model_value: String?
}

extension HandbookContext {
    /// The local mark with the model's value `html` (nil: the model has none).
    func local(modelValue html: String?) -> LocalView {
        LocalView(model_value: html.map { markup.sentence("badge.model_value", ["value": $0]) })
    }
}

// MARK: - Template values written directly (`TemplateValueConvertible`)

extension TextView: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(4)
        m.append("text", .string(text))
        m.append("fallback", .bool(fallback))
        m.append("lang", .string(lang))
        m.append("note", note.map(TemplateValue.string))
        return .object(m)
    }
}

extension ParagraphsView: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(4)
        m.append("paragraphs", .list(paragraphs.map(TemplateValue.string)))
        m.append("fallback", .bool(fallback))
        m.append("lang", .string(lang))
        m.append("note", note.map(TemplateValue.string))
        return .object(m)
    }
}

extension HeadingView: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        .object([.init(name: "number", value: .string(number)), .init(name: "title", value: title.templateValue), .init(name: "anchor", value: .string(anchor))])
    }
}

extension BodyView: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        .object([.init(name: "html", value: .string(html)), .init(name: "id", value: .string(id)), .init(name: "path", value: .string(path)),
                 .init(name: "fallback", value: .bool(fallback)), .init(name: "lang", value: .string(lang))])
    }
}

extension LinkView: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.reserveCapacity(4)
        m.append("link_anchor", link_anchor.map(TemplateValue.string))
        m.append("xref", .bool(xref))
        m.append("label", label.templateValue)
        m.append("not_offered", .bool(not_offered))
        return .object(m)
    }
}

extension LinksView.Item: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        .object([.init(name: "link", value: link.templateValue), .init(name: "separator", value: .string(separator))])
    }
}

extension LinksView: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        .object([.init(name: "items", value: .list(items.map(\.templateValue)))])
    }
}

extension FactView: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        .object([.init(name: "label", value: .string(label)), .init(name: "value", value: .string(value))])
    }
}

extension LocalView: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        var m: [TemplateValue.Member] = []
        m.append("model_value", model_value.map(TemplateValue.string))
        return .object(m)
    }
}

import Loading
import Model
import Rendering
import Resolution

/// Markdown bodies in the handbook's language: the translation when there is one,
/// else the default language's text marked as a fallback. Links to documents the
/// handbook shows become `#anchor` links; links to anything else become plain text;
/// images are replaced by their text, so that the handbook requests nothing; raw HTML
/// is shown as the text it is.
public struct Bodies: Sendable {
    public let network: Network
    public let places: DocumentPlaces
    public let markup: Markup
    /// The text of an adaptable value model prose refers to (`{{value …}}`, see
    /// `ValueReference`), as HTML; nil leaves the reference as written.
    public var values: (@Sendable (ValueReference) -> String?)?
    /// The HTML bodies already rendered by other handbooks of the build (nil renders
    /// every body here).
    public var cache: BodyCache?

    /// A rendered body.
    public struct Body: Sendable {
        /// The body in the handbook's format (HTML, or Typst markup for the PDF).
        public var html: String
        /// The document the text came from (the translation or the original).
        public var source: Document
        public var isFallback: Bool
        /// The headings of the body, with their anchors in the handbook.
        public var headings: [(level: Int, text: String, anchor: String)]
    }

    public init(network: Network, places: DocumentPlaces, markup: Markup, cache: BodyCache? = nil) {
        self.network = network
        self.places = places
        self.markup = markup
        self.cache = cache
    }

    var language: String { markup.localizer.language }

    /// The document whose text the handbook shows for `doc` in its language.
    public func source(of doc: Document) -> (doc: Document, isFallback: Bool) {
        network.body(of: doc, in: language)
    }

    /// Renders the body of `doc` under `anchor` (its headings become `anchor--slug`),
    /// with its Markdown heading levels shifted by `headingShift`.
    /// With `sections`, the headings of that level get the numbers in order (numbered
    /// sections of a chapter).
    public func render(_ doc: Document, anchor: String, headingShift: Int,
                       sections: (level: Int, numbers: [String])? = nil) -> Body {
        let (source, fallback) = self.source(of: doc)
        let prefix = Anchors.bodyPrefix(anchor)
        let places = self.places
        let from = doc.path
        if markup.format == .typst {
            // Typst's levels are the HTML's less one: chapters are level 1 there, <h2> here.
            var renderer = MarkdownTypst(headingShift: headingShift - 1, anchorPrefix: prefix,
                                         sectionLevel: sections.map { $0.level - 1 },
                                         sectionNumbers: sections?.numbers ?? [], placeLink: "xref") { destination in
                places.resolve(destination, from: from) ?? Bodies.unlinked
            }
            renderer.values = values
            var typst = renderer.render(source.markdown?.body ?? "")
            if fallback, !typst.isEmpty {
                let lang = network.settings.defaultLanguage
                let note = markup.fallbackNote(lang)
                typst = "#fallback-note(\(Typst.string(lang)), \(Typst.string(note)))\n\n#text(lang: \(Typst.string(LanguageNames.base(lang))))[\(typst)]"
            }
            return Body(html: typst, source: source, isFallback: fallback, headings: headings(source, prefix, headingShift))
        }
        let backLabel = markup.words["footnote.back"]
        let markdown = source.markdown?.body ?? ""
        let build = { (resolver: @escaping @Sendable (String) -> String?) -> String in
            let renderer = MarkdownHTML(headingShift: headingShift, anchorPrefix: prefix, rawHTMLAsText: true,
                                        footnoteBackLabel: backLabel, resolveLink: resolver)
            var html = Bodies.removeImages(Bodies.unlink(renderer.render(markdown)))
            if let sections { html = Bodies.numberHeadings(html, level: sections.level, numbers: sections.numbers) }
            return html
        }
        var html: String
        if let cache {
            let numbers = sections.map { "\($0.level):" + $0.numbers.joined(separator: ",") } ?? ""
            let key = [language, source.path, from, anchor, String(headingShift), numbers, backLabel].joined(separator: "\u{1}")
            // Where a link leads is found once per build; each handbook only answers it.
            let body = cache.body(key: key, locate: { cache.location($0, from: from) },
                                  answer: { places.resolve($0) ?? Bodies.unlinked }, render: build)
            html = body.html
            if let values { html = ValueReference.substitute(html, body.references, values) }
        } else {
            html = build { places.resolve(DocumentPlaces.locate($0, from: from)) ?? Bodies.unlinked }
            if let values { html = ValueReference.substitute(html, values) }
        }
        let headings = headings(source, prefix, headingShift)
        if fallback, !html.isEmpty {
            let note = markup.fallbackNote(source.language ?? network.settings.defaultLanguage)
            let lang = network.settings.defaultLanguage
            html = "<div class=\"fallback-body\" lang=\"\(HTML.escape(lang))\"><p class=\"fallback-note\" lang=\"\(HTML.escape(language))\">"
                + markup.fallbackMark(lang) + " " + HTML.escape(note) + "</p>" + html + "</div>"
        }
        return Body(html: html, source: source, isFallback: fallback, headings: headings)
    }

    /// The headings of a body, with their anchors in the handbook.
    func headings(_ source: Document, _ prefix: String, _ shift: Int) -> [(level: Int, text: String, anchor: String)] {
        (source.markdown?.headings ?? []).map { (level: min(6, $0.level + shift), text: $0.text, anchor: prefix + $0.anchor) }
    }

    /// The destination given to links the handbook cannot follow.
    static let unlinked = "oae-unlinked:"

    /// `<a href="oae-unlinked:">text</a>` → `<span class="unlinked">text</span>`.
    static func unlink(_ html: String) -> String {
        let open = "<a href=\"\(unlinked)\">"
        guard html.utf8Contains(open) else { return html }
        var out = ""
        var rest = Substring(html)
        while let r = rest.find(open) {
            out += rest[..<r.lowerBound]
            let after = rest[r.upperBound...]
            guard let close = after.find("</a>") else { out += rest[r.lowerBound...]; return out }
            out += "<span class=\"unlinked\">" + after[..<close.lowerBound] + "</span>"
            rest = after[close.upperBound...]
        }
        return out + rest
    }

    /// `<img src="…" alt="text" />` → `<span class="image-text">text</span>`.
    static func removeImages(_ html: String) -> String {
        guard html.utf8Contains("<img ") else { return html }
        var out = ""
        var rest = Substring(html)
        while let r = rest.find("<img ") {
            out += rest[..<r.lowerBound]
            let after = rest[r.upperBound...]
            guard let end = after.find("/>") else { out += rest[r.lowerBound...]; return out }
            let tag = after[..<end.lowerBound]
            var alt = ""
            if let a = tag.find("alt=\""), let q = tag[a.upperBound...].firstIndex(of: "\"") {
                alt = String(tag[a.upperBound..<q])
            }
            out += "<span class=\"image-text\">" + alt + "</span>"
            rest = after[end.upperBound...]
        }
        return out + rest
    }

    /// Puts a section number before each `<hN id=…>` heading of `level`, in order, and
    /// returns the numbered sections for the table of contents.
    static func numberHeadings(_ html: String, level: Int, numbers: [String]) -> String {
        let open = "<h\(level) id=\""
        var out = ""
        var rest = Substring(html)
        var i = 0
        while i < numbers.count, let r = rest.find(open) {
            let after = rest[r.upperBound...]
            guard let q = after.firstIndex(of: "\""), let gt = after[q...].firstIndex(of: ">") else { break }
            out += rest[..<after.index(after: gt)]
            out += "<span class=\"number\">\(numbers[i])</span> "
            rest = after[after.index(after: gt)...]
            i += 1
        }
        return out + rest
    }
}

extension Substring {
    func find(_ needle: String) -> Range<Substring.Index>? {
        let n = Array(needle.utf8)
        guard let first = n.first else { return nil }
        var i = startIndex
        let u = utf8
        while i != endIndex {
            if u[i] == first {
                var j = i, k = 0
                while k < n.count, j != endIndex, u[j] == n[k] { j = u.index(after: j); k += 1 }
                if k == n.count { return i..<j }
            }
            i = u.index(after: i)
        }
        return nil
    }
}

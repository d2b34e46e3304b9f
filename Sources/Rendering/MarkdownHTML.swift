import CCmarkGFM
import Foundation
import Loading
import Presentation

/// Renders a Markdown body to HTML with cmark-gfm: raw HTML never passes through (safe
/// mode and the tag filter), headings get the anchors `Slugger` gives them (with a
/// prefix, so that several documents can share one HTML file), heading levels can be
/// shifted, and every link and image destination goes through `resolveLink`.
public struct MarkdownHTML: Sendable {
    /// Added to every heading level (a body's `##` becomes `###` with 1). Capped at 6.
    public var headingShift: Int
    /// Put before every heading anchor (`service-company-creation-`).
    public var anchorPrefix: String
    /// Maps a link or image destination as written to the one the output needs; nil
    /// keeps it as written.
    public var resolveLink: @Sendable (String) -> String?
    /// Raw HTML in the Markdown is shown as text (what the writer typed, escaped), rather
    /// than left out; either way it never becomes markup.
    public var rawHTMLAsText: Bool
    /// Put before the ids of footnotes and their references (`fn-1`, `fnref-1`), so that
    /// two documents with a `[^1]` on one page keep apart; by default `anchorPrefix`.
    public var footnotePrefix: String
    /// The accessible label of a footnote's link back to its reference, in the page's
    /// language (cmark-gfm writes "Back to content").
    public var footnoteBackLabel: String

    public init(headingShift: Int = 0, anchorPrefix: String = "", rawHTMLAsText: Bool = false,
                footnotePrefix: String? = nil, footnoteBackLabel: String = "Back to content",
                resolveLink: @escaping @Sendable (String) -> String? = { _ in nil }) {
        self.headingShift = headingShift
        self.anchorPrefix = anchorPrefix
        self.rawHTMLAsText = rawHTMLAsText
        self.footnotePrefix = footnotePrefix ?? anchorPrefix
        self.footnoteBackLabel = footnoteBackLabel
        self.resolveLink = resolveLink
    }

    public func render(_ markdown: String) -> String {
        CMark.withDocument(markdown) { doc, extensions -> String in
            // Adjacent text nodes as one (cmark-gfm leaves an apostrophe a node of its
            // own), so that `Typography` sees the letters around it.
            cmark_consolidate_text_nodes(doc)
            var anchors: [String] = []
            var slugger = Slugger()
            var rawNodes: [OpaquePointer] = []
            var quotations = Quotations()
            let iter = cmark_iter_new(doc)
            while true {
                let ev = cmark_iter_next(iter)
                if ev == CMARK_EVENT_DONE { break }
                guard ev == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iter) else { continue }
                let type = cmark_node_get_type(node)
                if type == CMARK_NODE_HEADING {
                    anchors.append(anchorPrefix + slugger.slug(CMark.plainText(node)))
                    let level = min(6, Int(cmark_node_get_heading_level(node)) + headingShift)
                    cmark_node_set_heading_level(node, Int32(level))
                } else if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE {
                    let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                    if let resolved = resolveLink(url) { cmark_node_set_url(node, resolved) }
                } else if type == CMARK_NODE_TEXT {
                    if let text = MarkdownHTML.typography(of: node, quotations: &quotations) { cmark_node_set_literal(node, text) }
                } else if type == CMARK_NODE_CODE {
                    // A code span keeps its characters, but not its directional controls'
                    // reach past it (`BidiControls`).
                    if let text = MarkdownHTML.balanced(node) { cmark_node_set_literal(node, text) }
                } else if rawHTMLAsText, type == CMARK_NODE_HTML_INLINE || type == CMARK_NODE_HTML_BLOCK {
                    rawNodes.append(node)
                }
            }
            cmark_iter_free(iter)
            // Replaced after the walk: the tree must not change under the iterator.
            for node in rawNodes { MarkdownHTML.replaceWithText(node) }
            guard let raw = cmark_render_html(doc, CMARK_OPT_FOOTNOTES, extensions) else { return "" }
            defer { free(raw) }
            let html = MarkdownHTML.addHeadingIDs(String(cString: raw), anchors)
            return MarkdownHTML.placeFootnotes(html, prefix: footnotePrefix, backLabel: footnoteBackLabel)
        }
    }

    /// Prefixes the footnote ids and references cmark-gfm writes, and puts the page's
    /// words in the back-links' label. The markup matched is cmark-gfm's own: text of
    /// the document is escaped, and raw HTML never passes, so it cannot imitate it.
    static func placeFootnotes(_ html: String, prefix: String, backLabel: String) -> String {
        guard html.utf8Contains("data-footnote") else { return html }
        let prefix = HTML.escape(prefix)
        return html
            .replacingOccurrences(of: "<a href=\"#fn-", with: "<a href=\"#\(prefix)fn-")
            .replacingOccurrences(of: "\" id=\"fnref-", with: "\" id=\"\(prefix)fnref-")
            .replacingOccurrences(of: "<li id=\"fn-", with: "<li id=\"\(prefix)fn-")
            .replacingOccurrences(of: "<a href=\"#fnref-", with: "<a href=\"#\(prefix)fnref-")
            .replacingOccurrences(of: "data-footnote-backref aria-label=\"Back to content\"",
                                  with: "data-footnote-backref aria-label=\"\(HTML.escape(backLabel))\"")
    }

    /// The quotations of a document's text nodes (`Typography.Quotation`), block by block:
    /// a text node goes on from those before it in the same block (a paragraph, a heading,
    /// a table's cell), so that a quotation opened before a link or an emphasis is closed
    /// after it; a new block starts with none open.
    struct Quotations {
        private var block: OpaquePointer?
        private var quotation = Typography.Quotation()

        init() {}

        /// The quotation that `node`'s text goes on from.
        mutating func current(for node: OpaquePointer) -> Typography.Quotation {
            // The nearest ancestor that is not an inline (CMARK_NODE_TYPE_INLINE, 0xC000).
            var parent = cmark_node_parent(node)
            while let p = parent, cmark_node_get_type(p).rawValue & 0xC000 == 0xC000 { parent = cmark_node_parent(p) }
            if parent != block {
                block = parent
                quotation = Typography.Quotation()
            }
            return quotation
        }

        mutating func update(_ quotation: Typography.Quotation) { self.quotation = quotation }
    }

    /// The literal of a text node with the outputs' `Typography`, or nil when that is
    /// the literal itself; the text of an autolink (the address itself, `<https://…>`)
    /// only with its directional controls kept inside it (`BidiControls`). Code spans
    /// and raw HTML are other kinds of node: never typeset.
    /// The text nodes of a document are given in order, with the same `quotations`.
    static func typography(of node: OpaquePointer, quotations: inout Quotations) -> String? {
        guard let raw = cmark_node_get_literal(node) else { return nil }
        // Read in place: most text nodes do not change, and are not copied.
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(raw).assumingMemoryBound(to: UInt8.self), count: strlen(raw))
        var quotation = quotations.current(for: node)
        // Only a text that ends with `'` looks at the text after it.
        quotation.followedByWord = bytes.last == UInt8(ascii: "'") && nextTextStartsWord(after: node)
        quotation.precededByWord = bytes.first == UInt8(ascii: "'") && previousTextEndsWord(before: node)
        defer {
            quotation.followedByWord = false
            quotation.precededByWord = false
            quotations.update(quotation)
        }
        guard let text = Typography.prose(utf8: bytes, quotation: &quotation) else { return nil }
        if let parent = cmark_node_parent(node), cmark_node_get_type(parent) == CMARK_NODE_LINK,
           let url = cmark_node_get_url(parent).map({ String(cString: $0) }), url.hasSuffix(String(cString: raw)) { return balanced(node) }
        return text
    }

    /// Whether the text that follows `node` in its block starts with a letter or a digit:
    /// the next text node in document order, entering a link or an emphasis that begins
    /// there and leaving the ones that end with `node`, never past the block (a paragraph,
    /// a heading, a cell). A code span, a line break or raw HTML in between is no word.
    static func nextTextStartsWord(after node: OpaquePointer) -> Bool {
        let isInline = { (n: OpaquePointer) in cmark_node_get_type(n).rawValue & 0xC000 == 0xC000 }
        var current = node
        var next = cmark_node_next(node)
        while next == nil {
            guard let parent = cmark_node_parent(current), isInline(parent) else { return false }
            current = parent
            next = cmark_node_next(parent)
        }
        while let n = next {
            switch cmark_node_get_type(n) {
            case CMARK_NODE_TEXT:
                guard let raw = cmark_node_get_literal(n) else { return false }
                return Typography.startsWord(UnsafeBufferPointer(start: UnsafeRawPointer(raw).assumingMemoryBound(to: UInt8.self), count: strlen(raw)))
            case CMARK_NODE_EMPH, CMARK_NODE_STRONG, CMARK_NODE_LINK:
                next = cmark_node_first_child(n)
            default:
                return false
            }
        }
        return false
    }

    /// Whether the text before `node` in its block ends with a letter or a digit right
    /// before it: the previous text node, entering a link or an emphasis that ends there
    /// and leaving the ones that begin with `node` (`nextTextStartsWord`, backwards).
    static func previousTextEndsWord(before node: OpaquePointer) -> Bool {
        let isInline = { (n: OpaquePointer) in cmark_node_get_type(n).rawValue & 0xC000 == 0xC000 }
        var current = node
        var previous = cmark_node_previous(node)
        while previous == nil {
            guard let parent = cmark_node_parent(current), isInline(parent) else { return false }
            current = parent
            previous = cmark_node_previous(parent)
        }
        while let n = previous {
            switch cmark_node_get_type(n) {
            case CMARK_NODE_TEXT:
                guard let raw = cmark_node_get_literal(n) else { return false }
                return Typography.endsWord(UnsafeBufferPointer(start: UnsafeRawPointer(raw).assumingMemoryBound(to: UInt8.self), count: strlen(raw)))
            case CMARK_NODE_EMPH, CMARK_NODE_STRONG, CMARK_NODE_LINK:
                previous = cmark_node_last_child(n)
            default:
                return false
            }
        }
        return false
    }

    /// The literal of `node` with its directional controls kept inside it
    /// (`BidiControls.balanced`), or nil when that is the literal itself.
    static func balanced(_ node: OpaquePointer) -> String? {
        guard let raw = cmark_node_get_literal(node) else { return nil }
        let literal = String(cString: raw)
        let balanced = BidiControls.balanced(literal)
        return balanced == literal ? nil : balanced
    }

    /// Puts a text node with the raw HTML's source in place of the raw HTML node (inside a
    /// paragraph for a block), so that the renderer escapes it.
    static func replaceWithText(_ node: OpaquePointer) {
        let isBlock = cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK
        var literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
        while literal.hasSuffix("\n") { literal.removeLast() }
        guard let text = cmark_node_new(CMARK_NODE_TEXT) else { return }
        cmark_node_set_literal(text, BidiControls.balanced(literal))
        if isBlock, let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH) {
            cmark_node_append_child(paragraph, text)
            cmark_node_insert_before(node, paragraph)
        } else {
            cmark_node_insert_before(node, text)
        }
        cmark_node_free(node)
    }

    /// Gives the n-th `<hN>` tag the n-th anchor. Safe mode leaves no raw HTML in the
    /// output, so every `<h` tag comes from a Markdown heading, in document order.
    static func addHeadingIDs(_ html: String, _ anchors: [String]) -> String {
        guard !anchors.isEmpty else { return html }
        var html = html
        // On the bytes: every byte of `<hN>` is ASCII, so it matches only those characters
        // (a search through the string's view was 0.9% of the handbooks' instructions).
        return html.withUTF8 { b -> String in
            var out: [UInt8] = []
            out.reserveCapacity(b.count + anchors.count * 24)
            var run = 0, i = 0, next = 0
            while next < anchors.count, i + 4 <= b.count {
                guard b[i] == UInt8(ascii: "<"), b[i + 1] == UInt8(ascii: "h"), b[i + 2] >= UInt8(ascii: "1"),
                      b[i + 2] <= UInt8(ascii: "6"), b[i + 3] == UInt8(ascii: ">") else {
                    i += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<i]))
                out.append(contentsOf: "<h".utf8)
                out.append(b[i + 2])
                out.append(contentsOf: " id=\"".utf8)
                HTML.escape(anchors[next], into: &out)
                out.append(contentsOf: "\">".utf8)
                i += 4
                run = i
                next += 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run...]))
            return String(decoding: out, as: UTF8.self)
        }
    }
}


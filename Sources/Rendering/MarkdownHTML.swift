import CCmarkGFM
import Foundation
import Loading

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

    public init(headingShift: Int = 0, anchorPrefix: String = "",
                resolveLink: @escaping @Sendable (String) -> String? = { _ in nil }) {
        self.headingShift = headingShift
        self.anchorPrefix = anchorPrefix
        self.resolveLink = resolveLink
    }

    public func render(_ markdown: String) -> String {
        CMark.withDocument(markdown) { doc, extensions -> String in
            var anchors: [String] = []
            var slugger = Slugger()
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
                }
            }
            cmark_iter_free(iter)
            guard let raw = cmark_render_html(doc, CMARK_OPT_FOOTNOTES, extensions) else { return "" }
            defer { free(raw) }
            return MarkdownHTML.addHeadingIDs(String(cString: raw), anchors)
        }
    }

    /// Gives the n-th `<hN>` tag the n-th anchor. Safe mode leaves no raw HTML in the
    /// output, so every `<h` tag comes from a Markdown heading, in document order.
    static func addHeadingIDs(_ html: String, _ anchors: [String]) -> String {
        guard !anchors.isEmpty else { return html }
        var out = ""
        out.reserveCapacity(html.utf8.count + anchors.count * 24)
        var rest = Substring(html)
        var i = 0
        while i < anchors.count, let r = rest.range(of: "<h") {
            let after = rest[r.upperBound...]
            guard let level = after.first, ("1"..."6").contains(level), after.dropFirst().first == ">" else {
                out += rest[..<r.upperBound]
                rest = after
                continue
            }
            out += rest[..<r.lowerBound]
            out += "<h\(level) id=\"\(HTML.escape(anchors[i]))\">"
            rest = after.dropFirst(2)
            i += 1
        }
        out += rest
        return out
    }
}

extension Substring {
    func range(of needle: String) -> Range<Substring.Index>? {
        let n = Array(needle.utf8)
        let u = utf8
        var i = u.startIndex
        while i != u.endIndex {
            var j = i, k = 0
            while k < n.count, j != u.endIndex, u[j] == n[k] { j = u.index(after: j); k += 1 }
            if k == n.count { return i..<j }
            i = u.index(after: i)
        }
        return nil
    }
}

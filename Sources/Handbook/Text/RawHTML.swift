import CCmarkGFM
import Loading
import Rendering

/// Raw HTML written in a Markdown body is shown as text: cmark-gfm's safe mode leaves
/// `<!-- raw HTML omitted -->` in its place, and this puts the source back, escaped,
/// so that a reader sees what the writer typed (and a `<script>` is never a tag).
enum RawHTML {
    static let placeholder = "<!-- raw HTML omitted -->"

    /// The raw HTML pieces of a Markdown text, in the order the renderer meets them.
    static func pieces(_ markdown: String) -> [(text: String, isBlock: Bool)] {
        CMark.withDocument(markdown) { doc -> [(String, Bool)] in
            var out: [(String, Bool)] = []
            let iter = cmark_iter_new(doc)
            defer { cmark_iter_free(iter) }
            while true {
                let ev = cmark_iter_next(iter)
                if ev == CMARK_EVENT_DONE { break }
                guard ev == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iter) else { continue }
                let type = cmark_node_get_type(node)
                if type == CMARK_NODE_HTML_INLINE || type == CMARK_NODE_HTML_BLOCK {
                    let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                    out.append((literal, type == CMARK_NODE_HTML_BLOCK))
                }
            }
            return out
        }
    }

    /// Replaces each placeholder of `html` by the matching piece, escaped (a block
    /// becomes a paragraph).
    static func restore(_ html: String, markdown: String) -> String {
        guard html.contains(placeholder) else { return html }
        let pieces = self.pieces(markdown)
        var out = ""
        var rest = Substring(html)
        var i = 0
        while let r = rest.find(placeholder) {
            out += rest[..<r.lowerBound]
            if i < pieces.count {
                let text = HTML.escape(pieces[i].text.trimmingSuffixNewlines())
                out += pieces[i].isBlock ? "<p class=\"raw-html\">\(text)</p>" : text
            }
            i += 1
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}

extension String {
    func trimmingSuffixNewlines() -> String {
        var s = Substring(self)
        while let last = s.last, last == "\n" || last == "\r" { s = s.dropLast() }
        return String(s)
    }
}

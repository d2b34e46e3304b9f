import CCmarkGFM
import Foundation
import Loading
import Presentation
import Resolution

/// Renders a Markdown body to Typst markup from the cmark-gfm tree, as `MarkdownHTML`
/// renders it to HTML: headings get the same anchors (as Typst labels) and the same
/// level shift, every link destination goes through `resolveLink`, and raw HTML is
/// shown as the text the writer typed. Every piece of text is escaped (`Typst.escape`);
/// nothing the writer wrote becomes Typst code.
///
/// Blocks: headings (unnumbered, kept out of the outline: the chapters number their own
/// sections), paragraphs, bullet and numbered lists, block quotes, code blocks, tables
/// (with the header row repeated on each page), thematic breaks, footnotes (at their
/// reference, as Typst footnotes). Inlines: emphasis, strong, strikethrough, code, links
/// (to a label of the document for `#anchor`, to the address for `http(s):` and
/// `mailto:`, the text alone otherwise), images (their alternative text).
public struct MarkdownTypst: Sendable {
    /// Added to every heading level (a body's `##` becomes level 3 with 1). Capped at 6.
    public var headingShift: Int
    /// Put before every heading anchor (`service-company-creation--`).
    public var anchorPrefix: String
    /// Maps a link destination as written to the one the output needs (`#anchor` for a
    /// place of the document); nil keeps it as written.
    public var resolveLink: @Sendable (String) -> String?
    /// The headings of this level (after the shift) are numbered sections of the
    /// document: each gets the next of `sectionNumbers` before its text and a place in
    /// the outline and the bookmarks.
    public var sectionLevel: Int?
    public var sectionNumbers: [String]
    /// The Typst function a link to a place of the document calls (`link`, or a function of
    /// the template that adds the page number, such as the handbook's `xref`).
    public var placeLink: String
    /// The markup of an adaptable value a text refers to (`{{value service/x/…}}`,
    /// `ValueReference`); nil keeps the reference as written.
    public var values: (@Sendable (ValueReference) -> String?)? = nil

    public init(headingShift: Int = 0, anchorPrefix: String = "", sectionLevel: Int? = nil, sectionNumbers: [String] = [],
                placeLink: String = "link", resolveLink: @escaping @Sendable (String) -> String? = { _ in nil }) {
        self.placeLink = placeLink
        self.headingShift = headingShift
        self.anchorPrefix = anchorPrefix
        self.sectionLevel = sectionLevel
        self.sectionNumbers = sectionNumbers
        self.resolveLink = resolveLink
    }

    /// The Typst markup of `markdown`: blocks separated by blank lines.
    public func render(_ markdown: String) -> String {
        CMark.withDocument(markdown) { doc -> String in
            // Adjacent text nodes (cmark-gfm leaves unmatched `_` or `*` as nodes of their
            // own) as one, so that a value reference is found whole.
            cmark_consolidate_text_nodes(doc)
            var state = State(renderer: self)
            state.collectFootnotes(doc)
            return state.blocks(doc).joined(separator: "\n\n")
        }
    }

    /// The walk of one document: its heading anchors and footnote definitions.
    struct State {
        let renderer: MarkdownTypst
        var slugger = Slugger()
        var footnotes: [String: OpaquePointer] = [:]
        /// The footnotes being rendered (a footnote that refers to itself shows the reference).
        var open: Set<String> = []
        /// How many numbered sections were written.
        var sections = 0
        /// The quotations of the text nodes, block by block (`MarkdownHTML.Quotations`).
        var quotations = MarkdownHTML.Quotations()

        init(renderer: MarkdownTypst) { self.renderer = renderer }

        /// cmark-gfm numbers footnote references in the order of first use (a
        /// reference's literal is its number) and moves the definitions, in that order, to
        /// the end of the document: the n-th definition is footnote n.
        mutating func collectFootnotes(_ doc: OpaquePointer) {
            var child = cmark_node_first_child(doc)
            var n = 0
            while let node = child {
                if cmark_node_get_type(node) == CMARK_NODE_FOOTNOTE_DEFINITION {
                    n += 1
                    footnotes[String(n)] = node
                }
                child = cmark_node_next(node)
            }
        }

        func children(_ node: OpaquePointer) -> [OpaquePointer] {
            var out: [OpaquePointer] = []
            var child = cmark_node_first_child(node)
            while let c = child {
                out.append(c)
                child = cmark_node_next(c)
            }
            return out
        }

        func literal(_ node: OpaquePointer) -> String {
            cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
        }

        func extensionType(_ node: OpaquePointer) -> String {
            cmark_node_get_type_string(node).map { String(cString: $0) } ?? ""
        }

        mutating func blocks(_ parent: OpaquePointer) -> [String] {
            children(parent).compactMap { block($0) }
        }

        mutating func block(_ node: OpaquePointer) -> String? {
            switch cmark_node_get_type(node) {
            case CMARK_NODE_PARAGRAPH:
                return inlines(node)
            case CMARK_NODE_HEADING:
                let level = min(6, Int(cmark_node_get_heading_level(node)) + renderer.headingShift)
                let anchor = renderer.anchorPrefix + slugger.slug(CMark.plainText(node))
                if level == renderer.sectionLevel, sections < renderer.sectionNumbers.count {
                    sections += 1
                    let number = Typst.escape(renderer.sectionNumbers[sections - 1])
                    return "#heading(level: \(level), numbering: none)[\(number) \(inlines(node))] #\(Typst.label(anchor))"
                }
                return "#heading(level: \(level), numbering: none, outlined: false)[\(inlines(node))] #\(Typst.label(anchor))"
            case CMARK_NODE_LIST:
                let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
                let items = children(node).map { item -> String in
                    "[" + blocks(item).joined(separator: "\n\n") + "]"
                }
                guard !items.isEmpty else { return nil }
                if ordered {
                    return "#enum(start: \(max(0, Int(cmark_node_get_list_start(node)))), \(items.joined(separator: ", ")))"
                }
                return "#list(\(items.joined(separator: ", ")))"
            case CMARK_NODE_BLOCK_QUOTE:
                return "#quote(block: true)[\(blocks(node).joined(separator: "\n\n"))]"
            case CMARK_NODE_CODE_BLOCK:
                var code = literal(node)
                while code.hasSuffix("\n") { code.removeLast() }
                return "#raw(block: true, \(Typst.string(code)))"
            case CMARK_NODE_HTML_BLOCK:
                var text = literal(node)
                while text.hasSuffix("\n") { text.removeLast() }
                return Typst.escape(text)
            case CMARK_NODE_THEMATIC_BREAK:
                return "#line(length: 100%, stroke: 0.5pt + luma(180))"
            case CMARK_NODE_FOOTNOTE_DEFINITION:
                return nil  // shown at its reference
            default:
                if extensionType(node) == "table" { return table(node) }
                return blocks(node).joined(separator: "\n\n")
            }
        }

        /// A GFM table: a Typst table whose first row is the header, repeated on each page.
        mutating func table(_ node: OpaquePointer) -> String {
            let columns = max(1, Int(cmark_gfm_extensions_get_table_columns(node)))
            var alignments: [String] = []
            if let a = cmark_gfm_extensions_get_table_alignments(node) {
                for i in 0..<columns {
                    switch UInt8(a[i]) {
                    case UInt8(ascii: "c"): alignments.append("center")
                    case UInt8(ascii: "r"): alignments.append("right")
                    default: alignments.append("left")
                    }
                }
            }
            var header: [String] = []
            var rows: [String] = []
            for row in children(node) {
                let cells = children(row).map { "[" + inlines($0) + "]" }
                if cmark_gfm_extensions_get_table_row_is_header(row) != 0 {
                    header = cells
                } else {
                    rows.append(cells.joined(separator: ", "))
                }
            }
            let align = alignments.isEmpty ? "" : "align: (\(alignments.joined(separator: ", ")),), "
            var out = "#table(columns: \(columns), \(align)"
            if !header.isEmpty { out += "table.header(\(header.joined(separator: ", "))), " }
            out += rows.joined(separator: ", ")
            return out + ")"
        }

        /// A text node: escaped, its value references replaced by the values' markup.
        func text(_ s: String) -> String {
            guard let values = renderer.values, s.utf8Contains("{{value ") else { return Typst.escape(s) }
            var out = ""
            var last = s.startIndex
            for (range, reference) in ValueReference.find(in: s) {
                out += Typst.escape(String(s[last..<range.lowerBound]))
                out += values(reference) ?? Typst.escape(String(s[range]))
                last = range.upperBound
            }
            return out + Typst.escape(String(s[last...]))
        }

        mutating func inlines(_ parent: OpaquePointer) -> String {
            children(parent).map { inline($0) }.joined()
        }

        mutating func inline(_ node: OpaquePointer) -> String {
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT:
                return text(MarkdownHTML.typography(of: node, quotations: &quotations) ?? literal(node))
            case CMARK_NODE_HTML_INLINE:
                return Typst.escape(literal(node))
            case CMARK_NODE_SOFTBREAK:
                return " "
            case CMARK_NODE_LINEBREAK:
                return "\\ "
            case CMARK_NODE_CODE:
                // A code span keeps its characters, but not its directional controls' reach
                // past it (`BidiControls`).
                return "#raw(\(Typst.string(BidiControls.balanced(literal(node)))))"
            case CMARK_NODE_EMPH:
                return "#emph[\(inlines(node))]"
            case CMARK_NODE_STRONG:
                return "#strong[\(inlines(node))]"
            case CMARK_NODE_LINK:
                let written = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                let url = renderer.resolveLink(written) ?? written
                let text = inlines(node)
                if url.hasPrefix("#"), url.count > 1 {
                    return "#\(renderer.placeLink)(\(Typst.label(String(url.dropFirst()))))[\(text)]"
                }
                if url.hasPrefix("https://") || url.hasPrefix("http://") || url.hasPrefix("mailto:") {
                    return "#link(\(Typst.string(url)))[\(text)]"
                }
                return text
            case CMARK_NODE_IMAGE:
                return Typst.escape(CMark.plainText(node))
            case CMARK_NODE_FOOTNOTE_REFERENCE:
                let label = literal(node)
                guard let definition = footnotes[label], !open.contains(label) else { return Typst.escape("[^\(label)]") }
                open.insert(label)
                defer { open.remove(label) }
                return "#footnote[\(blocks(definition).joined(separator: " "))]"
            default:
                if extensionType(node) == "strikethrough" { return "#strike[\(inlines(node))]" }
                return inlines(node)
            }
        }
    }
}

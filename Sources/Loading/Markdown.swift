import CCmarkGFM
import Diagnostics
import Foundation

/// A Markdown file: optional YAML front matter between `---` lines, then a body in
/// GitHub-flavoured Markdown, with the places of its headings, links and images.
public struct MarkdownDocument: Sendable {
    public struct Heading: Sendable, Equatable {
        public var level: Int
        public var text: String
        /// The anchor a renderer gives the heading (`#com-funciona`).
        public var anchor: String
        public var span: SourceSpan
    }

    public struct Link: Sendable, Equatable {
        public var destination: String
        public var isImage: Bool
        public var span: SourceSpan
    }

    /// The front matter, or nil when the file has none.
    public var frontMatter: Node?
    /// The written forms of the front matter's scalars that YAML typed as numbers or
    /// booleans whose text is not their value's own.
    public var writtenForms: WrittenForms = [:]
    public var body: String
    /// How many lines of the file stand before the body.
    public var bodyLineOffset: Int
    public var headings: [Heading]
    public var links: [Link]

    /// Whether a body has no text: only spaces, tabs and line breaks (or nothing).
    public static func isBlank(_ body: String) -> Bool { body.isBlankText }
}

public struct MarkdownLoader: Sendable {
    public static let rules = [
        RuleInfo("markdown-front-matter-unclosed", "Front matter opened with --- is never closed."),
        RuleInfo("markdown-table-pipe-in-code", "A '|' inside a code span in a table row splits the cell."),
        RuleInfo("markdown-raw-html", "Raw HTML in a Markdown body: the site leaves out its tags (a block of HTML, text and all), and the handbooks print them."),
    ]

    /// The GFM extensions every body is parsed with (footnotes are an option).
    public static let extensions = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// Source positions on; raw HTML stays out (cmark-gfm's safe default).
    public static let options: Int32 = CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES

    public var yaml: YAMLLoader

    public init(yaml: YAMLLoader = YAMLLoader()) {
        self.yaml = yaml
    }

    public func load(bytes: [UInt8], file: String) -> (MarkdownDocument?, [Diagnostic]) {
        if bytes.count > TextChecks.maxFileBytes {
            return (nil, [TextChecks.tooLarge(file: file, size: bytes.count)])
        }
        let (text, problems) = TextChecks.decode(bytes, file: file)
        guard let text else { return (nil, problems) }
        return load(text: text, file: file)
    }

    /// A line of dashes only (`--`, `----`, `—`, `- - -`): a closing line of front matter
    /// mistyped, or a thematic break or heading underline of the body. `line` is trimmed of
    /// trailing spaces.
    static func isDashesLine(_ line: Substring) -> Bool {
        let dashes = line.filter { $0 == "-" || $0 == "—" || $0 == "–" }.count
        return dashes > 0 && line.allSatisfy { $0 == "-" || $0 == "—" || $0 == "–" || $0 == " " }
            && (line.first != " " && (dashes == line.count || dashes >= 3))
    }

    /// An ATX heading (`# Title`, up to three spaces before, one to six `#` then a space or
    /// the end of the line: CommonMark 0.31, 4.2).
    static func isATXHeading(_ line: Substring) -> Bool {
        let rest = line.drop { $0 == " " }
        guard line.count - rest.count <= 3 else { return false }
        let hashes = rest.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return false }
        let after = rest.dropFirst(hashes)
        return after.isEmpty || after.first == " " || after.first == "\t"
    }

    public func load(text: String, file: String) -> (MarkdownDocument?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let lines = SourceText(text)
        let noCR = !MarkdownLoader.contains(text, 0x0D)
        var frontMatter: Node?
        var writtenForms: WrittenForms = [:]
        var bodyStartLine = 0  // 0-based index of the first body line
        if let first = lines.line(1), first.trimmingTrailingSpaces() == "---" {
            var closing: Int?
            var i = 2
            while let line = lines.line(i) {
                let t = line.trimmingTrailingSpaces()
                if t == "---" || t == "..." { closing = i; break }
                i += 1
            }
            let unclosed = Diagnostic.error("markdown-front-matter-unclosed", "front matter is not closed",
                                            at: SourceSpan(file: file, line: 1, column: 1),
                                            help: "add a line with '---' after the last field of the front matter")
            guard let closing else {
                // A closing line mistyped (`--`, `----`, an em dash) after fields that read as
                // YAML: named, with the fix (session 37's trial was pointed at line 1 alone).
                // Spaced out too (`- - -`). Not a line of dashes under a paragraph of the body
                // (a heading's underline), nor one after a `#` heading, which YAML reads as a
                // comment: the line is in the body then, whatever the lines above read as.
                // A `#` line after a blank line is a heading of the body; right under a field
                // it is a YAML comment of the front matter (the review).
                var near: Int?
                var k = 2
                var body = false, blank = false
                while near == nil, !body, let line = lines.line(k) {
                    let t = line.trimmingTrailingSpaces()
                    if MarkdownLoader.isDashesLine(t) { near = k }
                    body = blank && MarkdownLoader.isATXHeading(t)
                    blank = t.isEmpty || (blank && MarkdownLoader.isATXHeading(t))
                    k += 1
                }
                guard let near, near > 2,
                      !yaml.load(text: MarkdownLoader.joined(lines, 1..<(near - 1), noCR: noCR), file: file, lineOffset: 1)
                          .1.contains(where: { $0.severity == .error })
                else { return (nil, [unclosed]) }
                var diagnostic = unclosed
                diagnostic.related = [RelatedLocation(SourceSpan(file: file, line: near, column: 1),
                                                      "this line is not '---', which closes the front matter")]
                diagnostic.help = "write '---' on line \(near) (three hyphens, nothing else)"
                return (nil, [diagnostic])
            }
            let yamlText = MarkdownLoader.joined(lines, 1..<(closing - 1), noCR: noCR)
            let (node, problems, forms) = yaml.loadKeepingForms(text: yamlText, file: file, lineOffset: 1)
            // A body after a blank line, then a '---' (a thematic break of the body): the
            // front matter was never closed, and its YAML fails inside the body.
            if let firstError = problems.first(where: { $0.severity == .error })?.span.start.line,
               let blank = (2..<closing).first(where: { lines.line($0)!.allSatisfy { $0 == " " || $0 == "\r" } }),
               blank < firstError {
                var diagnostic = unclosed
                diagnostic.related = [RelatedLocation(SourceSpan(file: file, line: closing, column: 1),
                                                      "this '---' stands in the body, after the blank line \(blank), and is read as the end of the front matter")]
                diagnostic.help = "add a line with '---' after the last field of the front matter, before line \(blank)"
                return (nil, [diagnostic])
            }
            diagnostics += problems
            frontMatter = node
            writtenForms = forms
            bodyStartLine = closing
        }
        // cmark-gfm reads U+0000 as U+FFFD (three bytes): it gets, and its byte columns are
        // mapped on, the text with that replacement made, so columns stay the editor's.
        // A body in NFC, as the front matter's texts are (`YAMLLoader`): accents written
        // decomposed (NFD, as some editors and macOS save them) reached the HTML as they were,
        // in text and in heading anchors, which a link or a search in NFC does not match
        // (session 38's trial). Columns after a decomposed accent on its line move by one.
        let withoutNUL = MarkdownLoader.contains(text, 0)
            ? String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\0" ? "\u{FFFD}" : $0 })) : nil
        let inNFC = NFC.isQuickYesFast(withoutNUL ?? text) ? nil : NFC.normalize(withoutNUL ?? text)
        let bodyLines = (inNFC ?? withoutNUL).map(SourceText.init) ?? lines
        let body = MarkdownLoader.joined(bodyLines, bodyStartLine..<bodyLines.lines.count, noCR: noCR)
        let (headings, links, tableRows, html) = MarkdownLoader.outline(body: body, lines: bodyLines, lineOffset: bodyStartLine,
                                                                        file: file)
        for row in tableRows { diagnostics += MarkdownLoader.pipesInCodeSpans(bodyLines.line(row) ?? "", line: row, file: file) }
        for span in html {
            diagnostics.append(.warning("markdown-raw-html", "raw HTML is not supported in a Markdown body: the site leaves out its tags "
                                            + "(a block of HTML, text and all), and the handbooks print them", at: span,
                                        help: "write it in Markdown (**bold**, lists, a blank line between paragraphs)"))
        }
        var document = MarkdownDocument(frontMatter: frontMatter, body: body, bodyLineOffset: bodyStartLine,
                                        headings: headings, links: links)
        document.writtenForms = writtenForms
        return (document, diagnostics)
    }

    /// Whether `text` holds the byte `byte` (`memchr` over the contiguous UTF-8).
    static func contains(_ text: String, _ byte: UInt8) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { buffer in
            guard let base = buffer.baseAddress else { return false }
            return memchr(base, Int32(byte), buffer.count) != nil
        } ?? text.utf8.contains(byte)
    }

    /// The lines `range` (0-based) joined with LF. Without a CR in the text they are the
    /// text between the first line's start and the last line's end, taken as one slice.
    static func joined(_ lines: SourceText, _ range: Range<Int>, noCR: Bool) -> String {
        guard noCR, !range.isEmpty else { return lines.lines[range].joined(separator: "\n") }
        let first = lines.lines[range.lowerBound], last = lines.lines[range.upperBound - 1]
        return String(first.base[first.startIndex..<last.endIndex])
    }

    /// Parses a body with cmark-gfm and lists its headings, links and images, the lines of
    /// the file that are rows of a table, and the places of raw HTML (blocks and inline tags).
    static func outline(body: String, lines: SourceText, lineOffset: Int, file: String)
        -> ([MarkdownDocument.Heading], [MarkdownDocument.Link], [Int], [SourceSpan]) {
        var tableRows: [Int] = []
        var html: [SourceSpan] = []
        var headings: [MarkdownDocument.Heading] = []
        var links: [MarkdownDocument.Link] = []
        var slugger = Slugger()
        let source = SourceFile(file)
        CMark.withDocument(body) { doc in
            let iter = cmark_iter_new(doc)
            defer { cmark_iter_free(iter) }
            while true {
                let ev = cmark_iter_next(iter)
                if ev == CMARK_EVENT_DONE { break }
                guard ev == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iter) else { continue }
                let type = cmark_node_get_type(node)
                if let name = cmark_node_get_type_string(node),
                   strcmp(name, "table_row") == 0 || strcmp(name, "table_header") == 0 {
                    tableRows.append(Int(cmark_node_get_start_line(node)) + lineOffset)
                }
                func span() -> SourceSpan {
                    let line = Int(cmark_node_get_start_line(node)) + lineOffset
                    let byteColumn = Int(cmark_node_get_start_column(node))
                    let endLine = Int(cmark_node_get_end_line(node)) + lineOffset
                    let endByte = Int(cmark_node_get_end_column(node))
                    return SourceSpan(
                        source: source,
                        start: SourcePosition(line: line, column: lines.characterColumn(line: line, byteColumn: byteColumn)),
                        end: SourcePosition(line: endLine, column: lines.characterColumn(line: endLine, byteColumn: endByte + 1)))
                }
                if type == CMARK_NODE_HEADING {
                    let text = CMark.plainText(node)
                    headings.append(.init(level: Int(cmark_node_get_heading_level(node)), text: text,
                                          anchor: slugger.slug(text), span: span()))
                } else if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE {
                    let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                    // A written link starts with '[', '![' or '<'; a bare address the autolink
                    // extension linked has no position, or (www.…) one a column early.
                    let given = cmark_node_get_start_line(node) > 0 ? span() : nil
                    let written = given.flatMap { g in
                        lines.line(g.start.line).flatMap { $0.unicodeScalars.dropFirst(g.start.column - 1).first }
                    }.map { "[!<".unicodeScalars.contains($0) } ?? false
                    let at = written ? given!
                        : autolinkSpan(node, text: CMark.plainText(node), lines: lines, lineOffset: lineOffset, file: file)
                    links.append(.init(destination: url, isImage: type == CMARK_NODE_IMAGE, span: at))
                } else if type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE, cmark_node_get_start_line(node) > 0 {
                    // Raw HTML starts with '<'. cmark-gfm places inline nodes of a table's cells
                    // elsewhere (past the end of a line, found by fuzzing): then the tag is looked
                    // for in the lines of its block, as a bare address is.
                    let given = span()
                    let atTag = lines.line(given.start.line).flatMap { $0.unicodeScalars.dropFirst(given.start.column - 1).first } == "<"
                    if atTag {
                        html.append(given)
                    } else {
                        let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                        let tag = String(literal.prefix { $0 != "\n" && $0 != "\r" })
                        html.append(autolinkSpan(node, text: tag, lines: lines, lineOffset: lineOffset, file: file))
                    }
                }
            }
        }
        return (headings, links, tableRows, html)
    }

    /// The place of a link the autolink extension made from a bare address
    /// (`https://…`, `www.…`), which cmark-gfm leaves without a source position (or, for
    /// `www.…`, one column early), or of raw HTML it places wrongly (in a table's cells):
    /// where its text first stands in the lines of the nearest enclosing block that has a
    /// position, else of the next block out that has one (a table's header row that
    /// cmark-gfm places on the line above it), else the start of the nearest block.
    static func autolinkSpan(_ node: OpaquePointer, text: String, lines: SourceText, lineOffset: Int, file: String) -> SourceSpan {
        var block = cmark_node_parent(node)
        while let b = block, cmark_node_get_start_line(b) == 0 { block = cmark_node_parent(b) }
        guard let nearest = block else { return .wholeFile(file) }
        var outer: OpaquePointer? = nearest
        while let b = outer, !text.isEmpty {
            if cmark_node_get_start_line(b) > 0 {
                let first = Int(cmark_node_get_start_line(b)) + lineOffset
                let last = max(first, Int(cmark_node_get_end_line(b)) + lineOffset)
                for number in first...last {
                    guard let line = lines.line(number), let range = line.firstRange(of: text) else { continue }
                    let column = line.unicodeScalars[line.startIndex..<range.lowerBound].count + 1
                    return SourceSpan(file: file, start: SourcePosition(line: number, column: column),
                                      end: SourcePosition(line: number, column: column + text.unicodeScalars.count))
                }
            }
            outer = cmark_node_parent(b)
        }
        let first = Int(cmark_node_get_start_line(nearest)) + lineOffset
        let column = lines.characterColumn(line: first, byteColumn: Int(cmark_node_get_start_column(nearest)))
        return SourceSpan(file: file, line: first, column: column)
    }

    /// cmark-gfm splits a table row into cells on every '|' not escaped with '\\', even
    /// inside a code span, so the rest of the row is cut off or shifted into other cells.
    /// Reports each such '|' at its place.
    static func pipesInCodeSpans(_ row: Substring, line: Int, file: String) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let chars = Array(row)
        var i = 0
        func backticks(at k: Int) -> Int {
            var n = 0
            while k + n < chars.count, chars[k + n] == "`" { n += 1 }
            return n
        }
        while i < chars.count {
            if chars[i] == "\\" { i += 2; continue }
            let open = backticks(at: i)
            guard open > 0 else { i += 1; continue }
            // The closing run: the next run of exactly as many backticks.
            var j = i + open
            var close: Int?
            while j < chars.count {
                let run = backticks(at: j)
                if run == open { close = j; break }
                j += max(run, 1)
            }
            guard let close else { i += open; continue }
            for k in (i + open)..<close where chars[k] == "|" && chars[k - 1] != "\\" {
                let column = chars[..<k].reduce(0) { $0 + $1.unicodeScalars.count } + 1
                out.append(.error("markdown-table-pipe-in-code",
                                  "this '|' inside a code span ends the table cell: the rest of the row is cut off",
                                  at: SourceSpan(file: file, start: SourcePosition(line: line, column: column),
                                                 end: SourcePosition(line: line, column: column + 1)),
                                  help: "write \\| inside a code span in a table"))
            }
            i = close + open
        }
        return out
    }
}

/// Thin helpers over cmark-gfm's C API.
public enum CMark {
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// Parses `text` with the GFM extensions and hands the document to `body`; the tree
    /// is freed afterwards.
    public static func withDocument<T>(_ text: String, options: Int32 = MarkdownLoader.options,
                                       _ body: (OpaquePointer) -> T) -> T {
        withDocument(text, options: options) { doc, _ in body(doc) }
    }

    /// Like `withDocument`, also handing over the parser's extension list, which the
    /// HTML renderer needs to render tables, strikethrough and task lists.
    public static func withDocument<T>(_ text: String, options: Int32 = MarkdownLoader.options,
                                       _ body: (OpaquePointer, UnsafeMutablePointer<cmark_llist>?) -> T) -> T {
        _ = registered
        let parser = cmark_parser_new(options)!
        defer { cmark_parser_free(parser) }
        for name in MarkdownLoader.extensions {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        // The text's own UTF-8 where it is contiguous (a native string): copying it into an
        // array first cost a copy of every body (issue 13).
        func feed(_ buffer: UnsafeBufferPointer<UInt8>) {
            guard let base = buffer.baseAddress, buffer.count > 0 else { return }
            base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parser_feed(parser, $0, buffer.count)
            }
        }
        if text.utf8.withContiguousStorageIfAvailable(feed) == nil {
            Array(text.utf8).withUnsafeBufferPointer(feed)
        }
        let doc = cmark_parser_finish(parser)!
        defer { cmark_node_free(doc) }
        return body(doc, cmark_parser_get_syntax_extensions(parser))
    }

    /// The text of a node's inline content, without markup.
    public static func plainText(_ node: OpaquePointer) -> String {
        var out = ""
        let iter = cmark_iter_new(node)
        defer { cmark_iter_free(iter) }
        while true {
            let ev = cmark_iter_next(iter)
            if ev == CMARK_EVENT_DONE { break }
            guard ev == CMARK_EVENT_ENTER, let n = cmark_iter_get_node(iter) else { continue }
            let t = cmark_node_get_type(n)
            if t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE {
                out += cmark_node_get_literal(n).map { String(cString: $0) } ?? ""
            } else if t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK {
                out += " "
            }
        }
        return out
    }
}

/// Turns heading text into unique anchors the way GitHub does: lower case, letters,
/// digits, spaces become hyphens, other punctuation dropped; a repeated anchor gets the
/// first free `-1`, `-2`… (so "Taller 1", "Taller", "Taller" give `taller-1`, `taller`,
/// `taller-2`). Anchors are in NFC, whatever form the heading was saved in, so that a
/// heading written by a macOS tool (NFD) and a link typed elsewhere (NFC) meet. The one
/// function that makes anchors, for the check and every output.
public struct Slugger: Sendable {
    /// Every anchor given so far, and for each base the last suffix tried.
    private var used: [String: Int] = [:]

    public init() {}

    /// The next unique anchor for a heading's text.
    public mutating func slug(_ text: String) -> String {
        let base = Slugger.slugify(text)
        var result = base
        while used[result] != nil {
            let n = used[base, default: 0] + 1
            used[base] = n
            result = "\(base)-\(n)"
        }
        used[result] = 0
        return result
    }

    /// The anchor of a text, before making it unique.
    public static func slugify(_ text: String) -> String {
        latinSlug(text) ?? slugifyByCharacters(text)
    }

    /// `slugify` character by character, for any text.
    static func slugifyByCharacters(_ text: String) -> String {
        var out = ""
        for ch in NFC.normalize(text).lowercased() {
            if ch.isLetter || ch.isNumber || ch == "-" || ch == "_" {
                out.append(ch)
            } else if ch == " " {
                out.append("-")
            }
        }
        return NFC.normalize(out)
    }

    /// `slugify` by bytes for a text of ASCII and U+00A0–U+00FF (most headings of the
    /// tree), or nil for any other text. Each of these scalars is a character of its own
    /// (none combines; "\r\n", one character, is dropped either way), already in NFC;
    /// letters are A–Z, a–z and U+00C0–U+00FF but × and ÷, lowercased by +0x20 up to
    /// U+00DE (ß stays ß); numbers are 0–9; U+00A0–U+00BF holds no letter or number but
    /// ª, µ (lowercased to μ), º, ², ³, ¹, ¼, ½, ¾, which are left to `slugify`.
    static func latinSlug(_ text: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var bytes = text.utf8.makeIterator()
        while let b = bytes.next() {
            switch b {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): out.append(b + 0x20)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"):
                out.append(b)
            case UInt8(ascii: " "): out.append(UInt8(ascii: "-"))
            case 0x00..<0x80: break
            case 0xC2:
                // U+0080–U+00BF.
                guard let c = bytes.next() else { return nil }
                switch c {
                case 0xAA, 0xB5, 0xBA, 0xB2, 0xB3, 0xB9, 0xBC, 0xBD, 0xBE: return nil
                default: break
                }
            case 0xC3:
                // U+00C0–U+00FF.
                guard let c = bytes.next() else { return nil }
                if c == 0x97 || c == 0xB7 { break } // × ÷
                out.append(0xC3)
                out.append(c <= 0x9E ? c + 0x20 : c)
            default:
                return nil
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension Substring {
    func trimmingTrailingSpaces() -> Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return s
    }
}

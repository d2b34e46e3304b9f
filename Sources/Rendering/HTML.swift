import Presentation

/// HTML helpers for text that does not go through a template.
public enum HTML {
    /// Escapes text for HTML content and attribute values: `< > & " '`, its directional
    /// controls kept inside it (`BidiControls`).
    public static func escape(_ s: String) -> String {
        // Most texts have nothing to escape: one pass over the bytes, eight at a time, says
        // so (a byte at a time, through the string's view, this was 1.4% of the handbooks'
        // instructions).
        var s = s
        guard s.withUTF8(needsEscape) else { return s }
        var out: [UInt8] = []
        escape(s, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Escapes text into UTF-8 bytes: runs of bytes that need no escape are copied as
    /// they are (every escaped character is ASCII, so a byte is a character).
    public static func escape(_ s: String, into out: inout [UInt8]) {
        // A native string's bytes are read in place; only another (bridged) is copied.
        if s.utf8.withContiguousStorageIfAvailable({ escape(utf8: $0, into: &out) }) != nil { return }
        var s = s
        s.withUTF8 { escape(utf8: $0, into: &out) }
    }

    /// Escapes UTF-8 text into `out` (`escape(_:into:)`), its directional controls kept
    /// inside it (`BidiControls`: an unmatched closer left out, the closers of what it
    /// leaves open appended, the whole put in an isolate when it holds an embedding, a
    /// line or paragraph separator made a space). Eight bytes at a time are skipped while none of them is one
    /// of the five or the first byte of a directional control (most text has none: a byte
    /// at a time, this was 4% of the site's pages' CPU, issue 13).
    static func escape(utf8 b: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        guard let base = b.baseAddress else { return }
        out.reserveCapacity(out.count + b.count)
        let n = b.count
        var run = 0
        var i = 0
        var bidi = BidiControls()
        let start = out.count
        while i < n {
            while i + 8 <= n, !mayNeedEscape(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) { i += 8 }
            let stop = min(n, i + 8)
            while i < stop {
                let entity: StaticString
                switch base[i] {
                case UInt8(ascii: "<"): entity = "&lt;"
                case UInt8(ascii: ">"): entity = "&gt;"
                case UInt8(ascii: "&"): entity = "&amp;"
                case UInt8(ascii: "\""): entity = "&quot;"
                case UInt8(ascii: "'"): entity = "&#39;"
                case 0xE2:
                    // Valid UTF-8: a lead byte 0xE2 has its two continuation bytes.
                    if i + 2 < n, let control = BidiControls.scalar(base[i + 1], base[i + 2]), !bidi.keeps(control) {
                        if i > run { out.append(contentsOf: UnsafeBufferPointer(start: base + run, count: i - run)) }
                        run = i + 3
                    } else if i + 2 < n, BidiControls.isSeparator(base[i + 1], base[i + 2]) {
                        if i > run { out.append(contentsOf: UnsafeBufferPointer(start: base + run, count: i - run)) }
                        out.append(0x20)
                        run = i + 3
                    }
                    i += 3
                    continue
                default:
                    i += 1
                    continue
                }
                if i > run { out.append(contentsOf: UnsafeBufferPointer(start: base + run, count: i - run)) }
                entity.withUTF8Buffer { out.append(contentsOf: $0) }
                i += 1
                run = i
            }
        }
        if n > run { out.append(contentsOf: UnsafeBufferPointer(start: base + run, count: n - run)) }
        if !bidi.addsNothing {
            out.append(contentsOf: bidi.suffix.utf8)
            out.insert(contentsOf: bidi.prefix.utf8, at: start)
        }
    }

    /// Whether `escape` would change `b`: some byte is `<`, `>`, `&`, `"` or `'`, or it
    /// holds a directional control or a line or paragraph separator (`BidiControls`).
    static func needsEscape(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = b.baseAddress else { return false }
        let n = b.count
        var i = 0
        while i < n {
            while i + 8 <= n, !mayNeedEscape(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) { i += 8 }
            let stop = min(n, i + 8)
            while i < stop {
                switch base[i] {
                case 0x3C, 0x3E, 0x26, 0x22, 0x27: return true
                case 0xE2:
                    if i + 2 < n, BidiControls.scalar(base[i + 1], base[i + 2]) != nil || BidiControls.isSeparator(base[i + 1], base[i + 2]) {
                        return true
                    }
                    i += 3
                default: i += 1
                }
            }
        }
        return false
    }

    /// Whether some byte of the eight in `word` is `<`, `>`, `&`, `"`, `'` or 0xE2, the
    /// first byte of every directional control (exact: a word has a zero byte exactly when
    /// `(x - 0x01…) & ~x & 0x80…` is not zero). Typography's quotes and dashes start with
    /// 0xE2 as well: their words are looked at a byte at a time.
    @inline(__always)
    static func mayNeedEscape(_ word: UInt64) -> Bool {
        @inline(__always) func has(_ byte: UInt64) -> UInt64 {
            let x = word ^ (byte &* 0x0101_0101_0101_0101)
            return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
        }
        return (has(0x3C) | has(0x3E) | has(0x26) | has(0x22) | has(0x27) | has(0xE2)) != 0
    }

    /// `html` with the outputs' `Typography` in its text: the runs between tags, except
    /// inside `code`, `pre`, `script` and `style` elements; the tags and their attributes
    /// (addresses, ids) stay as written. For a page whose reader text is written in the
    /// template itself (the compliance pages, `pages/<name>.<lang>.mustache`), which no
    /// presentation value carries; every other reader text has its typography already.
    public static func typesetText(_ html: String) -> String {
        var out = ""
        out.reserveCapacity(html.utf8.count + 64)
        var rest = html[...]
        var skipping: Substring?  // the closing tag of the element whose text stays as written
        // A quotation goes on across inline tags (a link, an emphasis), not into another block.
        var quotation = Typography.Quotation()
        // Whether the text before the tags since, in the block, ended with a letter or a digit.
        var previousEndsWord = false
        while let open = rest.firstIndex(of: "<") {
            var text = String(rest[..<open])
            // Only a text that ends with `'` looks at the text after the tags that follow,
            // and one that starts with `'` at the text before the tags that came.
            quotation.followedByWord = text.utf8.last == UInt8(ascii: "'") && HTML.textStartsWord(rest[open...])
            quotation.precededByWord = text.utf8.first == UInt8(ascii: "'") && previousEndsWord
            if !text.isEmpty { previousEndsWord = text.withUTF8 { Typography.endsWord($0) } }
            out += skipping == nil ? Typography.prose(text, quotation: &quotation) : text
            quotation.followedByWord = false
            quotation.precededByWord = false
            guard let close = rest[open...].firstIndex(of: ">") else { rest = rest[open...]; break }
            let tag = rest[open...close]
            out += tag
            let name = tag.dropFirst().prefix { $0.isLetter || $0.isNumber || $0 == "/" }.lowercased()
            let element = name.hasPrefix("/") ? String(name.dropFirst()) : name
            if !HTML.inlineElements.contains(element) { quotation = Typography.Quotation() }
            // Code, or a block's tag, is no word before the text after it.
            if !HTML.inlineElements.contains(element) || ["code", "kbd", "samp", "var"].contains(element) { previousEndsWord = false }
            if let end = skipping {
                if name == end { skipping = nil }
            } else if ["code", "pre", "script", "style"].contains(name) {
                skipping = "/" + name
            }
            rest = rest[rest.index(after: close)...]
        }
        out += skipping == nil ? Typography.prose(String(rest), quotation: &quotation) : String(rest)
        return out
    }

    /// Whether the text after the inline tags that begin `html` starts with a letter or a
    /// digit (`Typography.Quotation.followedByWord`): `<a href=x>empresa` does; code
    /// (`<code>`, `<kbd>`, `<samp>`, `<var>`, as a Markdown code span is no word) and a
    /// block's tag end the look.
    static func textStartsWord(_ html: Substring) -> Bool {
        var rest = html
        while rest.first == "<" {
            guard let close = rest.firstIndex(of: ">") else { return false }
            let name = rest.dropFirst().prefix { $0.isLetter || $0.isNumber || $0 == "/" }.lowercased()
            guard HTML.inlineElements.contains(name.hasPrefix("/") ? String(name.dropFirst()) : name), !["code", "kbd", "samp", "var"].contains(name) else { return false }
            rest = rest[rest.index(after: close)...]
        }
        var text = String(rest.prefix(4))
        return text.withUTF8 { Typography.startsWord($0) }
    }

    /// The elements a sentence goes on across (`typesetText`): phrasing content that
    /// writers put inside a sentence; any other tag starts a new block of text.
    static let inlineElements: Set<String> = ["a", "abbr", "b", "bdi", "cite", "code", "em", "i", "kbd", "mark", "q", "s",
                                              "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var"]
}

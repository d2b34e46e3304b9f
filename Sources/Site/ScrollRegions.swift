import Foundation
import Loading
import Rendering

/// Keeps wide tables from widening the page (WCAG 2.1 success criterion 1.4.10, reflow
/// at 320 CSS pixels): every `<table>` of a page's content is put in a scroll region of
/// its own, `<div class="table-scroll" role="region" aria-label… tabindex="0">`, so that
/// on a narrow screen the table scrolls sideways inside its box (reachable with the
/// keyboard, named for screen readers) and the page does not. The stylesheet keeps the
/// first column of such a table in view while it scrolls.
///
/// The region is named after the table: its `<caption>`, else the element its own
/// `aria-labelledby` names, else the nearest heading before it with an `id`, else
/// `fallback` (the page title). Tables are never nested in the site's pages.
enum ScrollRegions {
    static func wrap(_ html: String, fallback: String) -> String {
        String(decoding: wrap(Array(html.utf8), fallback: fallback), as: UTF8.self)
    }

    /// `wrap` on the UTF-8 bytes of a page.
    static func wrap(_ html: [UInt8], fallback: String) -> [UInt8] {
        guard var start = HTMLBytes.find("<table", in: html) else { return html }
        var out: [UInt8] = []
        out.reserveCapacity(html.count + 512)
        var rest = 0
        var lastHeadingID: String?
        while true {
            lastHeadingID = lastHeading(in: html, from: rest, to: start) ?? lastHeadingID
            out.append(contentsOf: html[rest..<start])
            guard let close = HTMLBytes.find("</table>", in: html, from: start + 6) else {
                rest = start
                break
            }
            let end = close + 8
            out.append(contentsOf: "<div class=\"table-scroll\" role=\"region\" ".utf8)
            out.append(contentsOf: name(of: html, from: start, to: end, heading: lastHeadingID, fallback: fallback).utf8)
            out.append(contentsOf: " tabindex=\"0\">".utf8)
            out.append(contentsOf: html[start..<end])
            out.append(contentsOf: "</div>".utf8)
            rest = end
            guard let next = HTMLBytes.find("<table", in: html, from: rest) else { break }
            start = next
        }
        out.append(contentsOf: html[rest...])
        return out
    }

    /// The naming attribute of the region of the table `html[from..<to]`.
    static func name(of html: [UInt8], from: Int, to: Int, heading: String?, fallback: String) -> String {
        if let open = HTMLBytes.find("<caption", in: html, from: from, to: to),
           let close = HTMLBytes.find("</caption>", in: html, from: from, to: to),
           let gt = HTMLBytes.find(byte: UInt8(ascii: ">"), in: html, from: open + 8, to: to), gt < close {
            let text = plainText(html[(gt + 1)..<close])
            if !text.isEmpty { return "aria-label=\"\(HTML.escape(text))\"" }
        }
        let head = HTMLBytes.find(byte: UInt8(ascii: ">"), in: html, from: from, to: to) ?? to
        if let id = HTMLBytes.attribute("aria-labelledby", in: html, from: from, to: head) { return "aria-labelledby=\"\(id)\"" }
        if let heading { return "aria-labelledby=\"\(heading)\"" }
        return "aria-label=\"\(HTML.escape(fallback))\""
    }

    /// The `id` of the last `<h2>`…`<h6>` with one in `html[from..<to]`.
    static func lastHeading(in html: [UInt8], from: Int, to: Int) -> String? {
        var found: String?
        var rest = from
        while let open = HTMLBytes.find("<h", in: html, from: rest, to: to) {
            let after = open + 2
            if after < to, (UInt8(ascii: "2")...UInt8(ascii: "6")).contains(html[after]),
               let gt = HTMLBytes.find(byte: UInt8(ascii: ">"), in: html, from: after, to: to) {
                if let id = HTMLBytes.attribute("id", in: html, from: after, to: gt) { found = id }
                rest = gt
            } else {
                rest = after
            }
        }
        return found
    }

    /// The text of some HTML, its tags removed and its spaces collapsed (entities kept as
    /// written, decoded once so that escaping again gives the same text). Works on the
    /// UTF-8 bytes (`<` and `>` are ASCII); spaces are collapsed by bytes when the text is
    /// ASCII, else by characters (a no-break space is a space too).
    static func plainText(_ html: Substring) -> String {
        plainText(html.utf8)
    }

    /// `plainText` of the UTF-8 bytes of some HTML (a part of a page, cut at ASCII bytes).
    static func plainText<Bytes: Sequence>(_ html: Bytes) -> String where Bytes.Element == UInt8 {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(html.underestimatedCount)
        var inTag = false
        var ascii = true
        for b in html {
            if b == UInt8(ascii: "<") { inTag = true } else if b == UInt8(ascii: ">") { inTag = false } else if !inTag {
                bytes.append(b)
                if b >= 0x80 { ascii = false }
            }
        }
        guard ascii else { return unescape(collapsingSpaces(String(decoding: bytes, as: UTF8.self))) }
        var words: [UInt8] = []
        words.reserveCapacity(bytes.count)
        var pending = false
        for b in bytes {
            if b == 0x20 || (0x09...0x0D).contains(b) {
                pending = !words.isEmpty
            } else {
                if pending { words.append(0x20); pending = false }
                words.append(b)
            }
        }
        return unescape(String(decoding: words, as: UTF8.self))
    }

    /// The words of a text, split at white space and joined by one space: the text's
    /// characters split where `Character.isWhitespace` (a character is white space when its
    /// first scalar is), read by Unicode scalars (splitting by characters found grapheme
    /// boundaries, and asked each character's properties: ~1.5% of the site's pages' CPU
    /// at 947 municipalities, issue 13). Scalars give the same split unless white space and
    /// another scalar make one character: after it a mark, joiner or modifier (grapheme
    /// rules GB9, GB9a), before it a prepended mark (GB9b); where a non-ASCII scalar that
    /// might be one (`mayJoinSpace`) meets white space, the text is split by characters.
    static func collapsingSpaces(_ text: String) -> String {
        // Into bytes: appending each scalar to a `String` cost ~440 instructions a scalar
        // (0.5% of a site build at 947 municipalities; callgrind).
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pending = false
        var previous: Unicode.Scalar?
        var previousIsSpace = false
        for scalar in text.unicodeScalars {
            let space = scalar.value < 0x80 ? scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
            if let previous, space != previousIsSpace {
                let other = space ? previous : scalar
                if other.value >= 0x80, mayJoinSpace(other) { return text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
            }
            if space {
                pending = !out.isEmpty
            } else {
                if pending { out.append(0x20) }
                pending = false
                if scalar.value < 0x80 { out.append(UInt8(scalar.value)) } else { UTF8.encode(scalar) { out.append($0) } }
            }
            previous = scalar
            previousIsSpace = space
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether a non-ASCII scalar may make one character with white space next to it:
    /// every scalar of the grapheme classes Extend, ZWJ, SpacingMark and Prepend is of one
    /// of these general categories (and so are many others, which are then split by
    /// characters, as before).
    static func mayJoinSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .format, .modifierSymbol, .modifierLetter, .otherLetter,
             .unassigned, .surrogate, .privateUse: return true
        default: return false
        }
    }

    /// The five entities `HTML.escape` writes, and what they stand for.
    static let entities: [(name: [UInt8], char: UInt8)] = [
        ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&"),
    ].map { (Array($0.0.utf8), UInt8(ascii: $0.1)) }

    /// Decodes the five entities `HTML.escape` writes, in one pass over the bytes.
    static func unescape(_ s: String) -> String {
        guard s.utf8.contains(UInt8(ascii: "&")) else { return s }
        var out: [UInt8] = []
        var s = s
        s.withUTF8 { b in
            out.reserveCapacity(b.count)
            var i = 0
            next: while i < b.count {
                if b[i] == UInt8(ascii: "&") {
                    for e in entities where b.hasPrefix(e.name, at: i) {
                        out.append(e.char)
                        i += e.name.count
                        continue next
                    }
                }
                out.append(b[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

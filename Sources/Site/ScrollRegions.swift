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
        guard html.utf8Contains("<table") else { return html }
        var out = ""
        out.reserveCapacity(html.utf8.count + 512)
        var rest = html[...]
        var lastHeadingID: String?
        while let start = rest.utf8Range(of: "<table") {
            let before = rest[..<start.lowerBound]
            lastHeadingID = lastHeading(in: before) ?? lastHeadingID
            out += before
            guard let end = rest.utf8Range(of: "</table>", from: start.upperBound) else {
                rest = rest[start.lowerBound...]
                break
            }
            let table = rest[start.lowerBound..<end.upperBound]
            out += "<div class=\"table-scroll\" role=\"region\" " + name(of: table, heading: lastHeadingID, fallback: fallback)
                + " tabindex=\"0\">" + table + "</div>"
            rest = rest[end.upperBound...]
        }
        out += rest
        return out
    }

    /// The naming attribute of a table's region.
    static func name(of table: Substring, heading: String?, fallback: String) -> String {
        if let open = table.utf8Range(of: "<caption"), let close = table.utf8Range(of: "</caption>"),
           let gt = table[open.upperBound...].firstIndex(of: ">"), gt < close.lowerBound {
            let text = plainText(table[table.index(after: gt)..<close.lowerBound])
            if !text.isEmpty { return "aria-label=\"\(HTML.escape(text))\"" }
        }
        let head = table[..<(table.firstIndex(of: ">") ?? table.endIndex)]
        if let id = attribute("aria-labelledby", in: head) { return "aria-labelledby=\"\(id)\"" }
        if let heading { return "aria-labelledby=\"\(heading)\"" }
        return "aria-label=\"\(HTML.escape(fallback))\""
    }

    /// The `id` of the last `<h2>`…`<h6>` with one in `html`.
    static func lastHeading(in html: Substring) -> String? {
        var found: String?
        var rest = html
        while let open = rest.utf8Range(of: "<h") {
            let after = rest[open.upperBound...]
            if let level = after.first, ("2"..."6").contains(level),
               let gt = after.firstIndex(of: ">") {
                if let id = attribute("id", in: after[..<gt]) { found = id }
                rest = after[gt...]
            } else {
                rest = after
            }
        }
        return found
    }

    /// The value of `name="…"` in a start tag (as oae writes it: double quotes, escaped).
    static func attribute(_ name: String, in tag: Substring) -> String? {
        guard let r = tag.utf8Range(of: " \(name)=\"") else { return nil }
        let value = tag[r.upperBound...]
        guard let q = value.firstIndex(of: "\"") else { return nil }
        return String(value[..<q])
    }

    /// The text of some HTML, its tags removed and its spaces collapsed (entities kept as
    /// written, decoded once so that escaping again gives the same text).
    static func plainText(_ html: Substring) -> String {
        var text = ""
        var inTag = false
        for c in html {
            if c == "<" { inTag = true } else if c == ">" { inTag = false } else if !inTag { text.append(c) }
        }
        let words = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return unescape(words)
    }

    /// Decodes the five entities `HTML.escape` writes.
    static func unescape(_ s: String) -> String {
        guard s.utf8.contains(UInt8(ascii: "&")) else { return s }
        return s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}

import Foundation
import Loading
import Rendering

/// An entry of a page's breadcrumbs before the page itself: a page, or a section of one.
struct Crumb: Sendable {
    var label: String
    var route: SiteRoute
    var fragment: String?
    /// The label's language when it is not the page's (`LayoutView.Crumb.lang`).
    var lang: String?
}

extension Layout {
    /// The trail from the home page to a page's parent: the home page, the offices index
    /// for an office's pages, the page's own trail, then the section of the parent page
    /// the page belongs to (a model service sits in the model's "Services" section, a
    /// local procedure in its office's "Procedures").
    func trail(_ content: PageContent, route: SiteRoute, language: SiteLanguage) -> [Crumb] {
        guard route != .home else { return [] }
        var out = [Crumb(label: language["nav_home"], route: .home)]
        if Layout.section(of: route) == .offices, route != .offices {
            out.append(Crumb(label: language["nav_offices"], route: .offices))
        }
        out += content.breadcrumbs.map { Crumb(label: $0.label, route: $0.route, lang: fallbackLanguage(of: $0.label, at: $0.route, language)) }
        if let level = Layout.sectionLevel(of: route) {
            out.append(Crumb(label: language[level.key], route: level.parent, fragment: level.fragment))
        }
        return out
    }

    /// The language of a crumb's label when it is an office's name shown in another
    /// language for want of a translation (the label an office's pages give their office).
    func fallbackLanguage(of label: String, at route: SiteRoute, _ language: SiteLanguage) -> String? {
        guard case let .office(slug) = route else { return nil }
        let name = language.text(site.office(slug)?["name"])
        return name.fallback && name.text == label ? name.lang : nil
    }

    /// The section of its parent page a page belongs to, as the key of its heading.
    static func sectionLevel(of route: SiteRoute) -> (key: String, parent: SiteRoute, fragment: String)? {
        switch route {
        case .service: return ("services", .modelIndex, "services")
        case .procedure: return ("procedures", .modelIndex, "procedures")
        case .role: return ("roles", .modelIndex, "roles")
        case .training: return ("training_modules", .modelIndex, "training")
        case .indicator: return ("indicators", .modelIndex, "indicators")
        case let .localService(m, _): return ("office_services_heading", .office(m), "services")
        case let .localProcedure(m, _): return ("office_procedures_heading", .office(m), "procedures")
        default: return nil
        }
    }

    /// The entry of the main navigation a page belongs to when its builder names none.
    static func section(of route: SiteRoute) -> NavSection? {
        switch route {
        case .home: return .home
        case .offices, .office, .localService, .localProcedure, .charter: return .offices
        case .modelIndex, .service, .procedure, .role, .training, .indicator, .communication, .proposals, .changelog: return .model
        case .comparison: return .comparison
        case .progress, .agreements, .agreement, .assessment, .assessmentPrint, .expansion, .budgets: return .progress
        case .downloads, .openData: return .downloads
        case .search: return .search
        case .notFound, .accessibility, .legalNotice, .contact: return nil
        }
    }

    /// The interface word of a compliance page in the footer.
    static func footerKey(_ route: SiteRoute) -> String {
        switch route {
        case .legalNotice: return "footer_legal_notice"
        case .contact: return "footer_contact"
        default: return "footer_accessibility"
        }
    }

    /// The interface word that says what a page is in the search results.
    static func searchKindKey(_ route: SiteRoute) -> String {
        switch route {
        case .office: return "search_kind.office"
        case .localService: return "search_kind.local_service"
        case .localProcedure: return "search_kind.local_procedure"
        case .service: return "search_kind.service"
        case .procedure: return "search_kind.procedure"
        case .role: return "search_kind.role"
        case .training: return "search_kind.training"
        case .indicator: return "search_kind.indicator"
        case .charter: return "search_kind.charter"
        case .agreement: return "search_kind.agreement"
        // The programme's records: a result read "Page" (session 45's trial).
        case .progress, .agreements, .expansion, .budgets, .assessment: return "search_kind.programme"
        default: return "search_kind.page"
        }
    }

    /// Keeps labels out of the search snippets, and values apart: the terms of a
    /// description list (`Àmbit`, `Cost`) and table headers are not indexed, and cells
    /// and list items written edge to edge get a line break between them, so that Pagefind
    /// sees a word boundary there.
    /// The result is the page's UTF-8 bytes, inserted into the layout as they are.
    static func searchable(_ html: [UInt8]) -> [UInt8] {
        html.withUnsafeBufferPointer { bytes -> [UInt8] in
            var out: [UInt8] = []
            var i = 0
            var copied = 0
            while i < bytes.count {
                // The next `<` (memchr); `searchRule` compares the bytes after it.
                guard let base = bytes.baseAddress,
                      let found = memchr(base + i, Int32(UInt8(ascii: "<")), bytes.count - i) else { break }
                i = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                guard let rule = searchRule(bytes, at: i) else { i += 1; continue }
                if copied == 0 { out.reserveCapacity(bytes.count + bytes.count / 16) }
                let at = rule < 2 ? 3 : rule == 2 ? 6 : 5
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<(i + at)]))
                if rule < 3 {
                    StaticString(" data-pagefind-ignore").withUTF8Buffer { out.append(contentsOf: $0) }
                } else {
                    out.append(0x0A)
                }
                copied = i + at
                i += at
            }
            if copied == 0 { return html }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return out
        }
    }

    /// The index in `searchRules` of the first rule whose `match` begins at `i` (where
    /// `bytes[i]` is `<`), found by comparing bytes: trying the rules in turn copied
    /// (retained) each rule's arrays at every `<` of every page, 5% of the pages' CPU at
    /// 947 municipalities (issue 13). `PageBytesTests` checks it against the table.
    @inline(__always)
    static func searchRule(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        let left = b.count - i
        guard left >= 4 else { return nil }
        switch b[i + 1] {
        case UInt8(ascii: "d"):
            // `<dt>`, `<dt class=`
            guard b[i + 2] == UInt8(ascii: "t") else { return nil }
            if b[i + 3] == UInt8(ascii: ">") { return 0 }
            guard left >= 10, b[i + 3] == 0x20, b[i + 4] == UInt8(ascii: "c"), b[i + 5] == UInt8(ascii: "l"),
                  b[i + 6] == UInt8(ascii: "a"), b[i + 7] == UInt8(ascii: "s"), b[i + 8] == UInt8(ascii: "s"),
                  b[i + 9] == UInt8(ascii: "=") else { return nil }
            return 1
        case UInt8(ascii: "t"):
            // `<thead>`
            guard left >= 7, b[i + 2] == UInt8(ascii: "h"), b[i + 3] == UInt8(ascii: "e"), b[i + 4] == UInt8(ascii: "a"),
                  b[i + 5] == UInt8(ascii: "d"), b[i + 6] == UInt8(ascii: ">") else { return nil }
            return 2
        case UInt8(ascii: "/"):
            // `</xx><yy`, for the pairs of the table.
            guard left >= 8, b[i + 4] == UInt8(ascii: ">"), b[i + 5] == UInt8(ascii: "<") else { return nil }
            let closed = (b[i + 2], b[i + 3]), opened = (b[i + 6], b[i + 7])
            let d = UInt8(ascii: "d"), t = UInt8(ascii: "t"), h = UInt8(ascii: "h"), l = UInt8(ascii: "l"), li = UInt8(ascii: "i")
            if closed == (d, d) { return opened == (d, t) ? 3 : nil }
            if closed == (d, t) { return opened == (d, d) ? 4 : nil }
            if closed == (t, h) { return opened == (t, d) ? 5 : nil }
            if closed == (t, d) { return opened == (t, d) ? 6 : nil }
            if closed == (l, li) { return opened == (l, li) ? 7 : nil }
            return nil
        default:
            return nil
        }
    }

    /// What `searchable` inserts: after the first `at` bytes of `match`, `insert` (the
    /// table `searchRule` follows: its first three rules insert the attribute, at 3, 3
    /// and 6 bytes; the others a line break at 5).
    static let searchRules: [(match: [UInt8], at: Int, insert: [UInt8])] = [
        ("<dt>", 3, " data-pagefind-ignore"), ("<dt class=", 3, " data-pagefind-ignore"),
        ("<thead>", 6, " data-pagefind-ignore"),
        ("</dd><dt", 5, "\n"), ("</dt><dd", 5, "\n"), ("</th><td", 5, "\n"), ("</td><td", 5, "\n"),
        ("</li><li", 5, "\n"),
    ].map { (Array($0.0.utf8), $0.1, Array($0.2.utf8)) }

}

extension UnsafeBufferPointer where Element == UInt8 {
    /// Whether the bytes at `offset` begin with `prefix`.
    func hasPrefix(_ prefix: [UInt8], at offset: Int) -> Bool {
        guard offset + prefix.count <= count else { return false }
        for k in 0..<prefix.count where self[offset + k] != prefix[k] { return false }
        return true
    }
}

/// The contents list of a long page: when a page has three or more `<h2>` with an `id`
/// and no contents list of its own, a `<nav class="toc contents">` listing them (with
/// the `<h3>` under each) is put before the first of them.
enum Contents {
    static let minimum = 3
    static let maximumChildren = 12

    static func insert(_ html: String, label: String) -> String {
        String(decoding: insert(Array(html.utf8), label: label), as: UTF8.self)
    }

    /// `insert` on the UTF-8 bytes of a page.
    static func insert(_ html: [UInt8], label: String) -> [UInt8] {
        // The headings counted first, up to `minimum`: most pages have fewer, and those are
        // then scanned once, not twice.
        guard HTMLBytes.count("<h2 id=\"", in: html, upTo: minimum) >= minimum,
              !HTMLBytes.contains("class=\"toc", in: html) else { return html }
        var entries: [(level: Int, id: String, text: String)] = []
        var rest = 0
        while let open = HTMLBytes.find("<h", in: html, from: rest) {
            let after = open + 2
            let level = after < html.count ? Int(html[after]) - Int(UInt8(ascii: "0")) : 0
            guard level == 2 || level == 3,
                  let gt = HTMLBytes.find(byte: UInt8(ascii: ">"), in: html, from: after),
                  let close = HTMLBytes.find(level == 2 ? "</h2>" : "</h3>", in: html, from: after)
            else { rest = after; continue }
            if let id = HTMLBytes.attribute("id", in: html, from: after, to: gt) {
                let text = ScrollRegions.plainText(html[(gt + 1)..<max(gt + 1, close)])
                if level == 2 || !entries.isEmpty { entries.append((level, id, text)) }
            }
            rest = close + 5
        }
        guard entries.filter({ $0.level == 2 }).count >= minimum else { return html }
        // A section with more subsections than `maximumChildren` is listed by its heading
        // only (the comparison's hundreds of municipalities stay out of the list).
        var kept: [(level: Int, id: String, text: String)] = []
        var k = 0
        while k < entries.count {
            var end = k + 1
            while end < entries.count, entries[end].level == 3 { end += 1 }
            kept.append(entries[k])
            if end - k - 1 <= maximumChildren { kept += entries[(k + 1)..<end] }
            k = end
        }
        entries = kept
        // Written as bytes: through interpolated strings, the list was a quarter of the pass.
        var nav: [UInt8] = []
        nav.reserveCapacity(160 + entries.count * 96)
        func put(_ s: StaticString) { s.withUTF8Buffer { nav.append(contentsOf: $0) } }
        let escapedLabel = HTML.escape(label)
        put("<nav class=\"toc contents\" aria-label=\""); nav += escapedLabel.utf8
        put("\">\n<h2 class=\"toc-heading\">"); nav += escapedLabel.utf8; put("</h2>\n<ul>\n")
        var open = false
        for (k, e) in entries.enumerated() {
            if e.level == 2, open { put("</ul></li>\n"); open = false }
            put("<li><a href=\"#"); nav += e.id.utf8; put("\">"); HTML.escape(e.text, into: &nav); put("</a>")
            if e.level == 2, k + 1 < entries.count, entries[k + 1].level == 3 {
                put("\n<ul>\n")
                open = true
            } else {
                put("</li>\n")
            }
        }
        if open { put("</ul></li>\n") }
        put("</ul>\n</nav>\n")
        // Before the first section (or heading) of level 2.
        let h2 = HTMLBytes.find("<h2 id=\"", in: html)!
        var at = h2
        if let section = HTMLBytes.findLast("<section", in: html, before: h2),
           !HTMLBytes.contains("</section>", in: html, from: section + 8, to: h2),
           !HTMLBytes.contains("<h", in: html, from: section + 8, to: h2) {
            at = section
        }
        var out: [UInt8] = []
        out.reserveCapacity(html.count + nav.count)
        out.append(contentsOf: html[..<at])
        out.append(contentsOf: nav)
        out.append(contentsOf: html[at...])
        return out
    }
}

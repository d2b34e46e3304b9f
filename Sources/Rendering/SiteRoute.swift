import Loading

/// Every page of the site, by what it shows. A route has the same path in every
/// language under `<lang>/`, so that the language switcher links a page to itself.
public enum SiteRoute: Hashable, Sendable, Comparable {
    case home
    case office(String)
    /// A municipality's own service (`seeds/<m>/services/<id>.md`).
    case localService(municipality: String, id: String)
    /// A municipality's procedure variant or own procedure (`seeds/<m>/procedures/<id>.md`).
    case localProcedure(municipality: String, id: String)
    case modelIndex
    case service(String)
    case procedure(String)
    case role(String)
    case training(String)
    case indicator(String)
    case communication
    case comparison
    case progress
    case downloads
    /// The open data: each dataset, its files, licence and fields.
    case openData
    case search
    case notFound
    /// The list of every office (`offices/index.html`).
    case offices
    /// The compliance pages every footer links to: the accessibility statement (Directive
    /// (EU) 2016/2102, article 7), the legal notice and the contact page.
    case accessibility
    case legalNotice
    case contact
    /// The programme's and the municipalities' agreements.
    case agreements
    case agreement(String)
    /// The model's change proposals and its changelog.
    case proposals
    case changelog
    /// An office's service charter (carta de serveis).
    case charter(String)
    /// An assessment's report, and the same report as a document to print.
    case assessment(String)
    case assessmentPrint(String)
    /// The expansion across the programme's area.
    case expansion
    /// The offices' budgets and funding: the sustainability summary.
    case budgets

    /// Whether the page is made from every municipality or every document of a kind (the
    /// indexes, the network's pages, a model document's page with the offices that adopt
    /// it), rather than from one municipality's files or one record.
    public var gathersNetwork: Bool {
        switch self {
        case .office, .charter, .localService, .localProcedure, .agreement, .assessment, .assessmentPrint,
             .role, .training, .search, .notFound, .accessibility, .legalNotice, .contact:
            return false
        case .home, .modelIndex, .service, .procedure, .indicator, .communication, .comparison, .progress, .downloads,
             .openData, .offices, .agreements, .proposals, .changelog, .expansion, .budgets:
            return true
        }
    }

    /// Whether the page shows the open data's files (`SiteOptions.dataFiles`): rendered
    /// last, for the site's pages are rendered while the open data is written.
    public var showsDataFiles: Bool {
        switch self {
        case .downloads, .openData: return true
        default: return false
        }
    }

    /// The parts of the page's path under the language folder: `head`, `first`, `middle`,
    /// `second` and `tail` one after another (`offices/` + `abrera` + `/services/` +
    /// `company-creation` + `.html`); the names are empty where a route has none. Every
    /// link of every page is made from these (`withPath`, `SitePath.relative(from:to:language:fragment:)`)
    /// without making the path's text first: the path of each link, made as a string and
    /// then made relative, was 1.9% of a site build's CPU at 947 municipalities (issue 13).
    public struct PathParts {
        public var head: StaticString
        public var first: String
        public var middle: StaticString
        public var second: String
        public var tail: StaticString

        @inlinable
        public init(_ head: StaticString, _ first: String = "", _ middle: StaticString = "", _ second: String = "",
             _ tail: StaticString = "") {
            (self.head, self.first, self.middle, self.second, self.tail) = (head, first, middle, second, tail)
        }

        /// The path's length in UTF-8 bytes.
        @inlinable
        public var count: Int { head.utf8CodeUnitCount + first.utf8.count + middle.utf8CodeUnitCount + second.utf8.count + tail.utf8CodeUnitCount }
    }

    // Inlinable: asked for every link of every page, from the site's module (the route
    // moved here from it so that the open data shares it; across modules, unspecialized,
    // it cost 4% of a site build's instructions at 36 municipalities).
    @inlinable
    public var pathParts: PathParts {
        switch self {
        case .home: return PathParts("index.html")
        case let .office(m): return PathParts("offices/", m, ".html")
        case let .localService(m, id): return PathParts("offices/", m, "/services/", id, ".html")
        case let .localProcedure(m, id): return PathParts("offices/", m, "/procedures/", id, ".html")
        case .modelIndex: return PathParts("model/index.html")
        case let .service(id): return PathParts("model/services/", id, ".html")
        case let .procedure(id): return PathParts("model/procedures/", id, ".html")
        case let .role(id): return PathParts("model/roles/", id, ".html")
        case let .training(id): return PathParts("model/training/", id, ".html")
        case let .indicator(id): return PathParts("model/indicators/", id, ".html")
        case .communication: return PathParts("model/communication.html")
        case .comparison: return PathParts("comparison.html")
        case .progress: return PathParts("progress.html")
        case .downloads: return PathParts("downloads.html")
        case .openData: return PathParts("data.html")
        case .search: return PathParts("search.html")
        case .notFound: return PathParts("404.html")
        case .offices: return PathParts("offices/index.html")
        case .accessibility: return PathParts("accessibility.html")
        case .legalNotice: return PathParts("legal-notice.html")
        case .contact: return PathParts("contact.html")
        case .agreements: return PathParts("agreements/index.html")
        case let .agreement(id): return PathParts("agreements/", id, ".html")
        case .proposals: return PathParts("model/proposals.html")
        case .changelog: return PathParts("model/changelog.html")
        case let .charter(m): return PathParts("offices/", m, "/charter.html")
        case let .assessment(id): return PathParts("assessments/", id, ".html")
        case let .assessmentPrint(id): return PathParts("assessments/", id, "-print.html")
        case .expansion: return PathParts("expansion.html")
        case .budgets: return PathParts("budgets.html")
        }
    }

    /// Calls `body` with the UTF-8 bytes of the page's path from the root of the site
    /// (`path(language)`: `ca/offices/x.html`; without `language`, the path under the
    /// language folder), written into a buffer that lives for the call.
    @inlinable
    public func withPath<R>(_ language: String? = nil, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var parts = pathParts
        var language = language
        let prefix = language.map { $0.utf8.count + 1 } ?? 0
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: prefix + parts.count) { buffer in
            var n = 0
            func put(_ bytes: UnsafeBufferPointer<UInt8>) {
                guard let base = bytes.baseAddress, bytes.count > 0 else { return }
                UnsafeMutableRawPointer(buffer.baseAddress! + n).copyMemory(from: base, byteCount: bytes.count)
                n += bytes.count
            }
            if language != nil {
                language!.withUTF8(put)
                buffer[n] = UInt8(ascii: "/")
                n += 1
            }
            parts.head.withUTF8Buffer(put)
            parts.first.withUTF8(put)
            parts.middle.withUTF8Buffer(put)
            parts.second.withUTF8(put)
            parts.tail.withUTF8Buffer(put)
            return body(UnsafeBufferPointer(rebasing: buffer[..<n]))
        }
    }

    /// The page's path under the language folder.
    @inlinable
    public var pathInLanguage: String { withPath(nil) { String(decoding: $0, as: UTF8.self) } }

    /// The page's path from the root of the site (`ca/offices/x.html`).
    @inlinable
    public func path(_ language: String) -> String { withPath(language) { String(decoding: $0, as: UTF8.self) } }

    public static func < (a: SiteRoute, b: SiteRoute) -> Bool { a.pathInLanguage < b.pathInLanguage }
}

/// Paths between files of the site. Every link is relative, so that the site works from
/// any folder of a web server and from `file://`.
public enum SitePath {
    /// The href that leads from the page at `from` to the file at `to` (both relative to
    /// the root of the site, with `/` separators), optionally with a fragment.
    public static func relative(from: String, to: String, fragment: String? = nil) -> String {
        var to = to
        return to.withUTF8 { relative(from: from, to: $0, fragment: fragment) }
    }

    /// The href that leads from the page at `from` to the page of `route` in `language`
    /// (`relative(from:to:fragment:)` to `route.path(language)`), without making that path's text.
    public static func relative(from: String, to route: SiteRoute, language: String, fragment: String? = nil) -> String {
        route.withPath(language) { relative(from: from, to: $0, fragment: fragment) }
    }

    /// `relative(from:to:fragment:)` to the path whose UTF-8 bytes are `t`.
    public static func relative(from: String, to t: UnsafeBufferPointer<UInt8>, fragment: String? = nil) -> String {
        // On the bytes of both paths, in place: every page computes dozens of these.
        var from = from
        return from.withUTF8 { f in
            let slash = UInt8(ascii: "/")
            // The folders both paths share: `start` is where `to` leaves them.
            var start = 0, common = 0
            while true {
                var k = start
                while k < f.count, k < t.count, f[k] == t[k], f[k] != slash { k += 1 }
                guard k < f.count, k < t.count, f[k] == slash, t[k] == slash else { break }
                common += 1
                start = k + 1
            }
            var ups = -common
            for b in f where b == slash { ups += 1 }
            ups = max(0, ups)
            // Written into the string's own storage: through an array first, every
            // href allocated twice.
            let rest = t.count - start
            let count = ups * 3 + rest + (fragment.map { $0.utf8.count + 1 } ?? 0)
            return String(unsafeUninitializedCapacity: count) { href in
                var n = 0
                for _ in 0..<ups {
                    href[n] = UInt8(ascii: "."); href[n + 1] = UInt8(ascii: "."); href[n + 2] = slash
                    n += 3
                }
                for k in 0..<rest { href[n + k] = t[start + k] }
                n += rest
                if let fragment {
                    href[n] = UInt8(ascii: "#")
                    n += 1
                    for b in fragment.utf8 { href[n] = b; n += 1 }
                }
                return n
            }
        }
    }

    /// `../` as many times as `path` is deep: the way back to the root of the site.
    public static func toRoot(from path: String) -> String {
        String(repeating: "../", count: path.split(ascii: "/").count - 1)
    }

    /// Percent-encodes what a path segment may not hold as written; slugs pass unchanged.
    public static func encode(_ path: String) -> String {
        // An ASCII letter or digit, or one of `-._~/`, stays; any other byte is `%XX`.
        func kept(_ b: UInt8) -> Bool {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"): return true
            default: return false
            }
        }
        guard !path.utf8.allSatisfy(kept) else { return path }
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(path.utf8.count * 3)
        for b in path.utf8 {
            if kept(b) { out.append(b) } else { out += [UInt8(ascii: "%"), hex[Int(b >> 4)], hex[Int(b & 0x0F)]] }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

import Loading
import Foundation
import JSON
#if canImport(Glibc)
import Glibc
#endif

/// `<out>/handbooks/index.json`: every handbook of the folder. The handbook step writes
/// it, the site reads it for its downloads. `{"handbooks": [{"municipality", "name",
/// "language", "html", "html_bytes", "pdf", "pdf_bytes"}]}` with paths relative to
/// `<out>/handbooks/`, sorted by municipality then language; `pdf` and `pdf_bytes` are
/// null when a handbook has no PDF. Members may be added, never renamed.
public struct HandbookManifest: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var municipality: String
        public var name: String
        public var language: String
        /// Path of the HTML handbook, relative to the handbooks folder.
        public var html: String
        public var htmlBytes: Int
        public var pdf: String?
        public var pdfBytes: Int?

        public init(municipality: String, name: String, language: String, html: String, htmlBytes: Int,
                    pdf: String?, pdfBytes: Int?) {
            self.municipality = municipality
            self.name = name
            self.language = language
            self.html = html
            self.htmlBytes = htmlBytes
            self.pdf = pdf
            self.pdfBytes = pdfBytes
        }

        /// A handbook at its usual place, `<municipality>/<lang>/handbook.html|pdf`.
        public init(municipality: String, name: String, language: String, htmlBytes: Int, pdfBytes: Int?) {
            self.init(municipality: municipality, name: name, language: language,
                      html: "\(municipality)/\(language)/handbook.html", htmlBytes: htmlBytes,
                      pdf: pdfBytes == nil ? nil : "\(municipality)/\(language)/handbook.pdf", pdfBytes: pdfBytes)
        }
    }

    /// Sorted by municipality, then language (`entries(of:)` relies on it).
    public private(set) var entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries.sorted { ($0.municipality, $0.language) < ($1.municipality, $1.language) }
    }

    public static let fileName = "index.json"

    /// The entries of one municipality, in language order. By binary search on the sorted
    /// entries: every office page and the downloads page ask for one municipality's, and a
    /// scan of all of them made the site's work grow with the square of the network
    /// (issue 13).
    public func entries(of municipality: String) -> ArraySlice<Entry> {
        func lowerBound(_ isBefore: (Entry) -> Bool) -> Int {
            var low = 0, high = entries.count
            while low < high {
                let mid = (low + high) / 2
                if isBefore(entries[mid]) { low = mid + 1 } else { high = mid }
            }
            return low
        }
        let start = lowerBound { $0.municipality < municipality }
        let end = lowerBound { $0.municipality <= municipality }
        return entries[start..<end]
    }

    /// The manifest of the handbooks found in `folder` (`<m>/<lang>/handbook.html`);
    /// `name` gives each municipality's office name in a language.
    public static func scan(_ folder: URL, name: (String, String) -> String) -> HandbookManifest {
        let fm = FileManager.default
        var entries: [Entry] = []
        // Paths as strings and `lstat`: URLs and `attributesOfItem` for the 5,700 files of
        // 947 municipalities were a serial tail of the build (issue 13).
        let root = folder.path
        for m in ((try? fm.contentsOfDirectory(atPath: root)) ?? []).sorted() where !m.hasPrefix(".") {
            let mPath = root + "/" + m
            for lang in ((try? fm.contentsOfDirectory(atPath: mPath)) ?? []).sorted() where !lang.hasPrefix(".") {
                let base = mPath + "/" + lang + "/"
                guard let html = size(base + "handbook.html") else { continue }
                entries.append(Entry(municipality: m, name: name(m, lang), language: lang, htmlBytes: html,
                                     pdfBytes: size(base + "handbook.pdf")))
            }
        }
        return HandbookManifest(entries: entries)
    }

    /// The size of the regular file at `path` (a link is not followed); nil for anything else.
    static func size(_ path: String) -> Int? {
        var st = stat()
        guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(st.st_size)
    }

    public var json: JSONValue {
        .object([("handbooks", .array(entries.map { e in
            .object([
                ("municipality", .string(e.municipality)),
                ("name", .string(e.name)),
                ("language", .string(e.language)),
                ("html", .string(e.html)),
                ("html_bytes", .int(e.htmlBytes)),
                ("pdf", .optional(e.pdf)),
                ("pdf_bytes", e.pdfBytes.map(JSONValue.int) ?? .null),
            ])
        }))])
    }

    /// The file's text, ending with a newline.
    public var text: String { json.serialized(pretty: true) + "\n" }

    public enum Failure: Error, CustomStringConvertible {
        case unreadable(String)
        case unsafePath(String)

        public var description: String {
            switch self {
            case let .unreadable(m): return "the handbook list cannot be read: \(m)"
            case let .unsafePath(p): return "the handbook list names '\(p)', which is not a file of the handbooks folder"
            }
        }
    }

    /// Reads the manifest of `folder`; nil when no handbook has been built (no file).
    public static func read(folder: URL) throws -> HandbookManifest? {
        let file = folder.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        guard let data = FileManager.default.contents(atPath: file.path) else { throw Failure.unreadable(file.path) }
        return try parse(data)
    }

    /// Parses a manifest. Every path must stay inside the handbooks folder.
    public static func parse(_ data: Data) throws -> HandbookManifest {
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: data) } catch {
            throw Failure.unreadable("not JSON (\(error.localizedDescription))")
        }
        guard let root = object as? [String: Any], let items = root["handbooks"] as? [[String: Any]] else {
            throw Failure.unreadable("expected {\"handbooks\": [...]}")
        }
        var entries: [Entry] = []
        for item in items {
            guard let municipality = item["municipality"] as? String, let language = item["language"] as? String,
                  let html = item["html"] as? String else {
                throw Failure.unreadable("an entry lacks municipality, language or html")
            }
            let pdf = item["pdf"] as? String
            for path in [html] + (pdf.map { [$0] } ?? []) where !isSafe(path) { throw Failure.unsafePath(path) }
            entries.append(Entry(municipality: municipality, name: item["name"] as? String ?? municipality,
                                 language: language, html: html, htmlBytes: (item["html_bytes"] as? NSNumber)?.intValue ?? 0,
                                 pdf: pdf, pdfBytes: (item["pdf_bytes"] as? NSNumber)?.intValue))
        }
        return HandbookManifest(entries: entries)
    }

    /// A relative path made of plain names: no `..`, no leading `/`, no empty part.
    static func isSafe(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\") else { return false }
        return path.split(ascii: "/", omittingEmptySubsequences: false).allSatisfy {
            !$0.isEmpty && $0 != "." && $0 != ".." && !$0.hasPrefix(".")
        }
    }

    /// Where a handbook file is published in the site.
    public static func sitePath(_ path: String) -> String { "downloads/handbooks/" + path }
}

import Foundation
import JSON

/// `handbooks/index.json`: every handbook of the folder, for the site's downloads page.
/// `{"handbooks": [{"municipality", "name", "language", "html", "html_bytes", "pdf",
/// "pdf_bytes"}]}`, sorted by municipality then language; `pdf` and `pdf_bytes` are
/// null when the handbook has no PDF. Members may be added, never renamed.
public struct Manifest: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var municipality: String
        /// The office's name in the handbook's language.
        public var name: String
        public var language: String
        public var htmlBytes: Int
        public var pdfBytes: Int?

        public var html: String { "\(municipality)/\(language)/handbook.html" }
        public var pdf: String? { pdfBytes == nil ? nil : "\(municipality)/\(language)/handbook.pdf" }
    }

    public var entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries.sorted { ($0.municipality, $0.language) < ($1.municipality, $1.language) }
    }

    public static let fileName = "index.json"

    /// The manifest of the handbooks found in `folder` (`<m>/<lang>/handbook.html`);
    /// `name` gives each municipality's office name in a language.
    public static func scan(_ folder: URL, name: (String, String) -> String) -> Manifest {
        let fm = FileManager.default
        var entries: [Entry] = []
        for m in ((try? fm.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() where !m.hasPrefix(".") {
            let mURL = folder.appendingPathComponent(m)
            for lang in ((try? fm.contentsOfDirectory(atPath: mURL.path)) ?? []).sorted() where !lang.hasPrefix(".") {
                let base = mURL.appendingPathComponent(lang)
                guard let html = size(base.appendingPathComponent("handbook.html")) else { continue }
                entries.append(Entry(municipality: m, name: name(m, lang), language: lang, htmlBytes: html,
                                     pdfBytes: size(base.appendingPathComponent("handbook.pdf"))))
            }
        }
        return Manifest(entries: entries)
    }

    static func size(_ url: URL) -> Int? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
              (attributes[.type] as? FileAttributeType) == .typeRegular else { return nil }
        return (attributes[.size] as? NSNumber)?.intValue
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
}

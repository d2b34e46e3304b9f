import JSON
import Model

/// `oae impact` as text (English) and as JSON.
///
/// The JSON shape (version 1; members may be added, never renamed or removed):
/// ```
/// {"version": 1, "since": REV as given, "commit": full commit id,
///  "files": [paths under model/, seeds/, templates/ that changed, untracked included],
///  "municipalities": [{"municipality": slug,
///                      "status": "changed" | "added" | "removed" | "unchanged",
///                      "chapters": [{"id": chapter id, "title": {language: text}}]}]}
/// ```
/// Every municipality of either tree is listed, sorted by slug; `chapters` is empty when
/// unchanged or removed, and lists every chapter when added.
public enum ImpactReport {
    public static func json(_ a: ImpactAnalysis) -> JSONValue {
        .object([
            ("version", .int(1)),
            ("since", .string(a.since)),
            ("commit", .string(a.commit)),
            ("files", .array(a.files.map(JSONValue.string))),
            ("municipalities", .array(a.municipalities.map { m in
                .object([
                    ("municipality", .string(m.slug)),
                    ("status", .string(m.status.rawValue)),
                    ("chapters", .array(m.chapters.map { c in
                        .object([("id", .string(c.id)),
                                 ("title", .object((c.title?.values ?? [:]).sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))])
                    })),
                ])
            })),
        ])
    }

    public static func text(_ a: ImpactAnalysis) -> String {
        let defaultLanguage = a.defaultLanguage
        let title = { (c: ImpactAnalysis.Chapter) -> String in
            guard let t = c.title else { return c.id }
            return "\(c.id) (\(t.text("en", fallback: defaultLanguage).text))"
        }
        var out = "Changes since \(a.since) (\(a.commit.prefix(12))): "
        if a.files.isEmpty { return out + "no file under model/, seeds/ or templates/ changed; no handbook changes.\n" }
        out += a.files.count == 1 ? "1 file\n" : "\(a.files.count) files\n"
        out += a.files.map { "  \($0)\n" }.joined()
        let affected = a.municipalities.filter { $0.status != .unchanged }
        out += "\n"
        if affected.isEmpty {
            out += "No handbook changes.\n"
        } else {
            out += "Handbooks to re-issue (\(affected.count)):\n"
            for m in affected {
                switch m.status {
                case .added: out += "  \(m.slug): new municipality, every chapter\n"
                case .removed: out += "  \(m.slug): removed, its handbook is no longer built\n"
                default:
                    out += "  \(m.slug): \(m.chapters.count == 1 ? "1 chapter" : "\(m.chapters.count) chapters")\n"
                    out += m.chapters.map { "    - \(title($0))\n" }.joined()
                }
            }
        }
        let unchanged = a.municipalities.filter { $0.status == .unchanged }.map(\.slug)
        if !unchanged.isEmpty { out += "Unchanged (\(unchanged.count)): \(unchanged.joined(separator: ", "))\n" }
        return out
    }
}

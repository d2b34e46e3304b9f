import JSON
import Model
import Presentation

/// `oae impact` as text (in the model's default language, or the one `--lang` names) and as JSON.
///
/// The JSON shape (version 1; members may be added, never renamed or removed):
/// ```
/// {"version": 1, "since": REV as given, "commit": full commit id,
///  "files": [paths under model/, seeds/, templates/ that changed, untracked included],
///  "municipalities": [{"municipality": slug,
///                      "status": "changed" | "added" | "removed" | "unchanged",
///                      "chapters": [{"id": chapter id, "title": {language: text},
///                                    "languages": [the languages whose handbook changes there]}]}]}
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
                                 ("title", .object((c.title?.values ?? [:]).sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
                                 ("languages", .array(c.languages.map(JSONValue.string)))])
                    })),
                ])
            })),
        ])
    }

    /// The analysis as text, in the language of `words` (the model's default language or
    /// `--lang`; its phrases are the `impact.*` strings).
    public static func text(_ a: ImpactAnalysis, words: ValueFormatter) -> String {
        let s = words.strings
        let title = { (c: ImpactAnalysis.Chapter) -> String in
            // The languages, when the change is not in every one (a translation's words).
            let only = c.languages.isEmpty || c.languages == a.languages ? "" : " [\(c.languages.joined(separator: ", "))]"
            guard let t = c.title else { return c.id + only }
            return "\(c.id) (\(t.text(words.language, fallback: a.defaultLanguage).text))" + only
        }
        var out = s("impact.heading", ["since": a.since, "commit": String(a.commit.prefix(12))])
        if a.files.isEmpty { return out + s["impact.no_files"] + "\n" }
        out += words.count("impact.files", a.files.count) + "\n"
        out += a.files.map { "  \($0)\n" }.joined()
        let affected = a.municipalities.filter { $0.status != .unchanged }
        out += "\n"
        if affected.isEmpty {
            out += s["impact.no_handbooks"] + "\n"
        } else {
            out += s("impact.reissue", ["n": words.number(Double(affected.count))]) + "\n"
            for m in affected {
                switch m.status {
                case .added: out += "  \(m.slug): \(s["impact.added"])\n"
                case .removed: out += "  \(m.slug): \(s["impact.removed"])\n"
                default:
                    out += "  \(m.slug): \(words.count("impact.chapters", m.chapters.count))\n"
                    out += m.chapters.map { "    - \(title($0))\n" }.joined()
                }
            }
        }
        let unchanged = a.municipalities.filter { $0.status == .unchanged }.map(\.slug)
        if !unchanged.isEmpty {
            out += s("impact.unchanged", ["n": words.number(Double(unchanged.count)), "list": unchanged.joined(separator: ", ")]) + "\n"
        }
        return out
    }
}

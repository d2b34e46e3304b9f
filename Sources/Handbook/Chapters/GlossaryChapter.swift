import Foundation
import Loading
import Model

/// The glossary of the model (`model/glossary.yaml`), in alphabetical order of the
/// handbook's language, each term with its expansion, definition and related terms.
struct GlossaryChapter: ChapterBuilder {
    func build(_ c: HandbookContext, number: Int) -> ChapterContent {
        let m = c.markup
        let terms = c.network.modelDocuments(.glossary).first?.root?["terms"]?.sequence ?? []
        let byId = Dictionary(terms.compactMap { t in t["id"]?.string.map { ($0, t) } }, uniquingKeysWith: { a, _ in a })
        let sorted = terms.map { ($0, m.plain($0["term"])) }.sorted { a, b in
            let order = a.1.compare(b.1, options: [.caseInsensitive, .diacriticInsensitive])
            return order == .orderedSame ? (a.0["id"]?.string ?? "") < (b.0["id"]?.string ?? "") : order == .orderedAscending
        }.map(\.0)
        let entries = sorted.map { t -> [String: Any] in
            let id = t["id"]?.string ?? ""
            var entry: [String: Any] = ["anchor": Anchors.term(id), "term": m.text(t["term"]), "definition": m.text(t["definition"])]
            if let e = t["expansion"] { entry["expansion"] = m.text(e) }
            let related = (t["see_also"]?.sequence ?? []).compactMap(\.string).compactMap { rid in
                byId[rid].map { m.link(Anchors.term(rid), m.text($0["term"]), xref: false) }
            }
            if !related.isEmpty { entry["see_also"] = c.format.list(related) }
            return entry
        }
        return ChapterContent(data: ["terms": entries])
    }
}

import Foundation
import Loading
import Model
import Presentation
import Rendering

/// The view model of `chapters/glossary`: the model's glossary (`model/glossary.yaml`)
/// in alphabetical order of the handbook's language.
public struct GlossaryView: ChapterView {
    /// A term with its expansion, definition and related terms.
    public struct Term: ViewModel, Hashable {
        /// The `id` that cross-references link to.
        public var anchor: String
        /// The name, in the handbook's language.
        public var term: TextView
        /// The field of the same name, in the handbook's language.
        public var expansion: TextView?
        /// The field of the same name, in the handbook's language.
        public var definition: TextView?
        /// The related terms, linked to their entries.
        public var see_also: LinksView?
    }

    /// The UI strings of the language (`{{ui.key}}`), set by the renderer.
    public var ui: WordTable = [:]
    public var terms: [Term]
}

/// Builds the glossary chapter.
struct GlossaryChapter: ChapterBuilder {
    func build(_ c: HandbookContext, number: Int) -> ChapterContent {
        let m = c.markup
        let terms = c.network.modelDocuments(.glossary).first?.root?.sequence(at: "terms") ?? []
        let byId = Dictionary(terms.compactMap { t in t.string(at: "id").map { ($0, t) } }, uniquingKeysWith: { a, _ in a })
        let sorted = ReadingOrder.sorted(terms, name: { m.plain($0["term"]) }, id: { $0.string(at: "id") ?? "" })
        let entries = sorted.map { t -> GlossaryView.Term in
            let id = t.string(at: "id") ?? ""
            let related = (t.sequence(at: "see_also") ?? []).compactMap(\.string).compactMap { rid in
                byId[rid].map { LinkView(link_anchor: Anchors.term(rid), xref: false, label: m.view($0["term"]) ?? m.plainView(rid)) }
            }
            return GlossaryView.Term(
                anchor: Anchors.term(id), term: m.view(t["term"]) ?? m.plainView(id), expansion: m.view(t["expansion"]),
                definition: m.view(t["definition"]),
                see_also: c.links(related))
        }
        return ChapterContent(model: GlossaryView(terms: entries))
    }
}

import Loading
import Model
import Rendering

/// The view model of `chapters/checklist`: the opening checklist, every item of the
/// model's template by category, with the municipality's state and note.
public struct ChecklistView: ChapterView {
    /// The items of one category.
    public struct Group: ViewModel {
        public var category: String
        public var items: [Item]
    }

    /// An item: done on a date, or pending.
    public struct Item: ViewModel {
        /// The name, in the handbook's language.
        public var title: TextView?
        /// The field of the same name, in the handbook's language.
        public var description: TextView?
        public var done: Bool
        /// `Fet` / `Pendent`.
        public var status: String
        /// The date it was done, written out; empty when pending.
        public var date: String
        public var note: TextView?
    }

    /// The UI strings of the language (`{{ui.key}}`), set by the renderer.
    public var ui: [String: String] = [:]
    /// `3 elements fets d'un total de 12.`
    public var summary: String
    public var groups: [Group]
}

/// Builds the opening checklist.
struct ChecklistChapter: ChapterBuilder {
    static let categories = ["premises", "staff", "systems", "communication", "governance"]

    func build(_ c: HandbookContext, number: Int) -> ChapterContent {
        let m = c.markup
        let template = c.network.modelDocuments(.checklistTemplate).first?.root?["items"]?.sequence ?? []
        let local = c.view.files.checklist?.root?["items"]?.sequence ?? []
        let known = ChecklistChapter.categories
        let categories = known + Set(template.compactMap { $0["category"]?.string }).subtracting(known).sorted()
        let groups = categories.compactMap { category -> ChecklistView.Group? in
            let items = template.filter { $0["category"]?.string == category }
            guard !items.isEmpty else { return nil }
            return .init(category: c.words["checklist.category.\(category)"], items: items.map { item in
                let id = item["id"]?.string ?? ""
                let state = local.first { $0["item"]?.string == id }
                let isDone = state?["done"]?.bool == true
                return .init(title: m.view(item["title"]), description: m.view(item["description"]), done: isDone,
                             status: c.words[isDone ? "status.done" : "status.pending"],
                             date: state?["date"]?.string.map(c.format.date) ?? "", note: m.view(state?["note"]))
            })
        }
        let done = groups.flatMap(\.items).filter(\.done).count
        let summary = c.format.count("checklist.summary", done, ["total": c.format.number(Double(template.count))])
        return ChapterContent(model: ChecklistView(summary: summary, groups: groups))
    }
}

import Loading
import Model

/// The opening checklist: every item of the model's template, by category, with the
/// municipality's state (done on a date, or pending) and its note.
struct ChecklistChapter: ChapterBuilder {
    static let categories = ["premises", "staff", "systems", "communication", "governance"]

    func build(_ c: HandbookContext, number: Int) -> ChapterContent {
        let m = c.markup
        let template = c.network.modelDocuments(.checklistTemplate).first?.root?["items"]?.sequence ?? []
        let local = c.view.files.checklist?.root?["items"]?.sequence ?? []
        var done = 0
        let known = ChecklistChapter.categories
        let categories = known + Set(template.compactMap { $0["category"]?.string }).subtracting(known).sorted()
        let groups = categories.compactMap { category -> [String: Any]? in
            let items = template.filter { $0["category"]?.string == category }
            guard !items.isEmpty else { return nil }
            return [
                "category": m.escape(c.words["checklist.category.\(category)"]),
                "items": items.map { item -> [String: Any] in
                    let id = item["id"]?.string ?? ""
                    let state = local.first { $0["item"]?.string == id }
                    let isDone = state?["done"]?.bool == true
                    if isDone { done += 1 }
                    var row: [String: Any] = [
                        "title": m.text(item["title"]), "description": m.text(item["description"]),
                        "done": isDone,
                        "status": m.escape(c.words[isDone ? "checklist.done" : "checklist.pending"]),
                        "date": state?["date"]?.string.map { m.escape(c.format.date($0)) } ?? "",
                    ]
                    if let note = state?["note"] { row["note"] = m.text(note) }
                    return row
                },
            ]
        }
        let summary = c.words("checklist.summary", ["done": String(done), "total": String(template.count)])
        return ChapterContent(data: ["summary": m.escape(summary), "groups": groups])
    }
}

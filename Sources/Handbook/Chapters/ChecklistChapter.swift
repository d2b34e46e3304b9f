import Presentation
import Loading
import Model
import Rendering

/// The view model of `chapters/checklist`: the opening checklist, every item of the
/// model's template by category, with the municipality's state and note.
public struct ChecklistView: ChapterView {
    /// The items of one category.
    public struct Group: ViewModel, Hashable {
        public var category: String
        public var items: [Item]
    }

    /// An item: done on a date, or pending.
    public struct Item: ViewModel, Hashable {
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
    public var ui: WordTable = [:]
    /// An entry of the agency's follow-up: an issue or a support action.
    public struct FollowUp: ViewModel, Hashable {
        public var title: TextView?
        public var owner: TextView?
        /// `oberta`, `en curs`… and the dates.
        public var status: String
        public var dates: String
    }

    /// `3 elements fets d'un total de 12.`
    public var summary: String
    public var groups: [Group]
    /// The agency's follow-up of the office (`follow-up.yaml`): the issues still open
    /// (overdue ones told so, as of `follow_up_as_of`) and the support actions, with the
    /// date of the last visit; nil without a follow-up.
    public var follow_up_issues: [FollowUp] = []
    public var follow_up_actions: [FollowUp] = []
    public var follow_up_last_visit: String?
    /// What the visits of the last day saw and agreed (their `summary`, in the file's
    /// order), as the office's page gives them.
    public var follow_up_last_visit_summaries: [TextView] = []
    /// "Statuses as of 20 December 2026.": the day of the issues' states
    /// (`BuildInput.recordStateDay`); empty when there is no open issue.
    public var follow_up_as_of = ""
    public var has_follow_up = false
    /// The follow-up's numbered heading (`9.1`), in the table of contents and the running
    /// header like any section (session 37's trial: unnumbered, it ran under the chapter's).
    public var follow_up_heading: HeadingView?
}

/// Builds the opening checklist.
struct ChecklistChapter: ChapterBuilder {
    static let categories = ["premises", "staff", "systems", "communication", "governance"]

    func build(_ c: HandbookContext, number: Int) -> ChapterContent {
        let m = c.markup
        let template = c.network.modelDocuments(.checklistTemplate).first?.root?.sequence(at: "items") ?? []
        let local = c.view.files.checklist?.root?.sequence(at: "items") ?? []
        let known = ChecklistChapter.categories
        let categories = known + Set(template.compactMap { $0.string(at: "category") }).subtracting(known).sorted()
        let groups = categories.compactMap { category -> ChecklistView.Group? in
            let items = template.filter { $0.string(at: "category") == category }
            guard !items.isEmpty else { return nil }
            return .init(category: c.words["checklist.category.\(category)"], items: items.map { item in
                let id = item.string(at: "id") ?? ""
                let state = local.first { $0.string(at: "item") == id }
                let isDone = state?["done"]?.bool == true
                return .init(title: m.view(item["title"]), description: m.view(item["description"]), done: isDone,
                             status: c.words[isDone ? "status.done" : "status.pending"],
                             date: state?.string(at: "date").map(c.format.date) ?? "", note: m.view(state?["note"]))
            })
        }
        let done = groups.flatMap(\.items).filter(\.done).count
        let summary = c.format.count("checklist.summary", done, ["total": c.format.number(Double(template.count))])
        var view = ChecklistView(summary: summary, groups: groups)
        var sections = SectionNumbers(chapter: number)
        if let follow = c.view.files.single(.followUp)?.root {
            view.has_follow_up = true
            view.follow_up_heading = sections.next(m.plainView(c.words["follow_up_heading"]), anchor: "checklist-follow-up")
            let day = c.input.recordStateDay(c.view.slug)
            let open = (follow.sequence(at: "issues") ?? []).compactMap { i -> (Node, FollowUpIssueState)? in
                let state = FollowUpIssueState(i, on: day)
                return state == .closed ? nil : (i, state)
            }
            // The day the states are told as of, over open issues or any action (a late one
            // says so as of that day: the review).
            let actions = follow.sequence(at: "actions") ?? []
            view.follow_up_as_of = open.isEmpty && actions.isEmpty ? "" : c.words("follow_up_as_of", ["date": c.format.date(day)])
            view.follow_up_issues = open.map { i, state in
                .init(title: m.view(i["title"]), owner: m.view(i["owner"]), status: c.words["follow_up_status.\(state.rawValue)"],
                      dates: c.words("follow_up_issue_dates", ["opened": i.string(at: "opened").map(c.format.date) ?? "",
                                                               "due": i.string(at: "due").map(c.format.date) ?? ""]))
            }
            view.follow_up_actions = (follow.sequence(at: "actions") ?? []).map { a in
                .init(title: m.view(a["title"]), owner: m.view(a["owner"]),
                      status: c.words["follow_up_status.\(FollowUpActionState(a, on: day)?.rawValue ?? a.string(at: "status") ?? "")"],
                      dates: c.format.dateSpan(start: a.string(at: "start"), end: a.string(at: "end")))
            }
            // Every visit of the last day (two on one day are both told; session 36's trial).
            let visits = follow.sequence(at: "visits") ?? []
            let lastDay = visits.compactMap { $0.string(at: "date") }.max()
            view.follow_up_last_visit = lastDay.map { c.words("follow_up_last_visit", ["date": c.format.date($0)]) }
            view.follow_up_last_visit_summaries = visits.filter { lastDay != nil && $0.string(at: "date") == lastDay }
                .compactMap { m.view($0["summary"]) }.filter { !$0.text.isBlankText }
        }
        return ChapterContent(model: view, sections: sections.sections)
    }
}

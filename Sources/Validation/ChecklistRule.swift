import Diagnostics
import Loading
import Model
import Resolution

/// An office at the status the model names (open) has done every item of the opening
/// checklist, and a planned office does none after its planned opening. (An item listed
/// twice is `key-duplicate`: the schema marks the list `x-key: item`.)
struct ChecklistRule: MunicipalRule {
    static let rules = [
        RuleInfo("checklist-incomplete", "An open office has an opening checklist item not done."),
        RuleInfo("checklist-done-after-opening", "A planned office's opening checklist item is marked done after the office's planned opening."),
    ]

    /// A municipality's own checklist against the model's: `oae serve` checks one again
    /// when only its files changed.
    func check(_ m: ResolvedMunicipality, _ c: ValidationContext) -> [Diagnostic] {
        let items = m.files.checklist?.root?.sequence(at: "items") ?? []
        // A planned office does the items of its opening checklist before it opens: an
        // item done after the planned opening is a typo in a date (often the year). (Not
        // compared with the day of the check: builds made with an earlier
        // SOURCE_DATE_EPOCH than the data's dates must stay clean.)
        var out: [Diagnostic] = []
        if m.status == .planned, let opening = m.openingDate {
            for entry in items {
                guard entry["done"]?.bool == true, let id = entry.string(at: "item"), let node = entry["date"],
                      let day = node.string.flatMap(Day.init), day > opening, !CheckDayRule.reports(day, c) else { continue }
                out.append(.error("checklist-done-after-opening",
                                  "opening checklist item '\(id)' is marked done on \(day), after the office's planned opening on \(opening)",
                                  at: node.span,
                                  related: m.files.office?.root?["opening_date"].map { [RelatedLocation($0.span, "the planned opening date")] } ?? [],
                                  help: "correct the date (often the year), or set 'done: false' until the item is done"))
            }
        }
        guard let (status, reqSpan) = c.settings.requirements.checklistFor, m.reached(status) else { return out }
        let template = c.network.modelDocuments(.checklistTemplate).first?.root?.sequence(at: "items") ?? []
        for t in template {
            guard let id = t.string(at: "id") else { continue }
            let entry = items.first { $0.string(at: "item") == id }
            if entry?["done"]?.bool == true { continue }
            let at = entry?["done"]?.span ?? m.files.checklist?.root?["items"]?.span
                ?? m.files.checklist.map { .wholeFile($0.path) } ?? m.statusSpan
            out.append(.error("checklist-incomplete",
                              entry == nil ? "opening checklist item '\(id)' is missing, and the office is \(m.status!.rawValue)"
                                           : "opening checklist item '\(id)' is not done, and the office is \(m.status!.rawValue)",
                              at: at, related: [RelatedLocation(reqSpan, "required for status '\(status.rawValue)'")],
                              help: "mark the item done with its date, or keep the office at an earlier status"))
        }
        return out
    }
}

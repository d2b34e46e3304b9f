import Diagnostics
import Loading
import Model
import Resolution

/// An office at the status the model names (open) has done every item of the opening
/// checklist, and no item is done on a day still to come. (An item listed twice is
/// `key-duplicate`: the schema marks the list `x-key: item`.)
struct ChecklistRule: MunicipalRule {
    static let rules = [
        RuleInfo("checklist-incomplete", "An open office has an opening checklist item not done."),
        RuleInfo("checklist-done-future", "An opening checklist item is marked done on a day after the day of the check."),
    ]

    /// A municipality's own checklist against the model's: `oae serve` checks one again
    /// when only its files changed.
    func check(_ m: ResolvedMunicipality, _ c: ValidationContext) -> [Diagnostic] {
        let items = m.files.checklist?.root?["items"]?.sequence ?? []
        // Done is a fact of the past, whatever the office's status: a date after the day of
        // the check is a typo (often the year), and the item is not done yet.
        var out: [Diagnostic] = items.compactMap { entry in
            guard entry["done"]?.bool == true, let id = entry["item"]?.string, let node = entry["date"],
                  let day = node.string.flatMap(Day.init), day > c.asOf else { return nil }
            return .error("checklist-done-future",
                          "opening checklist item '\(id)' is marked done on \(day), after the day of the check (\(c.asOf))",
                          at: node.span,
                          help: "correct the date (often the year), or set 'done: false' until the item is done")
        }
        guard let (status, reqSpan) = c.settings.requirements.checklistFor, m.reached(status) else { return out }
        let template = c.network.modelDocuments(.checklistTemplate).first?.root?["items"]?.sequence ?? []
        for t in template {
            guard let id = t["id"]?.string else { continue }
            let entry = items.first { $0["item"]?.string == id }
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

import Diagnostics
import Loading
import Model
import Resolution

/// An office at the status the model names (open) has done every item of the opening
/// checklist.
struct ChecklistRule: MunicipalRule {
    static let rules = [
        RuleInfo("checklist-incomplete", "An open office has an opening checklist item not done."),
    ]

    /// A municipality's own checklist against the model's: `oae serve` checks one again
    /// when only its files changed.
    func check(_ m: ResolvedMunicipality, _ c: ValidationContext) -> [Diagnostic] {
        guard let (status, reqSpan) = c.settings.requirements.checklistFor, m.reached(status) else { return [] }
        let template = c.network.modelDocuments(.checklistTemplate).first?.root?["items"]?.sequence ?? []
        var out: [Diagnostic] = []
        let items = m.files.checklist?.root?["items"]?.sequence ?? []
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

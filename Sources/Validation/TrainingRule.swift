import Diagnostics
import Loading
import Model
import Resolution

/// Every member of staff is trained in the mandatory modules of their role before the
/// office opens: each module is planned before the opening date, and once the office
/// has opened each is completed, on or before that date.
struct TrainingRule: MunicipalRule {
    static let rules = [
        RuleInfo("training-incomplete", "A member of staff lacks a mandatory training module of their role."),
        RuleInfo("training-after-opening", "A mandatory training module is planned or completed after the opening date."),
        RuleInfo("training-before-start", "A post's training is planned or completed before the post starts."),
    ]

    /// A municipality's staffing against the model's mandatory modules (`oae serve`
    /// checks again only the municipalities a save touched).
    func check(_ m: ResolvedMunicipality, _ c: ValidationContext) -> [Diagnostic] {
        beforeStart(m) + mandatory(m, c)
    }

    /// Training planned or completed before the post's start date: the person is not
    /// there yet. Each date of a record on its own (both can be wrong).
    func beforeStart(_ m: ResolvedMunicipality) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for post in m.files.staffing?.root?.sequence(at: "staff") ?? [] {
            guard let startNode = post["start_date"], let start = startNode.string.flatMap(Day.init) else { continue }
            for record in post.sequence(at: "training") ?? [] {
                for (field, verb) in [("planned", "plan"), ("completed", "complete")] {
                    guard let node = record[field], let day = node.string.flatMap(Day.init), day < start else { continue }
                    out.append(.error("training-before-start",
                                      "module '\(record.string(at: "module") ?? "?")' of post '\(post.string(at: "id") ?? "?")' is \(field) on \(day), before the post starts on \(start)",
                                      at: node.span, related: [RelatedLocation(startNode.span, "the post's start date")],
                                      help: "\(verb) the module on or after the start date, or correct the start date (often the year)"))
                }
            }
        }
        return out
    }

    func mandatory(_ m: ResolvedMunicipality, _ c: ValidationContext) -> [Diagnostic] {
        guard let reqSpan = c.settings.requirements.trainingBeforeOpening else { return [] }
        // Mandatory modules by role.
        var mandatory: [String: [String]] = [:]
        for doc in c.network.modelDocuments(.trainingModule) where doc.root?["mandatory"]?.bool == true {
            for role in doc.root?.sequence(at: "target_roles") ?? [] {
                if let r = role.string { mandatory[r, default: []].append(doc.id) }
            }
        }
        var out: [Diagnostic] = []
        guard let opening = m.openingDate else { return [] }
        let opened = opening <= c.asOf && (m.status ?? .planned) > .planned
        for post in m.files.staffing?.root?.sequence(at: "staff") ?? [] {
            guard let role = post.string(at: "role") else { continue }
            let postId = post.string(at: "id") ?? role
            let records = post.sequence(at: "training") ?? []
            for module in mandatory[role] ?? [] {
                guard let record = records.first(where: { $0.string(at: "module") == module }) else {
                    out.append(.error("training-incomplete",
                                      "post '\(postId)' (\(role)) has no plan for mandatory module '\(module)'",
                                      at: post["training"]?.span ?? post.span,
                                      related: [RelatedLocation(reqSpan, "training is required before opening")],
                                      help: "add '- module: \(module)' with a planned date before \(opening)"))
                    continue
                }
                let completed = record.string(at: "completed").flatMap(Day.init)
                if opened && completed == nil {
                    out.append(.error("training-incomplete",
                                      "post '\(postId)' (\(role)) has not completed mandatory module '\(module)', and the office opened on \(opening)",
                                      at: record.span, help: "record the 'completed' date, or review the opening"))
                }
                for field in ["planned", "completed"] {
                    // A completion after the day of the check is `date-after-check-day`'s.
                    guard let node = record[field], let day = node.string.flatMap(Day.init), day > opening,
                          field == "planned" || !CheckDayRule.reports(day, c) else { continue }
                    out.append(.error("training-after-opening",
                                      "module '\(module)' of post '\(postId)' is \(field) on \(day), after the opening on \(opening)",
                                      at: node.span, help: "mandatory training takes place before the office opens"))
                }
            }
        }
        return out
    }
}

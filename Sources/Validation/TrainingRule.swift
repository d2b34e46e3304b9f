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
        // The dates of mandatory modules, and those after the opening.
        var dated = 0
        var late: [(module: String, post: String, field: String, day: Day, node: Node)] = []
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
                    guard let node = record[field], let day = node.string.flatMap(Day.init) else { continue }
                    // A completion after the day of the check is `date-after-check-day`'s.
                    if field == "completed", CheckDayRule.reports(day, c) { continue }
                    dated += 1
                    if day > opening { late.append((module, postId, field, day, node)) }
                }
            }
        }
        let openingNode = m.files.office?.root?["opening_date"]
        // Every dated module after the opening: the opening date is the slip (a year, often),
        // one error there with each module as a note, not one per module in staffing.yaml
        // whose help moved correct dates into the past (session 44's trial: twelve).
        if late.count >= 2, late.count == dated, let openingNode {
            // In the order of their dates (then of the file), the earliest first; counted by
            // module records, not by dates (a record has a plan and a completion; the review).
            let ordered = late.sorted { $0.day != $1.day ? $0.day < $1.day : $0.node.span.start < $1.node.span.start }
            let modules = Set(late.map { "\($0.post)\u{0}\($0.module)" }).count
            let shown = ordered.prefix(8).map { "module '\($0.module)' of post '\($0.post)' is \($0.field) on \($0.day)" }
            out.append(.error("training-after-opening",
                              "the office opens on \(opening), before every date of its mandatory training (\(modules) \(modules == 1 ? "module" : "modules"), the first on \(ordered[0].day))",
                              at: openingNode.span,
                              related: [RelatedLocation(ordered[0].node.span, "the first of those dates")],
                              notes: shown + (ordered.count > shown.count ? ["and \(ordered.count - shown.count) more"] : []),
                              help: "correct the opening date (often the year), or plan the training before it: mandatory training takes place before the office opens"))
            return out
        }
        for l in late {
            out.append(.error("training-after-opening",
                              "module '\(l.module)' of post '\(l.post)' is \(l.field) on \(l.day), after the opening on \(opening)",
                              at: l.node.span, related: openingNode.map { [RelatedLocation($0.span, "the opening date")] } ?? [],
                              help: "mandatory training takes place before the office opens: plan it before the opening, or correct the opening date"))
        }
        return out
    }
}

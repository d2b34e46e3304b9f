import Diagnostics
import Foundation
import Loading
import Model
import Resolution

/// From the status the model names on, every required audience of the communication
/// strategy is reached by at least one dated action of the municipality's plan; and the
/// actions of a plan cost no more than its budget.
struct CommunicationRule: MunicipalRule {
    static let rules = [
        RuleInfo("communication-audience-uncovered", "A required audience has no dated action in the communication plan."),
        RuleInfo("communication-over-budget", "The actions of a communication plan cost more than its budget."),
    ]

    /// A municipality's own plan: its budget, then the audiences it must reach (`oae serve`
    /// checks one again when only its files changed).
    func check(_ m: ResolvedMunicipality, _ c: ValidationContext) -> [Diagnostic] {
        (overBudget(m.files.communicationPlan?.root).map { [$0] } ?? []) + audiences(m, c)
    }

    func overBudget(_ plan: Node?) -> Diagnostic? {
        guard let budgetNode = plan?["budget"], let budget = budgetNode.number else { return nil }
        var total = 0.0
        var first: Node?
        for action in plan?.sequence(at: "actions") ?? [] {
            guard let cost = action["budget"], let amount = cost.number else { continue }
            total += amount
            if total > budget, first == nil { first = cost }
        }
        guard let first else { return nil }
        return .error("communication-over-budget",
                      "the actions of the communication plan cost \(euros(total)), more than its budget of \(euros(budget))",
                      at: budgetNode.span, related: [RelatedLocation(first.span, "the action that goes over the budget")],
                      help: "raise the plan's budget, or lower the budgets of its actions")
    }

    func euros(_ amount: Double) -> String { MessageValues.euros(amount) }

    func audiences(_ m: ResolvedMunicipality, _ c: ValidationContext) -> [Diagnostic] {
        // Without a plan, its absence is the error (municipality-file-missing); with one
        // that did not load, its own error is.
        guard let (from, reqSpan) = c.settings.requirements.communicationFrom, m.reached(from),
              m.files.communicationPlan != nil, !m.files.communicationPlan.unread else { return [] }
        let audiences = (c.network.modelDocuments(.communicationStrategy).first?.root?.sequence(at: "audiences") ?? [])
            .filter { $0["required"]?.bool == true }
        var out: [Diagnostic] = []
        let actions = m.files.communicationPlan?.root?.sequence(at: "actions") ?? []
        for audience in audiences {
            guard let id = audience.string(at: "id") else { continue }
            let covered = actions.contains { $0.string(at: "audience") == id && $0.string(at: "date").flatMap(Day.init) != nil }
            guard !covered else { continue }
            // An undated action for the audience, else the list of actions that lacks one.
            let plan = m.files.communicationPlan?.root
            let at = actions.first { $0.string(at: "audience") == id }?["audience"]?.span
                ?? plan?.pair("actions")?.key.span ?? plan.map { SourceSpan(file: $0.span.file, start: $0.span.start, end: $0.span.start) }
                ?? m.files.communicationPlan.map { .wholeFile($0.path) } ?? m.statusSpan
            out.append(.error("communication-audience-uncovered",
                              "no dated action of the communication plan of \(m.slug) reaches the audience '\(id)'",
                              at: at,
                              related: [RelatedLocation(audience.span, "a required audience of the strategy"),
                                        RelatedLocation(reqSpan, "required from status '\(from.rawValue)'")],
                              help: "add an action with 'audience: \(id)' and a date"))
        }
        return out
    }
}

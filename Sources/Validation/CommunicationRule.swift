import Diagnostics
import Loading
import Model
import Resolution

/// From the status the model names on, every required audience of the communication
/// strategy is reached by at least one dated action of the municipality's plan.
struct CommunicationRule: Rule {
    static let rules = [
        RuleInfo("communication-audience-uncovered", "A required audience has no dated action in the communication plan."),
    ]

    func check(_ c: ValidationContext) -> [Diagnostic] {
        guard let (from, reqSpan) = c.settings.requirements.communicationFrom else { return [] }
        let audiences = (c.network.modelDocuments(.communicationStrategy).first?.root?["audiences"]?.sequence ?? [])
            .filter { $0["required"]?.bool == true }
        var out: [Diagnostic] = []
        for m in c.resolved where m.reached(from) {
            let actions = m.files.communicationPlan?.root?["actions"]?.sequence ?? []
            for audience in audiences {
                guard let id = audience["id"]?.string else { continue }
                let covered = actions.contains { $0["audience"]?.string == id && $0["date"]?.string.flatMap(Day.init) != nil }
                guard !covered else { continue }
                let at = m.files.communicationPlan?.root?["actions"]?.span
                    ?? m.files.communicationPlan.map { .wholeFile($0.path) } ?? m.statusSpan
                out.append(.error("communication-audience-uncovered",
                                  "no dated action of the communication plan of \(m.slug) reaches the audience '\(id)'",
                                  at: at,
                                  related: [RelatedLocation(audience.span, "a required audience of the strategy"),
                                            RelatedLocation(reqSpan, "required from status '\(from.rawValue)'")],
                                  help: "add an action with 'audience: \(id)' and a date"))
            }
        }
        return out
    }
}

import Diagnostics
import Loading
import Model

/// An indicator that measures a service commitment (`commitment: {service, id}`) names a
/// commitment that service has (`commitments[].id`): the `service` is a reference the
/// schema checks (`x-ref`), the `id` one into that service's list, which no generic
/// reference reaches. A misspelt id left the indicator measuring nothing, and passed.
struct CommitmentReferenceRule: Rule {
    static let rules = [
        RuleInfo("commitment-unknown", "An indicator names a commitment its service does not have."),
    ]

    func check(_ c: ValidationContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for doc in c.network.modelDocuments(.indicator) {
            guard let commitment = doc.root?["commitment"], let serviceID = commitment.string(at: "service"),
                  let idNode = commitment["id"], let id = idNode.string,
                  // An unknown service is ref-unknown's, the one error.
                  let service = c.network.modelDocument(.service, serviceID)?.root else { continue }
            let ids = (service.sequence(at: "commitments") ?? []).compactMap { $0.string(at: "id") }
            guard !ids.contains(id) else { continue }
            let hint = Suggestions.didYouMean(id, in: ids)
                ?? (ids.isEmpty ? "service '\(serviceID)' has no commitments" : "its commitments: \(ids.joined(separator: ", "))")
            out.append(.error("commitment-unknown", "service '\(serviceID)' has no commitment '\(id)'", at: idNode.span, help: hint))
        }
        return out
    }
}

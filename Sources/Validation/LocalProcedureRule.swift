import Diagnostics
import Loading
import Model
import Resolution

/// A municipality's own procedure (`seeds/<m>/procedures/<id>.md`, a local variant of a
/// model procedure or one of its own) fits its office: each step's role is a role a post
/// of its staffing plan holds (the handbook tells that role to carry the step out), and
/// each service it serves is one the office offers (not one its adaptation omits), and a
/// model procedure has one local variant at most.
struct LocalProcedureRule: MunicipalRule {
    static let rules = [
        RuleInfo("procedure-role-unstaffed", "A municipality's own procedure gives a step to a role no post of its staffing plan holds."),
        RuleInfo("procedure-service-not-offered", "A municipality's own procedure serves a service the office does not offer."),
        RuleInfo("procedure-variant-duplicate", "A municipality has two local variants of one model procedure."),
    ]

    func check(_ m: ResolvedMunicipality, _ c: ValidationContext) -> [Diagnostic] {
        let procedures = m.files.procedures
        guard !procedures.isEmpty else { return [] }
        var out: [Diagnostic] = []
        let roles = StaffRoles(m, c)
        let staffed = roles.roles
        let offered = Set(m.services.map(\.id))
        // One local variant per model procedure: with two, the handbook would show one of
        // them and leave the other out without a word. The error stands on the second's
        // `variant_of` (by path), the first as the note.
        var firstVariant: [String: (doc: Document, node: Node)] = [:]
        for doc in procedures.sorted(by: { $0.path < $1.path }) {
            guard let node = doc.root?["variant_of"], let base = node.string else { continue }
            guard let first = firstVariant[base] else {
                firstVariant[base] = (doc, node)
                continue
            }
            out.append(.error("procedure-variant-duplicate",
                              "procedure '\(base)' already has the local variant '\(first.doc.id)' in \(m.slug)",
                              at: node.span, related: [RelatedLocation(first.node.span, "the first variant")],
                              help: "a municipality replaces a model procedure once: merge the two variants into one file, and remove the other"))
        }
        for doc in procedures {
            guard let root = doc.root else { continue }
            // Without posts (a plan not written yet) there is nothing to compare with; with
            // a post whose role is misspelt, that post may hold the step's role (its error
            // at the role is the one).
            if !staffed.isEmpty, roles.unsure.isEmpty {
                for step in root.sequence(at: "steps") ?? [] {
                    // An unknown role is ref-unknown, the one error.
                    guard let node = step["role"], let role = node.string, !staffed.contains(role),
                          c.network.modelDocument(.role, role) != nil else { continue }
                    out.append(.error("procedure-role-unstaffed",
                                      "step '\(step.string(at: "id") ?? "?")' of procedure '\(doc.id)' is given to role '\(role)', which no post of \(m.slug)'s staffing plan holds",
                                      at: node.span,
                                      related: m.files.staffing?.root?["staff"].map { [RelatedLocation($0.span, "the staffing plan's posts")] } ?? [],
                                      help: "give the step to a role the office has (\(staffed.sorted().joined(separator: ", "))), or add a post for the role to staffing.yaml"))
                }
            }
            for node in root.sequence(at: "services") ?? [] {
                // A service whose model file did not load, or an adaptation that did not (which
                // adopts optional services): the file's error is the one.
                // (An omitted one is not offered whatever its file says: that is still said.)
                guard let id = node.string, !offered.contains(id), c.network.modelDocument(.service, id) != nil else { continue }
                let omitted = m.omitted.contains { $0.service == id }
                guard omitted || (!c.network.modelDocumentUnread(.service, id) && !m.files.adaptation.unread) else { continue }
                let omission = m.omitted.first { $0.service == id }
                out.append(.error("procedure-service-not-offered",
                                  omission != nil ? "procedure '\(doc.id)' serves '\(id)', which \(m.slug)'s adaptation omits"
                                                  : "procedure '\(doc.id)' serves '\(id)', which \(m.slug) does not offer (optional, not adopted)",
                                  at: node.span,
                                  related: omission.map { [RelatedLocation($0.span, "the omission")] } ?? [],
                                  help: "name a service the office offers, or offer the service first (adaptation.yaml)"))
            }
        }
        return out
    }
}

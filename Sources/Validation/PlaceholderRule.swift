import Diagnostics
import Loading
import Model
import Resolution

/// An office that serves the public (pilot or open) has no text left that
/// `oae new municipality` marked as a placeholder, and its handbook holds no service or
/// procedure with a text `oae new service` or `oae new procedure` wrote as being drafted.
struct PlaceholderRule: MunicipalRule {
    static let rules = [
        RuleInfo("placeholder-text", "A placeholder text of 'oae new' is left in an office that serves the public, or in a service or procedure of its handbook."),
    ]

    /// The rule reads municipalities' own documents (and their offices' status), the
    /// services and procedures their handbooks hold, and the drafting texts of the
    /// interface strings: a change elsewhere keeps its diagnostics.
    func keeps(_ delta: ValidationContext.Delta) -> Bool {
        (delta.municipalities.isEmpty && !delta.shared && !delta.changed.contains { $0.hasPrefix("templates/strings/") })
            || (delta.bodiesOnly && !Self.readsMarkdownBodies)
    }

    /// The keys of `templates/strings/<lang>.yaml` whose texts `oae new service` and
    /// `oae new procedure` write for the writer to replace (Workflow's `DocumentScaffold`):
    /// "Servei en redacció", "Per definir: …".
    static let draftKeys = ["service_name", "service_summary", "service_output", "procedure_title", "procedure_purpose",
                            "procedure_trigger", "procedure_escalation", "step_action", "step_output"].map { "scaffold." + $0 }

    /// The texts of a service or procedure still as `oae new` wrote them, once each, in a
    /// document that some office serving the public has in its handbook.
    func checkShared(_ c: ValidationContext) -> [Diagnostic] {
        var drafts = Set<String>()
        for (key, file) in c.network.tree.uiStrings where key.hasPrefix("strings/") {
            for draft in Self.draftKeys { if let text = file.node[draft]?.string { drafts.insert(text) } }
        }
        guard !drafts.isEmpty else { return [] }
        // The documents that still hold a draft text (usually none), looked for before
        // which handbooks hold each document.
        var found: [(doc: Document, nodes: [Node])] = []
        let documents = c.network.modelDocuments(.service) + c.network.modelDocuments(.procedure)
            + c.network.municipalitySlugs.flatMap { c.network.municipalities[$0].map { $0.services + $0.procedures } ?? [] }
        for doc in documents {
            guard let root = doc.root else { continue }
            var nodes: [Node] = []
            PlaceholderRule.strings(in: root, matching: { drafts.contains($0) }) { nodes.append($0) }
            if !nodes.isEmpty { found.append((doc, nodes)) }
        }
        guard !found.isEmpty else { return [] }
        var offices: [String: [ResolvedMunicipality]] = [:]
        for m in c.resolved {
            guard let status = m.status, status >= .pilot else { continue }
            for path in Set(m.services.map(\.document.path) + m.procedures.compactMap { ($0.variant ?? $0.model)?.path }) {
                offices[path, default: []].append(m)
            }
        }
        var out: [Diagnostic] = []
        for (doc, nodes) in found {
            guard let serving = offices[doc.path], let first = serving.first else { continue }
            let kind = doc.kind == .procedure ? "procedure" : "service"
            let whose = serving.count == 1
                ? "the handbook of \(first.slug), an office at status '\(first.status?.rawValue ?? "")'"
                : "the handbooks of \(serving.count) offices that serve the public (\(serving.map(\.slug).joined(separator: ", ")))"
            for node in nodes {
                out.append(.error("placeholder-text", "placeholder text left by 'oae new \(kind)', and the \(kind) is in \(whose)",
                                  at: node.span, related: [RelatedLocation(first.statusSpan, "the status of \(first.slug)'s office")],
                                  help: "write the real text in its place, in every language; until then keep the \(kind) out of the handbooks of offices that serve the public"))
            }
        }
        return out
    }

    func check(_ m: ResolvedMunicipality, _ c: ValidationContext) -> [Diagnostic] {
        guard let status = m.status, status >= .pilot else { return [] }
        var out: [Diagnostic] = []
        for doc in m.files.all {
            guard let root = doc.root, doc.mayHoldPlaceholder else { continue }
            PlaceholderRule.strings(in: root) { node in
                out.append(.error("placeholder-text",
                                  "placeholder text left by 'oae new municipality', and the office is \(status.rawValue)",
                                  at: node.span, related: [RelatedLocation(m.statusSpan, "the office's status")],
                                  help: "write the real text in its place, without '\(Placeholder.marker)'"))
            }
        }
        return out
    }

    /// Calls `found` with every string of `node` that holds the placeholder, in document
    /// order (depth first, values of a mapping in order), without copying the nodes.
    static func strings(in node: Node, matching: (String) -> Bool = Placeholder.isIn, _ found: (Node) -> Void) {
        switch node.value {
        case let .string(text):
            if matching(text) { found(node) }
        case let .sequence(items):
            for i in items.indices { strings(in: items[i], matching: matching, found) }
        case let .mapping(pairs):
            for i in pairs.indices { strings(in: pairs[i].value, matching: matching, found) }
        default:
            break
        }
    }
}

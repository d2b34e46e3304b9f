import Diagnostics
import Loading
import Model
import Resolution

/// An office that serves the public (pilot or open) has no text left that
/// `oae new municipality` marked as a placeholder.
struct PlaceholderRule: MunicipalRule {
    static let rules = [
        RuleInfo("placeholder-text", "A placeholder text of 'oae new municipality' is left in an office that serves the public."),
    ]

    /// The rule reads only municipalities' own documents (and their offices' status):
    /// a change elsewhere keeps its diagnostics.
    func keeps(_ delta: ValidationContext.Delta) -> Bool {
        delta.municipalities.isEmpty || (delta.bodiesOnly && !Self.readsMarkdownBodies)
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
    static func strings(in node: Node, _ found: (Node) -> Void) {
        switch node.value {
        case let .string(text):
            if Placeholder.isIn(text) { found(node) }
        case let .sequence(items):
            for i in items.indices { strings(in: items[i], found) }
        case let .mapping(pairs):
            for i in pairs.indices { strings(in: pairs[i].value, found) }
        default:
            break
        }
    }
}

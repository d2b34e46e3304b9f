import Diagnostics
import Loading
import Model

/// The items of every list the schemas mark `x-key: FIELD` (steps, posts, actions,
/// checklist items…) have unique keys: a municipality overrides or removes an item by its
/// key, and a repeated key would make that ambiguous. Reported at the second occurrence,
/// pointing at the first.
struct KeyRule: DocumentRule {
    static let rules = [
        RuleInfo("key-duplicate", "Two items of a keyed list (x-key) have the same key."),
    ]

    /// A document's keys are its own values: the others keep their diagnostics while no
    /// schema changed (`sameDocuments` says so, and more).
    func keepsOtherDocuments(_ delta: ValidationContext.Delta) -> Bool { delta.sameDocuments }

    func prepare(_ c: ValidationContext) {}

    func check(_ doc: Document, _: Void, _ c: ValidationContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for value in c.schemaResults[doc.path]?.annotated ?? [] where !value.isKey {
            guard let field = value.annotations.key, let items = value.node.sequence else { continue }
            var first: [String: Node] = [:]
            for item in items {
                guard let keyNode = item[field], let key = keyNode.string else { continue }
                guard let earlier = first[key] else {
                    first[key] = keyNode
                    continue
                }
                out.append(.error("key-duplicate", "\(field) '\(key)' is used twice in '\(value.path.fieldName)'",
                                  at: keyNode.span,
                                  related: [RelatedLocation(earlier.span, "first used")],
                                  help: "give each item of '\(value.path.fieldName)' its own \(field)"))
            }
        }
        return out
    }
}

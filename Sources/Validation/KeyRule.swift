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
        guard let annotated = c.schemaResults[doc.path]?.annotated else { return out }
        // By index through the buffer: binding each value copied it, and few values have
        // an `x-key` (issue 13).
        annotated.withUnsafeBufferPointer { values in
            for i in values.indices where !values[i].isKey && values[i].annotations.key != nil {
                let value = values[i]
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
        }
        return out
    }
}

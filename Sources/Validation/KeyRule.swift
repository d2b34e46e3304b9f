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

    /// The help of a repeated key: an id the writer coins is given anew, or the repeated
    /// item removed; a key that names something outside the list (a municipality, a post,
    /// an indicator) is listed once (session 26's trial: a municipality in two waves was
    /// told to "give each item its own name").
    static func help(_ field: String, list: String) -> String {
        field == "id" ? "give each item of '\(list)' its own id, or remove this item if it repeats the first"
            : "list each \(field) once in '\(list)': remove this item, or merge what it says into the first"
    }

    func check(_ doc: Document, _: Void, _ c: ValidationContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        guard let annotated = c.schemaResults[doc.path]?.annotated else { return out }
        // By index, the parts each value needs: few values have an `x-key` (issue 13).
        for i in annotated.indices where !annotated.isKey(at: i) {
            guard let field = annotated.key(at: i), let items = annotated.node(at: i).sequence else { continue }
            var first: [String: Node] = [:]
            for item in items {
                guard let keyNode = item[field], let key = keyNode.string else { continue }
                guard let earlier = first[key] else {
                    first[key] = keyNode
                    continue
                }
                let list = annotated.path(at: i).fieldName
                out.append(.error("key-duplicate", "\(field) '\(key)' is used twice in '\(list)'",
                                  at: keyNode.span,
                                  related: [RelatedLocation(earlier.span, "first used")],
                                  help: KeyRule.help(field, list: list)))
            }
        }
        return out
    }
}

import Diagnostics
import Loading
import Model
import Resolution

/// Model prose may name an adaptable value (`{{value service/<id>/<path>}}`, see
/// `Resolution.ValueReference`) so that each handbook shows the municipality's own; the
/// reference must lead to a value of a service, procedure or indicator, in a field the
/// schema marks adaptable.
struct ValueReferenceRule: Rule {
    static let rules = [
        RuleInfo("value-ref-unknown", "Prose names a value that does not exist or that municipalities cannot adapt."),
    ]

    static var readsMarkdownBodies: Bool { true }

    func check(_ c: ValidationContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for doc in c.network.tree.documents {
            // Most bodies name no value: a byte search of the whole body says so.
            guard let md = doc.markdown, md.body.utf8Contains("{{value ") else { continue }
            let lines = md.body.split(separator: "\n", omittingEmptySubsequences: false)
            for (index, line) in lines.enumerated() {
                let text = String(line)
                for (range, reference) in ValueReference.find(in: text) {
                    let column = text.distance(from: text.startIndex, to: range.lowerBound) + 1
                    let span = SourceSpan(file: doc.path, line: md.bodyLineOffset + index + 1, column: column)
                    if let problem = problem(reference, c), !UnexpectedFolderRule.inMissingFolder(reference.text, c) {
                        out.append(.error("value-ref-unknown", "'{{value \(reference.text)}}': \(problem.message)", at: span,
                                          help: problem.help))
                    }
                }
            }
        }
        return out
    }

    func problem(_ r: ValueReference, _ c: ValidationContext) -> (message: String, help: String)? {
        guard ValueReference.kinds.contains(r.kind) else {
            return ("'\(r.kind.rawValue)' is not a kind whose values municipalities adapt", "name a service, procedure or indicator")
        }
        guard let root = c.network.modelDocument(r.kind, r.id)?.root else {
            return ("no \(r.kind.rawValue) '\(r.id)' in the model", "check the id")
        }
        guard r.value(in: root) != nil else {
            return ("\(r.kind.rawValue) '\(r.id)' has no value at '\(r.path.joined(separator: "/"))'",
                    "give the path to one value, with the id of a list's item (commitments/first-appointment/target)")
        }
        guard c.network.annotations.annotations(r.kind, at: [.key(r.path[0])]).adaptable else {
            return ("field '\(r.path[0])' of \(r.kind.rawValue) '\(r.id)' is not adaptable, so every handbook shows the model's value",
                    "write the value in the prose, or refer to an adaptable field")
        }
        return nil
    }
}

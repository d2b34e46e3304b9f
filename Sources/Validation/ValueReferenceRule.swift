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
        RuleInfo("value-ref-syntax", "Prose holds double braces that are not a value placeholder ({{value kind/id/path}})."),
    ]

    static var readsMarkdownBodies: Bool { true }

    func check(_ c: ValidationContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for doc in c.network.tree.documents {
            // Most bodies have no double braces: a byte search of the whole body says so.
            guard let md = doc.markdown, md.body.utf8Contains("{{") else { continue }
            let lines = md.body.split(separator: "\n", omittingEmptySubsequences: false)
            var fenced = false
            for (index, line) in lines.enumerated() {
                let text = String(line)
                // A fenced code block shows its text as code: braces there are not placeholders.
                if text.drop(while: { $0 == " " }).hasPrefix("```") || text.drop(while: { $0 == " " }).hasPrefix("~~~") { fenced.toggle() }
                if fenced { continue }
                func span(_ range: Range<String.Index>) -> SourceSpan {
                    let start = text.distance(from: text.startIndex, to: range.lowerBound) + 1
                    let line = md.bodyLineOffset + index + 1
                    return SourceSpan(file: doc.path, start: SourcePosition(line: line, column: start),
                                      end: SourcePosition(line: line, column: start + text[range].count))
                }
                for (range, reference) in ValueReference.find(in: text) {
                    if let problem = problem(reference, c), !UnexpectedFolderRule.inMissingFolder(reference.text, c) {
                        out.append(.error("value-ref-unknown", "'{{value \(reference.text)}}': \(problem.message)", at: span(range),
                                          help: problem.help))
                    }
                }
                for range in ValueReference.malformed(in: text) {
                    let written = text[range].count > 60 ? String(text[range].prefix(57)) + "…" : String(text[range])
                    out.append(.error("value-ref-syntax", "'\(written)' is not a value placeholder, and would be printed as it is",
                                      at: span(range),
                                      help: "write {{value <kind>/<id>/<path>}} with no space inside the braces (e.g. {{value service/welcome-and-orientation/commitments/first-appointment/target}}), or leave the braces out"))
                }
            }
        }
        return out
    }

    func problem(_ r: ValueReference, _ c: ValidationContext) -> (message: String, help: String)? {
        guard ValueReference.kinds.contains(r.kind) else {
            return ("'\(r.kind.rawValue)' is not a kind whose values municipalities adapt", "name a service, procedure or indicator")
        }
        // A model document that did not load: its file's error is the one.
        if c.network.modelDocumentUnread(r.kind, r.id) { return nil }
        guard let root = c.network.modelDocument(r.kind, r.id)?.root else {
            return ("no \(r.kind.rawValue) '\(r.id)' in the model", "check the id")
        }
        let path = r.path.joined(separator: "/")
        guard let (node, _) = r.node(in: root) else {
            return ("\(r.kind.rawValue) '\(r.id)' has no value at '\(path)'",
                    "give the path to one value, with the id of a list's item (commitments/first-appointment/target)")
        }
        guard c.network.annotations.annotations(r.kind, at: [.key(r.path[0])]).adaptable else {
            return ("field '\(r.path[0])' of \(r.kind.rawValue) '\(r.id)' is not adaptable, so every handbook shows the model's value",
                    "write the value in the prose, or refer to an adaptable field")
        }
        guard node.pairs == nil, node.sequence == nil else {
            return ("'\(path)' of \(r.kind.rawValue) '\(r.id)' holds \(node.sequence != nil ? "a list" : "several fields"), not one value",
                    "a placeholder shows one value (a number, a date, a word): give the path to one, with the id of a list's item (commitments/first-appointment/target)")
        }
        return nil
    }
}

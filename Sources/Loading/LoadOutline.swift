import Diagnostics

/// A YAML load's outcome as one text, spans included: every node with its place, every
/// diagnostic with its place, related places and help, every written form. Two ways of
/// loading give the same text when they give the same outcome (`SubsetScanner` against
/// libyaml alone in the tests and the YAML fuzz target).
public enum LoadOutline {
    public static func text(_ node: Node?, _ problems: [Diagnostic], _ written: WrittenForms) -> String {
        var out = ""
        func dump(_ node: Node, _ depth: Int) {
            out += String(repeating: " ", count: depth) + "\(node.span.start)-\(node.span.end) "
            switch node.value {
            case let .sequence(items):
                out += "[\n"
                for item in items { dump(item, depth + 1) }
            case let .mapping(pairs):
                out += "{\n"
                for pair in pairs { dump(pair.key, depth + 1); dump(pair.value, depth + 2) }
            default:
                out += "\(node.value)\n"
            }
        }
        if let node { dump(node, 0) } else { out += "nil\n" }
        for problem in problems {
            out += "\(problem.severity) \(problem.rule) \(problem.span.start)-\(problem.span.end) \(problem.message) | \(problem.help ?? "")"
            out += problem.related.map { " | \($0.span.start) \($0.message)" }.joined() + "\n"
        }
        out += written.map { "\($0.key) \($0.value)" }.sorted().joined(separator: "\n")
        return out
    }
}

import Diagnostics
import Loading
import Model

/// No document requires itself through a loop: training prerequisites, the reporting
/// lines of roles.
struct CycleRule: Rule {
    static let rules = [
        RuleInfo("ref-cycle", "Documents require each other in a loop."),
    ]

    /// The fields that say "requires": kind and field name.
    static let edges: [(Kind, String, String)] = [
        (.trainingModule, "prerequisites", "training modules require each other"),
        (.role, "reports_to", "roles report to each other"),
    ]

    func check(_ c: ValidationContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for (kind, field, phrase) in CycleRule.edges {
            var graph: [String: [(String, SourceSpan)]] = [:]
            for doc in c.network.modelDocuments(kind) {
                guard let node = doc.root?[field] else { continue }
                graph[doc.id] = (node.sequence ?? [node]).compactMap { n in n.string.map { ($0, n.span) } }
            }
            var reported = Set<Set<String>>()
            for start in graph.keys.sorted() {
                guard let cycle = findCycle(from: start, graph) else { continue }
                let members = Set(cycle.map(\.0))
                guard !reported.contains(members) else { continue }
                reported.insert(members)
                let names = cycle.map(\.0) + [cycle[0].0]
                out.append(.error("ref-cycle", "\(phrase) in a loop: \(names.joined(separator: " → "))",
                                  at: cycle[0].1,
                                  related: cycle.dropFirst().map { RelatedLocation($0.1, "then '\($0.0)'") },
                                  help: "remove one of the links so that the chain ends"))
            }
        }
        return out
    }

    /// A loop through `start`, as (document, span of its edge to the next one).
    private func findCycle(from start: String, _ graph: [String: [(String, SourceSpan)]]) -> [(String, SourceSpan)]? {
        var path: [(String, SourceSpan)] = []
        var visited = Set<String>()
        func dfs(_ node: String) -> Bool {
            for (next, span) in graph[node] ?? [] {
                path.append((node, span))
                if next == start { return true }
                if !visited.contains(next) {
                    visited.insert(next)
                    if dfs(next) { return true }
                }
                path.removeLast()
            }
            return false
        }
        return dfs(start) ? path : nil
    }
}

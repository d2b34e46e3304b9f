import Diagnostics

/// Finds schemas that apply themselves to the same value again (`$ref`, `allOf`… in a
/// cycle that never moves into a member or an item): validating with them would never
/// end. Cycles that go through `properties` or `items` are fine: each turn consumes a
/// level of the document.
enum LoopCheck {
    static func find(in graph: SchemaGraph) -> [Diagnostic] {
        let count = graph.nodes.count
        // 0 unvisited, 1 on the current path, 2 done.
        var state = [UInt8](repeating: 0, count: count)
        var out: [Diagnostic] = []
        var reported = Set<Int>()
        for start in 0..<count where state[start] == 0 {
            // Iterative depth-first search: (node, next edge to follow).
            var stack: [(Int, Int)] = [(start, 0)]
            state[start] = 1
            while let (node, edge) = stack.last {
                let edges = graph.nodes[node].keywords.inPlace
                if edge < edges.count {
                    stack[stack.count - 1].1 += 1
                    let next = edges[edge]
                    if state[next] == 0 {
                        state[next] = 1
                        stack.append((next, 0))
                    } else if state[next] == 1, !reported.contains(node) {
                        reported.insert(node)
                        let k = graph.nodes[node].keywords
                        let span = k.spans["$ref"] ?? k.spans["$dynamicRef"] ?? k.span
                        out.append(.error("schema-ref-loop",
                                          "this schema leads back to itself without moving into the value; validation would never end",
                                          at: span,
                                          help: "a $ref cycle must pass through properties or items"))
                    }
                } else {
                    state[node] = 2
                    stack.removeLast()
                }
            }
        }
        return out
    }
}

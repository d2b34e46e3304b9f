import JSON

/// The nodes of a JSON-LD graph, each once by its `@id` (the first description of a node
/// wins; later ones must be the same resource), in the order they were first added.
struct LinkedGraph: Sendable {
    private(set) var nodes: [JSONValue] = []
    private var ids: Set<String> = []

    /// Adds a node made of `@id`, `@type` and the properties that have a value.
    mutating func add(_ id: String, _ type: String, _ properties: [(String, JSONValue?)]) {
        guard !ids.contains(id) else { return }
        ids.insert(id)
        var pairs: [(String, JSONValue)] = [("@id", .string(id)), ("@type", .string(type))]
        for (key, value) in properties {
            guard let value else { continue }
            if case let .array(items) = value, items.isEmpty { continue }
            pairs.append((key, value))
        }
        nodes.append(.object(pairs))
    }

    mutating func merge(_ other: LinkedGraph) {
        for node in other.nodes {
            guard case let .string(id)? = node["@id"], !ids.contains(id) else { continue }
            ids.insert(id)
            nodes.append(node)
        }
    }

    func contains(_ id: String) -> Bool { ids.contains(id) }
}

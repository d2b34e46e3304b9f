import JSON

/// The nodes of a JSON-LD graph, each once by its `@id` (the first description of a node
/// wins; later ones must be the same resource), in the order they were first added.
struct LinkedGraph: Sendable {
    private(set) var nodes: [JSONValue] = []
    /// The `@id` of each node, in order.
    private(set) var ids: [String] = []
    /// Whether each node's `@id` is the graph's own: made under the namespace of the one
    /// municipality the graph describes (`https://…/id/<municipality>/…`, its catalogue's
    /// address, its office's page), so that no other municipality's graph has it
    /// (`CPSVCatalogue.municipality`; the network's catalogue does not look these up).
    private(set) var own: [Bool] = []
    private var known: Set<String> = []

    /// Adds a node made of `@id`, `@type` and the properties that have a value.
    mutating func add(_ id: String, _ type: String, own: Bool = false, _ properties: [(String, JSONValue?)]) {
        guard known.insert(id).inserted else { return }
        append(id, type, own: own, properties)
    }

    /// As `add(_:_:own:_:)`, with the properties made only when the node is new: a node
    /// that several others refer to (a concept, a law) is described once.
    mutating func add(_ id: String, _ type: String, own: Bool = false, making properties: () -> [(String, JSONValue?)]) {
        guard known.insert(id).inserted else { return }
        append(id, type, own: own, properties())
    }

    private mutating func append(_ id: String, _ type: String, own: Bool, _ properties: [(String, JSONValue?)]) {
        var pairs: [(String, JSONValue)] = [("@id", .string(id)), ("@type", .string(type))]
        pairs.reserveCapacity(properties.count + 2)
        for (key, value) in properties {
            guard let value else { continue }
            if case let .array(items) = value, items.isEmpty { continue }
            pairs.append((key, value))
        }
        ids.append(id)
        self.own.append(own)
        nodes.append(.object(pairs))
    }

    /// Adds the nodes of another graph that this one lacks; none of them is its own.
    mutating func merge(_ other: LinkedGraph) {
        for (id, node) in zip(other.ids, other.nodes) {
            guard known.insert(id).inserted else { continue }
            ids.append(id)
            own.append(false)
            nodes.append(node)
        }
    }

    func contains(_ id: String) -> Bool { known.contains(id) }
}

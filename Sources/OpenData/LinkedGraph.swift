import JSON
import Presentation

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
    /// The JSON text of each node as an item of a document's `@graph` writes it (one
    /// line, `CPSVCatalogue.pieces`) when the node came written (`add(_:written:)`), else nil.
    private(set) var texts: [[UInt8]?] = []
    private var known = TextSet()

    /// Adds a node made of `@id`, `@type` and the properties that have a value.
    mutating func add(_ id: String, _ type: String, own: Bool = false, _ properties: [(String, JSONValue?)]) {
        guard known.insert(id) else { return }
        append(id, type, own: own, properties)
    }

    /// As `add(_:_:own:_:)`, with the properties made only when the node is new: a node
    /// that several others refer to (a concept, a law) is described once.
    mutating func add(_ id: String, _ type: String, own: Bool = false, making properties: () -> [(String, JSONValue?)]) {
        guard known.insert(id) else { return }
        append(id, type, own: own, properties())
    }

    /// Adds a node made and written elsewhere, shared with other graphs (`ModelNodeCache`):
    /// `written` gives the node and its text, as `CPSVCatalogue.pieces` would write it, and
    /// is asked only when the node is new. It is not the graph's own.
    mutating func add(_ id: String, written: () -> (node: JSONValue, text: [UInt8])) {
        guard known.insert(id) else { return }
        let made = written()
        ids.append(id)
        own.append(false)
        nodes.append(made.node)
        texts.append(made.text)
    }

    private mutating func append(_ id: String, _ type: String, own: Bool, _ properties: [(String, JSONValue?)]) {
        ids.append(id)
        self.own.append(own)
        nodes.append(LinkedGraph.node(id, type, properties))
        texts.append(nil)
    }

    /// A node of `@id`, `@type` and the properties that have a value (not nil, not an empty list).
    static func node(_ id: String, _ type: String, _ properties: [(String, JSONValue?)]) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("@id", .string(id)), ("@type", .string(type))]
        pairs.reserveCapacity(properties.count + 2)
        for (key, value) in properties {
            guard let value else { continue }
            if case let .array(items) = value, items.isEmpty { continue }
            pairs.append((key, value))
        }
        return .object(pairs)
    }

    /// Adds the nodes of another graph that this one lacks; none of them is its own.
    mutating func merge(_ other: LinkedGraph) {
        for i in other.ids.indices {
            guard known.insert(other.ids[i]) else { continue }
            ids.append(other.ids[i])
            own.append(false)
            nodes.append(other.nodes[i])
            texts.append(other.texts[i])
        }
    }

    func contains(_ id: String) -> Bool { known.contains(id) }
}

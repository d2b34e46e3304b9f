import Loading

/// JSON Schema's equality of values is `Node.sameValue(as:)` (Loading); here, a hash
/// consistent with it, for sets of `enum` values and `uniqueItems`.
enum InstanceEquality {
    static func equal(_ a: Node, _ b: Node) -> Bool { a.sameValue(as: b) }

    /// A hash consistent with `equal`.
    static func hash(_ node: Node, into hasher: inout Hasher) {
        switch node.value {
        case .null: hasher.combine(0)
        case let .bool(b): hasher.combine(1); hasher.combine(b)
        case let .int(i): hasher.combine(2); hasher.combine(Double(i))
        case let .double(d): hasher.combine(2); hasher.combine(d)
        case let .string(s): hasher.combine(3); hasher.combine(s)
        case let .sequence(items):
            hasher.combine(4)
            hasher.combine(items.count)
            for item in items { hash(item, into: &hasher) }
        case let .mapping(pairs):
            // Order-independent: combine the members' own hashes commutatively.
            hasher.combine(5)
            var sum = 0
            for p in pairs {
                var h = Hasher()
                h.combine(p.key.keyText)
                hash(p.value, into: &h)
                sum = sum &+ h.finalize()
            }
            hasher.combine(sum)
        }
    }
}

/// A node used as a set member or dictionary key with JSON Schema equality.
struct HashableInstance: Hashable {
    let node: Node

    static func == (a: HashableInstance, b: HashableInstance) -> Bool { InstanceEquality.equal(a.node, b.node) }
    func hash(into hasher: inout Hasher) { InstanceEquality.hash(node, into: &hasher) }
}

import Loading

extension Node {
    /// Whether `other` is the same value as JSON Schema compares values (`enum`, `const`):
    /// numbers by value, mappings regardless of key order, texts as `InstanceEquality` does.
    public func sameValue(as other: Node) -> Bool { InstanceEquality.equal(self, other) }
}

/// Equality of JSON values as JSON Schema defines it (for `enum`, `const` and
/// `uniqueItems`): numbers by value (`1` equals `1.0`), mappings regardless of key order,
/// lists item by item; a boolean is never a number.
enum InstanceEquality {
    static func equal(_ a: Node, _ b: Node) -> Bool {
        switch (a.value, b.value) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.string(x), .string(y)): return sameText(x, y)
        case let (.int(x), .int(y)): return x == y
        case let (.double(x), .double(y)): return x == y
        case let (.int(x), .double(y)), let (.double(y), .int(x)): return numberEquals(x, y)
        case let (.sequence(x), .sequence(y)):
            return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        case let (.mapping(x), .mapping(y)):
            guard x.count == y.count else { return false }
            if x.count <= 8 {
                return x.allSatisfy { p in y.contains { sameText($0.key.keyText, p.key.keyText) && equal($0.value, p.value) } }
            }
            var index: [String: Node.Pair] = [:]
            for p in y { index[p.key.keyText] = p }
            return x.allSatisfy { p in
                guard let q = index[p.key.keyText], sameText(q.key.keyText, p.key.keyText) else { return false }
                return equal(q.value, p.value)
            }
        default: return false
        }
    }

    /// Texts are equal code point by code point (JSON), not by Unicode canonical
    /// equivalence as Swift's `==` compares them: `"é"` and `"e\u{301}"` differ.
    static func sameText(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.elementsEqual(b.unicodeScalars)
    }

    /// An integer and a double are equal when the double is that integer exactly.
    static func numberEquals(_ i: Int, _ d: Double) -> Bool {
        guard d.isFinite, d == d.rounded(), abs(d) < 9.2e18 else { return false }
        return Int(d) == i
    }

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

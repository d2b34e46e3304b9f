/// Equality of JSON values as JSON Schema defines it (for `enum`, `const` and
/// `uniqueItems`), which is also when a municipality's value is the model's own: numbers
/// by value (`1` equals `1.0`), mappings regardless of key order, lists item by item; a
/// boolean is never a number. Spans are not compared.
extension Node {
    /// Whether `other` is the same value as JSON Schema compares values (`enum`, `const`):
    /// numbers by value, mappings regardless of key order, texts code point by code point.
    public func sameValue(as other: Node) -> Bool { NodeEquality.equal(self, other) }
}

enum NodeEquality {
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
}

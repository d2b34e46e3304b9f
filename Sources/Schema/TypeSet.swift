import Loading

/// The value of `type`: a set of the seven JSON Schema types.
struct TypeSet: OptionSet, Hashable, Sendable {
    let rawValue: UInt8

    static let null = TypeSet(rawValue: 1)
    static let boolean = TypeSet(rawValue: 2)
    static let object = TypeSet(rawValue: 4)
    static let array = TypeSet(rawValue: 8)
    static let number = TypeSet(rawValue: 16)
    static let string = TypeSet(rawValue: 32)
    static let integer = TypeSet(rawValue: 64)

    /// The types in a fixed order with their JSON Schema names.
    static let named: [(String, TypeSet)] = [
        ("null", .null), ("boolean", .boolean), ("object", .object), ("array", .array),
        ("number", .number), ("string", .string), ("integer", .integer),
    ]

    init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    init?(name: String) {
        guard let found = TypeSet.named.first(where: { $0.0 == name }) else { return nil }
        self = found.1
    }

    /// Whether `node` has one of the types. `1.0` is an integer; `number` includes integers.
    func matches(_ node: Node) -> Bool {
        switch node.value {
        case .null: return contains(.null)
        case .bool: return contains(.boolean)
        case .mapping: return contains(.object)
        case .sequence: return contains(.array)
        case .string: return contains(.string)
        case .int: return contains(.number) || contains(.integer)
        case let .double(d): return contains(.number) || (contains(.integer) && d.isFinite && d == d.rounded())
        }
    }

    /// The types for people, most usual first: `a string`, `an integer`, `a mapping`…
    var phrases: [String] {
        var out: [String] = []
        if contains(.string) { out.append("a string") }
        if contains(.number) { out.append("a number") } else if contains(.integer) { out.append("an integer") }
        if contains(.boolean) { out.append("true or false") }
        if contains(.object) { out.append("a mapping") }
        if contains(.array) { out.append("a list") }
        if contains(.null) { out.append("null") }
        return out
    }

    /// `a string`, `a string or a mapping`, `null, a string or a list`.
    var phrase: String {
        let p = phrases
        guard p.count > 1 else { return p.first ?? "nothing" }
        return p.dropLast().joined(separator: ", ") + " or " + (p.last ?? "")
    }
}

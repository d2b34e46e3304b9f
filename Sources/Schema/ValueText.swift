import JSON
import Loading

/// How values are written in messages: strings in double quotes, numbers with their
/// type, collections by their shape.
enum ValueText {
    /// `"gratis"`, `integer 8211`, `number 1.5`, `boolean true`, `null`, `a mapping`, `a list`.
    static func describe(_ node: Node) -> String {
        switch node.value {
        case .null: return "null"
        case let .bool(b): return "boolean \(b)"
        case let .int(i): return "integer \(i)"
        case let .double(d): return "number \(number(d))"
        case let .string(s): return quoted(s)
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }

    /// A value as it would be written: `free`, `3`, `true`, compact JSON for collections.
    static func literal(_ node: Node) -> String {
        switch node.value {
        case .null: return "null"
        case let .bool(b): return String(b)
        case let .int(i): return String(i)
        case let .double(d): return number(d)
        case let .string(s): return s.isEmpty ? "\"\"" : s
        case let .sequence(items): return "[" + items.map(literal).joined(separator: ", ") + "]"
        case let .mapping(pairs):
            return "{" + pairs.map { "\($0.key.keyText): \(literal($0.value))" }.joined(separator: ", ") + "}"
        }
    }

    /// A string in double quotes, any other value as it would be written.
    static func shown(_ node: Node) -> String {
        node.string.map(quoted) ?? literal(node)
    }

    /// A string in double quotes, shortened past 60 characters.
    static func quoted(_ s: String) -> String {
        var shown = s
        if s.count > 60 { shown = String(s.prefix(57)) + "…" }
        return JSONValue.quoted(shown)
    }

    /// A number without a trailing `.0` when it is whole.
    static func number(_ d: Double) -> String {
        if d.isFinite, d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
        return String(d)
    }

    /// `1 item`, `2 items`.
    static func count(_ n: Int, _ word: String) -> String {
        "\(n) \(word)\(n == 1 ? "" : "s")"
    }

    /// `1st`, `2nd`, `3rd`, `4th`.
    static func ordinal(_ n: Int) -> String {
        let suffix: String
        switch (n % 10, n % 100) {
        case (1, let t) where t != 11: suffix = "st"
        case (2, let t) where t != 12: suffix = "nd"
        case (3, let t) where t != 13: suffix = "rd"
        default: suffix = "th"
        }
        return "\(n)\(suffix)"
    }
}

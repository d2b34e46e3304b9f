import JSON
import Loading

/// A node's value without its position: as JSON for machines, as a short line for people.
enum NodeValue {
    static func json(_ node: Node?) -> JSONValue {
        guard let node else { return .null }
        switch node.value {
        case .null: return .null
        case let .bool(b): return .bool(b)
        case let .int(i): return .int(i)
        case let .double(d): return .double(d)
        case let .string(s): return .string(s)
        case let .sequence(items): return .array(items.map { json($0) })
        case let .mapping(pairs): return .object(pairs.map { ($0.key.keyText, json($0.value)) })
        }
    }

    /// Flow-style text (`[in-person, phone]`, `{value: 3}`), cut at `limit` characters.
    static func text(_ node: Node?, limit: Int = 120) -> String {
        guard let node else { return "(none)" }
        let full = flow(node)
        return full.count > limit ? String(full.prefix(limit - 1)) + "…" : full
    }

    private static func flow(_ node: Node) -> String {
        switch node.value {
        case .null: return "null"
        case let .bool(b): return b ? "true" : "false"
        case let .int(i): return String(i)
        case let .double(d): return JSONValue.double(d).serialized(pretty: false)
        case let .string(s): return s.contains("\n") ? s.split(separator: "\n").joined(separator: " ") : s
        case let .sequence(items): return "[" + items.map(flow).joined(separator: ", ") + "]"
        case let .mapping(pairs): return "{" + pairs.map { "\($0.key.keyText): \(flow($0.value))" }.joined(separator: ", ") + "}"
        }
    }
}

/// A JSON value whose objects keep their keys in insertion order, so that everything
/// oae writes as JSON is deterministic byte for byte.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.int(a), .int(b)): return a == b
        case let (.double(a), .double(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// `nil` becomes JSON null, so optional fields keep a stable shape.
    public static func optional(_ value: String?) -> JSONValue {
        value.map(JSONValue.string) ?? .null
    }

    public subscript(key: String) -> JSONValue? {
        guard case let .object(pairs) = self else { return nil }
        return pairs.first { $0.0 == key }?.1
    }
}

extension JSONValue {
    /// Serialises the value. `pretty` indents by two spaces, one member per line.
    public func serialized(pretty: Bool = true) -> String {
        String(decoding: bytes(pretty: pretty), as: UTF8.self)
    }

    /// The JSON text as UTF-8 bytes, written into one buffer (the open data of 947
    /// municipalities is hundreds of megabytes of JSON).
    public func bytes(pretty: Bool = true) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(to: &out, pretty: pretty, indent: 0)
        return out
    }

    /// Appends the JSON text of the value as it appears `indent` levels deep in a document
    /// (its first line not indented), so that a document written in pieces (each
    /// municipality's nodes of the catalogue, written once for two files) has the same
    /// bytes as one written whole.
    public func write(into out: inout [UInt8], pretty: Bool = true, indent: Int) {
        write(to: &out, pretty: pretty, indent: indent)
    }

    private func newline(_ out: inout [UInt8], _ indent: Int) {
        out.append(UInt8(ascii: "\n"))
        for _ in 0..<(indent * 2) { out.append(UInt8(ascii: " ")) }
    }

    private func write(to out: inout [UInt8], pretty: Bool, indent: Int) {
        switch self {
        case .null: out += "null".utf8
        case let .bool(b): out += (b ? "true" : "false").utf8
        case let .int(i): out += String(i).utf8
        case let .double(d): out += JSONValue.format(d).utf8
        case let .string(s): JSONValue.escape(s, into: &out)
        case let .array(items):
            if items.isEmpty { out += "[]".utf8; return }
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { newline(&out, indent + 1) }
                item.write(to: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { newline(&out, indent) }
            out.append(UInt8(ascii: "]"))
        case let .object(pairs):
            if pairs.isEmpty { out += "{}".utf8; return }
            out.append(UInt8(ascii: "{"))
            for (i, (key, value)) in pairs.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { newline(&out, indent + 1) }
                JSONValue.escape(key, into: &out)
                out += (pretty ? ": " : ":").utf8
                value.write(to: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { newline(&out, indent) }
            out.append(UInt8(ascii: "}"))
        }
    }

    static func format(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
        return String(d)
    }

    /// A string in double quotes with JSON's escapes (RFC 8259): valid as a JSON string
    /// and as a YAML double-quoted scalar, and readable in messages.
    public static func quoted(_ s: String) -> String {
        var out = ""
        escape(s, into: &out)
        return out
    }

    /// Escapes a string as JSON (RFC 8259), leaving non-ASCII characters as they are.
    public static func escape(_ s: String, into out: inout String) {
        var bytes: [UInt8] = []
        escape(s, into: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// Escapes a string as JSON into UTF-8 bytes: runs of bytes that need no escape are
    /// copied as they are.
    public static func escape(_ s: String, into out: inout [UInt8]) {
        var s = s
        out.append(UInt8(ascii: "\""))
        s.withUTF8 { b in
            var run = 0
            var i = 0
            func flush(_ upTo: Int) { if upTo > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<upTo])) } }
            while i < b.count {
                let c = b[i]
                // Most bytes need nothing: skip them before the cases below.
                if c >= 0x20, c != UInt8(ascii: "\""), c != UInt8(ascii: "\\"), c != 0xE2 { i += 1; continue }
                var escaped: String?
                var width = 1
                switch c {
                case UInt8(ascii: "\""): escaped = "\\\""
                case UInt8(ascii: "\\"): escaped = "\\\\"
                case 0x0A: escaped = "\\n"
                case 0x0D: escaped = "\\r"
                case 0x09: escaped = "\\t"
                case 0x08: escaped = "\\b"
                case 0x0C: escaped = "\\f"
                case 0..<0x20: escaped = "\\u00" + (c < 0x10 ? "0" : "") + String(c, radix: 16)
                case 0xE2 where i + 2 < b.count && b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9):
                    escaped = b[i + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    width = 3
                default: break
                }
                if let escaped {
                    flush(i)
                    out += escaped.utf8
                    i += width
                    run = i
                } else {
                    i += 1
                }
            }
            flush(b.count)
        }
        out.append(UInt8(ascii: "\""))
    }
}

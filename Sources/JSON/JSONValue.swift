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

    /// A JSON-LD document as oae writes it, with a final line break: its members one per
    /// line, indented by two spaces (as `bytes(pretty:)`), except the nodes of its
    /// `@graph`, each on one line of its own, without spaces. A graph's node is one line
    /// to `grep` and to `diff`, and the open data of 947 municipalities (330 MB indented)
    /// is a quarter smaller. Any other value is written as `bytes(pretty:)` writes it.
    public func linkedDataBytes() -> [UInt8] {
        guard case let .object(pairs) = self, !pairs.isEmpty else {
            var out = bytes(pretty: true)
            out.append(0x0A)
            return out
        }
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        out.append(UInt8(ascii: "{"))
        for i in pairs.indices {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            JSONValue.newline(&out, 1)
            JSONValue.escape(pairs[i].0, into: &out)
            out += ": ".utf8
            guard pairs[i].0 == "@graph", case let .array(nodes) = pairs[i].1, !nodes.isEmpty else {
                pairs[i].1.write(to: &out, pretty: true, indent: 1)
                continue
            }
            out.append(UInt8(ascii: "["))
            for k in nodes.indices {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                JSONValue.newline(&out, 2)
                nodes[k].write(to: &out, pretty: false, indent: 0)
            }
            JSONValue.newline(&out, 1)
            out.append(UInt8(ascii: "]"))
        }
        out += "\n}\n".utf8
        return out
    }

    /// Appends the JSON text of the value as it appears `indent` levels deep in a document
    /// (its first line not indented), so that a document written in pieces (each
    /// municipality's nodes of the catalogue, written once for two files) has the same
    /// bytes as one written whole.
    public func write(into out: inout [UInt8], pretty: Bool = true, indent: Int) {
        write(to: &out, pretty: pretty, indent: indent)
    }

    /// A line break and the spaces of 32 levels of indentation: `newline` copies the
    /// prefix it needs rather than appending a space at a time.
    private static let indentation: [UInt8] = [UInt8(ascii: "\n")] + [UInt8](repeating: UInt8(ascii: " "), count: 64)

    private static func newline(_ out: inout [UInt8], _ indent: Int) {
        let spaces = indent * 2
        if spaces < indentation.count {
            out += indentation[0...spaces]
        } else {
            out += indentation
            out += repeatElement(UInt8(ascii: " "), count: spaces - indentation.count + 1)
        }
    }

    // The arrays and objects are read through their buffers: iterating them copied
    // (retained and released) every item and key.
    private func write(to out: inout [UInt8], pretty: Bool, indent: Int) {
        switch self {
        case .null: out += "null".utf8
        case let .bool(b): out += (b ? "true" : "false").utf8
        case let .int(i): out += String(i).utf8
        case let .double(d): out += JSONValue.format(d).utf8
        case let .string(s): JSONValue.escape(s, into: &out)
        case let .array(items):
            if items.isEmpty { out.append(UInt8(ascii: "[")); out.append(UInt8(ascii: "]")); return }
            out.append(UInt8(ascii: "["))
            items.withUnsafeBufferPointer { items in
                for i in 0..<items.count {
                    if i > 0 { out.append(UInt8(ascii: ",")) }
                    if pretty { JSONValue.newline(&out, indent + 1) }
                    items[i].write(to: &out, pretty: pretty, indent: indent + 1)
                }
            }
            if pretty { JSONValue.newline(&out, indent) }
            out.append(UInt8(ascii: "]"))
        case let .object(pairs):
            if pairs.isEmpty { out.append(UInt8(ascii: "{")); out.append(UInt8(ascii: "}")); return }
            out.append(UInt8(ascii: "{"))
            pairs.withUnsafeBufferPointer { pairs in
                for i in 0..<pairs.count {
                    if i > 0 { out.append(UInt8(ascii: ",")) }
                    if pretty { JSONValue.newline(&out, indent + 1) }
                    JSONValue.escape(pairs[i].0, into: &out)
                    out.append(UInt8(ascii: ":"))
                    if pretty { out.append(UInt8(ascii: " ")) }
                    pairs[i].1.write(to: &out, pretty: pretty, indent: indent + 1)
                }
            }
            if pretty { JSONValue.newline(&out, indent) }
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
    /// copied as they are, found eight bytes at a time.
    public static func escape(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        if s.utf8.withContiguousStorageIfAvailable({ escape($0, into: &out) }) == nil {
            var s = s
            s.withUTF8 { escape($0, into: &out) }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Whether none of eight bytes (read as one word) needs a look: no control character
    /// (below 0x20), no `"`, no `\\` and no 0xE2 (the first byte of U+2028 and U+2029).
    /// It may answer false for eight bytes that need nothing, never true for any that do
    /// (the zero-byte test of "Bit Twiddling Hacks", S. E. Anderson).
    @inline(__always)
    private static func plain(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func zeroByte(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & high }
        let control = (w &- ones &* 0x20) & ~w & high
        return control | zeroByte(w ^ (ones &* 0x22)) | zeroByte(w ^ (ones &* 0x5C)) | zeroByte(w ^ (ones &* 0xE2)) == 0
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// The body of `escape(_:into:)`, without the quotes.
    static func escape(_ b: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        guard let base = b.baseAddress else { return }
        let n = b.count
        var run = 0
        var i = 0
        while i < n {
            while i + 8 <= n, plain(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) { i += 8 }
            let end = min(i + 8, n)
            while i < end {
                let c = base[i]
                if c >= 0x20, c != UInt8(ascii: "\""), c != UInt8(ascii: "\\"), c != 0xE2 { i += 1; continue }
                var escaped: (UInt8, UInt8)?
                switch c {
                case UInt8(ascii: "\""): escaped = (UInt8(ascii: "\\"), UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): escaped = (UInt8(ascii: "\\"), UInt8(ascii: "\\"))
                case 0x0A: escaped = (UInt8(ascii: "\\"), UInt8(ascii: "n"))
                case 0x0D: escaped = (UInt8(ascii: "\\"), UInt8(ascii: "r"))
                case 0x09: escaped = (UInt8(ascii: "\\"), UInt8(ascii: "t"))
                case 0x08: escaped = (UInt8(ascii: "\\"), UInt8(ascii: "b"))
                case 0x0C: escaped = (UInt8(ascii: "\\"), UInt8(ascii: "f"))
                case 0..<0x20:
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<i]))
                    out += "\\u00".utf8
                    out.append(hexDigits[Int(c >> 4)])
                    out.append(hexDigits[Int(c & 0xF)])
                    i += 1
                    run = i
                    continue
                case 0xE2 where i + 2 < n && base[i + 1] == 0x80 && (base[i + 2] == 0xA8 || base[i + 2] == 0xA9):
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<i]))
                    out += (base[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8
                    i += 3
                    run = i
                    continue
                default: break
                }
                if let (first, second) = escaped {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<i]))
                    out.append(first)
                    out.append(second)
                    run = i + 1
                }
                i += 1
            }
        }
        if n > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<n])) }
    }
}

/// HTML helpers for text that does not go through a template.
public enum HTML {
    /// Escapes text for HTML content and attribute values: `< > & " '`.
    public static func escape(_ s: String) -> String {
        // Most texts have nothing to escape: one pass over the bytes says so.
        guard s.utf8.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 }) else { return s }
        var out: [UInt8] = []
        escape(s, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Escapes text into UTF-8 bytes: runs of bytes that need no escape are copied as
    /// they are (every escaped character is ASCII, so a byte is a character).
    public static func escape(_ s: String, into out: inout [UInt8]) {
        // A native string's bytes are read in place; only another (bridged) is copied.
        if s.utf8.withContiguousStorageIfAvailable({ escape(utf8: $0, into: &out) }) != nil { return }
        var s = s
        s.withUTF8 { escape(utf8: $0, into: &out) }
    }

    /// Escapes UTF-8 text into `out` (`escape(_:into:)`).
    static func escape(utf8 b: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        out.reserveCapacity(out.count + b.count)
        var run = 0
        for i in 0..<b.count {
            let entity: StaticString
            switch b[i] {
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "\""): entity = "&quot;"
            case UInt8(ascii: "'"): entity = "&#39;"
            default: continue
            }
            if i > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<i])) }
            entity.withUTF8Buffer { out.append(contentsOf: $0) }
            run = i + 1
        }
        if b.count > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<b.count])) }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Substring search on UTF-8 bytes with the C library's `memchr` and `memcmp`, for checks that run on
/// every value of the tree (the placeholder rule reads each of the ~500,000 strings of a
/// 947-municipality network). Foundation's `contains`/`range(of:)` convert to UTF-16
/// first. The needle is ASCII or whole UTF-8 sequences, so a byte match is a match of
/// characters.
public enum ByteSearch {
    /// Whether `needle` occurs in `text`, by bytes.
    public static func contains(_ text: String, _ needle: String) -> Bool {
        var text = text
        var needle = needle
        return text.withUTF8 { hay in
            needle.withUTF8 { n in
                guard n.count > 0 else { return true }
                guard hay.count >= n.count, let h = hay.baseAddress, let p = n.baseAddress else { return false }
                let first = Int32(p.pointee)
                let last = hay.count - n.count
                var at = 0
                while at <= last {
                    guard let hit = memchr(h + at, first, last - at + 1) else { return false }
                    let offset = h.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(h + offset, p, n.count) == 0 { return true }
                    at = offset + 1
                }
                return false
            }
        }
    }
}

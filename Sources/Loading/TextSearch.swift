#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Substring search on the UTF-8 bytes of a native Swift string, with the C library's
/// `memchr` and `memcmp`: the HTML passes that run on every page of the site (scroll
/// regions, the contents list, search marks) and the checks that run on every value of the
/// tree (placeholders, value references: ~500,000 strings at 947 municipalities) use it
/// instead of Foundation's `range(of:)`, which converts to UTF-16 and cost a third of the
/// site's build time (issue 13).
///
/// Needles are ASCII or whole UTF-8 sequences, so a byte match is a character match.
extension StringProtocol {
    /// The first range of `needle` in `self[from...]` (from the start when `from` is
    /// nil), by bytes; nil when there is none.
    public func utf8Range(of needle: String, from: Index? = nil) -> Range<Index>? {
        utf8Range(of: needle, in: (from ?? startIndex)..<endIndex)
    }

    /// The first range of `needle` inside `range`, by bytes.
    public func utf8Range(of needle: String, in range: Range<Index>) -> Range<Index>? {
        var needle = needle
        let lower = utf8.distance(from: utf8.startIndex, to: range.lowerBound)
        let upper = utf8.distance(from: utf8.startIndex, to: range.upperBound)
        let found: Int?? = utf8.withContiguousStorageIfAvailable { hay in
            needle.withUTF8 { n -> Int? in
                guard n.count > 0, upper - lower >= n.count, let base = hay.baseAddress else { return nil }
                return find(n, in: UnsafeBufferPointer(rebasing: hay[lower..<upper])).map { lower + $0 }
            }
        }
        let offset: Int?
        if let found { offset = found } else {
            // A bridged or otherwise non-contiguous string: search a copy of its bytes.
            let bytes = Array(utf8[range])
            offset = bytes.withUnsafeBufferPointer { hay -> Int? in
                needle.withUTF8 { n -> Int? in
                    guard n.count > 0 else { return nil }
                    return find(n, in: hay).map { lower + $0 }
                }
            }
        }
        guard let offset else { return nil }
        let start = utf8.index(utf8.startIndex, offsetBy: offset)
        return start..<utf8.index(start, offsetBy: needle.utf8.count)
    }

    /// The last range of `needle` that ends at or before `end`, by bytes.
    public func utf8LastRange(of needle: String, before end: Index) -> Range<Index>? {
        var found: Range<Index>?
        var from = startIndex
        while let r = utf8Range(of: needle, in: from..<end) {
            found = r
            from = r.upperBound
        }
        return found
    }

    /// Whether `needle` occurs, by bytes (an empty needle occurs everywhere).
    public func utf8Contains(_ needle: String) -> Bool { needle.isEmpty || utf8Range(of: needle) != nil }

    /// Whether the text is empty or only spaces, tabs and line breaks: a text that shows
    /// nothing (a translation written `es: "   "` is none). Inlinable and stopping at the
    /// first other byte: the localizer asks it of every text it reads (through
    /// `allSatisfy` across modules, unspecialised, it was 7% of the handbooks' CPU).
    @inlinable public var isBlankText: Bool {
        @inline(__always) func blank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        // Most texts begin with a letter: answered by their first byte, without the
        // closure over their storage (each language of every text picked for a page asks).
        // The first byte by the view's iterator: `utf8.first` was a call into the standard
        // library (its index checks), 1.7% of a site build at 947 municipalities.
        var iterator = utf8.makeIterator()
        guard let first = iterator.next() else { return true }
        if !blank(first) { return false }
        if let found = utf8.withContiguousStorageIfAvailable({ bytes -> Bool in
            for byte in bytes where !blank(byte) { return false }
            return true
        }) { return found }
        for byte in utf8 where !blank(byte) { return false }
        return true
    }

    /// How many times `needle` occurs without overlapping, by bytes.
    public func utf8Count(of needle: String) -> Int {
        var count = 0
        var from = startIndex
        while let r = utf8Range(of: needle, from: from) {
            count += 1
            from = r.upperBound
        }
        return count
    }
}

/// The offset of the first `needle` in `hay`: `memchr` finds each candidate first byte,
/// `memcmp` compares the rest.
func find(_ needle: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>) -> Int? {
    guard let n = needle.baseAddress, let h = hay.baseAddress, needle.count > 0, hay.count >= needle.count else { return nil }
    let first = Int32(n.pointee)
    let last = hay.count - needle.count
    var at = 0
    while at <= last {
        guard let hit = memchr(h + at, first, last - at + 1) else { return nil }
        let offset = h.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        if memcmp(h + offset, n, needle.count) == 0 { return offset }
        at = offset + 1
    }
    return nil
}

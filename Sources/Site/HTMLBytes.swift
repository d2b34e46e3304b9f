#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Searches in the UTF-8 bytes of a page, for the passes every page goes through before
/// the layout (`ScrollRegions`, `Contents`, `Layout.searchable`): they work on the bytes
/// the templates wrote and give bytes to the layout, so that a page is never decoded into
/// a `String` and validated again between them (issue 13). Needles are ASCII, so a byte
/// match is a character match.
enum HTMLBytes {
    /// The first `count` bytes at `needle` in the `length` bytes at `hay`, by the C
    /// library's `memmem` (glibc's two-way search; the Glibc module leaves it out, as a
    /// GNU extension, so it is declared here). A needle of two bytes (`<h`, which every page
    /// is searched for) is found by `memchr` on its first byte instead: glibc compares a
    /// two-byte needle byte by byte, 4.4 times slower than `memchr`'s vector search on a
    /// page of the site, and `memmem` was 2% of a site build at 947 municipalities (issue
    /// 13). A one-byte needle goes the same way (glibc's `memmem` calls `memchr` for it).
    /// Longer needles are rare enough in a page for `memmem` to be faster.
    static func memmem(_ hay: UnsafePointer<UInt8>, _ length: Int, _ needle: UnsafePointer<UInt8>, _ count: Int) -> UnsafePointer<UInt8>? {
        guard count > 0, length >= count else { return nil }
        guard count <= 2 else {
            return c_memmem(hay, length, needle, count).map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) }
        }
        var from = hay
        let last = hay + (length - count)  // the last place a match can start
        while from <= last {
            guard let hit = memchr(from, Int32(needle[0]), last - from + 1) else { return nil }
            let at = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self))
            if count == 1 || at[1] == needle[1] { return at }
            from = at + 1
        }
        return nil
    }

    /// The offset of the first `needle` in `hay[from..<to]` (`to` defaults to the end);
    /// nil when there is none.
    static func find(_ needle: StaticString, in hay: [UInt8], from: Int = 0, to: Int? = nil) -> Int? {
        let end = to ?? hay.count
        guard from <= end, end - from >= needle.utf8CodeUnitCount else { return nil }
        return hay.withUnsafeBufferPointer { h -> Int? in
            guard let base = h.baseAddress,
                  let hit = memmem(base + from, end - from, needle.utf8Start, needle.utf8CodeUnitCount) else { return nil }
            return base.distance(to: hit)
        }
    }

    /// The offset of the first `byte` in `hay[from..<to]`.
    static func find(byte: UInt8, in hay: [UInt8], from: Int, to: Int? = nil) -> Int? {
        let end = to ?? hay.count
        guard from < end else { return nil }
        return hay.withUnsafeBufferPointer { h -> Int? in
            guard let base = h.baseAddress, let hit = memchr(base + from, Int32(byte), end - from) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// Whether `needle` occurs in `hay`.
    static func contains(_ needle: StaticString, in hay: [UInt8], from: Int = 0, to: Int? = nil) -> Bool {
        find(needle, in: hay, from: from, to: to) != nil
    }

    /// How many times `needle` occurs in `hay` without overlapping, counted up to `limit`
    /// (the search stops there).
    static func count(_ needle: StaticString, in hay: [UInt8], upTo limit: Int = .max) -> Int {
        var n = 0
        var from = 0
        while n < limit, let at = find(needle, in: hay, from: from) {
            n += 1
            from = at + needle.utf8CodeUnitCount
        }
        return n
    }

    /// The offset of the last `needle` that ends at or before `end`.
    static func findLast(_ needle: StaticString, in hay: [UInt8], before end: Int) -> Int? {
        var found: Int?
        var from = 0
        while let at = find(needle, in: hay, from: from, to: end) {
            found = at
            from = at + needle.utf8CodeUnitCount
        }
        return found
    }

    /// The value of `name="…"` in the start tag `hay[from..<to]` (as oae writes it: double
    /// quotes, escaped); nil when the tag has no such attribute. The first ` name="` is
    /// found by looking for `name` and checking the bytes around it (without making the
    /// pattern, an array, for every tag of every page).
    static func attribute(_ name: StaticString, in hay: [UInt8], from: Int, to: Int) -> String? {
        let n = name.utf8CodeUnitCount
        var at = from + 1
        var start: Int?
        while let hit = find(name, in: hay, from: at, to: to) {
            if hay[hit - 1] == 0x20, hit + n + 2 <= to, hay[hit + n] == UInt8(ascii: "="), hay[hit + n + 1] == UInt8(ascii: "\"") {
                start = hit + n + 2
                break
            }
            at = hit + 1
        }
        guard let start, let quote = find(byte: UInt8(ascii: "\""), in: hay, from: start, to: to) else { return nil }
        return String(decoding: hay[start..<quote], as: UTF8.self)
    }
}

/// `void *memmem(const void *haystack, size_t haystacklen, const void *needle, size_t needlelen)`
/// (glibc, BSD libc).
@_silgen_name("memmem")
private func c_memmem(_ hay: UnsafeRawPointer, _ length: Int, _ needle: UnsafeRawPointer, _ count: Int) -> UnsafeMutableRawPointer?
